/*
 * out_json: the machine-readable report, one object per run, one row per
 * line.  Strings are JSON-escaped, control characters (C0, DEL, C1) and
 * the line and paragraph separators as \uXXXX; bytes that are not UTF-8
 * become U+FFFD so the output is always valid JSON.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "refgraph/date.h"
#include "refgraph/previous.h"
#include "refgraph/render.h"

static void jstr(rg_buf *b, const char *s)
{
	rg_buf_put_json(b, s);
}

static void jvalue(rg_buf *b, const rg_table *t, size_t row, size_t col)
{
	size_t i = row * t->ncols + col;
	if (t->nulls[i])
		rg_buf_puts(b, "null");
	else if (RG_CT_IS_NUMBER(t->types[col]))
		rg_buf_puts(b, t->cells[i]);
	else
		jstr(b, t->cells[i]);
}

/* Each column's key as a row writes it: `"key": `, after ", " but the
 * first; made once per table, not once per row. */
static rg_buf *jkeys(const rg_table *t)
{
	rg_buf *k = rg_calloc(t->ncols ? t->ncols : 1, sizeof *k);
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			rg_buf_puts(&k[c], ", ");
		jstr(&k[c], t->cols[c]);
		rg_buf_puts(&k[c], ": ");
	}
	return k;
}

static void jkeys_free(rg_buf *k, size_t n)
{
	for (size_t c = 0; c < n; c++)
		rg_buf_free(&k[c]);
	free(k);
}

/* One row as an object on one line: {"key": value, ...} */
static void jobject(rg_buf *b, const rg_table *t, size_t row,
		    const rg_buf *keys)
{
	rg_buf_putc(b, '{');
	for (size_t c = 0; c < t->ncols; c++) {
		rg_buf_put(b, keys[c].s, keys[c].len);
		jvalue(b, t, row, c);
	}
	rg_buf_putc(b, '}');
}

/* A table's rows as an array, each row one line indented by ind. */
static void jrows(rg_buf *b, const rg_table *t, const char *ind)
{
	if (t->nrows == 0) {
		rg_buf_puts(b, "[]");
		return;
	}
	rg_buf *keys = jkeys(t);
	rg_buf_puts(b, "[\n");
	for (size_t i = 0; i < t->nrows; i++) {
		if (i)
			rg_buf_puts(b, ",\n");
		rg_buf_spill(b);
		rg_buf_puts(b, ind);
		rg_buf_puts(b, "  ");
		jobject(b, t, i, keys);
	}
	rg_buf_printf(b, "\n%s]", ind);
	jkeys_free(keys, t->ncols);
}

/* Compared with an earlier report: how many rows of each are new. */
static void put_digest(rg_buf *b, const rg_report *r)
{
	char *line = rg_previous_line(r);
	if (line == NULL)
		return;
	rg_digest dg;
	rg_previous_digest(r, &dg);
	char since[11];
	rg_date_format(r->previous_today, since);
	rg_buf_printf(b, ",\n  \"digest\": {\"since\": \"%s\"", since);
	const struct {
		bool has;
		const char *key;
		size_t n;
	} k[] = {
		{r->has_followups, "followups", dg.followups},
		{r->has_sources, "sources", dg.sources},
		{r->has_uncredited, "uncredited", dg.uncredited},
		{r->has_reciprocity, "reciprocity", dg.reciprocity},
		{r->has_asks, "asks", dg.asks},
	};
	for (size_t i = 0; i < sizeof k / sizeof *k; i++)
		if (k[i].has)
			rg_buf_printf(b, ", \"%s\": %zu", k[i].key, k[i].n);
	rg_buf_puts(b, ", \"text\": ");
	jstr(b, line);
	rg_buf_putc(b, '}');
	free(line);
}

void rg_render_json(rg_buf *b, const rg_report *r, const rg_graph *g,
		    const rg_render_opts *o)
{
	(void)g;
	char today[11];
	rg_date_format(r->today, today);
	rg_buf_printf(b, "{\n  \"today\": \"%s\"", today);
	put_digest(b, r);
	rg_table t[RG_NREPORTS];
	size_t n = rg_tables(t, r, false, o);
	for (size_t k = 0; k < n; k++) {
		/* members of one object (show) are consecutive tables */
		const char *grp = t[k].group;
		bool first = grp && (k == 0 || t[k - 1].group == NULL ||
				     strcmp(t[k - 1].group, grp) != 0);
		bool last = grp && (k + 1 == n || t[k + 1].group == NULL ||
				    strcmp(t[k + 1].group, grp) != 0);
		const char *ind = grp ? "    " : "  ";
		if (first)
			rg_buf_printf(b, ",\n  \"%s\": {", grp);
		rg_buf_printf(b, "%s\n%s\"%s\": ", first ? "" : ",", ind,
			      t[k].key);
		rg_table_fill(&t[k]);
		if (t[k].single) {
			rg_buf *keys = jkeys(&t[k]);
			jobject(b, &t[k], 0, keys);
			jkeys_free(keys, t[k].ncols);
		} else
			jrows(b, &t[k], ind);
		rg_table_drop(&t[k]);
		if (last)
			rg_buf_puts(b, "\n  }");
	}
	rg_tables_free(t, n);
	rg_buf_puts(b, "\n}\n");
}
