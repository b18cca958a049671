/*
 * fuzz_report: a whole notes folder in one input, through the whole run
 * but the disk: settings, every file parsed, the graph, the three reports
 * and all six renderers.  The input is
 *     FLAGS-BYTE  settings text  ("=== PATH\n" file text)...
 * so file names are fuzzed too (hostile names reach every column).
 * Checked besides crashes, for whatever the names hold:
 *   json  parses as JSON, strings hold no raw control bytes;
 *   html  every '<' opens one of the page's own tags;
 *   dot   no quoted string spans a line, quotes balance;
 *   csv   every row of a table has the header's number of fields, and no
 *         text cell starts with = + - @ TAB CR (formula injection);
 *   md    every table row has the header's number of cells;
 *   text  one row per line: no control bytes but LF;
 *   all   valid UTF-8.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/config.h"
#include "refgraph/date.h"
#include "refgraph/graph.h"
#include "refgraph/names.h"
#include "refgraph/note.h"
#include "refgraph/notes.h"
#include "refgraph/render.h"
#include "refgraph/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXFILES 24

/* ---- a small JSON checker (RFC 8259 grammar, depth bounded) ---- */

typedef struct jp {
	const char *s;
	size_t n, i;
} jp;

static void jws(jp *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\n' ||
			       p->s[p->i] == '\t' || p->s[p->i] == '\r'))
		p->i++;
}

static bool jlit(jp *p, const char *w)
{
	size_t k = strlen(w);
	if (p->n - p->i < k || memcmp(p->s + p->i, w, k) != 0)
		return false;
	p->i += k;
	return true;
}

static bool hex4(jp *p)
{
	for (int k = 0; k < 4; k++, p->i++)
		if (p->i >= p->n ||
		    !strchr("0123456789abcdefABCDEF", p->s[p->i]) ||
		    p->s[p->i] == '\0')
			return false;
	return true;
}

static bool jstring(jp *p)
{
	if (p->i >= p->n || p->s[p->i] != '"')
		return false;
	p->i++;
	while (p->i < p->n) {
		unsigned char c = (unsigned char)p->s[p->i];
		if (c == '"') {
			p->i++;
			return true;
		}
		if (c < 0x20)
			return false;
		if (c == '\\') {
			p->i++;
			if (p->i >= p->n)
				return false;
			char e = p->s[p->i++];
			if (e == 'u') {
				if (!hex4(p))
					return false;
			} else if (!strchr("\"\\/bfnrt", e) || e == '\0') {
				return false;
			}
			continue;
		}
		p->i++;
	}
	return false;
}

static bool jnumber(jp *p)
{
	size_t b = p->i;
	if (p->i < p->n && p->s[p->i] == '-')
		p->i++;
	if (p->i >= p->n)
		return false;
	if (p->s[p->i] == '0') {
		p->i++;
	} else if (p->s[p->i] >= '1' && p->s[p->i] <= '9') {
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
	} else {
		return false;
	}
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		size_t d = p->i;
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
		if (p->i == d)
			return false;
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		size_t d = p->i;
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
		if (p->i == d)
			return false;
	}
	return p->i > b;
}

static bool jvalue(jp *p, int depth)
{
	if (depth > 16)
		return false;
	jws(p);
	if (p->i >= p->n)
		return false;
	char c = p->s[p->i];
	if (c == '{' || c == '[') {
		char close = c == '{' ? '}' : ']';
		p->i++;
		jws(p);
		if (p->i < p->n && p->s[p->i] == close) {
			p->i++;
			return true;
		}
		for (;;) {
			if (c == '{') {
				jws(p);
				if (!jstring(p))
					return false;
				jws(p);
				if (p->i >= p->n || p->s[p->i++] != ':')
					return false;
			}
			if (!jvalue(p, depth + 1))
				return false;
			jws(p);
			if (p->i >= p->n)
				return false;
			if (p->s[p->i] == ',') {
				p->i++;
				continue;
			}
			if (p->s[p->i] == close) {
				p->i++;
				return true;
			}
			return false;
		}
	}
	if (c == '"')
		return jstring(p);
	if (jlit(p, "null") || jlit(p, "true") || jlit(p, "false"))
		return true;
	return jnumber(p);
}

static void check_json(const rg_buf *b)
{
	jp p = {b->s ? b->s : "", b->len, 0};
	if (!jvalue(&p, 0))
		abort();
	jws(&p);
	if (p.i != p.n)
		abort();
}

/* ---- html: only the page's own tags ---- */

