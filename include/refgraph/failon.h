/*
 * failon: --fail-on LIST, conditions that make a run end with a status of
 * their own once every report is written, so that a nightly job fails on
 * purpose when something needs a person.  The status never hides a worse
 * one: errors in the notes (1), usage (2) and I/O (3) win over it.
 */
#ifndef REFGRAPH_FAILON_H
#define REFGRAPH_FAILON_H

#include <stdbool.h>

#include "refgraph/report.h"

/* The exit status when a --fail-on condition held (and nothing worse). */
#define RG_EXIT_FAILON 4

typedef struct rg_failon {
	int overdue_days;      /* a follow-up at least this many days overdue;
				  -1: not asked */
	bool uncredited;       /* any uncredited row */
	bool errors, warnings; /* any error, any warning in the notes */
} rg_failon;

/* Nothing asked for. */
void rg_failon_init(rg_failon *f);
/*
 * Parse a comma list of overdue, overdue=N, uncredited, errors, warnings
 * into f (added to what f holds: the option may be given twice).  false
 * with *why (allocated) on a word it does not know.
 */
bool rg_failon_parse(rg_failon *f, const char *list, char **why);
/* Whether any condition was asked for. */
bool rg_failon_any(const rg_failon *f);
/*
 * Which condition holds for the report r and the notes' counts, as a line
 * for people ("--fail-on overdue: 3 follow-ups at least 1 day overdue"),
 * allocated; NULL when none does.  Conditions on a report r lacks never
 * hold (see rg_failon_needs).
 */
char *rg_failon_check(const rg_failon *f, const rg_report *r, int nerrors,
		      int nwarnings);
/* Whether f looks at the follow-ups, at the uncredited referrals. */
void rg_failon_needs(const rg_failon *f, bool *followups, bool *uncredited);

#endif
