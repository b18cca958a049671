/*
 * test_note: one file's bytes into records (rg_note_parse): the front
 * matter split (--- and ..., trailing blanks, CRLF, lone CR, BOM), front
 * matter never closed or not valid YAML (errors with their place, file
 * skipped), empty or non-mapping front matter, bodies with and without
 * front matter, the note's date (front matter date, a contact's since,
 * the file name), and the default contact id from the file name.
 */
#include "testlib.h"

static void front_matter(void **state)
{
	(void)state;
	const char *texts[] = {
		"---\nname: Ann\nrole: client\n---\nbody\n",
		"---   \nname: Ann\nrole: client\n...  \nbody\n",
		"--- \t\nname: Ann\nrole: client\n---\t \nbody\n",
		"---\r\nname: Ann\r\nrole: client\r\n---\r\nbody\r\n",
		"---\rname: Ann\rrole: client\r---\rbody\r",
		"---\r\nname: Ann\rrole: client\n---  \r\nbody",
		"\xef\xbb\xbf---\nname: Ann\nrole: client\n---\n",
		"\xef\xbb\xbf---\r\nname: Ann\r\nrole: client\r\n...\r\n",
		"---\nname: Ann\nrole: client\n---", /* no final line end */
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		rg_file *f = parse("people/x.md", texts[i]);
		assert_true(f->read);
		assert_true(f->markdown);
		assert_int_equal(f->contacts.n, 1);
		assert_string_equal(f->contacts.v[0].name, "Ann");
		assert_int_equal(f->contacts.v[0].line, 2);
		assert_int_equal(f->contacts.v[0].col, 1);
		assert_int_equal(f->contacts.v[0].nroles, 1);
		assert_string_equal(f->contacts.v[0].roles[0], "client");
		assert_int_equal(f->diags.items.n, 0);
		rg_file_free(f);
	}
}

/* Body lines keep their file line numbers whatever the line ends. */
static void body_lines(void **state)
{
	(void)state;
	const char *texts[] = {
		"---\ndate: 2026-09-01\n---\n\nreferral:: A -> B\n",
		"---\r\ndate: 2026-09-01\r\n---\r\n\r\nreferral:: A -> B\r\n",
		"---\rdate: 2026-09-01\r---\r\rreferral:: A -> B\r",
		"\xef\xbb\xbf---\r\ndate: 2026-09-01\r\n...\r\n\r\nreferral:: "
		"A -> B",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		rg_file *f = parse("m.md", texts[i]);
		assert_int_equal(f->refrecs.n, 1);
		assert_int_equal(f->refrecs.v[0].line, 5);
		assert_int_equal(f->refrecs.v[0].date, day("2026-09-01"));
		/* no CR is left in a name */
		assert_string_equal(f->refrecs.v[0].prospect.target, "B");
		rg_file_free(f);
	}
	/* lone CRs count as line ends in the body too */
	rg_file *f = parse("2026-01-01.md", "a\rb\rreferral:: A -> B\r");
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].line, 3);
	rg_file_free(f);
}

static void not_front_matter(void **state)
{
	(void)state;
	/* a blank line first: no front matter, the whole file is the body */
	rg_file *f =
		parse("a.md", "\n---\nname: Ann\n---\nreferral:: A -> B\n");
	assert_true(f->read);
	assert_int_equal(f->contacts.n, 0);
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].line, 5);
	assert_int_equal(f->diags.nerrors, 0);
	rg_file_free(f);
	/* "----" is no marker */
	f = parse("a.md", "----\nname: Ann\n----\nreferral:: A -> B\n");
	assert_true(f->read);
	assert_int_equal(f->contacts.n, 0);
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].line, 4);
	rg_file_free(f);
	/* "..." never opens front matter */
	f = parse("a.md", "...\nname: Ann\n...\n");
	assert_true(f->read);
	assert_int_equal(f->contacts.n, 0);
	assert_int_equal(f->diags.nerrors, 0);
	rg_file_free(f);
	/* text after the marker on the same line: no marker */
	f = parse("a.md", "--- x\nname: Ann\n---\n");
	assert_true(f->read);
	assert_int_equal(f->contacts.n, 0);
	rg_file_free(f);
}

