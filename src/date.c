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

/* The number of digits at s[i..n), at most max. */
static size_t ndigits(const char *s, size_t i, size_t n, size_t max)
{
	size_t k = 0;
	while (i + k < n && k < max && isdig((unsigned char)s[i + k]))
		k++;
	return k;
}

static int two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/*
 * A zone at s[i..n): Z, +HH:MM, -HH:MM, +HHMM or +HH; the whole rest.
 * The hour has two digits: YAML's own timestamps allow one (-5), the
 * notes format does not, and a value it does not read is not a date.
 */
static bool zone(const char *s, size_t i, size_t n)
{
	if (i == n)
		return true;
	if (s[i] == 'Z')
		return i + 1 == n;
	if (s[i] != '+' && s[i] != '-')
		return false;
	if (ndigits(s, i + 1, n, 2) != 2)
		return false;
	i += 3;
	if (i == n)
		return true; /* +HH */
	if (s[i] == ':')
		i++;
	return ndigits(s, i, n, 2) == 2 && i + 2 == n;
}

/*
 * H:MM or HH:MM (hours 0-23, minutes 0-59), optionally :SS (0-59) and a
 * fraction .digits, then optionally blanks and a zone; the whole of
 * s[0..n).
 */
static bool time_of_day(const char *s, size_t n)
{
	size_t h = ndigits(s, 0, n, 2), i;
	if (h == 0 || h >= n || s[h] != ':' || ndigits(s, h + 1, n, 2) != 2)
		return false;
	int hour = h == 1 ? s[0] - '0' : two(s);
	if (hour > 23 || two(s + h + 1) > 59)
		return false;
	i = h + 3;
	if (i < n && s[i] == ':') {
		if (ndigits(s, i + 1, n, 2) != 2 || two(s + i + 1) > 59)
			return false;
		i += 3;
		if (i < n && s[i] == '.') {
			size_t f = ndigits(s, i + 1, n, n);
			if (f == 0)
				return false;
			i += 1 + f;
		}
	}
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return zone(s, i, n);
}

bool rg_date_parse(const char *s, size_t n, int *day)
{
	trim(&s, &n);
	if (n < 10)
		return false;
	if (n > 10 &&
	    ((s[10] != 'T' && s[10] != ' ') || !time_of_day(s + 11, n - 11)))
		return false;
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
	/* by hand rather than snprintf: reports write tens of thousands */
	const int v[3] = {y, m, d}, w[3] = {4, 2, 2};
	char *p = out;
	for (int k = 0; k < 3; k++) {
		if (k)
			*p++ = '-';
		for (int i = w[k] - 1, x = v[k]; i >= 0; i--, x /= 10)
			p[i] = (char)('0' + x % 10);
		p += w[k];
	}
	*p = '\0';
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
