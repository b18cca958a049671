/*
 * test_md_task: tasks in Markdown bodies (notes format sections 3 and
 * 4): the boxes, due and done dates in every form, the item's lines and
 * links, cancelled tasks, and a task's text.  Expected values are worked
 * out from the notes format by hand.
 */
#include "mdlib.h"

#include "refgraph/md_task.h"

static void tasks(void **state)
{
	(void)state;
	rg_file *f = scan("- [ ] Call [[Ann]] about [[Bob]] due:2026-11-01\n"
			  "- [x] Sent [[Cy]] \xe2\x9c\x85 2026-10-02 "
			  "\xf0\x9f\x93\x85 2026-09-09\n"
			  "- [ ] no dates\n"
			  "  - [X] nested done:: 2026-10-03\n"
			  "- [ ] [due:: 2026-11-05] bracketed\n"
			  "- [ ] bad due:2026-02-30\n"
			  "- not a task due:2026-01-01\n"
			  "```\n- [ ] in code due:2026-01-01\n```\n",
			  RG_NODATE);
	assert_int_equal(f->tasks.n, 6);
	int open = 0, with_due = 0;
	for (size_t i = 0; i < f->tasks.n; i++) {
		const rg_task *t = &f->tasks.v[i];
		open += !t->done;
		with_due += t->due != RG_NODATE;
		switch (t->line) {
		case 1:
			assert_int_equal(t->due, day("2026-11-01"));
			assert_int_equal(t->done_date, RG_NODATE);
			assert_int_equal(t->nlinks, 2);
			assert_string_equal(t->links[0].target, "Ann");
			assert_string_equal(t->links[1].target, "Bob");
			assert_int_equal(t->links[0].line, 1);
			break;
		case 2:
			assert_true(t->done);
			assert_int_equal(t->done_date, day("2026-10-02"));
			assert_int_equal(t->due, day("2026-09-09"));
			break;
		case 3: assert_int_equal(t->due, RG_NODATE); break;
		case 4:
			assert_true(t->done);
			assert_int_equal(t->done_date, day("2026-10-03"));
			break;
		case 5: assert_int_equal(t->due, day("2026-11-05")); break;
		case 6: assert_int_equal(t->due, RG_NODATE); break;
		default: fail_msg("task at line %d", t->line);
		}
	}
	assert_int_equal(open, 4);
	assert_int_equal(with_due, 3);
	assert_true(has_diag(&f->diags, 6, RG_WARNING, "not a real day"));
	rg_file_free(f);
}

static const rg_task *task_at(const rg_file *f, int line)
{
	for (size_t i = 0; i < f->tasks.n; i++)
		if (f->tasks.v[i].line == line)
			return &f->tasks.v[i];
	fail_msg("no task at line %d", line);
	return NULL;
}

