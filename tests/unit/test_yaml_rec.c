/*
 * test_yaml_rec: YAML records: kinds by type and by fields, container
 * mappings, lists, values (absent, words, dates, numbers), diagnostics,
 * nested referrals, unquoted wiki-links, the depth limit and aliases.
 */
#include "testlib.h"

static void kinds(void **state)
{
	(void)state;
	rg_file *f = parse("log.yaml",
			   "type: Person\nname: A\n---\n"
			   "type: call\ndate: 2026-01-02\nwith: B\n---\n"
			   "type: introduction\nfrom: A\nprospect: C\ndate: "
			   "2026-01-03\n---\n"
			   "from: A\nprospect: D\ndate: 2026-01-04\n---\n"
			   "date: 2026-01-05\n---\n"
			   "org: Acme\nname: Acme Inc\n---\n"
			   "type: project\nname: P\n---\n"
			   "tags: [x]\n");
	assert_int_equal(f->contacts.n, 2);
	assert_int_equal(f->inters.n, 2);
	assert_int_equal(f->refrecs.n, 2);
	assert_int_equal(f->skipped.n, 2);
	assert_int_equal(f->diags.items.n, 0);
	assert_int_equal(f->refrecs.v[0].line, 8);
	assert_int_equal(f->inters.v[0].nwith, 1);
	assert_string_equal(f->inters.v[0].with[0].target, "B");
	rg_file_free(f);
}

static void containers(void **state)
{
	(void)state;
	rg_file *f = parse(
		"net.yaml",
		"contacts:\n  - name: A\n  - id: b\n    type: meeting\n"
		"    date: 2026-01-01\n"
		"referrals:\n  - from: A\n    prospect: B\n    date: "
		"2026-02-02\n"
		"interactions:\n  - date: 2026-03-03\n    with: [A, B]\n");
	assert_int_equal(f->contacts.n, 1);
	assert_int_equal(f->inters.n, 2); /* the item's type wins */
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].line, 7);
	rg_file_free(f);
	/* a list of records, and a mapping that is a record after all */
	f = parse("l.yaml",
		  "- name: A\n- from: A\n  prospect: B\n  date: 2026-01-01\n");
	assert_int_equal(f->contacts.n, 1);
	assert_int_equal(f->refrecs.n, 1);
	rg_file_free(f);
}

static void values(void **state)
{
	(void)state;
	rg_file *f =
		parse("r.yaml",
		      "from: \"[[Ann Lee|Ann]]\"\nprospect: Bob\n"
		      "to: ~\ndate: '2026-01-01'\nKIND: Lead\nstatus: WON\n"
		      "closed: 2026-02-01 10:00\nvalue: \"4,500\"\n"
		      "thanked: true\ninformed: null\nrewarded: 2026-03-01\n");
	assert_int_equal(f->refrecs.n, 1);
	const rg_refrec *m = &f->refrecs.v[0];
	assert_string_equal(m->from.target, "Ann Lee");
	assert_null(m->to.target);
	assert_int_equal(m->date, day("2026-01-01"));
	assert_int_equal(m->kind, RG_KIND_LEAD);
	assert_int_equal(m->status, RG_ST_WON);
	assert_int_equal(m->closed, day("2026-02-01"));
	assert_true(m->value == 4500);
	assert_int_equal(m->thanked, day("2026-01-01"));
	assert_int_equal(m->informed, RG_NODATE);
	assert_true(m->rewarded);
	assert_int_equal(m->writes, RG_W_KIND | RG_W_STATUS | RG_W_CLOSED |
					    RG_W_VALUE | RG_W_REWARDED);
	assert_int_equal(f->diags.items.n, 0);
	rg_file_free(f);
	f = parse("c.yaml", "name: A\nrole: [Client, PARTNER]\nreward: No\n"
			    "aliases: A, B\nfollow_up_every: 2W\n");
	const rg_contact_rec *c = &f->contacts.v[0];
	assert_int_equal(c->nroles, 2);
	assert_string_equal(c->roles[0], "client");
	assert_false(c->has_reward);
	assert_int_equal(c->naliases, 1); /* commas never split */
	assert_int_equal(c->follow_days, 14);
	rg_file_free(f);
}