/*
 * The page's own elements: its tables and headings, the summary tiles
 * and legend, and the network picture's SVG (Graphviz's shapes and
 * text).  Any other tag would have come from the notes.
 */
static bool page_tag(const char *name, size_t n)
{
	static const char *const names[] = {
		"!DOCTYPE", "html",	"head",	   "meta",   "title",
		"style",    "body",	"h1",	   "h2",     "p",
		"section",  "table",	"thead",   "tbody",  "tr",
		"th",	    "td",	"div",	   "strong", "span",
		"ul",	    "li",	"code",	   "figure", "figcaption",
		"svg",	    "g",	"rect",	   "line",   "path",
		"polygon",  "polyline", "ellipse", "text"};
	for (size_t k = 0; k < sizeof names / sizeof *names; k++)
		if (strlen(names[k]) == n && strncmp(names[k], name, n) == 0)
			return true;
	return false;
}

static void check_html(const rg_buf *b)
{
	const char *s = b->s ? b->s : "";
	for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
		const char *name = p + 1 + (p[1] == '/');
		size_t n = strcspn(name, " />\n");
		if (!page_tag(name, n) ||
		    (name[n] != ' ' && name[n] != '>' && name[n] != '/'))
			abort();
	}
}

/* ---- dot: quoted strings stay on their line ---- */

static void check_dot(const rg_buf *b)
{
	bool inq = false;
	for (size_t i = 0; i < b->len; i++) {
		char c = b->s[i];
		if (inq && c == '\\') {
			i++;
			if (i < b->len && b->s[i] == '\n')
				abort();
			continue;
		}
		if (c == '"')
			inq = !inq;
		else if (c == '\n' && inq)
			abort();
	}
	if (inq)
		abort();
}

/* ---- csv ---- */

static bool numeric_text(const char *s, size_t n)
{
	if (n == 0)
		return true;
	for (size_t i = 0; i < n; i++)
		if (!strchr("0123456789.-+e", s[i]) || s[i] == '\0')
			return false;
	return true;
}

static void check_csv(const rg_buf *b)
{
	const char *s = b->s ? b->s : "";
	size_t n = b->len, i = 0;
	long want = -1; /* fields per row of the current table */
	while (i < n) {
		if (s[i] == '\n') { /* a blank line: the next table */
			want = -1;
			i++;
			continue;
		}
		long fields = 0;
		for (;;) {
			/* one field */
			size_t fb = i;
			bool quoted = false;
			if (i < n && s[i] == '"') {
				quoted = true;
				i++;
				for (;;) {
					if (i >= n)
						abort(); /* unterminated */
					if (s[i] == '"') {
						if (i + 1 < n &&
						    s[i + 1] == '"') {
							i += 2;
							continue;
						}
						i++;
						break;
					}
					i++;
				}
			} else {
				while (i < n && s[i] != ',' && s[i] != '\n') {
					if (s[i] == '"' || s[i] == '\r')
						abort(); /* must be quoted */
					i++;
				}
			}
			const char *f = s + fb + quoted;
			size_t fl = i - fb - (quoted ? 2 : 0);
			if (fl > 0 && strchr("=+@\t\r", f[0]) && f[0] != '\0')
				abort();
			if (fl > 0 && f[0] == '-' && !numeric_text(f, fl))
				abort();
			fields++;
			if (i < n && s[i] == ',') {
				i++;
				continue;
			}
			break;
		}
		if (i >= n || s[i] != '\n')
			abort(); /* junk after a quoted field, or no LF */
		i++;
		if (want < 0)
			want = fields;
		else if (fields != want)
			abort();
	}
}

/* ---- md: cells per row ---- */

static void check_md(const rg_buf *b)
{
	const char *s = b->s ? b->s : "";
	long want = -1;
	for (const char *l = s; *l;) {
		const char *e = strchr(l, '\n');
		if (e == NULL)
			abort(); /* every line ends */
		if (*l == '|') {
			long pipes = 0;
			for (const char *p = l; p < e; p++) {
				if (*p == '\\') {
					p++;
					continue;
				}
				pipes += *p == '|';
			}
			if (want < 0)
				want = pipes;
			else if (pipes != want)
				abort();
		} else {
			want = -1;
		}
		l = e + 1;
	}
}

/* ---- text: one row per line ---- */

static void check_text(const rg_buf *b)
{
	for (size_t i = 0; i < b->len; i++) {
		unsigned char c = (unsigned char)b->s[i];
		if ((c < 0x20 && c != '\n') || c == 0x7F)
			abort();
	}
}

/* ---- the input ---- */

