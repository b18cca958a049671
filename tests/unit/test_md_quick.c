/*
 * test_md_quick: a body read without md4c (md_mask's quick path) is read
 * as md4c reads it: the same masked copy and the same task items (box,
 * mark, and the line the item's text ends on), over bodies that sit on
 * each edge of the quick path's rules, on both sides; and the bodies the
 * notes are mostly made of do take the quick path.
 */
#include "testlib.h"

#include "refgraph/md_mask.h"

/*
 * Where md_task reads a task item to: the line end after the item's last
 * text (the exact offset of that text is md4c's, and not used).
 */
static size_t reach(const char *m, size_t len, const rg_md_item *t)
{
	size_t e = t->last_off > t->box_end ? t->last_off : t->box_end;
	while (e < len && m[e] != '\n')
		e++;
	return e;
}

/* Whether body[0..len) took the quick path; fails when the two differ. */
static bool same_read(const char *body, size_t len)
{
	rg_md_items slow = {0}, fast = {0};
	char *ms = rg_md_mask_md4c(body, len, &slow);
	char *mf = rg_md_mask_body(body, len, &fast);
	bool same = memcmp(ms, mf, len + 1) == 0 && slow.n == fast.n;
	for (size_t i = 0; same && i < slow.n; i++) {
		const rg_md_item *a = &slow.v[i], *b = &fast.v[i];
		same = a->task == b->task && a->mark == b->mark &&
		       a->box == b->box && a->box_end == b->box_end &&
		       reach(ms, len, a) == reach(mf, len, b);
	}
	rg_md_items q = {0};
	char *copy = strndup(body, len);
	bool quick = strlen(copy) == len && rg_md_mask_quick(copy, len, &q);
	free(copy);
	if (!same)
		print_error("md4c and the quick path differ on \"%s\"\n", body);
	RG_VEC_FREE(slow);
	RG_VEC_FREE(fast);
	RG_VEC_FREE(q);
	free(ms);
	free(mf);
	assert_true(same);
	return quick;
}

static bool quick(const char *body)
{
	return same_read(body, strlen(body));
}

/* The notes the tool reads most: plain text, fields, simple task lists. */
static void common_bodies_quick(void **state)
{
	(void)state;
	const char *bodies[] = {
		"",
		"Talked to [[Uma Ford]] today.\n- thanked:: [[Uma Ford]]\n",
		"# Ann Lee\n\nIntroduce consultant, review *speaking*.\n",
		"## Coffee with Quin\n\nClient website coffee.\n\n"
		"- [ ] Call [[Quin]] about lunch due:2026-02-25\n"
		"Tax payroll pipeline payroll growth.\n",
		"- [ ] Call [[Gia]] about client \xf0\x9f\x93\x85 2026-07-27\n"
		"Partner budget.\n",
		"- referral:: [[A]] -> [[B]]\n- gave:: [[C]] -> [[D]]\n"
		"- outcome:: [[B]] won 1,200\n",
		"Met Ann.\r\n- [x] done [[Ann]]\r\nlazy\r\n\r\nAfter.\r\n",
		"* [/] started\n+ [-] cancelled\n- [?] asked\n",
		"%% - [ ] hidden %%\n- [ ] seen\n",
		"   three spaces, before any list\n- [ ] x\n",
		"a ~~ b ~ c\n[x] (y)\n[a] : b\nx > y\n",
		"- [ ] x\n# heading ends it\nnot the item's\n",
		"- [ ] x\n\n- [ ] loose\n\n\n- [ ] after two blanks\n",
		"- [ ] 2024 was good\n2024 was good too\n",
		"- [\xc3\xa9] a mark of two bytes\n",
	};
	for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++)
		if (!quick(bodies[i]))
			fail_msg("not read quickly: \"%s\"", bodies[i]);
}

