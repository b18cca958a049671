/*
 * decide: one referral's fields from its mentions (notes format,
 * "Mentions and referrals").  One small function per field, run in the
 * order of one table; an entry says the field's name, the bit mentions
 * write it with and how its values compare, so a new field is one
 * function and one entry.  The outcome::/rewarded:: casts that apply to a
 * referral are weighed without being copied per referral.
 */
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/merge.h"

int rg_decide_word_date(const rg_mention *m)
{
	return (m->writes & RG_W_CLOSED) ? m->closed : m->date;
}

int rg_decide_cmp_place(const rg_mention *a, const rg_mention *b)
{
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

/* Does a outrank b as the writer of a field (later word date, then later
 * place)?  Undated (RG_NODATE, the least day) come first. */
static bool outranks(const rg_mention *a, const rg_mention *b)
{
	int wa = rg_decide_word_date(a), wb = rg_decide_word_date(b);
	if (wa != wb)
		return wa > wb;
	return rg_decide_cmp_place(a, b) > 0;
}

/* ---- the fields ---- */

/*
 * A field of a referral.  Those decided by their latest writer have the
 * bit mentions write them with and a comparison of values; each has the
 * function that decides it.  The table below runs them in order.
 */
typedef struct field field;
struct field {
	const char *name;
	unsigned bit; /* 0: not decided by a writer */
	bool (*same)(const rg_mention *a, const rg_mention *b);
	void (*decide)(rg_decider *dc, const field *f);
};

static bool same_status(const rg_mention *a, const rg_mention *b)
{
	return a->status == b->status;
}
static bool same_closed(const rg_mention *a, const rg_mention *b)
{
	return a->closed == b->closed;
}
static bool same_value(const rg_mention *a, const rg_mention *b)
{
	return a->value == b->value;
}
static bool same_kind(const rg_mention *a, const rg_mention *b)
{
	return a->kind == b->kind;
}
static bool same_rewarded(const rg_mention *a, const rg_mention *b)
{
	return a->rewarded == b->rewarded;
}

static void decide_status(rg_decider *dc, const field *f);
static void decide_closed(rg_decider *dc, const field *f);
static void decide_value(rg_decider *dc, const field *f);
static void decide_kind(rg_decider *dc, const field *f);
static void decide_rewarded(rg_decider *dc, const field *f);
static void decide_thanked(rg_decider *dc, const field *f);
static void decide_informed(rg_decider *dc, const field *f);

/* In this order: closed needs the status and who wrote it.  A new field
 * is its decide function (with a same_ function when its latest writer
 * decides it) and one line here. */
static const field fields[] = {
	{"status", RG_W_STATUS, same_status, decide_status},
	{"closed", RG_W_CLOSED, same_closed, decide_closed},
	{"value", RG_W_VALUE, same_value, decide_value},
	{"kind", RG_W_KIND, same_kind, decide_kind},
	{"rewarded", RG_W_REWARDED, same_rewarded, decide_rewarded},
	{"thanked", 0, NULL, decide_thanked},
	{"informed", 0, NULL, decide_informed},
};
enum { NFIELDS = sizeof fields / sizeof *fields };

void rg_decide_index_casts(rg_casts *c, size_t ncontacts)
{
	size_t n = c->v.n;
	c->diff = rg_malloc((n ? n : 1) * NFIELDS * sizeof(int));
	for (size_t k = 0; k < ncontacts; k++) {
		size_t end = (size_t)c->start[k + 1];
		for (size_t rs = (size_t)c->start[k]; rs < end;) {
			const rg_mention *f = &c->v.v[rs];
			int wd = rg_decide_word_date(f);
			size_t re = rs + 1;
			while (re < end &&
			       rg_decide_word_date(&c->v.v[re]) == wd)
				re++;
			for (size_t fi = 0; fi < NFIELDS; fi++) {
				int d = -1;
				for (size_t j = rs + 1;
				     j < re && d < 0 && fields[fi].same; j++)
					if (!fields[fi].same(&c->v.v[j], f))
						d = (int)j;
				c->diff[rs * NFIELDS + fi] = d;
			}
			rs = re;
		}
	}
}

/* The first cast of s with word date wd, or -1 (s is sorted by it). */
static long run_of(const rg_slice *s, int wd)
{
	size_t lo = s->lo, hi = s->hi;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rg_decide_word_date(&s->c->v.v[mid]) < wd)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->hi && rg_decide_word_date(&s->c->v.v[lo]) == wd)
		return (long)lo;
	return -1;
}

/* Another writer of field ru with w's word date and another value: the
 * first in place order among the own mentions, then among the casts. */
static const rg_mention *differing(const rg_decider *dc, const field *ru,
				   const rg_mention *w)
{
	int wd = rg_decide_word_date(w);
	for (size_t i = 0; i < dc->n; i++) {
		const rg_mention *o = dc->ms[i];
		if (o != w && (o->writes & ru->bit) &&
		    rg_decide_word_date(o) == wd && !ru->same(o, w))
			return o;
	}
	for (size_t k = 0; k < dc->nslices; k++) {
		const rg_slice *s = &dc->slices[k];
		if (!(s->c->writes & ru->bit))
			continue;
		long rs = run_of(s, wd);
		if (rs < 0)
			continue;
		const rg_mention *first = &s->c->v.v[rs];
		if (first != w && !ru->same(first, w))
			return first;
		int d = s->c->diff[(size_t)rs * NFIELDS +
				   (size_t)(ru - fields)];
		if (d >= 0)
			return &s->c->v.v[d];
	}
	return NULL;
}

