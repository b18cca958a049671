/*
 * out_html: the dashboard, one self-contained HTML page: inline style
 * sheet and SVG, nothing fetched, no script.  From the top: a banner when
 * the notes had errors or warnings (their count and the first few with
 * their places), the figures people look at first, the referral network
 * as a picture (pages with the sources report; see netpic.c), then one
 * table per report.
 *
 * Every text from the notes is escaped for HTML, in text and in
 * attributes alike, and its control characters show as '?', as in the
 * other tables.  Overdue rows carry the class `due` and one of
 * late-days, late-weeks, late-months, which the style sheet shades from
 * amber to red.  Below a narrow breakpoint each table row becomes a card
 * whose cells are labelled from the column headers (data-label), so no
 * table needs sideways scrolling at phone width; dark mode follows
 * prefers-color-scheme, and print keeps plain tables.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/diag.h"
#include "refgraph/netpic.h"
#include "refgraph/previous.h"
#include "refgraph/render.h"

/* How many diagnostics the banner lists; the rest are counted. */
#define BANNER_SHOWN 5

static void esc(rg_buf *b, const char *s)
{
	rg_buf tmp = {0};
	rg_put_clean(&tmp, s ? s : "", "?");
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

/* The style sheet: light by default, dark by prefers-color-scheme; rows
 * become cards on narrow screens; print keeps tables and drops colour. */
static const char style[] =
	":root{color-scheme:light dark;--bg:#fff;--fg:#1d1f23;--muted:#5f6670;"
	"--line:#d9dce1;--card:#f4f6f8;--accent:#1565c0;"
	"--days-bg:#fff6db;--days-fg:#8a5300;--weeks-bg:#ffe6d2;"
	"--weeks-fg:#a33a00;--months-bg:#fcd9d5;--months-fg:#a00000;"
	"--warn-bg:#fff4e5;--warn-line:#e0a030}\n"
	"@media (prefers-color-scheme:dark){:root{--bg:#15171a;--fg:#e4e6e9;"
	"--muted:#a0a7b0;--line:#353a41;--card:#1f2328;--accent:#7fb3f5;"
	"--days-bg:#3a2f12;--days-fg:#ffd27a;--weeks-bg:#4a2912;"
	"--weeks-fg:#ffae73;--months-bg:#561d1d;--months-fg:#ff8f8f;"
	"--warn-bg:#3a2c12;--warn-line:#c08a2a}}\n"
	"*{box-sizing:border-box}\n"
	"body{font-family:system-ui,sans-serif;margin:0 auto;padding:1em;"
	"max-width:80em;background:var(--bg);color:var(--fg);"
	"line-height:1.4;overflow-wrap:break-word}\n"
	"h1{font-size:1.5em;margin:.2em 0 .6em}\n"
	"h2{font-size:1.15em;margin:1.6em 0 .5em}\n"
	"code{font-size:.9em}\n"
	".banner{background:var(--warn-bg);border:1px solid var(--warn-line);"
	"border-left-width:.4em;border-radius:.3em;padding:.6em 1em}\n"
	".banner ul{margin:.4em 0;padding-left:1.2em}\n"
	".tiles{display:flex;flex-wrap:wrap;gap:.6em;margin:0 0 1em}\n"
	".tile{flex:1 1 9em;background:var(--card);border:1px solid "
	"var(--line);border-radius:.4em;padding:.5em .8em}\n"
	".tile strong{display:block;font-size:1.6em;font-variant-numeric:"
	"tabular-nums}\n"
	".tile span{color:var(--muted);font-size:.9em}\n"
	"figure{margin:0}\n"
	"svg.net{display:block;max-width:100%;max-height:90vh;width:auto;"
	"height:auto;margin:0 auto}\n"
	".legend{display:flex;flex-wrap:wrap;gap:.3em 1.2em;list-style:none;"
	"padding:0;margin:.6em 0;font-size:.9em;color:var(--muted)}\n"
	".legend svg{vertical-align:middle;margin-right:.3em}\n"
	".note{color:var(--muted)}\n"
	"table{border-collapse:collapse;margin-bottom:1em;width:100%}\n"
	"th,td{padding:.3em .6em;border-bottom:1px solid var(--line);"
	"text-align:left;vertical-align:top}\n"
	"th{font-weight:600;color:var(--muted);white-space:nowrap}\n"
	"td.nw{white-space:nowrap}\ntd.p{overflow-wrap:anywhere;min-width:8em}"
	"\n"
	"@media screen and (max-width:90em){.d{display:none}}\n"
	"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
	"table.pairs{width:auto}\n"
	"tr.late-days{background:var(--days-bg)}\n"
	"tr.late-weeks{background:var(--weeks-bg)}\n"
	"tr.late-months{background:var(--months-bg)}\n"
	"tr.late-days td:nth-child(-n+2){color:var(--days-fg)}\n"
	"tr.late-weeks td:nth-child(-n+2){color:var(--weeks-fg)}\n"
	"tr.late-months td:nth-child(-n+2){color:var(--months-fg);"
	"font-weight:bold}\n"
	"@media screen and (max-width:40em){\n"
	"table.rows thead{display:none}\n"
	"table.rows,table.rows tbody,table.rows tr,table.rows td"
	"{display:block;width:auto}\n"
	"table.rows tr{border:1px solid var(--line);border-radius:.4em;"
	"margin:0 0 .7em;padding:.3em .7em}\n"
	"table.rows td{display:grid;grid-template-columns:7em 1fr;gap:.8em;"
	"border:0;padding:.15em 0;text-align:left;white-space:normal;"
	"overflow-wrap:anywhere}\n"
	"table.rows td::before{content:attr(data-label);font-weight:600;"
	"color:var(--muted)}\n"
	"table.rows td:empty{display:none}}\n"
	"@media print{:root{--bg:#fff;--fg:#000;--muted:#333;--line:#999;"
	"--card:#fff}\n"
	"body{max-width:none;padding:0;font-size:10pt}\n"
	"h2{break-after:avoid}\ntr,.tile,figure{break-inside:avoid}\n"
	"thead{display:table-header-group}\n"
	"tr.late-days,tr.late-weeks,tr.late-months{background:none}\n"
	"tr.due td:first-child{font-weight:bold}}\n";

static void put_head(rg_buf *b, const char *today)
{
	rg_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		       "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
		       "content=\"width=device-width, initial-scale=1\">\n"
		       "<meta name=\"color-scheme\" content=\"light dark\">\n");
	rg_buf_printf(b, "<title>refgraph report %s</title>\n<style>\n", today);
	rg_buf_puts(b, style);
	rg_buf_printf(
		b, "</style>\n</head>\n<body>\n<h1>refgraph report %s</h1>\n",
		today);
}

