/*
 * test_md_fields: inline fields in Markdown bodies (notes format section
 * 3): the three field forms, keys in any case, the -> and → arrows, the
 * credits, undated notes, outcome:: with and without a number, comma
 * lists, and a line of unclosed fields read in linear work.  Expected
 * values are worked out from the notes format by hand.
 */
#include "mdlib.h"

static void forms(void **state)
{
	(void)state;
	int d = day("2026-10-10");
	rg_file *f = scan("referral:: [[A]] -> [[B]]\n"
			  "- Referral:: A2 -> B2\n"
			  "1. [ ] REFERRAL::A3 → B3\n"
			  "Met them [referral:: [[A4|a]] -> [[x/B4#h]]] today\n"
			  "And (referral:: A5 -> [[B5 (x)]]) too.\n"
			  "In text referral:: A6 -> B6 is not a field\n"
			  "gave:: [[B7]] -> [[C7]]\n",
			  d);
	assert_int_equal(f->refrecs.n, 6);
	const char *from[] = {"A", "A2", "A3", "A4", "A5"};
	const char *pro[] = {"B", "B2", "B3", "B4", "B5 (x)"};
	for (int i = 0; i < 5; i++) {
		assert_string_equal(f->refrecs.v[i].from.target, from[i]);
		assert_string_equal(f->refrecs.v[i].prospect.target, pro[i]);
		assert_null(f->refrecs.v[i].to.target); /* to me */
		assert_int_equal(f->refrecs.v[i].line, i + 1);
		assert_int_equal(f->refrecs.v[i].date, d);
		assert_int_equal(f->refrecs.v[i].writes, 0);
		assert_false(f->refrecs.v[i].from_me);
	}
	assert_true(f->refrecs.v[5].from_me);
	assert_null(f->refrecs.v[5].from.target);
	assert_string_equal(f->refrecs.v[5].prospect.target, "B7");
	assert_string_equal(f->refrecs.v[5].to.target, "C7");
	assert_int_equal(f->refrecs.v[5].line, 7);
	rg_file_free(f);
}

static void forms_more(void **state)
{
	(void)state;
	int d = day("2026-10-10");
	rg_file *f = scan(
		/* list markers of every kind, nested, and a done box */
		"* referral:: A1 -> B1\n"
		"+ referral:: A2 -> B2\n"
		"  - [x] referral:: A3 -> B3\n"
		"10) referral:: A4 -> B4\n"
		/* two bracketed fields on one line, keys in any case */
		"x [Referral:: A5 -> B5] y (GAVE:: B6 -> C6) z\n"
		/* spaces inside the brackets; the unicode arrow */
		"[ referral::A7→B7 ]\n"
		/* brackets of wiki-links inside are counted */
		"[referral:: [[A8]] -> [[B8|b]]] and [referral:: [[A9]] -> "
		"B9]\n"
		/* white space around the names */
		"referral::    A10   ->   B10   \n"
		/* a wiki-link's ) does not close a (...) field */
		"x (referral:: A11 -> [[B11 :)]]) y\n",
		d);
	assert_int_equal(f->refrecs.n, 11);
	char want[16];
	for (size_t i = 0; i < 11; i++) {
		const rg_refrec *m = &f->refrecs.v[i];
		if (i == 5) {
			assert_true(m->from_me);
			assert_string_equal(m->prospect.target, "B6");
			assert_string_equal(m->to.target, "C6");
			continue;
		}
		snprintf(want, sizeof want, "A%zu", i + 1);
		assert_string_equal(m->from.target, want);
		snprintf(want, sizeof want, i == 10 ? "B%zu :)" : "B%zu",
			 i + 1);
		assert_string_equal(m->prospect.target, want);
	}
	assert_int_equal(f->refrecs.v[4].line, 5);
	assert_int_equal(f->refrecs.v[5].line, 5);
	assert_int_equal(f->refrecs.v[7].line, 7);
	assert_int_equal(f->refrecs.v[8].line, 7);
	assert_int_equal(f->diags.items.n, 0);
	rg_file_free(f);
	/* line0: the body's first line is a later file line */
	rg_limits lim;
	rg_limits_default(&lim);
	f = rg_file_new("n.md");
	const char *b = "\nreferral:: A -> B\n";
	rg_md_scan(f, b, strlen(b), 7, d, &lim);
	assert_int_equal(f->refrecs.v[0].line, 8);
	rg_file_free(f);
	/* unknown keys are no fields; v3: a line field's value stops at the
	 * first bracketed field, which is read */
	f = scan("note:: [referral:: A -> B]\nfoo:: bar\n", d);
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].col, 8);
	assert_int_equal(f->diags.items.n, 0);
	rg_file_free(f);
	/* not a key: other characters in it, one colon */
	f = scan("re.ferral:: A -> B\n[referral: A -> B]\n* *referral*:: A "
		 "-> B\n",
		 d);
	assert_int_equal(f->refrecs.n, 0);
	rg_file_free(f);
	/* an unclosed bracket is no field */
	f = scan("[referral:: A -> B\n", d);
	assert_int_equal(f->refrecs.n, 0);
	rg_file_free(f);
}