/* The mention whose value of field ru wins, or NULL when none writes it;
 * a warning when another of the same word date says otherwise. */
static const rg_mention *writer(rg_decider *dc, const field *ru)
{
	const rg_mention *w = NULL;
	for (size_t i = 0; i < dc->n; i++)
		if ((dc->ms[i]->writes & ru->bit) &&
		    (!w || outranks(dc->ms[i], w)))
			w = dc->ms[i];
	for (size_t k = 0; k < dc->nslices; k++) {
		const rg_slice *s = &dc->slices[k];
		/* the last cast is the latest writer of the slice */
		if ((s->c->writes & ru->bit) && s->hi > s->lo &&
		    (!w || outranks(&s->c->v.v[s->hi - 1], w)))
			w = &s->c->v.v[s->hi - 1];
	}
	const rg_mention *o = w ? differing(dc, ru, w) : NULL;
	if (o) {
		const rg_graph *g = dc->b->g;
		rg_diag(dc->b->d, rg_build_path(dc->b, w->file), w->line,
			w->col, RG_WARNING,
			"%s of the referral from '%s' to '%s' differs from "
			"%s:%d on the same day; this one (the later in the "
			"notes) is used",
			ru->name, g->contacts.v[dc->r->src].name,
			g->contacts.v[dc->r->pro].name,
			rg_build_path(dc->b, o->file), o->line);
	}
	return w;
}

/* ---- one function per field ---- */

/* Unwritten: won when a referred_by-style mention names a client. */
static void decide_status(rg_decider *dc, const field *f)
{
	rg_referral *r = dc->r;
	const rg_mention *w = writer(dc, f);
	dc->status_by = w;
	if (w) {
		r->status = w->status;
		return;
	}
	const rg_contact *p = &dc->b->g->contacts.v[r->pro];
	r->status = dc->has_refby && (p->client || p->former_client)
			    ? RG_ST_WON
			    : RG_ST_NEW;
}

/* Unwritten: for a closed status, the date of the mention that wrote it
 * (for an implied won, the referred_by mention's). */
static void decide_closed(rg_decider *dc, const field *f)
{
	rg_referral *r = dc->r;
	const rg_mention *w = writer(dc, f);
	if (w)
		r->closed = w->closed;
	else if (!RG_ST_IS_CLOSED(r->status))
		r->closed = RG_NODATE;
	else if (dc->status_by)
		r->closed = dc->status_by->date;
	else
		r->closed = dc->refby_date;
}

static void decide_value(rg_decider *dc, const field *f)
{
	const rg_mention *w = writer(dc, f);
	if (w) {
		dc->r->value = w->value;
		dc->r->has_value = true;
	}
}

static void decide_kind(rg_decider *dc, const field *f)
{
	const rg_mention *w = writer(dc, f);
	dc->r->kind = w && w->kind != RG_KIND_NONE ? w->kind : RG_KIND_INTRO;
}

static void decide_rewarded(rg_decider *dc, const field *f)
{
	const rg_mention *w = writer(dc, f);
	dc->r->rewarded = w && w->rewarded;
}

/* The first of days[lo..hi) (sorted) on or after day, or hi. */
static int first_from(const int *days, int lo, int hi, int day)
{
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (days[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The earliest written; thanked:: counts for referrals dated up to it. */
static void decide_thanked(rg_decider *dc, const field *f)
{
	(void)f;
	rg_referral *r = dc->r;
	r->thanked = RG_NODATE;
	for (size_t i = 0; i < dc->n; i++) {
		int t = dc->ms[i]->thanked;
		if (t != RG_NODATE &&
		    (r->thanked == RG_NODATE || t < r->thanked))
			r->thanked = t;
	}
	const rg_credits *cr = dc->credits;
	if (r->date == RG_NODATE)
		return;
	int hi = cr->tstart[r->src + 1];
	int k = first_from(cr->tdays, cr->tstart[r->src], hi, r->date);
	if (k < hi && (r->thanked == RG_NODATE || cr->tdays[k] < r->thanked))
		r->thanked = cr->tdays[k];
}

/* The latest written; every thanked date written is one too (thanking
 * tells the source how it went). */
static void decide_informed(rg_decider *dc, const field *f)
{
	(void)f;
	rg_referral *r = dc->r;
	r->informed = RG_NODATE;
	for (size_t i = 0; i < dc->n; i++) {
		int d[2] = {dc->ms[i]->informed, dc->ms[i]->thanked};
		for (int j = 0; j < 2; j++)
			if (d[j] != RG_NODATE &&
			    (r->informed == RG_NODATE || d[j] > r->informed))
				r->informed = d[j];
	}
	const rg_credits *cr = dc->credits;
	int lo = cr->istart[r->src], hi = cr->istart[r->src + 1];
	if (r->date == RG_NODATE || hi == lo || cr->idays[hi - 1] < r->date)
		return;
	if (r->informed == RG_NODATE || cr->idays[hi - 1] > r->informed)
		r->informed = cr->idays[hi - 1];
}

void rg_decide_fields(rg_decider *dc)
{
	for (size_t i = 0; i < NFIELDS; i++)
		fields[i].decide(dc, &fields[i]);
}
