/*
 * value: the plain values of the notes format and the settings that are
 * not dates: numbers and whole counts.
 */
#include "refgraph/value.h"

#include <stdlib.h>
#include <string.h>

#include "refgraph/util.h"

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

bool rg_value_number(const char *s, size_t n, double *out)
{
	trim(&s, &n);
	char tmp[64];
	size_t k = 0, i = 0;
	if (i < n && s[i] == '-')
		tmp[k++] = s[i++];
	if (i >= n || !isdig((unsigned char)s[i]))
		return false;
	for (; i < n &&
	       (isdig((unsigned char)s[i]) || s[i] == ',' || s[i] == '_');
	     i++) {
		if (s[i] == ',' || s[i] == '_')
			continue;
		if (k >= sizeof tmp - 2)
			return false;
		tmp[k++] = s[i];
	}
	if (i < n && s[i] == '.') {
		if (i + 1 >= n || !isdig((unsigned char)s[i + 1]))
			return false;
		tmp[k++] = s[i++];
		for (; i < n && isdig((unsigned char)s[i]); i++) {
			if (k >= sizeof tmp - 1)
				return false;
			tmp[k++] = s[i];
		}
	}
	if (i != n)
		return false;
	tmp[k] = '\0';
	*out = strtod(tmp, NULL);
	return true;
}

bool rg_value_count(const char *s, size_t n, int *out)
{
	trim(&s, &n);
	if (n == 0 || n > 6)
		return false;
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isdig((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}