static void credits(void **state)
{
	(void)state;
	int d = day("2026-10-10");
	rg_file *f = scan("thanked:: [[Ann Lee]]\n"
			  "Told her [informed:: Ann Lee] today\n"
			  "outcome:: [[Bob Ray]] won 4,500\n"
			  "outcome:: Cy Dee lost\n"
			  "outcome:: Bob won big\n"
			  "outcome:: Bob contacted\n"
			  "referral:: no arrow\n",
			  d);
	assert_int_equal(f->fields.n, 4);
	assert_int_equal(f->fields.v[0].key, RG_F_THANKED);
	assert_string_equal(f->fields.v[0].who.target, "Ann Lee");
	assert_int_equal(f->fields.v[0].date, d);
	assert_int_equal(f->fields.v[0].line, 1);
	assert_int_equal(f->fields.v[1].key, RG_F_INFORMED);
	assert_string_equal(f->fields.v[1].who.target, "Ann Lee");
	assert_int_equal(f->fields.v[1].line, 2);
	assert_int_equal(f->fields.v[2].key, RG_F_OUTCOME);
	assert_int_equal(f->fields.v[2].status, RG_ST_WON);
	assert_true(f->fields.v[2].has_value);
	assert_true(f->fields.v[2].value == 4500);
	assert_string_equal(f->fields.v[2].who.target, "Bob Ray");
	assert_int_equal(f->fields.v[2].date, d);
	assert_string_equal(f->fields.v[3].who.target, "Cy Dee");
	assert_int_equal(f->fields.v[3].status, RG_ST_LOST);
	assert_false(f->fields.v[3].has_value);
	assert_true(has_diag(&f->diags, 5, RG_WARNING, "outcome::"));
	assert_true(has_diag(&f->diags, 6, RG_WARNING, "outcome::"));
	assert_true(has_diag(&f->diags, 7, RG_WARNING, "A -> B"));
	assert_int_equal(f->diags.nerrors, 0);
	assert_int_equal(f->refrecs.n, 0);
	rg_file_free(f);
	/* undated: credits are warnings, referrals undated mentions */
	f = scan("thanked:: A\nreferral:: A -> B\n", RG_NODATE);
	assert_int_equal(f->fields.n, 0);
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].date, RG_NODATE);
	assert_true(has_diag(&f->diags, 1, RG_WARNING, "without a date"));
	rg_file_free(f);
}

static void undated(void **state)
{
	(void)state;
	rg_file *f = scan("thanked:: A\ninformed:: A\noutcome:: B won 5\n"
			  "[outcome:: C lost]\nreferral:: A -> B\n"
			  "gave:: B -> C\n",
			  RG_NODATE);
	assert_int_equal(f->fields.n, 0);
	for (int line = 1; line <= 4; line++)
		assert_true(has_diag(&f->diags, line, RG_WARNING,
				     "without a date"));
	assert_int_equal(f->diags.nwarnings, 4);
	assert_int_equal(f->diags.nerrors, 0);
	assert_int_equal(f->refrecs.n, 2);
	assert_int_equal(f->refrecs.v[0].date, RG_NODATE);
	assert_int_equal(f->refrecs.v[1].date, RG_NODATE);
	assert_true(f->refrecs.v[1].from_me);
	rg_file_free(f);
}

