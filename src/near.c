/*
 * near: the "did you mean" index.  Three ways a query can mean a known
 * name, tried in this order: the same skeleton (it differs only in
 * punctuation, white space or invisible characters), a known name before
 * " (" (`Ann Lee (accountant)`), then a small edit distance.
 *
 * The last compares a query only with the known names that share a
 * deletion variant with it (the name with up to two code points deleted,
 * hashed), so a run with thousands of unknown names stays linear instead
 * of comparing every unknown name with every known one.  The queries are
 * few and the known names many, so the variants of the queries are kept
 * (rg_near_find_all answers all of them at once) and those of the known
 * names are only streamed past them: memory follows the queries, not the
 * whole address book.
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
 * suggestion: a name's deletion variants grow with its square. */
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

/*
 * The bound on the known names compared by edit distance: once the known
 * names added so far have this many deletion variants (counted as added,
 * equal ones too), later names are not suggested by distance.  The order
 * of names is fixed, so runs stay the same.
 */
#define NEAR_MAX_VARIANTS ((size_t)1 << 22)

struct rg_near {
	rg_index exact;	   /* every key -> its first index in keys */
	rg_index skeleton; /* skeleton (RG_NAMES_SKEL_PUNCT) -> first index */
	RG_VEC(char *) keys;
	RG_VEC(char *) shown;
	/* per key: the edit distance it may be suggested within; 0: never */
	RG_VEC(unsigned char) lim;
	size_t nvariants; /* of the keys with a nonzero lim */
};

/* FNV-1a's 64-bit offset basis and prime. */
#define FNV_BASIS 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

/* FNV-1a of s[from..to) continued from the state h. */
static uint64_t fnv_on(uint64_t h, const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		h ^= (unsigned char)s[i];
		h *= FNV_PRIME;
	}
	return h;
}

/* The code points of s as variants() cuts them: a stray continuation
 * byte at the start is one of its own. */
static size_t segments(const char *s)
{
	return *s ? 1 + code_points(s + 1) : 0;
}

/* The number of variants of s: itself, k with one code point deleted,
 * k(k-1)/2 with two, for its k segments. */
static size_t nvariants_of(const char *s)
{
	size_t k = segments(s);
	return 1 + k + k * (k - 1) / 2;
}

/* Which variants variants() gives: the name itself, those with one code
 * point deleted, those with two. */
enum { VAR_NONE = 1, VAR_ONE = 2, VAR_TWO = 4, VAR_ALL = 7 };

/*
 * Every variant of s (at most MAXCP bytes) with up to two code points
 * deleted, hashed with FNV-1a over the bytes left.  The hash of a prefix
 * is computed once and continued, so a variant costs only the bytes after
 * its last deletion.
 */
static void variants(const char *s, unsigned which,
		     void (*fn)(void *, uint64_t), void *ctx)
{
	size_t n = strlen(s), at[MAXCP + 1], k = 0;
	uint64_t pre[MAXCP + 1]; /* per code point i: hash of s[0..at[i]) */
	pre[0] = FNV_BASIS;
	for (size_t i = 0; i < n && k < MAXCP; k++) {
		at[k] = i;
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		pre[k + 1] = fnv_on(pre[k], s, at[k], i);
	}
	at[k] = n;
	if (which & VAR_NONE)
		fn(ctx, pre[k]);
	for (size_t i = 0; i < k && (which & (VAR_ONE | VAR_TWO)); i++) {
		if (which & VAR_ONE)
			fn(ctx, fnv_on(pre[i], s, at[i + 1], n));
		if (!(which & VAR_TWO))
			continue;
		/* mid: the hash of s[0..at[i]) then s[at[i+1]..at[j]) */
		uint64_t mid = pre[i];
		for (size_t j = i + 1; j < k; j++) {
			if (j > i + 1)
				mid = fnv_on(mid, s, at[j - 1], at[j]);
			fn(ctx, fnv_on(mid, s, at[j + 1], n));
		}
	}
}

rg_near *rg_near_new(void)
{
	return rg_calloc(1, sizeof(rg_near));
}

