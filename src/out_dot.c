/*
 * out_dot: the referral network for Graphviz, from the graph report's
 * rows (rep_graph.c): one node per contact (the owner bold, implicit
 * contacts dashed), one edge per referral (source -> prospect; to someone
 * other than the owner, a dashed edge to the receiver as well), labelled
 * with its status.  Strings are escaped for DOT's quoted IDs.
 */
#include <stdlib.h>
#include <string.h>

#include "refgraph/render.h"

static void q(rg_buf *b, const char *s)
{
	rg_buf tmp = {0};
	rg_put_clean(&tmp, s, " ");
	rg_buf_putc(b, '"');
	for (const char *t = tmp.s ? tmp.s : ""; *t; t++) {
		if (*t == '"' || *t == '\\')
			rg_buf_putc(b, '\\');
		rg_buf_putc(b, *t);
	}
	rg_buf_putc(b, '"');
	rg_buf_free(&tmp);
}

/* The network's rows drawn: nodes by id, edges in place order. */
static void draw(rg_buf *b, const rg_report *v)
{
	for (size_t i = 0; i < v->nodes.n; i++) {
		const rg_node_row *k = &v->nodes.v[i];
		rg_buf_printf(b, "  n%d [label=", k->id);
		q(b, k->name);
		if (k->owner)
			rg_buf_puts(b, ", style=\"rounded,bold\"");
		else if (k->implicit)
			rg_buf_puts(b, ", style=\"rounded,dashed\"");
		rg_buf_puts(b, "];\n");
	}
	for (size_t i = 0; i < v->edges.n; i++) {
		const rg_edge_row *x = &v->edges.v[i];
		rg_buf_printf(b, "  n%d -> n%d [label=", x->source,
			      x->prospect);
		q(b, rg_status_name(x->status));
		if (x->status == RG_ST_WON)
			rg_buf_puts(b, ", color=darkgreen");
		rg_buf_puts(b, "];\n");
		if (!x->to_me && x->receiver != x->source)
			rg_buf_printf(b, "  n%d -> n%d [style=dashed];\n",
				      x->prospect, x->receiver);
	}
}

void rg_render_dot(rg_buf *b, const rg_report *r, const rg_graph *g,
		   const rg_render_opts *o)
{
	(void)o;
	/* the graph report's rows, made here when the command asked for
	 * other reports: one description of the network for every format */
	rg_report own = {0};
	const rg_report *v = r;
	if (!r->has_graph) {
		rg_report_graph(&own, g, NULL);
		v = &own;
	}
	rg_buf_puts(b, "digraph referrals {\n  rankdir=LR;\n  node "
		       "[shape=box, style=rounded];\n");
	draw(b, v);
	rg_buf_puts(b, "}\n");
	rg_report_free(&own);
}
