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

typedef RG_VEC(int) int_vec;

/* The referrals that count, each added to its source's row (made on its
 * first); own[c]: the value won from c's own referrals. */
static void count(rg_report *r, const rg_graph *g, const rg_report_opts *o,
		  int *row_index, double *own, int_vec *kept)
{
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *x = &g->referrals.v[i];
		if (!x->to_me)
			continue;
		if (o->since != RG_NODATE &&
		    (x->date == RG_NODATE || x->date < o->since))
			continue;
		*RG_VEC_PUSH(*kept) = (int)i;
		if (row_index[x->src] < 0) {
			row_index[x->src] = (int)r->sources.n;
			rg_src_row *row = RG_VEC_PUSH(r->sources);
			const rg_contact *c = &g->contacts.v[x->src];
			row->contact = c->name;
			row->file = c->file;
			row->line = c->line;
		}
		rg_src_row *row = &r->sources.v[row_index[x->src]];
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
}

/* The referral graph among contacts, src -> prospect, over the kept
 * referrals; one referral per (source, prospect) to me, so no duplicate
 * edges; each list sorted for a deterministic walk. */
static void edges(edge_index *e, const rg_graph *g, const int *kept,
		  size_t nkept, int n)
{
	int *srcs = rg_malloc((nkept ? nkept : 1) * sizeof(int));
	for (size_t k = 0; k < nkept; k++)
		srcs[k] = g->referrals.v[kept[k]].src;
	rg_group(srcs, nkept, (size_t)n, &e->start, &e->to);
	for (size_t k = 0; k < nkept; k++)
		e->to[k] = g->referrals.v[kept[e->to[k]]].pro;
	free(srcs);
	for (int i = 0; i < n; i++)
		if (e->start[i + 1] - e->start[i] > 1)
			qsort(e->to + e->start[i],
			      (size_t)(e->start[i + 1] - e->start[i]),
			      sizeof(int), cmp_int);
}

/* The vertices so that every vertex follows its descendants: components
 * come sinks first, so sort by component id.  csize: each one's size. */
static int *sinks_first(int n, const edge_index *e, int **csize, int **comp)
{
	*comp = rg_malloc((size_t)n * sizeof(int));
	int ncomp = scc(n, e, *comp);
	*csize = rg_calloc((size_t)ncomp ? (size_t)ncomp : 1, sizeof(int));
	for (int v = 0; v < n; v++)
		(*csize)[(*comp)[v]]++;
	int *order = rg_malloc((size_t)n * sizeof(int));
	int *cstart = rg_calloc((size_t)ncomp + 1, sizeof(int));
	for (int v = 0; v < n; v++)
		cstart[(*comp)[v] + 1]++;
	for (int c = 0; c < ncomp; c++)
		cstart[c + 1] += cstart[c];
	int *cfill = rg_calloc((size_t)ncomp ? (size_t)ncomp : 1, sizeof(int));
	for (int v = 0; v < n; v++)
		order[cstart[(*comp)[v]] + cfill[(*comp)[v]]++] = v;
	free(cfill);
	free(cstart);
	return order;
}

/* tree[v]: every descendant of v has one referrer and no cycle; sub[v]:
 * then the value of v's whole subtree, v's own included. */
static void trees(int n, const edge_index *e, const double *own, bool *tree,
		  double *sub)
{
	int *indeg = rg_calloc((size_t)n ? (size_t)n : 1, sizeof(int));
	for (int v = 0; v < n; v++)
		for (int j = e->start[v]; j < e->start[v + 1]; j++)
			indeg[e->to[j]]++;
	int *csize, *comp;
	int *order = sinks_first(n, e, &csize, &comp);
	for (int k = 0; k < n; k++) {
		int v = order[k];
		/* a self-referral (v -> v) makes v not tree-like: tree[v]
		 * is still false when its own edge is met below */
		bool t = csize[comp[v]] == 1;
		double s = own[v];
		for (int j = e->start[v]; j < e->start[v + 1] && t; j++) {
			int w = e->to[j];
			if (!tree[w] || indeg[w] != 1)
				t = false;
			else
				s += sub[w];
		}
		tree[v] = t;
		sub[v] = t ? s : 0;
	}
	free(order);
	free(csize);
	free(comp);
	free(indeg);
}

/* The downstream walk's state, reused from source to source. */
typedef struct walk {
	const edge_index *e;
	const double *own, *sub;
	const bool *tree;
	int *seen, *queue;
	int stamp;
} walk;

static void visit(walk *w, int v, int *qt)
{
	if (w->seen[v] != w->stamp) {
		w->seen[v] = w->stamp;
		w->queue[(*qt)++] = v;
	}
}

/* The value reached from s, other than its own (each contact once). */
static double downstream(walk *w, int s)
{
	w->stamp++;
	int qh = 0, qt = 0;
	double total = 0;
	for (int j = w->e->start[s]; j < w->e->start[s + 1]; j++)
		visit(w, w->e->to[j], &qt);
	while (qh < qt) {
		int v = w->queue[qh++];
		if (w->tree[v] && v != s) {
			total += w->sub[v];
			continue;
		}
		if (v != s)
			total += w->own[v];
		for (int j = w->e->start[v]; j < w->e->start[v + 1]; j++)
			visit(w, w->e->to[j], &qt);
	}
	return total;
}

void rg_report_sources(rg_report *r, const rg_graph *g, const rg_report_opts *o)
{
	r->today = o->today;
	r->has_sources = true;
	int n = (int)g->contacts.n;
	size_t cap = n ? (size_t)n : 1;
	double *own = rg_calloc(cap, sizeof(double));
	int *row_index = rg_malloc(cap * sizeof(int));
	for (int i = 0; i < n; i++)
		row_index[i] = -1;
	int_vec kept = {0};
	count(r, g, o, row_index, own, &kept);
	edge_index e;
	edges(&e, g, kept.v, kept.n, n);
	bool *tree = rg_calloc(cap, sizeof(bool));
	double *sub = rg_calloc(cap, sizeof(double));
	trees(n, &e, own, tree, sub);
	walk w = {&e,
		  own,
		  sub,
		  tree,
		  rg_calloc(cap, sizeof(int)),
		  rg_malloc(cap * sizeof(int)),
		  0};
	for (int s = 0; s < n; s++) {
		if (row_index[s] < 0)
			continue;
		rg_src_row *row = &r->sources.v[row_index[s]];
		row->downstream_value = downstream(&w, s);
		row->has_conversion = row->won + row->lost > 0;
		row->conversion =
			row->has_conversion
				? (double)row->won / (row->won + row->lost)
				: 0;
		row->thanked_share = row->thanked_share / row->referrals;
	}
	free(w.seen);
	free(w.queue);
	free(tree);
	free(sub);
	free(e.start);
	free(e.to);
	free(own);
	free(row_index);
	RG_VEC_FREE(kept);
	if (r->sources.n > 1)
		qsort(r->sources.v, r->sources.n, sizeof(rg_src_row), cmp_src);
}
