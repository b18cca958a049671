/*
 * test_md_scan: a Markdown body read line by line: a line over the
 * length limit, columns in code points, the body's links (fields are in
 * test_md_fields.c, what is not read in test_md_mask.c, tasks in
 * test_md_task.c).  Expected values are worked out from the notes format
 * by hand.
 */
#include "mdlib.h"

#include "refgraph/names.h"

static void long_lines(void **state)
{
	(void)state;
	rg_limits lim;
	rg_limits_default(&lim);
	lim.max_line = 100;
	char body[512];
	memset(body, 'x', 300);
	strcpy(body + 300, " referral:: A -> B\nreferral:: C -> D\n");
	rg_file *f = rg_file_new("n.md");
	rg_md_scan(f, body, strlen(body), 1, day("2026-01-01"), &lim);
	assert_int_equal(f->refrecs.n, 1);
	assert_string_equal(f->refrecs.v[0].from.target, "C");
	assert_true(has_diag(&f->diags, 1, RG_WARNING, "longer than 100"));
	rg_file_free(f);
	/* NUL bytes do not end the body */
	const char nul[] = "x\0y\nreferral:: A -> B\n";
	f = rg_file_new("n.md");
	rg_md_scan(f, nul, sizeof nul - 1, 1, day("2026-01-01"), &lim);
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].line, 2);
	rg_file_free(f);
	/* a task item cut at 4 * max_line bytes is cut between characters */
	char item[1024] = "- [ ]  ";
	for (int i = 0; i < 300; i++)
		strcat(item, "\xc3\xa9"); /* é */
	f = rg_file_new("n.md");
	rg_md_scan(f, item, strlen(item), 1, RG_NODATE, &lim);
	assert_int_equal(f->tasks.n, 1);
	const char *text = f->tasks.v[0].text;
	size_t tn = strlen(text);
	/* 400 bytes, the item's 7 then 196 characters and a half */
	assert_int_equal(tn, 2 * 196);
	assert_true(rg_names_utf8_valid(text, tn));
	rg_file_free(f);
	/* bytes that are not UTF-8 are kept in what is read */
	f = rg_file_new("n.md");
	const char bad[] = "x\xff\xc3 [referral:: A\xfe -> B\xc3]\n";
	rg_md_scan(f, bad, sizeof bad - 1, 1, day("2026-01-01"), &lim);
	assert_int_equal(f->refrecs.n, 1);
	assert_string_equal(f->refrecs.v[0].from.target, "A\xfe");
	assert_string_equal(f->refrecs.v[0].prospect.target, "B\xc3");
	rg_file_free(f);
	/* an empty body */
	f = rg_file_new("n.md");
	rg_md_scan(f, "", 0, 1, RG_NODATE, &lim);
	assert_int_equal(f->refrecs.n + f->fields.n + f->tasks.n, 0);
	rg_file_free(f);
}

/*
 * Columns count code points, as YAML's do (refgraph(1), DIAGNOSTICS):
 * "Zoë " is four columns but five bytes, "→" one column but three bytes.
 */
static void columns(void **state)
{
	(void)state;
	rg_file *f = scan("Zoë [thanked:: [[Ann]]] x\n"
			  "→ (referral:: Bø → Cy)\n"
			  "- [ ] ünï [[Dee]] 📅 2026-13-01\n"
			  "ëë (outcome:: Bob maybe)\n",
			  day("2026-10-10"));
	assert_int_equal(f->fields.n, 1);
	assert_int_equal(f->fields.v[0].col, 5);
	assert_int_equal(f->fields.v[0].who.col, 18); /* after "[[" */
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].col, 3);
	assert_int_equal(f->refrecs.v[0].from.col, 15);
	assert_int_equal(f->refrecs.v[0].prospect.col, 20);
	assert_int_equal(f->tasks.n, 1);
	assert_int_equal(f->tasks.v[0].col, 3);
	assert_int_equal(f->tasks.v[0].nlinks, 1);
	assert_int_equal(f->tasks.v[0].links[0].col, 13);
	assert_int_equal(f->diags.items.n, 2);
	/* lines first, then tasks */
	assert_int_equal(f->diags.items.v[0].line, 4);
	assert_int_equal(f->diags.items.v[0].col, 4);
	assert_int_equal(f->diags.items.v[1].line, 3);
	assert_int_equal(f->diags.items.v[1].col, 21); /* the bad date */
	rg_file_free(f);
}

/* The body's wiki-links that are read, in order, with their places. */
static void body_links(void **state)
{
	(void)state;
	rg_file *f = scan("See [[Ann]] and `[[Code]]` %% [[Hidden]] %% "
			  "<!-- [[Html]] --> [[Bob|B]]\n"
			  "- [ ] [[Cy]]\n"
			  "```\n[[Fenced]]\n```\n"
			  "referral:: [[Dee]] -> [[x/Eve#h]]\n",
			  day("2026-10-10"));
	static const struct {
		const char *target;
		int line, col;
	} want[] = {
		{"Ann", 1, 7},	{"Bob", 1, 65}, {"Cy", 2, 9},
		{"Dee", 6, 14}, {"Eve", 6, 27},
	};
	assert_int_equal(f->links.n, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(f->links.v[i].target, want[i].target);
		assert_int_equal(f->links.v[i].line, want[i].line);
		assert_int_equal(f->links.v[i].col, want[i].col);
	}
	rg_file_free(f);
}

/*
 * A line with colons but no "::" holds no field: the field patterns are
 * not tried on it (its work is none), and one "::" in it brings them
 * back.
 */
static void single_colons(void **state)
{
	(void)state;
	rg_file *f = scan("Note: due:2026-01-01 at 10:30, see: x\n",
			  day("2026-10-10"));
	size_t work = rg_md_scan_work();
	rg_file_free(f);
	assert_int_equal(work, 0);
	f = scan("Note: due:2026-01-01 at 10:30, see:: x\n", day("2026-10-10"));
	work = rg_md_scan_work();
	rg_file_free(f);
	assert_true(work > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(long_lines),
		cmocka_unit_test(columns),
		cmocka_unit_test(body_links),
		cmocka_unit_test(single_colons),
	};
	int failed = cmocka_run_group_tests_name("md_scan", tests, NULL, NULL);
	return failed;
}
