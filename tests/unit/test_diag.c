/*
 * test_diag: how diagnostics are printed: user text made visible (no
 * control character reaches the terminal, no newline forges a line),
 * --quiet, the source line and caret on a terminal, and the JSON form.
 */
#include "testlib.h"

#include <stdio.h>

#include "refgraph/diag.h"
#include "refgraph/names.h"

/* Everything rg_diags_show prints for d with o. */
static char *shown(const rg_diags *d, const rg_diag_show *o)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(rg_diags_show(d, f, o), 0);
	fclose(f);
	return buf;
}

static char *visible(const char *s)
{
	rg_buf b = {0};
	rg_diag_put_visible(&b, s, strlen(s));
	rg_buf_putc(&b, '\0');
	return b.s;
}

static void visible_text(void **state)
{
	(void)state;
	char *s = visible("a\x1b]0;title\x07 b\nc\td\x7f"
			  "e\xc2\x9b"
			  "f");
	assert_string_equal(s, "a?]0;title? b?c?d?e?f");
	free(s);
	s = visible("bad \xff byte, \xe2\x80\xa8 line sep, Zoë");
	assert_string_equal(s, "bad \xEF\xBF\xBD byte, ? line sep, Zoë");
	free(s);
}

static void print_paths_and_messages(void **state)
{
	(void)state;
	rg_diags d = {0};
	rg_diag(&d, "evil\x1b[2J\nx.md:1:1: error: forged.md", 3, 7, RG_WARNING,
		"value '%s' is odd", "red\x1b[31m\n");
	rg_diag(&d, NULL, 0, 0, RG_ERROR, "cannot read '%s'", "a\rb");
	rg_diag(&d, "dir", 0, 0, RG_ERROR, "whole");
	rg_diag_show o = {0};
	char *s = shown(&d, &o);
	assert_string_equal(s, "evil?[2J?x.md:1:1: error: forged.md:3:7: "
			       "warning: value 'red?[31m?' is odd\n"
			       "refgraph: error: cannot read 'a?b'\n"
			       "dir:1:1: error: whole\n");
	free(s);
	rg_diags_free(&d);
}

static void quiet_keeps_errors(void **state)
{
	(void)state;
	rg_diags d = {0};
	rg_diag(&d, "a.md", 1, 1, RG_WARNING, "w");
	rg_diag(&d, "a.md", 2, 1, RG_ERROR, "e");
	rg_diag(&d, "a.md", 3, 1, RG_NOTE, "n");
	rg_diag_show o = {.quiet = true};
	char *s = shown(&d, &o);
	assert_string_equal(s, "a.md:2:1: error: e\n");
	free(s);
	assert_int_equal(d.nwarnings, 1); /* still counted */
	rg_diags_free(&d);
}

static const char *const lines[] = {
	"name: Ann",	   "since: 2026-13-01",
	"\tvalue: x",	   "ünï: \xe4\xb8\xad\xe6\x96\x87 z",
	"esc\x1b[2J here",
};

static const char *fake_source(void *ctx, const char *path, int line,
			       size_t *len)
{
	int *calls = ctx;
	(*calls)++;
	if (strcmp(path, "a.md") != 0 || line < 1 ||
	    line > (int)(sizeof lines / sizeof *lines))
		return NULL;
	*len = strlen(lines[line - 1]);
	return lines[line - 1];
}

static void source_and_caret(void **state)
{
	(void)state;
	rg_diags d = {0};
	rg_diag(&d, "a.md", 2, 8, RG_WARNING, "not a date");
	rg_diag(&d, "a.md", 3, 9, RG_ERROR, "tab before");
	rg_diag(&d, "a.md", 4, 9, RG_ERROR, "after wide");
	rg_diag(&d, "a.md", 5, 5, RG_ERROR, "escape in the line");
	rg_diag(&d, "a.md", 99, 1, RG_ERROR, "no such line");
	rg_diag(&d, "a.md", 0, 0, RG_ERROR, "whole file");
	rg_diag(&d, NULL, 0, 0, RG_ERROR, "no file");
	int calls = 0;
	rg_diag_show o = {.source = fake_source, .ctx = &calls};
	char *s = shown(&d, &o);
	assert_string_equal(s, "a.md:2:8: warning: not a date\n"
			       " 2 | since: 2026-13-01\n"
			       "   |        ^\n"
			       "a.md:3:9: error: tab before\n"
			       " 3 |  value: x\n"
			       "   |         ^\n"
			       "a.md:4:9: error: after wide\n"
			       " 4 | ünï: \xe4\xb8\xad\xe6\x96\x87 z\n"
			       "   |           ^\n"
			       "a.md:5:5: error: escape in the line\n"
			       " 5 | esc?[2J here\n"
			       "   |     ^\n"
			       "a.md:99:1: error: no such line\n"
			       "a.md:1:1: error: whole file\n"
			       "refgraph: error: no file\n");
	assert_int_equal(calls, 5); /* never for no place */
	free(s);
	rg_diags_free(&d);
}

