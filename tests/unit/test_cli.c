/*
 * test_cli: the command line as rg_cli_parse reads it: options before or
 * after the command, both value forms, defaults (--jobs: the online
 * processors), the format from -o's extension, and the usage errors.
 */
#include "testlib.h"

#include <stdio.h>
#include <unistd.h>

#include "refgraph/cli.h"

/* Parse the words of line (blank-separated); the usage error, if any,
 * in err (empty when none). */
static bool parse_line(rg_cli *c, const char *line, char *err, size_t cap)
{
	static char words[512];
	char *argv[32];
	int argc = 0;
	snprintf(words, sizeof words, "%s", line);
	argv[argc++] = (char *)"refgraph";
	for (char *w = strtok(words, " "); w && argc < 31;
	     w = strtok(NULL, " "))
		argv[argc++] = w;
	argv[argc] = NULL;
	FILE *f = fmemopen(err, cap, "w");
	assert_non_null(f);
	bool ok = rg_cli_parse(c, argc, argv, f);
	fclose(f);
	return ok;
}

#define PARSES(c, line)                                                        \
	do {                                                                   \
		char e_[512] = "";                                             \
		if (!parse_line(c, line, e_, sizeof e_))                       \
			fail_msg("%s: %s", line, e_);                          \
	} while (0)

static void fails_with(const char *line, const char *msg)
{
	rg_cli c;
	char err[512] = "";
	assert_false(parse_line(&c, line, err, sizeof err));
	if (strstr(err, msg) == NULL)
		fail_msg("%s: got %s, wanted %s", line, err, msg);
	assert_non_null(strstr(err, "Try 'refgraph --help'."));
}

static void defaults(void **state)
{
	(void)state;
	rg_cli c;
	PARSES(&c, "report");
	assert_int_equal(c.cmd, RG_CMD_REPORT);
	assert_string_equal(c.root, ".");
	assert_string_equal(c.format, "text");
	assert_null(c.output);
	assert_int_equal(c.today, RG_NODATE);
	assert_int_equal(c.ahead, -1);
	assert_int_equal(c.ask_days, -1);
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	int want = n < 1 ? 1 : n > RG_CLI_MAX_JOBS ? RG_CLI_MAX_JOBS : (int)n;
	assert_int_equal(c.jobs, want);
	assert_int_equal(c.color, RG_COLOR_AUTO);
}

static void order_and_forms(void **state)
{
	(void)state;
	rg_cli c;
	PARSES(&c, "--today=2026-11-22 followups notes --ahead 7 -q");
	assert_int_equal(c.cmd, RG_CMD_FOLLOWUPS);
	assert_string_equal(c.root, "notes");
	assert_int_equal(c.today, day("2026-11-22"));
	assert_int_equal(c.ahead, 7);
	assert_true(c.quiet);
	PARSES(&c, "asks --ask-days=30 --jobs 3 -- -odd");
	assert_int_equal(c.cmd, RG_CMD_ASKS);
	assert_int_equal(c.ask_days, 30);
	assert_int_equal(c.jobs, 3);
	assert_string_equal(c.root, "-odd");
	PARSES(&c, "summary --since 2026-01-01");
	assert_int_equal(c.since, day("2026-01-01"));
	PARSES(&c, "graph --links wiki --format md");
	assert_int_equal(c.cmd, RG_CMD_GRAPH);
	PARSES(&c, "show --ahead 3 Ann notes");
	assert_int_equal(c.cmd, RG_CMD_SHOW);
	assert_string_equal(c.show_name, "Ann");
	assert_string_equal(c.root, "notes");
	assert_int_equal(c.ahead, 3);
	PARSES(&c, "reciprocity --jobs 1000");
	assert_int_equal(c.jobs, RG_CLI_MAX_JOBS);
	PARSES(&c, "check --format json -o check.json --color never");
	assert_string_equal(c.format, "json");
	assert_int_equal(c.color, RG_COLOR_NEVER);
}

