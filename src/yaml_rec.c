/*
 * yaml_rec: the YAML tree of each document (ytree) -> records.  Each
 * mapping becomes a contact, interaction or referral with its place, each
 * bad value a diagnostic that says what was done about it.
 */
#include "refgraph/yaml_rec.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "refgraph/date.h"
#include "refgraph/names.h"
#include "refgraph/ytree.h"
#include "refgraph/yval.h"

typedef rg_ynode ynode;

typedef struct reader {
	rg_file *f;
	rg_arena *tmp; /* what lives as long as the document being read */
	const rg_limits *lim;
} reader;

/* ---- records ---- */

enum kind { K_NONE, K_CONTACT, K_INTER, K_REFERRAL, K_OTHER };

static enum kind kind_of_type(const char *t)
{
	static const char *contact[] = {"contact", "person", "company",
					"organization", "organisation"};
	static const char *inter[] = {"interaction", "meeting", "call", "email",
				      "message",     "event",	"card"};
	for (size_t i = 0; i < sizeof contact / sizeof *contact; i++)
		if (rg_yval_is(t, contact[i]))
			return K_CONTACT;
	for (size_t i = 0; i < sizeof inter / sizeof *inter; i++)
		if (rg_yval_is(t, inter[i]))
			return K_INTER;
	if (rg_yval_is(t, "referral") || rg_yval_is(t, "introduction"))
		return K_REFERRAL;
	return K_OTHER;
}

/* The fields of one mapping, by lower-cased name, duplicates reported. */
/* More than any record has (about 30 field names); the rest are warned
 * about, not read. */
#define MAX_FIELDS 64
typedef struct fields {
	const char *name[MAX_FIELDS];
	const ynode *key[MAX_FIELDS];
	const ynode *val[MAX_FIELDS];
	size_t n;
} fields;

static void fields_of(reader *r, const ynode *map, fields *fs)
{
	fs->n = 0;
	for (size_t i = 0; i + 1 < map->nkids; i += 2) {
		const ynode *k = map->kids[i], *v = map->kids[i + 1];
		if (k->type != RG_YSCALAR)
			continue;
		char *name = rg_arena_strndup(r->tmp, k->s, k->slen);
		rg_ascii_lower(name, k->slen);
		bool dup = false;
		for (size_t j = 0; j < fs->n; j++)
			if (strcmp(fs->name[j], name) == 0) {
				rg_yval_diag(
					r->f, k, RG_ERROR,
					"field '%s' given twice in one mapping "
					"(first at line %d); the first is used",
					name, fs->key[j]->line);
				dup = true;
				break;
			}
		if (dup)
			continue;
		if (fs->n == MAX_FIELDS) {
			rg_yval_diag(r->f, k, RG_WARNING,
				     "more than %d fields in one mapping; '%s' "
				     "and the "
				     "fields after it are ignored",
				     MAX_FIELDS, name);
			break;
		}
		fs->name[fs->n] = name;
		fs->key[fs->n] = k;
		fs->val[fs->n] = v;
		fs->n++;
	}
}

static const ynode *fget(const fields *fs, const char *name)
{
	for (size_t i = 0; i < fs->n; i++)
		if (strcmp(fs->name[i], name) == 0)
			return fs->val[i];
	return NULL;
}

static bool fhas(const fields *fs, const char *name)
{
	return !rg_ynode_absent(fget(fs, name));
}

static const char *const contact_fields[] = {
	"name",		"aliases",	   "role",
	"org",		"since",	   "source",
	"referred_by",	"introduced_by",   "met_through",
	"last_contact", "follow_up_every", "reward"};

static enum kind kind_of(reader *r, const fields *fs, const char **typetext)
{
	const ynode *t = fget(fs, "type");
	*typetext = NULL;
	if (!rg_ynode_absent(t)) {
		const char *tt = rg_yval_text(r->f, "type", t);
		*typetext = tt;
		return tt ? kind_of_type(tt) : K_OTHER;
	}
	if (fhas(fs, "from") && fhas(fs, "prospect"))
		return K_REFERRAL;
	if (fhas(fs, "date"))
		return K_INTER;
	for (size_t i = 0; i < sizeof contact_fields / sizeof *contact_fields;
	     i++)
		if (fhas(fs, contact_fields[i]))
			return K_CONTACT;
	return K_NONE;
}

static bool makes_record(const fields *fs)
{
	static const char *const others[] = {"type", "from", "prospect",
					     "date"};
	for (size_t i = 0; i < sizeof others / sizeof *others; i++)
		if (fhas(fs, others[i]))
			return true;
	for (size_t i = 0; i < sizeof contact_fields / sizeof *contact_fields;
	     i++)
		if (fhas(fs, contact_fields[i]))
			return true;
	return false;
}

