/*
 * yval: the values of YAML record fields (notes format section 2): single
 * values, lists, references, words and dates, each bad one a diagnostic
 * at its node that says what was done about it.
 */
#include "refgraph/yval.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "refgraph/date.h"
#include "refgraph/names.h"

void rg_yval_diag(rg_file *f, const rg_ynode *at, rg_level lv, const char *fmt,
		  ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = rg_vasprintf(fmt, ap);
	va_end(ap);
	rg_diag(&f->diags, f->path, at->line, at->col, lv, "%s", m);
	free(m);
}

/*
 * The text of a single value, or NULL when absent or not a single value
 * (reported).  An unquoted [[Name]] comes back as "[[Name]]".
 */
const char *rg_yval_text(rg_file *f, const char *field, const rg_ynode *v)
{
	if (rg_ynode_absent(v))
		return NULL;
	if (v->type == RG_YSCALAR)
		return rg_arena_strndup(f->arena, v->s, v->slen);
	if (rg_ynode_link_shaped(v)) {
		const rg_ynode *s = v->kids[0]->kids[0];
		char *t = rg_asprintf("[[%.*s]]", (int)s->slen, s->s);
		rg_yval_diag(f, v, RG_WARNING,
			     "%s: unquoted %s is a list in YAML; read as the "
			     "wiki-link "
			     "(write it in quotes: \"%s\")",
			     field, t, t);
		const char *res = rg_arena_strdup(f->arena, t);
		free(t);
		return res;
	}
	if (v->type == RG_YALIAS)
		rg_yval_diag(f, v, RG_WARNING,
			     "%s: an alias of a list or mapping is not "
			     "expanded; the "
			     "field is absent",
			     field);
	else
		rg_yval_diag(
			f, v, RG_WARNING,
			"%s: expected a single value, found a %s; the field is "
			"absent",
			field, v->type == RG_YSEQ ? "list" : "mapping");
	return NULL;
}

/*
 * Items of a list field (a single value is a one-item list, kept in *one:
 * files are read on several threads, so no static storage).
 */
size_t rg_yval_items(const rg_ynode *v, const rg_ynode **one,
		     const rg_ynode ***items)
{
	if (rg_ynode_absent(v))
		return 0;
	if (v->type == RG_YSEQ && !rg_ynode_link_shaped(v)) {
		*items = (const rg_ynode **)v->kids;
		return v->nkids;
	}
	*one = v;
	*items = one;
	return 1;
}

bool rg_yval_ref(rg_file *f, const char *field, const rg_ynode *v, rg_ref *out)
{
	const char *t = rg_yval_text(f, field, v);
	if (t == NULL)
		return false;
	size_t b, n;
	if (!rg_ref_target(t, strlen(t), &b, &n))
		return false;
	out->target = rg_arena_strndup(f->arena, t + b, n);
	out->line = v->line;
	out->col = v->col;
	return true;
}

size_t rg_yval_refs(rg_file *f, const char *field, const rg_ynode *v,
		    rg_ref **out)
{
	const rg_ynode **items, *one;
	size_t n = rg_yval_items(v, &one, &items);
	*out = NULL;
	if (n == 0)
		return 0;
	rg_ref *refs = rg_arena_alloc(f->arena, n * sizeof(rg_ref));
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (rg_yval_ref(f, field, items[i], &refs[k]))
			k++;
	*out = refs;
	return k;
}

size_t rg_yval_texts(rg_file *f, const char *field, const rg_ynode *v,
		     const char ***out, bool lower)
{
	const rg_ynode **items, *one;
	size_t n = rg_yval_items(v, &one, &items);
	*out = NULL;
	if (n == 0)
		return 0;
	const char **t = rg_arena_alloc(f->arena, n * sizeof(char *));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = rg_yval_text(f, field, items[i]);
		if (s == NULL)
			continue;
		size_t b, len;
		if (!rg_ref_target(s, strlen(s), &b, &len))
			continue;
		char *c = rg_arena_strndup(f->arena, s + b, len);
		if (lower)
			rg_ascii_lower(c, len);
		t[k++] = c;
	}
	*out = t;
	return k;
}

const char *rg_yval_trimmed(rg_file *f, const char *field, const rg_ynode *v)
{
	const char *t = rg_yval_text(f, field, v);
	if (t == NULL)
		return NULL;
	size_t b = 0, e = strlen(t);
	rg_trim(t, &b, &e);
	return e > b ? rg_arena_strndup(f->arena, t + b, e - b) : NULL;
}

int rg_yval_date(rg_file *f, const char *field, const rg_ynode *v, bool req)
{
	const char *t = rg_yval_text(f, field, v);
	int d;
	if (t == NULL)
		return RG_NODATE;
	if (rg_date_parse(t, strlen(t), &d))
		return d;
	rg_yval_diag(f, v, req ? RG_ERROR : RG_WARNING,
		     "%s: '%s' is not a date (YYYY-MM-DD); the field is absent",
		     field, t);
	return RG_NODATE;
}

bool rg_yval_is(const char *t, const char *w)
{
	return t && strcasecmp(t, w) == 0;
}
