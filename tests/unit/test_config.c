/*
 * test_config: settings from .refgraph.yaml (notes format section 5):
 * every key, keys in any case, bad values and unknown keys (warnings at
 * their place, the default stands), exclude patterns and
 * rg_config_excluded against a path and each of its leading directories.
 */
#include "testlib.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

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
		"max_depth: 8\nask_days: 60\n";
	rg_config_parse(&c, t, strlen(t), ".refgraph.yaml", &d);
	assert_string_equal(c.me, "[[Pat Owner]]");
	assert_int_equal(c.me_line, 1);
	assert_int_equal(c.me_col, 5);
	assert_int_equal(c.followup_days, 10);
	assert_int_equal(c.thank_days, 3);
	assert_int_equal(c.inform_days, 14);	   /* bad: default stands */
	assert_int_equal(c.client_touch_days, 30); /* bad: default stands */
	assert_int_equal(c.limits.max_depth, 8);
	assert_int_equal(c.ask_days, 60);
	assert_int_equal(c.nexclude, 3);
	assert_true(has_diag(&d, 4, RG_WARNING, "inform_days"));
	assert_true(has_diag(&d, 5, RG_WARNING, "client_touch_days"));
	assert_true(has_diag(&d, 6, RG_WARNING, "unknown setting 'colour'"));
	assert_int_equal(d.nerrors, 0);
	assert_int_equal(d.nwarnings, 3);
	for (size_t i = 0; i < d.items.n; i++)
		assert_string_equal(d.items.v[i].path, ".refgraph.yaml");
	assert_true(rg_config_excluded(&c, "templates"));
	assert_true(rg_config_excluded(&c, "templates/person.md"));
	assert_true(rg_config_excluded(&c, "archive/2020.md"));
	assert_true(rg_config_excluded(&c, "archive/2020/x.md"));
	assert_true(rg_config_excluded(&c, "drafts/x.md"));
	assert_false(rg_config_excluded(&c, "people/templates.md"));
	assert_false(rg_config_excluded(&c, "people/x.md"));
	assert_false(rg_config_excluded(&c, "archive.md"));
	rg_config_free(&c);
	rg_diags_free(&d);
}

/* Every count setting: whole numbers >= 0, anything else a warning. */
static void counts(void **state)
{
	(void)state;
	static const char *const names[] = {"followup_days", "thank_days",
					    "inform_days", "client_touch_days",
					    "ask_days"};
	static const int defaults[] = {7, 7, 14, 30, 90};
	const struct {
		const char *v;
		int ok; /* -1: a warning and the default */
	} vals[] = {{"0", 0},	  {"1", 1},    {"45", 45},
		    {"-1", -1},	  {"1.5", -1}, {"7d", -1},
		    {"soon", -1}, {"[1]", -1}, {"{a: 1}", -1}};
	for (size_t k = 0; k < 5; k++)
		for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) {
			rg_config c;
			rg_config_init(&c);
			rg_diags d = {0};
			char t[128];
			snprintf(t, sizeof t, "# settings\n%s: %s\n", names[k],
				 vals[i].v);
			rg_config_parse(&c, t, strlen(t), "cfg", &d);
			int *got[] = {&c.followup_days, &c.thank_days,
				      &c.inform_days, &c.client_touch_days,
				      &c.ask_days};
			for (size_t o = 0; o < 5; o++)
				assert_int_equal(*got[o],
						 o == k && vals[i].ok >= 0
							 ? vals[i].ok
							 : defaults[o]);
			assert_int_equal(d.nerrors, 0);
			if (vals[i].ok >= 0) {
				assert_int_equal(d.items.n, 0);
			} else {
				assert_int_equal(d.nwarnings, 1);
				assert_true(
					has_diag(&d, 2, RG_WARNING, names[k]));
			}
			rg_config_free(&c);
			rg_diags_free(&d);
		}
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
	assert_int_equal(c.nexclude, 0);
	assert_false(rg_config_excluded(&c, "anything.md"));
	rg_config_free(&c);
}

