/*
 * netpic: the referral network as an inline SVG picture, laid out by
 * Graphviz's library.  This file owns which contacts and referrals are
 * drawn, how they look, and turning Graphviz's SVG into an element that
 * can sit in an HTML page.
 *
 * The layout is twopi's radial one rooted at the owner, so the owner is
 * at the centre; an invisible edge from the owner to each source of a
 * referral to the owner puts the sources on the first ring and their
 * prospects beyond.  twopi uses no random start, and contacts and
 * referrals are added in the graph's own order, so the same notes give
 * the same bytes.  Built without the library (no RG_HAVE_GVC), the
 * picture is unavailable and the page says how to get it.
 */
#include <stdlib.h>
#include <string.h>

#include "refgraph/netpic.h"
#include "refgraph/render.h"

#ifdef RG_HAVE_GVC
#include <gvc.h>

#include "refgraph/dynlib.h"

/* The functions of Graphviz's libraries this module calls, loaded when a
 * page first draws the network (dynlib.h); without them the page says
 * how to get the picture, as a build without the library does. */
#define GVC_FNS(X)                                                             \
	X(agattr)                                                              \
	X(agclose)                                                             \
	X(agedge)                                                              \
	X(agnode)                                                              \
	X(agopen)                                                              \
	X(agsafeset)                                                           \
	X(agseterr)                                                            \
	X(agseterrf)                                                           \
	X(gvContext)                                                           \
	X(gvFreeLayout)                                                        \
	X(gvFreeRenderData)                                                    \
	X(gvLayout)                                                            \
	X(gvRenderData)

static struct {
	GVC_FNS(RG_DYNLIB_FIELD)
} gv;
static const char *const gv_names[] = {GVC_FNS(RG_DYNLIB_NAME)};
RG_DYNLIB_CHECK(gv, gv_names);
static rg_dynlib libgvc = RG_DYNLIB_INIT(RG_SONAME_GVC, RG_DEBPKG_GVC,
					 "the network picture", gv, gv_names);

/* Longest label, in code points, before it is cut with an ellipsis:
 * a name long enough to fill the picture says nothing more. */
#define LABEL_MAX 32
/* Room for "n" and a contact index. */
#define NODE_ID_SIZE 24

/* How each status is drawn: a class the page's style sheet can recolour
 * (dark mode), and Graphviz's own attributes for the picture alone. */
typedef struct look {
	const char *cls, *color, *style, *width;
} look;

static const look won_look = {"won", "#2e7d32", "solid", "2.2"};
static const look lost_look = {"lost", "#9e9e9e", "dotted", "1.2"};
static const look open_look = {"open", "#1565c0", "solid", "1.2"};
static const look given_look = {"given", "#8e24aa", "dashed", "1"};

static const look *status_look(rg_status s)
{
	if (s == RG_ST_WON)
		return &won_look;
	return RG_ST_IS_CLOSED(s) ? &lost_look : &open_look;
}

/*
 * A name as a Graphviz label: valid UTF-8 without control characters,
 * cut to LABEL_MAX code points, and every backslash doubled (Graphviz
 * reads \N, \G, \n and \l in labels as escapes).  Graphviz escapes the
 * rest for XML when it writes the SVG.
 */
static char *label_of(const char *name)
{
	rg_buf clean = {0}, b = {0};
	rg_put_clean(&clean, name ? name : "", " ");
	size_t points = 0;
	for (const char *t = clean.s ? clean.s : ""; *t; t++) {
		if (((unsigned char)*t & 0xC0) != 0x80 &&
		    ++points > LABEL_MAX) {
			rg_buf_puts(&b, "\xE2\x80\xA6"); /* … */
			break;
		}
		if (*t == '\\')
			rg_buf_putc(&b, '\\');
		rg_buf_putc(&b, *t);
	}
	rg_buf_free(&clean);
	return b.s ? b.s : rg_strdup("");
}

