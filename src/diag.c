/*
 * diag: the one place diagnostics are made, sorted and printed.
 */
#include "refgraph/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void rg_diag(rg_diags *d, const char *path, int line, int col, rg_level lv,
	     const char *fmt, ...)
{
	rg_diag_item *it = RG_VEC_PUSH(d->items);
	va_list ap;
	va_start(ap, fmt);
	it->msg = rg_vasprintf(fmt, ap);
	va_end(ap);
	it->path = rg_strdup(path ? path : "");
	it->line = line;
	it->col = col;
	it->level = lv;
	it->seq = d->items.n;
	if (lv == RG_ERROR)
		d->nerrors++;
	else if (lv == RG_WARNING)
		d->nwarnings++;
}

void rg_diags_append(rg_diags *dst, rg_diags *src)
{
	for (size_t i = 0; i < src->items.n; i++) {
		rg_diag_item *it = RG_VEC_PUSH(dst->items);
		*it = src->items.v[i];
		it->seq = dst->items.n;
	}
	dst->nerrors += src->nerrors;
	dst->nwarnings += src->nwarnings;
	RG_VEC_FREE(src->items);
	src->nerrors = src->nwarnings = 0;
}

static int cmp_item(const void *pa, const void *pb)
{
	const rg_diag_item *a = pa, *b = pb;
	int c = strcmp(a->path, b->path);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

void rg_diags_sort(rg_diags *d)
{
	if (d->items.n > 1)
		qsort(d->items.v, d->items.n, sizeof(rg_diag_item), cmp_item);
}

int rg_diags_print(const rg_diags *d, FILE *f)
{
	static const char *names[] = {"note", "warning", "error"};
	for (size_t i = 0; i < d->items.n; i++) {
		const rg_diag_item *it = &d->items.v[i];
		if (it->line > 0)
			fprintf(f, "%s:%d:%d: %s: %s\n", it->path, it->line,
				it->col > 0 ? it->col : 1, names[it->level],
				it->msg);
		else if (it->path[0]) /* a whole file or directory */
			fprintf(f, "%s:1:1: %s: %s\n", it->path,
				names[it->level], it->msg);
		else
			fprintf(f, "refgraph: %s: %s\n", names[it->level],
				it->msg);
	}
	return ferror(f) ? -1 : 0;
}

void rg_diags_free(rg_diags *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->items.n; i++) {
		free(d->items.v[i].path);
		free(d->items.v[i].msg);
	}
	RG_VEC_FREE(d->items);
	d->nerrors = d->nwarnings = 0;
}
