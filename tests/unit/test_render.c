/*
 * test_render: every renderer escapes for where its text goes, with
 * hostile names: quotes, newlines, control characters, invalid UTF-8,
 * markup and spreadsheet formulas.  JSON is checked to be valid JSON by a
 * strict parser below; CSV cells that a spreadsheet would read as a
 * formula (= + - @) are defused and quoted; HTML and Markdown escape
 * their markup; text rows stay one line.  Numbers print as the JSON
 * contract wants them (like Python's repr).
 */
#include "testlib.h"

#include "refgraph/names.h"
#include "refgraph/render.h"

static const char *const hostile = "=HYPERLINK(\"x\")|<script>alert('x')</"
				   "script>\n[a](b) *c* \x01\xff\"\\";

static void report_of(rg_report *r)
{
	memset(r, 0, sizeof *r);
	r->today = day("2026-11-22");
	r->has_followups = r->has_sources = r->has_uncredited = true;
	rg_fu_row *f = RG_VEC_PUSH(r->followups);
	f->reason = RG_FU_TASK;
	f->contact = hostile;
	f->due = day("2026-11-20");
	f->days_overdue = 2;
	f->file = "notes/a \"b\".md";
	f->line = 3;
	f->last_touch = f->date = RG_NODATE;
	f = RG_VEC_PUSH(r->followups);
	f->reason = RG_FU_TASK;
	f->contact = NULL;
	f->due = day("2026-11-24");
	f->days_overdue = -2;
	f->file = "x.md";
	f->line = 1;
	f->last_touch = f->date = RG_NODATE;
	rg_src_row *s = RG_VEC_PUSH(r->sources);
	s->contact = "+1 555 @home";
	s->referrals = 3;
	s->won = 2;
	s->lost = 1;
	s->has_conversion = true;
	s->conversion = 2.0 / 3.0;
	s->won_value = 2000.5;
	s->downstream_value = 5000;
	s->thanked_share = 1;
	rg_un_row *u = RG_VEC_PUSH(r->uncredited);
	u->reason = RG_UN_UNATTRIBUTED;
	u->contact = "-2+3";
	u->source = NULL;
	u->date = RG_NODATE;
	u->file = "p.md";
	u->line = 2;
}

static char *render_report(const char *fmt, const rg_report *r)
{
	rg_render_opts o = {0};
	o.ahead = -1;
	o.since = RG_NODATE;
	rg_buf b = {0};
	rg_render_fn fn = rg_renderer(fmt);
	assert_non_null(fn);
	fn(&b, r, NULL, &o);
	return b.s ? b.s : strdup("");
}

static char *render(const char *fmt)
{
	rg_report r;
	report_of(&r);
	char *s = render_report(fmt, &r);
	rg_report_free(&r);
	return s;
}

/* ---- a strict JSON checker (RFC 8259, UTF-8) ---- */

static const char *j_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

static const char *j_value(const char *p, int depth);

static const char *j_string(const char *p)
{
	if (*p++ != '"')
		return NULL;
	for (;;) {
		unsigned char c = (unsigned char)*p;
		if (c == '"')
			return p + 1;
		if (c < 0x20)
			return NULL; /* raw control characters, or the end */
		if (c == '\\') {
			p++;
			if (*p == 'u') {
				for (int i = 1; i <= 4; i++)
					if (!strchr("0123456789abcdefABCDEF",
						    p[i]) ||
					    p[i] == '\0')
						return NULL;
				p += 5;
			} else if (*p && strchr("\"\\/bfnrt", *p)) {
				p++;
			} else {
				return NULL;
			}
			continue;
		}
		size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		if (!rg_names_utf8_valid(p, k) || strnlen(p, k) < k)
			return NULL;
		p += k;
	}
}

