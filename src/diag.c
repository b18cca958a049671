/*
 * diag: the one place diagnostics are made, sorted and printed (as text
 * for people, with source lines on a terminal, or as JSON for tools).
 * Whatever a diagnostic quotes from the notes is made visible here, once.
 */
#include "refgraph/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/*
 * A message quotes what the note says, which may be a megabyte long: keep
 * its start and its end (where the message says what was done) and cut
 * the middle at character boundaries.
 */
enum { MSG_MAX = 400, MSG_KEEP = 180 };

static void shorten(char *m)
{
	size_t n = strlen(m);
	if (n <= MSG_MAX)
		return;
	size_t head = MSG_KEEP, tail = n - MSG_KEEP;
	while (head > 0 && ((unsigned char)m[head] & 0xC0) == 0x80)
		head--;
	while (tail < n && ((unsigned char)m[tail] & 0xC0) == 0x80)
		tail++;
	static const char cut[] = " \xe2\x80\xa6 "; /* " … " */
	memcpy(m + head, cut, sizeof cut - 1);
	memmove(m + head + sizeof cut - 1, m + tail, n - tail + 1);
}

void rg_diag(rg_diags *d, const char *path, int line, int col, rg_level lv,
	     const char *fmt, ...)
{
	rg_diag_item *it = RG_VEC_PUSH(d->items);
	va_list ap;
	va_start(ap, fmt);
	it->msg = rg_vasprintf(fmt, ap);
	va_end(ap);
	shorten(it->msg);
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

void rg_diags_insert(rg_diags *dst, size_t at, rg_diags *src)
{
	size_t k = src->items.n, n = dst->items.n;
	if (k > 0) {
		/* room for n + k (a list still borrowed is copied first) */
		rg_vec_grow((void **)&dst->items.v, &dst->items.cap, n + k - 1,
			    sizeof *dst->items.v);
		rg_diag_item *v = dst->items.v;
		memmove(v + at + k, v + at, (n - at) * sizeof *v);
		memcpy(v + at, src->items.v, k * sizeof *v);
		dst->items.n = n + k;
		/* (an item's seq is its place in emission order, from 1) */
		for (size_t i = at; i < n + k; i++)
			v[i].seq = i + 1;
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

/*
 * One code point of s[*i..n) appended visibly (see rg_diag_put_visible);
 * a tab as a blank when tab_blank.  Returns the columns it takes.
 */
static int put_one(rg_buf *b, const char *s, size_t n, size_t *i,
		   bool tab_blank)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + *i,
					      (utf8proc_ssize_t)(n - *i), &cp);
	if (k <= 0) {
		rg_buf_puts(b, "\xEF\xBF\xBD");
		*i += 1;
		return 1;
	}
	*i += (size_t)k;
	if (cp == '\t' && tab_blank) {
		rg_buf_putc(b, ' ');
		return 1;
	}
	/* the same characters the text reports replace */
	if (rg_cp_control(cp)) {
		rg_buf_putc(b, '?');
		return 1;
	}
	rg_buf_put(b, s + *i - (size_t)k, (size_t)k);
	int w = utf8proc_charwidth(cp);
	return w < 0 ? 1 : w;
}

void rg_diag_put_visible(rg_buf *b, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n)
		put_one(b, s, n, &i, false);
}

/* Source lines longer than this are not drawn: a caret far off to the
 * right of a wrapped line helps nobody. */
#define SOURCE_MAX 512

/* The source line of it, and a caret under its column. */
static void put_source(rg_buf *b, const rg_diag_item *it, const rg_diag_show *o)
{
	size_t n = 0;
	const char *s = o->source(o->ctx, it->path, it->line, &n);
	if (s == NULL || n > SOURCE_MAX)
		return;
	char num[sizeof "-2147483648"];
	int w = snprintf(num, sizeof num, "%d", it->line);
	rg_buf_printf(b, " %s | ", num);
	size_t i = 0;
	int col = 1, pad = 0, want = it->col > 0 ? it->col : 1;
	while (i < n) {
		int cw = put_one(b, s, n, &i, true);
		if (col++ < want)
			pad += cw;
	}
	rg_buf_printf(b, "\n %*s | %*s^\n", w, "", pad, "");
}

int rg_diags_show(const rg_diags *d, FILE *f, const rg_diag_show *o)
{
	static const char *names[] = {"note", "warning", "error"};
	rg_buf b = {0};
	for (size_t i = 0; i < d->items.n; i++) {
		const rg_diag_item *it = &d->items.v[i];
		if (o->quiet && it->level != RG_ERROR)
			continue;
		if (it->path[0]) {
			rg_diag_put_visible(&b, it->path, strlen(it->path));
			/* a whole file or directory: its start */
			rg_buf_printf(
				&b, ":%d:%d: ", it->line > 0 ? it->line : 1,
				it->line > 0 && it->col > 0 ? it->col : 1);
		} else {
			rg_buf_puts(&b, "refgraph: ");
		}
		rg_buf_printf(&b, "%s: ", names[it->level]);
		rg_diag_put_visible(&b, it->msg, strlen(it->msg));
		rg_buf_putc(&b, '\n');
		if (o->source && it->path[0] && it->line > 0)
			put_source(&b, it, o);
	}
	if (b.len)
		fwrite(b.s, 1, b.len, f);
	rg_buf_free(&b);
	return fflush(f) != 0 || ferror(f) ? -1 : 0;
}

int rg_diags_print(const rg_diags *d, FILE *f)
{
	rg_diag_show o = {0};
	return rg_diags_show(d, f, &o);
}

void rg_diags_json(const rg_diags *d, rg_buf *b)
{
	static const char *names[] = {"note", "warning", "error"};
	rg_buf_putc(b, '[');
	for (size_t i = 0; i < d->items.n; i++) {
		const rg_diag_item *it = &d->items.v[i];
		rg_buf_puts(b, i ? ",\n    {\"path\": " : "\n    {\"path\": ");
		if (it->path[0])
			rg_buf_put_json(b, it->path);
		else
			rg_buf_puts(b, "null");
		if (it->path[0])
			rg_buf_printf(b, ", \"line\": %d, \"column\": %d",
				      it->line > 0 ? it->line : 1,
				      it->line > 0 && it->col > 0 ? it->col
								  : 1);
		else
			rg_buf_puts(b, ", \"line\": null, \"column\": null");
		rg_buf_printf(b, ", \"level\": \"%s\", \"message\": ",
			      names[it->level]);
		rg_buf_put_json(b, it->msg);
		rg_buf_putc(b, '}');
	}
	rg_buf_puts(b, d->items.n ? "\n  ]" : "]");
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
