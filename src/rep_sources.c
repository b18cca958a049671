/*
 * rep_sources: the sources report: per source of referrals to me, its
 * counts, conversion, value and downstream value, best first.
 *
 * downstream_value: what each source reaches in the referral graph.  The
 * graph is cut into strongly connected components (a cycle is one); a
 * contact whose every descendant has exactly one referrer and lies on no
 * cycle ("tree-like") has its whole subtree's value precomputed.  A source
 * whose prospects are all tree-like adds their subtrees: on tree-shaped
 * networks the report is linear.  The other sources are walked 64 at a
 * time, one bit each, down the components in topological order, so a
 * cycle of any length is one component and a dense network costs about
 * (sources / 64) * referrals word operations, not sources * referrals.
 * Each reached contact counts once per source; the sums are compensated,
 * so they do not depend on the order of the walk.
 */
#include <math.h>
#include <stdint.h>
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

/* The components, sinks first: comp[v] its id, verts[start[c] ..
 * start[c + 1]) its contacts, out[ostart[c] .. ostart[c + 1]) the other
 * components its contacts refer to, each once (the condensation). */
typedef struct comp_index {
	int ncomp;
	int *comp, *start, *verts;
	int *ostart, *out;
} comp_index;

/* The condensation's edges: a long cycle is one component with none, so
 * a pass does not walk its referrals again for every block of sources. */
static void condense(comp_index *ci, const edge_index *e)
{
	size_t cap = ci->ncomp ? (size_t)ci->ncomp : 1;
	int *last = rg_malloc(cap * sizeof(int)); /* last source of c seen */
	for (int c = 0; c < ci->ncomp; c++)
		last[c] = -1;
	ci->ostart = rg_malloc((cap + 1) * sizeof(int));
	int_vec out = {0};
	for (int c = 0; c < ci->ncomp; c++) {
		ci->ostart[c] = (int)out.n;
		for (int x = ci->start[c]; x < ci->start[c + 1]; x++) {
			int v = ci->verts[x];
			for (int j = e->start[v]; j < e->start[v + 1]; j++) {
				int d = ci->comp[e->to[j]];
				if (d != c && last[d] != c) {
					last[d] = c;
					*RG_VEC_PUSH(out) = d;
				}
			}
		}
	}
	ci->ostart[ci->ncomp] = (int)out.n;
	ci->out = out.v;
	free(last);
}

static void components(comp_index *ci, int n, const edge_index *e)
{
	ci->comp = rg_malloc((size_t)(n ? n : 1) * sizeof(int));
	ci->ncomp = scc(n, e, ci->comp);
	rg_group(ci->comp, (size_t)n, (size_t)ci->ncomp, &ci->start,
		 &ci->verts);
	condense(ci, e);
}

static void components_free(comp_index *ci)
{
	free(ci->comp);
	free(ci->start);
	free(ci->verts);
	free(ci->ostart);
	free(ci->out);
}

/* The referrals that count, each added to its source's row (made on its
 * first); own[c]: the value won from c's own referrals. */
