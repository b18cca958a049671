/*
 * resolve: who each reference names (notes format, "References").  Owns
 * the written contacts and their three levels of names (id, name, alias),
 * the owner, the implicit contacts, and the one lookup all of them go
 * through, with its one ambiguity diagnostic.  Every reference is folded
 * once: pass one resolves the references of records and inline fields in
 * place order and keeps each answer for the later stages.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/graph_build.h"
#include "refgraph/names.h"

/* Room for "path:line" of a contact in a message. */
#define PLACE_MAX 512

/* The levels of written names, in the order they are tried. */
enum { LV_ID, LV_NAME, LV_ALIAS, NLEVELS };
static const char *const level_name[NLEVELS] = {"id", "name", "alias"};

/* What the written-contact lookup found when it is ambiguous. */
typedef struct found {
	int level;
	int first, second; /* two contacts at that level */
} found;

/* Why a name is looked up: it decides the ambiguity message. */
typedef enum { FOR_MENTION, FOR_OWNER } lookup_use;

static rg_index *level(rg_build *b, int lv)
{
	rg_index *lvs[NLEVELS] = {&b->ids, &b->names, &b->aliases};
	return lvs[lv];
}

/* The one three-level lookup: the written contact a folded key names, or
 * RG_RES_NONE, or RG_RES_AMBIGUOUS with *f saying which two. */
static int lookup_written(rg_build *b, const char *key, found *f)
{
	for (int lv = 0; lv < NLEVELS; lv++) {
		const rg_index *m = level(b, lv);
		int e = rg_index_get(m, key);
		if (e < 0)
			continue;
		if (m->e.v[e].next < 0)
			return rg_index_value(m, e);
		f->level = lv;
		f->first = rg_index_value(m, e);
		f->second = rg_index_value(m, m->e.v[e].next);
		return RG_RES_AMBIGUOUS;
	}
	return RG_RES_NONE;
}

static void place_str(const rg_build *b, int c, char *out, size_t cap)
{
	const rg_contact *k = &b->g->contacts.v[c];
	snprintf(out, cap, "%s:%d", rg_build_path(b, k->file), k->line);
}

/* The one ambiguity diagnostic. */
static void report_ambiguous(rg_build *b, lookup_use use, const char *path,
			     int line, int col, const char *target,
			     const found *f)
{
	char p1[PLACE_MAX], p2[PLACE_MAX];
	place_str(b, f->first, p1, sizeof p1);
	place_str(b, f->second, p2, sizeof p2);
	if (use == FOR_OWNER)
		rg_diag(b->d, path, line, col, RG_ERROR,
			"me: '%s' is ambiguous: the contacts at %s and %s; the "
			"owner is neither",
			target, p1, p2);
	else
		rg_diag(b->d, path, line, col, RG_ERROR,
			"'%s' is ambiguous: the %s of the contacts at %s and "
			"%s; not used",
			target, level_name[f->level], p1, p2);
}

static rg_contact *new_contact(rg_build *b, const rg_contact_rec *rec)
{
	rg_contact *c = RG_VEC_PUSH(b->g->contacts);
	c->since = RG_NODATE;
	c->last_touch = c->first_touch = RG_NODATE;
	*RG_VEC_PUSH(b->recs) = rec;
	return c;
}

static void index_name(rg_index *m, const char *name, int c)
{
	if (name == NULL) /* the readers give every contact an id */
		return;
	char *k = rg_names_fold(name, strlen(name));
	rg_index_add(m, k, c);
	free(k);
}

static void add_contact(rg_build *b, int file, const rg_contact_rec *r)
{
	rg_contact *c = new_contact(b, r);
	c->name = r->name;
	c->written = true;
	c->file = file;
	c->line = r->line;
	c->col = r->col;
	for (size_t k = 0; k < r->nroles; k++) {
		if (strcmp(r->roles[k], "client") == 0)
			c->client = true;
		else if (strcmp(r->roles[k], "former-client") == 0)
			c->former_client = true;
	}
	c->has_source = r->source != NULL;
	c->has_reward = r->has_reward;
	c->since = r->since;
	c->follow_days = r->follow_days;
	int ci = (int)b->g->contacts.n - 1;
	index_name(&b->ids, r->id, ci);
	index_name(&b->names, r->name, ci);
	for (size_t i = 0; i < r->naliases; i++)
		index_name(&b->aliases, r->aliases[i], ci);
}

/*
 * Two contacts whose names differ only in invisible characters (a
 * zero-width space, a bidi override) look like one in every report: say
 * so at the later one.  Per skeleton, the first contact and the first
 * whose folded name differs from it are enough to name an earlier
 * look-alike of any contact, so many equal names cost one pass.
 */
