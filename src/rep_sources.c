/*
 * rep_sources: the sources report: per source of referrals to me, its
 * counts, conversion, value and downstream value, best first.
 *
 * downstream_value walks the referral graph from each source.  A contact
 * whose every descendant has exactly one referrer and lies on no cycle
 * ("tree-like") has its whole subtree's value precomputed, so the walk
 * stops there: on tree-shaped networks the whole report is linear, and
 * shared or cyclic parts are still counted exactly once per source.
 */
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/report.h"

typedef struct edge_index {
	int *start; /* per contact: its out-edges in to[] */
	int *to;
} edge_index;

static int cmp_src(const void *pa, const void *pb)
{
	const rg_src_row *a = pa, *b = pb;
	if (a->won != b->won)
		return a->won > b->won ? -1 : 1;
	if (a->referrals != b->referrals)
		return a->referrals > b->referrals ? -1 : 1;
	if (a->won_value != b->won_value)
		return a->won_value > b->won_value ? -1 : 1;
	int c = strcmp(a->contact, b->contact);
	if (c)
		return c;
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	return (a->line > b->line) - (a->line < b->line);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/*
 * Tarjan's strongly connected components, iteratively (a long referral
 * chain must not overflow the stack).  comp[v] gets the component id;
 * components come out sinks first.
 */
static int scc(int n, const edge_index *e, int *comp)
{
	int *idx = rg_malloc((size_t)n * sizeof(int));
	int *low = rg_malloc((size_t)n * sizeof(int));
	int *stk = rg_malloc((size_t)n * sizeof(int));
	bool *on = rg_calloc((size_t)n, sizeof(bool));
	int *cs = rg_malloc((size_t)n * sizeof(int)); /* call stack: vertex */
	int *ci = rg_malloc((size_t)n * sizeof(int)); /* next edge */
	for (int v = 0; v < n; v++)
		idx[v] = -1;
	int counter = 0, sp = 0, ncomp = 0;
	for (int root = 0; root < n; root++) {
		if (idx[root] >= 0)
			continue;
		int csp = 0;
		cs[csp] = root;
		ci[csp++] = e->start[root];
		idx[root] = low[root] = counter++;
		stk[sp++] = root;
		on[root] = true;
		while (csp > 0) {
			int v = cs[csp - 1];
			if (ci[csp - 1] < e->start[v + 1]) {
				int w = e->to[ci[csp - 1]++];
				if (idx[w] < 0) {
					idx[w] = low[w] = counter++;
					stk[sp++] = w;
					on[w] = true;
					cs[csp] = w;
					ci[csp++] = e->start[w];
				} else if (on[w] && idx[w] < low[v]) {
					low[v] = idx[w];
				}
				continue;
			}
			if (low[v] == idx[v]) {
				int w;
				do {
					w = stk[--sp];
					on[w] = false;
					comp[w] = ncomp;
				} while (w != v);
				ncomp++;
			}
			csp--;
			if (csp > 0) {
				int u = cs[csp - 1];
				if (low[v] < low[u])
					low[u] = low[v];
			}
		}
	}
	free(idx);
	free(low);
	free(stk);
	free(on);
	free(cs);
	free(ci);
	return ncomp;
}

void rg_report_sources(rg_report *r, const rg_graph *g, const rg_report_opts *o)
{
	r->today = o->today;
	r->has_sources = true;
	int n = (int)g->contacts.n;
	double *own = rg_calloc((size_t)n, sizeof(double));
	RG_VEC(rg_src_row) rows = {0};
	int *row_index = rg_malloc((size_t)n * sizeof(int));
	for (int i = 0; i < n; i++)
		row_index[i] = -1;
	/* which referrals count */
	RG_VEC(int) kept = {0};
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *x = &g->referrals.v[i];
		if (!x->to_me)
			continue;
		if (o->since != RG_NODATE &&
		    (x->date == RG_NODATE || x->date < o->since))
			continue;
		*RG_VEC_PUSH(kept) = (int)i;
	}
	for (size_t k = 0; k < kept.n; k++) {
		const rg_referral *x = &g->referrals.v[kept.v[k]];
		if (row_index[x->src] < 0) {
			row_index[x->src] = (int)rows.n;
			rg_src_row *row = RG_VEC_PUSH(rows);
			const rg_contact *c = &g->contacts.v[x->src];
			row->contact = c->name;
			row->file = c->file;
			row->line = c->line;
		}
		rg_src_row *row = &rows.v[row_index[x->src]];
		row->referrals++;
		if (x->kind == RG_KIND_LEAD)
			row->leads++;
		else
			row->introductions++;
		if (!RG_ST_IS_CLOSED(x->status))
			row->open++;
		else if (x->status == RG_ST_WON) {
			row->won++;
			double v = x->has_value ? x->value : 0;
			row->won_value += v;
			own[x->src] += v;
		} else
			row->lost++;
		if (x->thanked != RG_NODATE)
			row->thanked_share += 1;
	}
	/* the referral graph among contacts: src -> prospect, deduplicated */
	edge_index e;
	int *srcs = rg_malloc((kept.n ? kept.n : 1) * sizeof(int));
	for (size_t k = 0; k < kept.n; k++)
		srcs[k] = g->referrals.v[kept.v[k]].src;
	rg_group(srcs, kept.n, (size_t)n, &e.start, &e.to);
	for (size_t k = 0; k < kept.n; k++)
		e.to[k] = g->referrals.v[kept.v[e.to[k]]].pro;
	free(srcs);
	/* one referral per (source, prospect) to me, so no duplicate edges;
	 * sort each list for a deterministic walk */
	for (int i = 0; i < n; i++)
		if (e.start[i + 1] - e.start[i] > 1)
			qsort(e.to + e.start[i],
			      (size_t)(e.start[i + 1] - e.start[i]),
			      sizeof(int), cmp_int);
	int *indeg = rg_calloc((size_t)n, sizeof(int));
	for (int v = 0; v < n; v++)
		for (int j = e.start[v]; j < e.start[v + 1]; j++)
			indeg[e.to[j]]++;
	int *comp = rg_malloc((size_t)n * sizeof(int));
	int ncomp = scc(n, &e, comp);
	int *csize = rg_calloc((size_t)ncomp, sizeof(int));
	for (int v = 0; v < n; v++)
		csize[comp[v]]++;
	/* order vertices so that every vertex follows its descendants:
	 * components come sinks first, so sort by component id */
	int *order = rg_malloc((size_t)n * sizeof(int));
	int *cstart = rg_calloc((size_t)ncomp + 1, sizeof(int));
	for (int v = 0; v < n; v++)
		cstart[comp[v] + 1]++;
	for (int c = 0; c < ncomp; c++)
		cstart[c + 1] += cstart[c];
	int *cfill = rg_calloc((size_t)ncomp, sizeof(int));
	for (int v = 0; v < n; v++)
		order[cstart[comp[v]] + cfill[comp[v]]++] = v;
	free(cfill);
	free(cstart);
	bool *tree = rg_calloc((size_t)n, sizeof(bool));
	double *sub = rg_calloc((size_t)n, sizeof(double));
	for (int k = 0; k < n; k++) {
		int v = order[k];
		/* a self-referral (v -> v) makes v not tree-like: tree[v]
		 * is still false when its own edge is met below */
		bool t = csize[comp[v]] == 1;
		double s = own[v];
		for (int j = e.start[v]; j < e.start[v + 1] && t; j++) {
			int w = e.to[j];
			if (!tree[w] || indeg[w] != 1)
				t = false;
			else
				s += sub[w];
		}
		tree[v] = t;
		sub[v] = t ? s : 0;
	}
	/* the walk from each source */
	int *seen = rg_calloc((size_t)n, sizeof(int));
	int *queue = rg_malloc((size_t)n * sizeof(int));
	int stamp = 0;
	for (int s = 0; s < n; s++) {
		if (row_index[s] < 0)
			continue;
		rg_src_row *row = &rows.v[row_index[s]];
		stamp++;
		int qh = 0, qt = 0;
		double total = 0;
		for (int j = e.start[s]; j < e.start[s + 1]; j++) {
			int w = e.to[j];
			if (seen[w] != stamp) {
				seen[w] = stamp;
				queue[qt++] = w;
			}
		}
		while (qh < qt) {
			int v = queue[qh++];
			if (tree[v] && v != s) {
				total += sub[v];
				continue;
			}
			if (v != s)
				total += own[v];
			for (int j = e.start[v]; j < e.start[v + 1]; j++) {
				int w = e.to[j];
				if (seen[w] != stamp) {
					seen[w] = stamp;
					queue[qt++] = w;
				}
			}
		}
		row->downstream_value = total;
		row->has_conversion = row->won + row->lost > 0;
		row->conversion =
			row->has_conversion
				? (double)row->won / (row->won + row->lost)
				: 0;
		row->thanked_share = row->thanked_share / row->referrals;
	}
	free(seen);
	free(queue);
	free(tree);
	free(sub);
	free(order);
	free(csize);
	free(comp);
	free(indeg);
	free(e.start);
	free(e.to);
	free(own);
	free(row_index);
	RG_VEC_FREE(kept);
	if (rows.n > 1)
		qsort(rows.v, rows.n, sizeof(rg_src_row), cmp_src);
	r->sources.v = rows.v;
	r->sources.n = rows.n;
	r->sources.cap = rows.cap;
}
