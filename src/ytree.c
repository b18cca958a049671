/*
 * ytree: libyaml events -> one bounded tree per document.
 *
 * Every node, string and child array of a document lives in the
 * document's arena, emptied whole at the next document: nothing is freed
 * node by node, so a tree of any depth or width costs no recursion to
 * free.  A child array grows by doubling inside the arena; the arrays it
 * outgrows stay there until the document ends, at most as much again.
 * Anchors are found through a hash table, so a document with many
 * anchors and aliases reads in linear time.
 *
 * A tree may read one text after another (rg_ytree_start): the arena,
 * the anchor table, yfast's events and the stack keep their room from
 * text to text, up to RG_SCRATCH_KEEP, so that a reader of many small
 * notes allocates next to nothing for them.
 *
 * A text of the flat shape most notes hold is read by yfast instead, and
 * libyaml is not even set up for it: both give the same events, which one
 * loop here turns into the tree, so the tree, its places and its limits
 * cannot differ between the two.
 */
#include "refgraph/ytree.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "refgraph/util.h"
#include "refgraph/yfast.h"

/*
 * What aliases may repeat beyond the text's own length: short anchors
 * used often (a name in every record) stay far inside, and a small file
 * still cannot make the readers do more than a mebibyte of extra work.
 */
#define ALIAS_SLACK ((size_t)1 << 20)

/* The first child array of a list or mapping: most hold a few items. */
#define KIDS_FIRST 4

typedef struct anchor {
	const char *name; /* NULL: an empty slot */
	rg_ynode *node;
} anchor;

/* The anchor table's slots kept from one document to the next. */
#define TAB_KEEP (RG_SCRATCH_KEEP / sizeof(anchor))

struct rg_ytree {
	yaml_parser_t *p;	/* libyaml's, kept from text to text */
	bool p_live;		/* p set up: libyaml reads the text */
	bool fast;		/* read by yfast */
	rg_yfast_events events; /* yfast's, all of the text */
	size_t next_event;
	const char *text;
	size_t len;
	int line0, max_depth;
	rg_arena *doc; /* the current document's nodes */
	anchor *tab;   /* open addressing, a power of two long */
	size_t tabcap, nanchors;
	RG_VEC(rg_ynode *) stack;
	size_t repeated; /* bytes of scalars repeated by aliases */
	bool skip_deep;	 /* too deep: the value skipped, not the stream */
	size_t skipping; /* lists and mappings open inside a skipped value */
	int deep_line, deep_col;   /* the first value skipped, or 0 */
	int spent_line, spent_col; /* the first alias read as empty, or 0 */
	rg_yerror err;
};

/* Every field that says how a text is being read back to its start. */
static void tree_start(rg_ytree *t, const char *text, size_t len, int line0,
		       int max_depth, bool try_fast)
{
	rg_ytree_stop(t);
	t->text = text;
	t->len = len;
	t->line0 = line0;
	t->max_depth = max_depth;
	t->next_event = 0;
	t->repeated = 0;
	t->skip_deep = false;
	t->skipping = 0;
	t->deep_line = t->deep_col = t->spent_line = t->spent_col = 0;
	memset(&t->err, 0, sizeof t->err);
	t->fast = try_fast && rg_yfast_scan(text, len, &t->events);
	if (t->fast)
		return;
	t->events.n = 0;
	if (t->p == NULL)
		t->p = rg_malloc(sizeof *t->p);
	/* (libyaml's parser is made for each text: the rarer path) */
	if (!yaml_parser_initialize(t->p))
		rg_oom();
	t->p_live = true;
	yaml_parser_set_input_string(t->p, (const unsigned char *)text, len);
}

rg_ytree *rg_ytree_idle(void)
{
	return rg_calloc(1, sizeof(rg_ytree));
}

void rg_ytree_start(rg_ytree *t, const char *text, size_t len, int line0,
		    int max_depth)
{
	tree_start(t, text, len, line0, max_depth, true);
}

rg_ytree *rg_ytree_new(const char *text, size_t len, int line0, int max_depth)
{
	rg_ytree *t = rg_ytree_idle();
	tree_start(t, text, len, line0, max_depth, true);
	return t;
}

rg_ytree *rg_ytree_new_slow(const char *text, size_t len, int line0,
			    int max_depth)
{
	rg_ytree *t = rg_ytree_idle();
	tree_start(t, text, len, line0, max_depth, false);
	return t;
}

bool rg_ytree_fast(const rg_ytree *t)
{
	return t->fast;
}

