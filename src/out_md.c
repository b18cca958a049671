/*
 * out_md: the reports as Markdown (GitHub tables), for a wiki or a note.
 * Cell text is escaped so that no name can open a link, a tag, emphasis or
 * a new cell, and stays on its row.
 */
#include <string.h>

#include "refgraph/render.h"

static void text(rg_buf *b, const char *s)
{
	rg_buf tmp = {0};
	rg_put_clean(&tmp, s, " ");
	for (const char *t = tmp.s ? tmp.s : ""; *t; t++) {
		if (strchr("\\`*_{}[]()<>#+-.!|~&", *t) != NULL)
			rg_buf_putc(b, '\\');
		rg_buf_putc(b, *t);
	}
	rg_buf_free(&tmp);
}

void rg_render_md(rg_buf *b, const rg_report *r, const rg_graph *g,
		  const rg_render_opts *o)
{
	(void)g;
	rg_table t[RG_NREPORTS];
	size_t n = rg_tables(t, r, true, o);
	for (size_t k = 0; k < n; k++) {
		if (k)
			rg_buf_putc(b, '\n');
		rg_buf_puts(b, "## ");
		text(b, t[k].title);
		rg_buf_puts(b, "\n\n");
		if (t[k].nrows == 0) {
			rg_buf_puts(b, "Nothing to report.\n");
			continue;
		}
		rg_buf_putc(b, '|');
		for (size_t c = 0; c < t[k].ncols; c++) {
			rg_buf_putc(b, ' ');
			text(b, t[k].cols[c]);
			rg_buf_puts(b, " |");
		}
		rg_buf_puts(b, "\n|");
		for (size_t c = 0; c < t[k].ncols; c++)
			rg_buf_puts(b, t[k].right[c] ? " ---: |" : " --- |");
		rg_buf_putc(b, '\n');
		for (size_t i = 0; i < t[k].nrows; i++) {
			rg_buf_putc(b, '|');
			for (size_t c = 0; c < t[k].ncols; c++) {
				rg_buf_putc(b, ' ');
				text(b, t[k].cells[i * t[k].ncols + c]);
				rg_buf_puts(b, " |");
			}
			rg_buf_putc(b, '\n');
		}
	}
	rg_tables_free(t, n);
}