static void me_and_shapes(void **state)
{
	(void)state;
	rg_config c;
	rg_diags d = {0};
	/* me: plain text, kept as written; ~ means none */
	rg_config_init(&c);
	const char *t = "ME: Pat Owner\n";
	rg_config_parse(&c, t, strlen(t), "cfg", &d);
	assert_string_equal(c.me, "Pat Owner");
	assert_int_equal(d.items.n, 0);
	t = "me: ~\n";
	rg_config_parse(&c, t, strlen(t), "cfg", &d);
	assert_null(c.me);
	rg_config_free(&c);
	/* v3: me: [[Pat Owner]] unquoted is the wiki-link, with a warning */
	rg_config_init(&c);
	t = "followup_days: 3\nme: [[Pat Owner]]\n";
	rg_config_parse(&c, t, strlen(t), "cfg", &d);
	assert_string_equal(c.me, "[[Pat Owner]]");
	assert_int_equal(c.me_line, 2);
	assert_int_equal(c.me_col, 5);
	assert_true(has_diag(&d, 2, RG_WARNING,
			     "me: unquoted [[Pat Owner]] is a list in YAML; "
			     "read as the wiki-link (write it in quotes: "
			     "\"[[Pat Owner]]\")"));
	assert_int_equal(d.items.n, 1);
	rg_config_free(&c);
	rg_diags_free(&d);
	/* other list shapes stay what they were: a warning, ignored */
	rg_config_init(&c);
	t = "me: [[A], [B]]\n";
	rg_config_parse(&c, t, strlen(t), "cfg", &d);
	assert_null(c.me);
	assert_true(has_diag(&d, 1, RG_WARNING, "expected a single value"));
	rg_config_free(&c);
	rg_diags_free(&d);
	/* an empty file, a comment only: all defaults, no diagnostics */
	rg_config_init(&c);
	rg_config_parse(&c, "", 0, "cfg", &d);
	t = "# nothing\n";
	rg_config_parse(&c, t, strlen(t), "cfg", &d);
	assert_int_equal(c.followup_days, 7);
	assert_int_equal(d.items.n, 0);
	rg_config_free(&c);
	/* not a mapping: a warning */
	rg_config_init(&c);
	t = "- followup_days: 3\n";
	rg_config_parse(&c, t, strlen(t), "cfg", &d);
	assert_int_equal(c.followup_days, 7);
	assert_true(has_diag(&d, 1, RG_WARNING, "not a mapping"));
	rg_config_free(&c);
	rg_diags_free(&d);
	/* a list where one value is expected; the keys after still count */
	rg_config_init(&c);
	t = "thank_days: [1, 2]\nmystery: {a: b}\ninform_days: 2\n";
	rg_config_parse(&c, t, strlen(t), "cfg", &d);
	assert_int_equal(c.thank_days, 7);
	assert_int_equal(c.inform_days, 2);
	assert_true(has_diag(&d, 1, RG_WARNING, "thank_days"));
	assert_true(has_diag(&d, 2, RG_WARNING, "mystery"));
	assert_int_equal(d.nerrors, 0);
	rg_config_free(&c);
	rg_diags_free(&d);
	/* a syntax error: an error; what came before stands */
	rg_config_init(&c);
	t = "thank_days: 2\ninform_days: [3\n";
	rg_config_parse(&c, t, strlen(t), "cfg", &d);
	assert_int_equal(c.thank_days, 2);
	assert_int_equal(c.inform_days, 14);
	assert_int_equal(d.nerrors, 1);
	rg_config_free(&c);
	rg_diags_free(&d);
}

static void excludes(void **state)
{
	(void)state;
	rg_config c;
	rg_config_init(&c);
	rg_diags d = {0};
	const char *t = "exclude:\n  - \"*/drafts\"\n  - \"*.bak.md\"\n"
			"  - private/2020-*\n  - \"[Tt]emplates/\"\n"
			"  - a/b/c.md\n";
	rg_config_parse(&c, t, strlen(t), "cfg", &d);
	assert_int_equal(d.items.n, 0);
	assert_int_equal(c.nexclude, 5);
	/* the whole path */
	assert_true(rg_config_excluded(&c, "x.bak.md"));
	assert_true(rg_config_excluded(&c, "a/b/c.md"));
	assert_false(rg_config_excluded(&c, "a/b/c.md.x"));
	assert_false(rg_config_excluded(&c, "a/b/d.md"));
	/* a leading directory */
	assert_true(rg_config_excluded(&c, "notes/drafts/x.md"));
	assert_true(rg_config_excluded(&c, "notes/drafts/deep/x.md"));
	assert_true(rg_config_excluded(&c, "private/2020-q1/x.md"));
	assert_true(rg_config_excluded(&c, "Templates/t.md"));
	assert_true(rg_config_excluded(&c, "templates/t.md"));
	/* FNM_PATHNAME: * never crosses a slash */
	assert_false(rg_config_excluded(&c, "drafts/x.md"));
	assert_false(rg_config_excluded(&c, "a/b/drafts/x.md"));
	assert_false(rg_config_excluded(&c, "d/x.bak.md"));
	assert_false(rg_config_excluded(&c, "private/2021/x.md"));
	assert_false(rg_config_excluded(&c, "my-templates/t.md"));
	/* a pattern is matched whole, not as a prefix */
	assert_false(rg_config_excluded(&c, "notes/drafts2/x.md"));
	rg_config_free(&c);
	rg_diags_free(&d);
}

