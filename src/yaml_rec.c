/*
 * yaml_rec: libyaml events -> a per-document tree -> records.
 *
 * The tree is small and bounded: nesting deeper than the limit stops the
 * file, an alias shares the anchored scalar (a collection alias is not
 * expanded at all), so an alias bomb costs nothing.
 */
#include "refgraph/yaml_rec.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "refgraph/date.h"
#include "refgraph/names.h"

typedef enum { Y_SCALAR, Y_SEQ, Y_MAP, Y_ALIAS } ytype;

typedef struct ynode {
	ytype type;
	int line, col;
	const char *s; /* scalar text */
	size_t slen;
	struct ynode **kids; /* seq items; map: key, value, key, value ... */
	size_t nkids, cap;
} ynode;

typedef struct anchor {
	char *name;
	ynode *node;
} anchor;

typedef struct reader {
	rg_file *f;
	rg_arena *tmp; /* the tree of the document being read */
	const rg_limits *lim;
	int line0;
	RG_VEC(anchor) anchors;
} reader;

/* ---- the tree ---- */

static ynode *node_new(reader *r, ytype t, const yaml_mark_t *m)
{
	ynode *n = rg_arena_alloc(r->tmp, sizeof(ynode));
	memset(n, 0, sizeof *n);
	n->type = t;
	n->line = (int)m->line + r->line0;
	n->col = (int)m->column + 1;
	return n;
}

static void node_add(ynode *p, ynode *k)
{
	rg_grow((void **)&p->kids, &p->cap, p->nkids + 1, sizeof(ynode *));
	p->kids[p->nkids++] = k;
}

/* kids arrays are malloc'd (they grow); free them with the tree */
static void tree_free(ynode *n, int depth)
{
	if (n == NULL || n->type == Y_SCALAR || n->type == Y_ALIAS)
		return;
	if (n->cap == (size_t)-1) /* already freed (shared by an alias) */
		return;
	for (size_t i = 0; i < n->nkids; i++)
		if (depth < 100000)
			tree_free(n->kids[i], depth + 1);
	free(n->kids);
	n->kids = NULL;
	n->nkids = 0;
	n->cap = (size_t)-1;
}

static void set_anchor(reader *r, const yaml_char_t *name, ynode *n)
{
	if (name == NULL)
		return;
	for (size_t i = 0; i < r->anchors.n; i++)
		if (strcmp(r->anchors.v[i].name, (const char *)name) == 0) {
			r->anchors.v[i].node = n;
			return;
		}
	anchor *a = RG_VEC_PUSH(r->anchors);
	a->name = rg_strdup((const char *)name);
	a->node = n;
}

static void anchors_clear(reader *r)
{
	for (size_t i = 0; i < r->anchors.n; i++)
		free(r->anchors.v[i].name);
	r->anchors.n = 0;
}

static void syntax_error(reader *r, yaml_parser_t *p, const char *text,
			 size_t len)
{
	int line = (int)p->problem_mark.line;
	int col = (int)p->problem_mark.column + 1;
	/* keep the place inside the text: libyaml may point past its end */
	int nlines = 0;
	size_t last_start = 0;
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n') {
			nlines++;
			last_start = i + 1;
		}
	if (last_start < len)
		nlines++;
	if (nlines == 0)
		nlines = 1;
	if (line >= nlines) {
		line = nlines - 1;
		col = 1;
	}
	const char *what = p->problem ? p->problem : "invalid YAML";
	if (p->context)
		rg_diag(&r->f->diags, r->f->path, line + r->line0, col,
			RG_ERROR,
			"YAML syntax error: %s %s; the rest of the file is not "
			"read",
			p->context, what);
	else
		rg_diag(&r->f->diags, r->f->path, line + r->line0, col,
			RG_ERROR,
			"YAML syntax error: %s; the rest of the file is not "
			"read",
			what);
}

/*
 * Read one document's tree.  Returns 1 with *root set (NULL for an empty
 * document), 0 at the end of the stream, -1 on an error (reported).
 */