static void check_look_alikes(rg_build *b)
{
	const rg_graph *g = b->g;
	size_t n = g->contacts.n;
	rg_index first = {0};
	char **fold = rg_calloc(n ? n : 1, sizeof(char *));
	int *other = rg_malloc((n ? n : 1) * sizeof(int));
	for (size_t c = 0; c < n; c++) {
		const rg_contact *k = &g->contacts.v[c];
		fold[c] = rg_names_fold(k->name, strlen(k->name));
		other[c] = -1;
		char *sk = rg_names_skeleton(fold[c], RG_NAMES_SKEL_INVISIBLE);
		int e = rg_index_get(&first, sk);
		if (e < 0) {
			rg_index_add(&first, sk, (int)c);
			free(sk);
			continue;
		}
		free(sk);
		int f = rg_index_value(&first, e), o = -1;
		if (strcmp(fold[f], fold[c]) != 0) {
			o = f;
			if (other[f] < 0)
				other[f] = (int)c;
		} else if (other[f] >= 0) {
			o = other[f];
		}
		if (o < 0)
			continue;
		const rg_contact *ko = &g->contacts.v[o];
		rg_diag(b->d, rg_build_path(b, k->file), k->line, k->col,
			RG_WARNING,
			"contact '%s' looks the same as '%s' at %s:%d: the "
			"names "
			"differ only in invisible or bidirectional control "
			"characters; rename one",
			k->name, ko->name, rg_build_path(b, ko->file),
			ko->line);
	}
	for (size_t c = 0; c < n; c++)
		free(fold[c]);
	free(fold);
	free(other);
	rg_index_free(&first);
}

void rg_resolve_contacts(rg_build *b)
{
	for (size_t fi = 0; fi < b->n->nfiles; fi++) {
		const rg_file *f = b->n->files[fi];
		for (size_t i = 0; i < f->contacts.n; i++)
			add_contact(b, (int)fi, &f->contacts.v[i]);
	}
	b->g->stats.contacts = b->g->contacts.n;
	check_look_alikes(b);
}

void rg_resolve_owner(rg_build *b)
{
	rg_graph *g = b->g;
	const char *me = b->cfg->me;
	size_t s, n;
	g->owner = -1;
	const char *shown = "me";
	if (me && rg_names_ref_target(me, strlen(me), &s, &n)) {
		b->owner_key = rg_names_fold(me + s, n);
		shown = rg_arena_strndup(g->arena, me + s, n);
		found f;
		int c = lookup_written(b, b->owner_key, &f);
		if (c >= 0)
			g->owner = c;
		else if (c == RG_RES_AMBIGUOUS)
			report_ambiguous(
				b, FOR_OWNER,
				b->cfg->path ? b->cfg->path : ".refgraph.yaml",
				b->cfg->me_line, b->cfg->me_col, shown, &f);
	}
	if (g->owner < 0) {
		rg_contact *c = new_contact(b, NULL);
		c->name = shown;
		c->file = -1;
		g->owner = (int)g->contacts.n - 1;
	}
	g->contacts.v[g->owner].owner = true;
}

/* The contact a folded key names, making nothing. */
static int resolve_key(rg_build *b, const char *key, found *f)
{
	if (*key == '\0')
		return RG_RES_NONE;
	/* the word `me`, in any case, always names the owner */
	if (strcmp(key, "me") == 0 ||
	    (b->owner_key && strcmp(key, b->owner_key) == 0))
		return b->g->owner;
	int c = lookup_written(b, key, f);
	if (c >= 0)
		return b->g->contacts.v[c].owner ? b->g->owner : c;
	if (c == RG_RES_AMBIGUOUS)
		return c;
	int e = rg_index_get(&b->implicit, key);
	return e >= 0 ? rg_index_value(&b->implicit, e) : RG_RES_NONE;
}

/* Every written id, name and alias, ids first, for "did you mean". */
static void build_near(rg_build *b, rg_near *nx)
{
	const rg_graph *g = b->g;
	int c;
	const char *k;
	for (size_t i = 0; i < b->ids.cap; i++)
		if ((k = rg_index_slot_key(&b->ids, i, &c)) != NULL)
			rg_near_add(nx, k, g->contacts.v[c].name);
	for (int lv = LV_NAME; lv < NLEVELS; lv++) {
		const rg_index *m = level(b, lv);
		for (size_t i = 0; i < m->cap; i++)
			if ((k = rg_index_slot_key(m, i, &c)) != NULL &&
			    rg_index_get(&b->ids, k) < 0)
				rg_near_add(nx, k, g->contacts.v[c].name);
	}
}

/*
 * A diagnostic of pass one, held back until the known names near the
 * implicit contacts are found, all at once (near.h); then every one is
 * given in the order it was found.
 */
