/*
 * rep_graph: the graph report: the whole referral network as rows, one
 * node per contact (written, implicit, and the owner) and one edge per
 * referral.  `refgraph graph` gives these rows; `--format dot` draws
 * them for every command, so the picture and the JSON describe the same
 * network.  Nothing here depends on the report day.
 */
#include <stdlib.h>

#include "refgraph/date.h"
#include "refgraph/report.h"

/*
 * The roles of each written contact.  Written contacts come first in the
 * graph, in the order of their records in the notes, so the k-th record
 * is contact k.
 */
static void add_roles(rg_report *r, const rg_graph *g)
{
	if (g->notes == NULL)
		return;
	size_t k = 0;
	for (size_t fi = 0; fi < g->notes->nfiles; fi++) {
		const rg_file *f = g->notes->files[fi];
		for (size_t i = 0; i < f->contacts.n && k < r->nodes.n;
		     i++, k++) {
			const rg_contact_rec *rec = &f->contacts.v[i];
			if (r->nodes.v[k].name != rec->name)
				return; /* not the order the graph promises */
			r->nodes.v[k].roles =
				rec->nroles ? (const char *const *)rec->roles
					    : NULL;
			r->nodes.v[k].nroles = rec->nroles;
		}
	}
}

static void add_nodes(rg_report *r, const rg_graph *g)
{
	for (size_t c = 0; c < g->contacts.n; c++) {
		const rg_contact *k = &g->contacts.v[c];
		rg_node_row *n = RG_VEC_PUSH(r->nodes);
		n->id = (int)c;
		n->name = k->name;
		n->roles = NULL;
		n->nroles = 0;
		n->owner = k->owner;
		/* the owner named only by `me` is no mention: not implicit */
		n->implicit = !k->written && !k->owner;
		n->has_place = k->file >= 0;
		n->file = n->has_place ? rg_graph_path(g, k->file) : NULL;
		n->line = n->has_place ? k->line : 0;
	}
	add_roles(r, g);
}

static void add_edges(rg_report *r, const rg_graph *g)
{
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *x = &g->referrals.v[i];
		rg_edge_row *e = RG_VEC_PUSH(r->edges);
		e->source = x->src;
		e->prospect = x->pro;
		e->receiver = x->rcv;
		e->source_name = g->contacts.v[x->src].name;
		e->prospect_name = g->contacts.v[x->pro].name;
		e->receiver_name = g->contacts.v[x->rcv].name;
		e->date = x->date;
		e->status = x->status;
		e->has_value = x->has_value;
		e->value = x->value;
		e->to_me = x->to_me;
		e->file = rg_graph_path(g, x->file);
		e->line = x->line;
	}
}

void rg_report_graph(rg_report *r, const rg_graph *g, const rg_report_opts *o)
{
	/* the whole network: no day, no --since */
	(void)o;
	r->has_graph = true;
	if (g == NULL)
		return;
	add_nodes(r, g);
	add_edges(r, g);
}
