/*
 * md_scan: a Markdown body -> inline fields, tasks and the body's links:
 * the driver of the reader's modules (md_line.h lists them).  md_mask
 * blanks what is not read in a copy of the body and finds the task
 * items; each line of that copy is then read for its wiki-links and
 * fields, and each task item after the lines.
 */
#include "refgraph/md_scan.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/md_fields.h"
#include "refgraph/md_line.h"
#include "refgraph/md_mask.h"
#include "refgraph/md_task.h"

static _Thread_local size_t last_work;

size_t rg_md_scan_work(void)
{
	return last_work;
}

/* The wiki-links of the line at body bytes [b, e), into the file's list. */
static void line_links(rg_md_line *L, size_t b, size_t e)
{
	size_t from = 0;
	rg_ref r;
	while (rg_md_line_next_link(L, L->m + b, e - b, &from, &r))
		*RG_VEC_PUSH(L->f->links) = r;
}

static bool has_fields(const char *s, size_t n)
{
	for (const char *p = memchr(s, ':', n); p && p + 1 < s + n;
	     p = memchr(p + 1, ':', n - (size_t)(p + 1 - s)))
		if (p[1] == ':')
			return true;
	return false;
}

static void scan_line(rg_md_line *L, size_t b, size_t e, int note_date,
		      bool after_text)
{
	rg_md_mask_definition(L->m + b, e - b, after_text);
	if (L->mm != L->m) /* its bytes that decide are ASCII: the same */
		rg_md_mask_definition(L->mm + b, e - b, after_text);
	if (memchr(L->m + b, '[', e - b) != NULL)
		line_links(L, b, e);
	/* every field's key ends in "::": pcre2 need not look otherwise */
	if (has_fields(L->m + b, e - b))
		rg_md_fields_line(L, b, e, note_date);
}

static void read_lines(rg_md_line *L, int note_date, const rg_limits *lim)
{
	bool after_text = false; /* the line before holds text */
	for (size_t i = 0; i < L->starts.n; i++) {
		size_t b, e;
		rg_md_line_span(L, i, &b, &e);
		if (e - b > lim->max_line) {
			rg_diag(&L->f->diags, L->f->path, (int)i + L->line0, 1,
				RG_WARNING,
				"line longer than %zu bytes; not read",
				lim->max_line);
			continue;
		}
		scan_line(L, b, e, note_date, after_text);
		after_text = false;
		for (size_t k = b; k < e && !after_text; k++)
			after_text =
				!rg_md_line_blank(L->m[k]) && L->m[k] != '\r';
	}
}

/* What a thread reads Markdown with, kept from body to body. */
struct rg_md_scan_scratch {
	rg_buf mask;	   /* the masked copy */
	rg_md_items tasks; /* the task items md_mask found */
	rg_md_line L;	   /* the line reader, with its own room */
};

rg_md_scan_scratch *rg_md_scan_scratch_new(void)
{
	return rg_calloc(1, sizeof(rg_md_scan_scratch));
}

void rg_md_scan_scratch_free(rg_md_scan_scratch *sc)
{
	if (sc == NULL)
		return;
	rg_buf_free(&sc->mask);
	RG_VEC_FREE(sc->tasks);
	rg_md_line_free(&sc->L);
	free(sc);
}

size_t rg_md_scan_scratch_room(const rg_md_scan_scratch *sc)
{
	return sc->mask.cap + sc->tasks.cap * sizeof *sc->tasks.v +
	       rg_md_line_room(&sc->L);
}

void rg_md_scan_with(rg_md_scan_scratch *sc, rg_file *f, const char *body,
		     size_t len, int line0, int note_date, const rg_limits *lim)
{
	rg_md_line *L = &sc->L;
	char *m = rg_md_mask_into(&sc->mask, body, len, &sc->tasks);
	rg_md_line_start(L, f, body, m, len, line0);
	read_lines(L, note_date, lim);
	for (size_t i = 0; i < sc->tasks.n; i++)
		rg_md_task_read(L, &sc->tasks.v[i], lim);
	last_work = L->work;
	rg_md_line_stop(L);
	RG_VEC_EMPTY(sc->tasks);
	rg_buf_empty(&sc->mask);
}

void rg_md_scan(rg_file *f, const char *body, size_t len, int line0,
		int note_date, const rg_limits *lim)
{
	rg_md_scan_scratch *sc = rg_md_scan_scratch_new();
	rg_md_scan_with(sc, f, body, len, line0, note_date, lim);
	rg_md_scan_scratch_free(sc);
}