static void read_file(void **state)
{
	(void)state;
	rg_config c;
	rg_config_init(&c);
	rg_diags d = {0};
	/* a missing optional file is no error; a missing required one is */
	assert_true(rg_config_read(&c, "/nonexistent/.refgraph.yaml",
				   ".refgraph.yaml", true, &d));
	assert_int_equal(d.items.n, 0);
	assert_false(rg_config_read(&c, "/nonexistent/cfg.yaml", "cfg.yaml",
				    false, &d));
	assert_int_equal(d.nerrors, 1);
	rg_diags_free(&d);
	char path[] = "/tmp/rgcfgXXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *t = "followup_days: 3\nexclude: x\n";
	assert_int_equal(write(fd, t, strlen(t)), (ssize_t)strlen(t));
	close(fd);
	assert_true(rg_config_read(&c, path, "shown.yaml", false, &d));
	assert_int_equal(c.followup_days, 3);
	assert_int_equal(c.nexclude, 1);
	assert_int_equal(d.items.n, 0);
	unlink(path);
	rg_config_free(&c);
	rg_diags_free(&d);
}

/*
 * Settings are read like notes: whole up to max_file_size (not cut at a
 * mebibyte), never through a link, never blocking on a FIFO.
 */
static void read_like_notes(void **state)
{
	(void)state;
	char dir[] = "/tmp/rgcfgdXXXXXX";
	assert_non_null(mkdtemp(dir));
	char big[64], fifo[64], link[64];
	snprintf(big, sizeof big, "%s/big.yaml", dir);
	snprintf(fifo, sizeof fifo, "%s/fifo.yaml", dir);
	snprintf(link, sizeof link, "%s/link.yaml", dir);
	FILE *fp = fopen(big, "w");
	assert_non_null(fp);
	for (int i = 0; i < 40000; i++) /* 2 MB of comments, then me */
		fputs("# a comment line that fills the settings file up\n", fp);
	fputs("me: Pat Owner\n", fp);
	assert_int_equal(fclose(fp), 0);
	rg_config c;
	rg_config_init(&c);
	rg_diags d = {0};
	assert_true(rg_config_read(&c, big, "big.yaml", false, &d));
	assert_non_null(c.me);
	assert_string_equal(c.me, "Pat Owner");
	assert_int_equal(d.items.n, 0);
	rg_config_free(&c);
	/* larger than max_file_size: an error, the defaults stand */
	rg_config_init(&c);
	c.limits.max_file_size = 1000;
	assert_true(rg_config_read(&c, big, "big.yaml", false, &d));
	assert_null(c.me);
	assert_true(has_diag(&d, 0, RG_ERROR, "larger than 1000 bytes"));
	rg_config_free(&c);
	rg_diags_free(&d);
	/* a FIFO does not block; a link is not followed: warnings */
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(symlink(big, link), 0);
	rg_config_init(&c);
	assert_true(rg_config_read(&c, fifo, ".refgraph.yaml", true, &d));
	assert_true(has_diag(&d, 0, RG_WARNING, "not a regular file"));
	assert_true(rg_config_read(&c, link, ".refgraph.yaml", true, &d));
	assert_true(has_diag(&d, 0, RG_WARNING, "symbolic link"));
	assert_null(c.me);
	assert_int_equal(d.nerrors, 0);
	rg_config_free(&c);
	rg_diags_free(&d);
	unlink(big);
	unlink(fifo);
	unlink(link);
	rmdir(dir);
}

/*
 * The settings go through the notes' YAML tree: its depth cap and its
 * error place; what comes before an error stands; a value nested too
 * deep is ignored with a warning and the keys after it keep their
 * values; an alias of a scalar is its value, and a key after an alias or
 * a complex key keeps its own.
 */
