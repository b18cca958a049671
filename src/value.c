/*
 * value: the plain values of the notes format and the settings that are
 * not dates: numbers (with a currency and k/M), yes/no words, whole
 * counts, the items of a comma list and tag words.
 */
#include "refgraph/value.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

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

/* Longer than any amount written by hand; longer is not a number. */
#define NUMBER_MAX_DIGITS 60

/*
 * A currency at s[0..n): one code point of category Sc, or three upper
 * case ASCII letters not followed by another letter.  Its length, or 0.
 */
static size_t currency_len(const char *s, size_t n)
{
	if (n >= 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
	    s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z' &&
	    (n == 3 || !((s[3] | 0x20) >= 'a' && (s[3] | 0x20) <= 'z')))
		return 3;
	if (n == 0)
		return 0;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s,
					      (utf8proc_ssize_t)n, &cp);
	if (k > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_SC)
		return (size_t)k;
	return 0;
}

static size_t skip_space(const char *s, size_t i, size_t n)
{
	size_t k;
	while (i < n && (k = rg_space_len(s + i, n - i)) > 0)
		i += k;
	return i;
}

/*
 * The number itself at s[*i..n): -?[0-9][0-9,_]*(\.[0-9]+)?[kKM]?, into
 * tmp as strtod reads it (with an exponent for the suffix).  *dot3 tells
 * whether its only separator is one '.' and three digits.
 */
static bool digits(const char *s, size_t *i, size_t n, char *tmp, bool *dot3)
{
	size_t k = 0, j = *i, seps = 0, frac = 0;
	bool dot = false;
	if (j < n && s[j] == '-')
		tmp[k++] = s[j++];
	if (j >= n || !isdig((unsigned char)s[j]))
		return false;
	for (; j < n &&
	       (isdig((unsigned char)s[j]) || s[j] == ',' || s[j] == '_');
	     j++) {
		if (s[j] == ',' || s[j] == '_')
			seps++;
		else if (k < NUMBER_MAX_DIGITS)
			tmp[k++] = s[j];
		else
			return false;
	}
	if (j < n && s[j] == '.') {
		if (j + 1 >= n || !isdig((unsigned char)s[j + 1]))
			return false;
		dot = true;
		tmp[k++] = s[j++];
		for (; j < n && isdig((unsigned char)s[j]); j++, frac++)
			if (k < NUMBER_MAX_DIGITS)
				tmp[k++] = s[j];
			else
				return false;
	}
	/* 5MXN is 5 pesos, 5MEUR five million euros */
	if (j < n && (s[j] == 'k' || s[j] == 'K' || s[j] == 'M') &&
	    currency_len(s + j, n - j) != 3) {
		memcpy(tmp + k, s[j] == 'M' ? "e6" : "e3", 2);
		k += 2;
		j++;
	}
	tmp[k] = '\0';
	*dot3 = dot && seps == 0 && frac == 3;
	*i = j;
	return true;
}

rg_numform rg_value_number(const char *s, size_t n, double *out)
{
	char tmp[NUMBER_MAX_DIGITS + 4];
	bool dot3 = false;
	trim(&s, &n);
	size_t i = 0, cur = currency_len(s, n);
	if (cur)
		i = skip_space(s, cur, n);
	if (!digits(s, &i, n, tmp, &dot3))
		return RG_NUM_BAD;
	if (!cur && i < n) {
		size_t j = skip_space(s, i, n);
		cur = currency_len(s + j, n - j);
		if (cur == 0)
			return RG_NUM_BAD;
		i = j + cur;
	}
	if (i != n)
		return RG_NUM_BAD;
	*out = strtod(tmp, NULL);
	return dot3 ? RG_NUM_DOT3 : RG_NUM_OK;
}

static bool word_is(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && strncasecmp(s, w, n) == 0;
}

bool rg_value_yesno(const char *s, size_t n, bool *out)
{
	trim(&s, &n);
	if (word_is(s, n, "true") || word_is(s, n, "yes"))
		*out = true;
	else if (word_is(s, n, "false") || word_is(s, n, "no"))
		*out = false;
	else
		return false;
	return true;
}

bool rg_value_item(const char *s, size_t n, size_t *pos, size_t *b, size_t *e)
{
	while (*pos <= n) {
		size_t i = *pos, depth = 0;
		for (; i < n; i++) {
			if (i + 1 < n && s[i] == '[' && s[i + 1] == '[') {
				depth++;
				i++;
			} else if (i + 1 < n && s[i] == ']' &&
				   s[i + 1] == ']' && depth > 0) {
				depth--;
				i++;
			} else if (s[i] == ',' && depth == 0) {
				break;
			}
		}
		*b = *pos;
		*e = i;
		*pos = i + 1;
		rg_trim(s, b, e);
		if (*e > *b)
			return true;
	}
	return false;
}

bool rg_value_tag(const char *s, size_t n, size_t *b, size_t *e)
{
	*b = 0;
	*e = n;
	rg_trim(s, b, e);
	if (*b < *e && s[*b] == '#')
		(*b)++;
	for (size_t i = *e; i > *b; i--)
		if (s[i - 1] == '/') {
			*b = i;
			break;
		}
	rg_trim(s, b, e);
	return *e > *b;
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
