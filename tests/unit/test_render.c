/*
 * test_render: every renderer escapes for where its text goes, with
 * hostile names: quotes, newlines, control characters, invalid UTF-8,
 * markup, and spreadsheet formulas.  Numbers print as the JSON contract
 * wants them.
 */
#include "testlib.h"

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
	f = RG_VEC_PUSH(r->followups);
	f->reason = RG_FU_TASK;
	f->contact = NULL;
	f->due = day("2026-11-24");
	f->days_overdue = -2;
	f->file = "x.md";
	f->line = 1;
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

static char *render(const char *fmt)
{
	rg_report r;
	report_of(&r);
	rg_render_opts o = {0};
	o.ahead = -1;
	o.since = RG_NODATE;
	rg_buf b = {0};
	rg_renderer(fmt)(&b, &r, NULL, &o);
	rg_report_free(&r);
	return b.s;
}

static void json(void **state)
{
	(void)state;
	char *s = render("json");
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
	/* every byte below 0x20 is escaped: rows are one line each */
	size_t lines = 0;
	for (const char *p = s; *p; p++) {
		lines += *p == '\n';
		assert_false((unsigned char)*p < 0x20 && *p != '\n');
	}
	assert_int_equal(lines, 13);
	free(s);
}

static void csv(void **state)
{
	(void)state;
	char *s = render("csv");
	/* formulas are defused, quotes doubled, the newline kept quoted */
	assert_non_null(strstr(s, "task,\"'=HYPERLINK(\"\"x\"\")|"));
	assert_non_null(strstr(s, "\"'+1 555 @home\""));
	assert_non_null(strstr(s, "\"'-2+3\""));
	assert_non_null(strstr(s, "task,,2026-11-24,-2,x.md,1\n"));
	assert_non_null(strstr(s, "0.6666666666666666,2000.5,5000,1.0\n"));
	assert_non_null(
		strstr(s, "reason,contact,due,days_overdue,file,line\n"));
	free(s);
}

static void html(void **state)
{
	(void)state;
	char *s = render("html");
	assert_null(strstr(s, "<script>"));
	assert_non_null(
		strstr(s, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
	assert_non_null(strstr(s, "=HYPERLINK(&quot;x&quot;)"));
	assert_null(strstr(s, "\xff"));
	free(s);
}

static void markdown(void **state)
{
	(void)state;
	char *s = render("md");
	assert_non_null(strstr(s, "=HYPERLINK\\(\"x\"\\)\\|\\<script\\>"));
	assert_non_null(strstr(s, "\\[a\\]\\(b\\) \\*c\\*"));
	/* a row is one line: the name's newline became a space */
	const char *row = strstr(s, "| 2026\\-11\\-20 |");
	assert_non_null(row);
	const char *eol = strchr(row, '\n');
	const char *place = strstr(row, "notes/a");
	assert_non_null(place);
	assert_true(place < eol);
	free(s);
}

static void text(void **state)
{
	(void)state;
	char *s = render("text");
	/* every table row stays on one line: no raw newline from a name */
	assert_null(strstr(s, "\n[a](b)"));
	assert_null(strchr(s, '\x01'));
	assert_non_null(strstr(s, "Follow-ups overdue on 2026-11-22: 2"));
	assert_non_null(strstr(s, "in 2d"));
	assert_non_null(strstr(s, "\xe2\x80\xa6")); /* long name cut */
	free(s);
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
		{2.0 / 3.0, true, "0.6666666666666666"},
		{0.1 + 0.2, true, "0.30000000000000004"},
		{5000, false, "5000"},
		{2000.5, false, "2000.5"},
		{-3, false, "-3"},
		{1e15, false, "1000000000000000"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		rg_fmt_number(t, sizeof t, cases[i].v, cases[i].fl);
		assert_string_equal(t, cases[i].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json),	   cmocka_unit_test(csv),
		cmocka_unit_test(html),	   cmocka_unit_test(markdown),
		cmocka_unit_test(text),	   cmocka_unit_test(dot),
		cmocka_unit_test(numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
