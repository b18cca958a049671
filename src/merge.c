/*
 * merge: the many mentions of one introduction -> one referral (notes
 * format, "Mentions and referrals").  Gathers the mentions that name one
 * referral, groups them by source, prospect and receiver, dates each
 * referral, collects the fields that name many referrals at once
 * (outcome::, rewarded::, thanked::, informed::) once each, and has
 * decide.c decide every other field.
 */
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/merge.h"

typedef RG_VEC(rg_mention) mention_vec;
typedef RG_VEC(const rg_mention *) mref_vec;

static rg_mention *push_mention(mention_vec *out, int file, int line, int col)
{
	rg_mention *m = RG_VEC_PUSH(*out);
	m->file = file;
	m->line = line;
	m->col = col;
	m->seq = out->n;
	m->thanked = m->informed = m->closed = RG_NODATE;
	return m;
}

/* Referral records, referrals: items, referral:: and gave::. */
static void gather_records(rg_build *b, mention_vec *out)
{
	const rg_graph *g = b->g;
	for (size_t fi = 0; fi < b->n->nfiles; fi++) {
		const rg_file *f = b->n->files[fi];
		for (size_t k = 0; k < f->refrecs.n; k++) {
			const rg_refrec *r = &f->refrecs.v[k];
			int src = r->from_me ? g->owner
					     : rg_resolve_known(b, &r->from);
			int pro = rg_resolve_known(b, &r->prospect);
			int rcv = r->to.target ? rg_resolve_known(b, &r->to)
					       : g->owner;
			if (src < 0 || pro < 0 || rcv < 0)
				continue;
			rg_mention *m =
				push_mention(out, (int)fi, r->line, r->col);
			m->src = src;
			m->pro = pro;
			m->rcv = rcv;
			m->date = r->date;
			m->writes = r->writes;
			m->status = r->status;
			m->closed = r->closed;
			m->value = r->value;
			m->kind = r->kind;
			m->rewarded = r->rewarded;
			m->thanked = r->thanked;
			m->informed = r->informed;
		}
	}
}

/* referred_by, introduced_by, met_through: dated by the contact's since,
 * else its earliest touch. */
static void gather_refby(rg_build *b, mention_vec *out)
{
	const rg_graph *g = b->g;
	for (size_t c = 0; c < g->contacts.n; c++) {
		const rg_contact_rec *r = b->recs.v[c];
		if (r == NULL || r->nrefby == 0)
			continue;
		const rg_contact *k = &g->contacts.v[c];
		int pro = k->owner ? g->owner : (int)c;
		int date = k->since != RG_NODATE ? k->since : k->first_touch;
		for (size_t j = 0; j < r->nrefby; j++) {
			const rg_ref *ref = &r->refby[j];
			int src = rg_resolve_known(b, ref);
			if (src < 0)
				continue;
			if (date == RG_NODATE)
				rg_diag(b->d, rg_build_path(b, k->file),
					ref->line, ref->col, RG_WARNING,
					"referral from '%s' has no date (the "
					"contact has no 'since' and no touch); "
					"undated",
					ref->target);
			rg_mention *m =
				push_mention(out, k->file, ref->line, ref->col);
			m->src = src;
			m->pro = pro;
			m->rcv = g->owner;
			m->date = date;
			m->refby = true;
		}
	}
}

static int cmp_key(const void *pa, const void *pb)
{
	const rg_mention *a = pa, *b = pb;
	if (a->src != b->src)
		return a->src < b->src ? -1 : 1;
	if (a->pro != b->pro)
		return a->pro < b->pro ? -1 : 1;
	if (a->rcv != b->rcv)
		return a->rcv < b->rcv ? -1 : 1;
	return rg_decide_cmp_place(a, b);
}

static bool same_key(const rg_mention *a, const rg_mention *b)
{
	return a->src == b->src && a->pro == b->pro && a->rcv == b->rcv;
}

