/*
 * test_md_scan: Markdown bodies: what is not read (code, HTML, comments,
 * link destinations), the three inline field forms, the five fields,
 * tasks with their dates and links.
 */
#include "testlib.h"

#include "refgraph/md_scan.h"

static rg_file *scan(const char *body, int date)
{
	rg_limits lim;
	rg_limits_default(&lim);
	rg_file *f = rg_file_new("n.md");
	rg_md_scan(f, body, strlen(body), 1, date, &lim);
	return f;
}

static void forms(void **state)
{
	(void)state;
	int d = day("2026-10-10");
	rg_file *f = scan("referral:: [[A]] -> [[B]]\n"
			  "- Referral:: A2 -> B2\n"
			  "1. [ ] REFERRAL::A3 → B3\n"
			  "Met them [referral:: [[A4|a]] -> [[x/B4#h]]] today\n"
			  "And (referral:: A5 -> [[B5 (x)]]) too.\n"
			  "In text referral:: A6 -> B6 is not a field\n"
			  "gave:: [[B7]] -> [[C7]]\n",
			  d);
	assert_int_equal(f->refrecs.n, 6);
	const char *from[] = {"A", "A2", "A3", "A4", "A5"};
	const char *pro[] = {"B", "B2", "B3", "B4", "B5 (x)"};
	for (int i = 0; i < 5; i++) {
		assert_string_equal(f->refrecs.v[i].from.target, from[i]);
		assert_string_equal(f->refrecs.v[i].prospect.target, pro[i]);
		assert_int_equal(f->refrecs.v[i].line, i + 1);
		assert_int_equal(f->refrecs.v[i].date, d);
		assert_false(f->refrecs.v[i].from_me);
	}
	assert_true(f->refrecs.v[5].from_me);
	assert_string_equal(f->refrecs.v[5].prospect.target, "B7");
	assert_string_equal(f->refrecs.v[5].to.target, "C7");
	rg_file_free(f);
}

static void not_read(void **state)
{
	(void)state;
	rg_file *f = scan("`referral:: A -> B`\n"
			  "```\nreferral:: A -> C\n```\n"
			  "    referral:: A -> D\n"
			  "\n"
			  "<div>\nreferral:: A -> E\n</div>\n\n"
			  "<!-- referral:: A -> F -->\n"
			  "<!--\nreferral:: A -> G\n-->\n"
			  "[x](http://a/b \"referral:: A -> H\")\n"
			  "~~~ referral:: A -> I\n~~~\n"
			  "referral:: A -> Z\n",
			  day("2026-10-10"));
	assert_int_equal(f->refrecs.n, 1);
	assert_string_equal(f->refrecs.v[0].prospect.target, "Z");
	assert_int_equal(f->refrecs.v[0].line, 18);
	rg_file_free(f);
}

static void credits(void **state)
{
	(void)state;
	rg_file *f = scan("thanked:: [[Ann Lee]]\n"
			  "Told her [informed:: Ann Lee] today\n"
			  "outcome:: [[Bob Ray]] won 4,500\n"
			  "outcome:: Cy Dee lost\n"
			  "outcome:: Bob won big\n"
			  "outcome:: Bob contacted\n"
			  "referral:: no arrow\n",
			  day("2026-10-10"));
	assert_int_equal(f->fields.n, 4);
	assert_int_equal(f->fields.v[0].key, RG_F_THANKED);
	assert_string_equal(f->fields.v[0].who.target, "Ann Lee");
	assert_int_equal(f->fields.v[1].key, RG_F_INFORMED);
	assert_string_equal(f->fields.v[1].who.target, "Ann Lee");
	assert_int_equal(f->fields.v[2].status, RG_ST_WON);
	assert_true(f->fields.v[2].has_value);
	assert_true(f->fields.v[2].value == 4500);
	assert_string_equal(f->fields.v[2].who.target, "Bob Ray");
	assert_string_equal(f->fields.v[3].who.target, "Cy Dee");
	assert_int_equal(f->fields.v[3].status, RG_ST_LOST);
	assert_false(f->fields.v[3].has_value);
	assert_true(has_diag(&f->diags, 5, RG_WARNING, "outcome::"));
	assert_true(has_diag(&f->diags, 6, RG_WARNING, "outcome::"));
	assert_true(has_diag(&f->diags, 7, RG_WARNING, "A -> B"));
	rg_file_free(f);
	/* undated: credits are warnings, referrals undated mentions */
	f = scan("thanked:: A\nreferral:: A -> B\n", RG_NODATE);
	assert_int_equal(f->fields.n, 0);
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].date, RG_NODATE);
	assert_true(has_diag(&f->diags, 1, RG_WARNING, "without a date"));
	rg_file_free(f);
}

static void tasks(void **state)
{
	(void)state;
	rg_file *f = scan("- [ ] Call [[Ann]] about [[Bob]] due:2026-11-01\n"
			  "- [x] Sent [[Cy]] \xe2\x9c\x85 2026-10-02 "
			  "\xf0\x9f\x93\x85 2026-09-09\n"
			  "- [ ] no dates\n"
			  "  - [X] nested done:: 2026-10-03\n"
			  "- [ ] [due:: 2026-11-05] bracketed\n"
			  "- [ ] bad due:2026-02-30\n"
			  "- not a task due:2026-01-01\n"
			  "```\n- [ ] in code due:2026-01-01\n```\n",
			  RG_NODATE);
	assert_int_equal(f->tasks.n, 6);
	int open = 0, with_due = 0;
	for (size_t i = 0; i < f->tasks.n; i++) {
		const rg_task *t = &f->tasks.v[i];
		open += !t->done;
		with_due += t->due != RG_NODATE;
		switch (t->line) {
		case 1:
			assert_int_equal(t->due, day("2026-11-01"));
			assert_int_equal(t->nlinks, 2);
			assert_string_equal(t->links[0].target, "Ann");
			break;
		case 2:
			assert_true(t->done);
			assert_int_equal(t->done_date, day("2026-10-02"));
			assert_int_equal(t->due, day("2026-09-09"));
			break;
		case 3: assert_int_equal(t->due, RG_NODATE); break;
		case 4:
			assert_true(t->done);
			assert_int_equal(t->done_date, day("2026-10-03"));
			break;
		case 5: assert_int_equal(t->due, day("2026-11-05")); break;
		case 6: assert_int_equal(t->due, RG_NODATE); break;
		default: fail_msg("task at line %d", t->line);
		}
	}
	assert_int_equal(open, 4);
	assert_int_equal(with_due, 3);
	assert_true(has_diag(&f->diags, 6, RG_WARNING, "not a real day"));
	rg_file_free(f);
}

static void long_lines(void **state)
{
	(void)state;
	rg_limits lim;
	rg_limits_default(&lim);
	lim.max_line = 100;
	char body[512];
	memset(body, 'x', 300);
	strcpy(body + 300, " referral:: A -> B\nreferral:: C -> D\n");
	rg_file *f = rg_file_new("n.md");
	rg_md_scan(f, body, strlen(body), 1, day("2026-01-01"), &lim);
	assert_int_equal(f->refrecs.n, 1);
	assert_string_equal(f->refrecs.v[0].from.target, "C");
	assert_true(has_diag(&f->diags, 1, RG_WARNING, "longer than 100"));
	rg_file_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(forms),      cmocka_unit_test(not_read),
		cmocka_unit_test(credits),    cmocka_unit_test(tasks),
		cmocka_unit_test(long_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
