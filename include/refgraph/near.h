/*
 * near: the "did you mean" index.  Known names (folded) with their display
 * text; a query that matches none is answered with the known name it most
 * likely meant: one that differs only in punctuation or invisible
 * characters, one it starts with before " (" (`Ann Lee (accountant)`), or
 * one within a small edit distance.  Many queries are best asked at once
 * (rg_near_find_all): the cost of the edit distance is one pass over the
 * known names per call, whatever the number of queries.
 */
#ifndef REFGRAPH_NEAR_H
#define REFGRAPH_NEAR_H

#include <stddef.h>

typedef struct rg_near rg_near;

rg_near *rg_near_new(void);
/* Add a folded key with its display text (both copied).  Of equal keys or
 * skeletons, the first added is suggested; of keys at one edit distance,
 * the first added. */
void rg_near_add(rg_near *nx, const char *folded, const char *display);
/*
 * The display text of the known name the folded query most likely meant,
 * or NULL (an exact match is no suggestion).  The result belongs to the
 * index.
 */
const char *rg_near_find(const rg_near *nx, const char *folded);
/* rg_near_find of each of the n queries, into out[0..n), in one pass. */
void rg_near_find_all(const rg_near *nx, const char *const *queries, size_t n,
		      const char **out);
/* Accepts NULL. */
void rg_near_free(rg_near *nx);

#endif