typedef RG_VEC(size_t) size_vec;

/* One referral per run of mentions with one key; its date is the earliest
 * any mention gives, its place that mention's (else its first's).
 * Decided before any other field: what outcome::, rewarded:: and the
 * credits apply to depends on every referral's date. */
static void group(rg_build *b, const mention_vec *ms, size_vec *gstart)
{
	rg_graph *g = b->g;
	for (size_t i = 0; i < ms->n; i++) {
		const rg_mention *m = &ms->v[i];
		if (i == 0 || !same_key(m, &ms->v[i - 1])) {
			*RG_VEC_PUSH(*gstart) = i;
			rg_referral *r = RG_VEC_PUSH(g->referrals);
			r->src = m->src;
			r->pro = m->pro;
			r->rcv = m->rcv;
			r->date = RG_NODATE;
			r->file = m->file; /* first mention: sorted by place */
			r->line = m->line;
			r->to_me = m->rcv == g->owner && m->src != g->owner;
		}
		rg_referral *r = &g->referrals.v[g->referrals.n - 1];
		if (m->date != RG_NODATE &&
		    (r->date == RG_NODATE || m->date < r->date)) {
			r->date = m->date;
			r->file = m->file;
			r->line = m->line;
		}
	}
	*RG_VEC_PUSH(*gstart) = ms->n;
}

/* ---- outcome:: and rewarded::, each kept once ---- */

/* outcome::'s value goes to one referral: a mention for it alone. */
typedef struct valued {
	int ref;
	rg_mention m;
} valued;

typedef RG_VEC(valued) valued_vec;

static int cmp_cast(const void *pa, const void *pb)
{
	const rg_mention *a = pa, *b = pb;
	/* a cast's contact is kept in pro */
	if (a->pro != b->pro)
		return a->pro < b->pro ? -1 : 1;
	int wa = rg_decide_word_date(a), wb = rg_decide_word_date(b);
	if (wa != wb)
		return wa < wb ? -1 : 1;
	return rg_decide_cmp_place(a, b);
}

static int cmp_valued(const void *pa, const void *pb)
{
	const valued *a = pa, *b = pb;
	if (a->ref != b->ref)
		return a->ref < b->ref ? -1 : 1;
	return rg_decide_cmp_place(&a->m, &b->m);
}

/* Sort the casts and index them by contact. */
static void casts_finish(rg_casts *c, size_t ncontacts)
{
	if (c->v.n > 1)
		qsort(c->v.v, c->v.n, sizeof(rg_mention), cmp_cast);
	c->start = rg_calloc(ncontacts + 1, sizeof(int));
	for (size_t i = 0; i < c->v.n; i++)
		c->start[c->v.v[i].pro + 1]++;
	for (size_t k = 0; k < ncontacts; k++)
		c->start[k + 1] += c->start[k];
	rg_decide_index_casts(c, ncontacts);
}

/* Is referral a earlier than b for outcome::'s value (undated first;
 * ties: path, then line of the place)? */
static bool earlier(const rg_referral *a, const rg_referral *b)
{
	if ((a->date == RG_NODATE) != (b->date == RG_NODATE))
		return a->date == RG_NODATE;
	if (a->date != b->date)
		return a->date < b->date;
	if (a->file != b->file)
		return a->file < b->file;
	return a->line < b->line;
}

/*
 * Per contact, its earliest referral to me as prospect, and the earliest
 * day of one from it.  An outcome:: of day D applies to the referrals to
 * me of its prospect dated up to D or undated: to some exactly when to
 * the earliest, which is also the earliest of those it applies to (its
 * value's).  A rewarded:: of day D applies to some exactly when the
 * earliest day from its source is D or before.
 */
typedef struct firsts {
	int *by_pro; /* referral index, or -1 */
	int *by_src; /* day, or RG_NODATE */
} firsts;

