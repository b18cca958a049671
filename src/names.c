/*
 * names: reference targets, Unicode folding and near-name suggestions.
 * Suggestions use a deletion index (every key with up to two bytes
 * deleted, hashed), so a run with thousands of unknown names stays linear
 * instead of comparing every unknown name with every known one.
 */
#include "refgraph/names.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "refgraph/util.h"

static int isws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	       c == '\v';
}

/* The length of the Unicode space separator (Zs) at s[0..n), or 0. */
static size_t space_at(const char *s, size_t n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s,
					      (utf8proc_ssize_t)n, &cp);
	if (k > 1 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS)
		return (size_t)k;
	return 0;
}

/* Trim white space from both ends: ASCII blanks and every Unicode space
 * separator (no-break, em, ideographic ...). */
static void trim(const char *s, size_t *b, size_t *e)
{
	for (;;) {
		size_t k;
		if (*b < *e && isws((unsigned char)s[*b]))
			(*b)++;
		else if ((k = space_at(s + *b, *e - *b)) > 0)
			*b += k;
		else
			break;
	}
	for (;;) {
		if (*e > *b && isws((unsigned char)s[*e - 1])) {
			(*e)--;
			continue;
		}
		/* the start of the last code point */
		size_t p = *e;
		while (p > *b && ((unsigned char)s[p - 1] & 0xC0) == 0x80 &&
		       *e - p < 3)
			p--;
		if (p > *b && (unsigned char)s[p - 1] >= 0xC0)
			p--;
		else
			break;
		if (space_at(s + p, *e - p) == *e - p && *e - p > 1)
			*e = p;
		else
			break;
	}
}

bool rg_ref_target(const char *s, size_t n, size_t *start, size_t *len)
{
	size_t b = 0, e = n;
	for (size_t i = 0; i + 1 < n; i++) {
		if (s[i] == '[' && s[i + 1] == '[') {
			size_t j = i + 2;
			while (j + 1 < n && !(s[j] == ']' && s[j + 1] == ']'))
				j++;
			if (j + 1 >= n)
				break;
			b = i + 2;
			e = j;
			/* [[T|shown]] and [[T#heading]]: T; [[folder/T]]: T */
			for (size_t k = b; k < e; k++)
				if (s[k] == '|') {
					e = k;
					break;
				}
			for (size_t k = b; k < e; k++)
				if (s[k] == '#') {
					e = k;
					break;
				}
			for (size_t k = e; k > b; k--)
				if (s[k - 1] == '/') {
					b = k;
					break;
				}
			break;
		}
	}
	trim(s, &b, &e);
	*start = b;
	*len = e - b;
	return e > b;
}

bool rg_utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
			utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					 (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			return false;
		i += (size_t)k;
	}
	return true;
}

static char *map(const char *s, size_t n, int opts)
{
	size_t b = 0, e = n;
	trim(s, &b, &e);
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t r = -1;
	if (rg_utf8_valid(s + b, e - b) && memchr(s + b, '\0', e - b) == NULL)
		r = utf8proc_map((const utf8proc_uint8_t *)s + b,
				 (utf8proc_ssize_t)(e - b), &out,
				 (utf8proc_option_t)(opts | UTF8PROC_STABLE |
						     UTF8PROC_COMPOSE));
	if (r < 0 || out == NULL) {
		free(out);
		char *p = rg_strndup(s + b, e - b);
		if (opts & UTF8PROC_CASEFOLD)
			for (char *q = p; *q; q++)
				if (*q >= 'A' && *q <= 'Z')
					*q = (char)(*q - 'A' + 'a');
		return p;
	}
	/* utf8proc allocates with malloc; hand it on as ours. */
	return (char *)out;
}

char *rg_fold(const char *s, size_t n)
{
	return map(s, n, UTF8PROC_CASEFOLD);
}

