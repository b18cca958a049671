/*
 * date: day numbers and the parsers for dates and durations.
 * The civil-date arithmetic is the well-known era-based algorithm, exact
 * for the proleptic Gregorian calendar.
 */
#include "refgraph/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "refgraph/util.h"

int rg_date_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	const int era = (y >= 0 ? y : y - 399) / 400;
	const unsigned yoe = (unsigned)(y - era * 400);
	const unsigned doy = (153 * (unsigned)(m + (m > 2 ? -3 : 9)) + 2) / 5 +
			     (unsigned)d - 1;
	const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int)doe - 719468;
}

void rg_date_to_civil(int z, int *y, int *m, int *d)
{
	z += 719468;
	const int era = (z >= 0 ? z : z - 146096) / 146097;
	const unsigned doe = (unsigned)(z - era * 146097);
	const unsigned yoe =
		(doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const int yy = (int)yoe + era * 400;
	const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const unsigned mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yy + (*m <= 2);
}

static int isdig(int c)
{
	return c >= '0' && c <= '9';
}

/* The white space around a value, as every module means it (util.h). */
static void trim(const char **s, size_t *n)
{
	size_t b = 0, e = *n;
	rg_trim(*s, &b, &e);
	*s += b;
	*n = e - b;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30,
				 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

bool rg_date_parse10(const char *s, int *day)
{
	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return false;
		} else if (!isdig((unsigned char)s[i])) {
			return false;
		}
	}
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
		(s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	*day = rg_date_from_civil(y, m, d);
	return true;
}

/* HH:MM[:SS[.frac]][Z|(+|-)HH[:]MM] at s[0..n); the whole rest. */
static bool time_of_day(const char *s, size_t n)
{
	size_t i = 0;
	if (n < 5 || !isdig((unsigned char)s[0]) ||
	    !isdig((unsigned char)s[1]) || s[2] != ':' ||
	    !isdig((unsigned char)s[3]) || !isdig((unsigned char)s[4]))
		return false;
	if ((s[0] - '0') * 10 + (s[1] - '0') > 23 ||
	    (s[3] - '0') * 10 + (s[4] - '0') > 59)
		return false;
	i = 5;
	if (i + 3 <= n && s[i] == ':' && isdig((unsigned char)s[i + 1]) &&
	    isdig((unsigned char)s[i + 2])) {
		i += 3;
		if (i < n && s[i] == '.') {
			i++;
			if (i >= n || !isdig((unsigned char)s[i]))
				return false;
			while (i < n && isdig((unsigned char)s[i]))
				i++;
		}
	}
	while (i < n && s[i] == ' ')
		i++;
	if (i < n && (s[i] == 'Z' || s[i] == 'z')) {
		i++;
	} else if (i < n && (s[i] == '+' || s[i] == '-')) {
		i++;
		size_t k = 0;
		while (i < n && (isdig((unsigned char)s[i]) || s[i] == ':') &&
		       k < 5) {
			i++;
			k++;
		}
		if (k < 1)
			return false;
	}
	return i == n;
}

bool rg_date_parse(const char *s, size_t n, int *day)
{
	trim(&s, &n);
	if (n < 10)
		return false;
	if (n > 10) {
		if (s[10] != 'T' && s[10] != ' ')
			return false;
		size_t k = 11;
		while (k < n && s[k] == ' ')
			k++;
		if (!time_of_day(s + k, n - k))
			return false;
	}
	return rg_date_parse10(s, day);
}

void rg_date_format(int day, char out[11])
{
	int y, m, d;
	rg_date_to_civil(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		snprintf(out, 11, "0000-00-00");
		return;
	}
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

int rg_date_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	if (localtime_r(&t, &tm) == NULL)
		return rg_date_from_civil(1970, 1, 1);
	return rg_date_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Longer than any follow-up cadence a person keeps (about 270 years),
 * short enough that days times 365 fits an int. */
#define DURATION_MAX 100000

bool rg_date_duration_parse(const char *s, size_t n, int *days)
{
	trim(&s, &n);
	if (n < 2)
		return false;
	long v = 0;
	size_t i = 0;
	for (; i + 1 < n; i++) {
		if (!isdig((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
		if (v > DURATION_MAX)
			return false;
	}
	if (v < 1)
		return false;
	int mult;
	switch (s[n - 1]) {
	case 'd':
	case 'D': mult = 1; break;
	case 'w':
	case 'W': mult = 7; break;
	case 'm':
	case 'M': mult = 30; break;
	case 'y':
	case 'Y': mult = 365; break;
	default: return false;
	}
	*days = (int)v * mult;
	return true;
}