static firsts earliest_to_me(const rg_graph *g)
{
	size_t n = g->contacts.n ? g->contacts.n : 1;
	firsts f = {rg_malloc(n * sizeof(int)), rg_malloc(n * sizeof(int))};
	for (size_t c = 0; c < g->contacts.n; c++) {
		f.by_pro[c] = -1;
		f.by_src[c] = RG_NODATE;
	}
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *r = &g->referrals.v[i];
		if (!r->to_me)
			continue;
		int *p = &f.by_pro[r->pro], *s = &f.by_src[r->src];
		if (*p < 0 || earlier(r, &g->referrals.v[*p]))
			*p = (int)i;
		if (r->date != RG_NODATE && (*s == RG_NODATE || r->date < *s))
			*s = r->date;
	}
	return f;
}

static void add_outcome(rg_build *b, int fi, const rg_field *fd,
			const int *first, rg_casts *oc, valued_vec *vals)
{
	const rg_graph *g = b->g;
	int who = rg_resolve_known(b, &fd->who);
	if (who < 0 || fd->date == RG_NODATE)
		return;
	int e = first[who];
	if (e < 0 || (g->referrals.v[e].date != RG_NODATE &&
		      g->referrals.v[e].date > fd->date)) {
		rg_diag(b->d, rg_build_path(b, fi), fd->line, fd->col,
			RG_WARNING,
			"outcome:: '%s' applies to no referral to me dated on "
			"or before this note; not used",
			fd->who.target);
		return;
	}
	rg_mention *m = RG_VEC_PUSH(oc->v);
	m->pro = who;
	m->file = fi;
	m->line = fd->line;
	m->col = fd->col;
	m->seq = oc->v.n;
	m->date = m->closed = fd->date;
	m->thanked = m->informed = RG_NODATE;
	m->writes = RG_W_STATUS | RG_W_CLOSED;
	m->status = fd->status;
	if (fd->has_value) {
		valued *v = RG_VEC_PUSH(*vals);
		v->ref = e;
		v->m = *m;
		v->m.writes = RG_W_VALUE;
		v->m.value = fd->value;
	}
}

static void add_rewarded(rg_build *b, int fi, const rg_field *fd,
			 const int *by_src, rg_casts *rc)
{
	int who = rg_resolve_known(b, &fd->who);
	if (who < 0 || fd->date == RG_NODATE)
		return;
	if (by_src[who] == RG_NODATE || by_src[who] > fd->date) {
		rg_diag(b->d, rg_build_path(b, fi), fd->line, fd->col,
			RG_WARNING,
			"rewarded:: '%s' applies to no referral from it to me "
			"dated on or before this note; not used",
			fd->who.target);
		return;
	}
	rg_mention *m = RG_VEC_PUSH(rc->v);
	m->pro = who;
	m->file = fi;
	m->line = fd->line;
	m->col = fd->col;
	m->seq = rc->v.n;
	m->date = fd->date;
	m->closed = m->thanked = m->informed = RG_NODATE;
	m->writes = RG_W_REWARDED;
	m->rewarded = true;
}

/* ---- thanked:: and informed:: ---- */

typedef struct credit {
	int src, day;
} credit;

typedef RG_VEC(credit) credit_vec;

static int cmp_credit(const void *pa, const void *pb)
{
	const credit *a = pa, *b = pb;
	if (a->src != b->src)
		return a->src < b->src ? -1 : 1;
	return (a->day > b->day) - (a->day < b->day);
}

/* Sorted days per source: (*days)[(*start)[s] .. (*start)[s+1]). */
static void credits_index(credit_vec *v, size_t ncontacts, int **start,
			  int **days)
{
	if (v->n > 1)
		qsort(v->v, v->n, sizeof(credit), cmp_credit);
	*start = rg_calloc(ncontacts + 1, sizeof(int));
	*days = rg_malloc((v->n ? v->n : 1) * sizeof(int));
	for (size_t i = 0; i < v->n; i++) {
		(*start)[v->v[i].src + 1]++;
		(*days)[i] = v->v[i].day;
	}
	for (size_t k = 0; k < ncontacts; k++)
		(*start)[k + 1] += (*start)[k];
}