char *rg_nfc(const char *s, size_t n)
{
	return map(s, n, 0);
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

int rg_edit_distance(const char *a, const char *b, int limit)
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

/* How far a name may be from a known one to be suggested. */
static int allowed(const char *folded)
{
	int32_t tmp[MAXCP];
	size_t n = decode(folded, tmp, MAXCP);
	if (n < 4)
		return 0;
	if (n < 8)
		return 1;
	return 2;
}

struct pair {
	uint64_t h;
	uint32_t key;
};

struct rg_near {
	RG_VEC(struct pair) pairs;
	RG_VEC(char *) keys;
	RG_VEC(char *) shown;
	RG_VEC(unsigned) checked; /* per key: the query that last checked it */
	unsigned query;
	bool sorted;
};

/* FNV-1a of s[0..n) without the bytes [b1,e1) and [b2,e2). */
static uint64_t fnv(const char *s, size_t n, size_t b1, size_t e1, size_t b2,
		    size_t e2)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		if ((i >= b1 && i < e1) || (i >= b2 && i < e2))
			continue;
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

rg_near *rg_near_new(void)
{
	return rg_calloc(1, sizeof(rg_near));
}

static void add_pair(rg_near *nx, uint64_t h, uint32_t key)
{
	struct pair *p = RG_VEC_PUSH(nx->pairs);
	p->h = h;
	p->key = key;
}

/* Every variant of s with up to two code points deleted, hashed. */
static void variants(const char *s, void (*fn)(void *, uint64_t), void *ctx)
{
	size_t n = strlen(s), at[MAXCP + 1], k = 0;
	for (size_t i = 0; i < n && k < MAXCP; k++) {
		at[k] = i;
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
	}
	at[k] = n;
	fn(ctx, fnv(s, n, 0, 0, 0, 0));
	for (size_t i = 0; i < k; i++) {
		fn(ctx, fnv(s, n, at[i], at[i + 1], 0, 0));
		for (size_t j = i + 1; j < k; j++)
			fn(ctx, fnv(s, n, at[i], at[i + 1], at[j], at[j + 1]));
	}
}

struct addctx {
	rg_near *nx;
	uint32_t key;
};

static void add_cb(void *p, uint64_t h)
{
	struct addctx *c = p;
	add_pair(c->nx, h, c->key);
}

/* The index's memory bound: 4M entries of 16 bytes.  Names past it are
 * not suggested (the order of names is fixed, so runs stay the same). */
#define NEAR_MAX_PAIRS ((size_t)1 << 22)

void rg_near_add(rg_near *nx, const char *folded, const char *display)
{
	if (strlen(folded) > 64 || allowed(folded) == 0 ||
	    nx->pairs.n >= NEAR_MAX_PAIRS)
		return;
	*RG_VEC_PUSH(nx->keys) = rg_strdup(folded);
	*RG_VEC_PUSH(nx->shown) = rg_strdup(display);
	struct addctx c = {nx, (uint32_t)(nx->keys.n - 1)};
	variants(folded, add_cb, &c);
	nx->sorted = false;
}

static int cmp_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return (x->key > y->key) - (x->key < y->key);
}

struct findctx {
	rg_near *nx;
	const char *q;
	int limit;
	int best;
	long bestkey;
	RG_VEC(uint64_t) hashes;
};

static void collect_cb(void *p, uint64_t h)
{
	struct findctx *c = p;
	*RG_VEC_PUSH(c->hashes) = h;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

static void find_hash(struct findctx *c, uint64_t h)
{
	rg_near *nx = c->nx;
	size_t lo = 0, hi = nx->pairs.n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (nx->pairs.v[mid].h < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < nx->pairs.n && nx->pairs.v[lo].h == h; lo++) {
		uint32_t k = nx->pairs.v[lo].key;
		/* a key is measured once per query, however many of its
		 * variants meet the query's (names with repeated letters
		 * have many equal variants) */
		if (nx->checked.v[k] == nx->query)
			continue;
		nx->checked.v[k] = nx->query;
		int lim = c->limit;
		int a2 = allowed(nx->keys.v[k]);
		if (a2 < lim)
			lim = a2;
		int d = rg_edit_distance(c->q, nx->keys.v[k], lim);
		if (d == 0 || d > lim)
			continue;
		if (d < c->best || (d == c->best && (long)k < c->bestkey)) {
			c->best = d;
			c->bestkey = k;
		}
	}
}

const char *rg_near_find(rg_near *nx, const char *folded)
{
	int lim = allowed(folded);
	if (lim == 0 || strlen(folded) > 64 || nx->pairs.n == 0)
		return NULL;
	if (!nx->sorted) {
		qsort(nx->pairs.v, nx->pairs.n, sizeof(struct pair), cmp_pair);
		/* equal variants of one key are one entry */
		size_t k = 0;
		for (size_t i = 0; i < nx->pairs.n; i++)
			if (k == 0 ||
			    nx->pairs.v[i].h != nx->pairs.v[k - 1].h ||
			    nx->pairs.v[i].key != nx->pairs.v[k - 1].key)
				nx->pairs.v[k++] = nx->pairs.v[i];
		nx->pairs.n = k;
		rg_grow((void **)&nx->checked.v, &nx->checked.cap, nx->keys.n,
			sizeof(unsigned));
		for (size_t i = nx->checked.n; i < nx->keys.n; i++)
			nx->checked.v[i] = 0;
		nx->checked.n = nx->keys.n;
		nx->sorted = true;
	}
	nx->query++;
	struct findctx c = {nx, folded, lim, lim + 1, -1, {0}};
	variants(folded, collect_cb, &c);
	qsort(c.hashes.v, c.hashes.n, sizeof(uint64_t), cmp_u64);
	for (size_t i = 0; i < c.hashes.n; i++)
		if (i == 0 || c.hashes.v[i] != c.hashes.v[i - 1])
			find_hash(&c, c.hashes.v[i]);
	RG_VEC_FREE(c.hashes);
	return c.bestkey >= 0 ? nx->shown.v[c.bestkey] : NULL;
}

void rg_near_free(rg_near *nx)
{
	if (nx == NULL)
		return;
	for (size_t i = 0; i < nx->keys.n; i++) {
		free(nx->keys.v[i]);
		free(nx->shown.v[i]);
	}
	RG_VEC_FREE(nx->keys);
	RG_VEC_FREE(nx->shown);
	RG_VEC_FREE(nx->pairs);
	RG_VEC_FREE(nx->checked);
	free(nx);
}
