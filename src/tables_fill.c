/*
 * tables_fill: a report's description (tables_desc.h) and its rows into a
 * table of text: the columns picked for people or for machines, and the
 * cells, made when a renderer reaches the table (rg_table_fill) and
 * dropped after (rg_table_drop), so one report's cells are held at a time.
 * A cell points to the text the report holds; the table's arena has only
 * the text written here (numbers, dates, places for people, actions).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/tables_desc.h"

/* YYYY-MM-DD and its NUL */
#define DATE_SIZE 11
/* "-2147483648" and its NUL */
#define INT_TEXT 12
/* more columns than any report has */
#define MAXCOLS 32

/* ---- writing values ---- */

static void read_value(const rg_tables_col *c, const void *row,
		       rg_tables_value *v)
{
	memset(v, 0, sizeof *v);
	const char *p = (const char *)row + c->off;
	if (c->get) {
		c->get(row, v);
		v->null = v->null || (v->s == NULL && (c->type == RG_CT_TEXT ||
						       c->type == RG_CT_NAME));
		return;
	}
	if (c->has != RG_TABLES_ALWAYS &&
	    !*(const bool *)((const char *)row + c->has)) {
		v->null = true;
		return;
	}
	switch (c->type) {
	case RG_CT_TEXT:
	case RG_CT_NAME:
	case RG_CT_PLACE:
		memcpy(&v->s, p, sizeof v->s);
		v->null = v->s == NULL;
		break;
	case RG_CT_INT:
	case RG_CT_DAYS:
	case RG_CT_DATE: {
		int i;
		memcpy(&i, p, sizeof i);
		v->n = i;
		v->null = c->type == RG_CT_DATE && i == RG_NODATE;
		break;
	}
	case RG_CT_NUM:
	case RG_CT_SHARE: memcpy(&v->n, p, sizeof v->n); break;
	case RG_CT_BOOL: {
		bool yes;
		memcpy(&yes, p, sizeof yes);
		v->n = yes;
		break;
	}
	}
}