static void format_from_extension(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"r.txt", "text"}, {"r.json", "json"}, {"dir.x/r.csv", "csv"},
		{"r.md", "md"},	   {"r.html", "html"}, {"r.htm", "html"},
		{"r.dot", "dot"},  {"r.gv", "dot"},    {"r.ics", "ics"}};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		rg_cli c;
		char line[128];
		snprintf(line, sizeof line, "sources -o %s", cases[i][0]);
		PARSES(&c, line);
		assert_string_equal(c.format, cases[i][1]);
	}
	rg_cli c;
	PARSES(&c, "sources -o r.pdf --format json"); /* --format wins */
	assert_string_equal(c.format, "json");
	PARSES(&c, "report --output-dir out --links wiki");
	assert_string_equal(c.output_dir, "out");
	assert_true(c.links_wiki);
	fails_with("sources -o r.pdf", "cannot tell the format of 'r.pdf'");
	fails_with("sources -o dir.md/report", "cannot tell the format");
}

static void usage_errors(void **state)
{
	(void)state;
	fails_with("", "no command given");
	fails_with("frobnicate", "unknown command 'frobnicate'");
	fails_with("report a b", "unexpected argument 'b'");
	fails_with("report --colour", "unknown option '--colour'");
	fails_with("report --f=x", "option '--f' is ambiguous (--format, "
				   "--followup-days, --fail-on)");
	fails_with("report --today", "option '--today' needs a value");
	fails_with("report --today 2026-02-30", "'2026-02-30' is not a date");
	fails_with("report --jobs 0", "'0' is not a whole number >= 1");
	fails_with("report --strict=1", "option '--strict' takes no value");
	fails_with("check --since 2026-01-01", "--since is not an option of "
					       "'check'");
	fails_with("sources --thank-days 3", "only of report, uncredited");
	fails_with("graph --ahead 3", "--ahead is not an option of 'graph'");
	fails_with("show", "show needs the contact's name");
	fails_with("show Ann notes extra", "unexpected argument 'extra'");
	fails_with("show Ann --since 2026-01-01", "--since is not an option of "
						  "'show'");
	fails_with("check --format html",
		   "check writes text or json, not html");
	fails_with("check -o c.csv", "check writes text or json, and 'c.csv' "
				     "names csv; add --format");
	fails_with("report --format csv", "use --output-dir DIR");
	fails_with("report --color yes", "auto, always or never");
	fails_with("followups --links wiki", "--links wiki is for md");
	fails_with("report -o a.md --output-dir d", "do not go together");
}

/* --rev, --previous, --previous-rev, --fail-on: where they go, what
 * goes together. */
static void nightly_options(void **state)
{
	(void)state;
	rg_cli c;
	PARSES(&c, "check");
	assert_null(c.rev);
	assert_false(rg_failon_any(&c.failon));
	PARSES(&c, "report --rev HEAD~1 --previous-rev main --fail-on "
		   "overdue=3,warnings notes");
	assert_string_equal(c.rev, "HEAD~1");
	assert_string_equal(c.previous_rev, "main");
	assert_int_equal(c.failon.overdue_days, 3);
	assert_true(c.failon.warnings);
	PARSES(&c, "asks --previous old.json");
	assert_string_equal(c.previous, "old.json");
	PARSES(&c, "check --rev HEAD --fail-on errors,warnings");
	PARSES(&c, "uncredited --fail-on uncredited");
	fails_with("report --previous a.json --previous-rev HEAD",
		   "do not go together");
	fails_with("check --previous a.json", "--previous is not an option");
	fails_with("summary --previous-rev HEAD",
		   "--previous-rev is not an option");
	fails_with("graph --fail-on errors", "--fail-on is not an option");
	fails_with("sources --fail-on overdue", "looks at the follow-ups");
	fails_with("followups --fail-on uncredited",
		   "looks at the uncredited referrals");
	fails_with("report --fail-on overdue=x", "not a whole number");
	fails_with("report --fail-on late", "unknown condition 'late'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(order_and_forms),
		cmocka_unit_test(format_from_extension),
		cmocka_unit_test(usage_errors),
		cmocka_unit_test(nightly_options),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
