/*
 * ytree: YAML text -> one small tree per document, through libyaml's event
 * API.  Notes (yaml_rec) and the settings (config) both read YAML here, so
 * there is one event loop, one depth cap and one error place.
 *
 * The tree is bounded: nesting deeper than the limit stops the stream (or
 * is passed over, for the settings), and
 * an alias shares its anchored scalar (an alias of a list or mapping is a
 * node of its own and is never expanded), so an alias bomb costs nothing
 * here.  What readers do with each scalar is linear in its length, so the
 * text that aliases repeat is capped at the length of the text itself
 * (plus a mebibyte): a file never makes the readers do much more than
 * twice its own work.
 *
 * A text that is only flat mappings (most front matter) is read by yfast
 * rather than libyaml; the tree, its places and its limits are the same.
 */
#ifndef REFGRAPH_YTREE_H
#define REFGRAPH_YTREE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { RG_YSCALAR, RG_YSEQ, RG_YMAP, RG_YALIAS } rg_ytype;

typedef struct rg_ynode {
	rg_ytype type;
	int line, col; /* from 1, in the file */
	const char *s; /* a scalar's text (NUL-terminated), else NULL */
	size_t slen;
	struct rg_ynode **kids; /* seq: items; map: key, value, key, ... */
	size_t nkids, cap;
} rg_ynode;

typedef enum { RG_YERR = -1, RG_YEND = 0, RG_YDOC = 1 } rg_ystep;

typedef enum {
	RG_YE_SYNTAX, /* libyaml's problem and context say what */
	RG_YE_DEPTH   /* nested deeper than the limit */
} rg_ywhy;

/* Why the stream stopped, its place kept inside the text. */
typedef struct rg_yerror {
	int line, col;
	rg_ywhy why;
	const char *problem; /* libyaml's words (syntax errors) */
	const char *context; /* libyaml's context, or NULL */
} rg_yerror;

typedef struct rg_ytree rg_ytree;

/*
 * Read text[0..len) (not copied: it must outlive the tree).  line0 is the
 * file line of the text's first line; lists and mappings may nest
 * max_depth deep.
 */
rg_ytree *rg_ytree_new(const char *text, size_t len, int line0, int max_depth);
/*
 * The same tree, always through libyaml, never yfast's fast path: what
 * the fast path is checked against.  rg_ytree_fast tells which path a
 * tree takes.
 */
rg_ytree *rg_ytree_new_slow(const char *text, size_t len, int line0,
			    int max_depth);
bool rg_ytree_fast(const rg_ytree *t);
/*
 * A tree that reads nothing yet, and reading a text with it: as
 * rg_ytree_new would, whatever it read before (that text is stopped
 * first), but keeping the room the earlier texts needed, so that a
 * reader of many texts allocates little for each.  rg_ytree_stop ends a
 * text: libyaml's parser and the last document's nodes go, and of the
 * room no more than RG_SCRATCH_KEEP a part stays (rg_ytree_room: the
 * bytes it holds).
 */
rg_ytree *rg_ytree_idle(void);
void rg_ytree_start(rg_ytree *t, const char *text, size_t len, int line0,
		    int max_depth);
void rg_ytree_stop(rg_ytree *t);
size_t rg_ytree_room(const rg_ytree *t);
/*
 * The next document: RG_YDOC with *root set (NULL for an empty document),
 * RG_YEND at the end, RG_YERR when the stream stops (rg_ytree_error says
 * why; *root is then what was built of the document before the error).
 * The nodes live until the next call, rg_ytree_stop or rg_ytree_free.
 */
rg_ystep rg_ytree_next(rg_ytree *t, const rg_ynode **root);
const rg_yerror *rg_ytree_error(const rg_ytree *t);

/*
 * Nesting deeper than the limit no longer stops the stream: the list or
 * mapping at the limit is read as an empty one and what it holds is
 * passed over (the settings, where one bad value must not lose the keys
 * after it).  rg_ytree_deep gives the place of the first such value.
 */
void rg_ytree_skip_deep(rg_ytree *t);
bool rg_ytree_deep(const rg_ytree *t, int *line, int *col);

/*
 * Whether an alias of a scalar went past the budget (the text itself plus
 * a mebibyte of repeated text), and the place of the first: that alias
 * and any later one that would go past it are empty scalars.
 */
bool rg_ytree_spent(const rg_ytree *t, int *line, int *col);
void rg_ytree_free(rg_ytree *t);

/* Absent: no node, or a scalar that is empty, `~` or `null` (any case). */
bool rg_ynode_absent(const rg_ynode *v);
/* An unquoted [[Name]]: a flow list holding a list holding one scalar. */
bool rg_ynode_link_shaped(const rg_ynode *v);
/*
 * The same tree: types, places, texts and children, in order (NULL equals
 * NULL).  Recursive: trees are as deep as their depth cap.
 */
bool rg_ynode_equal(const rg_ynode *a, const rg_ynode *b);

#endif
