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
#include "refgraph/value.h"
#include "refgraph/ytree.h"
#include "refgraph/yfields.h"
#include "refgraph/yrecord.h"
#include "refgraph/yval.h"

typedef rg_ynode ynode;

/* A list of records being read: its items from next on are still due. */
typedef struct pending {
	const ynode *list;
	size_t next;
	int forced; /* enum kind */
	int date;   /* the date its items without one take */
	const char *field;
} pending;

typedef RG_VEC(pending) pending_vec;

/* What a thread reads YAML with, kept from text to text (see the header). */
struct rg_yaml_rec_scratch {
	rg_ytree *tree;
	rg_arena *tmp; /* what lives as long as the document being read */
	/* lists of records still to read, innermost last: an interaction's
	 * referrals may hold interactions, as deep as max_depth allows, and
	 * a stack of our own keeps that off the thread's stack */
	pending_vec todo;
};

typedef struct reader {
	rg_file *f;
	rg_arena *tmp; /* the scratch's */
	const rg_limits *lim;
	pending_vec *todo; /* the scratch's */
} reader;

/* ---- records ---- */

enum kind { K_NONE, K_CONTACT, K_INTER, K_REFERRAL, K_OTHER };

/* The kind a type or tag word names, or K_OTHER. */
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

static const char *const contact_fields[] = {
	"name",		"aliases",	   "role",
	"org",		"since",	   "source",
	"referred_by",	"introduced_by",   "met_through",
	"last_contact", "follow_up_every", "reward"};

/* with and its synonyms (v3). */
static const char *const with_fields[] = {"with", "attendees", "participants"};

static bool has_any(const rg_yfields *fs, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (rg_yfields_has(fs, names[i]))
			return true;
	return false;
}

#define HAS_ANY(fs, names) has_any(fs, names, sizeof names / sizeof *names)

/* The first tag word that names a kind, or K_NONE. */
static enum kind kind_of_tags(const rg_yfields *fs)
{
	for (size_t i = 0; i < fs->ntags; i++) {
		enum kind k = kind_of_type(fs->tags[i]);
		if (k != K_OTHER)
			return k;
	}
	return K_NONE;
}

static bool has_role_tag(const rg_yfields *fs)
{
	for (size_t i = 0; i < fs->ntags; i++)
		if (rg_yfields_role_tag(fs->tags[i]))
			return true;
	return false;
}

/* A record's kind by its type, else a kind tag, else its fields. */
static enum kind kind_of(reader *r, const rg_yfields *fs, const char **typetext)
{
	const ynode *t = rg_yfields_get(fs, "type");
	*typetext = NULL;
	if (!rg_ynode_absent(t)) {
		const char *tt = rg_yval_text(r->f, "type", t);
		*typetext = tt;
		return tt ? kind_of_type(tt) : K_OTHER;
	}
	enum kind k = kind_of_tags(fs);
	if (k != K_NONE)
		return k;
	if (rg_yfields_has(fs, "from") && rg_yfields_has(fs, "prospect"))
		return K_REFERRAL;
	if (rg_yfields_has(fs, "date") || HAS_ANY(fs, with_fields))
		return K_INTER;
	if (HAS_ANY(fs, contact_fields) || has_role_tag(fs))
		return K_CONTACT;
	return K_NONE;
}

