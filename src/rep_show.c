/*
 * rep_show: the show report: one contact's history in date order, and the
 * lookup of the contact a name on the command line means.
 *
 * The graph keeps only each contact's last touch, so the history walks the
 * records again for the one contact, resolving each reference through the
 * resolver's own lookup (graph_build.h) rebuilt from the finished graph:
 * the written names again, the owner and the implicit contacts as the
 * graph made them.  Nothing here runs unless `show` is asked for, so the
 * normal run pays nothing for it.
 */
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/graph_build.h"
#include "refgraph/names.h"
#include "refgraph/report.h"

/* The resolver's lookup over a finished graph, and what it needs. */
typedef struct lookup {
	rg_build b;
	rg_graph scratch; /* the written contacts again: same indices */
	rg_diags d;	  /* what building it says again: not shown */
} lookup;

static const rg_notes no_notes;

static char *fold(const char *s)
{
	return rg_names_fold(s, strlen(s));
}

static void lookup_open(lookup *l, const rg_graph *g)
{
	memset(l, 0, sizeof *l);
	const rg_notes *n = g->notes ? g->notes : &no_notes;
	l->scratch.notes = n;
	l->scratch.arena = rg_arena_new();
	l->b.g = &l->scratch;
	l->b.n = n;
	l->b.d = &l->d;
	l->b.near = rg_near_new();
	/* written contacts come first in the graph, in record order, and
	 * the resolver adds them in that order again */
	rg_resolve_contacts(&l->b);
	size_t written = l->scratch.contacts.n;
	l->scratch.owner = g->owner;
	if (g->owner >= 0 && (size_t)g->owner < written)
		l->scratch.contacts.v[g->owner].owner = true;
	else if (g->owner >= 0) /* named by `me` only: its name is the key */
		l->b.owner_key = fold(g->contacts.v[g->owner].name);
	/* an implicit contact is named by the text of its first mention,
	 * whose folded form is the key every later mention matched */
	for (size_t c = written; c < g->contacts.n; c++) {
		const rg_contact *k = &g->contacts.v[c];
		if (k->written || k->owner)
			continue;
		char *key = fold(k->name);
		rg_index_add(&l->b.implicit, key, (int)c);
		free(key);
	}
}

static void lookup_close(lookup *l)
{
	rg_resolve_free(&l->b);
	free(l->b.mark);
	RG_VEC_FREE(l->scratch.contacts);
	rg_arena_free(l->scratch.arena);
	rg_diags_free(&l->d);
}

/* ---- the contact a name means ---- */

static const char *const level_names[] = {"id", "name", "alias"};

/* Both places of an ambiguous key, at the first level that has it. */
static char *ambiguous(const lookup *l, const rg_graph *g, const char *name,
		       const char *key)
{
	const rg_index *lv[] = {&l->b.ids, &l->b.names, &l->b.aliases};
	for (size_t i = 0; i < sizeof lv / sizeof *lv; i++) {
		int e = rg_index_get(lv[i], key);
		if (e < 0)
			continue;
		int next = lv[i]->e.v[e].next;
		if (next < 0)
			break;
		const rg_contact *a = &g->contacts.v[rg_index_value(lv[i], e)];
		const rg_contact *b =
			&g->contacts.v[rg_index_value(lv[i], next)];
		return rg_asprintf("'%s' is ambiguous: the %s of the contacts "
				   "at %s:%d and %s:%d",
				   name, level_names[i],
				   rg_graph_path(g, a->file), a->line,
				   rg_graph_path(g, b->file), b->line);
	}
	return rg_asprintf("'%s' is ambiguous", name);
}

/* Every name the lookup knows, ids first, for "did you mean". */
static void near_fill(lookup *l, const rg_graph *g)
{
	const rg_index *lv[] = {&l->b.ids, &l->b.names, &l->b.aliases,
				&l->b.implicit};
	for (size_t i = 0; i < sizeof lv / sizeof *lv; i++)
		for (size_t s = 0; s < lv[i]->cap; s++) {
			int c;
			const char *k = rg_index_slot_key(lv[i], s, &c);
			if (k)
				rg_near_add(l->b.near, k,
					    g->contacts.v[c].name);
		}
}

