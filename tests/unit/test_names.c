/*
 * test_names: reference targets, NFC and case folding, edit distance and
 * the "did you mean" index.
 */
#include "testlib.h"

#include "refgraph/names.h"

static char *target(const char *s)
{
	size_t b, n;
	if (!rg_ref_target(s, strlen(s), &b, &n))
		return NULL;
	return strndup(s + b, n);
}

static void targets(void **state)
{
	(void)state;
	const char *cases[][2] = {
		{"[[Ann Lee]]", "Ann Lee"},
		{"[[Ann Lee|Ann]]", "Ann Lee"},
		{"[[people/Ann Lee]]", "Ann Lee"},
		{"[[Ann Lee#Notes]]", "Ann Lee"},
		{"[[a/b/Ann Lee#x|y]]", "Ann Lee"},
		{"  Ann Lee  ", "Ann Lee"},
		{"people/Ann", "people/Ann"},
		{"[[ Ann ]] (her CPA)", "Ann"},
		{"see [[Bob]] and [[Cy]]", "Bob"},
		{"[[unclosed", "[[unclosed"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *t = target(cases[i][0]);
		assert_non_null(t);
		assert_string_equal(t, cases[i][1]);
		free(t);
	}
	assert_null(target("   "));
	assert_null(target("[[]]"));
	assert_null(target("[[|x]]"));
}

static void folding(void **state)
{
	(void)state;
	char *a = rg_fold("Zo\xc3\xab", 4);	 /* precomposed ë */
	char *b = rg_fold("ZOE\xcc\x88", 5);	 /* E + combining diaeresis */
	char *c = rg_fold(" Strau\xc3\x9f ", 9); /* ß */
	char *d = rg_fold("STRAUSS", 7);
	char *e = rg_fold("STRASSE", 7);
	assert_string_equal(a, b);
	assert_string_equal(c, d);
	assert_string_equal(c, "strauss");
	assert_string_not_equal(c, e); /* full folding: Strauß is not Straße */
	char *f = rg_fold("AB\xff", 3); /* not UTF-8: bytewise */
	assert_string_equal(f, "ab\xff");
	char *g = rg_nfc("Zoe\xcc\x88", 5);
	assert_string_equal(g, "Zo\xc3\xab");
	free(a);
	free(b);
	free(c);
	free(d);
	free(e);
	free(f);
	free(g);
	/* white space and no-break spaces mixed at the ends: all trimmed */
	const char *nb = "\xc2\xa0 Ann \xc2\xa0 \xc2\xa0";
	char *h = rg_fold(nb, strlen(nb));
	assert_string_equal(h, "ann");
	free(h);
	assert_true(rg_utf8_valid("Zo\xc3\xab", 4));
	assert_false(rg_utf8_valid("Zo\xc3", 3));
}

static void distance(void **state)
{
	(void)state;
	assert_int_equal(rg_edit_distance("ann lee", "ann lee", 2), 0);
	assert_int_equal(rg_edit_distance("ann lee", "anne lee", 2), 1);
	assert_int_equal(rg_edit_distance("ann lee", "ann le", 2), 1);
	assert_int_equal(rg_edit_distance("zoë", "zoe", 2), 1);
	assert_int_equal(rg_edit_distance("kitten", "sitting", 5), 3);
	assert_int_equal(rg_edit_distance("kitten", "sitting", 2), 3);
	assert_int_equal(rg_edit_distance("a", "abcdef", 2), 3);
}

static void near(void **state)
{
	(void)state;
	rg_near *nx = rg_near_new();
	rg_near_add(nx, "dana whitfield", "Dana Whitfield");
	rg_near_add(nx, "marco ruiz", "Marco Ruiz");
	rg_near_add(nx, "bob", "Bob"); /* too short to suggest */
	assert_string_equal(rg_near_find(nx, "dana whitfeld"),
			    "Dana Whitfield");
	assert_string_equal(rg_near_find(nx, "dana witfeld"), "Dana Whitfield");
	assert_string_equal(rg_near_find(nx, "marko ruiz"), "Marco Ruiz");
	assert_null(
		rg_near_find(nx, "marco ruiz")); /* equal is no suggestion */
	assert_null(rg_near_find(nx, "dana whitmore"));
	assert_null(rg_near_find(nx, "bop"));
	rg_near_free(nx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(targets),
		cmocka_unit_test(folding),
		cmocka_unit_test(distance),
		cmocka_unit_test(near),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
