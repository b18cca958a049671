/*
 * out_md: the reports as Markdown (GitHub tables), for a wiki or a note.
 * Cell text is escaped only where it would change the table or how a
 * name reads: everywhere the characters that split a cell or open a
 * link, emphasis, code, a tag or raw HTML (| \ [ ] * _ ` ~ # <), and at a
 * cell's start those that open a block in some readers (> + - = !), so
 * that dates, paths and names read as they are.  Control characters
 * show as '?', as in text and CSV, so a row stays on its line and none
 * hides.  With links_wiki, contact
 * names are [[Name]] and places [[path\|path:line]] (the pipe escaped,
 * as a wiki-link inside a table needs).
 */
#include <stdlib.h>
#include <string.h>

#include "refgraph/previous.h"
#include "refgraph/render.h"

/* Characters escaped wherever they are, and only at a cell's start. */
#define MD_ANYWHERE "\\|[]*_`~#<"
#define MD_AT_START ">+-=!"

static void text(rg_buf *b, const char *s)
{
	rg_buf tmp = {0};
	rg_put_clean(&tmp, s, "?");
	const char *t = tmp.s ? tmp.s : "";
	for (const char *p = t; *p; p++) {
		if (strchr(MD_ANYWHERE, *p) ||
		    (p == t && strchr(MD_AT_START, *p)))
			rg_buf_putc(b, '\\');
		rg_buf_putc(b, *p);
	}
	rg_buf_free(&tmp);
}

/* Text a wiki-link may hold as it is: no brackets, pipes, headings,
 * blocks, markup or control characters. */
static bool linkable(const char *s)
{
	if (*s == '\0' || strpbrk(s, "[]|#^\\<") != NULL)
		return false;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			return false;
	return true;
}

static void cell(rg_buf *b, const rg_table *t, size_t row, size_t col,
		 const rg_render_opts *o)
{
	const char *s = t->cells[row * t->ncols + col];
	bool null = t->nulls[row * t->ncols + col];
	if (o->links_wiki && !null && t->types[col] == RG_CT_NAME &&
	    linkable(s)) {
		rg_buf_puts(b, "[[");
		rg_put_clean(b, s, "?");
		rg_buf_puts(b, "]]");
		return;
	}
	const char *colon = strrchr(s, ':');
	if (o->links_wiki && t->types[col] == RG_CT_PLACE && colon) {
		rg_buf path = {0};
		rg_buf_put(&path, s, (size_t)(colon - s));
		if (path.s && linkable(path.s)) {
			rg_buf_puts(b, "[[");
			rg_put_clean(b, path.s, "?");
			rg_buf_puts(b, "\\|");
			rg_put_clean(b, s, "?");
			rg_buf_puts(b, "]]");
			rg_buf_free(&path);
			return;
		}
		rg_buf_free(&path);
	}
	text(b, s);
}

void rg_render_md(rg_buf *b, const rg_report *r, const rg_graph *g,
		  const rg_render_opts *o)
{
	(void)g;
	char *digest = rg_previous_line(r);
	if (digest) {
		text(b, digest);
		rg_buf_puts(b, "\n\n");
		free(digest);
	}
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
		rg_table_fill(&t[k]);
		for (size_t i = 0; i < t[k].nrows; i++) {
			rg_buf_putc(b, '|');
			for (size_t c = 0; c < t[k].ncols; c++) {
				rg_buf_putc(b, ' ');
				cell(b, &t[k], i, c, o);
				rg_buf_puts(b, " |");
			}
			rg_buf_putc(b, '\n');
			rg_buf_spill(b);
		}
		rg_table_drop(&t[k]);
	}
	rg_tables_free(t, n);
}
