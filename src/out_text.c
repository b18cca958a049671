/*
 * out_text: tables for a terminal: one per report, a title line with the
 * day and the count, columns padded by display width, long names cut with
 * an ellipsis so a row stays a row (places in the middle, so the file
 * and line stay), control characters shown as '?'.  Colour only when
 * asked: overdue rows from amber to bold red by how late they are.
 */
#include <stdlib.h>
#include <string.h>

#include "refgraph/previous.h"
#include "refgraph/render.h"

#define MAXW		22 /* widest a text column may grow */
#define MAXPLACE	40 /* widest a place may be: cut in the middle */
#define RG_TEXT_MAXCOLS 32 /* more columns than any report has */

/* The columns the one character in s[0..k) takes. */
static size_t char_cols(const char *s, size_t k)
{
	char one[8] = {0};
	memcpy(one, s, k < 8 ? k : 7);
	return rg_text_width(one);
}

/* The bytes of the longest start of t[0..n) that takes at most cols
 * columns, cut between characters; *used gets the columns it takes. */
static size_t fit_head(const char *t, size_t n, size_t cols, size_t *used)
{
	size_t i = 0;
	*used = 0;
	while (i < n) {
		size_t k = 1;
		while (i + k < n && ((unsigned char)t[i + k] & 0xC0) == 0x80)
			k++;
		size_t cw = char_cols(t + i, k);
		if (*used + cw > cols)
			break;
		*used += cw;
		i += k;
	}
	return i;
}

/* Append s cut to at most w columns; returns the columns used. */
static size_t put_cut(rg_buf *b, const char *s, size_t w)
{
	size_t run = rg_printable_run(s);
	if (s[run] == '\0' && run <= w) { /* as it is, and it fits */
		rg_buf_put(b, s, run);
		return run;
	}
	if (s[run] == '\0' && w > 0) {
		/* printable ASCII, a column a byte: what fit_head below
		 * would find, without decoding */
		rg_buf_put(b, s, w - 1);
		rg_buf_puts(b, "\xE2\x80\xA6");
		return w;
	}
	rg_buf tmp = {0};
	rg_put_clean(&tmp, s, "?");
	const char *t = tmp.s ? tmp.s : "";
	size_t width = rg_text_width(t);
	if (width <= w) {
		rg_buf_puts(b, t);
		rg_buf_free(&tmp);
		return width;
	}
	/* cut by code points until it fits with the ellipsis */
	size_t used = 0, i = w > 0 ? fit_head(t, strlen(t), w - 1, &used) : 0;
	rg_buf_put(b, t, i);
	rg_buf_puts(b, "\xE2\x80\xA6");
	rg_buf_free(&tmp);
	return used + 1;
}

/* Append s cut in the middle to at most w columns ("notes/…/a.md:3"), so
 * that both the folder and the file and line stay readable; returns the
 * columns used. */
static size_t put_middle(rg_buf *b, const char *s, size_t w)
{
	size_t run = rg_printable_run(s);
	if (s[run] == '\0' && run <= w) {
		rg_buf_put(b, s, run);
		return run;
	}
	if (s[run] == '\0' && w >= 2) {
		/* printable ASCII, a column a byte: head + ... + tail as
		 * below, without decoding */
		size_t head = (w - 1) / 2, tail = w - 1 - head;
		rg_buf_put(b, s, head);
		rg_buf_puts(b, "\xE2\x80\xA6");
		rg_buf_put(b, s + run - tail, tail);
		return w;
	}
	rg_buf tmp = {0};
	rg_put_clean(&tmp, s, "?");
	const char *t = tmp.s ? tmp.s : "";
	size_t width = rg_text_width(t), n = strlen(t);
	if (width <= w || w < 2) {
		size_t used = width <= w ? width : put_cut(b, t, w);
		if (width <= w)
			rg_buf_puts(b, t);
		rg_buf_free(&tmp);
		return used;
	}
	/* the tail gets the columns the head does not: head + … + tail */
	size_t head = (w - 1) / 2, tail = w - 1 - head;
	size_t used, i = fit_head(t, n, head, &used);
	rg_buf_put(b, t, i);
	rg_buf_puts(b, "\xE2\x80\xA6");
	size_t j = n, back = 0;
	while (j > i) {
		size_t k = 1;
		while (j - k > i && ((unsigned char)t[j - k] & 0xC0) == 0x80)
			k++;
		size_t cw = char_cols(t + j - k, k);
		if (back + cw > tail)
			break;
		back += cw;
		j -= k;
	}
	rg_buf_puts(b, t + j);
	rg_buf_free(&tmp);
	return used + 1 + back;
}