/* Graphviz 2.43 takes char * for strings it only copies. */
static void set(void *obj, const char *name, const char *value)
{
	gv.agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

static void declare(Agraph_t *ag, int kind, const char *name, const char *value)
{
	gv.agattr(ag, kind, (char *)name, (char *)value);
}

/* Which contacts are drawn: the owner and the most connected others, up
 * to RG_NETPIC_MAX_NODES.  Returns a flag per contact (owned). */
typedef struct pick {
	size_t idx, degree;
} pick;

static int by_degree(const void *a, const void *b)
{
	const pick *x = a, *y = b;
	if (x->degree != y->degree)
		return x->degree > y->degree ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static bool *choose(const rg_graph *g, rg_netpic_counts *c)
{
	size_t n = g->contacts.n;
	size_t *deg = rg_calloc(n ? n : 1, sizeof *deg);
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *x = &g->referrals.v[i];
		deg[x->src]++;
		if (x->pro != x->src)
			deg[x->pro]++;
		if (x->rcv != x->src && x->rcv != x->pro)
			deg[x->rcv]++;
	}
	pick *p = rg_calloc(n ? n : 1, sizeof *p);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (deg[i] && (int)i != g->owner)
			p[m++] = (pick){i, deg[i]};
	qsort(p, m, sizeof *p, by_degree);
	bool *keep = rg_calloc(n ? n : 1, sizeof *keep);
	bool owner_in =
		g->owner >= 0 && (size_t)g->owner < n && deg[g->owner] > 0;
	size_t room = RG_NETPIC_MAX_NODES - (owner_in ? 1 : 0);
	for (size_t k = 0; k < m && k < room; k++)
		keep[p[k].idx] = true;
	if (owner_in)
		keep[g->owner] = true;
	c->contacts = m + (owner_in ? 1 : 0);
	c->shown = (m < room ? m : room) + (owner_in ? 1 : 0);
	free(p);
	free(deg);
	return keep;
}

static Agnode_t *node_of(Agraph_t *ag, size_t i)
{
	char id[NODE_ID_SIZE];
	snprintf(id, sizeof id, "n%zu", i);
	return gv.agnode(ag, id, 0);
}

static void add_nodes(Agraph_t *ag, const rg_graph *g, const bool *keep,
		      const bool *source)
{
	for (size_t i = 0; i < g->contacts.n; i++) {
		if (!keep[i])
			continue;
		const rg_contact *k = &g->contacts.v[i];
		char id[NODE_ID_SIZE];
		snprintf(id, sizeof id, "n%zu", i);
		Agnode_t *v = gv.agnode(ag, id, 1);
		char *label = label_of(k->name);
		set(v, "label", label);
		free(label);
		const char *cls = k->owner    ? "owner"
				  : source[i] ? "source"
					      : "prospect";
		char style[40];
		snprintf(style, sizeof style, "rounded,filled%s%s",
			 k->written ? "" : ",dashed", k->owner ? ",bold" : "");
		char klass[40];
		snprintf(klass, sizeof klass, "%s%s", cls,
			 k->written ? "" : " implicit");
		set(v, "class", klass);
		set(v, "style", style);
		set(v, "fillcolor",
		    k->owner	? "#fff3c4"
		    : source[i] ? "#dbe9fb"
				: "#ffffff");
		if (k->owner)
			set(v, "penwidth", "2");
	}
}

static void add_edge(Agraph_t *ag, Agnode_t *a, Agnode_t *b, const look *l)
{
	Agedge_t *e = gv.agedge(ag, a, b, NULL, 1);
	set(e, "class", l->cls);
	set(e, "color", l->color);
	set(e, "style", l->style);
	set(e, "penwidth", l->width);
}

static void add_edges(Agraph_t *ag, const rg_graph *g, const bool *keep,
		      const bool *source, rg_netpic_counts *c)
{
	Agnode_t *me = g->owner >= 0 && keep[g->owner]
			       ? node_of(ag, (size_t)g->owner)
			       : NULL;
	for (size_t i = 0; me && i < g->contacts.n; i++) {
		if (!keep[i] || !source[i])
			continue;
		Agedge_t *e = gv.agedge(ag, me, node_of(ag, i), NULL, 1);
		set(e, "style", "invis");
	}
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *x = &g->referrals.v[i];
		if (!keep[x->src] || !keep[x->pro] ||
		    c->referrals++ >= RG_NETPIC_MAX_EDGES)
			continue;
		c->referrals_shown++;
		add_edge(ag, node_of(ag, (size_t)x->src),
			 node_of(ag, (size_t)x->pro), status_look(x->status));
		if (!x->to_me && x->rcv != x->src && x->rcv != x->pro &&
		    keep[x->rcv])
			add_edge(ag, node_of(ag, (size_t)x->pro),
				 node_of(ag, (size_t)x->rcv), &given_look);
	}
}

static void declare_attrs(Agraph_t *ag, const char *root)
{
	declare(ag, AGRAPH, "root", root);
	declare(ag, AGRAPH, "ranksep", "1.1");
	declare(ag, AGRAPH, "overlap", "false");
	declare(ag, AGRAPH, "bgcolor", "transparent");
	declare(ag, AGRAPH, "fontname", "Helvetica");
	declare(ag, AGNODE, "shape", "box");
	declare(ag, AGNODE, "fontname", "Helvetica");
	declare(ag, AGNODE, "fontsize", "11");
	declare(ag, AGNODE, "label", "");
	declare(ag, AGNODE, "class", "");
	declare(ag, AGNODE, "style", "");
	declare(ag, AGNODE, "fillcolor", "");
	declare(ag, AGNODE, "penwidth", "1");
	declare(ag, AGEDGE, "class", "");
	declare(ag, AGEDGE, "color", "black");
	declare(ag, AGEDGE, "style", "");
	declare(ag, AGEDGE, "penwidth", "1");
	declare(ag, AGEDGE, "arrowsize", "0.7");
}

