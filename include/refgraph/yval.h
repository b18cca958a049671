/*
 * yval: the values of YAML record fields, read from ytree nodes into a
 * file's arena: single values, lists of texts and references, words and
 * dates.  A bad value is a diagnostic at its node in the file's list, and
 * the field is then absent.  field is the field's name for messages.
 */
#ifndef REFGRAPH_YVAL_H
#define REFGRAPH_YVAL_H

#include <stdbool.h>
#include <stddef.h>

#include "refgraph/records.h"
#include "refgraph/ytree.h"

/* A diagnostic at the node's place. */
void rg_yval_diag(rg_file *f, const rg_ynode *at, rg_level lv, const char *fmt,
		  ...) RG_PRINTF(4, 5);
/*
 * The text of a single value, or NULL when absent or not a single value
 * (reported).  An unquoted [[Name]] comes back as "[[Name]]" (a warning).
 */
const char *rg_yval_text(rg_file *f, const char *field, const rg_ynode *v);
/* The same, trimmed; NULL when nothing is left. */
const char *rg_yval_trimmed(rg_file *f, const char *field, const rg_ynode *v);
/* An item of a list field: its text, and the node it was read from. */
typedef struct rg_yitem {
	const char *s;
	const rg_ynode *at;
} rg_yitem;

/*
 * The items of a list field, into an arena array: a YAML list's items as
 * they are; a single value split at commas outside wiki-links (an unquoted
 * [[Name]] is one item), items trimmed and empty ones dropped.  Returns
 * how many; 0 when absent.
 */
size_t rg_yval_list(rg_file *f, const char *field, const rg_ynode *v,
		    rg_yitem **out);
/* One reference; false when absent or empty. */
bool rg_yval_ref(rg_file *f, const char *field, const rg_ynode *v, rg_ref *out);
/* The references of a list field, into an arena array; returns how many. */
size_t rg_yval_refs(rg_file *f, const char *field, const rg_ynode *v,
		    rg_ref **out);
/* The texts of a list field (link targets, trimmed), lower-cased when
 * lower; returns how many. */
size_t rg_yval_texts(rg_file *f, const char *field, const rg_ynode *v,
		     const char ***out, bool lower);
/* A date (section 2); RG_NODATE when absent or bad (an error when req,
 * else a warning). */
int rg_yval_date(rg_file *f, const char *field, const rg_ynode *v, bool req);
/* t is the word w, in any case (t may be NULL). */
bool rg_yval_is(const char *t, const char *w);

#endif
