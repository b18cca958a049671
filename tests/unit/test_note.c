/*
 * test_note: one file into records: front matter split (--- and ...,
 * CRLF, lone CR, BOM), bodies with and without front matter, the note's
 * date, default contact ids, skipped files.
 */
#include "testlib.h"

static void front_matter(void **state)
{
	(void)state;
	const char *texts[] = {
		"---\nname: Ann\nrole: client\n---\nbody\n",
		"---   \nname: Ann\nrole: client\n...  \nbody\n",
		"---\r\nname: Ann\r\nrole: client\r\n---\r\nbody\r\n",
		"---\rname: Ann\rrole: client\r---\rbody\r",
		"\xef\xbb\xbf---\nname: Ann\nrole: client\n---\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		rg_file *f = parse("people/x.md", texts[i]);
		assert_true(f->read);
		assert_int_equal(f->contacts.n, 1);
		assert_string_equal(f->contacts.v[0].name, "Ann");
		assert_int_equal(f->contacts.v[0].line, 2);
		assert_int_equal(f->contacts.v[0].nroles, 1);
		assert_string_equal(f->contacts.v[0].roles[0], "client");
		assert_int_equal(f->diags.items.n, 0);
		rg_file_free(f);
	}
}

static void never_closed(void **state)
{
	(void)state;
	rg_file *f = parse("a.md", "---\nname: Ann\n- [ ] t due:2026-01-01\n");
	assert_false(f->read);
	assert_int_equal(f->contacts.n, 0);
	assert_int_equal(f->tasks.n, 0);
	assert_true(has_diag(&f->diags, 1, RG_ERROR, "never closed"));
	rg_file_free(f);
}

static void invalid_yaml(void **state)
{
	(void)state;
	rg_file *f = parse("a.md", "---\nname: Ann\nrole: [client\n---\n"
				   "referral:: A -> B\n");
	assert_false(f->read);
	assert_int_equal(f->refrecs.n, 0); /* the body is skipped too */
	assert_int_equal(f->diags.nerrors, 1);
	assert_true(f->diags.items.v[0].line >= 3);
	rg_file_free(f);
}

static void bodies(void **state)
{
	(void)state;
	/* no front matter: the whole file is the body */
	rg_file *f = parse("daily/2026-10-01.md",
			   "Met Ann.\n- referral:: Ann -> Bob\n");
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].line, 2);
	assert_int_equal(f->refrecs.v[0].date, day("2026-10-01"));
	rg_file_free(f);
	/* a body line after front matter keeps its file line */
	f = parse("m.md", "---\ndate: 2026-09-01\n---\n\nreferral:: A -> B\n");
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].line, 5);
	assert_int_equal(f->refrecs.v[0].date, day("2026-09-01"));
	rg_file_free(f);
}

static void note_date(void **state)
{
	(void)state;
	/* front matter date beats the file name */
	rg_file *f = parse("2026-01-01.md", "---\ndate: 2026-02-02\n---\n"
					    "referral:: A -> B\n");
	assert_int_equal(f->refrecs.v[0].date, day("2026-02-02"));
	rg_file_free(f);
	/* a contact's since beats the file name */
	f = parse(
		"2026-01-01 Ann.md",
		"---\nname: Ann\nsince: 2026-03-03\n---\nreferral:: A -> B\n");
	assert_int_equal(f->refrecs.v[0].date, day("2026-03-03"));
	rg_file_free(f);
	/* an invalid front matter date falls through to the file name */
	f = parse("2026-01-01-x.md", "---\ntype: project\ndate: soon\n---\n"
				     "referral:: A -> B\n");
	assert_int_equal(f->refrecs.v[0].date, day("2026-01-01"));
	rg_file_free(f);
	/* undated */
	f = parse("inbox.md", "referral:: A -> B\nthanked:: A\n");
	assert_int_equal(f->refrecs.v[0].date, RG_NODATE);
	assert_int_equal(f->fields.n, 0);
	assert_true(has_diag(&f->diags, 2, RG_WARNING, "without a date"));
	rg_file_free(f);
}

static void default_id(void **state)
{
	(void)state;
	rg_file *f = parse("people/Zoe\xcc\x88 Brandt.md",
			   "---\nname: Z. Brandt\n---\n");
	assert_string_equal(f->contacts.v[0].id, "Zo\xc3\xab Brandt");
	assert_string_equal(f->contacts.v[0].name, "Z. Brandt");
	rg_file_free(f);
	/* not the file's only record: the id is the name */
	f = parse("people.yaml", "- name: Ann\n- name: Bob\n  id: b1\n");
	assert_int_equal(f->contacts.n, 2);
	assert_string_equal(f->contacts.v[0].id, "Ann");
	assert_string_equal(f->contacts.v[1].id, "b1");
	rg_file_free(f);
	f = parse("ann.yaml", "name: Ann\n");
	assert_string_equal(f->contacts.v[0].id, "ann");
	rg_file_free(f);
}

static void names(void **state)
{
	(void)state;
	assert_true(rg_note_name("a.md"));
	assert_true(rg_note_name("a.markdown"));
	assert_true(rg_note_name("a.yaml"));
	assert_true(rg_note_name("a.yml"));
	assert_false(rg_note_name("a.MD"));
	assert_false(rg_note_name("a.txt"));
	assert_false(rg_note_name(".md"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(front_matter), cmocka_unit_test(never_closed),
		cmocka_unit_test(invalid_yaml), cmocka_unit_test(bodies),
		cmocka_unit_test(note_date),	cmocka_unit_test(default_id),
		cmocka_unit_test(names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