static void anchors_clear(rg_ytree *t);

void rg_ytree_stop(rg_ytree *t)
{
	if (t->p_live)
		yaml_parser_delete(t->p);
	t->p_live = false;
	if (t->doc)
		rg_arena_reset(t->doc);
	anchors_clear(t);
	RG_VEC_EMPTY(t->events);
	RG_VEC_EMPTY(t->stack);
	t->text = NULL;
	t->len = 0;
}

size_t rg_ytree_room(const rg_ytree *t)
{
	return rg_arena_room(t->doc) + t->tabcap * sizeof *t->tab +
	       t->events.cap * sizeof *t->events.v +
	       t->stack.cap * sizeof *t->stack.v + (t->p ? sizeof *t->p : 0);
}

void rg_ytree_free(rg_ytree *t)
{
	if (t == NULL)
		return;
	if (t->p_live)
		yaml_parser_delete(t->p);
	free(t->p);
	RG_VEC_FREE(t->events);
	rg_arena_free(t->doc);
	free(t->tab);
	RG_VEC_FREE(t->stack);
	free(t);
}

const rg_yerror *rg_ytree_error(const rg_ytree *t)
{
	return &t->err;
}

void rg_ytree_skip_deep(rg_ytree *t)
{
	t->skip_deep = true;
}

bool rg_ytree_deep(const rg_ytree *t, int *line, int *col)
{
	*line = t->deep_line;
	*col = t->deep_col;
	return t->deep_line != 0;
}

bool rg_ytree_spent(const rg_ytree *t, int *line, int *col)
{
	*line = t->spent_line;
	*col = t->spent_col;
	return t->spent_line != 0;
}

bool rg_ynode_absent(const rg_ynode *v)
{
	if (v == NULL)
		return true;
	if (v->type != RG_YSCALAR)
		return false;
	/* most values start with a printable ASCII byte that no trimmed
	 * `~` or `null` can start with: no need to trim them */
	unsigned char c = v->slen ? (unsigned char)v->s[0] : 0;
	if (c > ' ' && c < 0x7f && c != '~' && c != 'n' && c != 'N')
		return false;
	size_t b = 0, e = v->slen;
	rg_trim(v->s, &b, &e);
	return e == b || (e - b == 1 && v->s[b] == '~') ||
	       (e - b == 4 && strncasecmp(v->s + b, "null", 4) == 0);
}

bool rg_ynode_link_shaped(const rg_ynode *v)
{
	return v && v->type == RG_YSEQ && v->nkids == 1 &&
	       v->kids[0]->type == RG_YSEQ && v->kids[0]->nkids == 1 &&
	       v->kids[0]->kids[0]->type == RG_YSCALAR;
}

bool rg_ynode_equal(const rg_ynode *a, const rg_ynode *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	if (a->type != b->type || a->line != b->line || a->col != b->col ||
	    a->nkids != b->nkids || (a->s == NULL) != (b->s == NULL))
		return false;
	if (a->s && (a->slen != b->slen || memcmp(a->s, b->s, a->slen) != 0))
		return false;
	for (size_t i = 0; i < a->nkids; i++)
		if (!rg_ynode_equal(a->kids[i], b->kids[i]))
			return false;
	return true;
}

/* ---- anchors ---- */

static size_t hash(const char *s)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)h;
}