/* "1 error", "2 warnings" */
static void count(rg_buf *b, int n, const char *what)
{
	rg_buf_printf(b, "%d %s%s", n, what, n == 1 ? "" : "s");
}

/* The notes' errors and warnings: how many, and the first few. */
static void put_banner(rg_buf *b, const rg_diags *d)
{
	if (!d || (d->nerrors == 0 && d->nwarnings == 0))
		return;
	rg_buf_puts(b, "<section id=\"diagnostics\" class=\"banner\" "
		       "role=\"alert\">\n<strong>The notes have ");
	if (d->nerrors)
		count(b, d->nerrors, "error");
	if (d->nerrors && d->nwarnings)
		rg_buf_puts(b, " and ");
	if (d->nwarnings)
		count(b, d->nwarnings, "warning");
	rg_buf_puts(b, "</strong>: what they spoil is left out of the "
		       "reports below.\n<ul>\n");
	size_t shown = 0, listed = 0;
	for (size_t i = 0; i < d->items.n; i++) {
		const rg_diag_item *x = &d->items.v[i];
		if (x->level < RG_WARNING)
			continue;
		listed++;
		if (shown == BANNER_SHOWN)
			continue;
		shown++;
		rg_buf_puts(b, "<li><code>");
		esc(b, x->path);
		if (x->line)
			rg_buf_printf(b, ":%d:%d", x->line, x->col);
		rg_buf_printf(b, "</code> %s: ",
			      x->level == RG_ERROR ? "error" : "warning");
		esc(b, x->msg);
		rg_buf_puts(b, "</li>\n");
	}
	rg_buf_puts(b, "</ul>\n");
	if (listed > shown)
		rg_buf_printf(b,
			      "<p>and %zu more: <code>refgraph check</code> "
			      "lists them all.</p>\n",
			      listed - shown);
	rg_buf_puts(b, "</section>\n");
}

