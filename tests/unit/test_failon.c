/*
 * test_failon: the --fail-on list (each word, overdue=N, repeats, bad
 * words) and when each condition holds: overdue counts days_overdue, so
 * --ahead's duties not yet due never fail a job; a report the run did
 * not make never holds.
 */
#include "testlib.h"

#include "refgraph/failon.h"

static void test_parse(void **state)
{
	(void)state;
	rg_failon f;
	rg_failon_init(&f);
	assert_false(rg_failon_any(&f));
	char *why = NULL;
	assert_true(rg_failon_parse(&f, "uncredited,warnings", &why));
	assert_true(f.uncredited && f.warnings && !f.errors);
	assert_int_equal(f.overdue_days, -1);
	assert_true(rg_failon_parse(&f, "overdue=10", &why));
	assert_int_equal(f.overdue_days, 10);
	assert_true(rg_failon_parse(&f, "overdue=30,errors", &why));
	assert_int_equal(f.overdue_days, 10); /* the least holds first */
	assert_true(rg_failon_parse(&f, "overdue", &why));
	assert_int_equal(f.overdue_days, 1);
	assert_true(f.errors);
	static const char *const bad[] = {
		"",	     "late",	"overdue=", "overdue=-1",
		"overdue=x", "errors,", ",errors",  "Errors"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		rg_failon_init(&f);
		why = NULL;
		assert_false(rg_failon_parse(&f, bad[i], &why));
		assert_non_null(why);
		assert_non_null(strstr(why, "--fail-on"));
		free(why);
	}
}

static void add_fu(rg_report *r, int days)
{
	rg_fu_row *x = RG_VEC_PUSH(r->followups);
	x->days_overdue = days;
}

static void test_overdue(void **state)
{
	(void)state;
	rg_report r = {0};
	r.has_followups = true;
	add_fu(&r, 0);
	add_fu(&r, -3);
	rg_failon f;
	rg_failon_init(&f);
	char *why;
	assert_true(rg_failon_parse(&f, "overdue", &why));
	assert_null(rg_failon_check(&f, &r, 0, 0)); /* not yet due */
	add_fu(&r, 5);
	char *m = rg_failon_check(&f, &r, 0, 0);
	assert_string_equal(m, "--fail-on overdue: 1 follow-up at least 1 "
			       "day overdue");
	free(m);
	rg_failon_init(&f);
	assert_true(rg_failon_parse(&f, "overdue=6", &why));
	assert_null(rg_failon_check(&f, &r, 0, 0));
	add_fu(&r, 6);
	add_fu(&r, 60);
	m = rg_failon_check(&f, &r, 0, 0);
	assert_string_equal(m, "--fail-on overdue: 2 follow-ups at least 6 "
			       "days overdue");
	free(m);
	r.has_followups = false; /* a run without the report */
	assert_null(rg_failon_check(&f, &r, 0, 0));
	rg_report_free(&r);
}

static void test_uncredited_errors_warnings(void **state)
{
	(void)state;
	rg_report r = {0};
	r.has_uncredited = true;
	rg_failon f;
	rg_failon_init(&f);
	char *why;
	assert_true(rg_failon_parse(&f, "uncredited", &why));
	assert_null(rg_failon_check(&f, &r, 3, 3));
	RG_VEC_PUSH(r.uncredited);
	char *m = rg_failon_check(&f, &r, 0, 0);
	assert_string_equal(m, "--fail-on uncredited: 1 uncredited referral");
	free(m);
	rg_failon_init(&f);
	assert_true(rg_failon_parse(&f, "warnings", &why));
	assert_null(rg_failon_check(&f, &r, 2, 0));
	m = rg_failon_check(&f, &r, 0, 2);
	assert_string_equal(m, "--fail-on warnings: 2 warnings in the notes");
	free(m);
	rg_failon_init(&f);
	assert_true(rg_failon_parse(&f, "errors", &why));
	assert_null(rg_failon_check(&f, &r, 0, 5));
	m = rg_failon_check(&f, &r, 1, 0);
	assert_string_equal(m, "--fail-on errors: 1 error in the notes");
	free(m);
	bool fu, un;
	rg_failon_needs(&f, &fu, &un);
	assert_false(fu || un);
	rg_report_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_overdue),
		cmocka_unit_test(test_uncredited_errors_warnings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
