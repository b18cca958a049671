/*
 * touches: when each contact was last (and first) in touch (notes format,
 * "Touches"), and the tasks with their contacts.  A touch is an
 * interaction's `with`, a `with::` field, `last_contact`, a done task's
 * link, or (rg_touches_referrals, after the merge) a referral's date.
 */
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/graph_build.h"

static void touch(rg_graph *g, int c, int day)
{
	if (c < 0 || day == RG_NODATE || c == g->owner)
		return;
	rg_contact *k = &g->contacts.v[c];
	if (k->last_touch == RG_NODATE || day > k->last_touch)
		k->last_touch = day;
	if (k->first_touch == RG_NODATE || day < k->first_touch)
		k->first_touch = day;
}

/*
 * An interaction without `with` whose body links written contacts: the
 * links alone are no touches, which surprises people who write meeting
 * notes that way.  Say whom, and how to count them.  Contacts are marked
 * with a stamp per interaction, so many links cost no more than one pass.
 */
static void warn_body_links(rg_build *b, int fi, const rg_inter_rec *in)
{
	const rg_file *f = b->n->files[fi];
	const rg_graph *g = b->g;
	if (f->links.n == 0)
		return;
	if (b->mark == NULL)
		b->mark = rg_calloc(g->contacts.n ? g->contacts.n : 1,
				    sizeof *b->mark);
	unsigned stamp = ++b->stamp;
	/* those a with:: field touches already are no surprise */
	for (size_t k = 0; k < f->fields.n; k++) {
		int c = rg_resolve_known(b, &f->fields.v[k].who);
		if (f->fields.v[k].key == RG_F_WITH && c >= 0)
			b->mark[c] = stamp;
	}
	rg_buf names = {0};
	size_t n = 0;
	for (size_t i = 0; i < f->links.n; i++) {
		int c = rg_resolve_lookup(b, &f->links.v[i]);
		if (c < 0 || c == g->owner || !g->contacts.v[c].written ||
		    b->mark[c] == stamp)
			continue;
		b->mark[c] = stamp;
		rg_buf_printf(&names, "%s'%s'", n++ ? ", " : "",
			      g->contacts.v[c].name);
	}
	if (n > 0)
		rg_diag(b->d, f->path, in->line, in->col, RG_WARNING,
			"this interaction has no 'with', so %s, linked in its "
			"body, %s not touched; list %s in 'with:' or 'with::' "
			"to count %s",
			names.s, n > 1 ? "are" : "is", n > 1 ? "them" : "it",
			n > 1 ? "them" : "it");
	rg_buf_free(&names);
}

static void interactions(rg_build *b, int fi, const rg_file *f)
{
	for (size_t k = 0; k < f->inters.n; k++) {
		const rg_inter_rec *in = &f->inters.v[k];
		b->g->stats.interactions++;
		for (size_t j = 0; j < in->nwith; j++)
			touch(b->g, rg_resolve_known(b, &in->with[j]),
			      in->date);
		if (in->nwith == 0)
			warn_body_links(b, fi, in);
	}
	for (size_t k = 0; k < f->fields.n; k++)
		if (f->fields.v[k].key == RG_F_WITH)
			touch(b->g, rg_resolve_known(b, &f->fields.v[k].who),
			      f->fields.v[k].date);
}

static void tasks(rg_build *b, int fi, const rg_file *f)
{
	rg_graph *g = b->g;
	for (size_t k = 0; k < f->tasks.n; k++) {
		const rg_task *t = &f->tasks.v[k];
		rg_gtask *gt = RG_VEC_PUSH(g->tasks);
		gt->file = fi;
		gt->line = t->line;
		gt->done = t->done;
		gt->text = t->text;
		gt->due = t->due;
		gt->done_date = t->done_date;
		gt->contact = -1;
		for (size_t j = 0; j < t->nlinks; j++) {
			int c = rg_resolve_task_link(b, fi, &t->links[j]);
			if (c < 0 || c == g->owner)
				continue;
			if (gt->contact < 0)
				gt->contact = c;
			if (t->done)
				touch(g, c, t->done_date);
		}
	}
}

void rg_touches_build(rg_build *b)
{
	rg_graph *g = b->g;
	for (size_t c = 0; c < g->contacts.n; c++)
		if (b->recs.v[c])
			touch(g, (int)c, b->recs.v[c]->last_contact);
	for (size_t fi = 0; fi < b->n->nfiles; fi++) {
		interactions(b, (int)fi, b->n->files[fi]);
		tasks(b, (int)fi, b->n->files[fi]);
	}
	g->stats.tasks = g->tasks.n;
}

void rg_touches_referrals(rg_graph *g)
{
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *r = &g->referrals.v[i];
		rg_contact *p = &g->contacts.v[r->pro];
		if (r->date != RG_NODATE && r->pro != g->owner &&
		    (p->last_touch == RG_NODATE || r->date > p->last_touch))
			p->last_touch = r->date;
	}
}
