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
#include "refgraph/value.h"

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

size_t rg_yval_list(rg_file *f, const char *field, const rg_ynode *v,
		    rg_yitem **out)
{
	*out = NULL;
	if (rg_ynode_absent(v))
		return 0;
	if (v->type == RG_YSEQ && !rg_ynode_link_shaped(v)) {
		rg_yitem *it =
			rg_arena_alloc(f->arena, (v->nkids + 1) * sizeof *it);
		size_t k = 0;
		for (size_t i = 0; i < v->nkids; i++) {
			it[k].s = rg_yval_text(f, field, v->kids[i]);
			it[k].at = v->kids[i];
			k += it[k].s != NULL; /* never split */
		}
		*out = it;
		return k;
	}
	const char *t = rg_yval_text(f, field, v);
	if (t == NULL)
		return 0;
	size_t n = strlen(t), pos = 0, b, e, k = 0, cap = 1;
	for (size_t i = 0; i < n; i++)
		cap += t[i] == ',';
	rg_yitem *it = rg_arena_alloc(f->arena, cap * sizeof *it);
	if (rg_ynode_link_shaped(v)) {
		it[k].s = t;
		it[k++].at = v;
	} else {
		while (rg_value_item(t, n, &pos, &b, &e)) {
			it[k].s = rg_arena_strndup(f->arena, t + b, e - b);
			it[k++].at = v;
		}
	}
	*out = it;
	return k;
}

bool rg_yval_ref(rg_file *f, const char *field, const rg_ynode *v, rg_ref *out)
{
	const char *t = rg_yval_text(f, field, v);
	if (t == NULL)
		return false;
	size_t b, n;
	if (!rg_names_ref_target(t, strlen(t), &b, &n))
		return false;
	out->target = rg_arena_strndup(f->arena, t + b, n);
	out->line = v->line;
	out->col = v->col;
	return true;
}

size_t rg_yval_refs(rg_file *f, const char *field, const rg_ynode *v,
		    rg_ref **out)
{
	rg_yitem *it;
	size_t n = rg_yval_list(f, field, v, &it), k = 0;
	rg_ref *refs = n ? rg_arena_alloc(f->arena, n * sizeof *refs) : NULL;
	for (size_t i = 0; i < n; i++) {
		size_t b, len;
		if (!rg_names_ref_target(it[i].s, strlen(it[i].s), &b, &len))
			continue;
		refs[k].target = rg_arena_strndup(f->arena, it[i].s + b, len);
		refs[k].line = it[i].at->line;
		refs[k++].col = it[i].at->col;
	}
	*out = refs;
	return k;
}

size_t rg_yval_texts(rg_file *f, const char *field, const rg_ynode *v,
		     const char ***out, bool lower)
{
	rg_yitem *it;
	size_t n = rg_yval_list(f, field, v, &it), k = 0;
	const char **t = n ? rg_arena_alloc(f->arena, n * sizeof *t) : NULL;
	for (size_t i = 0; i < n; i++) {
		size_t b, len;
		if (!rg_names_ref_target(it[i].s, strlen(it[i].s), &b, &len))
			continue;
		char *c = rg_arena_strndup(f->arena, it[i].s + b, len);
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
	rg_yval_diag(
		f, v, req ? RG_ERROR : RG_WARNING,
		"%s: '%s' is not a date; write YYYY-MM-DD, optionally with "
		"a time such as 2026-11-03 9:30 (the field is absent)",
		field, t);
	return RG_NODATE;
}

bool rg_yval_is(const char *t, const char *w)
{
	return t && strcasecmp(t, w) == 0;
}
