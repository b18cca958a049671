/*
 * date: civil dates as day numbers (days since 1970-01-01), and the date
 * and duration values of the notes format.
 */
#ifndef REFGRAPH_DATE_H
#define REFGRAPH_DATE_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "refgraph/value.h"

/* The "no date" value; every real day number is greater. */
#define RG_NODATE INT_MIN

int rg_date_from_civil(int y, int m, int d);
void rg_date_to_civil(int z, int *y, int *m, int *d);

/*
 * Parse s[0..n) as YYYY-MM-DD, a real Gregorian day, optionally followed by
 * 'T' or a space and a time of day (ignored); surrounding blanks allowed.
 * Returns true and sets *day, or false.
 */
bool rg_date_parse(const char *s, size_t n, int *day);
/* Parse exactly YYYY-MM-DD at s (at least 10 bytes readable). */
bool rg_date_parse10(const char *s, int *day);
/* Write YYYY-MM-DD and a NUL into out (11 bytes). */
void rg_date_format(int day, char out[11]);
/* Today's local date. */
int rg_date_today(void);

/* A whole number >= 1 then d, w, m (30) or y (365), any case: days. */
bool rg_date_duration_parse(const char *s, size_t n, int *days);

/* The names these had before they carried their module's prefix, for the
 * callers that still use them. */
#define rg_days_from_civil rg_date_from_civil
#define rg_civil_from_days rg_date_to_civil
#define rg_duration_parse  rg_date_duration_parse
#define rg_number_parse	   rg_value_number
#define rg_count_parse	   rg_value_count

#endif