static void tasks_more(void **state)
{
	(void)state;
	rg_file *f = scan(
		/* 1: the three due forms and the three done forms, first wins
		 */
		"- [ ] a due:2026-03-01 due:2026-04-01\n"
		"- [ ] b due:: 2026-03-02\n"
		"- [ ] c \xf0\x9f\x93\x85 2026-03-03 due:2026-04-04\n"
		"- [x] d done:2026-03-04\n"
		"- [x] e done:: 2026-03-05\n"
		"- [x] f \xe2\x9c\x85 2026-03-06 done:2026-04-06\n"
		/* 7: without a blank */
		"- [ ] g \xf0\x9f\x93\x85"
		"2026-03-07 \xe2\x9c\x85"
		"2026-03-08\n"
		/* 8: in a code span: not a date */
		"- [ ] h `due:2026-03-09`\n"
		/* 9: a word ending in due is not due */
		"- [ ] i overdue:2026-03-10\n"
		/* 10: a continuation line belongs to the item */
		"- [ ] j [[Ann]]\n  more due:2026-03-11 [[Bob]]\n"
		/* 12: a sub-task is its own task, its date not its parent's */
		"- [ ] k\n  - [ ] l due:2026-03-12 [[Cy]]\n"
		/* 14: ordered lists, * and + bullets, a quote */
		"1. [ ] m due:2026-03-13\n"
		"* [ ] n due:2026-03-14\n"
		"+ [x] o done:2026-03-15\n"
		"> - [ ] p due:2026-03-16\n"
		/* 18: links: wiki-links only, in order, not in code */
		"- [ ] q `[[Dee]]` [Eve](Eve.md) [[Fay|F]] [[x/Gus#h]]\n"
		/* 19: an inline field in a task is read too */
		"- [ ] referral:: Hal -> Ida due:2026-03-17\n"
		/* 20: a done task may have a due date, an open one a done */
		"- [x] r due:2026-03-18\n",
		day("2026-01-01"));
	assert_int_equal(f->tasks.n, 19);
	assert_int_equal(task_at(f, 1)->due, day("2026-03-01"));
	assert_int_equal(task_at(f, 2)->due, day("2026-03-02"));
	assert_int_equal(task_at(f, 3)->due, day("2026-03-03"));
	assert_true(task_at(f, 4)->done);
	assert_int_equal(task_at(f, 4)->done_date, day("2026-03-04"));
	assert_int_equal(task_at(f, 5)->done_date, day("2026-03-05"));
	assert_int_equal(task_at(f, 6)->done_date, day("2026-03-06"));
	assert_int_equal(task_at(f, 7)->due, day("2026-03-07"));
	assert_int_equal(task_at(f, 7)->done_date, day("2026-03-08"));
	assert_false(task_at(f, 7)->done);
	assert_int_equal(task_at(f, 8)->due, RG_NODATE);
	assert_int_equal(task_at(f, 9)->due, RG_NODATE);
	const rg_task *j = task_at(f, 10);
	assert_int_equal(j->due, day("2026-03-11"));
	assert_int_equal(j->nlinks, 2);
	assert_string_equal(j->links[1].target, "Bob");
	assert_int_equal(j->links[1].line, 11);
	const rg_task *k = task_at(f, 12);
	assert_int_equal(k->due, RG_NODATE);
	assert_int_equal(k->nlinks, 0);
	assert_int_equal(task_at(f, 13)->due, day("2026-03-12"));
	assert_string_equal(task_at(f, 13)->links[0].target, "Cy");
	assert_int_equal(task_at(f, 14)->due, day("2026-03-13"));
	assert_int_equal(task_at(f, 15)->due, day("2026-03-14"));
	assert_true(task_at(f, 16)->done);
	assert_int_equal(task_at(f, 17)->due, day("2026-03-16"));
	const rg_task *q = task_at(f, 18);
	assert_int_equal(q->nlinks, 2);
	assert_string_equal(q->links[0].target, "Fay");
	assert_string_equal(q->links[1].target, "Gus");
	assert_int_equal(task_at(f, 19)->due, day("2026-03-17"));
	assert_int_equal(f->refrecs.n, 1);
	assert_string_equal(f->refrecs.v[0].from.target, "Hal");
	assert_int_equal(f->refrecs.v[0].line, 19);
	assert_true(task_at(f, 20)->done);
	assert_int_equal(task_at(f, 20)->due, day("2026-03-18"));
	rg_file_free(f);
	/* not tasks: no box, a box not first, two characters, no blank
	 * after the box, not in a list */
	f = scan("- [] a due:2026-01-01\n- x [ ] b\n- [yy] c\n- [y]c\n"
		 "[ ] d\n- \\[/] e\n",
		 RG_NODATE);
	assert_int_equal(f->tasks.n, 0);
	rg_file_free(f);
}

/* v3: any character in the box; the new due and done markers. */
static void tasks_v3(void **state)
{
	(void)state;
	rg_file *f = scan(
		"- [/] a \xf0\x9f\x97\x93 2026-11-01\n" /* 🗓 */
		"- [!] b \xf0\x9f\x93\x86\xef\xb8\x8f"	/* 📆 FE0F */
		"2026-11-02\n"
		"- [>] c DUE:2026-11-03\n"
		"- [D] d Due:  2026-11-04\n"
		"- [-] e due:2026-11-05 [thanked:: Ann]\n"
		"- [\xc3\xa9] f [completion:: 2026-11-06]\n"	/* é */
		"- [x] g \xe2\x9c\x85\xef\xb8\x8f 2026-11-07\n" /* ✅ FE0F */
		"- [X] h overdue:2026-11-08 my_due:2026-11-08 done: "
		"2026-11-09\n"
		"- [ ] i due:: 2026-11-10 09:30 \xf0\x9f\x93\x85 2026-11-11\n"
		"- [ ] j \xf0\x9f\x93\x85 2026-11-12T09:30+01:00 k\n",
		day("2026-10-10"));
	assert_int_equal(f->tasks.n, 9);
	static const struct {
		int line;
		bool done;
		const char *due, *done_date;
	} want[] = {
		{1, false, "2026-11-01", NULL},	 {2, false, "2026-11-02", NULL},
		{3, false, "2026-11-03", NULL},	 {4, false, "2026-11-04", NULL},
		{6, false, NULL, "2026-11-06"},	 {7, true, NULL, "2026-11-07"},
		{8, true, NULL, "2026-11-09"},	 {9, false, "2026-11-10", NULL},
		{10, false, "2026-11-12", NULL},
	};
	for (size_t i = 0; i < f->tasks.n; i++) {
		const rg_task *t = &f->tasks.v[i];
		assert_int_equal(t->line, want[i].line);
		assert_int_equal(t->done, want[i].done);
		assert_int_equal(t->due,
				 want[i].due ? day(want[i].due) : RG_NODATE);
		assert_int_equal(t->done_date, want[i].done_date
						       ? day(want[i].done_date)
						       : RG_NODATE);
	}
	/* the cancelled task's field is read all the same */
	assert_int_equal(f->fields.n, 1);
	assert_int_equal(f->fields.v[0].line, 5);
	rg_file_free(f);
}

