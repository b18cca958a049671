/*
 * rep_followups: the followups report: every duty (a prospect to follow
 * up, a source to inform, a client to touch, a task) due before the day,
 * or within --ahead days, with what it is about.
 */
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/report.h"

static void duty(rg_report *r, const rg_report_opts *o, rg_fu_reason why,
		 const char *contact, int due, const char *file, int line)
{
	int limit = o->ahead >= 0 ? o->today + o->ahead : o->today - 1;
	if (due > limit)
		return;
	rg_fu_row *row = RG_VEC_PUSH(r->followups);
	row->reason = why;
	row->contact = contact;
	row->due = due;
	row->days_overdue = o->today - due;
	row->file = file;
	row->line = line;
}

static int cmp_fu(const void *pa, const void *pb)
{
	const rg_fu_row *a = pa, *b = pb;
	if (a->days_overdue != b->days_overdue)
		return a->days_overdue > b->days_overdue ? -1 : 1;
	int c = rg_strcmp_null(a->contact, b->contact);
	if (c)
		return c;
	c = strcmp(a->file, b->file);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return (a->reason > b->reason) - (a->reason < b->reason);
}

void rg_report_followups(rg_report *r, const rg_graph *g,
			 const rg_report_opts *o)
{
	r->today = o->today;
	r->has_followups = true;
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *x = &g->referrals.v[i];
		if (!x->to_me || x->date == RG_NODATE)
			continue;
		const rg_contact *p = &g->contacts.v[x->pro];
		const rg_contact *s = &g->contacts.v[x->src];
		const char *file = rg_graph_path(g, x->file);
		/* the owner is never a row's contact */
		if (!RG_ST_IS_CLOSED(x->status) && p->last_touch != RG_NODATE &&
		    x->pro != g->owner)
			duty(r, o, RG_FU_PROSPECT, p->name,
			     p->last_touch + o->followup_days, file, x->line);
		int change =
			RG_ST_IS_CLOSED(x->status) && x->closed != RG_NODATE
				? x->closed
				: x->date;
		if (x->informed == RG_NODATE || x->informed < change)
			duty(r, o, RG_FU_INFORM, s->name,
			     change + o->inform_days, file, x->line);
	}
	for (size_t i = 0; i < g->contacts.n; i++) {
		const rg_contact *c = &g->contacts.v[i];
		if (!c->written || c->owner || !(c->client || c->follow_days))
			continue;
		int last =
			c->last_touch != RG_NODATE ? c->last_touch : c->since;
		if (last == RG_NODATE)
			continue;
		duty(r, o, RG_FU_CLIENT, c->name,
		     last + (c->follow_days ? c->follow_days
					    : o->client_touch_days),
		     rg_graph_path(g, c->file), c->line);
	}
	for (size_t i = 0; i < g->tasks.n; i++) {
		const rg_gtask *t = &g->tasks.v[i];
		if (t->done || t->due == RG_NODATE)
			continue;
		duty(r, o, RG_FU_TASK,
		     t->contact >= 0 ? g->contacts.v[t->contact].name : NULL,
		     t->due, rg_graph_path(g, t->file), t->line);
	}
	if (r->followups.n > 1)
		qsort(r->followups.v, r->followups.n, sizeof(rg_fu_row),
		      cmp_fu);
}
