/*
 * test_date: day numbers and the date values of the notes format
 * (section 2): dates (with a time of day, invalid days, leap years) and
 * durations.
 */
#include "testlib.h"

static void civil_round_trip(void **state)
{
	(void)state;
	assert_int_equal(rg_date_from_civil(1970, 1, 1), 0);
	assert_int_equal(rg_date_from_civil(1969, 12, 31), -1);
	assert_int_equal(rg_date_from_civil(2000, 1, 1), 10957);
	assert_int_equal(rg_date_from_civil(2000, 3, 1), 11017);
	assert_int_equal(rg_date_from_civil(2026, 11, 22), 20779);
	for (int z = -800000; z < 800000; z += 997) {
		int y, m, d;
		rg_date_to_civil(z, &y, &m, &d);
		assert_true(m >= 1 && m <= 12 && d >= 1 && d <= 31);
		assert_int_equal(rg_date_from_civil(y, m, d), z);
	}
	int y, m, d;
	rg_date_to_civil(20779, &y, &m, &d);
	assert_int_equal(y, 2026);
	assert_int_equal(m, 11);
	assert_int_equal(d, 22);
	char out[11];
	rg_date_format(day("2026-11-22"), out);
	assert_string_equal(out, "2026-11-22");
	rg_date_format(day("0001-01-01"), out);
	assert_string_equal(out, "0001-01-01");
	rg_date_format(day("9999-12-31"), out);
	assert_string_equal(out, "9999-12-31");
	/* every day of years 0 to 9999 as printf would write it, and the
	 * days just outside */
	for (int z = rg_date_from_civil(0, 1, 1) - 2;
	     z <= rg_date_from_civil(9999, 12, 31) + 2; z++) {
		char want[32];
		rg_date_to_civil(z, &y, &m, &d);
		if (y < 0 || y > 9999)
			snprintf(want, sizeof want, "0000-00-00");
		else
			snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
		rg_date_format(z, out);
		if (strcmp(out, want) != 0)
			fail_msg("day %d: %s, not %s", z, out, want);
	}
	assert_int_equal(day("2026-11-22") - day("2026-11-10"), 12);
	assert_int_equal(day("2025-01-01") - day("2024-12-31"), 1);
	assert_int_equal(day("2027-01-01") - day("2026-01-01"), 365);
	assert_int_equal(day("2025-01-01") - day("2024-01-01"), 366);
	/* RG_NODATE sorts before every real day */
	assert_true(RG_NODATE < day("0000-01-01"));
}

static void leap_years(void **state)
{
	(void)state;
	int d;
	/* divisible by 4, not by 100 unless by 400 */
	const char *leap[] = {"2024-02-29", "2000-02-29", "2400-02-29",
			      "1996-02-29", "0004-02-29"};
	for (size_t i = 0; i < sizeof leap / sizeof *leap; i++) {
		assert_true(rg_date_parse(leap[i], strlen(leap[i]), &d));
		assert_int_equal(d, day(leap[i]));
	}
	const char *common[] = {"2023-02-29", "1900-02-29", "2100-02-29",
				"2026-02-29", "2024-02-30"};
	for (size_t i = 0; i < sizeof common / sizeof *common; i++)
		assert_false(rg_date_parse(common[i], strlen(common[i]), &d));
	assert_int_equal(day("2024-03-01") - day("2024-02-28"), 2);
	assert_int_equal(day("2023-03-01") - day("2023-02-28"), 1);
	assert_int_equal(day("2100-03-01") - day("2100-02-28"), 1);
	assert_int_equal(day("2000-03-01") - day("2000-02-28"), 2);
}

static void month_lengths(void **state)
{
	(void)state;
	int d;
	static const int len[] = {31, 28, 31, 30, 31, 30,
				  31, 31, 30, 31, 30, 31};
	char s[32];
	for (int m = 1; m <= 12; m++) {
		snprintf(s, sizeof s, "2026-%02d-%02d", m, len[m - 1]);
		assert_true(rg_date_parse(s, strlen(s), &d));
		assert_int_equal(d, rg_date_from_civil(2026, m, len[m - 1]));
		snprintf(s, sizeof s, "2026-%02d-%02d", m, len[m - 1] + 1);
		assert_false(rg_date_parse(s, strlen(s), &d));
		snprintf(s, sizeof s, "2026-%02d-00", m);
		assert_false(rg_date_parse(s, strlen(s), &d));
	}
	assert_false(rg_date_parse("2026-00-10", 10, &d));
	assert_false(rg_date_parse("2026-13-10", 10, &d));
	assert_false(rg_date_parse("2026-99-99", 10, &d));
}

