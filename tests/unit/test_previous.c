/*
 * test_previous: an earlier report read back from JSON, or taken from a
 * report of this run, marks exactly the rows not in it; a row's identity
 * is its report, reason, contact, source and place as refgraph(1) says;
 * the digest line counts them; files that are not reports are refused
 * with a usage error, files that cannot be read with an I/O error; and a
 * plain report (never compared) draws as it did.
 */
#include "testlib.h"

#include <stdio.h>
#include <unistd.h>

#include "refgraph/previous.h"
#include "refgraph/render.h"

static rg_fu_row *fu(rg_report *r, rg_fu_reason why, const char *who, int line)
{
	rg_fu_row *f = RG_VEC_PUSH(r->followups);
	f->reason = why;
	f->contact = who;
	f->file = "n.md";
	f->line = line;
	f->days_overdue = 3;
	f->due = day("2026-11-19");
	f->last_touch = f->date = RG_NODATE;
	return f;
}

static rg_un_row *un(rg_report *r, rg_un_reason why, const char *who,
		     const char *src, int line)
{
	rg_un_row *u = RG_VEC_PUSH(r->uncredited);
	u->reason = why;
	u->contact = who;
	u->source = src;
	u->file = "n.md";
	u->line = line;
	u->date = RG_NODATE;
	return u;
}

static void report_of(rg_report *r)
{
	memset(r, 0, sizeof *r);
	r->today = day("2026-11-22");
	r->has_followups = r->has_uncredited = r->has_sources = true;
	fu(r, RG_FU_PROSPECT, "Bob", 4);
	fu(r, RG_FU_TASK, NULL, 9);
	fu(r, RG_FU_CLIENT, "Carol", 12);
	un(r, RG_UN_NOT_THANKED, "Bob", "Alice", 4);
	un(r, RG_UN_UNATTRIBUTED, "Carol", NULL, 12);
	rg_src_row *s = RG_VEC_PUSH(r->sources);
	s->contact = "Alice";
}

static const char earlier[] =
	"{\"today\": \"2026-11-21\",\n"
	" \"followups\": [{\"reason\": \"prospect\", \"contact\": \"Bob\", "
	"\"file\": \"n.md\", \"line\": 4, \"days_overdue\": 2},\n"
	"  {\"reason\": \"task\", \"contact\": null, \"file\": \"n.md\", "
	"\"line\": 9}],\n"
	" \"uncredited\": [{\"reason\": \"not-thanked\", \"contact\": \"Bob\", "
	"\"source\": \"Alice\", \"file\": \"n.md\", \"line\": 4}],\n"
	" \"sources\": [{\"contact\": \"Alice\", \"referrals\": 1}]}\n";

static void test_marks_rows_not_in_the_earlier_report(void **state)
{
	(void)state;
	rg_report r;
	report_of(&r);
	rg_previous p;
	char *why = NULL;
	assert_int_equal(
		rg_previous_parse(&p, earlier, strlen(earlier), "x", &why),
		RG_EXIT_OK);
	assert_int_equal(p.today, day("2026-11-21"));
	rg_previous_mark(&r, &p);
	assert_true(r.has_previous);
	assert_false(r.followups.v[0].is_new);
	assert_false(r.followups.v[1].is_new); /* null contact matches null */
	assert_true(r.followups.v[2].is_new);
	assert_false(r.uncredited.v[0].is_new);
	assert_true(r.uncredited.v[1].is_new);
	assert_false(r.sources.v[0].is_new);
	char *line = rg_previous_line(&r);
	assert_string_equal(line, "1 new follow-up, 1 new uncredited referral "
				  "since 2026-11-21");
	free(line);
	rg_previous_free(&p);
	rg_report_free(&r);
}

/* Another reason, contact, source or line is another row. */
static void test_identity_fields(void **state)
{
	(void)state;
	rg_report r;
	report_of(&r);
	rg_previous p;
	rg_previous_of(&p, &r);
	r.followups.v[0].line = 5;
	r.followups.v[1].contact = "Dan";
	r.followups.v[2].days_overdue = 40; /* numbers are not identity */
	r.uncredited.v[0].source = "Eve";
	r.uncredited.v[1].reason = RG_UN_NOT_REWARDED;
	rg_previous_mark(&r, &p);
	assert_true(r.followups.v[0].is_new);
	assert_true(r.followups.v[1].is_new);
	assert_false(r.followups.v[2].is_new);
	assert_true(r.uncredited.v[0].is_new);
	assert_true(r.uncredited.v[1].is_new);
	rg_previous_free(&p);
	rg_report_free(&r);
}

/* A report compared with itself has nothing new, and says so. */
static void test_nothing_new(void **state)
{
	(void)state;
	rg_report r;
	report_of(&r);
	rg_previous p;
	rg_previous_of(&p, &r);
	rg_previous_mark(&r, &p);
	rg_digest dg;
	rg_previous_digest(&r, &dg);
	assert_int_equal(dg.followups + dg.uncredited + dg.sources, 0);
	char *line = rg_previous_line(&r);
	assert_string_equal(line, "Nothing new since 2026-11-22");
	free(line);
	rg_previous_free(&p);
	rg_report_free(&r);
}

/* A name that is not UTF-8 is written with U+FFFD in JSON, and still
 * matches itself when that JSON is read back. */
