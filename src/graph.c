/*
 * graph: resolution, touches and the merge of mentions into referrals.
 *
 * Order matters and is fixed by the notes format: references are resolved
 * in path, line, column order (an implicit contact takes the text of its
 * first mention), task links last and without making contacts; referral
 * dates come from every mention but outcome::, which is applied to the
 * dated referrals afterwards; each other field is decided alone.
 */
#include "refgraph/graph.h"

#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/names.h"

/* ---- a map from folded names to lists of contacts ---- */

typedef struct sentry {
	int contact, next;
} sentry;

typedef struct smap {
	char **keys;
	int *head;
	size_t cap, n;
	RG_VEC(sentry) e;
} smap;

static size_t hash(const char *s)
{
	size_t h = 1469598103934665603ULL & (size_t)-1;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= (size_t)1099511628211ULL;
	}
	return h;
}

static void smap_grow(smap *m);

static size_t smap_find(const smap *m, const char *k)
{
	size_t i = hash(k) & (m->cap - 1);
	while (m->keys[i] && strcmp(m->keys[i], k) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* The first entry for k, or -1. */
static int smap_get(const smap *m, const char *k)
{
	if (m->cap == 0)
		return -1;
	size_t i = smap_find(m, k);
	return m->keys[i] ? m->head[i] : -1;
}

/* Add contact c under k (after those already there). */
static void smap_add(smap *m, const char *k, int c)
{
	if ((m->n + 1) * 2 > m->cap)
		smap_grow(m);
	size_t i = smap_find(m, k);
	sentry *e = RG_VEC_PUSH(m->e);
	e->contact = c;
	e->next = -1;
	int idx = (int)(m->e.n - 1);
	if (m->keys[i] == NULL) {
		m->keys[i] = rg_strdup(k);
		m->head[i] = idx;
		m->n++;
		return;
	}
	int j = m->head[i];
	while (m->e.v[j].next >= 0) {
		if (m->e.v[j].contact == c)
			return;
		j = m->e.v[j].next;
	}
	if (m->e.v[j].contact == c) {
		m->e.n--;
		return;
	}
	m->e.v[j].next = idx;
}

static void smap_grow(smap *m)
{
	size_t oc = m->cap;
	char **ok = m->keys;
	int *oh = m->head;
	m->cap = oc ? oc * 2 : 64;
	m->keys = rg_calloc(m->cap, sizeof(char *));
	m->head = rg_calloc(m->cap, sizeof(int));
	for (size_t i = 0; i < oc; i++)
		if (ok[i]) {
			size_t j = smap_find(m, ok[i]);
			m->keys[j] = ok[i];
			m->head[j] = oh[i];
		}
	free(ok);
	free(oh);
}

static void smap_free(smap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->head);
	RG_VEC_FREE(m->e);
}

/* ---- building ---- */

enum { R_NONE = -1, R_AMBIGUOUS = -2 };

typedef struct builder {
	rg_graph *g;
	const rg_notes *n;
	const rg_config *cfg;
	rg_diags *d;
	bool strict;
	smap ids, names, aliases, implicit;
	char *owner_key;
	rg_near *near;
	bool near_built;
	/* each contact's record, for written ones */
	RG_VEC(const rg_contact_rec *) recs;
} builder;

static const char *path_of(const builder *b, int file)
{
	return b->n->files[file]->path;
}

static void place_str(const builder *b, int c, char *out, size_t cap)
{
	const rg_contact *k = &b->g->contacts.v[c];
	snprintf(out, cap, "%s:%d", path_of(b, k->file), k->line);
}

/*
 * Resolve one reference.  create: make an implicit contact when nothing
 * matches (and report what pass one reports); else look up only.
 */
static int resolve(builder *b, int file, const rg_ref *r, bool create,
		   bool report)
{
	if (r->target == NULL)
		return R_NONE;
	char *key = rg_fold(r->target, strlen(r->target));
	int res = R_NONE;
	if (*key == '\0')
		goto out;
	if (b->owner_key && strcmp(key, b->owner_key) == 0) {
		res = b->g->owner;
		goto out;
	}
	smap *levels[3] = {&b->ids, &b->names, &b->aliases};
	static const char *const lvname[3] = {"id", "name", "alias"};
	for (int lv = 0; lv < 3; lv++) {
		int e = smap_get(levels[lv], key);
		if (e < 0)
			continue;
		const sentry *x = &levels[lv]->e.v[e];
		if (x->next >= 0) {
			if (report) {
				char p1[512], p2[512];
				place_str(b, x->contact, p1, sizeof p1);
				place_str(b, levels[lv]->e.v[x->next].contact,
					  p2, sizeof p2);
				rg_diag(b->d, path_of(b, file), r->line, r->col,
					RG_ERROR,
					"'%s' is ambiguous: the %s of the "
					"contacts at %s and %s; not used",
					r->target, lvname[lv], p1, p2);
			}
			res = R_AMBIGUOUS;
			goto out;
		}
		res = b->g->contacts.v[x->contact].owner ? b->g->owner
							 : x->contact;
		goto out;
	}
	int e = smap_get(&b->implicit, key);
	if (e >= 0) {
		res = b->implicit.e.v[e].contact;
	} else if (create) {
		rg_contact *c = RG_VEC_PUSH(b->g->contacts);
		c->name = rg_arena_strdup(b->g->arena, r->target);
		c->file = file;
		c->line = r->line;
		c->col = r->col;
		c->since = RG_NODATE;
		c->last_touch = c->first_touch = RG_NODATE;
		*RG_VEC_PUSH(b->recs) = NULL;
		res = (int)b->g->contacts.n - 1;
		smap_add(&b->implicit, key, res);
		b->g->stats.implicit++;
	} else {
		goto out;
	}
	/* strict and near-name reports belong to the references that make
	 * contacts, not to task links looking them up */
	if (report && create && b->g->contacts.v[res].written == false) {
		const char *near = NULL;
		if (!b->near_built) {
			for (size_t i = 0; i < b->ids.cap; i++)
				if (b->ids.keys[i])
					rg_near_add(
						b->near, b->ids.keys[i],
						b->g->contacts
							.v[b->ids.e.v[b->ids.head
									      [i]]
								   .contact]
							.name);
			smap *more[2] = {&b->names, &b->aliases};
			for (int m = 0; m < 2; m++)
				for (size_t i = 0; i < more[m]->cap; i++)
					if (more[m]->keys[i] &&
					    smap_get(&b->ids,
						     more[m]->keys[i]) < 0)
						rg_near_add(
							b->near,
							more[m]->keys[i],
							b->g->contacts
								.v[more[m]->e
									   .v[more[m]->head
										      [i]]
									   .contact]
								.name);
			b->near_built = true;
		}
		near = rg_near_find(b->near, key);
		if (b->strict)
			rg_diag(b->d, path_of(b, file), r->line, r->col,
				RG_ERROR,
				"'%s' matches no contact%s%s%s (--strict)",
				r->target, near ? "; did you mean '" : "",
				near ? near : "", near ? "'?" : "");
		else if (near)
			rg_diag(b->d, path_of(b, file), r->line, r->col,
				RG_WARNING,
				"'%s' matches no contact; did you mean '%s'? "
				"(taken as a new contact)",
				r->target, near);
	}
out:
	free(key);
	return res;
}

static void index_contact(builder *b, int c, const rg_contact_rec *r)
{
	char *k = rg_fold(r->id, strlen(r->id));
	smap_add(&b->ids, k, c);
	free(k);
	k = rg_fold(r->name, strlen(r->name));
	smap_add(&b->names, k, c);
	free(k);
	for (size_t i = 0; i < r->naliases; i++) {
		k = rg_fold(r->aliases[i], strlen(r->aliases[i]));
		smap_add(&b->aliases, k, c);
		free(k);
	}
}

static void add_contacts(builder *b)
{
	for (size_t fi = 0; fi < b->n->nfiles; fi++) {
		const rg_file *f = b->n->files[fi];
		for (size_t i = 0; i < f->contacts.n; i++) {
			const rg_contact_rec *r = &f->contacts.v[i];
			rg_contact *c = RG_VEC_PUSH(b->g->contacts);
			c->name = r->name;
			c->written = true;
			c->file = (int)fi;
			c->line = r->line;
			c->col = r->col;
			for (size_t k = 0; k < r->nroles; k++) {
				if (strcmp(r->roles[k], "client") == 0)
					c->client = true;
				else if (strcmp(r->roles[k], "former-client") ==
					 0)
					c->former_client = true;
			}
			c->has_source = r->source != NULL;
			c->has_reward = r->has_reward;
			c->since = r->since;
			c->follow_days = r->follow_days;
			c->last_touch = c->first_touch = RG_NODATE;
			*RG_VEC_PUSH(b->recs) = r;
			index_contact(b, (int)b->g->contacts.n - 1, r);
		}
	}
	b->g->stats.contacts = b->g->contacts.n;
}

static void set_owner(builder *b)
{
	rg_graph *g = b->g;
	g->owner = -1;
	if (b->cfg->me) {
		size_t s, n;
		if (rg_ref_target(b->cfg->me, strlen(b->cfg->me), &s, &n)) {
			b->owner_key = rg_fold(b->cfg->me + s, n);
			rg_ref r = {
				rg_arena_strndup(g->arena, b->cfg->me + s, n),
				0, 0};
			/* look the owner up among written contacts: when it
			 * names two at one level, it is neither of them */
			smap *levels[3] = {&b->ids, &b->names, &b->aliases};
			for (int lv = 0; lv < 3; lv++) {
				int e = smap_get(levels[lv], b->owner_key);
				if (e < 0)
					continue;
				const sentry *x = &levels[lv]->e.v[e];
				if (x->next < 0) {
					g->owner = x->contact;
					break;
				}
				char p1[512], p2[512];
				place_str(b, x->contact, p1, sizeof p1);
				place_str(b, levels[lv]->e.v[x->next].contact,
					  p2, sizeof p2);
				rg_diag(b->d,
					b->cfg->path ? b->cfg->path
						     : ".refgraph.yaml",
					b->cfg->me_line, b->cfg->me_col,
					RG_ERROR,
					"me: '%s' is ambiguous: the contacts at "
					"%s and %s; the owner is neither",
					r.target, p1, p2);
				break;
			}
			if (g->owner < 0) {
				rg_contact *c = RG_VEC_PUSH(g->contacts);
				c->name = r.target;
				c->file = -1;
				c->since = c->last_touch = c->first_touch =
					RG_NODATE;
				*RG_VEC_PUSH(b->recs) = NULL;
				g->owner = (int)g->contacts.n - 1;
			}
		}
	}
	if (g->owner < 0) {
		rg_contact *c = RG_VEC_PUSH(g->contacts);
		c->name = "me";
		c->file = -1;
		c->since = c->last_touch = c->first_touch = RG_NODATE;
		*RG_VEC_PUSH(b->recs) = NULL;
		g->owner = (int)g->contacts.n - 1;
	}
	g->contacts.v[g->owner].owner = true;
}

/* ---- pass one: every reference but task links, in place order ---- */

typedef struct pref {
	int file, line, col;
	size_t seq;
	const rg_ref *ref;
} pref;

static int cmp_pref(const void *pa, const void *pb)
{
	const pref *a = pa, *b = pb;
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

static void push_ref(void *vec, int file, const rg_ref *r)
{
	RG_VEC(pref) *v = vec;
	if (r->target == NULL)
		return;
	pref *p = RG_VEC_PUSH(*v);
	p->file = file;
	p->line = r->line;
	p->col = r->col;
	p->seq = v->n;
	p->ref = r;
}

static void pass_one(builder *b)
{
	RG_VEC(pref) refs = {0};
	for (size_t fi = 0; fi < b->n->nfiles; fi++) {
		const rg_file *f = b->n->files[fi];
		int i = (int)fi;
		for (size_t k = 0; k < f->refrecs.n; k++) {
			push_ref(&refs, i, &f->refrecs.v[k].from);
			push_ref(&refs, i, &f->refrecs.v[k].prospect);
			push_ref(&refs, i, &f->refrecs.v[k].to);
		}
		for (size_t k = 0; k < f->inters.n; k++)
			for (size_t j = 0; j < f->inters.v[k].nwith; j++)
				push_ref(&refs, i, &f->inters.v[k].with[j]);
		for (size_t k = 0; k < f->contacts.n; k++)
			for (size_t j = 0; j < f->contacts.v[k].nrefby; j++)
				push_ref(&refs, i, &f->contacts.v[k].refby[j]);
		for (size_t k = 0; k < f->fields.n; k++)
			push_ref(&refs, i, &f->fields.v[k].who);
	}
	if (refs.n > 1)
		qsort(refs.v, refs.n, sizeof(pref), cmp_pref);
	for (size_t k = 0; k < refs.n; k++)
		resolve(b, refs.v[k].file, refs.v[k].ref, true, true);
	RG_VEC_FREE(refs);
}

/* ---- touches ---- */

static void touch(rg_graph *g, int c, int day)
{
	if (c < 0 || day == RG_NODATE || c == g->owner)
		return;
	rg_contact *k = &g->contacts.v[c];
	if (k->last_touch == RG_NODATE || day > k->last_touch)
		k->last_touch = day;
	if (k->first_touch == RG_NODATE || day < k->first_touch)
		k->first_touch = day;
}

static void touches_and_tasks(builder *b)
{
	rg_graph *g = b->g;
	for (size_t c = 0; c < g->contacts.n; c++)
		if (b->recs.v[c])
			touch(g, (int)c, b->recs.v[c]->last_contact);
	for (size_t fi = 0; fi < b->n->nfiles; fi++) {
		const rg_file *f = b->n->files[fi];
		for (size_t k = 0; k < f->inters.n; k++) {
			const rg_inter_rec *in = &f->inters.v[k];
			g->stats.interactions++;
			for (size_t j = 0; j < in->nwith; j++)
				touch(g,
				      resolve(b, (int)fi, &in->with[j], false,
					      false),
				      in->date);
		}
		for (size_t k = 0; k < f->tasks.n; k++) {
			const rg_task *t = &f->tasks.v[k];
			rg_gtask *gt = RG_VEC_PUSH(g->tasks);
			gt->file = (int)fi;
			gt->line = t->line;
			gt->done = t->done;
			gt->due = t->due;
			gt->done_date = t->done_date;
			gt->contact = -1;
			for (size_t j = 0; j < t->nlinks; j++) {
				int c = resolve(b, (int)fi, &t->links[j], false,
						true);
				if (c < 0 || c == g->owner)
					continue;
				if (gt->contact < 0)
					gt->contact = c;
				if (t->done)
					touch(g, c, t->done_date);
			}
		}
	}
	g->stats.tasks = g->tasks.n;
}

/* ---- mentions and the merge ---- */

typedef struct mention mention;
struct mention {
	int src, pro, rcv;
	int file, line, col;
	size_t seq;
	int date;
	bool refby;
	unsigned writes;
	rg_status status;
	int closed;
	double value;
	rg_refkind kind;
	bool rewarded;
	int thanked, informed;
	int ref; /* outcome mentions: the referral they apply to */
};

typedef RG_VEC(mention) mention_vec;

static int cmp_place(const mention *a, const mention *b)
{
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

static int cmp_key(const void *pa, const void *pb)
{
	const mention *a = pa, *b = pb;
	if (a->src != b->src)
		return a->src < b->src ? -1 : 1;
	if (a->pro != b->pro)
		return a->pro < b->pro ? -1 : 1;
	if (a->rcv != b->rcv)
		return a->rcv < b->rcv ? -1 : 1;
	return cmp_place(a, b);
}

static int cmp_ref_outcome(const void *pa, const void *pb)
{
	const mention *a = pa, *b = pb;
	if (a->ref != b->ref)
		return a->ref < b->ref ? -1 : 1;
	return cmp_place(a, b);
}

static void gather(builder *b, mention_vec *out)
{
	rg_graph *g = b->g;
	for (size_t fi = 0; fi < b->n->nfiles; fi++) {
		const rg_file *f = b->n->files[fi];
		for (size_t k = 0; k < f->refrecs.n; k++) {
			const rg_refrec *r = &f->refrecs.v[k];
			int src = r->from_me ? g->owner
					     : resolve(b, (int)fi, &r->from,
						       false, false);
			int pro =
				resolve(b, (int)fi, &r->prospect, false, false);
			int rcv = r->to.target ? resolve(b, (int)fi, &r->to,
							 false, false)
					       : g->owner;
			if (src < 0 || pro < 0 || rcv < 0)
				continue;
			mention *m = RG_VEC_PUSH(*out);
			m->src = src;
			m->pro = pro;
			m->rcv = rcv;
			m->file = (int)fi;
			m->line = r->line;
			m->col = r->col;
			m->seq = out->n;
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
	/* referred_by, introduced_by, met_through */
	for (size_t c = 0; c < g->contacts.n; c++) {
		const rg_contact_rec *r = b->recs.v[c];
		if (r == NULL || r->nrefby == 0)
			continue;
		const rg_contact *k = &g->contacts.v[c];
		int pro = k->owner ? g->owner : (int)c;
		int date = k->since != RG_NODATE ? k->since : k->first_touch;
		for (size_t j = 0; j < r->nrefby; j++) {
			int src =
				resolve(b, k->file, &r->refby[j], false, false);
			if (src < 0)
				continue;
			if (date == RG_NODATE)
				rg_diag(b->d, path_of(b, k->file),
					r->refby[j].line, r->refby[j].col,
					RG_WARNING,
					"referral from '%s' has no date (the "
					"contact has no 'since' and no touch); "
					"undated",
					r->refby[j].target);
			mention *m = RG_VEC_PUSH(*out);
			m->src = src;
			m->pro = pro;
			m->rcv = g->owner;
			m->file = k->file;
			m->line = r->refby[j].line;
			m->col = r->refby[j].col;
			m->seq = out->n;
			m->date = date;
			m->refby = true;
			m->thanked = m->informed = RG_NODATE;
			m->closed = RG_NODATE;
		}
	}
}

/* The word date: a mention's closed when it writes one, else its date. */
static int word_date(const mention *m)
{
	return (m->writes & RG_W_CLOSED) ? m->closed : m->date;
}

/* Does a outrank b as the writer of a field (later word date, then later
 * place)? */
static bool outranks(const mention *a, const mention *b)
{
	int wa = word_date(a), wb = word_date(b);
	if (wa != wb)
		return wa > wb;
	return cmp_place(a, b) > 0;
}

static bool same_value(const mention *a, const mention *b, unsigned bit)
{
	switch (bit) {
	case RG_W_STATUS: return a->status == b->status;
	case RG_W_CLOSED: return a->closed == b->closed;
	case RG_W_VALUE: return a->value == b->value;
	case RG_W_KIND: return a->kind == b->kind;
	default: return a->rewarded == b->rewarded;
	}
}

static const char *field_name(unsigned bit)
{
	switch (bit) {
	case RG_W_STATUS: return "status";
	case RG_W_CLOSED: return "closed";
	case RG_W_VALUE: return "value";
	case RG_W_KIND: return "kind";
	default: return "rewarded";
	}
}

/* Decide every field of r from its mentions ms[0..n). */
static void decide(builder *b, rg_referral *r, mention **ms, size_t n,
		   bool has_refby, int refby_date)
{
	const rg_graph *g = b->g;
	static const unsigned bits[] = {RG_W_STATUS, RG_W_CLOSED, RG_W_VALUE,
					RG_W_KIND, RG_W_REWARDED};
	const mention *status_by = NULL;
	for (size_t bi = 0; bi < sizeof bits / sizeof *bits; bi++) {
		unsigned bit = bits[bi];
		const mention *w = NULL;
		for (size_t i = 0; i < n; i++)
			if ((ms[i]->writes & bit) && (!w || outranks(ms[i], w)))
				w = ms[i];
		if (w == NULL)
			continue;
		for (size_t i = 0; i < n; i++) {
			const mention *o = ms[i];
			if (o != w && (o->writes & bit) &&
			    word_date(o) == word_date(w) &&
			    !same_value(o, w, bit)) {
				rg_diag(b->d, path_of(b, w->file), w->line,
					w->col, RG_WARNING,
					"%s of the referral from '%s' to '%s' "
					"differs from %s:%d on the same day; "
					"this one (the later in the notes) is "
					"used",
					field_name(bit),
					g->contacts.v[r->src].name,
					g->contacts.v[r->pro].name,
					path_of(b, o->file), o->line);
				break;
			}
		}
		switch (bit) {
		case RG_W_STATUS:
			r->status = w->status;
			status_by = w;
			break;
		case RG_W_CLOSED: r->closed = w->closed; break;
		case RG_W_VALUE:
			r->value = w->value;
			r->has_value = true;
			break;
		case RG_W_KIND: r->kind = w->kind; break;
		default: r->rewarded = w->rewarded; break;
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (ms[i]->thanked != RG_NODATE &&
		    (r->thanked == RG_NODATE || ms[i]->thanked < r->thanked))
			r->thanked = ms[i]->thanked;
		if (ms[i]->informed != RG_NODATE &&
		    (r->informed == RG_NODATE || ms[i]->informed > r->informed))
			r->informed = ms[i]->informed;
	}
	if (r->kind == RG_KIND_NONE)
		r->kind = RG_KIND_INTRO;
	if (r->status == RG_ST_NONE) {
		const rg_contact *p = &g->contacts.v[r->pro];
		if (has_refby && (p->client || p->former_client)) {
			r->status = RG_ST_WON;
			if (r->closed == RG_NODATE && !(status_by))
				r->closed = refby_date;
		} else {
			r->status = RG_ST_NEW;
		}
	} else if (RG_ST_IS_CLOSED(r->status) && r->closed == RG_NODATE &&
		   status_by) {
		bool written = false;
		for (size_t i = 0; i < n; i++)
			written |= (ms[i]->writes & RG_W_CLOSED) != 0;
		if (!written)
			r->closed = status_by->date;
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

static void merge(builder *b)
{
	rg_graph *g = b->g;
	mention_vec ms = {0};
	gather(b, &ms);
	g->stats.mentions = ms.n;
	if (ms.n > 1)
		qsort(ms.v, ms.n, sizeof(mention), cmp_key);
	/* groups: one referral each; its date and place */
	RG_VEC(size_t) gstart = {0};
	for (size_t i = 0; i < ms.n; i++) {
		mention *m = &ms.v[i];
		if (i == 0 || m->src != ms.v[i - 1].src ||
		    m->pro != ms.v[i - 1].pro || m->rcv != ms.v[i - 1].rcv) {
			*RG_VEC_PUSH(gstart) = i;
			rg_referral *r = RG_VEC_PUSH(g->referrals);
			r->src = m->src;
			r->pro = m->pro;
			r->rcv = m->rcv;
			r->date = RG_NODATE;
			r->file = m->file; /* first mention: sorted by place */
			r->line = m->line;
			r->closed = r->thanked = r->informed = RG_NODATE;
			r->to_me = m->rcv == g->owner && m->src != g->owner;
		}
		rg_referral *r = &g->referrals.v[g->referrals.n - 1];
		if (m->date != RG_NODATE &&
		    (r->date == RG_NODATE || m->date < r->date)) {
			r->date = m->date;
			r->file = m->file;
			r->line = m->line;
		}
		m->ref = (int)g->referrals.n - 1;
	}
	*RG_VEC_PUSH(gstart) = ms.n;
	size_t nref = g->referrals.n;

	/* outcome:: mentions, and thanked:: / informed:: credits */
	/* referrals to me by prospect (for outcome::), all by source (for
	 * the credits) */
	size_t nc = g->contacts.n;
	int *key = rg_malloc((nref ? nref : 1) * sizeof(int));
	for (size_t i = 0; i < nref; i++)
		key[i] = g->referrals.v[i].to_me ? g->referrals.v[i].pro : -1;
	struct {
		int *start, *idx;
	} bp;
	rg_group(key, nref, nc, &bp.start, &bp.idx);
	for (size_t i = 0; i < nref; i++)
		key[i] = g->referrals.v[i].src;
	int *sstart, *sidx;
	rg_group(key, nref, nc, &sstart, &sidx);
	free(key);

	RG_VEC(mention) outs = {0};
	for (size_t fi = 0; fi < b->n->nfiles; fi++) {
		const rg_file *f = b->n->files[fi];
		for (size_t k = 0; k < f->fields.n; k++) {
			const rg_field *fd = &f->fields.v[k];
			int who = resolve(b, (int)fi, &fd->who, false, false);
			if (who < 0)
				continue;
			if (fd->key == RG_F_THANKED ||
			    fd->key == RG_F_INFORMED) {
				for (int j = sstart[who]; j < sstart[who + 1];
				     j++) {
					rg_referral *r =
						&g->referrals.v[sidx[j]];
					if (r->date == RG_NODATE ||
					    r->date > fd->date)
						continue;
					if (fd->key == RG_F_THANKED) {
						if (r->thanked == RG_NODATE ||
						    fd->date < r->thanked)
							r->thanked = fd->date;
					} else if (r->informed == RG_NODATE ||
						   fd->date > r->informed) {
						r->informed = fd->date;
					}
				}
				continue;
			}
			/* outcome: every referral to me with that prospect
			 * dated on or before the note (or undated); the value
			 * to the earliest only */
			int first = -1;
			size_t applied = 0;
			for (int j = bp.start[who]; j < bp.start[who + 1];
			     j++) {
				int ri = bp.idx[j];
				const rg_referral *r = &g->referrals.v[ri];
				if (r->date != RG_NODATE && r->date > fd->date)
					continue;
				applied++;
				if (first < 0) {
					first = ri;
					continue;
				}
				const rg_referral *q = &g->referrals.v[first];
				bool earlier;
				if ((r->date == RG_NODATE) !=
				    (q->date == RG_NODATE))
					earlier = r->date == RG_NODATE;
				else if (r->date != q->date)
					earlier = r->date < q->date;
				else if (r->file != q->file)
					earlier = r->file < q->file;
				else
					earlier = r->line < q->line;
				if (earlier)
					first = ri;
			}
			if (applied == 0) {
				rg_diag(b->d, f->path, fd->line, fd->col,
					RG_WARNING,
					"outcome:: '%s' applies to no referral "
					"to me dated on or before this note; "
					"not used",
					fd->who.target);
				continue;
			}
			for (int j = bp.start[who]; j < bp.start[who + 1];
			     j++) {
				int ri = bp.idx[j];
				const rg_referral *r = &g->referrals.v[ri];
				if (r->date != RG_NODATE && r->date > fd->date)
					continue;
				mention *m = RG_VEC_PUSH(outs);
				m->ref = ri;
				m->file = (int)fi;
				m->line = fd->line;
				m->col = fd->col;
				m->seq = outs.n;
				m->date = fd->date;
				m->writes = RG_W_STATUS | RG_W_CLOSED;
				m->status = fd->status;
				m->closed = fd->date;
				m->thanked = m->informed = RG_NODATE;
				if (fd->has_value && ri == first) {
					m->writes |= RG_W_VALUE;
					m->value = fd->value;
				}
			}
		}
	}
	free(sstart);
	free(sidx);
	free(bp.start);
	free(bp.idx);
	if (outs.n > 1)
		qsort(outs.v, outs.n, sizeof(mention), cmp_ref_outcome);

	/* decide each referral's fields */
	RG_VEC(mention *) group = {0};
	size_t oi = 0;
	for (size_t ri = 0; ri < nref; ri++) {
		group.n = 0;
		bool has_refby = false;
		int refby_date = RG_NODATE;
		for (size_t i = gstart.v[ri]; i < gstart.v[ri + 1]; i++) {
			*RG_VEC_PUSH(group) = &ms.v[i];
			if (ms.v[i].refby) {
				has_refby = true;
				if (ms.v[i].date != RG_NODATE &&
				    (refby_date == RG_NODATE ||
				     ms.v[i].date < refby_date))
					refby_date = ms.v[i].date;
			}
		}
		while (oi < outs.n && outs.v[oi].ref == (int)ri)
			*RG_VEC_PUSH(group) = &outs.v[oi++];
		decide(b, &g->referrals.v[ri], group.v, group.n, has_refby,
		       refby_date);
	}
	RG_VEC_FREE(group);
	RG_VEC_FREE(outs);
	RG_VEC_FREE(gstart);
	RG_VEC_FREE(ms);
	g->stats.referrals = nref;
	/* a prospect is touched on the date of each of its referrals */
	for (size_t i = 0; i < nref; i++) {
		const rg_referral *r = &g->referrals.v[i];
		rg_contact *p = &g->contacts.v[r->pro];
		if (r->date != RG_NODATE && r->pro != g->owner &&
		    (p->last_touch == RG_NODATE || r->date > p->last_touch))
			p->last_touch = r->date;
	}
	if (nref > 1)
		qsort(g->referrals.v, nref, sizeof(rg_referral),
		      cmp_referral_place);
}

void rg_graph_build(rg_graph *g, const rg_notes *n, const rg_config *cfg,
		    bool strict, rg_diags *d)
{
	memset(g, 0, sizeof *g);
	g->notes = n;
	g->arena = rg_arena_new();
	builder b = {0};
	b.g = g;
	b.n = n;
	b.cfg = cfg;
	b.d = d;
	b.strict = strict;
	b.near = rg_near_new();
	for (size_t i = 0; i < n->nfiles; i++)
		if (n->files[i]->read) {
			g->stats.files++;
			if (n->files[i]->markdown)
				g->stats.notes++;
		}
	add_contacts(&b);
	set_owner(&b);
	pass_one(&b);
	touches_and_tasks(&b);
	merge(&b);
	smap_free(&b.ids);
	smap_free(&b.names);
	smap_free(&b.aliases);
	smap_free(&b.implicit);
	free(b.owner_key);
	rg_near_free(b.near);
	RG_VEC_FREE(b.recs);
}

void rg_graph_free(rg_graph *g)
{
	if (g == NULL)
		return;
	RG_VEC_FREE(g->contacts);
	RG_VEC_FREE(g->referrals);
	RG_VEC_FREE(g->tasks);
	RG_VEC_FREE(g->asks);
	RG_VEC_FREE(g->testimonials);
	rg_arena_free(g->arena);
	g->arena = NULL;
}

const char *rg_graph_path(const rg_graph *g, int file)
{
	if (file < 0 || (size_t)file >= g->notes->nfiles)
		return "";
	return g->notes->files[file]->path;
}