static void outcomes(void **state)
{
	(void)state;
	int d = day("2026-10-10");
	rg_file *f = scan("outcome:: Bob won\n"
			  "outcome:: Bob  WON   1,500.50\n"
			  "outcome:: [[Ann Lee|Ann]] declined\n"
			  "outcome:: Agent 007 unreachable\n"
			  "outcome:: Cy won 1_000\n"
			  "outcome:: Dee Lost 0\n"
			  "- [x] outcome:: Eve won 12.5\n"
			  "and [outcome:: Fay lost 3]\n",
			  d);
	assert_int_equal(f->fields.n, 8);
	const struct {
		const char *who;
		rg_status st;
		bool has;
		double v;
	} want[] = {
		{"Bob", RG_ST_WON, false, 0},
		{"Bob", RG_ST_WON, true, 1500.5},
		{"Ann Lee", RG_ST_DECLINED, false, 0},
		{"Agent 007", RG_ST_UNREACHABLE, false, 0},
		{"Cy", RG_ST_WON, true, 1000},
		{"Dee", RG_ST_LOST, true, 0},
		{"Eve", RG_ST_WON, true, 12.5},
		{"Fay", RG_ST_LOST, true, 3},
	};
	for (size_t i = 0; i < 8; i++) {
		const rg_field *x = &f->fields.v[i];
		assert_int_equal(x->key, RG_F_OUTCOME);
		assert_string_equal(x->who.target, want[i].who);
		assert_int_equal(x->status, want[i].st);
		assert_int_equal(x->has_value, want[i].has);
		if (want[i].has)
			assert_true(x->value == want[i].v);
		assert_int_equal(x->line, (int)i + 1);
		assert_int_equal(x->date, d);
	}
	assert_int_equal(f->diags.items.n, 0);
	rg_file_free(f);
	/* a number with a currency apart from it, as value: allows; 1.800
	 * is read as written, with a warning */
	f = scan("outcome:: Bob won 2,500 USD\noutcome:: Cy Lee won EUR 7\n"
		 "outcome:: Dee lost \u20ac 1.5k\noutcome:: Eve won 1.800\n",
		 d);
	assert_int_equal(f->fields.n, 4);
	const double money[] = {2500, 7, 1500, 1.8};
	const char *whom[] = {"Bob", "Cy Lee", "Dee", "Eve"};
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(f->fields.v[i].who.target, whom[i]);
		assert_true(f->fields.v[i].has_value);
		assert_true(f->fields.v[i].value == money[i]);
	}
	assert_int_equal(f->diags.items.n, 1);
	assert_true(has_diag(&f->diags, 4, RG_WARNING, "1.800"));
	rg_file_free(f);
	/* malformed: no name, an open status, two numbers, a bad number */
	f = scan("outcome:: won\noutcome:: Bob new\noutcome:: Bob won 5 6\n"
		 "outcome:: Bob won 1.\noutcome:: Bob\noutcome::\n",
		 d);
	assert_int_equal(f->fields.n, 0);
	for (int line = 1; line <= 6; line++)
		assert_true(has_diag(&f->diags, line, RG_WARNING, "outcome::"));
	rg_file_free(f);
	/* thanked:: / informed:: with nothing */
	f = scan("thanked::\ninformed::   \n", d);
	assert_int_equal(f->fields.n, 0);
	assert_true(has_diag(&f->diags, 1, RG_WARNING, "thanked::"));
	assert_true(has_diag(&f->diags, 2, RG_WARNING, "informed::"));
	rg_file_free(f);
	/* referral:: with one side missing */
	f = scan("referral:: -> B\nreferral:: A ->\ngave:: ->\n", d);
	assert_int_equal(f->refrecs.n, 0);
	assert_true(has_diag(&f->diags, 1, RG_WARNING, "referral::"));
	assert_true(has_diag(&f->diags, 2, RG_WARNING, "referral::"));
	assert_true(has_diag(&f->diags, 3, RG_WARNING, "gave::"));
	rg_file_free(f);
}

/* v3: line fields after quote markers, blanks before ::, wrapped keys. */
static void line_forms(void **state)
{
	(void)state;
	int d = day("2026-10-10");
	rg_file *f = scan("> referral:: A1 -> B1\n"
			  "> [!note] A callout\n"
			  "> - [/] referral:: A2 -> B2\n"
			  "referral :: A3 -> B3\n"
			  "**referral**:: A4 -> B4\n"
			  "- __Referral__ :: A5 -> B5\n"
			  "x [referral :: A6 -> B6] (**referral**:: A7 -> B7)\n"
			  "> > 2. [ ] referral::A8 -> B8\n"
			  "referral:: A9 -> B9 [thanked:: Cy] [with:: Dee]\n"
			  "# referral:: X -> Y\n",
			  d);
	assert_int_equal(f->refrecs.n, 9);
	for (int i = 0; i < 9; i++) {
		char want[16];
		snprintf(want, sizeof want, "A%d", i + 1);
		assert_string_equal(f->refrecs.v[i].from.target, want);
		snprintf(want, sizeof want, "B%d", i + 1);
		assert_string_equal(f->refrecs.v[i].prospect.target, want);
	}
	assert_int_equal(f->refrecs.v[0].col, 3);
	assert_int_equal(f->refrecs.v[3].col, 3); /* the key, not the ** */
	assert_int_equal(f->refrecs.v[8].line, 9);
	assert_int_equal(f->fields.n, 2);
	assert_int_equal(f->fields.v[0].key, RG_F_THANKED);
	assert_string_equal(f->fields.v[0].who.target, "Cy");
	assert_int_equal(f->fields.v[0].col, 21);
	assert_int_equal(f->fields.v[1].key, RG_F_WITH);
	assert_string_equal(f->fields.v[1].who.target, "Dee");
	assert_int_equal(f->diags.items.n, 0);
	rg_file_free(f);
}

