/*
 * rep_uncredited: the uncredited report: referrals not thanked, won
 * referrals not rewarded, and clients with no known origin.
 */
#include <stdlib.h>

#include "refgraph/date.h"
#include "refgraph/report.h"

static int cmp_un(const void *pa, const void *pb)
{
	const rg_un_row *a = pa, *b = pb;
	if (a->date != b->date) {
		if (a->date == RG_NODATE)
			return 1;
		if (b->date == RG_NODATE)
			return -1;
		return a->date < b->date ? -1 : 1;
	}
	int c = rg_report_cmp_named_place(a->contact, a->file, a->line,
					  b->contact, b->file, b->line);
	if (c)
		return c;
	return (a->reason > b->reason) - (a->reason < b->reason);
}

static void credit(rg_report *r, rg_un_reason why, const char *contact,
		   const char *source, int date, const char *file, int line)
{
	rg_un_row *row = RG_VEC_PUSH(r->uncredited);
	row->reason = why;
	row->contact = contact;
	row->source = source;
	row->date = date;
	row->file = file;
	row->line = line;
}

void rg_report_uncredited(rg_report *r, const rg_graph *g,
			  const rg_report_opts *o)
{
	r->today = o->today;
	r->has_uncredited = true;
	bool *has_ref = rg_calloc(g->contacts.n ? g->contacts.n : 1, 1);
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *x = &g->referrals.v[i];
		if (!x->to_me)
			continue;
		has_ref[x->pro] = true;
		if (x->pro == g->owner)
			continue; /* the owner is never a row's contact */
		const char *pro = g->contacts.v[x->pro].name;
		const rg_contact *s = &g->contacts.v[x->src];
		const char *file = rg_graph_path(g, x->file);
		if (x->date != RG_NODATE &&
		    (x->thanked == RG_NODATE || x->thanked > o->today) &&
		    x->date + o->thank_days < o->today)
			credit(r, RG_UN_NOT_THANKED, pro, s->name, x->date,
			       file, x->line);
		if (x->status == RG_ST_WON && s->has_reward && !x->rewarded)
			credit(r, RG_UN_NOT_REWARDED, pro, s->name, x->closed,
			       file, x->line);
	}
	for (size_t i = 0; i < g->contacts.n; i++) {
		const rg_contact *c = &g->contacts.v[i];
		if (!c->written || c->owner || !c->client || c->has_source ||
		    has_ref[i])
			continue;
		credit(r, RG_UN_UNATTRIBUTED, c->name, NULL, c->since,
		       rg_graph_path(g, c->file), c->line);
	}
	free(has_ref);
	if (r->uncredited.n > 1)
		qsort(r->uncredited.v, r->uncredited.n, sizeof(rg_un_row),
		      cmp_un);
}
