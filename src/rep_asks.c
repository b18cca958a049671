/*
 * rep_asks: the asks report: written clients not asked for a referral and
 * not referring in the last ask_days days, the warmest first, each with
 * its last ask, testimonial and referral.  --since does not apply.
 */
#include <stdlib.h>

#include "refgraph/date.h"
#include "refgraph/report.h"

static int cmp_ask(const void *pa, const void *pb)
{
	const rg_ask_row *a = pa, *b = pb;
	/* latest first; RG_NODATE is the least int, so null comes last */
	if (a->last_touch != b->last_touch)
		return a->last_touch > b->last_touch ? -1 : 1;
	return rg_report_cmp_named_place(a->contact, a->file, a->line,
					 b->contact, b->file, b->line);
}

/* Per contact: referrals to me from it, ever. */
typedef struct sent {
	int count, last;
	bool recent; /* one dated in the asking span */
} sent;

static sent *referrals_sent(const rg_graph *g, int from, int to)
{
	sent *s = rg_calloc(g->contacts.n ? g->contacts.n : 1, sizeof(sent));
	for (size_t i = 0; i < g->contacts.n; i++)
		s[i].last = RG_NODATE;
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *x = &g->referrals.v[i];
		if (!x->to_me)
			continue;
		sent *k = &s[x->src];
		k->count++;
		if (x->date > k->last)
			k->last = x->date;
		if (x->date != RG_NODATE && x->date >= from && x->date <= to)
			k->recent = true;
	}
	return s;
}

void rg_report_asks(rg_report *r, const rg_graph *g, const rg_report_opts *o)
{
	r->today = o->today;
	r->has_asks = true;
	int from = o->today - o->ask_days;
	sent *s = referrals_sent(g, from, o->today);
	for (size_t i = 0; i < g->contacts.n; i++) {
		const rg_contact *c = &g->contacts.v[i];
		if (!c->written || c->owner || !c->client || s[i].recent)
			continue;
		int asked = rg_report_last_event(g->asks.v, g->asks.n, (int)i,
						 o->today);
		if (asked != RG_NODATE && asked >= from)
			continue;
		rg_ask_row *row = RG_VEC_PUSH(r->asks);
		row->contact = c->name;
		row->last_asked = asked;
		row->last_testimonial = rg_report_last_event(
			g->testimonials.v, g->testimonials.n, (int)i, o->today);
		row->referrals = s[i].count;
		row->last_referral = s[i].last;
		row->last_touch = c->last_touch;
		row->file = rg_graph_path(g, c->file);
		row->line = c->line;
	}
	free(s);
	if (r->asks.n > 1)
		qsort(r->asks.v, r->asks.n, sizeof(rg_ask_row), cmp_ask);
}