static int read_doc(reader *r, yaml_parser_t *p, ynode **root, const char *text,
		    size_t len)
{
	RG_VEC(ynode *) stack = {0};
	ynode *pending_root = NULL;
	int result = -1;
	*root = NULL;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(p, &ev)) {
			syntax_error(r, p, text, len);
			goto out;
		}
		ynode *n = NULL;
		bool done = false;
		switch (ev.type) {
		case YAML_STREAM_START_EVENT:
		case YAML_DOCUMENT_START_EVENT: break;
		case YAML_STREAM_END_EVENT:
			result = 0;
			done = true;
			break;
		case YAML_DOCUMENT_END_EVENT:
			*root = pending_root;
			result = 1;
			done = true;
			break;
		case YAML_SCALAR_EVENT:
			n = node_new(r, Y_SCALAR, &ev.start_mark);
			n->s = rg_arena_strndup(
				r->tmp, (const char *)ev.data.scalar.value,
				ev.data.scalar.length);
			n->slen = ev.data.scalar.length;
			set_anchor(r, ev.data.scalar.anchor, n);
			break;
		case YAML_ALIAS_EVENT: {
			ynode *t = NULL;
			for (size_t i = 0; i < r->anchors.n; i++)
				if (strcmp(r->anchors.v[i].name,
					   (const char *)
						   ev.data.alias.anchor) == 0)
					t = r->anchors.v[i].node;
			if (t && t->type == Y_SCALAR) {
				n = node_new(r, Y_SCALAR, &ev.start_mark);
				n->s = t->s; /* shared, not copied */
				n->slen = t->slen;
			} else {
				n = node_new(r, Y_ALIAS, &ev.start_mark);
			}
			break;
		}
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if ((int)stack.n >= r->lim->max_depth) {
				rg_diag(&r->f->diags, r->f->path,
					(int)ev.start_mark.line + r->line0,
					(int)ev.start_mark.column + 1, RG_ERROR,
					"YAML nested deeper than %d levels; "
					"the "
					"rest of the file is not read",
					r->lim->max_depth);
				yaml_event_delete(&ev);
				goto out;
			}
			n = node_new(r,
				     ev.type == YAML_SEQUENCE_START_EVENT
					     ? Y_SEQ
					     : Y_MAP,
				     &ev.start_mark);
			set_anchor(r,
				   ev.type == YAML_SEQUENCE_START_EVENT
					   ? ev.data.sequence_start.anchor
					   : ev.data.mapping_start.anchor,
				   n);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (stack.n > 0)
				stack.n--;
			break;
		default: break;
		}
		yaml_event_delete(&ev);
		if (n) {
			if (stack.n > 0)
				node_add(stack.v[stack.n - 1], n);
			else
				pending_root = n;
			if (n->type == Y_SEQ || n->type == Y_MAP) {
				/* an alias to a collection is never pushed */
				*RG_VEC_PUSH(stack) = n;
			}
		}
		if (done)
			break;
	}
out:
	RG_VEC_FREE(stack);
	if (result != 1 && pending_root) {
		tree_free(pending_root, 0);
	}
	return result;
}

/* ---- values ---- */

static bool is_null_text(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	return n == 0 || (n == 1 && s[0] == '~') ||
	       (n == 4 && strncasecmp(s, "null", 4) == 0);
}

static bool absent(const ynode *v)
{
	return v == NULL ||
	       (v->type == Y_SCALAR && is_null_text(v->s, v->slen));
}

/* [[Name]] unquoted: a flow list holding a list holding one scalar. */
static bool link_shaped(const ynode *v)
{
	return v && v->type == Y_SEQ && v->nkids == 1 &&
	       v->kids[0]->type == Y_SEQ && v->kids[0]->nkids == 1 &&
	       v->kids[0]->kids[0]->type == Y_SCALAR;
}

typedef struct ctx {
	reader *r;
	const char *field; /* the field being read, for messages */
} ctx;

static void diag(reader *r, const ynode *at, rg_level lv, const char *fmt, ...)
	RG_PRINTF(4, 5);

static void diag(reader *r, const ynode *at, rg_level lv, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = rg_vasprintf(fmt, ap);
	va_end(ap);
	rg_diag(&r->f->diags, r->f->path, at->line, at->col, lv, "%s", m);
	free(m);
}

/*
 * The text of a single value, or NULL when absent or not a single value
 * (reported).  An unquoted [[Name]] comes back as "[[Name]]".
 */
static const char *text_of(reader *r, const char *field, const ynode *v)
{
	if (absent(v))
		return NULL;
	if (v->type == Y_SCALAR)
		return rg_arena_strndup(r->f->arena, v->s, v->slen);
	if (link_shaped(v)) {
		const ynode *s = v->kids[0]->kids[0];
		char *t = rg_asprintf("[[%.*s]]", (int)s->slen, s->s);
		diag(r, v, RG_WARNING,
		     "%s: unquoted %s is a list in YAML; read as the wiki-link "
		     "(write it in quotes: \"%s\")",
		     field, t, t);
		const char *res = rg_arena_strdup(r->f->arena, t);
		free(t);
		return res;
	}
	if (v->type == Y_ALIAS)
		diag(r, v, RG_WARNING,
		     "%s: an alias of a list or mapping is not expanded; the "
		     "field is absent",
		     field);
	else
		diag(r, v, RG_WARNING,
		     "%s: expected a single value, found a %s; the field is "
		     "absent",
		     field, v->type == Y_SEQ ? "list" : "mapping");
	return NULL;
}

