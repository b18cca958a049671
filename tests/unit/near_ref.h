/*
 * near_ref: the "did you mean" rules written the plain way, for checking
 * near.c against: every known name compared with the query, deletion
 * variants as strings (not hashes), no index.  Slow, and only for tests
 * (test_near, fuzz_near).
 */
#ifndef REFGRAPH_NEAR_REF_H
#define REFGRAPH_NEAR_REF_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/names.h"
#include "refgraph/util.h"

/* near.c's limits: code points (and bytes) of a name compared by
 * distance, and deletion variants of the names compared. */
#define NEAR_REF_MAXCP	      64
#define NEAR_REF_MAX_VARIANTS ((size_t)1 << 22)

typedef struct near_ref {
	RG_VEC(const char *) keys;
	RG_VEC(const char *) shown;
	RG_VEC(bool) far; /* compared by distance */
	size_t nvariants;
} near_ref;

static inline size_t near_ref_cps(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static inline int near_ref_allowed(const char *s)
{
	size_t n = near_ref_cps(s);
	return n < 4 ? 0 : n < 8 ? 1 : 2;
}

/* Keys and display texts are the caller's and must outlive r. */
static inline void near_ref_add(near_ref *r, const char *key, const char *shown)
{
	*RG_VEC_PUSH(r->keys) = key;
	*RG_VEC_PUSH(r->shown) = shown;
	bool far = strlen(key) <= NEAR_REF_MAXCP && near_ref_allowed(key) > 0 &&
		   r->nvariants < NEAR_REF_MAX_VARIANTS;
	*RG_VEC_PUSH(r->far) = far;
	if (far) {
		/* as near.c cuts them: a stray continuation byte at the start
		 * is a code point of its own */
		size_t k = *key ? 1 + near_ref_cps(key + 1) : 0;
		r->nvariants += 1 + k + k * (k - 1) / 2;
	}
}

static inline void near_ref_free(near_ref *r)
{
	RG_VEC_FREE(r->keys);
	RG_VEC_FREE(r->shown);
	RG_VEC_FREE(r->far);
}

static int near_ref_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* s without its code points d1 and d2 (at[] their starts; NONE: none). */
#define NEAR_REF_NONE ((size_t)-1)
static inline char *near_ref_without(const char *s, const size_t *at, size_t k,
				     size_t d1, size_t d2)
{
	char *o = rg_malloc(at[k] + 1), *p = o;
	for (size_t c = 0; c < k; c++)
		if (c != d1 && c != d2) {
			memcpy(p, s + at[c], at[c + 1] - at[c]);
			p += at[c + 1] - at[c];
		}
	*p = '\0';
	return o;
}

/* Every string of s with up to two code points deleted, sorted; *n set. */
static inline char **near_ref_variants(const char *s, size_t *n)
{
	size_t len = strlen(s), at[NEAR_REF_MAXCP + 2], k = 0;
	for (size_t i = 0; i < len; k++) {
		at[k] = i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
	}
	at[k] = len;
	char **v = rg_malloc((1 + k + k * k) * sizeof(char *));
	size_t m = 0;
	v[m++] = near_ref_without(s, at, k, NEAR_REF_NONE, NEAR_REF_NONE);
	for (size_t i = 0; i < k; i++) {
		v[m++] = near_ref_without(s, at, k, i, NEAR_REF_NONE);
		for (size_t j = i + 1; j < k; j++)
			v[m++] = near_ref_without(s, at, k, i, j);
	}
	qsort(v, m, sizeof *v, near_ref_cmp);
	*n = m;
	return v;
}

static inline void near_ref_variants_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Do a and b share a deletion variant? */
static inline bool near_ref_meet(const char *a, const char *b)
{
	size_t na, nb, i = 0, j = 0;
	char **va = near_ref_variants(a, &na), **vb = near_ref_variants(b, &nb);
	bool meet = false;
	while (!meet && i < na && j < nb) {
		int c = strcmp(va[i], vb[j]);
		meet = c == 0;
		i += c <= 0;
		j += c >= 0;
	}
	near_ref_variants_free(va, na);
	near_ref_variants_free(vb, nb);
	return meet;
}

static inline const char *near_ref_find(const near_ref *r, const char *q)
{
	for (size_t k = 0; k < r->keys.n; k++)
		if (strcmp(r->keys.v[k], q) == 0)
			return NULL;
	char *sq = rg_names_skeleton(q, RG_NAMES_SKEL_PUNCT);
	const char *hit = NULL;
	for (size_t k = 0; *sq && !hit && k < r->keys.n; k++) {
		char *sk = rg_names_skeleton(r->keys.v[k], RG_NAMES_SKEL_PUNCT);
		if (strcmp(sk, sq) == 0)
			hit = r->shown.v[k];
		free(sk);
	}
	free(sq);
	const char *p = strstr(q, " (");
	if (!hit && p && p != q) {
		size_t b = 0, e = (size_t)(p - q);
		rg_trim(q, &b, &e);
		for (size_t k = 0; !hit && k < r->keys.n; k++)
			if (strlen(r->keys.v[k]) == e - b &&
			    memcmp(r->keys.v[k], q + b, e - b) == 0)
				hit = r->shown.v[k];
	}
	int lim = near_ref_allowed(q), best = lim + 1;
	if (hit || lim == 0 || strlen(q) > NEAR_REF_MAXCP)
		return hit;
	for (size_t k = 0; k < r->keys.n; k++) {
		if (!r->far.v[k])
			continue;
		int l = near_ref_allowed(r->keys.v[k]);
		l = l < lim ? l : lim;
		int d = rg_names_edit_distance(q, r->keys.v[k], l);
		/* the variants last: building them is the slow part */
		if (d > 0 && d <= l && d < best &&
		    near_ref_meet(q, r->keys.v[k])) {
			best = d;
			hit = r->shown.v[k];
		}
	}
	return hit;
}

#endif