static void never_closed(void **state)
{
	(void)state;
	const char *texts[] = {
		"---\nname: Ann\n- [ ] t due:2026-01-01\n",
		"---\n",
		"---",
		"---\r\nname: Ann\r\n--- x\r\n",
		"\xef\xbb\xbf---\nname: Ann\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		rg_file *f = parse("a.md", texts[i]);
		assert_false(f->read);
		assert_int_equal(f->contacts.n, 0);
		assert_int_equal(f->tasks.n, 0);
		assert_int_equal(f->diags.nerrors, 1);
		assert_true(has_diag(&f->diags, 1, RG_ERROR, "never closed"));
		assert_int_equal(f->diags.items.v[0].col, 1);
		assert_string_equal(f->diags.items.v[0].path, "a.md");
		rg_file_free(f);
	}
}

static void invalid_yaml(void **state)
{
	(void)state;
	rg_file *f = parse("a.md", "---\nname: Ann\nrole: [client\n---\n"
				   "referral:: A -> B\n");
	assert_false(f->read);
	assert_int_equal(f->contacts.n, 0);
	assert_int_equal(f->refrecs.n, 0); /* the body is skipped too */
	assert_int_equal(f->diags.nerrors, 1);
	assert_int_equal(f->diags.items.v[0].line, 3);
	assert_true(has_diag(&f->diags, 3, RG_ERROR, "YAML"));
	rg_file_free(f);
	/* the place is in file lines and columns from 1 */
	const char *texts[] = {
		"---\nname: Ann\nrole: client: x\n---\nreferral:: A -> B\n",
		"---\r\nname: Ann\r\nrole: client: x\r\n---\r\n",
		"\xef\xbb\xbf---\nname: Ann\nrole: client: x\n---\n",
		"---\rname: Ann\rrole: client: x\r---\r",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		f = parse("people/a.md", texts[i]);
		assert_false(f->read);
		assert_int_equal(f->refrecs.n, 0);
		assert_int_equal(f->diags.nerrors, 1);
		assert_int_equal(f->diags.items.v[0].level, RG_ERROR);
		assert_int_equal(f->diags.items.v[0].line, 3);
		assert_int_equal(f->diags.items.v[0].col, 13);
		assert_string_equal(f->diags.items.v[0].path, "people/a.md");
		rg_file_free(f);
	}
	/* in a YAML file the first line is line 1 */
	f = parse("a.yaml", "name: Ann\nrole: client: x\n");
	assert_int_equal(f->diags.nerrors, 1);
	assert_int_equal(f->diags.items.v[0].line, 2);
	assert_int_equal(f->diags.items.v[0].col, 13);
	rg_file_free(f);
}

static void empty_or_not_mapping(void **state)
{
	(void)state;
	/* empty front matter: no fields, no warning, the body is read */
	rg_file *f = parse("a.md", "---\n---\nreferral:: A -> B\n");
	assert_true(f->read);
	assert_int_equal(f->contacts.n + f->inters.n + f->skipped.n, 0);
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].line, 3);
	assert_int_equal(f->diags.items.n, 0);
	rg_file_free(f);
	f = parse("a.md", "---\n\n# just a comment\n...\nreferral:: A -> B\n");
	assert_true(f->read);
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->diags.items.n, 0);
	rg_file_free(f);
	/* a list or a scalar: a warning, no fields, the body is read */
	const char *texts[] = {"---\n- a\n- b\n---\nreferral:: A -> B\n",
			       "---\njust text\n---\nreferral:: A -> B\n"};
	for (size_t i = 0; i < 2; i++) {
		f = parse("2026-01-01.md", texts[i]);
		assert_true(f->read);
		assert_int_equal(f->contacts.n + f->inters.n, 0);
		assert_int_equal(f->refrecs.n, 1);
		assert_int_equal(f->refrecs.v[0].date, day("2026-01-01"));
		assert_int_equal(f->diags.nerrors, 0);
		assert_true(
			has_diag(&f->diags, 2, RG_WARNING, "not a mapping"));
		rg_file_free(f);
	}
}