static void add_credit(credit_vec *v, int src, int day)
{
	credit *c = RG_VEC_PUSH(*v);
	c->src = src;
	c->day = day;
}

/* Everything that names many referrals at once, each field once. */
typedef struct broadcasts {
	rg_casts outcomes, rewards;
	valued_vec vals; /* by referral, then place */
	rg_credits credits;
} broadcasts;

static void collect(rg_build *b, broadcasts *bc)
{
	size_t nc = b->g->contacts.n;
	firsts first = earliest_to_me(b->g);
	credit_vec thanked = {0}, informed = {0};
	for (size_t fi = 0; fi < b->n->nfiles; fi++) {
		const rg_file *f = b->n->files[fi];
		for (size_t k = 0; k < f->fields.n; k++) {
			const rg_field *fd = &f->fields.v[k];
			int who;
			switch (fd->key) {
			case RG_F_OUTCOME:
				add_outcome(b, (int)fi, fd, first.by_pro,
					    &bc->outcomes, &bc->vals);
				break;
			case RG_F_REWARDED:
				add_rewarded(b, (int)fi, fd, first.by_src,
					     &bc->rewards);
				break;
			case RG_F_THANKED:
			case RG_F_INFORMED:
				who = rg_resolve_known(b, &fd->who);
				if (who < 0 || fd->date == RG_NODATE)
					break;
				/* thanking tells the source how it went */
				add_credit(&informed, who, fd->date);
				if (fd->key == RG_F_THANKED)
					add_credit(&thanked, who, fd->date);
				break;
			default: break;
			}
		}
	}
	free(first.by_pro);
	free(first.by_src);
	bc->outcomes.writes = RG_W_STATUS | RG_W_CLOSED;
	bc->rewards.writes = RG_W_REWARDED;
	casts_finish(&bc->outcomes, nc);
	casts_finish(&bc->rewards, nc);
	if (bc->vals.n > 1)
		qsort(bc->vals.v, bc->vals.n, sizeof(valued), cmp_valued);
	credits_index(&thanked, nc, &bc->credits.tstart, &bc->credits.tdays);
	credits_index(&informed, nc, &bc->credits.istart, &bc->credits.idays);
	RG_VEC_FREE(thanked);
	RG_VEC_FREE(informed);
}

static void broadcasts_free(broadcasts *bc)
{
	rg_casts *cs[2] = {&bc->outcomes, &bc->rewards};
	for (int i = 0; i < 2; i++) {
		RG_VEC_FREE(cs[i]->v);
		free(cs[i]->start);
		free(cs[i]->diff);
	}
	RG_VEC_FREE(bc->vals);
	free(bc->credits.tstart);
	free(bc->credits.tdays);
	free(bc->credits.istart);
	free(bc->credits.idays);
}

/* The casts about contact c that apply to a referral dated date: those
 * of its word date or later; undated ones see all or none. */
static rg_slice slice_of(const rg_casts *c, int contact, int date,
			 bool undated_sees_all)
{
	rg_slice s = {c, (size_t)c->start[contact],
		      (size_t)c->start[contact + 1]};
	if (date == RG_NODATE) {
		if (!undated_sees_all)
			s.lo = s.hi;
		return s;
	}
	size_t hi = s.hi;
	while (s.lo < hi) {
		size_t mid = s.lo + (hi - s.lo) / 2;
		if (rg_decide_word_date(&c->v.v[mid]) < date)
			s.lo = mid + 1;
		else
			hi = mid;
	}
	return s;
}

/* ---- the driver ---- */

/*
 * A referral to me that no mention dates has no duty in any report; say
 * so once, at its place (its first mention's, which may be a referred_by
 * one), unless only referred_by-style mentions name it (they warned).
 */