static void pad(rg_buf *b, size_t n)
{
	static const char blanks[] = "                                ";
	for (size_t k; n > 0; n -= k) {
		k = n < sizeof blanks - 1 ? n : sizeof blanks - 1;
		rg_buf_put(b, blanks, k);
	}
}

static size_t cell_width(const char *s)
{
	size_t run = rg_printable_run(s);
	if (s[run] == '\0')
		return run;
	rg_buf tmp = {0};
	rg_put_clean(&tmp, s, "?");
	size_t w = rg_text_width(tmp.s ? tmp.s : "");
	rg_buf_free(&tmp);
	return w;
}

/* Colour of a row by how late it is (rg_late): amber, red, bold red. */
static const char *const late_colour[] = {"", "\033[33m", "\033[31m",
					  "\033[1;31m"};

/* Each column's width: its widest cell, cut to MAXW unless it is the
 * last; places to MAXPLACE wherever they are. */
static void widths(const rg_table *t, size_t last, size_t *w)
{
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = cell_width(t->cols[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			size_t cw = cell_width(t->cells[r * t->ncols + c]);
			if (cw > w[c])
				w[c] = cw;
		}
		size_t cap = t->types[c] == RG_CT_PLACE ? MAXPLACE
			     : c < last			? MAXW
							: (size_t)-1;
		if (w[c] > cap)
			w[c] = cap;
	}
}

static void header(rg_buf *b, const rg_table *t, size_t last, const size_t *w)
{
	rg_buf_puts(b, "  ");
	for (size_t c = 0; c < t->ncols; c++) {
		if (t->detail[c])
			continue;
		size_t cw = cell_width(t->cols[c]);
		if (t->right[c])
			pad(b, w[c] - cw);
		rg_buf_puts(b, t->cols[c]);
		if (c < last)
			pad(b, (t->right[c] ? 0 : w[c] - cw) + 2);
	}
	rg_buf_putc(b, '\n');
}

static void row(rg_buf *b, const rg_table *t, size_t r, size_t last,
		const size_t *w)
{
	for (size_t c = 0; c <= last; c++) {
		if (t->detail[c])
			continue;
		const char *s = t->cells[r * t->ncols + c];
		size_t cw = cell_width(s);
		if (t->right[c] && cw < w[c])
			pad(b, w[c] - cw);
		size_t used = t->types[c] == RG_CT_PLACE
				      ? put_middle(b, s, w[c])
				      : put_cut(b, s, w[c]);
		if (c < last)
			pad(b,
			    (t->right[c] || used > w[c] ? 0 : w[c] - used) + 2);
	}
}

static void draw(rg_buf *b, const rg_table *t, const rg_render_opts *o)
{
	const char *bold = o->color ? "\033[1m" : "";
	const char *off = o->color ? "\033[0m" : "";
	rg_buf_printf(b, "%s%s%s\n", bold, t->title, off);
	if (t->nrows == 0)
		return;
	size_t w[RG_TEXT_MAXCOLS] = {0}, last = 0;
	for (size_t c = 0; c < t->ncols; c++)
		if (!t->detail[c])
			last = c;
	widths(t, last, w);
	/* a key/value block (the summary) needs no header */
	if (!t->single)
		header(b, t, last, w);
	for (size_t r = 0; r < t->nrows; r++) {
		const char *colour = o->color ? late_colour[t->emph[r]] : "";
		rg_buf_puts(b, "  ");
		rg_buf_puts(b, colour);
		row(b, t, r, last, w);
		/* an empty last cell leaves no blanks at the end of the line */
		while (b->len > 0 && b->s[b->len - 1] == ' ')
			b->s[--b->len] = '\0';
		if (*colour)
			rg_buf_puts(b, off);
		rg_buf_putc(b, '\n');
		rg_buf_spill(b);
	}
}

void rg_render_text(rg_buf *b, const rg_report *r, const rg_graph *g,
		    const rg_render_opts *o)
{
	(void)g;
	char *digest = rg_previous_line(r);
	if (digest) {
		rg_put_clean(b, digest, " ");
		rg_buf_puts(b, "\n\n");
		free(digest);
	}
	rg_table t[RG_NREPORTS];
	size_t n = rg_tables(t, r, true, o);
	for (size_t i = 0; i < n; i++) {
		if (i)
			rg_buf_putc(b, '\n');
		rg_table_fill(&t[i]);
		draw(b, &t[i], o);
		rg_table_drop(&t[i]);
	}
	rg_tables_free(t, n);
}