static void dates(void **state)
{
	(void)state;
	int d;
	const char *ok[] = {
		"2026-11-03", "  2026-11-03  ", "\t2026-11-03\n", "2024-02-29",
		"2000-02-29", "2026-11-03T10:00", "2026-11-03 10:00",
		"2026-11-03 10:00:59", "2026-11-03T10:00:00Z",
		"2026-11-03T23:59:59+01:00", "2026-11-03T10:00:00.25+01:00",
		"2026-11-03T00:00", "2026-11-03T23:59",
		"\u00a02026-11-03\u2009", /* Unicode spaces trim */
		/* v3: one hour digit, zones of every form */
		"2026-11-03 9:30", "2026-11-03T9:30", "2026-11-03 0:00",
		"2026-11-03 9:30:15.5", "2026-11-03 9:30 +0100",
		"2026-11-03 9:30+01", "2026-11-03 09:30 -05:00",
		"2026-11-03 09:30\tZ", "2026-11-03 23:59:59.999999Z"};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		d = 0;
		assert_true(rg_date_parse(ok[i], strlen(ok[i]), &d));
		const char *p = strstr(ok[i], "20");
		assert_int_equal(d, rg_date_from_civil(atoi(p), atoi(p + 5),
						       atoi(p + 8)));
	}
	const char *bad[] = {
		"2026-11-3",
		"2026-13-01",
		"2026-02-29",
		"1900-02-29",
		"2026-11-31",
		"26-11-03",
		"2026/11/03",
		"20261103",
		"2026-11-03x",
		"2026-11-03T",
		"2026-11-03 soon",
		"2026-11-03Tnoon",
		"2026-02-30T10:00", /* a time cannot save the day */
		"2026-11-31 10:00",
		"",
		"   ",
		"yesterday",
		"Nov 3, 2026",
		"2026-11-03T25:00",
		"2026-11-03T24:59", /* hours are 0-23 */
		"2026-11-03T24:00",
		"2026-11-03t10:00", /* the separator is T or a space */
		"2026-11-03t10:00Z",
		"2026-11-03 09:30 +130",
		"2026-11-03 15:01:42 -5", /* YAML's one hour digit: not +HH */
		"2026-11-03 09:30+5:30",
		"2026-11-03T09:30+1",
		"2026-11-03 09:30 +123",
		"2026-11-03 09:30 +01:0",
		"2026-11-03 09:30 +01:",
		"2026-11-03 09:30 +01:000",
		"2026-11-03 09:30 UTC",
		"2026-11-03 09:30z",
		"2026-11-03 930",
		"2026-11-03 9:3",
		"2026-11-03 009:30",
		"2026-11-03 :30",
		"2026-11-03 09:30:60",
		"2026-11-03 09:30:5",
		"2026-11-03 09:30.5", /* a fraction follows seconds */
		"2026-11-03 09:30:00.",
		"2026-11-03  09:30", /* one T or one space */
		"2026-11-03T 09:30",
		"2026-11-03T10:60",
		"+2026-11-03",
		"2026-11-03 2026-11-04"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		d = 12345;
		assert_false(rg_date_parse(bad[i], strlen(bad[i]), &d));
		assert_int_equal(d, 12345); /* untouched on failure */
	}
	/* only s[0..n) is read */
	assert_true(rg_date_parse("2026-11-03garbage", 10, &d));
	assert_int_equal(d, day("2026-11-03"));
	assert_false(rg_date_parse("2026-11-03", 9, &d));
	/* the exact ten-byte form */
	assert_true(rg_date_parse10("2026-11-03 and more", &d));
	assert_int_equal(d, day("2026-11-03"));
	assert_false(rg_date_parse10("2026-11-3 ", &d));
	assert_false(rg_date_parse10("2026_11_03", &d));
	assert_false(rg_date_parse10("2026-02-29", &d));
}

static void durations(void **state)
{
	(void)state;
	int d;
	const struct {
		const char *s;
		int days;
	} ok[] = {
		{"14d", 14}, {"1d", 1},	    {"2w", 14},	   {"1W", 7},
		{"1m", 30},  {"1M", 30},    {"3m", 90},	   {"1y", 365},
		{"2Y", 730}, {" 2y ", 730}, {"100D", 100},
	};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		d = 0;
		assert_true(
			rg_date_duration_parse(ok[i].s, strlen(ok[i].s), &d));
		assert_int_equal(d, ok[i].days);
	}
	const char *bad[] = {"0d",  "0w",	 "d",	"2",   "2x", "-1d",
			     "+1d", "1.5w",	 "2 w", "",    "w2", "2ww",
			     "2dw", "two weeks", "2h",	"1e2d"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		d = 777;
		assert_false(
			rg_date_duration_parse(bad[i], strlen(bad[i]), &d));
		assert_int_equal(d, 777);
	}
	/* only s[0..n) is read */
	assert_true(rg_date_duration_parse("2wxyz", 2, &d));
	assert_int_equal(d, 14);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(civil_round_trip),
		cmocka_unit_test(leap_years),
		cmocka_unit_test(month_lengths),
		cmocka_unit_test(dates),
		cmocka_unit_test(durations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