static void warn_undated(rg_build *b, const rg_referral *r,
			 const rg_mention *ms, size_t n)
{
	if (!r->to_me || r->date != RG_NODATE)
		return;
	bool only_refby = true;
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		if (!ms[i].refby)
			only_refby = false;
		if (ms[i].file == r->file && ms[i].line == r->line &&
		    (at == 0 || ms[i].col < ms[at - 1].col))
			at = i + 1;
	}
	if (!only_refby && at > 0) {
		const rg_mention *m = &ms[at - 1];
		const rg_graph *g = b->g;
		rg_diag(b->d, rg_build_path(b, m->file), m->line, m->col,
			RG_WARNING,
			"the referral from '%s' with prospect '%s' has no "
			"date, so it gets no follow-up, inform or thank "
			"reminder; add a 'date:' to it (or write it in a "
			"dated note)",
			g->contacts.v[r->src].name, g->contacts.v[r->pro].name);
	}
}

static int cmp_referral_place(const void *pa, const void *pb)
{
	const rg_referral *a = pa, *b = pb;
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->src != b->src)
		return a->src < b->src ? -1 : 1;
	if (a->pro != b->pro)
		return a->pro < b->pro ? -1 : 1;
	return (a->rcv > b->rcv) - (a->rcv < b->rcv);
}

/* Decide referral ri from its mentions ms.v[from..to) and what else
 * applies to it. */
static void decide_one(rg_build *b, const broadcasts *bc, size_t ri,
		       const mention_vec *ms, size_t from, size_t to,
		       size_t *vi, mref_vec *own)
{
	rg_referral *r = &b->g->referrals.v[ri];
	rg_decider dc = {.b = b, .r = r, .credits = &bc->credits};
	dc.refby_date = RG_NODATE;
	own->n = 0;
	for (size_t i = from; i < to; i++) {
		const rg_mention *m = &ms->v[i];
		*RG_VEC_PUSH(*own) = m;
		if (m->refby) {
			dc.has_refby = true;
			if (m->date != RG_NODATE &&
			    (dc.refby_date == RG_NODATE ||
			     m->date < dc.refby_date))
				dc.refby_date = m->date;
		}
	}
	for (; *vi < bc->vals.n && bc->vals.v[*vi].ref == (int)ri; (*vi)++)
		*RG_VEC_PUSH(*own) = &bc->vals.v[*vi].m;
	dc.ms = own->v;
	dc.n = own->n;
	if (r->to_me) {
		dc.slices[dc.nslices++] =
			slice_of(&bc->outcomes, r->pro, r->date, true);
		dc.slices[dc.nslices++] =
			slice_of(&bc->rewards, r->src, r->date, false);
	}
	rg_decide_fields(&dc);
	warn_undated(b, r, ms->v + from, to - from);
}

void rg_merge_build(rg_build *b)
{
	rg_graph *g = b->g;
	mention_vec ms = {0};
	gather_records(b, &ms);
	gather_refby(b, &ms);
	g->stats.mentions = ms.n;
	if (ms.n > 1)
		qsort(ms.v, ms.n, sizeof(rg_mention), cmp_key);
	size_vec gstart = {0};
	group(b, &ms, &gstart);
	size_t nref = g->referrals.n;
	broadcasts bc = {0};
	collect(b, &bc);
	mref_vec own = {0};
	size_t vi = 0;
	for (size_t ri = 0; ri < nref; ri++)
		decide_one(b, &bc, ri, &ms, gstart.v[ri], gstart.v[ri + 1], &vi,
			   &own);
	RG_VEC_FREE(own);
	broadcasts_free(&bc);
	RG_VEC_FREE(gstart);
	RG_VEC_FREE(ms);
	g->stats.referrals = nref;
	if (nref > 1)
		qsort(g->referrals.v, nref, sizeof(rg_referral),
		      cmp_referral_place);
}
