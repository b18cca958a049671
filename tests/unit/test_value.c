/*
 * test_value: numbers and whole counts (notes format section 2, settings
 * in section 5).
 */
#include "testlib.h"

#include "refgraph/value.h"

static void numbers(void **state)
{
	(void)state;
	double v;
	const struct {
		const char *s;
		double v;
	} ok[] = {
		{"4,500", 4500},
		{"1_000", 1000},
		{"1_000_000", 1000000},
		{"1,000,000.25", 1000000.25},
		{"2,000.5", 2000.5},
		{"12.50", 12.5},
		{"-3", -3},
		{"-0.5", -0.5},
		{"-1,500", -1500},
		{"0", 0},
		{"007", 7},
		{"1,2,3",
		 123}, /* ',' and '_' are ignored wherever they stand */
		{"1_", 1},
		{"1,", 1},
		{"9_9.9", 99.9},
	};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		v = -42;
		assert_true(rg_value_number(ok[i].s, strlen(ok[i].s), &v));
		assert_true(v == ok[i].v);
	}
	const char *bad[] = {
		",5",  "_5",   "1.",  ".5",    "$5",	"5k",	 "1e3",
		"- 3", "",     "-",   "1.2.3", "1.5_0", "1.5,0", "+5",
		"--5", "0x10", "nan", "inf",   "1 000", "€10",	 "4,500 EUR"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		v = -42;
		assert_false(rg_value_number(bad[i], strlen(bad[i]), &v));
		assert_true(v == -42);
	}
	/* only s[0..n) is read */
	assert_true(rg_value_number("12abc", 2, &v));
	assert_true(v == 12);
}

static void counts(void **state)
{
	(void)state;
	int n;
	assert_true(rg_value_count("0", 1, &n));
	assert_int_equal(n, 0);
	assert_true(rg_value_count("30", 2, &n));
	assert_int_equal(n, 30);
	assert_true(rg_value_count(" 14 ", 4, &n));
	assert_int_equal(n, 14);
	const char *bad[] = {"-1", "7d", "1.5", "", "+3", "seven", "1,000"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		n = 99;
		assert_false(rg_value_count(bad[i], strlen(bad[i]), &n));
		assert_int_equal(n, 99);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers),
		cmocka_unit_test(counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
