/*
 * rep_followups: the followups report: every duty (a prospect to follow
 * up, a source to inform, a client to touch, a task) due before the day,
 * or within --ahead days, with what it is about.
 */
#include <stdlib.h>

#include "refgraph/date.h"
#include "refgraph/report.h"

/* A row for a duty due on due, when it is due by the report's end; the
 * caller fills in what it is about.  NULL: not due yet. */
static rg_fu_row *duty(rg_report *r, const rg_report_opts *o, rg_fu_reason why,
		       const char *contact, int due, const char *file, int line)
{
	int limit = o->ahead >= 0 ? o->today + o->ahead : o->today - 1;
	if (due > limit)
		return NULL;
	rg_fu_row *row = RG_VEC_PUSH(r->followups);
	row->reason = why;
	row->contact = contact;
	row->due = due;
	row->days_overdue = o->today - due;
	row->file = file;
	row->line = line;
	row->status = RG_ST_NONE;
	row->last_touch = row->date = RG_NODATE;
	return row;
}

/* What a referral's row is about: its source, prospect, status, date. */
static void about_referral(rg_fu_row *row, const rg_graph *g,
			   const rg_referral *x)
{
	if (row == NULL)
		return;
	/* the owner's contact name is the prospect's name for the owner */
	row->source = g->contacts.v[x->src].name;
	row->prospect = g->contacts.v[x->pro].name;
	row->status = x->status;
	row->date = x->date;
}

static int cmp_fu(const void *pa, const void *pb)
{
	const rg_fu_row *a = pa, *b = pb;
	if (a->days_overdue != b->days_overdue)
		return a->days_overdue > b->days_overdue ? -1 : 1;
	int c = rg_report_cmp_named_place(a->contact, a->file, a->line,
					  b->contact, b->file, b->line);
	if (c)
		return c;
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
		    x->pro != g->owner) {
			rg_fu_row *row = duty(r, o, RG_FU_PROSPECT, p->name,
					      p->last_touch + o->followup_days,
					      file, x->line);
			about_referral(row, g, x);
			if (row)
				row->last_touch = p->last_touch;
		}
		int change =
			RG_ST_IS_CLOSED(x->status) && x->closed != RG_NODATE
				? x->closed
				: x->date;
		if (x->informed == RG_NODATE || x->informed < change)
			about_referral(duty(r, o, RG_FU_INFORM, s->name,
					    change + o->inform_days, file,
					    x->line),
				       g, x);
	}
	for (size_t i = 0; i < g->contacts.n; i++) {
		const rg_contact *c = &g->contacts.v[i];
		if (!c->written || c->owner || !(c->client || c->follow_days))
			continue;
		int last =
			c->last_touch != RG_NODATE ? c->last_touch : c->since;
		if (last == RG_NODATE)
			continue;
		rg_fu_row *row =
			duty(r, o, RG_FU_CLIENT, c->name,
			     last + (c->follow_days ? c->follow_days
						    : o->client_touch_days),
			     rg_graph_path(g, c->file), c->line);
		if (row)
			row->last_touch = c->last_touch;
	}
	for (size_t i = 0; i < g->tasks.n; i++) {
		const rg_gtask *t = &g->tasks.v[i];
		if (t->done || t->due == RG_NODATE)
			continue;
		rg_fu_row *row = duty(
			r, o, RG_FU_TASK,
			t->contact >= 0 ? g->contacts.v[t->contact].name : NULL,
			t->due, rg_graph_path(g, t->file), t->line);
		if (row)
			row->task = t->text ? t->text : "";
	}
	if (r->followups.n > 1)
		qsort(r->followups.v, r->followups.n, sizeof(rg_fu_row),
		      cmp_fu);
}