/*
 * Items of a list field (a single value is a one-item list, kept in *one:
 * files are read on several threads, so no static storage).
 */
static size_t list_of(const ynode *v, const ynode **one, const ynode ***items)
{
	if (absent(v))
		return 0;
	if (v->type == Y_SEQ && !link_shaped(v)) {
		*items = (const ynode **)v->kids;
		return v->nkids;
	}
	*one = v;
	*items = one;
	return 1;
}

static bool get_ref(reader *r, const char *field, const ynode *v, rg_ref *out)
{
	const char *t = text_of(r, field, v);
	if (t == NULL)
		return false;
	size_t b, n;
	if (!rg_names_ref_target(t, strlen(t), &b, &n))
		return false;
	out->target = rg_arena_strndup(r->f->arena, t + b, n);
	out->line = v->line;
	out->col = v->col;
	return true;
}

static size_t get_refs(reader *r, const char *field, const ynode *v,
		       rg_ref **out)
{
	const ynode **items, *one;
	size_t n = list_of(v, &one, &items);
	*out = NULL;
	if (n == 0)
		return 0;
	rg_ref *refs = rg_arena_alloc(r->f->arena, n * sizeof(rg_ref));
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (get_ref(r, field, items[i], &refs[k]))
			k++;
	*out = refs;
	return k;
}

static size_t get_texts(reader *r, const char *field, const ynode *v,
			const char ***out, bool lower)
{
	const ynode **items, *one;
	size_t n = list_of(v, &one, &items);
	*out = NULL;
	if (n == 0)
		return 0;
	const char **t = rg_arena_alloc(r->f->arena, n * sizeof(char *));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = text_of(r, field, items[i]);
		if (s == NULL)
			continue;
		size_t b, len;
		if (!rg_names_ref_target(s, strlen(s), &b, &len))
			continue;
		char *c = rg_arena_strndup(r->f->arena, s + b, len);
		if (lower)
			for (char *q = c; *q; q++)
				if (*q >= 'A' && *q <= 'Z')
					*q = (char)(*q - 'A' + 'a');
		t[k++] = c;
	}
	*out = t;
	return k;
}

static const char *get_trimmed(reader *r, const char *field, const ynode *v)
{
	const char *t = text_of(r, field, v);
	if (t == NULL)
		return NULL;
	size_t n = strlen(t);
	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	while (n > 0 && (*t == ' ' || *t == '\t')) {
		t++;
		n--;
	}
	return n ? rg_arena_strndup(r->f->arena, t, n) : NULL;
}

static int get_date(reader *r, const char *field, const ynode *v, bool req)
{
	const char *t = text_of(r, field, v);
	int d;
	if (t == NULL)
		return RG_NODATE;
	if (rg_date_parse(t, strlen(t), &d))
		return d;
	diag(r, v, req ? RG_ERROR : RG_WARNING,
	     "%s: '%s' is not a date (YYYY-MM-DD); the field is absent", field,
	     t);
	return RG_NODATE;
}

static bool word_is(const char *t, const char *w)
{
	return t && strcasecmp(t, w) == 0;
}

/* ---- records ---- */

enum kind { K_NONE, K_CONTACT, K_INTER, K_REFERRAL, K_OTHER };

static enum kind kind_of_type(const char *t)
{
	static const char *contact[] = {"contact", "person", "company",
					"organization", "organisation"};
	static const char *inter[] = {"interaction", "meeting", "call", "email",
				      "message",     "event",	"card"};
	for (size_t i = 0; i < sizeof contact / sizeof *contact; i++)
		if (word_is(t, contact[i]))
			return K_CONTACT;
	for (size_t i = 0; i < sizeof inter / sizeof *inter; i++)
		if (word_is(t, inter[i]))
			return K_INTER;
	if (word_is(t, "referral") || word_is(t, "introduction"))
		return K_REFERRAL;
	return K_OTHER;
}

/* The fields of one mapping, by lower-cased name, duplicates reported. */
#define MAXF 64
typedef struct fields {
	const char *name[MAXF];
	const ynode *key[MAXF];
	const ynode *val[MAXF];
	size_t n;
} fields;

