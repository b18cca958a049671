/*
 * date: civil dates as day numbers (days since 1970-01-01), and the value
 * parsers of the notes format: dates, durations and numbers.
 */
#ifndef REFGRAPH_DATE_H
#define REFGRAPH_DATE_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

/* The "no date" value; every real day number is greater. */
#define RG_NODATE INT_MIN

int rg_days_from_civil(int y, int m, int d);
void rg_civil_from_days(int z, int *y, int *m, int *d);

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
bool rg_duration_parse(const char *s, size_t n, int *days);
/* -?[0-9][0-9,_]*(\.[0-9]+)? with ',' and '_' ignored. */
bool rg_number_parse(const char *s, size_t n, double *out);
/* A whole number >= 0 (settings). */
bool rg_count_parse(const char *s, size_t n, int *out);

#endif