static void place_of(const ynode *map, int *line, int *col)
{
	/* a record's place is its first field */
	const ynode *k = map->nkids ? map->kids[0] : map;
	*line = k->line;
	*col = k->col;
}

static void skip(reader *r, int line, int col, const char *why)
{
	rg_skipped *s = RG_VEC_PUSH(r->f->skipped);
	s->line = line;
	s->col = col;
	s->why = rg_arena_strdup(r->f->arena, why);
}

static bool count_record(reader *r, const ynode *at)
{
	if ((size_t)r->f->nrecords >= r->lim->max_records) {
		if ((size_t)r->f->nrecords == r->lim->max_records)
			rg_yval_diag(r->f, at, RG_ERROR,
				     "more than %zu records in one file; the "
				     "rest are "
				     "skipped",
				     r->lim->max_records);
		r->f->nrecords++;
		return false;
	}
	r->f->nrecords++;
	return true;
}

static void read_contact(reader *r, const fields *fs, const ynode *map,
			 int *since_out)
{
	rg_contact_rec *c = RG_VEC_PUSH(r->f->contacts);
	place_of(map, &c->line, &c->col);
	c->id = rg_yval_trimmed(r->f, "id", fget(fs, "id"));
	c->name = rg_yval_trimmed(r->f, "name", fget(fs, "name"));
	c->naliases = rg_yval_texts(r->f, "aliases", fget(fs, "aliases"),
				    &c->aliases, false);
	c->nroles =
		rg_yval_texts(r->f, "role", fget(fs, "role"), &c->roles, true);
	c->org = rg_yval_trimmed(r->f, "org", fget(fs, "org"));
	c->source = rg_yval_trimmed(r->f, "source", fget(fs, "source"));
	c->since = rg_yval_date(r->f, "since", fget(fs, "since"), false);
	c->last_contact = rg_yval_date(r->f, "last_contact",
				       fget(fs, "last_contact"), false);
	const ynode *fe = fget(fs, "follow_up_every");
	const char *fet = rg_yval_text(r->f, "follow_up_every", fe);
	if (fet && !rg_date_duration_parse(fet, strlen(fet), &c->follow_days)) {
		rg_yval_diag(r->f, fe, RG_WARNING,
			     "follow_up_every: '%s' is not a duration (like "
			     "14d, 2w, "
			     "1m, 1y); the field is absent",
			     fet);
		c->follow_days = 0;
	}
	const char *rw = rg_yval_trimmed(r->f, "reward", fget(fs, "reward"));
	c->has_reward = rw && !rg_yval_is(rw, "none") &&
			!rg_yval_is(rw, "no") && !rg_yval_is(rw, "false");
	static const char *const by[] = {"referred_by", "introduced_by",
					 "met_through"};
	size_t total = 0;
	rg_ref *parts[3];
	size_t np[3];
	for (int i = 0; i < 3; i++) {
		np[i] = rg_yval_refs(r->f, by[i], fget(fs, by[i]), &parts[i]);
		total += np[i];
	}
	if (total) {
		c->refby = rg_arena_alloc(r->f->arena, total * sizeof(rg_ref));
		for (int i = 0; i < 3; i++) {
			if (np[i] == 0)
				continue;
			memcpy(c->refby + c->nrefby, parts[i],
			       np[i] * sizeof(rg_ref));
			c->nrefby += np[i];
		}
	}
	if (since_out)
		*since_out = c->since;
}

/* kind and status: words of the notes format, any case. */
static void read_words(reader *r, const fields *fs, rg_refrec *m)
{
	const ynode *kv = fget(fs, "kind");
	const char *kt = rg_yval_text(r->f, "kind", kv);
	if (kt) {
		if (rg_yval_is(kt, "introduction"))
			m->kind = RG_KIND_INTRO;
		else if (rg_yval_is(kt, "lead"))
			m->kind = RG_KIND_LEAD;
		else
			rg_yval_diag(r->f, kv, RG_WARNING,
				     "kind: '%s' is neither 'introduction' nor "
				     "'lead'; the field is absent",
				     kt);
		if (m->kind)
			m->writes |= RG_W_KIND;
	}
	const ynode *sv = fget(fs, "status");
	const char *st = rg_yval_text(r->f, "status", sv);
	if (st) {
		m->status = rg_status_parse(st, strlen(st));
		if (m->status == RG_ST_NONE)
			rg_yval_diag(
				r->f, sv, RG_ERROR,
				"status: '%s' is not a status (new, contacted, "
				"meeting, proposal, won, lost, declined, "
				"unreachable); the field is absent",
				st);
		else
			m->writes |= RG_W_STATUS;
	}
}