int rg_show_find(const rg_graph *g, const char *name, char **why)
{
	*why = NULL;
	size_t s, n;
	if (!rg_names_ref_target(name, strlen(name), &s, &n)) {
		*why = rg_strdup("an empty name names no contact");
		return -1;
	}
	char *target = rg_asprintf("%.*s", (int)n, name + s);
	lookup l;
	lookup_open(&l, g);
	rg_ref ref = {target, 1, 1, RG_RES_NONE};
	int c = rg_resolve_lookup(&l.b, &ref);
	char *key = fold(target);
	if (c == RG_RES_AMBIGUOUS) {
		*why = ambiguous(&l, g, target, key);
	} else if (c < 0) {
		near_fill(&l, g);
		const char *near = rg_near_find(l.b.near, key);
		*why = near ? rg_asprintf("no contact is named '%s'; did you "
					  "mean '%s'?",
					  target, near)
			    : rg_asprintf("no contact is named '%s'", target);
	}
	free(key);
	free(target);
	lookup_close(&l);
	return c >= 0 ? c : -1;
}

/* ---- the history ---- */

const char *rg_show_kind_name(rg_show_kind k)
{
	static const char *const n[] = {"touch", "referral",	"task",
					"ask",	 "testimonial", "duty"};
	return n[k];
}

static void add(rg_report *r, int date, rg_show_kind kind, const char *what,
		const char *other, const char *status, const char *file,
		int line)
{
	rg_show_row *x = RG_VEC_PUSH(r->history);
	x->date = date;
	x->kind = kind;
	x->what = what;
	x->contact = other;
	x->status = status;
	x->file = file;
	x->line = line;
	x->days_overdue = 0;
	memset(&x->duty, 0, sizeof x->duty);
}

/* The record of written contact c: the k-th record is contact k. */
static const rg_contact_rec *record_of(const rg_graph *g, int c)
{
	if (g->notes == NULL || !g->contacts.v[c].written)
		return NULL;
	size_t k = 0;
	for (size_t fi = 0; fi < g->notes->nfiles; fi++) {
		const rg_file *f = g->notes->files[fi];
		if ((size_t)c < k + f->contacts.n) {
			const rg_contact_rec *rec = &f->contacts.v[c - k];
			return rec->name == g->contacts.v[c].name ? rec : NULL;
		}
		k += f->contacts.n;
	}
	return NULL;
}

static void who(rg_report *r, const rg_graph *g, int c,
		const rg_contact_rec *rec)
{
	const rg_contact *k = &g->contacts.v[c];
	rg_node_row *n = &r->show_contact;
	n->id = c;
	n->name = k->name;
	n->roles = rec && rec->nroles ? (const char *const *)rec->roles : NULL;
	n->nroles = rec ? rec->nroles : 0;
	n->owner = k->owner;
	n->implicit = !k->written && !k->owner;
	n->has_place = k->file >= 0;
	n->file = n->has_place ? rg_graph_path(g, k->file) : NULL;
	n->line = n->has_place ? k->line : 0;
}

/* The row an inline field naming the contact makes, if any: with:: is a
 * touch; asked:: and testimonial:: are rows of their own. */
static bool field_row(rg_field_key key, rg_show_kind *kind, const char **what)
{
	switch (key) {
	case RG_F_WITH:
		*kind = RG_SHOW_TOUCH;
		*what = "with::";
		return true;
	case RG_F_ASKED:
		*kind = RG_SHOW_ASK;
		*what = "asked::";
		return true;
	case RG_F_TESTIMONIAL:
		*kind = RG_SHOW_TESTIMONIAL;
		*what = "testimonial::";
		return true;
	default: return false;
	}
}

/* Interactions, with::, asks and testimonials of one file naming c. */
static void file_records(rg_report *r, lookup *l, int fi, int c)
{
	const rg_file *f = l->b.n->files[fi];
	for (size_t k = 0; k < f->inters.n; k++) {
		const rg_inter_rec *in = &f->inters.v[k];
		for (size_t j = 0; j < in->nwith; j++)
			if (in->date != RG_NODATE &&
			    rg_resolve_lookup(&l->b, &in->with[j]) == c) {
				add(r, in->date, RG_SHOW_TOUCH, "interaction",
				    NULL, NULL, f->path, in->line);
				break;
			}
	}
	for (size_t k = 0; k < f->fields.n; k++) {
		const rg_field *fd = &f->fields.v[k];
		rg_show_kind kind;
		const char *what;
		if (!field_row(fd->key, &kind, &what) ||
		    fd->date == RG_NODATE ||
		    rg_resolve_lookup(&l->b, &fd->who) != c)
			continue;
		add(r, fd->date, kind, what, NULL, NULL, f->path, fd->line);
	}
}

/*
 * c's tasks (its contact is c), open and done, and the done tasks that
 * touch it (any link naming it).  The graph has one task per task of the
 * records, in the same order: *t walks it along.
 */