/*
 * Graphviz's SVG from its <svg ...> on, marked for the page's style
 * sheet.  Its prolog (XML declaration, DOCTYPE, comments) is left out,
 * and so are the lines that only name an object by its id (<title>n3,
 * <!-- n3 -->): a browser would show "n3" as the tooltip.  Graphviz
 * writes each of those on a line of its own.
 */
static bool put_svg(rg_buf *out, const char *data, size_t len)
{
	const char *at = data ? strstr(data, "<svg") : NULL;
	if (!at)
		return false;
	rg_buf_puts(out, "<svg class=\"net\" role=\"img\" "
			 "aria-label=\"The referral network\"");
	at += strlen("<svg");
	const char *end = data + len;
	while (at < end) {
		const char *nl = memchr(at, '\n', (size_t)(end - at));
		size_t n = nl ? (size_t)(nl - at) + 1 : (size_t)(end - at);
		if (strncmp(at, "<title>", strlen("<title>")) != 0 &&
		    strncmp(at, "<!-- ", strlen("<!-- ")) != 0)
			rg_buf_put(out, at, n);
		at += n;
	}
	return true;
}

/*
 * One Graphviz context for the whole run, never freed: Graphviz 2.43's
 * text layout plugin (pango) keeps a pointer to the last font name it
 * measured, which belongs to the context, and reads it on the next
 * layout; a second context after freeing the first reads freed memory.
 */
static GVC_t *context(void)
{
	static GVC_t *gvc;
	if (!gvc)
		gvc = gv.gvContext();
	return gvc;
}

/*
 * Under AddressSanitizer, leave out of the leak report what fontconfig
 * and pango (loaded by Graphviz to measure text) keep for the process
 * and never free: caches, not leaks of ours.
 */
#if defined(__SANITIZE_ADDRESS__)
#define RG_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RG_ASAN 1
#endif
#endif
#ifdef RG_ASAN
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\nleak:libpango\nleak:libcairo.so\n"
	       "leak:libglib-2.0.so\nleak:libgvplugin_pango.so\n";
}
#endif

/* Where Graphviz's messages go: nowhere. */
static int quiet(char *msg)
{
	(void)msg;
	return 0;
}

static rg_netpic_status lay_out(rg_buf *out, const rg_graph *g,
				const bool *keep, const bool *source,
				rg_netpic_counts *c)
{
	char root[NODE_ID_SIZE];
	snprintf(root, sizeof root, "n%d", g->owner);
	/* Graphviz's messages (fonts, overlaps, a root not drawn) are not
	 * about the notes: standard error keeps only diagnostics. */
	gv.agseterr(AGMAX);
	gv.agseterrf(quiet);
	GVC_t *gvc = context();
	/* cgraph's Agdirected ({1, 0, 0, 1}), made here: a library loaded
	 * on first use gives functions, not its data */
	Agdesc_t directed = {0};
	directed.directed = 1;
	directed.maingraph = 1;
	Agraph_t *ag = gv.agopen((char *)"referrals", directed, NULL);
	declare_attrs(ag, root);
	add_nodes(ag, g, keep, source);
	add_edges(ag, g, keep, source, c);
	rg_netpic_status st = RG_NETPIC_FAILED;
	char *data = NULL;
	unsigned int len = 0;
	if (gv.gvLayout(gvc, ag, "twopi") == 0) {
		if (gv.gvRenderData(gvc, ag, "svg", &data, &len) == 0 &&
		    put_svg(out, data, len))
			st = RG_NETPIC_DRAWN;
		gv.gvFreeRenderData(data);
		gv.gvFreeLayout(gvc, ag);
	}
	gv.agclose(ag);
	return st;
}

rg_netpic_status rg_netpic_svg(rg_buf *out, const rg_graph *g,
			       rg_netpic_counts *counts)
{
	rg_netpic_counts c = {0};
	if (!g || g->referrals.n == 0) {
		if (counts)
			*counts = c;
		return RG_NETPIC_EMPTY;
	}
	char *why = NULL;
	if (!rg_dynlib_load(&libgvc, &why)) {
		free(why);
		if (counts)
			*counts = c;
		return RG_NETPIC_UNLOADED;
	}
	bool *keep = choose(g, &c);
	bool *source = rg_calloc(g->contacts.n, sizeof *source);
	for (size_t i = 0; i < g->referrals.n; i++)
		if (g->referrals.v[i].to_me)
			source[g->referrals.v[i].src] = true;
	if (g->owner >= 0 && (size_t)g->owner < g->contacts.n)
		source[g->owner] = false;
	rg_netpic_status st = lay_out(out, g, keep, source, &c);
	if (counts)
		*counts = c;
	free(source);
	free(keep);
	return st;
}

#else /* built without Graphviz's library */

rg_netpic_status rg_netpic_svg(rg_buf *out, const rg_graph *g,
			       rg_netpic_counts *counts)
{
	(void)out;
	if (counts)
		*counts = (rg_netpic_counts){0};
	return g && g->referrals.n ? RG_NETPIC_UNAVAILABLE : RG_NETPIC_EMPTY;
}

#endif