static void bodies(void **state)
{
	(void)state;
	/* no front matter: the whole file is the body */
	rg_file *f = parse("daily/2026-10-01.md",
			   "Met Ann.\n- referral:: Ann -> Bob\n");
	assert_true(f->read);
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
	/* a BOM without front matter */
	f = parse("2026-10-01.md", "\xef\xbb\xbfreferral:: A -> B\n");
	assert_int_equal(f->refrecs.n, 1);
	assert_string_equal(f->refrecs.v[0].from.target, "A");
	assert_int_equal(f->refrecs.v[0].line, 1);
	rg_file_free(f);
	/* a skipped record's note is read all the same */
	f = parse("p.md", "---\ntype: project\ndate: 2026-04-04\n---\n"
			  "referral:: A -> B\n- [ ] x due:2026-05-05\n");
	assert_true(f->read);
	assert_int_equal(f->skipped.n, 1);
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].date, day("2026-04-04"));
	assert_int_equal(f->tasks.n, 1);
	rg_file_free(f);
	/* a YAML file: BOM and line ends as in Markdown */
	const char *yamls[] = {"\xef\xbb\xbfname: Ann\nrole: client\n",
			       "name: Ann\r\nrole: client\r\n",
			       "name: Ann\rrole: client\r"};
	for (size_t i = 0; i < 3; i++) {
		f = parse("a.yaml", yamls[i]);
		assert_int_equal(f->contacts.n, 1);
		assert_string_equal(f->contacts.v[0].name, "Ann");
		assert_string_equal(f->contacts.v[0].roles[0], "client");
		assert_int_equal(f->contacts.v[0].line, 1);
		assert_int_equal(f->diags.items.n, 0);
		rg_file_free(f);
	}
	/* a YAML file has no body */
	f = parse("n.yaml", "name: A\n# referral:: A -> B\n");
	assert_false(f->markdown);
	assert_int_equal(f->refrecs.n, 0);
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
	/* with a time of day */
	f = parse("x.md", "---\ndate: 2026-02-02T09:30\n---\n"
			  "referral:: A -> B\n");
	assert_int_equal(f->refrecs.v[0].date, day("2026-02-02"));
	rg_file_free(f);
	/* a contact's since beats the file name */
	f = parse(
		"2026-01-01 Ann.md",
		"---\nname: Ann\nsince: 2026-03-03\n---\nreferral:: A -> B\n");
	assert_int_equal(f->refrecs.v[0].date, day("2026-03-03"));
	rg_file_free(f);
	/* a contact's date beats its since */
	f = parse("x.md", "---\ntype: person\nname: Ann\ndate: 2026-04-04\n"
			  "since: 2026-03-03\n---\nreferral:: A -> B\n");
	assert_int_equal(f->refrecs.v[0].date, day("2026-04-04"));
	rg_file_free(f);
	/* since only counts for a contact */
	f = parse("x.md", "---\ntype: project\nsince: 2026-03-03\n---\n"
			  "referral:: A -> B\n");
	assert_int_equal(f->refrecs.v[0].date, RG_NODATE);
	rg_file_free(f);
	/* an invalid front matter date falls through to the file name */
	f = parse("2026-01-01-x.md", "---\ntype: project\ndate: soon\n---\n"
				     "referral:: A -> B\n");
	assert_int_equal(f->refrecs.v[0].date, day("2026-01-01"));
	/* ... with a warning: the date that dates the note is not a date */
	assert_true(has_diag(&f->diags, 3, RG_WARNING, "not a date"));
	assert_int_equal(f->diags.nerrors, 0);
	rg_file_free(f);
	/* an interaction's own date is required: an error, once */
	f = parse("2026-01-01.md", "---\ntype: call\ndate: soon\nwith: A\n"
				   "---\nreferral:: A -> B\n");
	assert_int_equal(f->refrecs.v[0].date, day("2026-01-01"));
	assert_true(has_diag(&f->diags, 3, RG_ERROR, "not a date"));
	assert_int_equal(f->diags.items.n, 1);
	rg_file_free(f);
	/* the file name: a date at its start, in any folder */
	f = parse("daily/2026/2026-11-03 standup.md", "referral:: A -> B\n");
	assert_int_equal(f->refrecs.v[0].date, day("2026-11-03"));
	rg_file_free(f);
	const char *undated[] = {"inbox.md", "notes 2026-11-03.md",
				 "2026-11-03/inbox.md", "2026-02-30.md",
				 "2026-1-3.md"};
	for (size_t i = 0; i < sizeof undated / sizeof *undated; i++) {
		f = parse(undated[i], "referral:: A -> B\nthanked:: A\n");
		assert_int_equal(f->refrecs.n, 1);
		assert_int_equal(f->refrecs.v[0].date, RG_NODATE);
		assert_int_equal(f->fields.n, 0);
		assert_true(
			has_diag(&f->diags, 2, RG_WARNING, "without a date"));
		rg_file_free(f);
	}
}