static void test_bytes_not_utf8(void **state)
{
	(void)state;
	rg_report r;
	memset(&r, 0, sizeof r);
	r.today = day("2026-11-22");
	r.has_followups = true;
	fu(&r, RG_FU_CLIENT, "Bad\xffName", 3);
	fu(&r, RG_FU_CLIENT, "Bad?Name", 4);
	static const char js[] =
		"{\"today\": \"2026-11-21\", \"followups\": ["
		"{\"reason\": \"client\", \"contact\": \"Bad\\ufffdName\", "
		"\"file\": \"n.md\", \"line\": 3},"
		"{\"reason\": \"client\", \"contact\": \"Bad\\ufffdName\", "
		"\"file\": \"n.md\", \"line\": 4}]}";
	rg_previous p;
	char *why;
	assert_int_equal(rg_previous_parse(&p, js, strlen(js), "x", &why),
			 RG_EXIT_OK);
	rg_previous_mark(&r, &p);
	assert_false(r.followups.v[0].is_new);
	assert_true(r.followups.v[1].is_new);
	rg_previous_free(&p);
	rg_report_free(&r);
}

static int parse_status(const char *text, char **why)
{
	rg_previous p;
	int st = rg_previous_parse(&p, text, strlen(text), "old.json", why);
	rg_previous_free(&p);
	return st;
}

static void test_not_a_report(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"",
		"not json",
		"[]",
		"{}",
		"{\"today\": \"yesterday\"}",
		"{\"today\": \"2026-11-21\"}",
		"{\"today\": \"2026-11-21\", \"followups\": {}}",
		"{\"today\": \"2026-11-21\", \"followups\": [1]}",
		"{\"today\": \"2026-11-21\", \"followups\": [{\"reason\": "
		"\"task\"}]}",
		"{\"today\": \"2026-11-21\", \"today\": \"2026-11-22\", "
		"\"asks\": []}"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *why = NULL;
		assert_int_equal(parse_status(bad[i], &why), RG_EXIT_USAGE);
		assert_non_null(strstr(why, "old.json is not a refgraph JSON "
					    "report"));
		free(why);
	}
	char *why = NULL;
	assert_int_equal(parse_status("{\"today\": \"2026-11-21\", "
				      "\"summary\": {}}",
				      &why),
			 RG_EXIT_OK);
}

static void test_unreadable_file_is_io(void **state)
{
	(void)state;
	rg_previous p;
	char *why = NULL;
	assert_int_equal(rg_previous_load(&p, "/nonexistent/old.json", &why),
			 RG_EXIT_IO);
	assert_non_null(strstr(why, "cannot read the previous report"));
	free(why);
	why = NULL;
	assert_int_equal(rg_previous_load(&p, "/", &why), RG_EXIT_IO);
	free(why);
	char path[] = "/tmp/test_previous_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, earlier, strlen(earlier)),
			 (ssize_t)strlen(earlier));
	close(fd);
	why = NULL;
	assert_int_equal(rg_previous_load(&p, path, &why), RG_EXIT_OK);
	assert_int_equal(p.nkeys, 4);
	rg_previous_free(&p);
	unlink(path);
}

static char *draw(const char *fmt, const rg_report *r)
{
	rg_render_opts o = {0};
	o.ahead = -1;
	o.since = RG_NODATE;
	rg_buf b = {0};
	rg_renderer(fmt)(&b, r, NULL, &o);
	return b.s;
}

/* JSON: "new" on every row and a digest; people: a mark and the line;
 * a report never compared has neither. */
static void test_drawn(void **state)
{
	(void)state;
	rg_report r;
	report_of(&r);
	char *plain = draw("json", &r);
	assert_null(strstr(plain, "\"new\""));
	assert_null(strstr(plain, "digest"));
	char *text = draw("text", &r);
	assert_null(strstr(text, "since"));
	rg_previous p;
	char *why;
	assert_int_equal(
		rg_previous_parse(&p, earlier, strlen(earlier), "x", &why),
		RG_EXIT_OK);
	rg_previous_mark(&r, &p);
	char *js = draw("json", &r);
	assert_non_null(strstr(js, "\"digest\": {\"since\": \"2026-11-21\", "
				   "\"followups\": 1, \"sources\": 0, "
				   "\"uncredited\": 1, \"text\": "));
	assert_non_null(strstr(js, "\"line\": 12, \"source\": null, "
				   "\"prospect\": null, \"status\": null, "
				   "\"last_touch\": null, \"task\": null, "
				   "\"new\": true}"));
	assert_non_null(strstr(js, "\"line\": 4, \"new\": false}"));
	char *t2 = draw("text", &r);
	assert_memory_equal(t2,
			    "1 new follow-up, 1 new uncredited referral "
			    "since 2026-11-21\n\n",
			    strlen("1 new follow-up, 1 new uncredited referral "
				   "since 2026-11-21\n\n"));
	assert_non_null(strstr(t2, "New"));
	char *md = draw("md", &r);
	assert_non_null(strstr(md, "| New | Due |"));
	assert_non_null(strstr(md, "| new |"));
	char *html = draw("html", &r);
	assert_non_null(strstr(html, "id=\"digest\""));
	char *csv = draw("csv", &r);
	assert_non_null(strstr(csv, ",new"));
	/* a calendar says New only of the new duty */
	char *ics = draw("ics", &r);
	assert_null(strstr(ics, "New: \\n"));
	size_t marks = 0;
	for (const char *at = ics; (at = strstr(at, "New: new")) != NULL; at++)
		marks++;
	assert_int_equal(marks, 1);
	free(ics);
	free(plain);
	free(text);
	free(js);
	free(t2);
	free(md);
	free(html);
	free(csv);
	rg_previous_free(&p);
	rg_report_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks_rows_not_in_the_earlier_report),
		cmocka_unit_test(test_identity_fields),
		cmocka_unit_test(test_nothing_new),
		cmocka_unit_test(test_bytes_not_utf8),
		cmocka_unit_test(test_not_a_report),
		cmocka_unit_test(test_unreadable_file_is_io),
		cmocka_unit_test(test_drawn),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