static void fields_of(reader *r, const ynode *map, fields *fs)
{
	fs->n = 0;
	for (size_t i = 0; i + 1 < map->nkids; i += 2) {
		const ynode *k = map->kids[i], *v = map->kids[i + 1];
		if (k->type != Y_SCALAR)
			continue;
		char *name = rg_arena_strndup(r->tmp, k->s, k->slen);
		for (char *q = name; *q; q++)
			if (*q >= 'A' && *q <= 'Z')
				*q = (char)(*q - 'A' + 'a');
		bool dup = false;
		for (size_t j = 0; j < fs->n; j++)
			if (strcmp(fs->name[j], name) == 0) {
				diag(r, k, RG_ERROR,
				     "field '%s' given twice in one mapping "
				     "(first at line %d); the first is used",
				     name, fs->key[j]->line);
				dup = true;
				break;
			}
		if (dup)
			continue;
		if (fs->n == MAXF) {
			diag(r, k, RG_WARNING,
			     "more than %d fields in one mapping; '%s' and the "
			     "fields after it are ignored",
			     MAXF, name);
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
	return !absent(fget(fs, name));
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
	if (!absent(t)) {
		const char *tt = text_of(r, "type", t);
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
			diag(r, at, RG_ERROR,
			     "more than %zu records in one file; the rest are "
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
	c->id = get_trimmed(r, "id", fget(fs, "id"));
	c->name = get_trimmed(r, "name", fget(fs, "name"));
	c->naliases = get_texts(r, "aliases", fget(fs, "aliases"), &c->aliases,
				false);
	c->nroles = get_texts(r, "role", fget(fs, "role"), &c->roles, true);
	c->org = get_trimmed(r, "org", fget(fs, "org"));
	c->source = get_trimmed(r, "source", fget(fs, "source"));
	c->since = get_date(r, "since", fget(fs, "since"), false);
	c->last_contact =
		get_date(r, "last_contact", fget(fs, "last_contact"), false);
	const ynode *fe = fget(fs, "follow_up_every");
	const char *fet = text_of(r, "follow_up_every", fe);
	if (fet && !rg_duration_parse(fet, strlen(fet), &c->follow_days)) {
		diag(r, fe, RG_WARNING,
		     "follow_up_every: '%s' is not a duration (like 14d, 2w, "
		     "1m, 1y); the field is absent",
		     fet);
		c->follow_days = 0;
	}
	const char *rw = get_trimmed(r, "reward", fget(fs, "reward"));
	c->has_reward = rw && !word_is(rw, "none") && !word_is(rw, "no") &&
			!word_is(rw, "false");
	static const char *const by[] = {"referred_by", "introduced_by",
					 "met_through"};
	size_t total = 0;
	rg_ref *parts[3];
	size_t np[3];
	for (int i = 0; i < 3; i++) {
		np[i] = get_refs(r, by[i], fget(fs, by[i]), &parts[i]);
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

static void read_referral(reader *r, const fields *fs, const ynode *map,
			  int default_date)
{
	int line, col;
	place_of(map, &line, &col);
	rg_refrec m = {0};
	m.line = line;
	m.col = col;
	bool ok = true;
	if (!get_ref(r, "from", fget(fs, "from"), &m.from)) {
		rg_diag(&r->f->diags, r->f->path, line, col, RG_ERROR,
			"referral without 'from'; not used");
		ok = false;
	}
	if (!get_ref(r, "prospect", fget(fs, "prospect"), &m.prospect)) {
		rg_diag(&r->f->diags, r->f->path, line, col, RG_ERROR,
			"referral without 'prospect'; not used");
		ok = false;
	}
	get_ref(r, "to", fget(fs, "to"), &m.to);
	const ynode *dv = fget(fs, "date");
	if (absent(dv)) {
		m.date = default_date;
		if (m.date == RG_NODATE && ok)
			rg_diag(&r->f->diags, r->f->path, line, col, RG_ERROR,
				"referral without 'date'; used undated");
	} else {
		m.date = get_date(r, "date", dv, true);
	}
	const ynode *kv = fget(fs, "kind");
	const char *kt = text_of(r, "kind", kv);
	if (kt) {
		if (word_is(kt, "introduction"))
			m.kind = RG_KIND_INTRO;
		else if (word_is(kt, "lead"))
			m.kind = RG_KIND_LEAD;
		else
			diag(r, kv, RG_WARNING,
			     "kind: '%s' is neither 'introduction' nor 'lead'; "
			     "the field is absent",
			     kt);
		if (m.kind)
			m.writes |= RG_W_KIND;
	}
	const ynode *sv = fget(fs, "status");
	const char *st = text_of(r, "status", sv);
	if (st) {
		m.status = rg_status_parse(st, strlen(st));
		if (m.status == RG_ST_NONE)
			diag(r, sv, RG_ERROR,
			     "status: '%s' is not a status (new, contacted, "
			     "meeting, proposal, won, lost, declined, "
			     "unreachable); the field is absent",
			     st);
		else
			m.writes |= RG_W_STATUS;
	}
	m.closed = get_date(r, "closed", fget(fs, "closed"), false);
	if (m.closed != RG_NODATE)
		m.writes |= RG_W_CLOSED;
	const ynode *vv = fget(fs, "value");
	const char *vt = text_of(r, "value", vv);
	if (vt) {
		if (rg_number_parse(vt, strlen(vt), &m.value))
			m.writes |= RG_W_VALUE;
		else
			diag(r, vv, RG_ERROR,
			     "value: '%s' is not a number; the field is absent",
			     vt);
	}
	const ynode *tv = fget(fs, "thanked");
	const char *tt = text_of(r, "thanked", tv);
	m.thanked = RG_NODATE;
	if (tt) {
		/* a date, or true for the mention's own date */
		if (word_is(tt, "true"))
			m.thanked = m.date;
		else if (word_is(tt, "false"))
			m.thanked = RG_NODATE; /* said plainly: not thanked */
		else
			m.thanked = get_date(r, "thanked", tv, false);
	}
	m.informed = get_date(r, "informed", fget(fs, "informed"), false);
	const char *rt = text_of(r, "rewarded", fget(fs, "rewarded"));
	if (rt) {
		m.rewarded = !word_is(rt, "false") && !word_is(rt, "no");
		m.writes |= RG_W_REWARDED;
	}
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
	if (absent(v))
		return;
	if (v->type != Y_SEQ) {
		diag(r, v, RG_WARNING,
		     "%s: expected a list of records; ignored", field);
		return;
	}
	for (size_t i = 0; i < v->nkids; i++) {
		const ynode *it = v->kids[i];
		if (it->type != Y_MAP) {
			if (!absent(it))
				diag(r, it, RG_WARNING,
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
		*note_date = dv && dv->type == Y_SCALAR &&
					     rg_date_parse(dv->s, dv->slen, &d)
				     ? d
				     : RG_NODATE;
	}
	if (forced != K_NONE && absent(fget(&fs, "type")))
		k = forced;
	/* the front matter date dates the note: a bad one is a warning
	 * (an interaction's own required date reports itself) */
	if (note_date && *note_date == RG_NODATE && k != K_INTER &&
	    !absent(fget(&fs, "date")))
		(void)get_date(r, "date", fget(&fs, "date"), false);
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
		if (absent(dv)) {
			rg_diag(&r->f->diags, r->f->path, line, col, RG_ERROR,
				"interaction without 'date'; its contacts are "
				"not touched");
			in->date = RG_NODATE;
		} else {
			in->date = get_date(r, "date", dv, true);
		}
		int date = in->date;
		in->nwith = get_refs(r, "with", fget(&fs, "with"), &in->with);
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
	if (root == NULL || absent(root))
		return;
	if (root->type == Y_SEQ) {
		read_list(r, "list", root, K_NONE, RG_NODATE);
		return;
	}
	if (root->type != Y_MAP) {
		diag(r, root, RG_WARNING,
		     "document is not a mapping or a list of records; skipped");
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

bool rg_yaml_read(rg_file *f, const char *text, size_t len, int line0,
		  bool front_matter, const rg_limits *lim, int *note_date)
{
	reader r = {0};
	r.f = f;
	r.lim = lim;
	r.line0 = line0;
	yaml_parser_t p;
	bool ok = true;
	if (note_date)
		*note_date = RG_NODATE;
	if (!yaml_parser_initialize(&p))
		rg_oom();
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	for (;;) {
		ynode *root;
		r.tmp = rg_arena_new();
		int st = read_doc(&r, &p, &root, text, len);
		if (st == 1) {
			if (front_matter) {
				if (root && root->type == Y_MAP)
					read_record(&r, root, K_NONE, RG_NODATE,
						    note_date);
				else if (!absent(root))
					diag(&r, root, RG_WARNING,
					     "front matter is not a mapping; "
					     "the note has no fields");
			} else {
				read_top(&r, root);
			}
			tree_free(root, 0);
		}
		rg_arena_free(r.tmp);
		anchors_clear(&r);
		if (st == -1)
			ok = false;
		if (st != 1)
			break;
	}
	RG_VEC_FREE(r.anchors);
	yaml_parser_delete(&p);
	return ok;
}
