/*
 * value: the plain values of the notes format and the settings that are
 * not dates (date.h has those): numbers and whole counts.
 */
#ifndef REFGRAPH_VALUE_H
#define REFGRAPH_VALUE_H

#include <stdbool.h>
#include <stddef.h>

/* -?[0-9][0-9,_]*(\.[0-9]+)? with ',' and '_' ignored. */
bool rg_value_number(const char *s, size_t n, double *out);
/* A whole number >= 0 (settings). */
bool rg_value_count(const char *s, size_t n, int *out);

#endif