static const char *j_number(const char *p)
{
	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return NULL;
	if (*p == '.') {
		p++;
		if (!(*p >= '0' && *p <= '9'))
			return NULL;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return NULL;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return p;
}

static const char *j_value(const char *p, int depth)
{
	if (depth > 32)
		return NULL;
	p = j_ws(p);
	if (*p == '{' || *p == '[') {
		char close = *p == '{' ? '}' : ']';
		bool obj = *p == '{';
		p = j_ws(p + 1);
		if (*p == close)
			return p + 1;
		for (;;) {
			if (obj) {
				p = j_string(j_ws(p));
				if (!p)
					return NULL;
				p = j_ws(p);
				if (*p++ != ':')
					return NULL;
			}
			p = j_value(p, depth + 1);
			if (!p)
				return NULL;
			p = j_ws(p);
			if (*p == ',') {
				p++;
				continue;
			}
			if (*p == close)
				return p + 1;
			return NULL;
		}
	}
	if (*p == '"')
		return j_string(p);
	if (strncmp(p, "true", 4) == 0)
		return p + 4;
	if (strncmp(p, "false", 5) == 0)
		return p + 5;
	if (strncmp(p, "null", 4) == 0)
		return p + 4;
	return j_number(p);
}

static bool json_valid(const char *s)
{
	const char *p = j_value(s, 0);
	return p && *j_ws(p) == '\0';
}

static void json_checker(void **state)
{
	(void)state;
	/* the checker itself must be able to fail */
	assert_true(json_valid("{\"a\": [1, -2.5e3, \"x\\n\\u00e9\", null]}"));
	assert_false(json_valid("{\"a\": \"x\ny\"}"));
	assert_false(json_valid("{\"a\": \"\xff\"}"));
	assert_false(json_valid("{\"a\": \"\\x\"}"));
	assert_false(json_valid("{\"a\": 01}"));
	assert_false(json_valid("{\"a\": 1.}"));
	assert_false(json_valid("{\"a\": 1,}"));
	assert_false(json_valid("{\"a\": nan}"));
	assert_false(json_valid("{\"a\": 1} x"));
}

static void json(void **state)
{
	(void)state;
	char *s = render("json");
	assert_true(json_valid(s));
	assert_non_null(
		strstr(s, "\"contact\": "
			  "\"=HYPERLINK(\\\"x\\\")|<script>alert('x')</script>"
			  "\\n[a](b) *c* \\u0001\\ufffd\\\"\\\\\""));
	assert_non_null(strstr(s, "\"contact\": null"));
	assert_non_null(strstr(s, "\"file\": \"notes/a \\\"b\\\".md\""));
	assert_non_null(strstr(s, "\"conversion\": 0.6666666666666666"));
	assert_non_null(strstr(s, "\"won_value\": 2000.5"));
	assert_non_null(strstr(s, "\"downstream_value\": 5000,"));
	assert_non_null(strstr(s, "\"thanked_share\": 1.0}"));
	assert_non_null(strstr(s, "\"days_overdue\": -2"));
	assert_non_null(strstr(s, "\"date\": null"));
	assert_non_null(strstr(s, "\"source\": null"));
	assert_non_null(strstr(s, "\"today\": \"2026-11-22\""));
	assert_non_null(strstr(s, "\"due\": \"2026-11-20\""));
	assert_non_null(strstr(s, "\"reason\": \"unattributed\""));
	/* every byte below 0x20 is escaped: rows are one line each */
	size_t lines = 0;
	for (const char *p = s; *p; p++) {
		lines += *p == '\n';
		assert_false((unsigned char)*p < 0x20 && *p != '\n');
	}
	assert_int_equal(lines, 13);
	free(s);
}

/* Every control character, DEL, U+2028/9, and every kind of bad UTF-8. */
static void json_escapes(void **state)
{
	(void)state;
	char name[64];
	size_t k = 0;
	for (int c = 1; c < 0x20; c++)
		name[k++] = (char)c;
	name[k] = '\0';
	const char *names[] = {
		name,
		"tab\there\rcr\bbs\ffeed",
		"del\x7f",
		"ls\xe2\x80\xa8ps\xe2\x80\xa9",
		"cut \xc3",			  /* a sequence cut short */
		"over \xc0\xaf",		  /* overlong */
		"sur \xed\xa0\x80",		  /* a surrogate */
		"hi \xf4\x90\x80\x80",		  /* past U+10FFFF */
		"cont \x80\x80 end",		  /* lone continuation bytes */
		"ok Zo\xc3\xab \xf0\x9f\x93\x85", /* valid: kept */
		"",
		"\"",
		"\\",
		"</script>",
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		rg_report r = {0};
		r.today = day("2026-11-22");
		r.has_uncredited = true;
		rg_un_row *u = RG_VEC_PUSH(r.uncredited);
		u->reason = RG_UN_NOT_THANKED;
		u->contact = names[i];
		u->source = names[i];
		u->date = day("2026-01-01");
		u->file = names[i];
		u->line = 1;
		char *s = render_report("json", &r);
		if (!json_valid(s))
			fail_msg("invalid JSON for name %zu: %s", i, s);
		/* one line per row, whatever the name */
		size_t lines = 0;
		for (const char *p = s; *p; p++)
			lines += *p == '\n';
		assert_int_equal(lines, 6);
		free(s);
		rg_report_free(&r);
	}
	/* the exact escapes */
	rg_report r = {0};
	r.today = day("2026-11-22");
	r.has_uncredited = true;
	rg_un_row *u = RG_VEC_PUSH(r.uncredited);
	u->contact = "a\tb\rc\x1f"
		     "d\x7f"
		     "e\xe2\x80\xa8"
		     "f\xc3"
		     "g";
	u->file = "f";
	u->date = RG_NODATE;
	char *s = render_report("json", &r);
	assert_non_null(
		strstr(s, "\"a\\tb\\rc\\u001fd\\u007fe\\u2028f\\ufffdg\""));
	free(s);
	rg_report_free(&r);
}

/* An empty report and a one-report run are valid JSON too. */
static void json_shapes(void **state)
{
	(void)state;
	rg_report r = {0};
	r.today = day("2026-11-22");
	r.has_followups = r.has_sources = r.has_uncredited = true;
	char *s = render_report("json", &r);
	assert_true(json_valid(s));
	assert_non_null(strstr(s, "\"followups\": []"));
	assert_non_null(strstr(s, "\"sources\": []"));
	assert_non_null(strstr(s, "\"uncredited\": []"));
	free(s);
	r.has_followups = r.has_uncredited = false;
	rg_src_row *x = RG_VEC_PUSH(r.sources);
	x->contact = "S";
	x->has_conversion = false;
	x->won_value = 1e16;
	x->downstream_value = 0.1;
	x->thanked_share = 0;
	s = render_report("json", &r);
	assert_true(json_valid(s));
	assert_null(strstr(s, "followups"));
	assert_null(strstr(s, "uncredited"));
	assert_non_null(strstr(s, "\"conversion\": null"));
	assert_non_null(strstr(s, "\"downstream_value\": 0.1,"));
	assert_non_null(strstr(s, "\"thanked_share\": 0.0}"));
	free(s);
	rg_report_free(&r);
}

static void csv(void **state)
{
	(void)state;
	char *s = render("csv");
	/* formulas are defused, quotes doubled, the newline kept quoted */
	assert_non_null(strstr(s, "task,\"'=HYPERLINK(\"\"x\"\")|"));
	assert_non_null(strstr(s, "\"'+1 555 @home\""));
	assert_non_null(strstr(s, "\"'-2+3\""));
	assert_non_null(strstr(s, "task,,2026-11-24,-2,x.md,1,,,,,\n"));
	assert_non_null(strstr(s, "0.6666666666666666,2000.5,5000,1.0\n"));
	assert_non_null(
		strstr(s, "reason,contact,due,days_overdue,file,line,source,"
			  "prospect,status,last_touch,task\n"));
	assert_non_null(strstr(s, "contact,referrals,introductions,leads,open,"
				  "won,lost,conversion,won_value,"
				  "downstream_value,thanked_share\n"));
	assert_non_null(strstr(s, "reason,contact,source,date,file,line\n"));
	/* the file name with quotes is quoted */
	assert_non_null(strstr(s, ",\"notes/a \"\"b\"\".md\",3,"));
	/* a null source and date are empty cells */
	assert_non_null(strstr(s, "unattributed,\"'-2+3\",,,p.md,2\n"));
	/* invalid UTF-8 became U+FFFD */
	assert_null(strchr(s, '\xff'));
	assert_non_null(strstr(s, "\xef\xbf\xbd"));
	free(s);
}

/* Each formula lead character, and what is left alone. */
static void csv_cells(void **state)
{
	(void)state;
	const struct {
		const char *name, *cell;
	} cases[] = {
		{"=1+1", "\"'=1+1\""},
		{"+49 30 1234", "\"'+49 30 1234\""},
		{"-Ann", "\"'-Ann\""},
		{"@SUM(A1)", "\"'@SUM(A1)\""},
		{"\tTab", "?Tab"}, /* control characters show as ? */
		{"Lee, Ann", "\"Lee, Ann\""},
		{"Ann \"the\" Lee", "\"Ann \"\"the\"\" Lee\""},
		{"two\nlines", "two?lines"},
		{"Ann=Lee", "Ann=Lee"},
		{"Ann Lee", "Ann Lee"},
		{"O'Brien", "O'Brien"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		rg_report r = {0};
		r.today = day("2026-11-22");
		r.has_uncredited = true;
		rg_un_row *u = RG_VEC_PUSH(r.uncredited);
		u->reason = RG_UN_NOT_THANKED;
		u->contact = cases[i].name;
		u->source = "S";
		u->date = day("2026-01-01");
		u->file = "f.md";
		u->line = 7;
		char *s = render_report("csv", &r);
		char want[128];
		snprintf(want, sizeof want,
			 "not-thanked,%s,S,2026-01-01,f.md,7\n", cases[i].cell);
		if (strstr(s, want) == NULL)
			fail_msg("CSV for '%s': %s", cases[i].name, s);
		free(s);
		rg_report_free(&r);
	}
	/* numbers are never guarded: a negative count stays a number */
	rg_report r = {0};
	r.today = day("2026-11-22");
	r.has_followups = true;
	rg_fu_row *f = RG_VEC_PUSH(r.followups);
	f->reason = RG_FU_CLIENT;
	f->contact = "C";
	f->due = day("2026-12-01");
	f->days_overdue = -9;
	f->file = "c.md";
	f->line = 2;
	char *s = render_report("csv", &r);
	assert_non_null(strstr(s, "client,C,2026-12-01,-9,c.md,2,"));
	free(s);
	rg_report_free(&r);
}

static void html(void **state)
{
	(void)state;
	char *s = render("html");
	assert_null(strstr(s, "<script>"));
	assert_null(strstr(s, "</script>"));
	assert_non_null(
		strstr(s, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
	assert_non_null(strstr(s, "=HYPERLINK(&quot;x&quot;)"));
	assert_non_null(strstr(s, "notes/a &quot;b&quot;.md:3"));
	assert_null(strstr(s, "\xff"));
	assert_null(strchr(s, '\x01'));
	assert_non_null(strstr(s, "<!DOCTYPE html>"));
	assert_non_null(strstr(s, "</html>\n"));
	free(s);
	/* & and an attribute-breaking quote */
	rg_report r = {0};
	r.today = day("2026-11-22");
	r.has_uncredited = true;
	rg_un_row *u = RG_VEC_PUSH(r.uncredited);
	u->contact = "Tom & Jerry\" onmouseover=\"x";
	u->file = "<b>.md";
	u->date = RG_NODATE;
	s = render_report("html", &r);
	assert_non_null(strstr(s, "Tom &amp; Jerry&quot; onmouseover=&quot;x"));
	assert_non_null(strstr(s, "&lt;b&gt;.md:0"));
	assert_null(strstr(s, "<b>"));
	free(s);
	rg_report_free(&r);
}

/*
 * ESC, BEL and a C1 control (U+0085) in a name: shown as '?' in the
 * tables people read (text, CSV, Markdown, HTML), escaped in JSON, never
 * written raw.  Bidirectional and zero-width characters are text.
 */
static void controls_everywhere(void **state)
{
	(void)state;
	static const struct {
		const char *fmt, *want;
	} cases[] = {
		{"text", "A?[31mB?C?D\xe2\x80\xae"
			 "E\xe2\x80\x8b"
			 "F"},
		{"csv", "A?[31mB?C?D\xe2\x80\xae"
			"E\xe2\x80\x8b"
			"F"},
		{"md", "A?\\[31mB?C?D\xe2\x80\xae"
		       "E\xe2\x80\x8b"
		       "F"},
		{"html", "A?[31mB?C?D\xe2\x80\xae"
			 "E\xe2\x80\x8b"
			 "F"},
		{"json", "A\\u001b[31mB\\u0007C\\u0085D\xe2\x80\xae"
			 "E\xe2\x80\x8b"
			 "F"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		rg_report r = {0};
		r.today = day("2026-11-22");
		r.has_uncredited = true;
		rg_un_row *u = RG_VEC_PUSH(r.uncredited);
		u->contact = "A\x1b[31mB\aC\xc2\x85"
			     "D\xe2\x80\xae"
			     "E\xe2\x80\x8b"
			     "F";
		u->file = "f.md";
		u->date = RG_NODATE;
		char *s = render_report(cases[i].fmt, &r);
		if (strstr(s, cases[i].want) == NULL)
			fail_msg("%s: %s", cases[i].fmt, s);
		assert_null(strchr(s, '\x1b'));
		assert_null(strchr(s, '\a'));
		assert_null(strstr(s, "\xc2\x85"));
		free(s);
		rg_report_free(&r);
	}
}

static void markdown(void **state)
{
	(void)state;
	char *s = render("md");
	/* only what changes the table or opens markup is escaped; = only
	 * at a cell's start */
	assert_non_null(strstr(s, "| \\=HYPERLINK(\"x\")\\|\\<script>alert('x')"
				  "\\</script>"));
	assert_non_null(strstr(s, "\\[a\\](b) \\*c\\*"));
	/* a row is one line: the name's newline became a space */
	const char *row = strstr(s, "| 2026-11-20 |");
	assert_non_null(row);
	const char *eol = strchr(row, '\n');
	const char *place = strstr(row, "notes/a");
	assert_non_null(place);
	assert_true(place < eol);
	/* every table row has as many unescaped | as the header */
	const char *line = s;
	while (*line) {
		const char *end = strchr(line, '\n');
		if (!end)
			break;
		if (*line == '|') {
			size_t bars = 0;
			for (const char *p = line; p < end; p++)
				bars += *p == '|' &&
					(p == line || p[-1] != '\\');
			assert_true(bars == 6 || bars == 12);
		}
		line = end + 1;
	}
	assert_null(strchr(s, '\x01'));
	free(s);
	/* the escapes one by one */
	rg_report r = {0};
	r.today = day("2026-11-22");
	r.has_uncredited = true;
	rg_un_row *u = RG_VEC_PUSH(r.uncredited);
	u->contact = "a|b [[c]] <d> _e_ `f` #g";
	u->file = "f.md";
	u->date = RG_NODATE;
	s = render_report("md", &r);
	assert_non_null(
		strstr(s, "a\\|b \\[\\[c\\]\\] \\<d> \\_e\\_ \\`f\\` \\#g"));
	free(s);
	rg_report_free(&r);
}

static void text(void **state)
{
	(void)state;
	char *s = render("text");
	/* every table row stays on one line: no raw newline from a name */
	assert_null(strstr(s, "\n[a](b)"));
	assert_null(strchr(s, '\x01'));
	assert_null(strchr(s, '\xff'));
	assert_non_null(strstr(s, "Follow-ups overdue on 2026-11-22: 2"));
	assert_non_null(strstr(s, "in 2d"));
	assert_non_null(strstr(s, "\xe2\x80\xa6")); /* long name cut */
	/* the row of the hostile name holds its place on the same line */
	const char *row = strstr(s, "2026-11-20");
	assert_non_null(row);
	const char *eol = strchr(row, '\n');
	const char *place = strstr(row, "notes/a \"b\".md:3");
	assert_non_null(place);
	assert_true(place < eol);
	/* three titles, three headers, four rows, two blank lines */
	size_t lines = 0;
	for (const char *p = s; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 12);
	free(s);
	/* a name that is only a newline, in the last column */
	rg_report r = {0};
	r.today = day("2026-11-22");
	r.has_followups = true;
	rg_fu_row *f = RG_VEC_PUSH(r.followups);
	f->reason = RG_FU_TASK;
	f->contact = "Ann\nLee";
	f->due = day("2026-11-21");
	f->days_overdue = 1;
	f->file = "x\ny.md";
	f->line = 4;
	s = render_report("text", &r);
	lines = 0;
	for (const char *p = s; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 3);
	assert_non_null(strstr(s, "Ann?Lee"));
	assert_non_null(strstr(s, "x?y.md:4"));
	free(s);
	rg_report_free(&r);
}

static void dot(void **state)
{
	(void)state;
	static const char *const files[] = {
		"l.yaml",
		"from: \"A \\\"q\\\" \\\\\"\nprospect: B\ndate: 2026-01-01\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	rg_report r = {0};
	rg_render_opts o = {0};
	rg_buf b = {0};
	rg_render_dot(&b, &r, &v.g, &o);
	assert_non_null(strstr(b.s, "label=\"A \\\"q\\\" \\\\\""));
	assert_non_null(strstr(b.s, "-> "));
	rg_buf_free(&b);
	vault_free(&v);
}

static void numbers(void **state)
{
	(void)state;
	char t[64];
	struct {
		double v;
		bool fl;
		const char *want;
	} cases[] = {
		{0.5, true, "0.5"},
		{1, true, "1.0"},
		{0, true, "0.0"},
		{-0.0, true, "0.0"},
		{2.0 / 3.0, true, "0.6666666666666666"},
		{1.0 / 3.0, true, "0.3333333333333333"},
		{0.1 + 0.2, true, "0.30000000000000004"},
		{0.25, true, "0.25"},
		{0.1, true, "0.1"},
		{100, true, "100.0"},
		{5000, false, "5000"},
		{2000.5, false, "2000.5"},
		{2000.5, true, "2000.5"},
		{-3, false, "-3"},
		{-0.0, false, "0"},
		{0, false, "0"},
		{0.1, false, "0.1"},
		{1000000.25, false, "1000000.25"},
		{123456789012.5, false, "123456789012.5"},
		{1e15, false, "1000000000000000"},
		/* whole at any size: an integer, never an exponent */
		{1e17, false, "100000000000000000"},
		{123456789012345678.0, false, "123456789012345680"},
		{-4e16, false, "-40000000000000000"},
		{1e-05, true, "1e-05"},
		{0.0001, true, "0.0001"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		rg_fmt_number(t, sizeof t, cases[i].v, cases[i].fl);
		if (strcmp(t, cases[i].want) != 0)
			fail_msg("%.17g: got %s, want %s", cases[i].v, t,
				 cases[i].want);
		/* and it reads back as the value */
		assert_true(strtod(t, NULL) == cases[i].v);
	}
}

static void helpers(void **state)
{
	(void)state;
	assert_non_null(rg_renderer("text"));
	assert_true(rg_renderer("json") == rg_render_json);
	assert_true(rg_renderer("csv") == rg_render_csv);
	assert_true(rg_renderer("md") == rg_render_md);
	assert_true(rg_renderer("html") == rg_render_html);
	assert_true(rg_renderer("dot") == rg_render_dot);
	assert_null(rg_renderer("xml"));
	assert_null(rg_renderer("JSON"));
	assert_null(rg_renderer(""));
	rg_buf b = {0};
	rg_put_clean(&b,
		     "a\x01\xff"
		     "b\xc3\xab\n",
		     "?");
	assert_string_equal(b.s, "a?\xef\xbf\xbd"
				 "b\xc3\xab?");
	rg_buf_free(&b);
	rg_put_clean(&b, "a\x01\n", NULL);
	assert_string_equal(b.s, "a\x01\n");
	rg_buf_free(&b);
	assert_int_equal(rg_text_width("abc"), 3);
	assert_int_equal(rg_text_width("Zo\xc3\xab"), 3);
	assert_int_equal(rg_text_width("\xe6\x97\xa5\xe6\x9c\xac"),
			 4); /* wide */
	assert_int_equal(rg_text_width(""), 0);
	/* the printable ASCII runs taken whole: the edges of the run, and
	 * the same answers as code point by code point around them */
	assert_int_equal(rg_printable_run(" ~x\x7f"), 3);
	assert_int_equal(rg_printable_run("\x1f a"), 0);
	assert_int_equal(rg_printable_run("ab\xc3\xab"), 2);
	assert_int_equal(rg_printable_run(""), 0);
	assert_int_equal(rg_text_width("a b\x7f\xc3\xab" "c"), 5);
	rg_put_clean(&b, "x ~\x7fy\x1fz\xc2\x9bw", "?");
	assert_string_equal(b.s, "x ~?y?z?w");
	rg_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_checker),
		cmocka_unit_test(json),
		cmocka_unit_test(json_escapes),
		cmocka_unit_test(json_shapes),
		cmocka_unit_test(csv),
		cmocka_unit_test(csv_cells),
		cmocka_unit_test(html),
		cmocka_unit_test(markdown),
		cmocka_unit_test(controls_everywhere),
		cmocka_unit_test(text),
		cmocka_unit_test(dot),
		cmocka_unit_test(numbers),
		cmocka_unit_test(helpers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
