/*
 * test_config: settings from .refgraph.yaml: keys, bad values and unknown
 * keys (warnings, defaults stand), exclude patterns and leading
 * directories.
 */
#include "testlib.h"

static void keys(void **state)
{
	(void)state;
	rg_config c;
	rg_config_init(&c);
	rg_diags d = {0};
	const char *t =
		"me: \"[[Pat Owner]]\"\nfollowup_days: 10\nThank_Days: 3\n"
		"inform_days: -1\nclient_touch_days: soon\ncolour: red\n"
		"exclude: [templates, \"archive/*\", drafts/]\n"
		"max_depth: 8\n";
	rg_config_parse(&c, t, strlen(t), ".refgraph.yaml", &d);
	assert_string_equal(c.me, "[[Pat Owner]]");
	assert_int_equal(c.followup_days, 10);
	assert_int_equal(c.thank_days, 3);
	assert_int_equal(c.inform_days, 14);	   /* bad: default stands */
	assert_int_equal(c.client_touch_days, 30); /* bad: default stands */
	assert_int_equal(c.limits.max_depth, 8);
	assert_int_equal(c.nexclude, 3);
	assert_true(has_diag(&d, 4, RG_WARNING, "inform_days"));
	assert_true(has_diag(&d, 5, RG_WARNING, "client_touch_days"));
	assert_true(has_diag(&d, 6, RG_WARNING, "unknown setting 'colour'"));
	assert_int_equal(d.nerrors, 0);
	assert_true(rg_config_excluded(&c, "templates"));
	assert_true(rg_config_excluded(&c, "templates/person.md"));
	assert_true(rg_config_excluded(&c, "archive/2020.md"));
	assert_true(rg_config_excluded(&c, "archive/2020/x.md"));
	assert_true(rg_config_excluded(&c, "drafts/x.md"));
	assert_false(rg_config_excluded(&c, "people/templates.md"));
	assert_false(rg_config_excluded(&c, "people/x.md"));
	rg_config_free(&c);
	rg_diags_free(&d);
}

static void one_pattern_and_errors(void **state)
{
	(void)state;
	rg_config c;
	rg_config_init(&c);
	rg_diags d = {0};
	const char *t = "exclude: \"*.tmp.md\"\nme: [a\n";
	rg_config_parse(&c, t, strlen(t), "cfg.yaml", &d);
	assert_int_equal(c.nexclude, 1);
	assert_true(rg_config_excluded(&c, "x.tmp.md"));
	assert_false(rg_config_excluded(&c, "dir/x.tmp.md")); /* FNM_PATHNAME */
	assert_int_equal(d.nerrors, 1);
	assert_string_equal(d.items.v[0].path, "cfg.yaml");
	rg_config_free(&c);
	rg_diags_free(&d);
	/* defaults */
	rg_config_init(&c);
	assert_int_equal(c.followup_days, 7);
	assert_int_equal(c.thank_days, 7);
	assert_int_equal(c.inform_days, 14);
	assert_int_equal(c.client_touch_days, 30);
	assert_null(c.me);
	rg_config_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keys),
		cmocka_unit_test(one_pattern_and_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