static bool makes_record(const rg_yfields *fs)
{
	static const char *const others[] = {"type", "from", "prospect",
					     "date"};
	return HAS_ANY(fs, others) || HAS_ANY(fs, with_fields) ||
	       HAS_ANY(fs, contact_fields) || kind_of_tags(fs) != K_NONE ||
	       has_role_tag(fs);
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

static void read_record(reader *r, const ynode *map, enum kind forced,
			int default_date, int *note_date);
static void push_list(reader *r, const char *field, const ynode *v,
		      enum kind forced, int default_date);
static void read_fields(reader *r, const ynode *map, const rg_yfields *fs,
			enum kind forced, int default_date, int *note_date);

/* The YYYY-MM-DD at the start of the file's name, or RG_NODATE. */
static int name_date(const rg_file *f)
{
	const char *b = strrchr(f->path, '/');
	b = b ? b + 1 : f->path;
	int d;
	return strlen(b) >= 10 && rg_date_parse10(b, &d) ? d : RG_NODATE;
}

/* with, attendees and participants, joined in the order given (v3). */
static void read_with(reader *r, const rg_yfields *fs, rg_inter_rec *in)
{
	rg_ref *part[RG_YFIELDS_MAX];
	size_t np[RG_YFIELDS_MAX], total = 0, k = 0;
	for (size_t i = 0; i < fs->n; i++) {
		np[k] = 0;
		for (size_t j = 0; j < sizeof with_fields / sizeof *with_fields;
		     j++)
			if (fs->name[i][0] == with_fields[j][0] &&
			    strcmp(fs->name[i], with_fields[j]) == 0)
				np[k] = rg_yval_refs(r->f, fs->name[i],
						     fs->val[i], &part[k]);
		total += np[k];
		k += np[k] > 0;
	}
	if (k == 1) {
		in->with = part[0];
		in->nwith = np[0];
		return;
	}
	in->with = total ? rg_arena_alloc(r->f->arena, total * sizeof(rg_ref))
			 : NULL;
	for (size_t i = 0; i < k; i++) {
		memcpy(in->with + in->nwith, part[i], np[i] * sizeof(rg_ref));
		in->nwith += np[i];
	}
}

static void read_interaction(reader *r, const rg_yfields *fs, const ynode *map)
{
	rg_inter_rec *in = RG_VEC_PUSH(r->f->inters);
	place_of(map, &in->line, &in->col);
	const ynode *dv = rg_yfields_get(fs, "date");
	if (!rg_ynode_absent(dv))
		in->date = rg_yval_date(r->f, "date", dv, true);
	else if ((in->date = name_date(r->f)) == RG_NODATE)
		rg_diag(&r->f->diags, r->f->path, in->line, in->col, RG_ERROR,
			"interaction without 'date' (and no YYYY-MM-DD at the "
			"start of the file name); its contacts are not "
			"touched");
	int date = in->date;
	read_with(r, fs, in);
	/* read after this record, before its next sibling (drain) */
	push_list(r, "referrals", rg_yfields_get(fs, "referrals"), K_REFERRAL,
		  date);
}

/* Queue a list of records; drain() reads it. */
static void push_list(reader *r, const char *field, const ynode *v,
		      enum kind forced, int default_date)
{
	if (rg_ynode_absent(v))
		return;
	if (v->type != RG_YSEQ) {
		rg_yval_diag(r->f, v, RG_WARNING,
			     "%s: expected a list of records; ignored", field);
		return;
	}
	pending *p = RG_VEC_PUSH(*r->todo);
	p->list = v;
	p->forced = forced;
	p->date = default_date;
	p->field = field;
}

/*
 * Read the queued lists down to base, depth first: an item's own lists go
 * on top and are read before the item's next sibling, in the order that
 * reading each list where it stands would give.
 */
static void drain(reader *r, size_t base)
{
	while (r->todo->n > base) {
		pending *p = &r->todo->v[r->todo->n - 1];
		if (p->next == p->list->nkids) {
			r->todo->n--;
			continue;
		}
		const ynode *it = p->list->kids[p->next++];
		if (it->type != RG_YMAP) {
			if (!rg_ynode_absent(it))
				rg_yval_diag(
					r->f, it, RG_WARNING,
					"%s: item is not a mapping; skipped",
					p->field);
			continue;
		}
		/* p may move: read_record can queue more */
		read_record(r, it, (enum kind)p->forced, p->date, NULL);
	}
}

static void read_list(reader *r, const char *field, const ynode *v,
		      enum kind forced, int default_date)
{
	size_t base = r->todo->n;
	push_list(r, field, v, forced, default_date);
	drain(r, base);
}

static void read_record(reader *r, const ynode *map, enum kind forced,
			int default_date, int *note_date)
{
	rg_yfields fs;
	rg_yfields_read(r->f, r->tmp, map, &fs);
	read_fields(r, map, &fs, forced, default_date, note_date);
}

/* The record of a mapping whose fields are already gathered. */
static void read_fields(reader *r, const ynode *map, const rg_yfields *fs,
			enum kind forced, int default_date, int *note_date)
{
	const char *tt;
	enum kind k = kind_of(r, fs, &tt);
	int line, col;
	place_of(map, &line, &col);
	if (note_date) {
		const ynode *dv = rg_yfields_get(fs, "date");
		int d;
		*note_date = dv && dv->type == RG_YSCALAR &&
					     rg_date_parse(dv->s, dv->slen, &d)
				     ? d
				     : RG_NODATE;
	}
	/* a list's kind, unless the item names its own */
	if (forced != K_NONE && rg_ynode_absent(rg_yfields_get(fs, "type")) &&
	    kind_of_tags(fs) == K_NONE)
		k = forced;
	/* the front matter date dates the note: a bad one is a warning
	 * (an interaction's own required date reports itself) */
	if (note_date && *note_date == RG_NODATE && k != K_INTER &&
	    !rg_ynode_absent(rg_yfields_get(fs, "date")))
		(void)rg_yval_date(r->f, "date", rg_yfields_get(fs, "date"),
				   false);
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
		int since = rg_yrecord_contact(r->f, fs, line, col);
		if (note_date && *note_date == RG_NODATE)
			*note_date = since;
		break;
	}
	case K_INTER: read_interaction(r, fs, map); break;
	case K_REFERRAL:
		rg_yrecord_referral(r->f, fs, line, col, default_date);
		break;
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
	rg_yfields fs;
	rg_yfields_read(r->f, r->tmp, root, &fs);
	if (!makes_record(&fs) && (rg_yfields_get(&fs, "referrals") ||
				   rg_yfields_get(&fs, "contacts") ||
				   rg_yfields_get(&fs, "interactions"))) {
		read_list(r, "referrals", rg_yfields_get(&fs, "referrals"),
			  K_REFERRAL, RG_NODATE);
		read_list(r, "contacts", rg_yfields_get(&fs, "contacts"),
			  K_CONTACT, RG_NODATE);
		read_list(r, "interactions",
			  rg_yfields_get(&fs, "interactions"), K_INTER,
			  RG_NODATE);
		return;
	}
	read_fields(r, root, &fs, K_NONE, RG_NODATE, NULL);
}

