/*
 * report: followups, sources and uncredited, for one day.
 *
 * downstream_value walks the referral graph from each source.  A contact
 * whose every descendant has exactly one referrer and lies on no cycle
 * ("tree-like") has its whole subtree's value precomputed, so the walk
 * stops there: on tree-shaped networks the whole report is linear, and
 * shared or cyclic parts are still counted exactly once per source.
 */
#include "refgraph/report.h"

#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"

const char *rg_fu_reason_name(rg_fu_reason r)
{
	static const char *const n[] = {"prospect", "inform", "client", "task"};
	return n[r];
}

const char *rg_un_reason_name(rg_un_reason r)
{
	static const char *const n[] = {"not-thanked", "not-rewarded",
					"unattributed"};
	return n[r];
}

void rg_report_free(rg_report *r)
{
	if (r == NULL)
		return;
	RG_VEC_FREE(r->followups);
	RG_VEC_FREE(r->sources);
	RG_VEC_FREE(r->uncredited);
	RG_VEC_FREE(r->reciprocity);
	RG_VEC_FREE(r->asks);
}

/* ---- v3 reports: not computed yet (rows to come) ---- */

void rg_report_reciprocity(rg_report *r, const rg_graph *g,
			   const rg_report_opts *o)
{
	(void)g;
	(void)o;
	r->has_reciprocity = true;
}

void rg_report_asks(rg_report *r, const rg_graph *g, const rg_report_opts *o)
{
	(void)g;
	(void)o;
	r->has_asks = true;
}

void rg_report_summary(rg_report *r, const rg_graph *g,
		       const rg_report_opts *o)
{
	(void)g;
	(void)o;
	r->has_summary = true;
}

/* ---- followups ---- */

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

/* ---- sources ---- */

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
	bool *selfloop = rg_calloc((size_t)n, sizeof(bool));
	for (int v = 0; v < n; v++)
		for (int j = e.start[v]; j < e.start[v + 1]; j++) {
			indeg[e.to[j]]++;
			if (e.to[j] == v)
				selfloop[v] = true;
		}
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
		bool t = csize[comp[v]] == 1 && !selfloop[v];
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
	free(selfloop);
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

/* ---- uncredited ---- */

static int cmp_un(const void *pa, const void *pb)
{
	const rg_un_row *a = pa, *b = pb;
	if (a->date != b->date) {
		if (a->date == RG_NODATE)
			return 1;
		if (b->date == RG_NODATE)
			return -1;
		return a->date < b->date ? -1 : 1;
	}
	int c = strcmp(a->contact, b->contact);
	if (c)
		return c;
	c = strcmp(a->file, b->file);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return (a->reason > b->reason) - (a->reason < b->reason);
}

static void credit(rg_report *r, rg_un_reason why, const char *contact,
		   const char *source, int date, const char *file, int line)
{
	rg_un_row *row = RG_VEC_PUSH(r->uncredited);
	row->reason = why;
	row->contact = contact;
	row->source = source;
	row->date = date;
	row->file = file;
	row->line = line;
}

void rg_report_uncredited(rg_report *r, const rg_graph *g,
			  const rg_report_opts *o)
{
	r->today = o->today;
	r->has_uncredited = true;
	bool *has_ref = rg_calloc(g->contacts.n ? g->contacts.n : 1, 1);
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *x = &g->referrals.v[i];
		if (!x->to_me)
			continue;
		has_ref[x->pro] = true;
		if (x->pro == g->owner)
			continue; /* the owner is never a row's contact */
		const char *pro = g->contacts.v[x->pro].name;
		const rg_contact *s = &g->contacts.v[x->src];
		const char *file = rg_graph_path(g, x->file);
		if (x->date != RG_NODATE &&
		    (x->thanked == RG_NODATE || x->thanked > o->today) &&
		    x->date + o->thank_days < o->today)
			credit(r, RG_UN_NOT_THANKED, pro, s->name, x->date,
			       file, x->line);
		if (x->status == RG_ST_WON && s->has_reward && !x->rewarded)
			credit(r, RG_UN_NOT_REWARDED, pro, s->name, x->closed,
			       file, x->line);
	}
	for (size_t i = 0; i < g->contacts.n; i++) {
		const rg_contact *c = &g->contacts.v[i];
		if (!c->written || c->owner || !c->client || c->has_source ||
		    has_ref[i])
			continue;
		credit(r, RG_UN_UNATTRIBUTED, c->name, NULL, c->since,
		       rg_graph_path(g, c->file), c->line);
	}
	free(has_ref);
	if (r->uncredited.n > 1)
		qsort(r->uncredited.v, r->uncredited.n, sizeof(rg_un_row),
		      cmp_un);
}