static void count(rg_report *r, const rg_graph *g, const rg_report_opts *o,
		  int *row_index, double *own, int_vec *kept)
{
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *x = &g->referrals.v[i];
		if (!x->to_me)
			continue;
		if (!rg_report_since_keeps(o, x->date))
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

/*
 * A sum that keeps the low-order bits each addition loses (Neumaier's
 * compensated sum), so that downstream_value does not depend on the order
 * in which the walk meets the contacts.
 */
typedef struct csum {
	double s, c;
} csum;

static void csum_add(csum *a, double x)
{
	double t = a->s + x;
	if (fabs(a->s) >= fabs(x))
		a->c += (a->s - t) + x;
	else
		a->c += (x - t) + a->s;
	a->s = t;
}

/* a += b, both compensated sums */
static void csum_merge(csum *a, const csum *b)
{
	csum_add(a, b->s);
	csum_add(a, b->c);
}

static double csum_get(const csum *a)
{
	return a->s + a->c;
}

/* tree[v]: every descendant of v has one referrer and no cycle; sub[v]:
 * then the value of v's whole subtree, v's own included.  comp: the
 * components, sinks first, so a walk down the ids meets every vertex
 * after its descendants. */
static void trees(int n, const edge_index *e, const double *own,
		  const comp_index *ci, bool *tree, csum *sub)
{
	int *indeg = rg_calloc((size_t)n ? (size_t)n : 1, sizeof(int));
	for (int v = 0; v < n; v++)
		for (int j = e->start[v]; j < e->start[v + 1]; j++)
			indeg[e->to[j]]++;
	for (int k = 0; k < n; k++) {
		int v = ci->verts[k];
		int c = ci->comp[v];
		/* a self-referral (v -> v) makes v not tree-like: tree[v]
		 * is still false when its own edge is met below */
		bool t = ci->start[c + 1] - ci->start[c] == 1;
		csum s = {own[v], 0};
		for (int j = e->start[v]; j < e->start[v + 1] && t; j++) {
			int w = e->to[j];
			if (!tree[w] || indeg[w] != 1)
				t = false;
			else
				csum_merge(&s, &sub[w]);
		}
		tree[v] = t;
		if (t)
			sub[v] = s;
	}
	free(indeg);
}

/*
 * The downstream walk for many sources at once: reachability over the
 * components (sinks first), one bit per source in a 64-bit word, so one
 * pass down the component ids serves a block of 64 sources.  A tree-like
 * contact (trees above) is reached as a whole subtree: its word is not
 * passed on, and its value is its subtree's.
 */
typedef struct reach {
	const edge_index *e;
	const comp_index *ci;
	const double *own;
	csum *cval;	/* per component: the value reaching it adds */
	bool *stop;	/* per component: a tree-like contact */
	uint64_t *bits; /* per component: the block's sources reaching it */
} reach;

/* Bit i of bits[c]: block source i reaches component c.  Returns the
 * highest component id reached, where the pass down the ids starts. */
static int propagate(reach *r, const int *src, int k)
{
	const edge_index *e = r->e;
	const int *comp = r->ci->comp;
	int top = -1;
	for (int i = 0; i < k; i++)
		for (int j = e->start[src[i]]; j < e->start[src[i] + 1]; j++) {
			int c = comp[e->to[j]];
			r->bits[c] |= (uint64_t)1 << i;
			if (c > top)
				top = c;
		}
	for (int c = top; c >= 0; c--) {
		uint64_t m = r->bits[c];
		if (!m || r->stop[c])
			continue;
		for (int x = r->ci->ostart[c]; x < r->ci->ostart[c + 1]; x++)
			r->bits[r->ci->out[x]] |= m;
	}
	return top;
}

/* The downstream values of k <= 64 sources src[], into out[]. */
static void reach_block(reach *r, const int *src, int k, double *out)
{
	enum { BLOCK = 64 };
	csum acc[BLOCK] = {{0, 0}}, all = {0, 0};
	int top = propagate(r, src, k);
	uint64_t self = 0; /* sources on a cycle reach themselves */
	for (int i = 0; i < k; i++)
		self |= r->bits[r->ci->comp[src[i]]] & ((uint64_t)1 << i);
	uint64_t full = k == BLOCK ? ~(uint64_t)0 : ((uint64_t)1 << k) - 1;
	for (int c = top; c >= 0; c--) {
		uint64_t m = r->bits[c];
		r->bits[c] = 0;
		if (!m || (r->cval[c].s == 0 && r->cval[c].c == 0))
			continue;
		/* on wide networks most words are all or none of the block */
		if (m == full) {
			csum_merge(&all, &r->cval[c]);
			continue;
		}
		for (; m; m &= m - 1) {
			int i = __builtin_ctzll(m);
			csum_merge(&acc[i], &r->cval[c]);
		}
	}
	for (int i = 0; i < k; i++) {
		int s = src[i];
		csum_merge(&acc[i], &all);
		/* reached or not, a source's own value is not counted */
		if (self >> i & 1)
			csum_add(&acc[i], -r->own[s]);
		out[i] = csum_get(&acc[i]);
	}
}

/* The value a component adds when reached; tree-like contacts stop. */
static void values(reach *r, int n, const bool *tree, const csum *sub)
{
	const comp_index *ci = r->ci;
	size_t cap = ci->ncomp ? (size_t)ci->ncomp : 1;
	r->cval = rg_calloc(cap, sizeof(csum));
	r->stop = rg_calloc(cap, sizeof(bool));
	r->bits = rg_calloc(cap, sizeof(uint64_t));
	for (int v = 0; v < n; v++) {
		int c = ci->comp[v];
		if (tree[v]) {
			r->stop[c] = true;
			csum_merge(&r->cval[c], &sub[v]);
		} else {
			csum_add(&r->cval[c], r->own[v]);
		}
	}
}

/*
 * down[s] for every source s (row_index[s] >= 0).  A source whose
 * prospects are all tree-like adds their subtrees; the others go through
 * reach_block 64 at a time, in the order of their components (sources
 * first), so each pass starts near its block and runs down from there.
 * (Within a component the contacts come in reverse index order; any
 * order gives the same sums.)
 */
static void downstream_all(reach *r, int n, const int *row_index,
			   const bool *tree, const csum *sub, double *down)
{
	const edge_index *e = r->e;
	int *pend = rg_malloc((size_t)(n ? n : 1) * sizeof(int));
	int np = 0;
	/* by component, sources first: verts lists them sinks first */
	for (int x = n - 1; x >= 0; x--) {
		int s = r->ci->verts[x];
		if (row_index[s] < 0)
			continue;
		csum t = {0, 0};
		bool direct = true;
		for (int j = e->start[s]; j < e->start[s + 1] && direct; j++) {
			direct = tree[e->to[j]];
			csum_merge(&t, &sub[e->to[j]]);
		}
		if (direct)
			down[s] = csum_get(&t);
		else
			pend[np++] = s;
	}
	enum { BLOCK = 64 };
	double out[BLOCK];
	for (int b = 0; b < np; b += BLOCK) {
		int k = np - b < BLOCK ? np - b : BLOCK;
		reach_block(r, pend + b, k, out);
		for (int i = 0; i < k; i++)
			down[pend[b + i]] = out[i];
	}
	free(pend);
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
	comp_index ci;
	components(&ci, n, &e);
	bool *tree = rg_calloc(cap, sizeof(bool));
	csum *sub = rg_calloc(cap, sizeof(csum));
	trees(n, &e, own, &ci, tree, sub);
	reach w = {.e = &e, .ci = &ci, .own = own};
	values(&w, n, tree, sub);
	double *down = rg_calloc(cap, sizeof(double));
	downstream_all(&w, n, row_index, tree, sub, down);
	for (int s = 0; s < n; s++) {
		if (row_index[s] < 0)
			continue;
		rg_src_row *row = &r->sources.v[row_index[s]];
		row->downstream_value = down[s];
		row->has_conversion = row->won + row->lost > 0;
		row->conversion =
			row->has_conversion
				? (double)row->won / (row->won + row->lost)
				: 0;
		row->thanked_share = row->thanked_share / row->referrals;
	}
	free(down);
	free(w.cval);
	free(w.stop);
	free(w.bits);
	free(tree);
	free(sub);
	components_free(&ci);
	free(e.start);
	free(e.to);
	free(own);
	free(row_index);
	RG_VEC_FREE(kept);
	if (r->sources.n > 1)
		qsort(r->sources.v, r->sources.n, sizeof(rg_src_row), cmp_src);
}