static void syntax_error(reader *r, const rg_yerror *e)
{
	if (e->why == RG_YE_DEPTH)
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

rg_yaml_rec_scratch *rg_yaml_rec_scratch_new(void)
{
	rg_yaml_rec_scratch *y = rg_calloc(1, sizeof *y);
	y->tree = rg_ytree_idle();
	y->tmp = rg_arena_new();
	return y;
}

void rg_yaml_rec_scratch_free(rg_yaml_rec_scratch *y)
{
	if (y == NULL)
		return;
	rg_ytree_free(y->tree);
	rg_arena_free(y->tmp);
	RG_VEC_FREE(y->todo);
	free(y);
}

size_t rg_yaml_rec_scratch_room(const rg_yaml_rec_scratch *y)
{
	return rg_ytree_room(y->tree) + rg_arena_room(y->tmp) +
	       y->todo.cap * sizeof *y->todo.v;
}

bool rg_yaml_rec_read_with(rg_yaml_rec_scratch *y, rg_file *f, const char *text,
			   size_t len, int line0, bool front_matter,
			   const rg_limits *lim, int *note_date)
{
	reader r = {f, y->tmp, lim, &y->todo};
	rg_ytree *t = y->tree;
	rg_ytree_start(t, text, len, line0, lim->max_depth);
	rg_ystep st;
	const ynode *root;
	if (note_date)
		*note_date = RG_NODATE;
	while ((st = rg_ytree_next(t, &root)) == RG_YDOC) {
		if (front_matter)
			read_front_matter(&r, root, note_date);
		else
			read_top(&r, root);
		drain(&r, 0);
		rg_arena_reset(r.tmp);
	}
	RG_VEC_EMPTY(y->todo);
	int sl, sc;
	if (rg_ytree_spent(t, &sl, &sc))
		rg_diag(&f->diags, f->path, sl, sc, RG_ERROR,
			"YAML aliases repeat more text than the file holds; "
			"this alias and later long ones are read as empty");
	if (st == RG_YERR)
		syntax_error(&r, rg_ytree_error(t));
	rg_ytree_stop(t);
	return st != RG_YERR;
}

bool rg_yaml_rec_read(rg_file *f, const char *text, size_t len, int line0,
		      bool front_matter, const rg_limits *lim, int *note_date)
{
	rg_yaml_rec_scratch *y = rg_yaml_rec_scratch_new();
	bool ok = rg_yaml_rec_read_with(y, f, text, len, line0, front_matter,
					lim, note_date);
	rg_yaml_rec_scratch_free(y);
	return ok;
}