static void file_tasks(rg_report *r, lookup *l, const rg_graph *g, int fi,
		       int c, size_t *t)
{
	const rg_file *f = l->b.n->files[fi];
	for (size_t k = 0; k < f->tasks.n && *t < g->tasks.n; k++) {
		const rg_task *rt = &f->tasks.v[k];
		const rg_gtask *gt = &g->tasks.v[*t];
		if (gt->file != fi || gt->line != rt->line)
			continue; /* not the graph's (never, as it is built) */
		(*t)++;
		if (gt->contact == c)
			add(r, gt->done ? gt->done_date : gt->due, RG_SHOW_TASK,
			    gt->text ? gt->text : "", NULL,
			    gt->done ? "done" : "open", f->path, gt->line);
		if (!gt->done || gt->done_date == RG_NODATE)
			continue;
		for (size_t j = 0; j < rt->nlinks; j++)
			if (rg_resolve_lookup(&l->b, &rt->links[j]) == c) {
				add(r, gt->done_date, RG_SHOW_TOUCH,
				    "done task", NULL, NULL, f->path, gt->line);
				break;
			}
	}
}

static void referrals(rg_report *r, const rg_graph *g, int c)
{
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *x = &g->referrals.v[i];
		const char *file = rg_graph_path(g, x->file);
		const char *st = x->status == RG_ST_NONE
					 ? NULL
					 : rg_status_name(x->status);
		const char *src = g->contacts.v[x->src].name;
		const char *pro = g->contacts.v[x->pro].name;
		if (x->src == c)
			add(r, x->date, RG_SHOW_REFERRAL, "source", pro, st,
			    file, x->line);
		if (x->pro == c) {
			if (x->date != RG_NODATE && c != g->owner)
				add(r, x->date, RG_SHOW_TOUCH, "referral", src,
				    NULL, file, x->line);
			add(r, x->date, RG_SHOW_REFERRAL, "prospect", src, st,
			    file, x->line);
		}
		if (x->rcv == c)
			add(r, x->date, RG_SHOW_REFERRAL, "receiver", pro, st,
			    file, x->line);
	}
}

/* The followups report's rows whose contact is c, for the same day. */
static void duties(rg_report *r, const rg_graph *g, const rg_report_opts *o,
		   int c)
{
	rg_report fu = {0};
	rg_report_followups(&fu, g, o);
	const char *name = g->contacts.v[c].name;
	for (size_t i = 0; i < fu.followups.n; i++) {
		const rg_fu_row *x = &fu.followups.v[i];
		if (x->contact != name) /* the graph's own string: c's */
			continue;
		const char *other = x->reason == RG_FU_PROSPECT ? x->source
				    : x->reason == RG_FU_INFORM ? x->prospect
								: NULL;
		add(r, x->due, RG_SHOW_DUTY, rg_fu_reason_name(x->reason),
		    other,
		    x->status == RG_ST_NONE ? NULL : rg_status_name(x->status),
		    x->file, x->line);
		r->history.v[r->history.n - 1].days_overdue = x->days_overdue;
		r->history.v[r->history.n - 1].duty = *x;
	}
	rg_report_free(&fu);
}

/* By date, undated last; then path, line, and kind. */
static int cmp_row(const void *pa, const void *pb)
{
	const rg_show_row *a = pa, *b = pb;
	if (a->date != b->date) {
		if (a->date == RG_NODATE || b->date == RG_NODATE)
			return a->date == RG_NODATE ? 1 : -1;
		return a->date < b->date ? -1 : 1;
	}
	int k = strcmp(a->file, b->file);
	if (k)
		return k;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return (a->kind > b->kind) - (a->kind < b->kind);
}

void rg_report_show(rg_report *r, const rg_graph *g, const rg_report_opts *o,
		    int contact)
{
	r->today = o->today;
	r->has_show = true;
	if (contact < 0 || (size_t)contact >= g->contacts.n)
		return;
	const rg_contact_rec *rec = record_of(g, contact);
	who(r, g, contact, rec);
	/* the owner is never touched, asked nor thanked */
	if (contact != g->owner) {
		if (rec && rec->last_contact != RG_NODATE)
			add(r, rec->last_contact, RG_SHOW_TOUCH, "last_contact",
			    NULL, NULL,
			    rg_graph_path(g, g->contacts.v[contact].file),
			    rec->line);
		lookup l;
		lookup_open(&l, g);
		size_t t = 0;
		for (size_t fi = 0; fi < l.b.n->nfiles; fi++) {
			file_records(r, &l, (int)fi, contact);
			file_tasks(r, &l, g, (int)fi, contact, &t);
		}
		lookup_close(&l);
	}
	referrals(r, g, contact);
	duties(r, g, o, contact);
	if (r->history.n > 1)
		qsort(r->history.v, r->history.n, sizeof(rg_show_row), cmp_row);
}