static anchor *slot(anchor *tab, size_t cap, const char *name)
{
	size_t i = hash(name) & (cap - 1);
	while (tab[i].name && strcmp(tab[i].name, name) != 0)
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

static void set_anchor(rg_ytree *t, const char *name, rg_ynode *n)
{
	if (name == NULL)
		return;
	if (2 * (t->nanchors + 1) > t->tabcap) {
		size_t cap = t->tabcap ? 2 * t->tabcap : 16;
		anchor *tab = rg_calloc(cap, sizeof *tab);
		for (size_t i = 0; i < t->tabcap; i++)
			if (t->tab[i].name)
				*slot(tab, cap, t->tab[i].name) = t->tab[i];
		free(t->tab);
		t->tab = tab;
		t->tabcap = cap;
	}
	anchor *a = slot(t->tab, t->tabcap, name);
	if (a->name == NULL) {
		a->name = rg_arena_strdup(t->doc, name);
		t->nanchors++;
	}
	a->node = n; /* a name anchored again means its latest node */
}

static rg_ynode *find_anchor(const rg_ytree *t, const char *name)
{
	if (t->tabcap == 0 || name == NULL)
		return NULL;
	return slot(t->tab, t->tabcap, name)->node;
}

/* Anchors are a document's own; their table keeps its room. */
static void anchors_clear(rg_ytree *t)
{
	if (t->tabcap > TAB_KEEP) {
		free(t->tab);
		t->tab = NULL;
		t->tabcap = 0;
	} else if (t->nanchors > 0) {
		memset(t->tab, 0, t->tabcap * sizeof *t->tab);
	}
	t->nanchors = 0;
}

/* ---- the tree ---- */

static rg_ynode *node_new(rg_ytree *t, rg_ytype type, const rg_yfast_event *ev)
{
	rg_ynode *n = rg_arena_alloc(t->doc, sizeof *n);
	memset(n, 0, sizeof *n);
	n->type = type;
	n->line = ev->line + t->line0;
	n->col = ev->col + 1;
	return n;
}

static void node_add(rg_ytree *t, rg_ynode *p, rg_ynode *k)
{
	if (p->nkids == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : KIDS_FIRST;
		rg_ynode **kids = rg_arena_alloc(t->doc, cap * sizeof *kids);
		if (p->nkids)
			memcpy(kids, p->kids, p->nkids * sizeof *kids);
		p->kids = kids;
		p->cap = cap;
	}
	p->kids[p->nkids++] = k;
}

/* The one place a syntax error is placed: inside the text, since libyaml
 * may point one line past its end. */
static void syntax_error(rg_ytree *t)
{
	int line = (int)t->p->problem_mark.line;
	int col = (int)t->p->problem_mark.column + 1;
	int nlines = 0;
	size_t last_start = 0;
	for (size_t i = 0; i < t->len; i++)
		if (t->text[i] == '\n') {
			nlines++;
			last_start = i + 1;
		}
	if (last_start < t->len || nlines == 0)
		nlines++;
	if (line >= nlines) {
		line = nlines - 1;
		col = 1;
	}
	t->err.line = line + t->line0;
	t->err.col = col;
	t->err.why = RG_YE_SYNTAX;
	t->err.problem = t->p->problem ? t->p->problem : "invalid YAML";
	t->err.context = t->p->context;
}

static void stop(rg_ytree *t, const rg_yfast_event *ev, rg_ywhy why)
{
	t->err.line = ev->line + t->line0;
	t->err.col = ev->col + 1;
	t->err.why = why;
	t->err.problem = t->err.context = NULL;
}

/*
 * An alias node.  An alias of a scalar shares its text, up to the budget;
 * past it the alias is an empty scalar (the field absent), so the rest of
 * the document, and the records read before, still stand.
 */
static rg_ynode *alias_node(rg_ytree *t, const rg_yfast_event *ev)
{
	rg_ynode *a = find_anchor(t, ev->anchor);
	if (a == NULL || a->type != RG_YSCALAR)
		return node_new(t, RG_YALIAS, ev);
	rg_ynode *n = node_new(t, RG_YSCALAR, ev);
	if (t->repeated + a->slen > t->len + ALIAS_SLACK) {
		if (t->spent_line == 0) {
			t->spent_line = n->line;
			t->spent_col = n->col;
		}
		n->s = "";
		return n;
	}
	t->repeated += a->slen;
	n->s = a->s; /* shared, not copied */
	n->slen = a->slen;
	return n;
}

/* Inside a value too deep to keep: only its nesting is followed. */
static void skip_event(rg_ytree *t, rg_yfast_kind kind)
{
	if (kind == RG_YF_SEQ || kind == RG_YF_MAP)
		t->skipping++;
	else if (kind == RG_YF_SEQ_END || kind == RG_YF_MAP_END)
		t->skipping--;
}

/* The node an event starts, or NULL; false when the stream must stop. */
static bool node_of(rg_ytree *t, const rg_yfast_event *ev, rg_ynode **out)
{
	rg_ynode *n = NULL;
	switch (ev->kind) {
	case RG_YF_SCALAR:
		n = node_new(t, RG_YSCALAR, ev);
		n->s = rg_arena_strndup(t->doc, ev->s, ev->slen);
		n->slen = ev->slen;
		set_anchor(t, ev->anchor, n);
		break;
	case RG_YF_ALIAS: n = alias_node(t, ev); break;
	case RG_YF_SEQ:
	case RG_YF_MAP: {
		bool seq = ev->kind == RG_YF_SEQ;
		if ((int)t->stack.n >= t->max_depth && !t->skip_deep) {
			stop(t, ev, RG_YE_DEPTH);
			return false;
		}
		n = node_new(t, seq ? RG_YSEQ : RG_YMAP, ev);
		if ((int)t->stack.n >= t->max_depth) {
			/* an empty stand-in, its events passed over */
			t->skipping = 1;
			if (t->deep_line == 0) {
				t->deep_line = n->line;
				t->deep_col = n->col;
			}
			break;
		}
		set_anchor(t, ev->anchor, n);
		break;
	}
	case RG_YF_SEQ_END:
	case RG_YF_MAP_END:
		if (t->stack.n > 0)
			t->stack.n--;
		break;
	default: break;
	}
	*out = n;
	return true;
}

/* libyaml's event as the tree reads it (pointing into ev). */
static void from_libyaml(const yaml_event_t *ev, rg_yfast_event *e)
{
	static const rg_yfast_kind kinds[] = {
		[YAML_SCALAR_EVENT] = RG_YF_SCALAR,
		[YAML_ALIAS_EVENT] = RG_YF_ALIAS,
		[YAML_SEQUENCE_START_EVENT] = RG_YF_SEQ,
		[YAML_MAPPING_START_EVENT] = RG_YF_MAP,
		[YAML_SEQUENCE_END_EVENT] = RG_YF_SEQ_END,
		[YAML_MAPPING_END_EVENT] = RG_YF_MAP_END,
		[YAML_DOCUMENT_END_EVENT] = RG_YF_DOC_END,
		[YAML_STREAM_END_EVENT] = RG_YF_STREAM_END,
	}; /* the rest: RG_YF_OTHER */
	memset(e, 0, sizeof *e);
	e->kind = kinds[ev->type];
	e->line = (int)ev->start_mark.line;
	e->col = (int)ev->start_mark.column;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		e->s = (const char *)ev->data.scalar.value;
		e->slen = ev->data.scalar.length;
		e->anchor = (const char *)ev->data.scalar.anchor;
		break;
	case YAML_ALIAS_EVENT:
		e->anchor = (const char *)ev->data.alias.anchor;
		break;
	case YAML_SEQUENCE_START_EVENT:
		e->anchor = (const char *)ev->data.sequence_start.anchor;
		break;
	case YAML_MAPPING_START_EVENT:
		e->anchor = (const char *)ev->data.mapping_start.anchor;
		break;
	default: break;
	}
}

