/*
 * rep_reciprocity: the reciprocity report (givers gain): per partner, the
 * referrals received from it and given to it, won of each, the balance
 * and the last dates; those who gave the most and got the least first.
 */
#include <stdlib.h>

#include "refgraph/date.h"
#include "refgraph/report.h"

static int cmp_rec(const void *pa, const void *pb)
{
	const rg_rec_row *a = pa, *b = pb;
	if (a->balance != b->balance)
		return a->balance < b->balance ? -1 : 1;
	if (a->received != b->received)
		return a->received > b->received ? -1 : 1;
	return rg_report_cmp_named_place(a->contact, a->file, a->line,
					 b->contact, b->file, b->line);
}

/* The row of contact c, made on its first referral. */
static rg_rec_row *row_of(rg_report *r, const rg_graph *g, int *index, int c)
{
	if (index[c] < 0) {
		const rg_contact *k = &g->contacts.v[c];
		index[c] = (int)r->reciprocity.n;
		rg_rec_row *row = RG_VEC_PUSH(r->reciprocity);
		row->contact = k->name;
		row->file = rg_graph_path(g, k->file);
		row->line = k->line;
		row->last_received = row->last_given = RG_NODATE;
	}
	return &r->reciprocity.v[index[c]];
}

void rg_report_reciprocity(rg_report *r, const rg_graph *g,
			   const rg_report_opts *o)
{
	r->today = o->today;
	r->has_reciprocity = true;
	int *index =
		rg_malloc((g->contacts.n ? g->contacts.n : 1) * sizeof(int));
	for (size_t i = 0; i < g->contacts.n; i++)
		index[i] = -1;
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *x = &g->referrals.v[i];
		bool given = x->src == g->owner && x->rcv != g->owner;
		if (!x->to_me && !given)
			continue;
		if (!rg_report_since_keeps(o, x->date))
			continue;
		bool won = x->status == RG_ST_WON;
		/* RG_NODATE is the least int: max() keeps a real date */
		if (x->to_me) {
			rg_rec_row *row = row_of(r, g, index, x->src);
			row->received++;
			row->received_won += won;
			if (x->date > row->last_received)
				row->last_received = x->date;
		} else {
			rg_rec_row *row = row_of(r, g, index, x->rcv);
			row->given++;
			row->given_won += won;
			if (x->date > row->last_given)
				row->last_given = x->date;
		}
	}
	free(index);
	for (size_t i = 0; i < r->reciprocity.n; i++)
		r->reciprocity.v[i].balance = r->reciprocity.v[i].given -
					      r->reciprocity.v[i].received;
	if (r->reciprocity.n > 1)
		qsort(r->reciprocity.v, r->reciprocity.n, sizeof(rg_rec_row),
		      cmp_rec);
}
