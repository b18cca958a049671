/*
 * diag: every diagnostic goes through rg_diag() into a list; lists are
 * merged, sorted by path, line and column, and printed in one format:
 *     path:line:col: error|warning: message
 * The worst level seen decides the exit status.
 */
#ifndef REFGRAPH_DIAG_H
#define REFGRAPH_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "refgraph/util.h"

typedef enum { RG_NOTE = 0, RG_WARNING = 1, RG_ERROR = 2 } rg_level;

typedef struct rg_diag_item {
	char *path; /* owned */
	int line, col;
	rg_level level;
	char *msg;  /* owned */
	size_t seq; /* order of emission, for a stable sort */
} rg_diag_item;

typedef struct rg_diags {
	RG_VEC(rg_diag_item) items;
	int nerrors, nwarnings;
} rg_diags;

/* Record one diagnostic.  line/col from 1; 0 means "no place". */
void rg_diag(rg_diags *d, const char *path, int line, int col, rg_level lv,
	     const char *fmt, ...) RG_PRINTF(6, 7);
/* Move every item of src to the end of dst; src is left empty. */
void rg_diags_append(rg_diags *dst, rg_diags *src);
/* Sort by path (bytewise), line, column, then emission order. */
void rg_diags_sort(rg_diags *d);
/* Print every item; returns -1 when the stream failed. */
int rg_diags_print(const rg_diags *d, FILE *f);
void rg_diags_free(rg_diags *d);

#endif
