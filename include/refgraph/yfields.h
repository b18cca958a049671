/*
 * yfields: the fields of one YAML mapping, gathered once: names lower-cased,
 * a field given twice an error (the first is used), and the tag words of
 * `tags` (notes format section 2).  Strings live in the document's arena.
 */
#ifndef REFGRAPH_YFIELDS_H
#define REFGRAPH_YFIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "refgraph/records.h"
#include "refgraph/ytree.h"

/* More than any record has (about 30 field names); the rest are warned
 * about, not read. */
#define RG_YFIELDS_MAX 64

typedef struct rg_yfields {
	const char *name[RG_YFIELDS_MAX]; /* lower case */
	const rg_ynode *key[RG_YFIELDS_MAX];
	const rg_ynode *val[RG_YFIELDS_MAX];
	size_t n;
	const char **tags; /* tag words, lower case, in order */
	size_t ntags;
} rg_yfields;

/* Gather map's fields into fs (diagnostics into f; strings into tmp). */
void rg_yfields_read(rg_file *f, rg_arena *tmp, const rg_ynode *map,
		     rg_yfields *fs);
/* The value of a field, or NULL when not given. */
const rg_ynode *rg_yfields_get(const rg_yfields *fs, const char *name);
/* The field is given and not absent. */
bool rg_yfields_has(const rg_yfields *fs, const char *name);
/* w is one of the role tag words: client, prospect, partner, lead,
 * former-client. */
bool rg_yfields_role_tag(const char *w);

#endif
