/*
 * diag: every diagnostic goes through rg_diag() into a list; lists are
 * merged, sorted by path, line and column, and printed in one format:
 *     path:line:col: error|warning: message
 * The worst level seen decides the exit status.
 */
#ifndef REFGRAPH_DIAG_H
#define REFGRAPH_DIAG_H

#include <stdbool.h>
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
/* Move every item of src into dst before its item at (at <= its count),
 * as if they had been emitted there: the order of emission, which breaks
 * ties between diagnostics at one place, follows.  src is left empty. */
void rg_diags_insert(rg_diags *dst, size_t at, rg_diags *src);
/* Sort by path (bytewise), line, column, then emission order. */
void rg_diags_sort(rg_diags *d);
/*
 * Print every item; returns -1 when the stream failed.  Paths and messages
 * are printed as rg_diag_put_visible shows them, so that no byte of a
 * note (an escape sequence, a newline in a file name) reaches the terminal
 * as anything but visible text.
 */
int rg_diags_print(const rg_diags *d, FILE *f);

/*
 * The text of line `line` (from 1) of the file shown as `path`, without its
 * line end, and its length in *len; NULL when there is none.  The pointer
 * stays valid until the next call.  The caller decides how files are
 * read; diag only draws.
 */
typedef const char *(*rg_diag_source_fn)(void *ctx, const char *path, int line,
					 size_t *len);

typedef struct rg_diag_show {
	bool quiet;		  /* errors only: no warnings, no notes */
	rg_diag_source_fn source; /* NULL: no source lines */
	void *ctx;		  /* for source */
} rg_diag_show;

/*
 * rg_diags_print with choices: leave out all but errors, and follow each
 * diagnostic that has a line by that source line and a caret under its
 * column (as compilers do on a terminal):
 *     notes/a.md:3:8: error: ...
 *         3 | value: 12x
 *           |        ^
 */
int rg_diags_show(const rg_diags *d, FILE *f, const rg_diag_show *o);
/*
 * Append every item as a JSON array of objects {"path", "line", "column",
 * "level", "message"}; line and column are null for no place, path is
 * null for a diagnostic about the run rather than a file.
 */
void rg_diags_json(const rg_diags *d, rg_buf *b);
/* Append s as diagnostics show it: each control character as '?', as the
 * text reports do, and each byte that is not UTF-8 as U+FFFD. */
void rg_diag_put_visible(rg_buf *b, const char *s, size_t n);
void rg_diags_free(rg_diags *d);

#endif
