/*
 * out_text: tables for a terminal: one per report, a title line with the
 * day and the count, columns padded by display width, long names cut with
 * an ellipsis so a row stays a row, control characters shown as '?'.
 * Colour only when asked (a terminal without NO_COLOR).
 */
#include <string.h>

#include "refgraph/render.h"

#define MAXW		22 /* widest a text column may grow */
#define RG_TEXT_MAXCOLS 32 /* more columns than any report has */

/* Append s cut to at most w columns; returns the columns used. */
static size_t put_cut(rg_buf *b, const char *s, size_t w)
{
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
	size_t used = 0, i = 0, n = strlen(t);
	while (i < n) {
		size_t k = 1;
		while (i + k < n && ((unsigned char)t[i + k] & 0xC0) == 0x80)
			k++;
		char one[8] = {0};
		memcpy(one, t + i, k < 8 ? k : 7);
		size_t cw = rg_text_width(one);
		if (used + cw + 1 > w)
			break;
		rg_buf_put(b, t + i, k);
		used += cw;
		i += k;
	}
	rg_buf_puts(b, "\xE2\x80\xA6");
	rg_buf_free(&tmp);
	return used + 1;
}

static void pad(rg_buf *b, size_t n)
{
	while (n-- > 0)
		rg_buf_putc(b, ' ');
}

static size_t cell_width(const char *s)
{
	rg_buf tmp = {0};
	rg_put_clean(&tmp, s, "?");
	size_t w = rg_text_width(tmp.s ? tmp.s : "");
	rg_buf_free(&tmp);
	return w;
}

static void draw(rg_buf *b, const rg_table *t, const rg_render_opts *o)
{
	const char *bold = o->color ? "\033[1m" : "";
	const char *red = o->color ? "\033[31m" : "";
	const char *off = o->color ? "\033[0m" : "";
	rg_buf_printf(b, "%s%s%s\n", bold, t->title, off);
	if (t->nrows == 0)
		return;
	size_t w[RG_TEXT_MAXCOLS] = {0}, last = 0;
	for (size_t c = 0; c < t->ncols; c++)
		if (!t->detail[c])
			last = c;
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = cell_width(t->cols[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			size_t cw = cell_width(t->cells[r * t->ncols + c]);
			if (cw > w[c])
				w[c] = cw;
		}
		/* the last column (the place) is never cut */
		if (w[c] > MAXW && c < last)
			w[c] = MAXW;
	}
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
	for (size_t r = 0; r < t->nrows; r++) {
		rg_buf_puts(b, "  ");
		if (t->emph[r] && *red)
			rg_buf_puts(b, red);
		for (size_t c = 0; c < t->ncols; c++) {
			if (t->detail[c])
				continue;
			const char *s = t->cells[r * t->ncols + c];
			size_t cw = cell_width(s);
			if (c == last) {
				if (t->right[c] && cw < w[c])
					pad(b, w[c] - cw);
				put_cut(b, s, (size_t)-1);
				break;
			}
			if (t->right[c] && cw < w[c])
				pad(b, w[c] - cw);
			size_t used = put_cut(b, s, w[c]);
			pad(b, (t->right[c] ? 0 : w[c] - used) + 2);
		}
		if (t->emph[r] && *red)
			rg_buf_puts(b, off);
		rg_buf_putc(b, '\n');
	}
}

void rg_render_text(rg_buf *b, const rg_report *r, const rg_graph *g,
		    const rg_render_opts *o)
{
	(void)g;
	rg_table t[RG_NREPORTS];
	size_t n = rg_tables(t, r, true, o);
	for (size_t i = 0; i < n; i++) {
		if (i)
			rg_buf_putc(b, '\n');
		draw(b, &t[i], o);
	}
	rg_tables_free(t, n);
}
