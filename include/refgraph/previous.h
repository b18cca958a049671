/*
 * previous: what changed since an earlier run.  An earlier report (a JSON
 * report read back, or one computed in memory from the notes at a git
 * revision) becomes a set of row identities; each row of the current
 * report not in that set is new.  A row's identity is its report and:
 *   followups    reason, contact, file, line
 *   uncredited   reason, contact, source, file, line
 *   sources      contact (its JSON row has no place)
 *   reciprocity  contact, file, line
 *   asks         contact, file, line
 * so a row whose numbers or dates changed is the same row, and a row that
 * moved to another line is new.
 */
#ifndef REFGRAPH_PREVIOUS_H
#define REFGRAPH_PREVIOUS_H

#include <stddef.h>

#include "refgraph/report.h"

typedef struct rg_previous {
	int today;   /* the earlier report's day */
	char **keys; /* row identities, sorted bytewise; owned */
	size_t nkeys, cap;
} rg_previous;

/* How many rows of each report are new. */
typedef struct rg_digest {
	size_t followups, sources, uncredited, reciprocity, asks;
} rg_digest;

/*
 * Read the JSON report at path.  Returns RG_EXIT_OK; RG_EXIT_IO when the
 * file cannot be read; RG_EXIT_USAGE when it is not a refgraph JSON report.
 * On failure *why is the message (allocated; the caller frees it).
 */
int rg_previous_load(rg_previous *p, const char *path, char **why);
/* The same from JSON text in memory; name is what messages call it. */
int rg_previous_parse(rg_previous *p, const char *text, size_t len,
		      const char *name, char **why);
/* The identities of the rows of a report computed in this run. */
void rg_previous_of(rg_previous *p, const rg_report *r);
/* Set is_new on every row of r not in p, and r's has_previous. */
void rg_previous_mark(rg_report *r, const rg_previous *p);
void rg_previous_free(rg_previous *p);

/* The new rows of each report of r (zero for a report r lacks). */
void rg_previous_digest(const rg_report *r, rg_digest *dg);
/*
 * The digest for people, one line without its newline: "3 new follow-ups,
 * 1 new uncredited referral since 2026-11-21", or "Nothing new since
 * 2026-11-21"; allocated.  NULL when r was not compared.
 */
char *rg_previous_line(const rg_report *r);

#endif