/* A whole number's digits into out (room for any int and its sign). */
static void int_text(int n, char out[INT_TEXT])
{
	char tmp[INT_TEXT];
	size_t k = 0, o = 0;
	/* unsigned: -INT_MIN does not fit an int */
	unsigned u = n < 0 ? 0u - (unsigned)n : (unsigned)n;
	do {
		tmp[k++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (n < 0)
		out[o++] = '-';
	while (k)
		out[o++] = tmp[--k];
	out[o] = '\0';
}

/*
 * A cell's text.  Text the report already holds (names, places, task
 * texts; they live as long as the report) and constant text are pointed
 * to, not copied; text made here (whole numbers, dates, places for
 * people, computed values) is written into the table's arena, freed at
 * once, and whole numbers and dates without a malloc each (the
 * formatters' output for them is the same); the rest goes through
 * rg_fmt_human or rg_fmt_machine.
 */
static const char *cell_text(rg_arena *a, const rg_tables_col *c,
			     const void *row, bool human, bool *null)
{
	rg_tables_value v;
	read_value(c, row, &v);
	*null = v.null;
	char buf[INT_TEXT > DATE_SIZE ? INT_TEXT : DATE_SIZE];
	const char *s;
	if (v.null) {
		s = human && c->none ? c->none : "";
	} else if (c->type == RG_CT_TEXT || c->type == RG_CT_NAME ||
		   (!human && c->type == RG_CT_PLACE)) {
		s = v.own ? rg_arena_strdup(a, v.s) : v.s;
	} else if (c->type == RG_CT_INT || (!human && c->type == RG_CT_DAYS)) {
		int_text((int)v.n, buf);
		s = rg_arena_strdup(a, buf);
	} else if (human && c->type == RG_CT_PLACE) { /* path:line */
		int_text((int)v.n, buf);
		size_t n = strlen(v.s), k = strlen(buf);
		char *p = rg_arena_alloc(a, n + 1 + k + 1);
		memcpy(p, v.s, n);
		p[n] = ':';
		memcpy(p + n + 1, buf, k + 1);
		s = p;
	} else if (c->type == RG_CT_DATE) {
		rg_date_format((int)v.n, buf);
		s = rg_arena_strdup(a, buf);
	} else {
		char *m = human ? rg_fmt_human(c->type, v.s, v.n)
				: rg_fmt_machine(c->type, v.s, v.n);
		s = rg_arena_strdup(a, m);
		free(m);
	}
	free(v.own);
	return s;
}

/* ---- building the tables ---- */

/* The columns a table shows, in order: people's by pos, else all with a
 * key in list order.  Returns how many. */
static size_t pick(const rg_tables_desc *d, bool human, size_t *idx)
{
	size_t n = 0;
	if (!human) {
		for (size_t c = 0; c < d->ncols; c++)
			if (d->cols[c].key)
				idx[n++] = c;
		return n;
	}
	for (unsigned pos = 1; pos < MAXCOLS; pos++)
		for (size_t c = 0; c < d->ncols; c++)
			if (d->cols[c].header && d->cols[c].pos == pos)
				idx[n++] = c;
	return n;
}

/* The columns' arrays of a table of ncols columns and nrows rows. */
static void table_alloc(rg_table *t, size_t ncols, size_t nrows)
{
	t->ncols = ncols;
	t->nrows = nrows;
	t->cols = rg_calloc(ncols ? ncols : 1, sizeof(char *));
	t->types = rg_calloc(ncols ? ncols : 1, sizeof(rg_ctype));
	t->right = rg_calloc(ncols ? ncols : 1, sizeof(bool));
	t->detail = rg_calloc(ncols ? ncols : 1, sizeof(bool));
}

/* Its cells' arrays, empty. */
static void cells_alloc(rg_table *t)
{
	size_t cells = t->ncols * (t->nrows ? t->nrows : 1);
	t->cells = rg_calloc(cells, sizeof(const char *));
	t->nulls = rg_calloc(cells, sizeof(bool));
	t->emph = rg_calloc(t->nrows ? t->nrows : 1, sizeof(int));
	t->arena = rg_arena_new();
}

/* One row per column, for people: the summary as a key/value block. */
static void build_pairs(rg_table *t, const rg_tables_desc *d, const void *row)
{
	size_t idx[MAXCOLS];
	size_t n = pick(d, true, idx);
	table_alloc(t, 2, n);
	cells_alloc(t);
	t->cols[0] = "Measure";
	t->cols[1] = "Value";
	t->types[0] = RG_CT_TEXT;
	t->types[1] = RG_CT_NUM;
	t->right[1] = true;
	for (size_t i = 0; i < n; i++) {
		const rg_tables_col *c = &d->cols[idx[i]];
		t->cells[i * 2] = c->header;
		t->cells[i * 2 + 1] =
			cell_text(t->arena, c, row, true, &t->nulls[i * 2 + 1]);
	}
}

/* ---- the mark of a new row (compared with an earlier report) ---- */

#define NO_MARK ((size_t)-1)

/* Where a report's rows keep is_new, or NO_MARK for one never compared. */
static size_t new_field(const rg_tables_desc *d)
{
	return d->new_off ? d->new_off - 1 : NO_MARK;
}

/*
 * Only a compared report has the column, so a plain run's output is as
 * it was: machines get "new" (true or false) last, people a "new" mark
 * first, where the eye starts.
 */
static void put_mark(rg_table *t, size_t col, bool human, const char *rows,
		     size_t row_size, size_t off)
{
	for (size_t i = 0; i < t->nrows; i++) {
		bool yes;
		memcpy(&yes, rows + i * row_size + off, sizeof yes);
		t->cells[i * t->ncols + col] =
			human ? (yes ? "new" : "") : (yes ? "true" : "false");
		/* people: no mark is nothing to say (a calendar leaves it
		 * out of an event's description) */
		t->nulls[i * t->ncols + col] = human && !yes;
	}
}

/* Where a table's columns come from: the report's columns in the order
 * picked, after the new mark when people see one first. */
typedef struct plan {
	const rg_tables_desc *d;
	const rg_report *r;
	bool human;
	size_t idx[MAXCOLS], ncols, at, off;
} plan;

void rg_tables_build(rg_table *t, const rg_tables_desc *d, const rg_report *r,
		     bool human)
{
	size_t nrows;
	const char *rows = d->rows(r, &nrows);
	if (d->pairs && human) {
		build_pairs(t, d, rows);
		return;
	}
	plan *p = rg_calloc(1, sizeof *p);
	p->d = d;
	p->r = r;
	p->human = human;
	p->ncols = pick(d, human, p->idx);
	p->off = r->has_previous ? new_field(d) : NO_MARK;
	size_t mark = p->off != NO_MARK;
	p->at = human ? mark : 0;
	table_alloc(t, p->ncols + mark, nrows);
	for (size_t k = 0; k < p->ncols; k++) {
		const rg_tables_col *c = &d->cols[p->idx[k]];
		t->cols[p->at + k] = human ? c->header : c->key;
		t->types[p->at + k] = c->type;
		t->right[p->at + k] =
			RG_CT_IS_NUMBER(c->type) && c->type != RG_CT_BOOL;
		t->detail[p->at + k] = human && c->detail;
	}
	if (mark) { /* the mark's column (put_mark fills it) */
		size_t col = human ? 0 : p->ncols;
		t->cols[col] = human ? "New" : "new";
		t->types[col] = human ? RG_CT_TEXT : RG_CT_BOOL;
	}
	t->plan = p;
}

void rg_table_fill(rg_table *t)
{
	const plan *p = t->plan;
	if (p == NULL || t->cells != NULL)
		return;
	size_t nrows;
	const char *rows = p->d->rows(p->r, &nrows);
	cells_alloc(t);
	for (size_t i = 0; i < t->nrows; i++) {
		const void *row = rows + i * p->d->row_size;
		t->emph[i] = p->d->emph ? p->d->emph(row) : 0;
		for (size_t k = 0; k < p->ncols; k++) {
			size_t at = i * t->ncols + p->at + k;
			t->cells[at] =
				cell_text(t->arena, &p->d->cols[p->idx[k]], row,
					  p->human, &t->nulls[at]);
		}
	}
	if (p->off != NO_MARK)
		put_mark(t, p->human ? 0 : p->ncols, p->human, rows,
			 p->d->row_size, p->off);
}

static void cells_free(rg_table *t)
{
	rg_arena_free(t->arena);
	free((void *)t->cells);
	free(t->nulls);
	free(t->emph);
	t->arena = NULL;
	t->cells = NULL;
	t->nulls = NULL;
	t->emph = NULL;
}

void rg_table_drop(rg_table *t)
{
	if (t->plan) /* a table that cannot be filled again keeps its cells */
		cells_free(t);
}

void rg_tables_free(rg_table *t, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		cells_free(&t[k]);
		free(t[k].plan);
		free(t[k].title);
		free(t[k].cols);
		free(t[k].types);
		free(t[k].right);
		free(t[k].detail);
	}
}