/* Front matter that is not valid YAML skips the file, the records of
 * its documents before the error too: none reaches the graph, not even
 * one without an id. */
static void front_matter_error_skips(void **state)
{
	(void)state;
	const char *texts[] = {
		"---\n role: c\n1\n---\n",
		"---\nname: Named\nrole: client\n--- x: [\n---\nreferral:: A "
		"-> "
		"B\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		rg_file *f = parse("people/Ann.md", texts[i]);
		assert_false(f->read);
		assert_int_equal(f->contacts.n, 0);
		assert_int_equal(f->refrecs.n, 0);
		assert_int_equal(f->fields.n, 0);
		assert_int_equal(f->diags.items.n, 1);
		rg_file_free(f);
	}
}

static void default_id(void **state)
{
	(void)state;
	/* the file name without extension, NFC */
	rg_file *f = parse("people/Zoe\xcc\x88 Brandt.md",
			   "---\nname: Z. Brandt\n---\n");
	assert_string_equal(f->contacts.v[0].id, "Zo\xc3\xab Brandt");
	assert_string_equal(f->contacts.v[0].name, "Z. Brandt");
	rg_file_free(f);
	f = parse("a/b/Ann.Lee.markdown", "---\nrole: client\n---\n");
	assert_string_equal(f->contacts.v[0].id, "Ann.Lee");
	assert_string_equal(f->contacts.v[0].name, "Ann.Lee"); /* name: id */
	rg_file_free(f);
	/* body fields are no records: still the only one */
	f = parse("people/Ann.md",
		  "---\nname: Ann Lee\n---\nreferral:: Ann -> Bob\n");
	assert_string_equal(f->contacts.v[0].id, "Ann");
	rg_file_free(f);
	/* an id given is kept */
	f = parse("people/Ann.md", "---\nid: a1\nname: Ann Lee\n---\n");
	assert_string_equal(f->contacts.v[0].id, "a1");
	rg_file_free(f);
	/* not the file's only record: the id is the name */
	f = parse("people.yaml", "- name: Ann\n- name: Bob\n  id: b1\n");
	assert_int_equal(f->contacts.n, 2);
	assert_string_equal(f->contacts.v[0].id, "Ann");
	assert_string_equal(f->contacts.v[1].id, "b1");
	rg_file_free(f);
	f = parse("ann.yaml", "name: Ann\n---\ndate: 2026-01-01\nwith: Ann\n");
	assert_int_equal(f->contacts.n, 1);
	assert_int_equal(f->inters.n, 1);
	assert_string_equal(f->contacts.v[0].id, "Ann");
	rg_file_free(f);
	f = parse("ann.yaml",
		  "name: Ann\n---\nfrom: X\nprospect: Y\ndate: 2026-01-01\n");
	assert_string_equal(f->contacts.v[0].id, "Ann");
	rg_file_free(f);
	/* the only record of a YAML file */
	f = parse("ann.yaml", "name: Ann\n");
	assert_string_equal(f->contacts.v[0].id, "ann");
	rg_file_free(f);
	f = parse("dir/ann.yml", "- name: Ann\n");
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
	assert_true(rg_note_name("a b.c.md"));
	assert_false(rg_note_name("a.MD"));
	assert_false(rg_note_name("a.txt"));
	assert_false(rg_note_name("a.md.bak"));
	assert_false(rg_note_name("amd"));
	assert_false(rg_note_name(".md"));
	assert_false(rg_note_name(""));
}

/*
 * A read file is packed: its records and strings in one block, the same
 * text, and a string two fields share still shared (a contact's id that
 * is its name).
 */