typedef struct part {
	char *path;
	const char *text;
	size_t len;
} part;

static int cmp_part(const void *a, const void *b)
{
	return strcmp(((const part *)a)->path, ((const part *)b)->path);
}

static const char *find_header(const char *s, size_t n, size_t from)
{
	for (size_t i = from; i + 4 <= n; i++)
		if ((i == 0 || s[i - 1] == '\n') &&
		    memcmp(s + i, "=== ", 4) == 0)
			return s + i;
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	unsigned flags = data[0];
	const char *s = (const char *)data + 1;
	size_t n = size - 1;

	rg_diags d = {0};
	rg_config cfg;
	rg_config_init(&cfg);
	const char *h = find_header(s, n, 0);
	size_t cfglen = h ? (size_t)(h - s) : n;
	rg_config_parse(&cfg, s, cfglen, ".refgraph.yaml", &d);
	/* keep one run quick: the limits' own paths are fuzzed elsewhere */
	if (cfg.limits.max_line > 4096)
		cfg.limits.max_line = 4096;
	if (cfg.limits.max_depth > 256)
		cfg.limits.max_depth = 256;

	part parts[MAXFILES];
	size_t np = 0;
	while (h && np < MAXFILES) {
		size_t off = (size_t)(h - s) + 4;
		const char *eol = memchr(s + off, '\n', n - off);
		size_t plen = eol ? (size_t)(eol - (s + off)) : n - off;
		size_t body = eol ? (size_t)(eol - s) + 1 : n;
		const char *next = find_header(s, n, body);
		size_t end = next ? (size_t)(next - s) : n;
		char *path = rg_strndup(s + off, plen);
		for (char *q = path; *q; q++)
			if (*q == '\0')
				*q = '_';
		if (!rg_note_name(path)) {
			char *p2 = rg_asprintf("%s.md", path);
			free(path);
			path = p2;
		}
		bool dup = false;
		for (size_t k = 0; k < np; k++)
			dup |= strcmp(parts[k].path, path) == 0;
		if (dup) {
			free(path);
		} else {
			parts[np].path = path;
			parts[np].text = s + body;
			parts[np].len = end - body;
			np++;
		}
		h = next;
	}
	qsort(parts, np, sizeof *parts, cmp_part);

	rg_notes notes = {0};
	notes.nfiles = np;
	notes.files = rg_calloc(np ? np : 1, sizeof(rg_file *));
	for (size_t k = 0; k < np; k++) {
		notes.files[k] = rg_note_parse(parts[k].path, parts[k].text,
					       parts[k].len, &cfg.limits);
		rg_diags_append(&d, &notes.files[k]->diags);
	}

	rg_graph g = {0};
	bool strict = flags & 1;
	rg_graph_build(&g, &notes, &cfg, strict, &d);
	rg_diags_sort(&d);

	rg_report rep = {0};
	rg_report_opts o = {0};
	o.today = rg_days_from_civil(2026, 11, 22);
	o.since = (flags & 2) ? rg_days_from_civil(2026, 1, 1) : RG_NODATE;
	o.ahead = (flags & 4) ? 30 : -1;
	o.followup_days = cfg.followup_days;
	o.thank_days = cfg.thank_days;
	o.inform_days = cfg.inform_days;
	o.client_touch_days = cfg.client_touch_days;
	rep.today = o.today;
	rg_report_followups(&rep, &g, &o);
	rg_report_sources(&rep, &g, &o);
	rg_report_uncredited(&rep, &g, &o);

	static const char *const formats[] = {"text", "json", "csv",
					      "md",   "html", "dot"};
	rg_render_opts ro = {0};
	ro.ahead = o.ahead;
	ro.since = o.since;
	for (size_t k = 0; k < sizeof formats / sizeof *formats; k++) {
		rg_buf out = {0};
		rg_renderer(formats[k])(&out, &rep, &g, &ro);
		if (out.len && !rg_names_utf8_valid(out.s, out.len))
			abort();
		switch (k) {
		case 0: check_text(&out); break;
		case 1: check_json(&out); break;
		case 2: check_csv(&out); break;
		case 3: check_md(&out); break;
		case 4: check_html(&out); break;
		case 5: check_dot(&out); break;
		}
		rg_buf_free(&out);
	}

	rg_report_free(&rep);
	rg_graph_free(&g);
	rg_notes_free(&notes);
	for (size_t k = 0; k < np; k++)
		free(parts[k].path);
	rg_config_free(&cfg);
	rg_diags_free(&d);
	return 0;
}