/* closed and value: how it ended. */
static void read_outcome(reader *r, const fields *fs, rg_refrec *m)
{
	m->closed = rg_yval_date(r->f, "closed", fget(fs, "closed"), false);
	if (m->closed != RG_NODATE)
		m->writes |= RG_W_CLOSED;
	const ynode *vv = fget(fs, "value");
	const char *vt = rg_yval_text(r->f, "value", vv);
	if (vt) {
		if (rg_value_number(vt, strlen(vt), &m->value))
			m->writes |= RG_W_VALUE;
		else
			rg_yval_diag(r->f, vv, RG_ERROR,
				     "value: '%s' is not a number; the field "
				     "is absent",
				     vt);
	}
}

/* thanked, informed, rewarded: what the source was given. */
static void read_credit(reader *r, const fields *fs, rg_refrec *m)
{
	const ynode *tv = fget(fs, "thanked");
	const char *tt = rg_yval_text(r->f, "thanked", tv);
	m->thanked = RG_NODATE;
	if (tt) {
		/* a date, or true for the mention's own date */
		if (rg_yval_is(tt, "true"))
			m->thanked = m->date;
		else if (rg_yval_is(tt, "false"))
			m->thanked = RG_NODATE; /* said plainly: not thanked */
		else
			m->thanked = rg_yval_date(r->f, "thanked", tv, false);
	}
	m->informed =
		rg_yval_date(r->f, "informed", fget(fs, "informed"), false);
	const char *rt = rg_yval_text(r->f, "rewarded", fget(fs, "rewarded"));
	if (rt) {
		m->rewarded = !rg_yval_is(rt, "false") && !rg_yval_is(rt, "no");
		m->writes |= RG_W_REWARDED;
	}
}

static void read_referral(reader *r, const fields *fs, const ynode *map,
			  int default_date)
{
	rg_refrec m = {0};
	place_of(map, &m.line, &m.col);
	bool ok = true;
	if (!rg_yval_ref(r->f, "from", fget(fs, "from"), &m.from)) {
		rg_diag(&r->f->diags, r->f->path, m.line, m.col, RG_ERROR,
			"referral without 'from'; not used");
		ok = false;
	}
	if (!rg_yval_ref(r->f, "prospect", fget(fs, "prospect"), &m.prospect)) {
		rg_diag(&r->f->diags, r->f->path, m.line, m.col, RG_ERROR,
			"referral without 'prospect'; not used");
		ok = false;
	}
	rg_yval_ref(r->f, "to", fget(fs, "to"), &m.to);
	const ynode *dv = fget(fs, "date");
	if (rg_ynode_absent(dv)) {
		m.date = default_date;
		if (m.date == RG_NODATE && ok)
			rg_diag(&r->f->diags, r->f->path, m.line, m.col,
				RG_ERROR,
				"referral without 'date'; used undated");
	} else {
		m.date = rg_yval_date(r->f, "date", dv, true);
	}
	read_words(r, fs, &m);
	read_outcome(r, fs, &m);
	read_credit(r, fs, &m);
	if (ok)
		*RG_VEC_PUSH(r->f->refrecs) = m;
}

static void read_record(reader *r, const ynode *map, enum kind forced,
			int default_date, int *note_date);
static void read_fields(reader *r, const ynode *map, const fields *fs,
			enum kind forced, int default_date, int *note_date);

static void read_list(reader *r, const char *field, const ynode *v,
		      enum kind forced, int default_date)
{
	if (rg_ynode_absent(v))
		return;
	if (v->type != RG_YSEQ) {
		rg_yval_diag(r->f, v, RG_WARNING,
			     "%s: expected a list of records; ignored", field);
		return;
	}
	for (size_t i = 0; i < v->nkids; i++) {
		const ynode *it = v->kids[i];
		if (it->type != RG_YMAP) {
			if (!rg_ynode_absent(it))
				rg_yval_diag(
					r->f, it, RG_WARNING,
					"%s: item is not a mapping; skipped",
					field);
			continue;
		}
		read_record(r, it, forced, default_date, NULL);
	}
}

static void read_record(reader *r, const ynode *map, enum kind forced,
			int default_date, int *note_date)
{
	fields fs;
	fields_of(r, map, &fs);
	read_fields(r, map, &fs, forced, default_date, note_date);
}