/* v3: arrows in wiki-links do not split; two arrows are an error. */
static void arrows(void **state)
{
	(void)state;
	rg_file *f = scan("referral:: [[A1|x -> y]] -> B1\n"
			  "gave:: [[B2|p → q]] → [[C2|r -> s]]\n"
			  "referral:: A -> B -> C\n"
			  "[gave:: A → B -> C]\n"
			  "referral:: A\n",
			  day("2026-10-10"));
	assert_int_equal(f->refrecs.n, 2);
	assert_string_equal(f->refrecs.v[0].from.target, "A1");
	assert_string_equal(f->refrecs.v[0].prospect.target, "B1");
	assert_string_equal(f->refrecs.v[1].prospect.target, "B2");
	assert_string_equal(f->refrecs.v[1].to.target, "C2");
	assert_true(has_diag(&f->diags, 3, RG_ERROR, "one referral per field"));
	assert_true(has_diag(&f->diags, 4, RG_ERROR, "one referral per field"));
	assert_true(has_diag(&f->diags, 5, RG_WARNING, "A -> B"));
	assert_int_equal(f->diags.nerrors, 2);
	rg_file_free(f);
}

/* v3: the new fields, and comma lists outside wiki-links. */
static void lists(void **state)
{
	(void)state;
	int d = day("2026-10-10");
	rg_file *f =
		scan("thanked:: [[Ann]], [[Cy]]\n"
		     "with:: Ann Lee, [[Bo, Jr]] ,, Dee\n"
		     "x [rewarded:: A1] (asked:: [[A2]]) [testimonial:: A3]\n"
		     "informed:: B1,B2\n"
		     "asked:: , ,\n",
		     d);
	static const struct {
		rg_field_key key;
		const char *who;
		int line, col;
	} want[] = {
		{RG_F_THANKED, "Ann", 1, 13}, {RG_F_THANKED, "Cy", 1, 22},
		{RG_F_WITH, "Ann Lee", 2, 8}, {RG_F_WITH, "Bo, Jr", 2, 19},
		{RG_F_WITH, "Dee", 2, 31},    {RG_F_REWARDED, "A1", 3, 15},
		{RG_F_ASKED, "A2", 3, 30},    {RG_F_TESTIMONIAL, "A3", 3, 51},
		{RG_F_INFORMED, "B1", 4, 12}, {RG_F_INFORMED, "B2", 4, 15},
	};
	assert_int_equal(f->fields.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < f->fields.n; i++) {
		const rg_field *fd = &f->fields.v[i];
		assert_int_equal(fd->key, want[i].key);
		assert_string_equal(fd->who.target, want[i].who);
		assert_int_equal(fd->line, want[i].line);
		assert_int_equal(fd->who.col, want[i].col);
		assert_int_equal(fd->date, d);
	}
	assert_true(has_diag(&f->diags, 5, RG_WARNING, "without a name"));
	assert_int_equal(f->diags.items.n, 1);
	rg_file_free(f);
	/* undated: one warning per field, nothing used */
	f = scan("rewarded:: A\nwith:: A, B\nasked:: A\ntestimonial:: A\n"
		 "thanked:: A, B\n",
		 RG_NODATE);
	assert_int_equal(f->fields.n, 0);
	for (int line = 1; line <= 5; line++)
		assert_true(has_diag(&f->diags, line, RG_WARNING,
				     "without a date"));
	assert_int_equal(f->diags.items.n, 5);
	rg_file_free(f);
}

/*
 * A 60 kB line of "(a::[[" opens neither a field nor a link; looking for
 * each field's closing bracket from its opening made it cubic.  The work
 * counted must stay a small multiple of the length.
 */
static void linear_brackets(void **state)
{
	(void)state;
	enum { REPEAT = 10000, WORK_PER_BYTE = 32 };
	const char unit[] = "(a::[[";
	size_t n = REPEAT * (sizeof unit - 1);
	char *body = malloc(n + 1);
	assert_non_null(body);
	for (size_t i = 0; i < REPEAT; i++)
		memcpy(body + i * (sizeof unit - 1), unit, sizeof unit - 1);
	body[n] = '\0';
	rg_file *f = scan(body, day("2026-10-10"));
	size_t work = rg_md_scan_work();
	size_t nf = f->fields.n + f->refrecs.n;
	rg_file_free(f);
	free(body);
	assert_int_equal(nf, 0);
	assert_true(work > n); /* it was counted */
	assert_true(work < WORK_PER_BYTE * n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(forms),	   cmocka_unit_test(forms_more),
		cmocka_unit_test(credits),	   cmocka_unit_test(undated),
		cmocka_unit_test(outcomes),	   cmocka_unit_test(line_forms),
		cmocka_unit_test(arrows),	   cmocka_unit_test(lists),
		cmocka_unit_test(linear_brackets),
	};
	int failed =
		cmocka_run_group_tests_name("md_fields", tests, NULL, NULL);
	return failed;
}