static void packed(void **state)
{
	(void)state;
	rg_buf b = {0};
	for (int i = 0; i < 40; i++) /* past the arena's first chunks */
		rg_buf_printf(&b,
			      "---\nname: Person %d\naliases: [P%d, Q%d]\n"
			      "role: [client, partner]\n"
			      "referred_by: \"[[Person %d]]\"\n",
			      i, i, i, i + 1);
	rg_file *f = parse("people.yaml", b.s);
	assert_true(f->packed);
	assert_int_equal(f->contacts.n, 40);
	for (int i = 0; i < 40; i++) {
		const rg_contact_rec *c = &f->contacts.v[i];
		char want[32];
		snprintf(want, sizeof want, "Person %d", i);
		assert_string_equal(c->name, want);
		assert_ptr_equal(c->id, c->name);
		assert_int_equal(c->naliases, 2);
		snprintf(want, sizeof want, "Q%d", i);
		assert_string_equal(c->aliases[1], want);
		assert_int_equal(c->nroles, 2);
		assert_string_equal(c->roles[1], "partner");
		assert_int_equal(c->nrefby, 1);
		snprintf(want, sizeof want, "Person %d", i + 1);
		assert_string_equal(c->refby[0].target, want);
	}
	rg_file_pack(f); /* twice is once */
	assert_string_equal(f->contacts.v[39].name, "Person 39");
	rg_file_free(f);
	f = parse("2026-01-01 call.md",
		  "- [ ] call [[Person 3]] due:: 2026-01-02\n"
		  "thanked:: [[Person 4]]\nSee [[Person 5]].\n");
	assert_true(f->packed);
	assert_int_equal(f->tasks.n, 1);
	assert_true(f->tasks.v[0].nlinks >= 1);
	assert_string_equal(f->tasks.v[0].links[0].target, "Person 3");
	assert_int_equal(f->fields.n, 1);
	assert_string_equal(f->fields.v[0].who.target, "Person 4");
	assert_true(f->links.n >= 1);
	assert_string_equal(f->links.v[f->links.n - 1].target, "Person 5");
	rg_file_free(f);
	rg_buf_free(&b);
}

/*
 * The first byte that is not UTF-8 is warned about once, at its line and
 * its column in code points, wherever it falls in a word of ASCII.
 */
static void invalid_utf8_place(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int line, col;
		unsigned byte;
	} cases[] = {
		{"\xff", 1, 1, 0xFF},
		{"abcdefghijklmnop\xe9 x\n", 1, 17, 0xE9},
		{"line one is long enough\nab\xc3\xa9\xe2\x82\xac\xc0\xaf\n", 2,
		 5, 0xC0},
		{"caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbbl\xc3\xa9"
		 "e\n\n"
		 "1234567\xed\xa0\x80\n",
		 3, 8, 0xED},
		{"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3", 1, 6, 0xC3},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		rg_file *f = parse("2026-01-01 x.md", cases[i].text);
		assert_int_equal(f->diags.items.n, 1);
		const rg_diag_item *d = &f->diags.items.v[0];
		assert_int_equal(d->line, cases[i].line);
		assert_int_equal(d->col, cases[i].col);
		char want[64];
		snprintf(want, sizeof want, "invalid UTF-8 (byte 0x%02X)",
			 cases[i].byte);
		assert_non_null(strstr(d->msg, want));
		rg_file_free(f);
	}
	rg_file *f = parse("2026-01-01 x.md", "all ASCII and then "
					      "\xe2\x80\x94 a dash\n");
	assert_int_equal(f->diags.items.n, 0);
	rg_file_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(front_matter),
		cmocka_unit_test(body_lines),
		cmocka_unit_test(not_front_matter),
		cmocka_unit_test(never_closed),
		cmocka_unit_test(invalid_yaml),
		cmocka_unit_test(empty_or_not_mapping),
		cmocka_unit_test(bodies),
		cmocka_unit_test(note_date),
		cmocka_unit_test(default_id),
		cmocka_unit_test(front_matter_error_skips),
		cmocka_unit_test(names),
		cmocka_unit_test(packed),
		cmocka_unit_test(invalid_utf8_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
