/*
 * test_date: day numbers and the value parsers (dates, durations,
 * numbers, counts).
 */
#include "testlib.h"

static void civil_round_trip(void **state)
{
	(void)state;
	assert_int_equal(rg_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(rg_days_from_civil(2000, 3, 1), 11017);
	for (int z = -800000; z < 800000; z += 997) {
		int y, m, d;
		rg_civil_from_days(z, &y, &m, &d);
		assert_int_equal(rg_days_from_civil(y, m, d), z);
	}
	char out[11];
	rg_date_format(day("2026-11-22"), out);
	assert_string_equal(out, "2026-11-22");
	assert_int_equal(day("2026-11-22") - day("2026-11-10"), 12);
	assert_int_equal(day("2025-01-01") - day("2024-12-31"), 1);
}

static void dates(void **state)
{
	(void)state;
	int d;
	const char *ok[] = {"2026-11-03",
			    "  2026-11-03  ",
			    "2024-02-29",
			    "2000-02-29",
			    "2026-11-03T10:00",
			    "2026-11-03 10:00:59",
			    "2026-11-03T10:00:00Z",
			    "2001-11-23 15:03:17 -5",
			    "2026-11-03T10:00:00.25+01:00"};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		assert_true(rg_date_parse(ok[i], strlen(ok[i]), &d));
		assert_int_equal(
			d, rg_days_from_civil(atoi(strstr(ok[i], "20")),
					      atoi(strstr(ok[i], "20") + 5),
					      atoi(strstr(ok[i], "20") + 8)));
	}
	const char *bad[] = {"2026-11-3",
			     "2026-13-01",
			     "2026-02-29",
			     "1900-02-29",
			     "2026-11-31",
			     "26-11-03",
			     "2026/11/03",
			     "2026-11-03x",
			     "2026-11-03T",
			     "2026-11-03 soon",
			     "",
			     "yesterday",
			     "2026-11-03T25:00"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(rg_date_parse(bad[i], strlen(bad[i]), &d));
}

static void durations(void **state)
{
	(void)state;
	int d;
	assert_true(rg_duration_parse("14d", 3, &d));
	assert_int_equal(d, 14);
	assert_true(rg_duration_parse("2w", 2, &d));
	assert_int_equal(d, 14);
	assert_true(rg_duration_parse("1M", 2, &d));
	assert_int_equal(d, 30);
	assert_true(rg_duration_parse(" 2y ", 4, &d));
	assert_int_equal(d, 730);
	const char *bad[] = {"0d", "d", "2", "2x", "-1d", "1.5w", "2 w", ""};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(rg_duration_parse(bad[i], strlen(bad[i]), &d));
}

static void numbers(void **state)
{
	(void)state;
	double v;
	assert_true(rg_number_parse("4,500", 5, &v));
	assert_true(v == 4500);
	assert_true(rg_number_parse("1_000", 5, &v));
	assert_true(v == 1000);
	assert_true(rg_number_parse("2,000.5", 7, &v));
	assert_true(v == 2000.5);
	assert_true(rg_number_parse("-3", 2, &v));
	assert_true(v == -3);
	assert_true(rg_number_parse("0", 1, &v));
	const char *bad[] = {",5",  "1.",  ".5", "$5",	 "5k",
			     "1e3", "- 3", "",	 "1.2.3"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(rg_number_parse(bad[i], strlen(bad[i]), &v));
	int n;
	assert_true(rg_count_parse("0", 1, &n));
	assert_int_equal(n, 0);
	assert_false(rg_count_parse("-1", 2, &n));
	assert_false(rg_count_parse("7d", 2, &n));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(civil_round_trip),
		cmocka_unit_test(dates),
		cmocka_unit_test(durations),
		cmocka_unit_test(numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