/* Each byte or line that md4c must read, next to one that it need not. */
static void markup_edges(void **state)
{
	(void)state;
	struct {
		const char *body;
		bool quick;
	} cases[] = {
		{"a `b` c\n", false},
		{"- [ ] `b` c\n", false},
		{"a ~~ b\n", true},
		{"~~~\n- [ ] in code\n~~~\n", false},
		{"a ~~~ b\n", false},
		{"a < b\n", false},
		{"- [ ] <b>x</b>\n", false},
		{"a <http://x> b\n", false},
		{"[a](http://x) b\n", false},
		{"![a](http://x) b\n", false},
		{"[a] (http://x) b\n", true},
		{"[a]\n(http://x) b\n", true},
		{"[a]: http://x\n\n[a]\n", false},
		{"[a] : http://x\n", true},
		{"a\r\nb\r\n", true},
		{"a\rb\r", false},
		{"- [ ] a\r- [ ] b\r", false},
		{"a\r", false},
		{"   three\n", true},
		{"    four\n", false},
		{"\tcode\n", false},
		{"  \tcode\n", false},
		{"a\tb\n", true},
		{"> quote\n", false},
		{"   > quote\n", false},
		{"a > b\n", true},
		{"x\n\n    - [ ] code\n", false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		if (quick(cases[i].body) != cases[i].quick)
			fail_msg("\"%s\": quick %d, wanted %d", cases[i].body,
				 !cases[i].quick, cases[i].quick);
}

/* List items: the kind read quickly, and each step past it. */
static void list_edges(void **state)
{
	(void)state;
	struct {
		const char *body;
		bool quick;
	} cases[] = {
		{"- [ ] t\nlazy\n", true},
		{"- [ ] t\nlazy [[X]] due:2026-02-02\nmore\n", true},
		{"- [ ] t\n\nnot the item's\n", true},
		{"- [ ] t\n  indented\n", false},
		{"- [ ] t\n\n  indented\n", false},
		{"- [ ] t\n    four\n", false},
		{" - [ ] t\n", false},
		{"-  [ ] t\n", false},
		{"-\t[ ] t\n", false},
		{"- [ ]\tt\n", true},
		{"- [x] t\n", true},
		{"- [X] t\n", true},
		{"- [ ]t\n", true},
		{"- [x]t\n", true},
		{"- [ ]\nlazy\n", false},
		{"- [ ]   \nlazy\n", false},
		{"- [/]\nlazy\n", false},
		{"- [ab] t\n", true},
		{"- [] t\n", true},
		{"- [ t\n", true},
		{"- [[L]] t\n", false},
		{"- [ [[L]] ] t\n", true},
		{"* [ ] t\n+ [x] u\n- [/] v\n", true},
		{"1. [ ] t\n", false},
		{"1) t\n", false},
		{"- 1. t\n", false},
		{"- 1.5 t\n", true},
		{"- - [ ] t\n", false},
		{"- * t\n", false},
		{"- # h\n", false},
		{"- > q\n", false},
		{"- *t*\n", false},
		{"- \\[/] t\n", false},
		{"-\n", false},
		{"- \n", false},
		{"* * *\n", false},
		{"- - -\n", false},
		{"para\n- [ ] t\n", true},
		{"para\n-\n", false},
		{"- [ ] t\n- [x] u\nlazy\n", true},
		{"- a\n  - [ ] nested\n", false},
		{"- [ ] t\n#tag\n", false},
		{"- [ ] t\n####### seven\n", false},
		{"- [ ] t\n###### six\nafter\n", true},
		{"- [ ] t\n#\nafter\n", true},
		{"- [ ] t\n*em*\n", false},
		{"- [ ] t\n---\n", false},
		{"- [ ] t\n===\n", false},
		{"- [ ] t\n1. x\n", false},
		{"- [ ] t\n2024. x\n", false},
		{"- [ ] t\n\\[x]\n", false},
		{"- [ ] t\n&amp; x\n", false},
		{"- [ ] t \\\nnext\n", true},
		{"- [ ] t  \nnext\n", true},
		{"- [ ] [[a|\nb]]\n", true},
		{"- [ ] t\n\xc3\xa9t\xc3\xa9\n", true},
		{"- [ ] t\n\f y\n", false},
		{"- a\n#tag\n", true},
		{"- a\n---\n- [ ] t\n", true},
		{"\xef\xbb\xbf- [ ] t\n", true},
		{"- [ ] t", true},
		{"- [ ] t\nlazy", true},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		if (quick(cases[i].body) != cases[i].quick)
			fail_msg("\"%s\": quick %d, wanted %d", cases[i].body,
				 !cases[i].quick, cases[i].quick);
}

/* NUL bytes go to md4c, which reads them otherwise than a space. */
static void nul_bytes(void **state)
{
	(void)state;
	static const char body[] = "- [ ] a\0b\nlazy\0\n\0- [x] c\n";
	assert_false(same_read(body, sizeof body - 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(common_bodies_quick),
		cmocka_unit_test(markup_edges),
		cmocka_unit_test(list_edges),
		cmocka_unit_test(nul_bytes),
	};
	return cmocka_run_group_tests_name("md_quick", tests, NULL, NULL);
}
