/*
 * test_report: the rows of followups, sources and uncredited for a day:
 * each reason, the columns, downstream value over a chain, a diamond and
 * a cycle, --since, --ahead, and the sort orders.
 */
#include "testlib.h"

static const rg_fu_row *fu(const rg_report *r, rg_fu_reason why,
			   const char *contact)
{
	for (size_t i = 0; i < r->followups.n; i++)
		if (r->followups.v[i].reason == why &&
		    rg_strcmp_null(r->followups.v[i].contact, contact) == 0)
			return &r->followups.v[i];
	return NULL;
}

static void followups(void **state)
{
	(void)state;
	static const char *const files[] = {
		"log.yaml",
		"from: S\nprospect: P\ndate: 2026-11-01\n---\n"
		"from: S\nprospect: Q\ndate: 2026-10-01\nstatus: won\n"
		"closed: 2026-11-01\ninformed: 2026-10-15\n---\n"
		"from: S\nprospect: R\ndate: 2026-11-20\ninformed: "
		"2026-11-20\n",
		"people/C.md",
		"---\nrole: client\nsince: 2026-09-01\n---\n",
		"people/D.md",
		"---\nfollow_up_every: 2w\nlast_contact: 2026-11-01\n---\n",
		"people/E.md",
		"---\nrole: client\n---\n",
		"people/Me.md",
		"---\nrole: client\nsince: 2020-01-01\n---\n",
		"t.md",
		"- [ ] call [[P]] due:2026-11-21\n- [ ] later due:2026-11-22\n"
		"- [ ] soon due:2026-11-25\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	rg_report r = {0};
	rg_report_followups(&r, &v.g, &o);
	/* prospect P: last touch 11-01 + 7 */
	const rg_fu_row *x = fu(&r, RG_FU_PROSPECT, "P");
	assert_non_null(x);
	assert_int_equal(x->due, day("2026-11-08"));
	assert_int_equal(x->days_overdue, 14);
	assert_string_equal(x->file, "log.yaml");
	assert_int_equal(x->line, 1);
	assert_null(fu(&r, RG_FU_PROSPECT, "Q")); /* closed */
	assert_null(fu(&r, RG_FU_PROSPECT, "R")); /* not yet due */
	/* inform: S for P (never informed, date 11-01 + 14 = 11-15) and for Q
	 * (informed before it closed on 11-01: due 11-15) */
	size_t informs = 0;
	for (size_t i = 0; i < r.followups.n; i++)
		if (r.followups.v[i].reason == RG_FU_INFORM) {
			informs++;
			assert_string_equal(r.followups.v[i].contact, "S");
			assert_int_equal(r.followups.v[i].due,
					 day("2026-11-15"));
		}
	assert_int_equal(informs, 2);
	/* client: C since 09-01 + 30; D every 2w from 11-01; E no date; the
	 * owner never */
	assert_int_equal(fu(&r, RG_FU_CLIENT, "C")->due, day("2026-10-01"));
	assert_int_equal(fu(&r, RG_FU_CLIENT, "D")->due, day("2026-11-15"));
	assert_null(fu(&r, RG_FU_CLIENT, "E"));
	assert_null(fu(&r, RG_FU_CLIENT, "Me"));
	/* tasks: due before today only */
	assert_int_equal(fu(&r, RG_FU_TASK, "P")->days_overdue, 1);
	assert_null(fu(&r, RG_FU_TASK, NULL));
	/* sorted by days overdue, most first */
	for (size_t i = 1; i < r.followups.n; i++)
		assert_true(r.followups.v[i - 1].days_overdue >=
			    r.followups.v[i].days_overdue);
	assert_string_equal(r.followups.v[0].contact, "C");
	rg_report_free(&r);
	/* --ahead 3: today's and the 11-25 task too, and R's prospect duty */
	o.ahead = 3;
	rg_report r2 = {0};
	rg_report_followups(&r2, &v.g, &o);
	const rg_fu_row *soon = NULL;
	for (size_t i = 0; i < r2.followups.n; i++)
		if (r2.followups.v[i].due == day("2026-11-25"))
			soon = &r2.followups.v[i];
	assert_non_null(soon);
	assert_int_equal(soon->days_overdue, -3);
	assert_null(fu(&r2, RG_FU_PROSPECT, "R")); /* 11-27: past the window */
	assert_int_equal(r2.followups.v[r2.followups.n - 1].days_overdue, -3);
	rg_report_free(&r2);
	vault_free(&v);
}

static const rg_src_row *src(const rg_report *r, const char *name)
{
	for (size_t i = 0; i < r->sources.n; i++)
		if (strcmp(r->sources.v[i].contact, name) == 0)
			return &r->sources.v[i];
	return NULL;
}

static void sources(void **state)
{
	(void)state;
	/* chain A->B->C->D, diamond A->E, A->F, E->G, F->G, cycle H<->I */
	static const char *const files[] = {
		"log.yaml",
		"- {from: A, prospect: B, date: 2026-01-01, status: won, "
		"value: 10}\n"
		"- {from: B, prospect: C, date: 2026-02-01, status: won, "
		"value: 20}\n"
		"- {from: C, prospect: D, date: 2026-03-01, status: won, "
		"value: 40}\n"
		"- {from: A, prospect: E, date: 2026-01-02, status: lost}\n"
		"- {from: A, prospect: F, date: 2026-01-03, kind: lead, "
		"thanked: 2026-01-04}\n"
		"- {from: E, prospect: G, date: 2026-04-01, status: won, "
		"value: 100}\n"
		"- {from: F, prospect: G, date: 2026-04-02, status: won, "
		"value: 1000}\n"
		"- {from: H, prospect: I, date: 2026-05-01, status: won, "
		"value: 1}\n"
		"- {from: I, prospect: H, date: 2026-05-02, status: won, "
		"value: 2}\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	rg_report r = {0};
	rg_report_sources(&r, &v.g, &o);
	const rg_src_row *a = src(&r, "A");
	assert_int_equal(a->referrals, 4 - 1);
	assert_int_equal(a->introductions, 2);
	assert_int_equal(a->leads, 1);
	assert_int_equal(a->won, 1);
	assert_int_equal(a->lost, 1);
	assert_int_equal(a->open, 1);
	assert_true(a->has_conversion && a->conversion == 0.5);
	assert_true(a->won_value == 10);
	/* B 20 + C 40 + E 100 + F 1000 (G's two referrals, once each) */
	assert_true(a->downstream_value == 1160);
	assert_true(a->thanked_share * 3 == 1);
	assert_true(src(&r, "B")->downstream_value == 40);
	assert_true(src(&r, "C")->downstream_value == 0);
	/* the cycle: H reaches I (1 excluded as H's own), I's 2 */
	assert_true(src(&r, "H")->downstream_value == 2);
	assert_true(src(&r, "I")->downstream_value == 1);
	/* ranked by won, referrals, won value, then name */
	static const char *const order[] = {"A", "F", "E", "C", "B", "I", "H"};
	assert_int_equal(r.sources.n, 7);
	for (size_t i = 0; i < 7; i++)
		assert_string_equal(r.sources.v[i].contact, order[i]);
	rg_report_free(&r);
	/* --since drops the early referrals everywhere */
	o.since = day("2026-02-01");
	rg_report r2 = {0};
	rg_report_sources(&r2, &v.g, &o);
	assert_null(src(&r2, "A"));
	assert_true(src(&r2, "B")->downstream_value == 40);
	rg_report_free(&r2);
	vault_free(&v);
}

static void uncredited(void **state)
{
	(void)state;
	static const char *const files[] = {
		"log.yaml",
		"from: S\nprospect: P1\ndate: 2026-11-14\n---\n"
		"from: S\nprospect: P2\ndate: 2026-11-15\n---\n"
		"from: S\nprospect: P3\ndate: 2026-10-01\nthanked: "
		"2026-12-01\n---\n"
		"from: R\nprospect: P4\ndate: 2026-10-01\nthanked: true\n"
		"status: won\nclosed: 2026-10-05\n---\n"
		"from: R\nprospect: P5\ndate: 2026-10-01\nthanked: true\n"
		"status: won\nrewarded: yes\n",
		"people/R.md",
		"---\nreward: dinner\n---\n",
		"people/U.md",
		"---\nrole: client\nsince: 2026-03-03\n---\n",
		"people/V.md",
		"---\nrole: client\nsource: web\n---\n",
		"people/W.md",
		"---\nrole: client\n---\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	rg_report r = {0};
	rg_report_uncredited(&r, &v.g, &o);
	assert_int_equal(r.uncredited.n, 5);
	const char *want[][3] = {
		{"unattributed", "U", "2026-03-03"},
		{"not-thanked", "P3", "2026-10-01"},
		{"not-rewarded", "P4", "2026-10-05"},
		{"not-thanked", "P1", "2026-11-14"},
		{"unattributed", "W", NULL},
	};
	for (size_t i = 0; i < 5; i++) {
		const rg_un_row *x = &r.uncredited.v[i];
		assert_string_equal(rg_un_reason_name(x->reason), want[i][0]);
		assert_string_equal(x->contact, want[i][1]);
		if (want[i][2])
			assert_int_equal(x->date, day(want[i][2]));
		else
			assert_int_equal(x->date, RG_NODATE);
	}
	assert_null(r.uncredited.v[0].source);
	assert_string_equal(r.uncredited.v[2].source, "R");
	rg_report_free(&r);
	vault_free(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(followups),
		cmocka_unit_test(sources),
		cmocka_unit_test(uncredited),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
