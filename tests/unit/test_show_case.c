/*
 * test_show_case: the show-* golden cases run through the library as the
 * command line runs them (read the configuration and the notes, build the
 * graph, find the contact, compute the history, render it, print the
 * diagnostics; a name that names no one is a usage error, after the
 * notes' diagnostics), compared with their expected output, diagnostics
 * and status.  The golden runner checks the same files through the tool.
 * With UPDATE=1 the expected files are rewritten (review the diff).
 * Run from the top of the tree, as make check does.
 */
#include <stdio.h>

#include "testlib.h"

#include "refgraph/diag.h"
#include "refgraph/render.h"

/* A case: its folder, the name shown, the format its cmd asks for. */
typedef struct show_case {
	const char *dir, *name, *format;
} show_case;

static const show_case cases[] = {
	{"tests/cases/show-dana", "Dana Whitfield", "text"},
	{"tests/cases/show-dana-json", "Dana Whitfield", "json"},
	{"tests/cases/show-dana-csv", "Dana Whitfield", "csv"},
	{"tests/cases/show-dana-md", "dw", "md"},
	{"tests/cases/show-unknown", "Dana Whitfeld", "text"},
	{"tests/cases/show-ambiguous", "dee", "text"},
};

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	rg_buf b = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		rg_buf_put(&b, chunk, n);
	fclose(f);
	return b.s ? b.s : strdup("");
}

/* Compare got with DIR/expected.KIND, or write it there with UPDATE=1. */
static void expect(const char *dir, const char *kind, const char *got)
{
	char *path = rg_asprintf("%s/expected.%s", dir, kind);
	const char *up = getenv("UPDATE");
	if (up && strcmp(up, "1") == 0) {
		FILE *f = fopen(path, "wb");
		assert_non_null(f);
		fputs(got, f);
		assert_int_equal(fclose(f), 0);
	}
	char *want = slurp(path);
	if (want == NULL)
		fail_msg("%s is missing", path);
	if (strcmp(want, got) != 0)
		print_message("%s:\n%s\n", path, got);
	assert_string_equal(want, got);
	free(want);
	free(path);
}

/* The diagnostics as the tool prints them. */
static char *diag_text(const rg_diags *d)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);
	assert_non_null(f);
	rg_diags_print(d, f);
	fclose(f);
	return s;
}

static void run_case(const show_case *c)
{
	char *root = rg_asprintf("%s/notes", c->dir);
	char *cfgpath = rg_asprintf("%s/.refgraph.yaml", root);
	rg_diags d = {0};
	rg_config cfg;
	rg_config_init(&cfg);
	assert_true(rg_config_read(&cfg, cfgpath, ".refgraph.yaml", true, &d));
	rg_notes notes = {0};
	assert_true(rg_notes_load(&notes, root, &cfg, 1, &d));
	rg_graph g = {0};
	rg_graph_build(&g, &notes, &cfg, false, &d);
	rg_diags_sort(&d);
	char *why = NULL;
	int who = rg_show_find(&g, c->name, &why);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	rg_report r = {0};
	rg_buf out = {0};
	if (who >= 0) {
		assert_null(why);
		rg_report_show(&r, &g, &o, who);
		rg_render_opts ro = {0};
		ro.ahead = -1;
		ro.since = RG_NODATE;
		rg_renderer(c->format)(&out, &r, &g, &ro);
	}
	expect(c->dir, "out", out.s ? out.s : "");
	char *notes_err = diag_text(&d);
	char *err = who >= 0 ? rg_strdup(notes_err)
			     : rg_asprintf("%srefgraph: %s\nTry 'refgraph "
					   "--help'.\n",
					   notes_err, why);
	expect(c->dir, "err", err);
	expect(c->dir, "status", who < 0 ? "2\n" : d.nerrors ? "1\n" : "0\n");
	free(notes_err);
	free(err);
	free(why);
	rg_buf_free(&out);
	rg_report_free(&r);
	rg_graph_free(&g);
	rg_notes_free(&notes);
	rg_config_free(&cfg);
	rg_diags_free(&d);
	free(cfgpath);
	free(root);
}

static void test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		run_case(&cases[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