static void through_the_tree(void **state)
{
	(void)state;
	rg_config c;
	rg_config_init(&c);
	rg_diags d = {0};
	rg_buf b = {0};
	rg_buf_puts(&b, "followup_days: 3\ndeep: ");
	for (int i = 0; i < 100; i++)
		rg_buf_putc(&b, '[');
	rg_buf_puts(&b, "\nthank_days: 2\n");
	rg_config_parse(&c, b.s, b.len, ".refgraph.yaml", &d);
	assert_int_equal(c.followup_days, 3);
	assert_int_equal(c.thank_days, 7);
	assert_int_equal(d.nerrors, 1); /* never closed */
	assert_true(has_diag(&d, 2, RG_WARNING, "nested deeper than"));
	rg_buf_free(&b);
	rg_config_free(&c);
	rg_diags_free(&d);
	rg_config_init(&c);
	memset(&d, 0, sizeof d);
	memset(&b, 0, sizeof b);
	rg_buf_puts(&b, "followup_days: ");
	for (int i = 0; i < 10000; i++)
		rg_buf_putc(&b, '[');
	for (int i = 0; i < 10000; i++)
		rg_buf_putc(&b, ']');
	rg_buf_puts(&b, "\nx: &a 5\nthank_days: *a\ninform_days: 3\n"
			"? [complex, key]\n: value\nclient_touch_days: 4\n");
	rg_config_parse(&c, b.s, b.len, ".refgraph.yaml", &d);
	assert_int_equal(d.nerrors, 0);
	assert_true(has_diag(&d, 1, RG_WARNING, "nested deeper than"));
	assert_int_equal(c.followup_days, 7); /* the default stands */
	assert_int_equal(c.thank_days, 5);
	assert_int_equal(c.inform_days, 3);
	assert_int_equal(c.client_touch_days, 4);
	rg_buf_free(&b);
	rg_config_free(&c);
	rg_diags_free(&d);
	rg_config_init(&c);
	memset(&d, 0, sizeof d);
	const char *t = "a: &n 5\nfollowup_days: *n\nexclude: [x, *n]\n";
	rg_config_parse(&c, t, strlen(t), ".refgraph.yaml", &d);
	assert_int_equal(c.followup_days, 5);
	assert_int_equal(c.nexclude, 2);
	assert_string_equal(c.exclude[1], "5");
	rg_config_free(&c);
	rg_config_free(NULL);
	rg_diags_free(&d);
}

/* Each limit: its least, its largest (capped, a warning), bad text. */
static void limits(void **state)
{
	(void)state;
	const struct {
		const char *text;
		size_t file, line, records;
		int depth;
		int warnings;
	} cases[] = {
		{"max_file_size: 1\nmax_depth: 2\nmax_line: 80\n"
		 "max_records: 1\n",
		 1, 80, 1, 2, 0},
		{"max_file_size: 1073741824\nmax_depth: 1000\n"
		 "max_line: 16777216\nmax_records: 10000000\n",
		 (size_t)1 << 30, (size_t)16 << 20, 10000000, 1000, 0},
		{"max_file_size: 1073741825\nmax_depth: 100000\n"
		 "max_line: 99999999999999999999999\nmax_records: 10000001\n",
		 (size_t)1 << 30, (size_t)16 << 20, 10000000, 1000, 4},
		{"max_file_size: 0\nmax_depth: 1\nmax_line: 79\n"
		 "max_records: -5\n",
		 RG_DEFAULT_MAX_FILE_SIZE, RG_DEFAULT_MAX_LINE,
		 RG_DEFAULT_MAX_RECORDS, RG_DEFAULT_MAX_DEPTH, 4},
		{"max_file_size: 1e6\nmax_depth: \" 8\"\nmax_line: +100\n"
		 "max_records: 1.5\n",
		 RG_DEFAULT_MAX_FILE_SIZE, RG_DEFAULT_MAX_LINE,
		 RG_DEFAULT_MAX_RECORDS, RG_DEFAULT_MAX_DEPTH, 4},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		rg_config c;
		rg_config_init(&c);
		rg_diags d = {0};
		rg_config_parse(&c, cases[i].text, strlen(cases[i].text), "cfg",
				&d);
		assert_int_equal(c.limits.max_file_size, cases[i].file);
		assert_int_equal(c.limits.max_line, cases[i].line);
		assert_int_equal(c.limits.max_records, cases[i].records);
		assert_int_equal(c.limits.max_depth, cases[i].depth);
		assert_int_equal(d.nwarnings, cases[i].warnings);
		assert_int_equal(d.nerrors, 0);
		rg_config_free(&c);
		rg_diags_free(&d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keys),
		cmocka_unit_test(counts),
		cmocka_unit_test(one_pattern_and_errors),
		cmocka_unit_test(me_and_shapes),
		cmocka_unit_test(excludes),
		cmocka_unit_test(read_file),
		cmocka_unit_test(read_like_notes),
		cmocka_unit_test(limits),
		cmocka_unit_test(through_the_tree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
