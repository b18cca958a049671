/*
 * test_value: numbers (with currencies, k and M, and the 1.800 warning),
 * yes/no words, whole counts, comma lists and tag words (notes format
 * section 2, settings in section 5).
 */
#include "testlib.h"

#include <stdio.h>

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
		/* v3: a currency before or after, k and M */
		{"$5", 5},
		{"€1,800", 1800},
		{"€ 1,800", 1800},
		{"1,800€", 1800},
		{"1800 €", 1800},
		{"EUR 1,800", 1800},
		{"EUR1800", 1800},
		{"2,500 USD", 2500},
		{"2500USD", 2500},
		{"€1.8k", 1800},
		{"5k", 5000},
		{"5K", 5000},
		{"2M", 2000000},
		{"1.25M", 1250000},
		{"0.29k", 290},
		{"£-3", -3},
		{"5MXN", 5}, /* a currency, not a million */
		{"5MEUR", 5000000},
		{"5KRW", 5},
		{"¥12", 12},
		{"\u20b9 40", 40}, /* rupee, Sc */
		{"1.800", 1.8},	   /* read as written (a warning elsewhere) */
	};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		v = -42;
		assert_true(rg_value_number(ok[i].s, strlen(ok[i].s), &v));
		assert_true(v == ok[i].v);
	}
	const char *bad[] = {
		",5",	 "_5",	   "1.",    ".5",    "1e3",	"- 3",
		"",	 "-",	   "1.2.3", "1.5_0", "1.5,0",	"+5",
		"--5",	 "0x10",   "nan",   "inf",   "1 000",	"€1,800x",
		"5 k",	 "5m",	   "5kk",   "€€5",   "€5€",	"EUR 5 USD",
		"Eur 5", "EURO 5", "5 EU",  "5 eur", "-€5",	"k5",
		"€",	 "USD",	   "5%",    "#5",    "1,800.x", "5G"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		v = -42;
		assert_false(rg_value_number(bad[i], strlen(bad[i]), &v));
		assert_true(v == -42);
	}
	/* only s[0..n) is read */
	assert_true(rg_value_number("12abc", 2, &v));
	assert_true(v == 12);
	/* the only separator one '.' and three digits: read, but told */
	const char *dot3[] = {"1.800", "€1.800", "-2.500", "1.800k",
			      "3.000 USD"};
	for (size_t i = 0; i < sizeof dot3 / sizeof *dot3; i++)
		assert_int_equal(rg_value_number(dot3[i], strlen(dot3[i]), &v),
				 RG_NUM_DOT3);
	const char *plain[] = {"1.80", "1.8000", "1,000.500", "1_000.500",
			       "1800"};
	for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
		assert_int_equal(
			rg_value_number(plain[i], strlen(plain[i]), &v),
			RG_NUM_OK);
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

static void yesno(void **state)
{
	(void)state;
	const char *yes[] = {"yes", "YES", "Yes", "true", "True", " TRUE "};
	const char *no[] = {"no", "NO", "false", "False", "\tno"};
	const char *neither[] = {"on", "off",  "y",  "n",    "1",	  "0",
				 "",   "yess", "ye", "nope", "2026-11-03"};
	bool v;
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		v = false;
		assert_true(rg_value_yesno(yes[i], strlen(yes[i]), &v));
		assert_true(v);
	}
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		v = true;
		assert_true(rg_value_yesno(no[i], strlen(no[i]), &v));
		assert_false(v);
	}
	for (size_t i = 0; i < sizeof neither / sizeof *neither; i++)
		assert_false(
			rg_value_yesno(neither[i], strlen(neither[i]), &v));
}

/* The items of s joined with '|'. */
static char *items(const char *s)
{
	static char out[256];
	size_t pos = 0, b, e, k = 0;
	out[0] = '\0';
	while (rg_value_item(s, strlen(s), &pos, &b, &e)) {
		k += (size_t)snprintf(out + k, sizeof out - k, "%s%.*s",
				      k ? "|" : "", (int)(e - b), s + b);
	}
	return out;
}

static void comma_items(void **state)
{
	(void)state;
	assert_string_equal(items("Ann Lee, [[Bo, Jr]]"), "Ann Lee|[[Bo, Jr]]");
	assert_string_equal(items("client, partner"), "client|partner");
	assert_string_equal(items(" a ,, b ,\u00a0, "), "a|b");
	assert_string_equal(items("[[A|x, y]], [[B]]"), "[[A|x, y]]|[[B]]");
	assert_string_equal(items("one"), "one");
	assert_string_equal(items(""), "");
	assert_string_equal(items(" , ,"), "");
	/* an unclosed link keeps the rest together */
	assert_string_equal(items("[[A, B"), "[[A, B");
	assert_string_equal(items("a]], b"), "a]]|b");
}

static void tag_words(void **state)
{
	(void)state;
	const char *in[] = {"person",	"#client",	    "#crm/Client",
			    "a/b/lead", " #Former-Client ", "crm/"};
	const char *want[] = {"person", "client",	 "Client",
			      "lead",	"Former-Client", NULL};
	for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
		size_t b, e;
		bool ok = rg_value_tag(in[i], strlen(in[i]), &b, &e);
		if (want[i] == NULL) {
			assert_false(ok);
			continue;
		}
		assert_true(ok);
		assert_int_equal(e - b, strlen(want[i]));
		assert_memory_equal(in[i] + b, want[i], e - b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers),   cmocka_unit_test(counts),
		cmocka_unit_test(yesno),     cmocka_unit_test(comma_items),
		cmocka_unit_test(tag_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