/* A task's text: the first line, markers out, links as shown. */
static void task_texts(void **state)
{
	(void)state;
	rg_file *f = scan(
		"- [ ] Call  [[Ann Lee|Ann]] about [[x/Deal#h]] "
		"\xf0\x9f\x93\x85 "
		"2026-11-14 [due:: 2026-11-15] ( \xe2\x9c\x85 2026-11-16 ) "
		"DONE:2026-11-17 \xf0\x9f\x97\x93 2026-11-18 "
		"[completion:: 2026-11-19]\n"
		"  second line [[Bob]]\n"
		"- [/] `code [[Cy]]` due:2026-11-20T09:30 [[Dee]] [due:: "
		"2026-11-21 x]\n"
		"- [ ] \xf0\x9f\x93\x85 2026-11-22\n"
		"- [ ]\tA\xc2\xa0\xc2\xa0 B  (overdue:2026-01-01)\n",
		RG_NODATE);
	assert_int_equal(f->tasks.n, 4);
	/* every due and done marker goes, the v3 forms too (🗓, completion::)
	 */
	assert_string_equal(f->tasks.v[0].text, "Call Ann about Deal");
	assert_int_equal(f->tasks.v[0].nlinks, 3);
	assert_string_equal(f->tasks.v[1].text, "`code [[Cy]]` Dee [ x]");
	assert_string_equal(f->tasks.v[2].text, "");
	assert_string_equal(f->tasks.v[3].text, "A B (overdue:2026-01-01)");
	rg_file_free(f);
}

/* ---- where a marker may start (md_task's prefilter) ---- */

/* The pieces marker lines are made of here: each form, its edges. */
static const char *const pieces[] = {
	"due:",
	"DuE::",
	"done:",
	"COMPLETION::",
	"completion:",
	"\xf0\x9f\x93\x85",
	"\xf0\x9f\x97\x93\xef\xb8\x8f",
	"\xe2\x9c\x85",
	"\xe2\x80\x94",
	"2026-01-02",
	" ",
	"x",
	"over",
	":",
	"d",
	"\xc3\xa9",
};
enum { PIECES = sizeof pieces / sizeof *pieces, MOST_PIECES = 4 };

static const rg_md_pattern marker_pats[] = {RG_MD_PAT_DUE, RG_MD_PAT_DONE,
					    RG_MD_PAT_TMARK};

/* From every offset, each marker pattern found from where
 * rg_md_task_marker_from says finds what it finds from the offset. */
static size_t compare_markers(const char *s, size_t n)
{
	rg_file *f = rg_file_new("n.md");
	char *m = strndup(s, n);
	rg_md_line L;
	rg_md_line_init(&L, f, s, m, n, 1);
	size_t tried = 0;
	for (size_t from = 0; from <= n; from++) {
		if (from < n && ((unsigned char)s[from] & 0xC0) == 0x80)
			continue;
		for (size_t p = 0; p < 3; p++) {
			rg_md_pattern pat = marker_pats[p];
			bool want = rg_md_line_match(&L, pat, m, n, from);
			size_t wo[4];
			memcpy(wo, rg_md_line_ov(&L), sizeof wo);
			size_t at = rg_md_task_marker_from(m, n, from, pat);
			bool got = at != RG_MD_NONE &&
				   rg_md_line_match(&L, pat, m, n, at);
			bool same = want == got &&
				    (!got || memcmp(wo, rg_md_line_ov(&L),
						    sizeof wo) == 0);
			if (!same)
				fail_msg("\"%.*s\" from %zu, pattern %d: "
					 "%d, from %zu %d",
					 (int)n, s, from, (int)pat, want, at,
					 got);
			tried++;
		}
	}
	rg_md_line_free(&L);
	free(m);
	rg_file_free(f);
	return tried;
}

static size_t every_line(char *buf, size_t n, int left)
{
	size_t tried = compare_markers(buf, n);
	for (int i = 0; left > 0 && i < PIECES; i++) {
		size_t k = strlen(pieces[i]);
		memcpy(buf + n, pieces[i], k);
		tried += every_line(buf, n + k, left - 1);
	}
	return tried;
}

static void marker_from_as_pcre2(void **state)
{
	(void)state;
	char buf[MOST_PIECES * 16 + 1];
	size_t tried = every_line(buf, 0, MOST_PIECES);
	assert_true(tried > 100000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tasks),
		cmocka_unit_test(tasks_more),
		cmocka_unit_test(tasks_v3),
		cmocka_unit_test(task_texts),
		cmocka_unit_test(marker_from_as_pcre2),
	};
	return cmocka_run_group_tests_name("md_scan tasks", tests, NULL, NULL);
}
