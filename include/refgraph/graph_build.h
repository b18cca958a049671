/*
 * graph_build: what the stages of rg_graph_build share while the graph is
 * built, and each stage's entry point.  Not for use outside the graph's
 * modules: graph.h is the graph's interface.
 *
 *   resolve.c   written contacts, the owner, every reference -> a contact
 *   touches.c   touches and tasks
 *   events.c    asks and testimonials
 *   merge.c     mentions -> referrals (mention.c: gathering them;
 *               decide.c: one function per field)
 *   graph.c     the driver
 */
#ifndef REFGRAPH_GRAPH_BUILD_H
#define REFGRAPH_GRAPH_BUILD_H

#include <stdbool.h>

#include "refgraph/graph.h"
#include "refgraph/index.h"
#include "refgraph/near.h"

/* What resolving a reference gives besides a contact index. */
enum { RG_RES_NONE = -1, RG_RES_AMBIGUOUS = -2 };

typedef struct rg_build {
	rg_graph *g;
	const rg_notes *n;
	const rg_config *cfg;
	rg_diags *d;
	bool strict;
	/* the three levels of written names, then implicit contacts */
	rg_index ids, names, aliases, implicit;
	char *owner_key; /* the `me` setting, folded; NULL: none */
	rg_near *near;	 /* a lookup's own (rep_show.c); NULL: none */
	RG_VEC(const rg_contact_rec *)
	recs;		       /* per contact; NULL: not written */
	unsigned *mark, stamp; /* per contact: the last pass that saw it */
	/* pass one's diagnostics, held while "did you mean" is searched for
	 * beside the later stages (resolve.c); NULL: none pending */
	struct rg_held *held;
} rg_build;

static inline const char *rg_build_path(const rg_build *b, int file)
{
	return b->n->files[file]->path;
}

/* resolve.c */
void rg_resolve_contacts(rg_build *b);
void rg_resolve_owner(rg_build *b);
/* Resolve every reference but task and body links in place order, making
 * implicit contacts and reporting what cannot be resolved. */
void rg_resolve_all(rg_build *b);
/* The diagnostics rg_resolve_all held back, given once the search for
 * the known names near its implicit contacts (started by rg_resolve_all,
 * on a thread of its own when one starts) is over; they take the place
 * in the diagnostics they would have had without the wait.  Call after
 * the stages that need none of it; rg_resolve_free does if need be. */
void rg_resolve_held(rg_build *b);
/* What a reference resolved to in rg_resolve_all (silent); after it. */
static inline int rg_resolve_known(const rg_build *b, const rg_ref *r)
{
	(void)b;
	return r->target ? r->contact : RG_RES_NONE;
}
/* Look a task link up: makes no contact, reports an ambiguity. */
int rg_resolve_task_link(rg_build *b, int file, const rg_ref *r);
/* Look a body link up: makes no contact, reports nothing. */
int rg_resolve_lookup(rg_build *b, const rg_ref *r);
void rg_resolve_free(rg_build *b);

/* touches.c: every touch but referral dates; tasks. */
void rg_touches_build(rg_build *b);
/* The prospect of each dated referral is touched on its date. */
void rg_touches_referrals(rg_graph *g);

/* events.c: asks and testimonials. */
void rg_events_build(rg_build *b);

/* merge.c: mentions -> referrals, sorted by place. */
void rg_merge_build(rg_build *b);

#endif