static void tile(rg_buf *b, const char *id, const char *value, const char *what)
{
	rg_buf_printf(b, "<div class=\"tile\" id=\"tile-%s\"><strong>", id);
	esc(b, value);
	rg_buf_puts(b, "</strong><span>");
	esc(b, what);
	rg_buf_puts(b, "</span></div>\n");
}

static void tile_num(rg_buf *b, const char *id, rg_ctype t, double v,
		     const char *what)
{
	char *s = rg_fmt_human(t, NULL, v);
	tile(b, id, s, what);
	free(s);
}

/* The figures people look at first, from the reports on the page. */
static void put_tiles(rg_buf *b, const rg_report *r)
{
	if (!r->has_summary && !r->has_followups && !r->has_uncredited &&
	    !r->has_sources)
		return;
	rg_buf_puts(b, "<section id=\"glance\" class=\"tiles\">\n");
	if (r->has_summary && r->summary.has_referral_number)
		tile_num(b, "number", RG_CT_SHARE, r->summary.referral_number,
			 "referral number");
	else if (r->has_summary)
		tile(b, "number", "-", "referral number");
	if (r->has_followups) {
		size_t due = 0;
		for (size_t i = 0; i < r->followups.n; i++)
			due += r->followups.v[i].days_overdue > 0;
		tile_num(b, "overdue", RG_CT_INT, (double)due,
			 "follow-ups overdue");
	}
	if (r->has_summary || r->has_sources) {
		double won = r->has_summary ? r->summary.won_value : 0;
		if (!r->has_summary) /* the same referrals, by source */
			for (size_t i = 0; i < r->sources.n; i++)
				won += r->sources.v[i].won_value;
		tile_num(b, "won", RG_CT_NUM, won, "won value");
	}
	if (r->has_uncredited)
		tile_num(b, "uncredited", RG_CT_INT, (double)r->uncredited.n,
			 "referrals uncredited");
	rg_buf_puts(b, "</section>\n");
}

/* A small sample of a node or an edge style, for the legend. */
static void legend_item(rg_buf *b, const char *sample, const char *what)
{
	rg_buf_printf(
		b,
		"<li><svg width=\"28\" height=\"14\" viewBox=\"0 0 28 14\" "
		"aria-hidden=\"true\">%s</svg>%s</li>\n",
		sample, what);
}