static void bad_values(void **state)
{
	(void)state;
	rg_file *f = parse("r.yaml",
			   "from: A\nprospect: B\ndate: 2026-02-30\nkind: tip\n"
			   "status: pending\nvalue: 5k\nclosed: later\n"
			   "thanked: soon\n---\n"
			   "name: C\nsince: someday\nfollow_up_every: often\n"
			   "name: D\n---\nprospect: X\ntype: referral\n");
	assert_true(has_diag(&f->diags, 3, RG_ERROR, "not a date"));
	assert_true(has_diag(&f->diags, 4, RG_WARNING, "kind"));
	assert_true(has_diag(&f->diags, 5, RG_ERROR, "not a status"));
	assert_true(has_diag(&f->diags, 6, RG_ERROR, "not a number"));
	assert_true(has_diag(&f->diags, 7, RG_WARNING, "not a date"));
	assert_true(has_diag(&f->diags, 8, RG_WARNING, "not a date"));
	assert_true(has_diag(&f->diags, 11, RG_WARNING, "not a date"));
	assert_true(has_diag(&f->diags, 12, RG_WARNING, "not a duration"));
	assert_true(has_diag(&f->diags, 13, RG_ERROR, "given twice"));
	assert_true(has_diag(&f->diags, 15, RG_ERROR, "without 'from'"));
	assert_int_equal(f->refrecs.n,
			 1); /* the one without from is not used */
	assert_int_equal(f->refrecs.v[0].date, RG_NODATE);
	assert_int_equal(f->refrecs.v[0].writes, 0);
	assert_string_equal(f->contacts.v[0].name, "C"); /* the first is used */
	rg_file_free(f);
}

static void unquoted_link(void **state)
{
	(void)state;
	rg_file *f = parse("c.yaml",
			   "name: A\nreferred_by: [[Bob Stone]]\n---\n"
			   "date: 2026-01-01\nwith: [[[Ann]], \"[[Cy]]\"]\n");
	assert_int_equal(f->contacts.v[0].nrefby, 1);
	assert_string_equal(f->contacts.v[0].refby[0].target, "Bob Stone");
	assert_true(
		has_diag(&f->diags, 2, RG_WARNING, "unquoted [[Bob Stone]]"));
	assert_int_equal(f->inters.v[0].nwith, 2);
	assert_string_equal(f->inters.v[0].with[0].target, "Ann");
	rg_file_free(f);
}

static void nested_referrals(void **state)
{
	(void)state;
	rg_file *f = parse(
		"m.yaml", "date: 2026-05-05\nreferrals:\n"
			  "  - from: A\n    prospect: B\n"
			  "  - from: A\n    prospect: C\n    date: 2026-06-06\n"
			  "  - from: A\n    prospect: D\n    date: bad\n");
	assert_int_equal(f->inters.n, 1);
	assert_int_equal(f->refrecs.n, 3);
	assert_int_equal(f->refrecs.v[0].date, day("2026-05-05"));
	assert_int_equal(f->refrecs.v[0].line, 3);
	assert_int_equal(f->refrecs.v[1].date, day("2026-06-06"));
	assert_int_equal(f->refrecs.v[2].date, RG_NODATE);
	rg_file_free(f);
}

static void limits(void **state)
{
	(void)state;
	char deep[4096] = "name: A\nx: ";
	for (int i = 0; i < 1000; i++)
		strcat(deep, "[");
	rg_file *f = parse("d.yaml", deep);
	assert_int_equal(f->diags.nerrors, 1);
	assert_true(has_diag(&f->diags, 2, RG_ERROR, "nested deeper"));
	rg_file_free(f);
	/* aliases share scalars and never expand collections */
	f = parse("a.yaml", "a: &n Ann\nb: &l [x, y]\nname: *n\naliases: *l\n");
	assert_string_equal(f->contacts.v[0].name, "Ann");
	assert_int_equal(f->contacts.v[0].naliases, 0);
	assert_true(has_diag(&f->diags, 4, RG_WARNING, "not expanded"));
	rg_file_free(f);
	/* a syntax error keeps the documents before it */
	f = parse("s.yaml",
		  "name: A\n---\nname: B\n---\nname: [C\n---\nname: D\n");
	assert_int_equal(f->contacts.n, 2);
	assert_int_equal(f->diags.nerrors, 1);
	rg_file_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kinds),
		cmocka_unit_test(containers),
		cmocka_unit_test(values),
		cmocka_unit_test(bad_values),
		cmocka_unit_test(unquoted_link),
		cmocka_unit_test(nested_referrals),
		cmocka_unit_test(limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
