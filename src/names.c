/*
 * names: reference targets, Unicode folding, edit distance and the
 * skeletons of names.  What makes two references equal lives here and
 * nowhere else (notes format, "References").
 */
#include "refgraph/names.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "refgraph/util.h"

bool rg_names_ref_target(const char *s, size_t n, size_t *start, size_t *len)
{
	/* (memchr over the text, not a loop per byte: every reference in
	 * every note comes here) */
	size_t b = 0, e = n;
	const char *p = s, *last = n ? s + n - 1 : s; /* pairs start before */
	while (p < last && (p = memchr(p, '[', (size_t)(last - p))) != NULL) {
		if (p[1] != '[') {
			p++;
			continue;
		}
		/* the first "]]" after the first "[[", or plain text */
		const char *q = p + 2;
		while (q < last && (q = memchr(q, ']', (size_t)(last - q))) &&
		       q[1] != ']')
			q++;
		if (q == NULL || q >= last)
			break;
		b = (size_t)(p + 2 - s);
		e = (size_t)(q - s);
		/* [[T|shown]] and [[T#heading]]: T; [[folder/T]]: T */
		const char *bar = memchr(s + b, '|', e - b);
		if (bar)
			e = (size_t)(bar - s);
		const char *hash = memchr(s + b, '#', e - b);
		if (hash)
			e = (size_t)(hash - s);
		for (size_t k = e; k > b; k--)
			if (s[k - 1] == '/') {
				b = k;
				break;
			}
		break;
	}
	rg_trim(s, &b, &e);
	*start = b;
	*len = e - b;
	return e > b;
}

/* True when s[0..n) is all ASCII.  The bytes are or-ed without an early
 * exit, which compilers turn into wide loads. */
static bool ascii_only(const char *s, size_t n)
{
	unsigned char acc = 0;
	for (size_t i = 0; i < n; i++)
		acc |= (unsigned char)s[i];
	return acc < 0x80;
}

bool rg_names_utf8_valid(const char *s, size_t n)
{
	return rg_utf8_valid_prefix(s, n) == n;
}

/* NFC (and with UTF8PROC_CASEFOLD, case folding) of s[0..n), which holds
 * no NUL, by utf8proc; text that is not UTF-8 bytewise (ASCII only). */
static char *map_utf8proc(const char *s, size_t n, int opts)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t r = UTF8PROC_ERROR_INVALIDUTF8;
	if (rg_names_utf8_valid(s, n))
		r = utf8proc_map((const utf8proc_uint8_t *)s,
				 (utf8proc_ssize_t)n, &out,
				 (utf8proc_option_t)(opts | UTF8PROC_STABLE |
						     UTF8PROC_COMPOSE));
	/* a name folded bytewise for want of memory would be another name */
	if (r == UTF8PROC_ERROR_NOMEM)
		rg_oom();
	if (r < 0 || out == NULL) {
		free(out);
		char *p = rg_strndup(s, n);
		if (opts & UTF8PROC_CASEFOLD)
			rg_ascii_lower(p, strlen(p));
		return p;
	}
	/* utf8proc allocates with malloc; hand it on as ours. */
	return (char *)out;
}

/*
 * The same, trimmed.  ASCII is its own NFC, and its only case folding is
 * A-Z to a-z, so ASCII text (most names) does without utf8proc;
 * test_names checks that both ways agree.
 */
static char *map(const char *s, size_t n, int opts, bool ascii_way)
{
	/* a NUL ends the text before it is trimmed, so that folding what
	 * fold gave changes nothing */
	const char *nul = memchr(s, '\0', n);
	size_t b = 0, e = nul ? (size_t)(nul - s) : n;
	rg_trim(s, &b, &e);
	if (!ascii_way || !ascii_only(s + b, e - b))
		return map_utf8proc(s + b, e - b, opts);
	char *p = rg_strndup(s + b, e - b);
	if (opts & UTF8PROC_CASEFOLD)
		rg_ascii_lower(p, strlen(p));
	return p;
}

char *rg_names_fold_utf8proc(const char *s, size_t n)
{
	return map(s, n, UTF8PROC_CASEFOLD, false);
}

char *rg_names_fold(const char *s, size_t n)
{
	return map(s, n, UTF8PROC_CASEFOLD, true);
}

char *rg_names_nfc(const char *s, size_t n)
{
	return map(s, n, 0, true);
}

