/*
 * out_html: a standalone HTML page with one table per report, every text
 * escaped for HTML; no scripts, no outside resources.  Overdue rows carry
 * a class by how late they are (late-days, late-weeks, late-months) and
 * the style sheet shades their first two cells from amber to bold red.
 */
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/render.h"

static void esc(rg_buf *b, const char *s)
{
	rg_buf tmp = {0};
	rg_put_clean(&tmp, s, " ");
	for (const char *t = tmp.s ? tmp.s : ""; *t; t++) {
		switch (*t) {
		case '&': rg_buf_puts(b, "&amp;"); break;
		case '<': rg_buf_puts(b, "&lt;"); break;
		case '>': rg_buf_puts(b, "&gt;"); break;
		case '"': rg_buf_puts(b, "&quot;"); break;
		case '\'': rg_buf_puts(b, "&#39;"); break;
		default: rg_buf_putc(b, *t);
		}
	}
	rg_buf_free(&tmp);
}

/* A row's tag by how late it is (rg_late): shaded by the style sheet. */
static const char *const row_open[] = {"<tr>", "<tr class=\"due late-days\">",
				       "<tr class=\"due late-weeks\">",
				       "<tr class=\"due late-months\">"};

void rg_render_html(rg_buf *b, const rg_report *r, const rg_graph *g,
		    const rg_render_opts *o)
{
	(void)g;
	char today[11];
	rg_date_format(r->today, today);
	rg_buf_printf(
		b,
		"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
		"charset=\"utf-8\">\n<meta name=\"viewport\" "
		"content=\"width=device-width, initial-scale=1\">\n"
		"<title>refgraph report %s</title>\n<style>\n"
		"body{font-family:system-ui,sans-serif;margin:2em;"
		"color:#222}\n"
		"table{border-collapse:collapse;margin-bottom:2em}\n"
		"th,td{padding:.3em .8em;border-bottom:1px solid #ddd;"
		"text-align:left}\n"
		"td.n,th.n{text-align:right}\n"
		"tr.late-days td:nth-child(-n+2){color:#a65e00}\n"
		"tr.late-weeks td:nth-child(-n+2){color:#c03000}\n"
		"tr.late-months td:nth-child(-n+2){color:#a00;"
		"font-weight:bold}\n"
		"</style>\n</head>\n<body>\n<h1>refgraph report %s</h1>\n",
		today, today);
	rg_table t[RG_NREPORTS];
	size_t n = rg_tables(t, r, true, o);
	for (size_t k = 0; k < n; k++) {
		rg_buf_printf(b, "<section id=\"%s\">\n<h2>", t[k].key);
		esc(b, t[k].title);
		rg_buf_puts(b, "</h2>\n");
		if (t[k].nrows == 0) {
			rg_buf_puts(b,
				    "<p>Nothing to report.</p>\n</section>\n");
			continue;
		}
		rg_buf_puts(b, "<table>\n<thead><tr>");
		for (size_t c = 0; c < t[k].ncols; c++) {
			rg_buf_puts(b, t[k].right[c] ? "<th class=\"n\">"
						     : "<th>");
			esc(b, t[k].cols[c]);
			rg_buf_puts(b, "</th>");
		}
		rg_buf_puts(b, "</tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < t[k].nrows; i++) {
			rg_buf_puts(b, row_open[t[k].emph[i]]);
			for (size_t c = 0; c < t[k].ncols; c++) {
				rg_buf_puts(b, t[k].right[c]
						       ? "<td class=\"n\">"
						       : "<td>");
				esc(b, t[k].cells[i * t[k].ncols + c]);
				rg_buf_puts(b, "</td>");
			}
			rg_buf_puts(b, "</tr>\n");
		}
		rg_buf_puts(b, "</tbody>\n</table>\n</section>\n");
	}
	rg_tables_free(t, n);
	rg_buf_puts(b, "</body>\n</html>\n");
}
