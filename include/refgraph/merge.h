/*
 * merge: what the merge of mentions (merge.c) hands to the decision of
 * each referral's fields (decide.c).  Internal to the graph's modules.
 *
 * Mentions that name one referral (records, referral::, gave::,
 * referred_by) are kept per referral.  outcome:: and rewarded:: name every
 * referral of a contact dated up to their day: they are kept once, in
 * "casts" sorted by contact and word date, and each referral sees the
 * slice that applies to it, so N such fields about N referrals cost N,
 * not N * N.
 */
#ifndef REFGRAPH_MERGE_H
#define REFGRAPH_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "refgraph/graph_build.h"

typedef struct rg_mention {
	int src, pro, rcv;
	int file, line, col;
	size_t seq; /* order of gathering: the last tie-break of places */
	int date;
	bool refby; /* a referred_by-style mention */
	unsigned writes;
	rg_status status;
	int closed;
	double value;
	rg_refkind kind;
	bool rewarded;
	int thanked, informed;
} rg_mention;

/* outcome:: or rewarded:: fields, each once. */
typedef struct rg_casts {
	RG_VEC(rg_mention) v; /* by contact, then word date, then place */
	int *start;	      /* per contact c: v[start[c] .. start[c+1]) */
	/* at the first of each run of one contact and word date, per field:
	 * the first of the run whose value differs from it, or -1 */
	int *diff;
	unsigned writes; /* the fields every cast writes */
} rg_casts;

/* The casts that apply to one referral: c->v[lo .. hi). */
typedef struct rg_slice {
	const rg_casts *c;
	size_t lo, hi;
} rg_slice;

/* thanked:: and informed:: days per source, each sorted. */
typedef struct rg_credits {
	int *tstart, *tdays; /* thanked:: */
	int *istart, *idays; /* informed:: and thanked:: (thanking informs) */
} rg_credits;

/* Everything one referral's fields are decided from. */
typedef struct rg_decider {
	rg_build *b;
	rg_referral *r;
	const rg_mention *const *ms; /* its own mentions, in place order */
	size_t n;
	rg_slice slices[2];
	size_t nslices;
	const rg_credits *credits;
	bool has_refby;		     /* a referred_by-style mention */
	int refby_date;		     /* the earliest of their dates */
	const rg_mention *status_by; /* who wrote the status, or NULL */
} rg_decider;

/* The word date: a mention's closed when it writes one, else its date. */
int rg_decide_word_date(const rg_mention *m);
/* Place order: file, line, column, then gathering order. */
int rg_decide_cmp_place(const rg_mention *a, const rg_mention *b);
/* Compute c->diff once c->v is sorted and c->start set. */
void rg_decide_index_casts(rg_casts *c, size_t ncontacts);
/* Decide every field of dc->r but its date and place. */
void rg_decide_fields(rg_decider *dc);

#endif