typedef struct pending {
	const rg_ref *ref;
	int file;
	int c;	 /* an implicit contact, or RG_RES_AMBIGUOUS */
	found f; /* RG_RES_AMBIGUOUS: the two contacts */
} pending;

/* What pass one keeps for its diagnostics. */
typedef struct pass_one {
	RG_VEC(pending) held;
	RG_VEC(char *) keys; /* per implicit contact, in order: its key */
	size_t first;	     /* the first implicit contact */
	/* targets as written -> the contact they named: most people are
	 * mentioned many times, and one lookup of the text spares folding
	 * it and the lookups of its key */
	rg_index seen;
} pass_one;

/* A reference that makes a new contact c: --strict makes it an error, a
 * near known name a warning. */
static void report_new(rg_build *b, int file, const rg_ref *r, const char *near)
{
	const char *path = rg_build_path(b, file);
	if (b->strict)
		rg_diag(b->d, path, r->line, r->col, RG_ERROR,
			"'%s' matches no contact%s%s%s (--strict)", r->target,
			near ? "; did you mean '" : "", near ? near : "",
			near ? "'?" : "");
	else if (near)
		rg_diag(b->d, path, r->line, r->col, RG_WARNING,
			"'%s' matches no contact; did you mean '%s'? (taken as "
			"a new contact)",
			r->target, near);
}

/*
 * Pass one's held diagnostics and the search for the known names near
 * its implicit contacts, run on a thread of its own beside the later
 * stages: the search reads only its own index (copies of the names) and
 * pass one's keys, which nothing else touches until it is over.
 */
struct rg_held {
	pass_one p;
	rg_near *nx;
	const char **near; /* per implicit contact: the name it may mean */
	size_t at;	   /* where in the diagnostics the held ones go */
	pthread_t th;
	bool thread; /* the search runs on th */
};

static void *search(void *arg)
{
	struct rg_held *h = arg;
	rg_near_find_all(h->nx, (const char *const *)h->p.keys.v, h->p.keys.n,
			 h->near);
	return NULL;
}

/* Start the search for pass one's implicit contacts (p is moved). */
static void held_start(rg_build *b, pass_one *p)
{
	struct rg_held *h = rg_calloc(1, sizeof *h);
	h->p = *p;
	memset(p, 0, sizeof *p);
	h->at = b->d->items.n;
	if (h->p.keys.n > 0) {
		h->nx = rg_near_new();
		build_near(b, h->nx);
		h->near = rg_malloc(h->p.keys.n * sizeof *h->near);
		/* no thread: the same search, here and now */
		h->thread = pthread_create(&h->th, NULL, search, h) == 0;
		if (!h->thread)
			search(h);
	}
	b->held = h;
}

void rg_resolve_held(rg_build *b)
{
	struct rg_held *h = b->held;
	if (h == NULL)
		return;
	b->held = NULL;
	if (h->thread)
		pthread_join(h->th, NULL);
	/* every one in the order found, put where pass one ended */
	rg_diags *d = b->d, held = {0};
	b->d = &held;
	for (size_t i = 0; i < h->p.held.n; i++) {
		const pending *e = &h->p.held.v[i];
		if (e->c == RG_RES_AMBIGUOUS)
			report_ambiguous(b, FOR_MENTION,
					 rg_build_path(b, e->file),
					 e->ref->line, e->ref->col,
					 e->ref->target, &e->f);
		else
			report_new(b, e->file, e->ref,
				   h->near[(size_t)e->c - h->p.first]);
	}
	b->d = d;
	rg_diags_insert(d, h->at, &held);
	free(h->near);
	rg_near_free(h->nx);
	for (size_t i = 0; i < h->p.keys.n; i++)
		free(h->p.keys.v[i]);
	RG_VEC_FREE(h->p.keys);
	RG_VEC_FREE(h->p.held);
	free(h);
}

/* What the text of a reference names, making an implicit contact when it
 * names nobody. */
static int resolve_text(rg_build *b, pass_one *p, int file, const rg_ref *r,
			found *f)
{
	char *key = rg_names_fold(r->target, strlen(r->target));
	int c = resolve_key(b, key, f);
	if (c == RG_RES_NONE && *key) {
		rg_contact *k = new_contact(b, NULL);
		k->name = rg_arena_strdup(b->g->arena, r->target);
		k->file = file;
		k->line = r->line;
		k->col = r->col;
		c = (int)b->g->contacts.n - 1;
		rg_index_add(&b->implicit, key, c);
		b->g->stats.implicit++;
		*RG_VEC_PUSH(p->keys) = key;
		key = NULL;
	}
	free(key);
	/* a contact, once named, stays what the text names (an ambiguity
	 * or nothing is looked up again: rare, and it keeps its places) */
	if (c >= 0)
		rg_index_add(&p->seen, r->target, c);
	return c;
}

