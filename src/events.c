/*
 * events: the dated events about one contact that are neither touches nor
 * referrals: asks (`asked::`) and testimonials (`testimonial::`), sorted
 * by contact then date for the asks and summary reports.  Their
 * references are resolved like every other (an unknown name makes an
 * implicit contact); the owner has none.
 */
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/graph_build.h"

static int cmp_event(const void *pa, const void *pb)
{
	const rg_event *a = pa, *b = pb;
	if (a->contact != b->contact)
		return a->contact < b->contact ? -1 : 1;
	return (a->date > b->date) - (a->date < b->date);
}

void rg_events_build(rg_build *b)
{
	rg_graph *g = b->g;
	for (size_t fi = 0; fi < b->n->nfiles; fi++) {
		const rg_file *f = b->n->files[fi];
		for (size_t k = 0; k < f->fields.n; k++) {
			const rg_field *fd = &f->fields.v[k];
			if (fd->key != RG_F_ASKED &&
			    fd->key != RG_F_TESTIMONIAL)
				continue;
			int c = rg_resolve_known(b, &fd->who);
			if (c < 0 || c == g->owner || fd->date == RG_NODATE)
				continue;
			rg_event *e = fd->key == RG_F_ASKED
					      ? RG_VEC_PUSH(g->asks)
					      : RG_VEC_PUSH(g->testimonials);
			e->contact = c;
			e->date = fd->date;
		}
	}
	if (g->asks.n > 1)
		qsort(g->asks.v, g->asks.n, sizeof(rg_event), cmp_event);
	if (g->testimonials.n > 1)
		qsort(g->testimonials.v, g->testimonials.n, sizeof(rg_event),
		      cmp_event);
}