static void put_legend(rg_buf *b)
{
	static const char box[] =
		"<rect x=\"2\" y=\"2\" width=\"24\" "
		"height=\"10\" rx=\"3\" stroke=\"currentColor\" ";
	static const char line[] = "<line x1=\"1\" y1=\"7\" x2=\"27\" "
				   "y2=\"7\" ";
	char s[200];
	rg_buf_puts(b, "<ul class=\"legend\">\n");
	snprintf(s, sizeof s, "%sfill=\"#fff3c4\" stroke-width=\"2\"/>", box);
	legend_item(b, s, "you");
	snprintf(s, sizeof s, "%sfill=\"#dbe9fb\"/>", box);
	legend_item(b, s, "a source of referrals to you");
	snprintf(s, sizeof s, "%sfill=\"#fff\"/>", box);
	legend_item(b, s, "a prospect");
	snprintf(s, sizeof s, "%sfill=\"#fff\" stroke-dasharray=\"3 2\"/>",
		 box);
	legend_item(b, s, "implicit: mentioned, no record of its own");
	snprintf(s, sizeof s, "%sstroke=\"#1565c0\" stroke-width=\"1.5\"/>",
		 line);
	legend_item(b, s, "open referral, source to prospect");
	snprintf(s, sizeof s, "%sstroke=\"#2e7d32\" stroke-width=\"3\"/>",
		 line);
	legend_item(b, s, "won");
	snprintf(s, sizeof s,
		 "%sstroke=\"#9e9e9e\" stroke-width=\"1.5\" "
		 "stroke-dasharray=\"1 3\"/>",
		 line);
	legend_item(b, s, "lost, declined or unreachable");
	snprintf(s, sizeof s,
		 "%sstroke=\"#8e24aa\" stroke-width=\"1.2\" "
		 "stroke-dasharray=\"5 3\"/>",
		 line);
	legend_item(b, s, "passed on to its receiver (not you)");
	rg_buf_puts(b, "</ul>\n");
}

/* When the picture leaves contacts or referrals out, say so. */
static void put_cap(rg_buf *b, const rg_netpic_counts *c)
{
	if (c->shown == c->contacts && c->referrals_shown == c->referrals)
		return;
	rg_buf_puts(b, "<figcaption class=\"note\">");
	if (c->shown < c->contacts)
		rg_buf_printf(b,
			      "The %zu most connected of %zu contacts are "
			      "drawn. ",
			      c->shown, c->contacts);
	if (c->referrals_shown < c->referrals)
		rg_buf_printf(b,
			      "The first %zu of %zu referrals between them "
			      "are drawn. ",
			      c->referrals_shown, c->referrals);
	rg_buf_puts(b, "<code>--format dot</code> gives them all."
		       "</figcaption>\n");
}

/* The referral network as a picture, or what to do to get one. */
static void put_network(rg_buf *b, const rg_graph *g)
{
	rg_buf_puts(b, "<section id=\"network\">\n<h2>The referral "
		       "network</h2>\n");
	rg_netpic_counts c;
	rg_buf pic = {0};
	switch (rg_netpic_svg(&pic, g, &c)) {
	case RG_NETPIC_DRAWN:
		rg_buf_puts(b, "<figure>\n");
		rg_buf_put(b, pic.s, pic.len);
		put_legend(b);
		put_cap(b, &c);
		rg_buf_puts(b, "</figure>\n");
		break;
	case RG_NETPIC_EMPTY:
		rg_buf_puts(b, "<p class=\"note\">No referrals to draw.</p>\n");
		break;
	case RG_NETPIC_UNAVAILABLE:
		rg_buf_puts(b,
			    "<p class=\"note\" id=\"nopicture\">This refgraph "
			    "was built without Graphviz's library, so the "
			    "network is not drawn. To get the picture, "
			    "install it (<code>apt-get install "
			    "libgraphviz-dev</code>) and rebuild refgraph "
			    "(<code>make</code>).</p>\n");
		break;
	case RG_NETPIC_UNLOADED:
		rg_buf_puts(b,
			    "<p class=\"note\" id=\"nopicture\">Graphviz's "
			    "library, which draws the network, cannot be "
			    "loaded, so the network is not drawn. To get the "
			    "picture, install it again (<code>apt-get "
			    "install libgraphviz-dev</code>).</p>\n");
		break;
	case RG_NETPIC_FAILED:
		rg_buf_puts(b,
			    "<p class=\"note\" id=\"nopicture\">Graphviz could "
			    "not lay out the network; <code>--format "
			    "dot</code> gives it to draw another "
			    "way.</p>\n");
		break;
	}
	rg_buf_free(&pic);
	rg_buf_puts(b, "</section>\n");
}