static void json_form(void **state)
{
	(void)state;
	rg_diags d = {0};
	rg_buf b = {0};
	rg_diags_json(&d, &b);
	assert_string_equal(b.s, "[]");
	rg_buf_free(&b);
	rg_diag(&d, "q\"\\.md", 2, 3, RG_WARNING, "say \"%s\"", "x\x1b\n");
	rg_diag(&d, NULL, 0, 0, RG_ERROR, "bad \xff");
	rg_diags_json(&d, &b);
	assert_string_equal(
		b.s,
		"[\n    {\"path\": \"q\\\"\\\\.md\", \"line\": 2, "
		"\"column\": 3, \"level\": \"warning\", \"message\": "
		"\"say \\\"x\\u001b\\n\\\"\"},\n"
		"    {\"path\": null, \"line\": null, \"column\": null, "
		"\"level\": \"error\", \"message\": \"bad \\ufffd\"}\n  ]");
	rg_buf_free(&b);
	rg_diags_free(&d);
}

static void stream_failure(void **state)
{
	(void)state;
	rg_diags d = {0};
	rg_diag(&d, "a.md", 1, 1, RG_ERROR, "e");
	FILE *f = fopen("/dev/full", "w");
	if (f == NULL)
		skip();
	assert_int_equal(rg_diags_print(&d, f), -1);
	fclose(f);
	rg_diags_free(&d);
}

/* A long quoted value is cut in the middle: the start and what was done
 * stay, and the cut falls between characters. */
static void long_message(void **state)
{
	(void)state;
	rg_buf v = {0};
	for (int i = 0; i < 500; i++)
		rg_buf_puts(&v, "\xc3\xa9"); /* é, two bytes each */
	rg_diags d = {0};
	rg_diag(&d, "a.md", 1, 1, RG_ERROR,
		"value: '%s' is not a number; the field is absent", v.s);
	const char *m = d.items.v[0].msg;
	assert_true(strlen(m) <= 400);
	assert_true(strncmp(m, "value: '\xc3\xa9", 10) == 0);
	size_t n = strlen(m);
	assert_string_equal(m + n - 19, "the field is absent");
	assert_non_null(strstr(m, " \xe2\x80\xa6 "));
	assert_true(rg_names_utf8_valid(m, n));
	rg_diags_free(&d);
	rg_buf_free(&v);
}

/* Diagnostics put in late where they would have been emitted sort as if
 * they had been: ties at one place keep the order of emission. */
static void inserted_in_order(void **state)
{
	(void)state;
	rg_diags all = {0}, late = {0}, direct = {0};
	/* emitted directly: a, then b and c (the held ones), then d */
	rg_diag(&direct, "n.md", 3, 1, RG_WARNING, "a");
	rg_diag(&direct, "n.md", 3, 1, RG_ERROR, "b");
	rg_diag(&direct, "m.md", 1, 1, RG_WARNING, "c");
	rg_diag(&direct, "n.md", 3, 1, RG_WARNING, "d");
	/* the same with b and c put in after d was emitted */
	rg_diag(&all, "n.md", 3, 1, RG_WARNING, "a");
	size_t at = all.items.n;
	rg_diag(&all, "n.md", 3, 1, RG_WARNING, "d");
	rg_diag(&late, "n.md", 3, 1, RG_ERROR, "b");
	rg_diag(&late, "m.md", 1, 1, RG_WARNING, "c");
	rg_diags_insert(&all, at, &late);
	assert_int_equal(late.items.n, 0);
	assert_int_equal(late.nerrors + late.nwarnings, 0);
	assert_int_equal(all.items.n, 4);
	assert_int_equal(all.nerrors, 1);
	assert_int_equal(all.nwarnings, 3);
	rg_diags_sort(&all);
	rg_diags_sort(&direct);
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(all.items.v[i].msg, direct.items.v[i].msg);
		assert_int_equal(all.items.v[i].seq, direct.items.v[i].seq);
	}
	assert_string_equal(all.items.v[0].msg, "c");
	assert_string_equal(all.items.v[1].msg, "a");
	assert_string_equal(all.items.v[2].msg, "b");
	assert_string_equal(all.items.v[3].msg, "d");
	/* nothing to put in, or into an empty list, at its end */
	rg_diags none = {0}, empty = {0};
	rg_diags_insert(&all, 2, &none);
	assert_int_equal(all.items.n, 4);
	rg_diag(&none, "x.md", 1, 1, RG_WARNING, "x");
	rg_diags_insert(&empty, 0, &none);
	assert_int_equal(empty.items.n, 1);
	assert_int_equal(empty.items.v[0].seq, 1);
	rg_diags_free(&all);
	rg_diags_free(&direct);
	rg_diags_free(&empty);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(visible_text),
		cmocka_unit_test(print_paths_and_messages),
		cmocka_unit_test(quiet_keeps_errors),
		cmocka_unit_test(source_and_caret),
		cmocka_unit_test(json_form),
		cmocka_unit_test(stream_failure),
		cmocka_unit_test(long_message),
		cmocka_unit_test(inserted_in_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