/*
 * The next event, yfast's or libyaml's (then *ev is to be deleted once
 * e is read); false at a syntax error.
 */
static bool next_event(rg_ytree *t, yaml_event_t *ev, rg_yfast_event *e)
{
	if (t->fast) {
		*e = t->events.v[t->next_event];
		/* the stream's end stays the answer */
		if (e->kind != RG_YF_STREAM_END)
			t->next_event++;
		return true;
	}
	if (!yaml_parser_parse(t->p, ev)) {
		/* libyaml out of memory is no fault of the note */
		if (t->p->error == YAML_MEMORY_ERROR)
			rg_oom();
		return false;
	}
	from_libyaml(ev, e);
	return true;
}

rg_ystep rg_ytree_next(rg_ytree *t, const rg_ynode **root)
{
	rg_ynode *top = NULL;
	if (t->doc == NULL)
		t->doc = rg_arena_new();
	else
		rg_arena_reset(t->doc);
	anchors_clear(t);
	t->stack.n = 0;
	t->skipping = 0;
	*root = NULL;
	for (;;) {
		yaml_event_t ev;
		rg_yfast_event e;
		if (!next_event(t, &ev, &e)) {
			syntax_error(t);
			*root = top;
			return RG_YERR;
		}
		if (t->skipping > 0) {
			skip_event(t, e.kind);
			if (!t->fast)
				yaml_event_delete(&ev);
			continue;
		}
		rg_ynode *n;
		bool ok = node_of(t, &e, &n);
		if (!t->fast)
			yaml_event_delete(&ev);
		if (!ok) {
			*root = top;
			return RG_YERR;
		}
		if (e.kind == RG_YF_STREAM_END)
			return RG_YEND;
		if (e.kind == RG_YF_DOC_END) {
			*root = top;
			return RG_YDOC;
		}
		if (n == NULL)
			continue;
		if (t->stack.n > 0)
			node_add(t, t->stack.v[t->stack.n - 1], n);
		else
			top = n;
		if ((n->type == RG_YSEQ || n->type == RG_YMAP) &&
		    t->skipping == 0)
			*RG_VEC_PUSH(t->stack) = n;
	}
}
