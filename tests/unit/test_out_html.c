/*
 * test_out_html: the dashboard page and its network picture.  Hostile
 * text (a script tag, a javascript: link, an attribute-breaking quote
 * with an event handler) goes through every field a note can fill:
 * names, paths, task text, organisations as sources, diagnostics; the
 * page must come out with only the tags and attributes it writes itself.
 * The picture is checked for escaping, for its cap on contacts and for
 * giving the same bytes twice.
 */
#include "testlib.h"

#include "refgraph/netpic.h"
#include "refgraph/render.h"

static const char *const payloads[] = {
	"<script>document.title='pwned'</script>",
	"javascript:alert(1)",
	"x\" onmouseover=\"alert(1)",
	"x' onerror='alert(1)",
	"<img src=x onerror=alert(1)>",
	"</style><script>alert(1)</script>",
	"]]><svg onload=alert(1)>",
	"\\N \\G \\n & &amp; &#60;",
};
#define NPAYLOADS (sizeof payloads / sizeof *payloads)

/* Every report, every text field holding payload p (and q for a second
 * name), so that each payload reaches every kind of cell. */
static void hostile_report(rg_report *r, const char *p, const char *q)
{
	memset(r, 0, sizeof *r);
	r->today = day("2026-11-22");
	r->has_followups = r->has_sources = r->has_uncredited = true;
	r->has_reciprocity = r->has_asks = r->has_summary = true;
	for (int reason = RG_FU_PROSPECT; reason <= RG_FU_TASK; reason++) {
		rg_fu_row *f = RG_VEC_PUSH(r->followups);
		f->reason = (rg_fu_reason)reason;
		f->contact = p;
		f->source = p;
		f->prospect = q;
		f->status = RG_ST_CONTACTED;
		f->task = p;
		f->file = p;
		f->line = 3;
		f->due = day("2026-10-01");
		f->days_overdue = 52;
		f->date = f->last_touch = day("2026-09-01");
	}
	rg_src_row *s = RG_VEC_PUSH(r->sources);
	s->contact = p;
	s->referrals = 1;
	rg_un_row *u = RG_VEC_PUSH(r->uncredited);
	u->contact = p;
	u->source = q;
	u->file = p;
	u->date = RG_NODATE;
	rg_rec_row *x = RG_VEC_PUSH(r->reciprocity);
	x->contact = p;
	x->file = p;
	x->last_received = x->last_given = RG_NODATE;
	rg_ask_row *a = RG_VEC_PUSH(r->asks);
	a->contact = p;
	a->file = p;
	a->last_asked = a->last_testimonial = a->last_referral = RG_NODATE;
	a->last_touch = RG_NODATE;
}

/* A graph of three referrals to the owner, every name hostile. */
static void hostile_graph(rg_graph *g, const char *p, const char *q)
{
	memset(g, 0, sizeof *g);
	const char *names[] = {"Pat Owner", p, q, "Implicit \\N"};
	for (size_t i = 0; i < 4; i++) {
		rg_contact *c = RG_VEC_PUSH(g->contacts);
		c->name = names[i];
		c->written = i < 3;
		c->owner = i == 0;
		c->last_touch = c->first_touch = c->since = RG_NODATE;
	}
	g->owner = 0;
	static const rg_status st[] = {RG_ST_WON, RG_ST_LOST, RG_ST_NEW};
	for (int i = 0; i < 3; i++) {
		rg_referral *x = RG_VEC_PUSH(g->referrals);
		x->src = 1 + (i == 2);
		x->pro = i == 2 ? 3 : 2 + (i == 1);
		x->rcv = 0;
		x->to_me = true;
		x->status = st[i];
		x->date = x->closed = x->thanked = x->informed = RG_NODATE;
	}
	/* one the owner passed on to someone else */
	rg_referral *x = RG_VEC_PUSH(g->referrals);
	x->src = 0;
	x->pro = 3;
	x->rcv = 1;
	x->status = RG_ST_MEETING;
	x->date = x->closed = x->thanked = x->informed = RG_NODATE;
}

