/*
 * out_dot: the referral graph for Graphviz: one node per contact in a
 * referral, one edge per referral (source -> prospect; to someone other
 * than the owner, a dashed edge to the receiver as well), labelled with
 * its status.  Strings are escaped for DOT's quoted IDs.
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

void rg_render_dot(rg_buf *b, const rg_report *r, const rg_graph *g,
		   const rg_render_opts *o)
{
	(void)r;
	(void)o;
	rg_buf_puts(b, "digraph referrals {\n  rankdir=LR;\n  node "
		       "[shape=box, style=rounded];\n");
	bool *used = rg_calloc(g->contacts.n ? g->contacts.n : 1, 1);
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *x = &g->referrals.v[i];
		used[x->src] = used[x->pro] = used[x->rcv] = true;
	}
	for (size_t c = 0; c < g->contacts.n; c++) {
		if (!used[c])
			continue;
		const rg_contact *k = &g->contacts.v[c];
		rg_buf_printf(b, "  n%zu [label=", c);
		q(b, k->name);
		if (k->owner)
			rg_buf_puts(b, ", style=\"rounded,bold\"");
		else if (!k->written)
			rg_buf_puts(b, ", style=\"rounded,dashed\"");
		rg_buf_puts(b, "];\n");
	}
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *x = &g->referrals.v[i];
		rg_buf_printf(b, "  n%d -> n%d [label=", x->src, x->pro);
		q(b, rg_status_name(x->status));
		if (x->status == RG_ST_WON)
			rg_buf_puts(b, ", color=darkgreen");
		rg_buf_puts(b, "];\n");
		if (!x->to_me && x->rcv != x->src)
			rg_buf_printf(b, "  n%d -> n%d [style=dashed];\n",
				      x->pro, x->rcv);
	}
	free(used);
	rg_buf_puts(b, "}\n");
}
