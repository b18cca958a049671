/*
 * near: the "did you mean" index.  Known names (folded) with their display
 * text; a query that matches none is answered with the known name it most
 * likely meant: one that differs only in punctuation or invisible
 * characters, one it starts with before " (" (`Ann Lee (accountant)`), or
 * one within a small edit distance.
 */
#ifndef REFGRAPH_NEAR_H
#define REFGRAPH_NEAR_H

typedef struct rg_near rg_near;

rg_near *rg_near_new(void);
/* Add a folded key with its display text (both copied).  Of equal keys or
 * skeletons, the first added is suggested. */
void rg_near_add(rg_near *nx, const char *folded, const char *display);
/*
 * The display text of the known name the folded query most likely meant,
 * or NULL (an exact match is no suggestion).  The result belongs to the
 * index.
 */
const char *rg_near_find(rg_near *nx, const char *folded);
/* Accepts NULL. */
void rg_near_free(rg_near *nx);

#endif