static void graph_free(rg_graph *g)
{
	RG_VEC_FREE(g->contacts);
	RG_VEC_FREE(g->referrals);
}

static char *page(const rg_report *r, const rg_graph *g, const rg_diags *d)
{
	rg_render_opts o = {0};
	o.ahead = -1;
	o.since = RG_NODATE;
	o.diags = d;
	rg_buf b = {0};
	rg_render_html(&b, r, g, &o);
	return b.s ? b.s : strdup("");
}

/* The tags and attributes the page and Graphviz's SVG write. */
static const char *const tags[] = {
	"!DOCTYPE",   "html",  "head", "meta",	   "title",  "style",
	"body",	      "h1",    "h2",   "section",  "strong", "ul",
	"li",	      "code",  "p",    "div",	   "span",   "table",
	"thead",      "tbody", "tr",   "th",	   "td",     "figure",
	"figcaption", "svg",   "g",    "polygon",  "path",   "ellipse",
	"text",	      "rect",  "line", "polyline", "!--",    NULL};
static const char *const attrs[] = {"lang",
				    "charset",
				    "name",
				    "content",
				    "id",
				    "class",
				    "role",
				    "aria-label",
				    "aria-hidden",
				    "data-label",
				    "width",
				    "height",
				    "viewBox",
				    "xmlns",
				    "xmlns:xlink",
				    "transform",
				    "fill",
				    "stroke",
				    "points",
				    "cx",
				    "cy",
				    "rx",
				    "ry",
				    "x",
				    "y",
				    "x1",
				    "y1",
				    "x2",
				    "y2",
				    "d",
				    "text-anchor",
				    "font-family",
				    "font-size",
				    "stroke-width",
				    "stroke-dasharray",
				    NULL};

static bool listed(const char *const *list, const char *s, size_t n)
{
	for (size_t i = 0; list[i]; i++)
		if (strlen(list[i]) == n && strncmp(list[i], s, n) == 0)
			return true;
	return false;
}

/* Check one tag from its name on: the name and every attribute name are
 * known, values are quoted.  Returns the end of the tag. */
static const char *check_tag(const char *t)
{
	if (*t == '/')
		t++;
	size_t n = strcspn(t, " \t\n/>");
	if (!listed(tags, t, n))
		fail_msg("unexpected tag <%.*s", (int)n, t);
	if (strncmp(t, "!--", 3) == 0)
		return strstr(t, "-->") + 2;
	t += n;
	while (*t && *t != '>') {
		t += strspn(t, " \t\n/");
		if (*t == '>' || !*t)
			break;
		size_t a = strcspn(t, "= \t\n>");
		if (t[a] == '=' && t[a + 1] != '"')
			fail_msg("unquoted value of %.*s", (int)a, t);
		if (!listed(attrs, t, a) && strncmp(t, "PUBLIC", a) != 0 &&
		    strncmp(t, "html", a) != 0)
			fail_msg("unexpected attribute %.*s", (int)a, t);
		t += a;
		if (*t == '=') {
			const char *end = strchr(t + 2, '"');
			assert_non_null(end);
			t = end + 1;
		}
	}
	return t;
}

/* Walk every tag of the page; the style sheet's text is skipped. */
static void only_own_markup(const char *s)
{
	for (const char *t = strchr(s, '<'); t; t = strchr(t, '<')) {
		bool style = strncmp(t, "<style>", 7) == 0;
		t = check_tag(t + 1);
		if (style)
			t = strstr(t, "</style>");
		assert_non_null(t);
		t++;
	}
}

static void hostile_fields(void **state)
{
	(void)state;
	for (size_t k = 0; k < NPAYLOADS; k++) {
		const char *p = payloads[k], *q = payloads[(k + 1) % NPAYLOADS];
		rg_report r;
		hostile_report(&r, p, q);
		rg_graph g;
		hostile_graph(&g, p, q);
		rg_diags d = {0};
		rg_diag(&d, p, 2, 1, RG_ERROR, "bad %s", q);
		rg_diag(&d, q, 3, 4, RG_WARNING, "%s", p);
		char *s = page(&r, &g, &d);
		assert_null(strstr(s, "<script"));
		assert_null(strstr(s, "<img"));
		assert_null(strstr(s, "\" onmouseover="));
		assert_null(strstr(s, "' onerror="));
		assert_null(strstr(s, "<svg onload"));
		assert_null(strstr(s, "href"));
		only_own_markup(s);
		free(s);
		rg_diags_free(&d);
		graph_free(&g);
		rg_report_free(&r);
	}
}