/* Decode to code points; returns the count (at most cap). */
static size_t decode(const char *s, int32_t *out, size_t cap)
{
	size_t n = strlen(s), i = 0, k = 0;
	while (i < n && k < cap) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t r =
			utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					 (utf8proc_ssize_t)(n - i), &cp);
		if (r <= 0) {
			cp = (unsigned char)s[i];
			r = 1;
		}
		out[k++] = cp;
		i += (size_t)r;
	}
	return k;
}

#define MAXCP 128

static int distance(const int32_t *x, size_t n, const int32_t *y, size_t m,
		    int limit);

int rg_names_edit_distance(const char *a, const char *b, int limit)
{
	size_t la = strlen(a) + 1, lb = strlen(b) + 1;
	int32_t sx[MAXCP], sy[MAXCP];
	int32_t *x = la <= MAXCP ? sx : rg_malloc(la * sizeof(int32_t));
	int32_t *y = lb <= MAXCP ? sy : rg_malloc(lb * sizeof(int32_t));
	size_t n = decode(a, x, la), m = decode(b, y, lb);
	int d = distance(x, n, y, m, limit);
	if (x != sx)
		free(x);
	if (y != sy)
		free(y);
	return d;
}

static int distance(const int32_t *x, size_t n, const int32_t *y, size_t m,
		    int limit)
{
	if ((n > m ? n - m : m - n) > (size_t)limit)
		return limit + 1;
	int sp[MAXCP + 1], sc[MAXCP + 1];
	int *prev = m < MAXCP ? sp : rg_malloc((m + 1) * sizeof(int));
	int *cur = m < MAXCP ? sc : rg_malloc((m + 1) * sizeof(int));
	int d = -1;
	for (size_t j = 0; j <= m; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= n; i++) {
		cur[0] = (int)i;
		int best = cur[0];
		for (size_t j = 1; j <= m; j++) {
			int c = prev[j - 1] + (x[i - 1] != y[j - 1]);
			if (prev[j] + 1 < c)
				c = prev[j] + 1;
			if (cur[j - 1] + 1 < c)
				c = cur[j - 1] + 1;
			cur[j] = c;
			if (c < best)
				best = c;
		}
		if (best > limit) {
			d = limit + 1;
			break;
		}
		memcpy(prev, cur, (m + 1) * sizeof(int));
	}
	if (d < 0)
		d = prev[m] > limit ? limit + 1 : prev[m];
	if (prev != sp) {
		free(prev);
		free(cur);
	}
	return d;
}

/* Is code point cp left out of a skeleton of kind what? */
static bool left_out(utf8proc_int32_t cp, rg_names_skel what)
{
	utf8proc_category_t c = utf8proc_category(cp);
	if (c == UTF8PROC_CATEGORY_CF || c == UTF8PROC_CATEGORY_CC)
		return true;
	if (!(what & RG_NAMES_SKEL_PUNCT))
		return false;
	switch (c) {
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
	case UTF8PROC_CATEGORY_ZS: return true;
	default: return false;
	}
}

/* The ASCII punctuation (Pc, Pd, Ps, Pe, Po) and space (Zs) characters;
 * the other ASCII symbols ($ + < = > ^ ` | ~) are Sc, Sm and Sk, kept.
 * test_names checks this against utf8proc. */
static const char ascii_punct[] = " !\"#%&'()*,-./:;?@[\\]_{}";

/* left_out() for an ASCII character, without decoding it. */
static bool ascii_left_out(unsigned char c, rg_names_skel what)
{
	if (c < 0x20 || c == 0x7F) /* Cc */
		return true;
	return (what & RG_NAMES_SKEL_PUNCT) && c != '\0' &&
	       strchr(ascii_punct, c) != NULL;
}

char *rg_names_skeleton(const char *s, rg_names_skel what)
{
	size_t n = strlen(s), i = 0, k = 0;
	char *out = rg_malloc(n + 1);
	while (i < n) {
		unsigned char a = (unsigned char)s[i];
		if (a < 0x80) {
			if (!ascii_left_out(a, what))
				out[k++] = (char)a;
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t r =
			utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					 (utf8proc_ssize_t)(n - i), &cp);
		if (r <= 0) {
			out[k++] = s[i++];
			continue;
		}
		if (!left_out(cp, what)) {
			memcpy(out + k, s + i, (size_t)r);
			k += (size_t)r;
		}
		i += (size_t)r;
	}
	out[k] = '\0';
	return out;
}