/* The record of a mapping whose fields are already gathered. */
static void read_fields(reader *r, const ynode *map, const fields *fsp,
			enum kind forced, int default_date, int *note_date)
{
	const fields fs = *fsp;
	const char *tt;
	enum kind k = kind_of(r, &fs, &tt);
	int line, col;
	place_of(map, &line, &col);
	if (note_date) {
		const ynode *dv = fget(&fs, "date");
		int d;
		*note_date = dv && dv->type == RG_YSCALAR &&
					     rg_date_parse(dv->s, dv->slen, &d)
				     ? d
				     : RG_NODATE;
	}
	if (forced != K_NONE && rg_ynode_absent(fget(&fs, "type")))
		k = forced;
	/* the front matter date dates the note: a bad one is a warning
	 * (an interaction's own required date reports itself) */
	if (note_date && *note_date == RG_NODATE && k != K_INTER &&
	    !rg_ynode_absent(fget(&fs, "date")))
		(void)rg_yval_date(r->f, "date", fget(&fs, "date"), false);
	if (k == K_OTHER) {
		char *why = rg_asprintf("type '%s' is not refgraph's",
					tt ? tt : "");
		skip(r, line, col, why);
		free(why);
		return;
	}
	if (k == K_NONE) {
		skip(r, line, col, "no field makes it a record");
		return;
	}
	if (!count_record(r, map))
		return;
	switch (k) {
	case K_CONTACT: {
		int since = RG_NODATE;
		read_contact(r, &fs, map, &since);
		if (note_date && *note_date == RG_NODATE)
			*note_date = since;
		break;
	}
	case K_INTER: {
		rg_inter_rec *in = RG_VEC_PUSH(r->f->inters);
		in->line = line;
		in->col = col;
		const ynode *dv = fget(&fs, "date");
		if (rg_ynode_absent(dv)) {
			rg_diag(&r->f->diags, r->f->path, line, col, RG_ERROR,
				"interaction without 'date'; its contacts are "
				"not touched");
			in->date = RG_NODATE;
		} else {
			in->date = rg_yval_date(r->f, "date", dv, true);
		}
		int date = in->date;
		in->nwith = rg_yval_refs(r->f, "with", fget(&fs, "with"),
					 &in->with);
		/* in->with stays valid: the arena never moves */
		read_list(r, "referrals", fget(&fs, "referrals"), K_REFERRAL,
			  date);
		break;
	}
	case K_REFERRAL: read_referral(r, &fs, map, default_date); break;
	default: break;
	}
}

static void read_top(reader *r, const ynode *root)
{
	if (root == NULL || rg_ynode_absent(root))
		return;
	if (root->type == RG_YSEQ) {
		read_list(r, "list", root, K_NONE, RG_NODATE);
		return;
	}
	if (root->type != RG_YMAP) {
		rg_yval_diag(r->f, root, RG_WARNING,
			     "document is not a mapping or a list of records; "
			     "skipped");
		return;
	}
	fields fs;
	fields_of(r, root, &fs);
	if (!makes_record(&fs) &&
	    (fget(&fs, "referrals") || fget(&fs, "contacts") ||
	     fget(&fs, "interactions"))) {
		read_list(r, "referrals", fget(&fs, "referrals"), K_REFERRAL,
			  RG_NODATE);
		read_list(r, "contacts", fget(&fs, "contacts"), K_CONTACT,
			  RG_NODATE);
		read_list(r, "interactions", fget(&fs, "interactions"), K_INTER,
			  RG_NODATE);
		return;
	}
	read_fields(r, root, &fs, K_NONE, RG_NODATE, NULL);
}

static void syntax_error(reader *r, const rg_yerror *e)
{
	if (e->too_deep)
		rg_diag(&r->f->diags, r->f->path, e->line, e->col, RG_ERROR,
			"YAML nested deeper than %d levels; the rest of the "
			"file is not read",
			r->lim->max_depth);
	else if (e->context)
		rg_diag(&r->f->diags, r->f->path, e->line, e->col, RG_ERROR,
			"YAML syntax error: %s %s; the rest of the file is not "
			"read",
			e->context, e->problem);
	else
		rg_diag(&r->f->diags, r->f->path, e->line, e->col, RG_ERROR,
			"YAML syntax error: %s; the rest of the file is not "
			"read",
			e->problem);
}

static void read_front_matter(reader *r, const ynode *root, int *note_date)
{
	if (root && root->type == RG_YMAP)
		read_record(r, root, K_NONE, RG_NODATE, note_date);
	else if (!rg_ynode_absent(root))
		rg_yval_diag(r->f, root, RG_WARNING,
			     "front matter is not a mapping; the note has no "
			     "fields");
}

bool rg_yaml_rec_read(rg_file *f, const char *text, size_t len, int line0,
		      bool front_matter, const rg_limits *lim, int *note_date)
{
	reader r = {f, NULL, lim};
	rg_ytree *t = rg_ytree_new(text, len, line0, lim->max_depth);
	rg_ystep st;
	const ynode *root;
	if (note_date)
		*note_date = RG_NODATE;
	while ((st = rg_ytree_next(t, &root)) == RG_YDOC) {
		r.tmp = rg_arena_new();
		if (front_matter)
			read_front_matter(&r, root, note_date);
		else
			read_top(&r, root);
		rg_arena_free(r.tmp);
	}
	if (st == RG_YERR)
		syntax_error(&r, rg_ytree_error(t));
	rg_ytree_free(t);
	return st != RG_YERR;
}
