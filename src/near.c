/*
 * near: the "did you mean" index.  Three ways a query can mean a known
 * name, tried in this order: the same skeleton (it differs only in
 * punctuation, white space or invisible characters), a known name before
 * " (" (`Ann Lee (accountant)`), then a small edit distance.  The last
 * uses a deletion index (every key with up to two code points deleted,
 * hashed), so a run with thousands of unknown names stays linear instead
 * of comparing every unknown name with every known one.
 */
#include "refgraph/near.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/index.h"
#include "refgraph/names.h"
#include "refgraph/util.h"

/* Names longer than this many code points (or bytes) get no edit-distance
 * suggestion: the deletion index of a name grows with its square. */
#define MAXCP 64

/* The number of code points of s (continuation bytes not counted). */
static size_t code_points(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* How far a name may be from a known one to be suggested. */
static int allowed(const char *folded)
{
	size_t n = code_points(folded);
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
	rg_index exact;	   /* every key -> its first index in keys */
	rg_index skeleton; /* skeleton (RG_NAMES_SKEL_PUNCT) -> first index */
	RG_VEC(struct pair) pairs;
	RG_VEC(char *) keys;
	RG_VEC(char *) shown;
	RG_VEC(unsigned) checked; /* per key: the query that last checked it */
	unsigned query;
	bool sorted;
};

/* FNV-1a's 64-bit offset basis and prime. */
#define FNV_BASIS 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

/* FNV-1a of s[0..n) without the bytes [b1,e1) and [b2,e2). */
static uint64_t fnv(const char *s, size_t n, size_t b1, size_t e1, size_t b2,
		    size_t e2)
{
	uint64_t h = FNV_BASIS;
	for (size_t i = 0; i < n; i++) {
		if ((i >= b1 && i < e1) || (i >= b2 && i < e2))
			continue;
		h ^= (unsigned char)s[i];
		h *= FNV_PRIME;
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
	int key = (int)nx->keys.n;
	*RG_VEC_PUSH(nx->keys) = rg_strdup(folded);
	*RG_VEC_PUSH(nx->shown) = rg_strdup(display);
	if (rg_index_get(&nx->exact, folded) < 0)
		rg_index_add(&nx->exact, folded, key);
	char *sk = rg_names_skeleton(folded, RG_NAMES_SKEL_PUNCT);
	if (*sk && rg_index_get(&nx->skeleton, sk) < 0)
		rg_index_add(&nx->skeleton, sk, key);
	free(sk);
	if (strlen(folded) > MAXCP || allowed(folded) == 0 ||
	    nx->pairs.n >= NEAR_MAX_PAIRS)
		return;
	struct addctx c = {nx, (uint32_t)key};
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
		int d = rg_names_edit_distance(c->q, nx->keys.v[k], lim);
		if (d == 0 || d > lim)
			continue;
		if (d < c->best || (d == c->best && (long)k < c->bestkey)) {
			c->best = d;
			c->bestkey = k;
		}
	}
}

/* The known name that differs from q only in punctuation, white space
 * or invisible characters, or -1. */
static int by_skeleton(const rg_near *nx, const char *q)
{
	char *sk = rg_names_skeleton(q, RG_NAMES_SKEL_PUNCT);
	int e = *sk ? rg_index_get(&nx->skeleton, sk) : -1;
	free(sk);
	return e < 0 ? -1 : rg_index_value(&nx->skeleton, e);
}

/* The known name q starts with, followed by " (": `ann lee (accountant)`. */
static int by_parenthesis(const rg_near *nx, const char *q)
{
	const char *p = strstr(q, " (");
	if (p == NULL || p == q)
		return -1;
	size_t b = 0, e = (size_t)(p - q);
	rg_trim(q, &b, &e);
	char *head = rg_strndup(q + b, e - b);
	int x = rg_index_get(&nx->exact, head);
	free(head);
	return x < 0 ? -1 : rg_index_value(&nx->exact, x);
}

static void sort_pairs(rg_near *nx)
{
	qsort(nx->pairs.v, nx->pairs.n, sizeof(struct pair), cmp_pair);
	/* equal variants of one key are one entry */
	size_t k = 0;
	for (size_t i = 0; i < nx->pairs.n; i++)
		if (k == 0 || nx->pairs.v[i].h != nx->pairs.v[k - 1].h ||
		    nx->pairs.v[i].key != nx->pairs.v[k - 1].key)
			nx->pairs.v[k++] = nx->pairs.v[i];
	nx->pairs.n = k;
	nx->sorted = true;
}

/* The nearest known name within the allowed edit distance, or -1. */
static long by_distance(rg_near *nx, const char *q)
{
	int lim = allowed(q);
	if (lim == 0 || strlen(q) > MAXCP || nx->pairs.n == 0)
		return -1;
	if (!nx->sorted)
		sort_pairs(nx);
	rg_grow((void **)&nx->checked.v, &nx->checked.cap, nx->keys.n,
		sizeof(unsigned));
	for (size_t i = nx->checked.n; i < nx->keys.n; i++)
		nx->checked.v[i] = 0;
	nx->checked.n = nx->keys.n;
	nx->query++;
	struct findctx c = {nx, q, lim, lim + 1, -1, {0}};
	variants(q, collect_cb, &c);
	qsort(c.hashes.v, c.hashes.n, sizeof(uint64_t), cmp_u64);
	for (size_t i = 0; i < c.hashes.n; i++)
		if (i == 0 || c.hashes.v[i] != c.hashes.v[i - 1])
			find_hash(&c, c.hashes.v[i]);
	RG_VEC_FREE(c.hashes);
	return c.bestkey;
}

const char *rg_near_find(rg_near *nx, const char *folded)
{
	if (rg_index_get(&nx->exact, folded) >= 0)
		return NULL;
	long k = by_skeleton(nx, folded);
	if (k < 0)
		k = by_parenthesis(nx, folded);
	if (k < 0)
		k = by_distance(nx, folded);
	return k >= 0 ? nx->shown.v[k] : NULL;
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
	rg_index_free(&nx->exact);
	rg_index_free(&nx->skeleton);
	free(nx);
}