/* Resolve a reference of pass one, making an implicit contact when it
 * names nobody. */
static int resolve_mention(rg_build *b, pass_one *p, int file, const rg_ref *r)
{
	found f = {0};
	int seen = rg_index_get(&p->seen, r->target);
	int c = seen >= 0 ? rg_index_value(&p->seen, seen)
			  : resolve_text(b, p, file, r, &f);
	/* every mention of an implicit contact is reported, not only the
	 * first: each is a place to fix */
	if (c == RG_RES_AMBIGUOUS ||
	    (c >= 0 && c != b->g->owner && !b->g->contacts.v[c].written)) {
		pending *e = RG_VEC_PUSH(p->held);
		e->ref = r;
		e->file = file;
		e->c = c;
		e->f = f;
	}
	return c;
}

/* ---- pass one: every reference but links, in place order ---- */

/* A reference of one file, in the order it was pushed (seq). */
typedef struct pref {
	int line, col;
	size_t seq;
	rg_ref *ref;
} pref;

typedef RG_VEC(pref) pref_vec;

static int cmp_pref(const void *pa, const void *pb)
{
	const pref *a = pa, *b = pb;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

static bool in_order(const pref *v, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (cmp_pref(&v[i - 1], &v[i]) > 0)
			return false;
	return true;
}

static void push_ref(pref_vec *v, rg_ref *r)
{
	if (r->target == NULL)
		return;
	pref *p = RG_VEC_PUSH(*v);
	p->line = r->line;
	p->col = r->col;
	p->seq = v->n;
	p->ref = r;
}

static void push_file(pref_vec *v, rg_file *f)
{
	for (size_t k = 0; k < f->refrecs.n; k++) {
		push_ref(v, &f->refrecs.v[k].from);
		push_ref(v, &f->refrecs.v[k].prospect);
		push_ref(v, &f->refrecs.v[k].to);
	}
	for (size_t k = 0; k < f->inters.n; k++)
		for (size_t j = 0; j < f->inters.v[k].nwith; j++)
			push_ref(v, &f->inters.v[k].with[j]);
	for (size_t k = 0; k < f->contacts.n; k++)
		for (size_t j = 0; j < f->contacts.v[k].nrefby; j++)
			push_ref(v, &f->contacts.v[k].refby[j]);
	for (size_t k = 0; k < f->fields.n; k++)
		push_ref(v, &f->fields.v[k].who);
}

/*
 * The files come in path order, so resolving each file's references in
 * line and column order (most are in order already) resolves them all in
 * place order; only one file's list is kept at a time, and the map of
 * answers is sized once for them all.
 */
void rg_resolve_all(rg_build *b)
{
	pass_one p = {0};
	p.first = b->g->contacts.n;
	pref_vec refs = {0};
	for (size_t fi = 0; fi < b->n->nfiles; fi++) {
		refs.n = 0;
		push_file(&refs, b->n->files[fi]);
		/* a file with no references leaves refs.v NULL: no pointer
		 * arithmetic on it */
		if (refs.n > 1 && !in_order(refs.v, refs.n))
			qsort(refs.v, refs.n, sizeof(pref), cmp_pref);
		/* the answer is kept with the reference (rg_resolve_known) */
		for (size_t k = 0; k < refs.n; k++)
			refs.v[k].ref->contact =
				resolve_mention(b, &p, (int)fi, refs.v[k].ref);
	}
	RG_VEC_FREE(refs);
	rg_index_free(&p.seen);
	held_start(b, &p);
}

/* ---- links, looked up after everything else ---- */

int rg_resolve_task_link(rg_build *b, int file, const rg_ref *r)
{
	if (r->target == NULL)
		return RG_RES_NONE;
	char *key = rg_names_fold(r->target, strlen(r->target));
	found f;
	int c = resolve_key(b, key, &f);
	if (c == RG_RES_AMBIGUOUS)
		report_ambiguous(b, FOR_MENTION, rg_build_path(b, file),
				 r->line, r->col, r->target, &f);
	free(key);
	return c;
}

int rg_resolve_lookup(rg_build *b, const rg_ref *r)
{
	if (r->target == NULL)
		return RG_RES_NONE;
	char *key = rg_names_fold(r->target, strlen(r->target));
	found f;
	int c = resolve_key(b, key, &f);
	free(key);
	return c;
}

void rg_resolve_free(rg_build *b)
{
	if (b == NULL)
		return;
	rg_resolve_held(b);
	rg_index_free(&b->ids);
	rg_index_free(&b->names);
	rg_index_free(&b->aliases);
	rg_index_free(&b->implicit);
	free(b->owner_key);
	b->owner_key = NULL;
	rg_near_free(b->near);
	b->near = NULL;
	RG_VEC_FREE(b->recs);
}