/* A row's tag by how late it is (rg_late): shaded by the style sheet. */
static const char *const row_open[] = {"<tr>", "<tr class=\"due late-days\">",
				       "<tr class=\"due late-weeks\">",
				       "<tr class=\"due late-months\">"};

/*
 * A cell's opening tag with its classes: n (a number, right-aligned), nw
 * (a day: never broken), p (a place: broken anywhere, paths are long),
 * d (a detail that the Action already says: left out on screens
 * narrower than all the columns need); label: the header as data-label, which a
 * card shows beside the value.
 */
static void put_open(rg_buf *b, const char *tag, const rg_table *t, size_t c,
		     bool label)
{
	bool n = t->right[c], d = t->detail[c];
	bool nw = t->types[c] == RG_CT_DATE || t->types[c] == RG_CT_DAYS;
	bool p = t->types[c] == RG_CT_PLACE;
	char cls[sizeof "n nw p d "];
	int len = snprintf(cls, sizeof cls, "%s%s%s%s", n ? "n " : "",
			   nw ? "nw " : "", p ? "p " : "", d ? "d " : "");
	rg_buf_printf(b, "<%s", tag);
	if (len > 0)
		rg_buf_printf(b, " class=\"%.*s\"", len - 1, cls);
	if (label) {
		rg_buf_puts(b, " data-label=\"");
		esc(b, t->cols[c]);
		rg_buf_putc(b, '"');
	}
	rg_buf_putc(b, '>');
}

static void put_table(rg_buf *b, const rg_table *t)
{
	rg_buf_printf(b, "<section id=\"%s\">\n<h2>", t->key);
	esc(b, t->title);
	rg_buf_puts(b, "</h2>\n");
	if (t->nrows == 0) {
		rg_buf_puts(b, "<p>Nothing to report.</p>\n</section>\n");
		return;
	}
	rg_buf_puts(b, t->single ? "<table class=\"pairs\">\n<thead><tr>"
				 : "<table class=\"rows\">\n<thead><tr>");
	for (size_t c = 0; c < t->ncols; c++) {
		put_open(b, "th", t, c, false);
		esc(b, t->cols[c]);
		rg_buf_puts(b, "</th>");
	}
	rg_buf_puts(b, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < t->nrows; i++) {
		rg_buf_puts(b, row_open[t->emph[i]]);
		for (size_t c = 0; c < t->ncols; c++) {
			put_open(b, "td", t, c, true);
			esc(b, t->cells[i * t->ncols + c]);
			rg_buf_puts(b, "</td>");
		}
		rg_buf_puts(b, "</tr>\n");
		rg_buf_spill(b);
	}
	rg_buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

void rg_render_html(rg_buf *b, const rg_report *r, const rg_graph *g,
		    const rg_render_opts *o)
{
	char today[11];
	rg_date_format(r->today, today);
	put_head(b, today);
	put_banner(b, o->diags);
	char *digest = rg_previous_line(r);
	if (digest) {
		rg_buf_puts(b, "<p id=\"digest\"><strong>");
		esc(b, digest);
		rg_buf_puts(b, "</strong></p>\n");
		free(digest);
	}
	put_tiles(b, r);
	rg_table t[RG_NREPORTS];
	size_t n = rg_tables(t, r, true, o);
	/* The picture after the summary, before the rows it explains. */
	size_t k = 0;
	if (n && t[0].single) {
		rg_table_fill(&t[0]);
		put_table(b, &t[k++]);
	}
	if (g && r->has_sources)
		put_network(b, g);
	for (; k < n; k++) {
		rg_table_fill(&t[k]);
		put_table(b, &t[k]);
		rg_table_drop(&t[k]);
	}
	rg_tables_free(t, n);
	rg_buf_puts(b, "</body>\n</html>\n");
}
