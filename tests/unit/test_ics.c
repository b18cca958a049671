/*
 * test_ics: the follow-ups as a calendar: a duty's UID stays while what
 * names it stays (not its day, not the report day) and changes with any
 * of reason, contact, file and line; each duty is an all-day event on its
 * due day with the action as its summary; text is escaped and folded.
 */
#include "testlib.h"

#include "refgraph/render.h"

static rg_fu_row row_of(rg_fu_reason why, const char *who, const char *file,
			int line)
{
	rg_fu_row x;
	memset(&x, 0, sizeof x);
	x.reason = why;
	x.contact = who;
	x.file = file;
	x.line = line;
	x.due = day("2026-11-20");
	x.days_overdue = 2;
	x.status = RG_ST_NONE;
	x.last_touch = x.date = RG_NODATE;
	return x;
}

static bool same_uid(const rg_fu_row *a, const rg_fu_row *b)
{
	char *ua = rg_ics_uid(a), *ub = rg_ics_uid(b);
	bool same = strcmp(ua, ub) == 0;
	free(ua);
	free(ub);
	return same;
}

static void test_uid_stable(void **state)
{
	(void)state;
	rg_fu_row a = row_of(RG_FU_CLIENT, "Marco Ruiz", "people/M.md", 2);
	rg_fu_row b = a;
	b.due = day("2026-12-24");
	b.days_overdue = -30;
	b.last_touch = day("2026-11-24");
	assert_true(same_uid(&a, &b));
	char *u = rg_ics_uid(&a);
	/* FNV-1a 64 of "client\0+Marco Ruiz\0people/M.md\0" "2", as
	 * tests/tools/ics_readback.py computes it on its own */
	assert_string_equal(u, "30b0e3e66dcc053f@refgraph");
	free(u);
}

static void test_uid_names(void **state)
{
	(void)state;
	rg_fu_row a = row_of(RG_FU_PROSPECT, "Ravi", "r.yaml", 1);
	rg_fu_row b = a;
	b.reason = RG_FU_INFORM;
	assert_false(same_uid(&a, &b));
	b = a;
	b.contact = "Dana";
	assert_false(same_uid(&a, &b));
	b = a;
	b.file = "s.yaml";
	assert_false(same_uid(&a, &b));
	b = a;
	b.line = 11;
	assert_false(same_uid(&a, &b));
	/* no contact is not an empty name; parts do not run together */
	rg_fu_row n = row_of(RG_FU_TASK, NULL, "t.md", 1);
	rg_fu_row e = row_of(RG_FU_TASK, "", "t.md", 1);
	assert_false(same_uid(&n, &e));
	rg_fu_row p = row_of(RG_FU_TASK, "a", "bc", 1);
	rg_fu_row q = row_of(RG_FU_TASK, "ab", "c", 1);
	assert_false(same_uid(&p, &q));
}

static char *calendar(const rg_report *r)
{
	rg_render_opts o = {0};
	o.ahead = -1;
	o.since = RG_NODATE;
	rg_buf b = {0};
	rg_renderer("ics")(&b, r, NULL, &o);
	return b.s ? b.s : strdup("");
}

static void test_events(void **state)
{
	(void)state;
	rg_report r;
	memset(&r, 0, sizeof r);
	r.today = day("2026-11-22");
	r.has_followups = true;
	rg_fu_row *x = RG_VEC_PUSH(r.followups);
	*x = row_of(RG_FU_CLIENT, "Smith, Jane; \\o/", "people/S.md", 2);
	x->last_touch = day("2026-10-21");
	char *s = calendar(&r);
	assert_non_null(strstr(s, "BEGIN:VCALENDAR\r\n"));
	assert_non_null(strstr(s, "VERSION:2.0\r\n"));
	assert_non_null(strstr(s, "PRODID:"));
	assert_non_null(strstr(s, "DTSTART;VALUE=DATE:20261120\r\n"));
	assert_non_null(strstr(s, "DTEND;VALUE=DATE:20261121\r\n"));
	assert_non_null(strstr(s, "DTSTAMP:20261122T000000Z\r\n"));
	assert_non_null(strstr(s, "SUMMARY:Catch up with Smith\\, Jane\\; "
				  "\\\\o/: last touch 2026-10-21\r\n"));
	assert_non_null(strstr(s, "DESCRIPTION:Place: people/S.md:2\\n"));
	free(s);
	rg_report_free(&r);
}

static void test_folded(void **state)
{
	(void)state;
	rg_report r;
	memset(&r, 0, sizeof r);
	r.today = day("2026-11-22");
	r.has_followups = true;
	rg_fu_row *x = RG_VEC_PUSH(r.followups);
	*x = row_of(RG_FU_TASK, NULL, "t.md", 1);
	/* one long word of two-byte characters, a line break and a bell */
	x->task = "ééééééééééééééééééééééééééééééééééééééééééééééééééé\n\a!";
	char *s = calendar(&r);
	for (char *line = s; *line;) {
		char *end = strstr(line, "\r\n");
		assert_non_null(end);
		assert_true(end - line <= 75);
		/* a fold never starts inside a character */
		if (*line == ' ')
			assert_false((line[1] & 0xC0) == 0x80);
		line = end + 2;
	}
	assert_null(strchr(s, '\a'));
	free(s);
	rg_report_free(&r);
}

static void test_no_followups(void **state)
{
	(void)state;
	rg_report r;
	memset(&r, 0, sizeof r);
	r.today = day("2026-11-22");
	r.has_sources = true;
	char *s = calendar(&r);
	assert_non_null(strstr(s, "BEGIN:VCALENDAR"));
	assert_null(strstr(s, "VEVENT"));
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uid_stable),
		cmocka_unit_test(test_uid_names),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_folded),
		cmocka_unit_test(test_no_followups),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