/* The page shows each payload as text people can read. */
static void payloads_as_text(void **state)
{
	(void)state;
	rg_report r;
	hostile_report(&r, payloads[0], payloads[2]);
	char *s = page(&r, NULL, NULL);
	assert_non_null(strstr(
		s,
		"&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
	assert_non_null(strstr(s, "x&quot; onmouseover=&quot;alert(1)"));
	/* the task text is the action of a task row */
	assert_non_null(strstr(s, "data-label=\"Action\">&lt;script&gt;"));
	free(s);
	rg_report_free(&r);
}

static void banner(void **state)
{
	(void)state;
	rg_report r = {0};
	r.today = day("2026-11-22");
	r.has_followups = true;
	char *s = page(&r, NULL, NULL);
	assert_null(strstr(s, "id=\"diagnostics\""));
	free(s);
	rg_diags d = {0};
	rg_diag(&d, "a.md", 1, 1, RG_NOTE, "only a note");
	s = page(&r, NULL, &d);
	assert_null(strstr(s, "id=\"diagnostics\"")); /* notes: no banner */
	free(s);
	for (int i = 0; i < 6; i++)
		rg_diag(&d, "people/b.md", 10 + i, 2,
			i < 2 ? RG_ERROR : RG_WARNING, "message %d", i);
	rg_diag(&d, "c.yaml", 0, 0, RG_WARNING, "no place");
	s = page(&r, NULL, &d);
	assert_non_null(strstr(s, "The notes have 2 errors and 5 warnings"));
	assert_non_null(strstr(
		s, "<li><code>people/b.md:10:2</code> error: message 0</li>"));
	assert_non_null(strstr(
		s,
		"<li><code>people/b.md:14:2</code> warning: message 4</li>"));
	assert_null(strstr(s, "message 5"));   /* the first five only */
	assert_null(strstr(s, "only a note")); /* a note is not listed */
	assert_non_null(strstr(s, "and 2 more"));
	/* before the figures */
	assert_true(strstr(s, "id=\"diagnostics\"") <
		    strstr(s, "id=\"glance\""));
	free(s);
	rg_diags_free(&d);
	d = (rg_diags){0};
	rg_diag(&d, "x.md", 1, 1, RG_WARNING, "w");
	s = page(&r, NULL, &d);
	assert_non_null(strstr(s, "The notes have 1 warning</strong>"));
	free(s);
	rg_diags_free(&d);
}

static void tiles(void **state)
{
	(void)state;
	rg_report r;
	hostile_report(&r, "A", "B");
	r.followups.v[0].days_overdue = -3; /* not yet due: not counted */
	r.summary.has_referral_number = true;
	r.summary.referral_number = 0.25;
	r.summary.won_value = 12345.5;
	char *s = page(&r, NULL, NULL);
	assert_non_null(strstr(s, "id=\"tile-number\"><strong>25%</strong>"));
	assert_non_null(strstr(s, "id=\"tile-overdue\"><strong>3</strong>"));
	assert_non_null(strstr(s, "id=\"tile-won\"><strong>12,345.5</strong>"));
	assert_non_null(strstr(s, "id=\"tile-uncredited\"><strong>1</strong>"));
	/* the summary first, then the picture's place, then the rows */
	assert_true(strstr(s, "<section id=\"summary\"") <
		    strstr(s, "<section id=\"followups\""));
	free(s);
	/* without the summary, won value is the sources' */
	r.has_summary = false;
	r.sources.v[0].won_value = 700;
	s = page(&r, NULL, NULL);
	assert_null(strstr(s, "tile-number"));
	assert_non_null(strstr(s, "id=\"tile-won\"><strong>700</strong>"));
	free(s);
	rg_report_free(&r);
}

/* Rows carry their headers for cards; overdue rows their lateness. */
static void cards(void **state)
{
	(void)state;
	rg_report r;
	hostile_report(&r, "A", "B");
	char *s = page(&r, NULL, NULL);
	assert_non_null(strstr(s, "<table class=\"rows\">"));
	assert_non_null(strstr(s, "<table class=\"pairs\">"));
	assert_non_null(strstr(s,
			       "<tr class=\"due late-months\"><td class=\"nw\" "
			       "data-label=\"Due\">2026-10-01</td>"));
	assert_non_null(strstr(s, "<td class=\"p\" data-label=\"Place\">A:3"));
	assert_non_null(strstr(s, "@media (prefers-color-scheme:dark)"));
	assert_non_null(strstr(s, "@media print"));
	assert_non_null(strstr(s, "content:attr(data-label)"));
	free(s);
	rg_report_free(&r);
}

static void picture_on_page(void **state)
{
	(void)state;
	rg_report r;
	hostile_report(&r, "A", "B");
	rg_graph g;
	hostile_graph(&g, "Dana", "Ravi");
	char *s = page(&r, &g, NULL);
#ifdef RG_HAVE_GVC
	assert_non_null(strstr(s, "<svg class=\"net\" role=\"img\""));
	assert_non_null(strstr(s, "<ul class=\"legend\">"));
	assert_null(strstr(s, "<?xml"));
	assert_null(strstr(s, "<!DOCTYPE svg"));
#else
	assert_non_null(strstr(s, "apt-get install libgraphviz-dev"));
#endif
	assert_true(strstr(s, "id=\"network\"") <
		    strstr(s, "<section id=\"followups\""));
	free(s);
	/* no sources report: no picture */
	r.has_sources = false;
	s = page(&r, &g, NULL);
	assert_null(strstr(s, "id=\"network\""));
	free(s);
	graph_free(&g);
	rg_report_free(&r);
}

static void picture(void **state)
{
	(void)state;
	rg_graph g;
	hostile_graph(&g, payloads[0], payloads[2]);
	rg_buf a = {0}, b = {0};
	rg_netpic_counts c;
	rg_netpic_status st = rg_netpic_svg(&a, &g, &c);
#ifdef RG_HAVE_GVC
	assert_int_equal(st, RG_NETPIC_DRAWN);
	assert_int_equal(c.contacts, 4);
	assert_int_equal(c.shown, 4);
	assert_true(strncmp(a.s, "<svg class=\"net\"", 16) == 0);
	assert_null(strstr(a.s, "<script"));
	assert_null(strstr(a.s, "\" onmouseover"));
	assert_non_null(strstr(a.s, "&lt;script&gt;document.title="));
	/* backslashes are shown, not read as Graphviz escapes */
	assert_non_null(strstr(a.s, ">Implicit \\N<"));
	/* status and kind as classes for the style sheet */
	assert_non_null(strstr(a.s, "class=\"edge won\""));
	assert_non_null(strstr(a.s, "class=\"edge lost\""));
	assert_non_null(strstr(a.s, "class=\"edge open\""));
	assert_non_null(strstr(a.s, "class=\"edge given\""));
	assert_non_null(strstr(a.s, "class=\"node owner\""));
	assert_non_null(strstr(a.s, "class=\"node prospect implicit\""));
	/* no ids for tooltips, no comments */
	assert_null(strstr(a.s, "<title>"));
	assert_null(strstr(a.s, "<!--"));
	assert_non_null(strstr(a.s, "</svg>\n"));
	/* the same graph, the same bytes */
	assert_int_equal(rg_netpic_svg(&b, &g, NULL), RG_NETPIC_DRAWN);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.s, b.s, a.len);
#else
	assert_int_equal(st, RG_NETPIC_UNAVAILABLE);
	(void)b;
#endif
	rg_buf_free(&a);
	rg_buf_free(&b);
	graph_free(&g);
	/* nothing to draw */
	rg_graph e = {0};
	assert_int_equal(rg_netpic_svg(&a, &e, &c), RG_NETPIC_EMPTY);
	assert_int_equal(a.len, 0);
}

/* A huge network: the most connected contacts only, and the page says so. */
static void picture_cap(void **state)
{
	(void)state;
	enum { N = RG_NETPIC_MAX_NODES + 30 };
	rg_graph g = {0};
	char names[N][16];
	for (int i = 0; i < N; i++) {
		snprintf(names[i], sizeof names[i], "c%d", i);
		rg_contact *k = RG_VEC_PUSH(g.contacts);
		k->name = names[i];
		k->written = true;
		k->owner = i == 0;
	}
	/* contact 1 the source of all; the rest prospects once, 2 twice */
	for (int i = 2; i < N; i++) {
		for (int rep = 0; rep < (i == 2 ? 2 : 1); rep++) {
			rg_referral *x = RG_VEC_PUSH(g.referrals);
			x->src = 1;
			x->pro = i;
			x->rcv = 0;
			x->to_me = true;
			x->status = RG_ST_NEW;
		}
	}
	rg_buf b = {0};
	rg_netpic_counts c;
	rg_netpic_status st = rg_netpic_svg(&b, &g, &c);
#ifdef RG_HAVE_GVC
	assert_int_equal(st, RG_NETPIC_DRAWN);
	assert_int_equal(c.contacts, N);
	assert_int_equal(c.shown, RG_NETPIC_MAX_NODES);
	assert_non_null(strstr(b.s, ">c2<")); /* most connected prospect */
	assert_null(strstr(b.s, ">c"
				"149<")); /* the last ones are left out */
	rg_report r = {0};
	r.today = day("2026-11-22");
	r.has_sources = true;
	char *s = page(&r, &g, NULL);
	char want[100];
	snprintf(want, sizeof want, "The %d most connected of %d contacts",
		 RG_NETPIC_MAX_NODES, N);
	assert_non_null(strstr(s, want));
	assert_null(strstr(s, "referrals between them"));
	free(s);
	/* many referrals between few contacts: the first ones only */
	for (int i = 0; i < RG_NETPIC_MAX_EDGES; i++) {
		rg_referral *x = RG_VEC_PUSH(g.referrals);
		x->src = 1;
		x->pro = 2;
		x->rcv = 0;
		x->to_me = true;
		x->status = RG_ST_WON;
	}
	rg_buf_free(&b);
	assert_int_equal(rg_netpic_svg(&b, &g, &c), RG_NETPIC_DRAWN);
	/* one referral to each prospect kept (MAX_NODES - 2 of them, c2
	 * twice), then the new ones */
	size_t kept = RG_NETPIC_MAX_NODES - 2 + 1 + RG_NETPIC_MAX_EDGES;
	assert_int_equal(c.referrals, kept);
	assert_int_equal(c.referrals_shown, RG_NETPIC_MAX_EDGES);
	size_t won = 0;
	for (const char *t = b.s; (t = strstr(t, "class=\"edge won\"")); t++)
		won++;
	/* in the graph's order: the open ones, then won ones up to the cap */
	size_t open = kept - RG_NETPIC_MAX_EDGES;
	assert_int_equal(won, RG_NETPIC_MAX_EDGES - open);
	s = page(&r, &g, NULL);
	snprintf(want, sizeof want, "The first %d of %zu referrals",
		 RG_NETPIC_MAX_EDGES, kept);
	assert_non_null(strstr(s, want));
	free(s);
#else
	assert_int_equal(st, RG_NETPIC_UNAVAILABLE);
#endif
	rg_buf_free(&b);
	graph_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hostile_fields),
		cmocka_unit_test(payloads_as_text),
		cmocka_unit_test(banner),
		cmocka_unit_test(tiles),
		cmocka_unit_test(cards),
		cmocka_unit_test(picture_on_page),
		cmocka_unit_test(picture),
		cmocka_unit_test(picture_cap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