void rg_near_add(rg_near *nx, const char *folded, const char *display)
{
	int key = (int)nx->keys.n;
	*RG_VEC_PUSH(nx->keys) = rg_strdup(folded);
	*RG_VEC_PUSH(nx->shown) = rg_strdup(display);
	unsigned char *lim = RG_VEC_PUSH(nx->lim);
	*lim = 0;
	if (rg_index_get(&nx->exact, folded) < 0)
		rg_index_add(&nx->exact, folded, key);
	char *sk = rg_names_skeleton(folded, RG_NAMES_SKEL_PUNCT);
	if (*sk && rg_index_get(&nx->skeleton, sk) < 0)
		rg_index_add(&nx->skeleton, sk, key);
	free(sk);
	if (strlen(folded) > MAXCP || allowed(folded) == 0 ||
	    nx->nvariants >= NEAR_MAX_VARIANTS)
		return;
	*lim = (unsigned char)allowed(folded);
	nx->nvariants += nvariants_of(folded);
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

/* ---- by edit distance: the queries' variants, probed by the keys' ---- */

/* A query waiting for an answer by distance. */
struct query {
	const char *q;
	int lim;      /* the distance allowed for q */
	int best;     /* the least distance found so far (lim + 1: none) */
	long bestkey; /* its key, or -1 */
	size_t last;  /* the key that last measured q, plus one */
};

/* A query under one hash; the queries of a hash are chained. */
struct qlink {
	uint32_t query;
	uint32_t next; /* the next link of the same hash, plus one; 0: none */
};

/*
 * The queries' variants: an open-addressing table of their distinct
 * hashes, each with the chain of queries that have it (each query once).
 * Its size is known before it is filled: one link at most per variant,
 * a third more slots than links.
 */
struct probe {
	/* a filter: one bit set per query variant's hash, in an array of
	 * BITS_PER_VARIANT bits per variant; most variants of the known
	 * names meet no query, and this small array says so without a probe
	 * of the larger table */
	uint64_t *bits;
	unsigned shift; /* a hash's bit: its top bits, h >> shift */
	uint64_t *h;	/* per slot: its hash */
	uint32_t *head; /* per slot: its last link, plus one; 0: free */
	size_t cap;	/* slots */
	struct qlink *link;
	uint32_t nlink;
	uint32_t cur; /* the query whose variants are being added */
};

/* 2^64 divided by the golden ratio. */
#define FIB_MULT 0x9E3779B97F4A7C15ULL
/* A third more slots than variants: a load of 3/4 at most. */
#define PROBE_SPARE 3

/* The slot of hash h: its own, or the free one where it would go. */
static size_t probe_slot(const struct probe *p, uint64_t h)
{
	/* Fibonacci hashing: the product's high 32 bits mix every bit of
	 * h; a multiplication scales them to the slots */
	size_t s = (size_t)((((h * FIB_MULT) >> 32) * p->cap) >> 32);
	while (p->head[s] && p->h[s] != h)
		s = s + 1 == p->cap ? 0 : s + 1;
	return s;
}

/* Bits of the filter per query variant: about one known variant in 8
 * that meets no query still probes the table. */
#define BITS_PER_VARIANT 8

static bool maybe_query(const struct probe *p, uint64_t h)
{
	uint64_t b = h >> p->shift;
	return (p->bits[b / 64] >> (b % 64)) & 1;
}

static void query_cb(void *ctx, uint64_t h)
{
	struct probe *p = ctx;
	uint64_t b = h >> p->shift;
	p->bits[b / 64] |= (uint64_t)1 << (b % 64);
	size_t s = probe_slot(p, h);
	/* a query's equal variants come one after another into one chain,
	 * whose last link is then the query's own */
	if (p->head[s] && p->link[p->head[s] - 1].query == p->cur)
		return;
	struct qlink *l = &p->link[p->nlink++];
	l->query = p->cur;
	l->next = p->head[s];
	p->h[s] = h;
	p->head[s] = p->nlink;
}

static void probe_build(struct probe *p, const struct query *qs, size_t n)
{
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += nvariants_of(qs[i].q);
	p->cap = total + total / PROBE_SPARE + 1;
	/* links and slots are counted in 32 bits */
	if (p->cap > UINT32_MAX)
		rg_oom();
	/* 2^(64 - shift) bits, at least BITS_PER_VARIANT per variant */
	p->shift = 64 - 6; /* one word */
	while (p->shift > 0 &&
	       ((uint64_t)1 << (64 - p->shift)) / BITS_PER_VARIANT < total)
		p->shift--;
	p->bits =
		rg_calloc(((size_t)1 << (64 - p->shift)) / 64, sizeof *p->bits);
	p->h = rg_malloc(p->cap * sizeof *p->h);
	p->head = rg_calloc(p->cap, sizeof *p->head);
	p->link = rg_malloc((total ? total : 1) * sizeof *p->link);
	for (size_t i = 0; i < n; i++) {
		p->cur = (uint32_t)i;
		variants(qs[i].q, VAR_ALL, query_cb, p);
	}
}

static void probe_free(struct probe *p)
{
	free(p->bits);
	free(p->h);
	free(p->head);
	free(p->link);
}

/* Streaming one key's variants past the queries. */
struct keyctx {
	const rg_near *nx;
	const struct probe *p;
	struct query *qs;
	size_t key;
};

static void key_cb(void *ctx, uint64_t h)
{
	struct keyctx *c = ctx;
	const struct probe *p = c->p;
	const char *key = c->nx->keys.v[c->key];
	int klim = c->nx->lim.v[c->key];
	if (!maybe_query(p, h))
		return;
	for (uint32_t l = p->head[probe_slot(p, h)]; l;
	     l = p->link[l - 1].next) {
		struct query *q = &c->qs[p->link[l - 1].query];
		/* a query is measured once per key, however many of their
		 * variants meet (names with repeated letters have many equal
		 * variants) */
		if (q->last == c->key + 1)
			continue;
		q->last = c->key + 1;
		int lim = q->lim < klim ? q->lim : klim;
		/* keys come in order: an equal distance never replaces the
		 * earlier key, so only a nearer one is worth measuring */
		if (lim >= q->best)
			lim = q->best - 1;
		if (lim < 1)
			continue;
		int d = rg_names_edit_distance(q->q, key, lim);
		if (d == 0 || d > lim)
			continue;
		q->best = d;
		q->bestkey = (long)c->key;
	}
}

/* Is some query's length (in segments) within [lo, hi]? */
static bool some_len(const bool *len, size_t lo, size_t hi)
{
	for (size_t l = lo; l <= hi; l++)
		if (len[l])
			return true;
	return false;
}

/*
 * The variants of a key of k segments that can equal some query's: equal
 * strings have equal lengths, and a query of q segments has variants of
 * q, q-1 and q-2.
 */
static unsigned useful(const bool *len, size_t k)
{
	unsigned which = 0;
	if (some_len(len, k, k + 2))
		which |= VAR_NONE;
	if (k >= 1 && some_len(len, k - 1, k + 1))
		which |= VAR_ONE;
	if (k >= 2 && some_len(len, k - 2, k))
		which |= VAR_TWO;
	return which;
}

/* The nearest known key of each query within the distance allowed. */
static void by_distance(const rg_near *nx, struct query *qs, size_t n)
{
	if (n == 0 || nx->nvariants == 0)
		return;
	struct probe p = {0};
	probe_build(&p, qs, n);
	/* per length of query (at most MAXCP), two more for a key's k + 2 */
	bool len[MAXCP + 3] = {false};
	for (size_t i = 0; i < n; i++)
		len[segments(qs[i].q)] = true;
	struct keyctx c = {nx, &p, qs, 0};
	for (c.key = 0; c.key < nx->keys.n; c.key++) {
		if (nx->lim.v[c.key] == 0)
			continue;
		const char *key = nx->keys.v[c.key];
		unsigned which = useful(len, segments(key));
		if (which)
			variants(key, which, key_cb, &c);
	}
	probe_free(&p);
}

void rg_near_find_all(const rg_near *nx, const char *const *queries, size_t n,
		      const char **out)
{
	RG_VEC(struct query) far = {0};
	RG_VEC(size_t) at = {0}; /* per query of far: its index in queries */
	for (size_t i = 0; i < n; i++) {
		const char *q = queries[i];
		out[i] = NULL;
		if (rg_index_get(&nx->exact, q) >= 0)
			continue;
		int k = by_skeleton(nx, q);
		if (k < 0)
			k = by_parenthesis(nx, q);
		if (k >= 0) {
			out[i] = nx->shown.v[k];
			continue;
		}
		int lim = allowed(q);
		if (lim == 0 || strlen(q) > MAXCP)
			continue;
		struct query *e = RG_VEC_PUSH(far);
		*e = (struct query){q, lim, lim + 1, -1, 0};
		*RG_VEC_PUSH(at) = i;
	}
	by_distance(nx, far.v, far.n);
	for (size_t j = 0; j < far.n; j++)
		if (far.v[j].bestkey >= 0)
			out[at.v[j]] = nx->shown.v[far.v[j].bestkey];
	RG_VEC_FREE(far);
	RG_VEC_FREE(at);
}

const char *rg_near_find(const rg_near *nx, const char *folded)
{
	const char *shown;
	rg_near_find_all(nx, &folded, 1, &shown);
	return shown;
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
	RG_VEC_FREE(nx->lim);
	rg_index_free(&nx->exact);
	rg_index_free(&nx->skeleton);
	free(nx);
}
