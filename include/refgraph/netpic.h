/*
 * netpic: the referral network as a picture, an inline SVG laid out by
 * Graphviz's library (libgvc) when refgraph was built with it.  The owner
 * is at the centre, the sources of referrals to the owner on the first
 * ring and their prospects beyond; an edge per referral, styled by its
 * status; implicit contacts drawn dashed.  The same graph always gives
 * the same bytes.
 */
#ifndef REFGRAPH_NETPIC_H
#define REFGRAPH_NETPIC_H

#include <stddef.h>

#include "refgraph/graph.h"
#include "refgraph/util.h"

/* At most this many contacts are laid out: the most connected ones;
 * and at most this many referrals between them, the first by place. */
#define RG_NETPIC_MAX_NODES 120
#define RG_NETPIC_MAX_EDGES 400

typedef enum rg_netpic_status {
	RG_NETPIC_DRAWN = 0,   /* out has an <svg> element */
	RG_NETPIC_EMPTY,       /* no referral to draw */
	RG_NETPIC_UNAVAILABLE, /* built without Graphviz's library */
	RG_NETPIC_FAILED,      /* the library could not lay it out */
	RG_NETPIC_UNLOADED     /* built with it, but it cannot be loaded */
} rg_netpic_status;

typedef struct rg_netpic_counts {
	size_t contacts;	/* contacts in at least one referral */
	size_t shown;		/* of those, drawn */
	size_t referrals;	/* referrals between the contacts drawn */
	size_t referrals_shown; /* of those, drawn */
} rg_netpic_counts;

/*
 * Append the picture of g's referrals to out as one <svg> element (no
 * XML prolog), every name escaped.  counts, when not NULL, says how many
 * contacts there were and how many are drawn.
 */
rg_netpic_status rg_netpic_svg(rg_buf *out, const rg_graph *g,
			       rg_netpic_counts *counts);

#endif
