/*
 * test_report: the rows of followups, sources and uncredited for a day
 * (notes format section 4): each followups reason with its due date,
 * contact and place; the sources columns, downstream value over a chain,
 * a diamond and a cycle, and the ranking; each uncredited reason; the
 * boundaries of "before TODAY"; --since and --ahead; the settings; and
 * the sort orders with their tie-breaks.  v3: what each follow-up is
 * about; reciprocity, asks and summary, with rows worked out by hand from
 * the spec (section 4), ties, --since, and asks' span.  The file is long
 * because it holds every report's rows; each test is one report's case.
 */
#include "testlib.h"

static const rg_fu_row *fu(const rg_report *r, rg_fu_reason why,
			   const char *who)
{
	for (size_t i = 0; i < r->followups.n; i++)
		if (r->followups.v[i].reason == why &&
		    rg_strcmp_null(r->followups.v[i].contact, who) == 0)
			return &r->followups.v[i];
	return NULL;
}

static size_t count_fu(const rg_report *r, rg_fu_reason why)
{
	size_t n = 0;
	for (size_t i = 0; i < r->followups.n; i++)
		n += r->followups.v[i].reason == why;
	return n;
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
	assert_true(r.has_followups);
	assert_false(r.has_sources || r.has_uncredited);
	assert_int_equal(r.today, day("2026-11-22"));
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
	assert_string_equal(fu(&r, RG_FU_CLIENT, "C")->file, "people/C.md");
	assert_int_equal(fu(&r, RG_FU_CLIENT, "C")->line, 2);
	assert_int_equal(fu(&r, RG_FU_CLIENT, "D")->due, day("2026-11-15"));
	assert_null(fu(&r, RG_FU_CLIENT, "E"));
	assert_null(fu(&r, RG_FU_CLIENT, "Me"));
	/* tasks: due before today only */
	assert_int_equal(fu(&r, RG_FU_TASK, "P")->days_overdue, 1);
	assert_string_equal(fu(&r, RG_FU_TASK, "P")->file, "t.md");
	assert_int_equal(fu(&r, RG_FU_TASK, "P")->line, 1);
	assert_null(fu(&r, RG_FU_TASK, NULL));
	assert_int_equal(r.followups.n, 6);
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
	assert_non_null(fu(&r2, RG_FU_TASK, NULL));
	assert_null(fu(&r2, RG_FU_PROSPECT, "R")); /* 11-27: past the window */
	assert_int_equal(r2.followups.v[r2.followups.n - 1].days_overdue, -3);
	assert_int_equal(r2.followups.n, 8);
	rg_report_free(&r2);
	vault_free(&v);
}

/* The prospect duty: open, dated, to me; last touch + followup_days. */
static void followups_prospect(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a.yaml",
		"- {from: S, prospect: P1, date: 2026-10-01}\n"
		"- {type: call, date: 2026-10-20, with: P1}\n"
		"- {from: S, prospect: P2, date: 2026-10-01, status: "
		"proposal}\n"
		"- {from: S, prospect: P3, date: 2026-10-01, status: "
		"declined}\n"
		"- {from: S, prospect: P4}\n"
		"- {from: S, prospect: P5, to: Q, date: 2026-10-01}\n"
		"- {from: S, prospect: Me, date: 2026-10-01}\n"
		"- {from: S, prospect: P6, date: 2026-10-01}\n"
		"- {type: call, date: 2026-12-01, with: P6}\n",
		"b/2026-10-01.md", "gave:: P7 -> Q\n", NULL};
	vault v;
	vault_build(&v, "Me", files);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	rg_report r = {0};
	rg_report_followups(&r, &v.g, &o);
	/* the last touch, not the referral date */
	assert_int_equal(fu(&r, RG_FU_PROSPECT, "P1")->due, day("2026-10-27"));
	assert_int_equal(fu(&r, RG_FU_PROSPECT, "P1")->days_overdue, 26);
	assert_int_equal(fu(&r, RG_FU_PROSPECT, "P2")->due, day("2026-10-08"));
	assert_null(fu(&r, RG_FU_PROSPECT, "P3")); /* closed */
	assert_null(fu(&r, RG_FU_PROSPECT, "P4")); /* undated */
	assert_null(fu(&r, RG_FU_PROSPECT, "P5")); /* not to me */
	assert_null(fu(&r, RG_FU_PROSPECT, "Me")); /* the owner */
	assert_null(fu(&r, RG_FU_PROSPECT, "P6")); /* touched later */
	assert_null(fu(&r, RG_FU_PROSPECT, "P7")); /* from me */
	assert_int_equal(count_fu(&r, RG_FU_PROSPECT), 2);
	/* the owner is never a row's contact, whatever the reason */
	for (size_t i = 0; i < r.followups.n; i++)
		assert_true(r.followups.v[i].contact == NULL ||
			    strcmp(r.followups.v[i].contact, "Me") != 0);
	rg_report_free(&r);
	/* followup_days */
	o.followup_days = 0;
	rg_report_followups(&r, &v.g, &o);
	assert_int_equal(fu(&r, RG_FU_PROSPECT, "P1")->due, day("2026-10-20"));
	rg_report_free(&r);
	vault_free(&v);
}

/* The inform duty: informed absent or before the last change. */
static void followups_inform(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a.yaml",
		/* 1 never informed, open: date + 14 */
		"- {from: S1, prospect: P, date: 2026-10-01}\n"
		/* 2 informed on the date: nothing */
		"- {from: S2, prospect: P, date: 2026-10-01, informed: "
		"2026-10-01}\n"
		/* 3 informed before the date: due */
		"- {from: S3, prospect: P, date: 2026-10-01, informed: "
		"2026-09-01}\n"
		/* 4 closed after being informed: closed + 14 */
		"- {from: S4, prospect: P, date: 2026-09-01, status: won, "
		"closed: 2026-10-10, informed: 2026-10-09}\n"
		/* 5 informed on the close: nothing */
		"- {from: S5, prospect: P, date: 2026-09-01, status: lost, "
		"closed: 2026-10-10, informed: 2026-10-10}\n"
		/* 6 informed in the future: counts as written */
		"- {from: S6, prospect: P, date: 2026-10-01, informed: "
		"2030-01-01}\n"
		/* 7 not dated: nothing */
		"- {from: S7, prospect: P}\n"
		/* 8 closed, the close unknown: its date */
		"- {from: S8, prospect: Q, status: won}\n"
		"- {from: S8, prospect: Q, date: 2026-10-02}\n",
		"b/2026-10-01.md", "gave:: P -> S9\n", NULL};
	vault v;
	vault_build(&v, "Me", files);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	rg_report r = {0};
	rg_report_followups(&r, &v.g, &o);
	const rg_fu_row *x = fu(&r, RG_FU_INFORM, "S1");
	assert_non_null(x);
	assert_int_equal(x->due, day("2026-10-15"));
	assert_int_equal(x->days_overdue, 38);
	assert_string_equal(x->file, "a.yaml");
	assert_int_equal(x->line, 1);
	assert_null(fu(&r, RG_FU_INFORM, "S2"));
	assert_int_equal(fu(&r, RG_FU_INFORM, "S3")->due, day("2026-10-15"));
	assert_int_equal(fu(&r, RG_FU_INFORM, "S4")->due, day("2026-10-24"));
	assert_int_equal(fu(&r, RG_FU_INFORM, "S4")->line, 4);
	assert_null(fu(&r, RG_FU_INFORM, "S5"));
	assert_null(fu(&r, RG_FU_INFORM, "S6"));
	assert_null(fu(&r, RG_FU_INFORM, "S7"));
	const rg_referral *q = NULL;
	for (size_t i = 0; i < v.g.referrals.n; i++)
		if (v.g.referrals.v[i].src == contact(&v.g, "S8"))
			q = &v.g.referrals.v[i];
	assert_int_equal(q->status, RG_ST_WON);
	assert_int_equal(q->closed, RG_NODATE);
	assert_int_equal(fu(&r, RG_FU_INFORM, "S8")->due, day("2026-10-16"));
	assert_null(fu(&r, RG_FU_INFORM, "Me")); /* gave:: is not to me */
	assert_int_equal(count_fu(&r, RG_FU_INFORM), 4);
	rg_report_free(&r);
	/* inform_days */
	o.inform_days = 45;
	rg_report_followups(&r, &v.g, &o);
	assert_int_equal(fu(&r, RG_FU_INFORM, "S1")->due, day("2026-11-15"));
	assert_null(fu(&r, RG_FU_INFORM, "S4")); /* 11-24: not yet */
	rg_report_free(&r);
	vault_free(&v);
}

/* The client duty: written, not the owner, client or a cadence. */
static void followups_client(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a.yaml",
		"- {type: call, date: 2026-10-01, with: [C1, C4, F1, X]}\n"
		"- {from: S, prospect: C2, date: 2026-10-15}\n",
		"p/C1.md",
		"---\nrole: client\nsince: 2020-01-01\n---\n",
		"p/C2.md",
		"---\nrole: client\n---\n",
		"p/C3.md",
		"---\nrole: client\nsince: 2026-09-01\nfollow_up_every: 1w\n"
		"---\n",
		"p/C4.md",
		"---\nfollow_up_every: 1m\n---\n",
		"p/C5.md",
		"---\nrole: client\nfollow_up_every: 1y\n---\n",
		"p/F1.md",
		"---\nrole: former-client\n---\n",
		"p/L1.md",
		"---\nrole: [lead, partner]\nsince: 2020-01-01\n---\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	rg_report r = {0};
	rg_report_followups(&r, &v.g, &o);
	/* last touch (not since) + 30 */
	assert_int_equal(fu(&r, RG_FU_CLIENT, "C1")->due, day("2026-10-31"));
	assert_string_equal(fu(&r, RG_FU_CLIENT, "C1")->file, "p/C1.md");
	/* a referral date is a touch */
	assert_int_equal(fu(&r, RG_FU_CLIENT, "C2")->due, day("2026-11-14"));
	/* since when never touched; its own cadence */
	assert_int_equal(fu(&r, RG_FU_CLIENT, "C3")->due, day("2026-09-08"));
	/* a cadence without the client role */
	assert_int_equal(fu(&r, RG_FU_CLIENT, "C4")->due, day("2026-10-31"));
	/* neither a touch nor since: no row */
	assert_null(fu(&r, RG_FU_CLIENT, "C5"));
	/* former clients, leads, implicit contacts: no duty */
	assert_null(fu(&r, RG_FU_CLIENT, "F1"));
	assert_null(fu(&r, RG_FU_CLIENT, "L1"));
	assert_null(fu(&r, RG_FU_CLIENT, "X"));
	assert_int_equal(count_fu(&r, RG_FU_CLIENT), 4);
	rg_report_free(&r);
	/* client_touch_days */
	o.client_touch_days = 60;
	rg_report_followups(&r, &v.g, &o);
	assert_null(fu(&r, RG_FU_CLIENT, "C1")); /* 11-30: not yet */
	assert_int_equal(fu(&r, RG_FU_CLIENT, "C4")->due, day("2026-10-31"));
	rg_report_free(&r);
	vault_free(&v);
}

/* Rows are due before TODAY, or on or before TODAY + N with --ahead N. */
static void followups_window(void **state)
{
	(void)state;
	static const char *const files[] = {
		"t.md",
		"- [ ] a due:2026-11-21\n- [ ] b due:2026-11-22\n"
		"- [ ] c due:2026-11-23\n- [ ] d due:2026-11-24\n"
		"- [x] e due:2026-11-01\n- [ ] f\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	const struct {
		int ahead;
		size_t rows;
	} cases[] = {{-1, 1}, {0, 2}, {1, 3}, {2, 4}, {30, 4}};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		o.ahead = cases[i].ahead;
		rg_report r = {0};
		rg_report_followups(&r, &v.g, &o);
		assert_int_equal(r.followups.n, cases[i].rows);
		for (size_t k = 0; k < r.followups.n; k++) {
			const rg_fu_row *x = &r.followups.v[k];
			assert_int_equal(x->reason, RG_FU_TASK);
			assert_null(x->contact);
			assert_int_equal(x->days_overdue, 1 - (int)k);
			assert_int_equal(x->line, (int)k + 1);
			assert_int_equal(x->due, o.today - x->days_overdue);
		}
		rg_report_free(&r);
	}
	vault_free(&v);
}

/* Sorted by days overdue (most first), contact (bytewise, null first),
 * file, line, then reason in the order prospect, inform, client, task. */
static void followups_sort(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a.md",
		"- [ ] [[alice]] due:2026-11-10\n"
		"- [ ] nobody due:2026-11-10\n"
		"- [ ] [[Zed]] due:2026-11-10\n"
		"- [ ] [[Bob]] due:2026-11-10\n"
		"- [ ] [[Bob]] again due:2026-11-10\n"
		"- [ ] [[Bob]] earlier due:2026-11-01\n",
		"b.md",
		"- [ ] [[Bob]] due:2026-11-10\n- [ ] none due:2026-11-10\n",
		"c.yaml",
		/* A refers A: a prospect and an inform row, same place */
		"from: A\nprospect: A\ndate: 2026-11-01\n---\n"
		"type: call\ndate: 2026-01-01\nwith: [alice, Zed, Bob]\n",
		/* two referrals on one line: S's inform row comes out of the
		 * first, S's prospect row out of the second */
		"e/2026-11-01.md", "[referral:: S -> P] [referral:: X -> S]\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	o.followup_days = 14; /* both A rows due 11-15 */
	rg_report r = {0};
	rg_report_followups(&r, &v.g, &o);
	const struct {
		const char *who, *file;
		int line;
		rg_fu_reason why;
	} want[] = {
		{"Bob", "a.md", 6, RG_FU_TASK},
		{NULL, "a.md", 2, RG_FU_TASK},
		{NULL, "b.md", 2, RG_FU_TASK},
		{"Bob", "a.md", 4, RG_FU_TASK},
		{"Bob", "a.md", 5, RG_FU_TASK},
		{"Bob", "b.md", 1, RG_FU_TASK},
		{"Zed", "a.md", 3, RG_FU_TASK},
		{"alice", "a.md", 1, RG_FU_TASK},
		{"A", "c.yaml", 1, RG_FU_PROSPECT},
		{"A", "c.yaml", 1, RG_FU_INFORM},
		{"P", "e/2026-11-01.md", 1, RG_FU_PROSPECT},
		{"S", "e/2026-11-01.md", 1, RG_FU_PROSPECT},
		{"S", "e/2026-11-01.md", 1, RG_FU_INFORM},
		{"X", "e/2026-11-01.md", 1, RG_FU_INFORM},
	};
	assert_int_equal(r.followups.n, sizeof want / sizeof *want);
	for (size_t i = 0; i < r.followups.n; i++) {
		const rg_fu_row *x = &r.followups.v[i];
		if (want[i].who)
			assert_string_equal(x->contact, want[i].who);
		else
			assert_null(x->contact);
		assert_string_equal(x->file, want[i].file);
		assert_int_equal(x->line, want[i].line);
		assert_int_equal(x->reason, want[i].why);
	}
	assert_int_equal(r.followups.v[0].days_overdue, 21);
	assert_int_equal(r.followups.v[1].days_overdue, 12);
	for (size_t i = 8; i < r.followups.n; i++)
		assert_int_equal(r.followups.v[i].days_overdue, 7);
	rg_report_free(&r);
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
	assert_true(r.has_sources);
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

static void sources_columns(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a.yaml",
		"- {from: S, prospect: P1, date: 2026-01-01, status: won, "
		"value: \"1,000.5\", thanked: true}\n"
		"- {from: S, prospect: P2, date: 2026-01-02, status: won}\n"
		"- {from: S, prospect: P3, date: 2026-01-03, status: lost, "
		"value: 50}\n"
		"- {from: S, prospect: P4, date: 2026-01-04, status: "
		"declined, kind: lead}\n"
		"- {from: S, prospect: P5, date: 2026-01-05, status: "
		"unreachable, thanked: 2030-01-01}\n"
		"- {from: S, prospect: P6, date: 2026-01-06, status: new}\n"
		"- {from: S, prospect: P7, date: 2026-01-07, status: "
		"contacted, kind: lead}\n"
		"- {from: S, prospect: P8, date: 2026-01-08, status: meeting}\n"
		"- {from: S, prospect: P9, status: proposal}\n"
		"- {from: S, prospect: PX, to: Q, date: 2026-01-09, "
		"status: won, value: 7}\n"
		"- {from: T, prospect: P1, date: 2026-02-01}\n",
		"b/2026-01-01.md", "gave:: P1 -> Q\n", NULL};
	vault v;
	vault_build(&v, "Me", files);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	rg_report r = {0};
	rg_report_sources(&r, &v.g, &o);
	/* only sources of referrals to me: S and T; not Me, not Q */
	assert_int_equal(r.sources.n, 2);
	const rg_src_row *s = &r.sources.v[0];
	assert_string_equal(s->contact, "S");
	assert_int_equal(s->referrals, 9); /* undated too; not the one to Q */
	assert_int_equal(s->introductions, 7);
	assert_int_equal(s->leads, 2);
	assert_int_equal(s->open, 4);
	assert_int_equal(s->won, 2);
	assert_int_equal(s->lost, 3); /* lost, declined, unreachable */
	assert_true(s->has_conversion);
	assert_true(s->conversion == 2.0 / 5.0);
	assert_true(s->won_value == 1000.5); /* absent counts 0 */
	assert_true(s->downstream_value == 0);
	assert_true(s->thanked_share == 2.0 / 9.0);
	assert_int_equal(s->file, 0);
	const rg_src_row *t = &r.sources.v[1];
	assert_string_equal(t->contact, "T");
	assert_int_equal(t->referrals, 1);
	assert_int_equal(t->open, 1);
	assert_false(t->has_conversion); /* no won, no lost: null */
	assert_true(t->won_value == 0);
	assert_true(t->thanked_share == 0);
	rg_report_free(&r);
	vault_free(&v);
}

static void sources_downstream(void **state)
{
	(void)state;
	/* A -> B -> C, B -> D -> C (C reached twice), C -> E (won 5);
	 * lost and open referrals lead on but add nothing; a referral not to
	 * me leads nowhere; self-referral X -> X */
	static const char *const files[] = {
		"a.yaml",
		"- {from: A, prospect: B, date: 2026-01-01, status: won, "
		"value: 1}\n"
		"- {from: B, prospect: C, date: 2026-01-02, status: lost, "
		"value: 99}\n"
		"- {from: B, prospect: D, date: 2026-01-03, status: won, "
		"value: 10}\n"
		"- {from: D, prospect: C, date: 2026-01-04, status: won, "
		"value: 100}\n"
		"- {from: C, prospect: E, date: 2026-01-05, status: won, "
		"value: 5}\n"
		"- {from: E, prospect: F, date: 2026-01-06}\n"
		"- {from: F, prospect: G, date: 2026-01-07, status: won, "
		"value: 1000}\n"
		"- {from: E, prospect: H, to: Z, date: 2026-01-08}\n"
		"- {from: H, prospect: J, date: 2026-01-09, status: won, "
		"value: 10000}\n"
		"- {from: X, prospect: X, date: 2026-01-10, status: won, "
		"value: 3}\n"
		"- {from: X, prospect: A, date: 2026-01-11}\n"
		"- {from: U, prospect: V}\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	rg_report r = {0};
	rg_report_sources(&r, &v.g, &o);
	/* A reaches B, C, D, E, F, G: B 10 + D 100 + C 5 + F 1000 */
	assert_true(src(&r, "A")->downstream_value == 1115);
	assert_true(src(&r, "B")->downstream_value == 1105);
	assert_true(src(&r, "D")->downstream_value == 1005);
	assert_true(src(&r, "C")->downstream_value == 1000);
	assert_true(src(&r, "E")->downstream_value == 1000);
	assert_true(src(&r, "F")->downstream_value == 0);
	assert_true(src(&r, "H")->downstream_value == 0);
	/* X reaches itself (its own never counts) and A's whole tree */
	assert_true(src(&r, "X")->downstream_value == 1 + 1115);
	assert_true(src(&r, "X")->won_value == 3);
	assert_int_equal(src(&r, "U")->referrals, 1); /* undated counts */
	rg_report_free(&r);
	/* --since cuts the walk: without B -> D (01-03), A reaches B, C */
	o.since = day("2026-01-04");
	rg_report_sources(&r, &v.g, &o);
	assert_null(src(&r, "A"));
	assert_null(src(&r, "B"));
	assert_true(src(&r, "D")->downstream_value == 1005);
	assert_int_equal(src(&r, "D")->referrals, 1);
	assert_true(src(&r, "X")->downstream_value == 0);
	assert_null(src(&r, "U")); /* --since: undated is not on or after */
	rg_report_free(&r);
	vault_free(&v);
}

/* Ranked by won, referrals, won value (most first), name, place. */
static void sources_rank(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a.yaml",
		"- {from: a, prospect: P1, date: 2026-01-01}\n"
		"- {from: B, prospect: P2, date: 2026-01-01}\n"
		"- {from: C, prospect: P3, date: 2026-01-01, status: won, "
		"value: 5}\n"
		"- {from: D, prospect: P4, date: 2026-01-01, status: won, "
		"value: 6}\n"
		"- {from: E, prospect: P5, date: 2026-01-01}\n"
		"- {from: E, prospect: P6, date: 2026-01-01}\n"
		"- {from: t2, prospect: P7, date: 2026-01-01}\n"
		"- {from: t1, prospect: P8, date: 2026-01-01}\n",
		"p/x.md",
		"---\nid: t1\nname: Twin\n---\n",
		"p/y.md",
		"---\nid: t2\nname: Twin\n---\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	rg_report r = {0};
	rg_report_sources(&r, &v.g, &o);
	static const char *const order[] = {"D",    "C",    "E", "B",
					    "Twin", "Twin", "a"};
	assert_int_equal(r.sources.n, 7);
	for (size_t i = 0; i < 7; i++)
		assert_string_equal(r.sources.v[i].contact, order[i]);
	/* two sources of one name: by place, p/x.md before p/y.md */
	assert_string_equal(rg_graph_path(&v.g, r.sources.v[4].file), "p/x.md");
	assert_string_equal(rg_graph_path(&v.g, r.sources.v[5].file), "p/y.md");
	rg_report_free(&r);
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
	assert_true(r.has_uncredited);
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
	assert_string_equal(r.uncredited.v[0].file, "people/U.md");
	assert_int_equal(r.uncredited.v[0].line, 2);
	assert_string_equal(r.uncredited.v[1].source, "S");
	assert_string_equal(r.uncredited.v[1].file, "log.yaml");
	assert_int_equal(r.uncredited.v[1].line, 9);
	assert_string_equal(r.uncredited.v[2].source, "R");
	rg_report_free(&r);
	/* thank_days */
	o.thank_days = 0;
	rg_report_uncredited(&r, &v.g, &o);
	assert_int_equal(r.uncredited.n, 6); /* P2 too */
	rg_report_free(&r);
	vault_free(&v);
}

static void uncredited_more(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a.yaml",
		/* thank window: date + 7 before today (11-22) */
		"- {from: S, prospect: P1, date: 2026-11-14}\n"
		"- {from: S, prospect: P2, date: 2026-11-15}\n"
		/* thanked today: credited; thanked after today: not yet */
		"- {from: S, prospect: P3, date: 2026-10-01, thanked: "
		"2026-11-22}\n"
		"- {from: S, prospect: P4, date: 2026-10-01, thanked: "
		"2026-11-23}\n"
		/* undated, not to me, to the owner as prospect: never */
		"- {from: S, prospect: P5}\n"
		"- {from: S, prospect: P6, to: Q, date: 2026-01-01}\n"
		"- {from: S, prospect: Me, date: 2026-01-01}\n"
		/* rewards: won, source's reward not none, not rewarded */
		"- {from: R, prospect: P7, date: 2026-01-01, thanked: true, "
		"status: won}\n"
		"- {from: R, prospect: P8, date: 2026-01-01, thanked: true, "
		"status: lost}\n"
		"- {from: R, prospect: P9, date: 2026-01-01, thanked: true, "
		"status: won, rewarded: no}\n"
		"- {from: N, prospect: PA, date: 2026-01-01, thanked: true, "
		"status: won}\n"
		"- {from: R, prospect: PB, thanked: true, status: won}\n",
		"people/N.md", "---\nreward: none\n---\n", "people/R.md",
		"---\nreward: a bottle\n---\n",
		/* unattributed */
		"people/U1.md",
		"---\nrole: client\nreferred_by: S\nsince: 2026-05-05\n---\n",
		"people/U2.md", "---\nrole: former-client\n---\n",
		"people/U3.md", "---\nrole: [Client]\nsince: 2026-06-06\n---\n",
		"people/U4.md", "---\nrole: client\n---\n", "people/U5.md",
		"---\nrole: client\nsource: ~\n---\n", "people/Me.md",
		"---\nrole: client\n---\n", "z/2026-01-01.md",
		"gave:: U3 -> Q\nreferral:: S -> U4\n", NULL};
	vault v;
	vault_build(&v, "Me", files);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	rg_report r = {0};
	rg_report_uncredited(&r, &v.g, &o);
	bool seen[32] = {0};
	for (size_t i = 0; i < r.uncredited.n; i++) {
		const rg_un_row *x = &r.uncredited.v[i];
		const char *c = x->contact;
		if (x->reason == RG_UN_NOT_THANKED) {
			assert_string_equal(x->source, "S");
			if (strcmp(c, "P1") == 0)
				seen[1] = true;
			else if (strcmp(c, "P4") == 0)
				seen[4] = true;
			else if (strcmp(c, "U1") == 0 || strcmp(c, "U4") == 0)
				seen[c[1] - '0' + 10] = true;
			else
				fail_msg("not-thanked %s", c);
		} else if (x->reason == RG_UN_NOT_REWARDED) {
			assert_string_equal(x->source, "R");
			if (strcmp(c, "P7") == 0) {
				assert_int_equal(x->date, day("2026-01-01"));
				seen[7] = true;
			} else if (strcmp(c, "P9") == 0) {
				seen[9] = true;
			} else if (strcmp(c, "PB") == 0) {
				assert_int_equal(x->date, RG_NODATE);
				seen[20] = true;
			} else {
				fail_msg("not-rewarded %s", c);
			}
		} else {
			assert_null(x->source);
			if (strcmp(c, "U3") == 0) {
				assert_int_equal(x->date, day("2026-06-06"));
				seen[23] = true;
			} else if (strcmp(c, "U5") == 0) {
				assert_int_equal(x->date, RG_NODATE);
				seen[25] = true;
			} else {
				fail_msg("unattributed %s", c);
			}
		}
	}
	assert_true(seen[1] && seen[4] && seen[7] && seen[9] && seen[20]);
	assert_true(seen[11] && seen[14] && seen[23] && seen[25]);
	assert_int_equal(r.uncredited.n, 9);
	rg_report_free(&r);
	vault_free(&v);
}

/* Sorted by date (null last), contact, file, line, then reason in the
 * order not-thanked, not-rewarded, unattributed. */
static void uncredited_sort(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a.yaml",
		/* P: not-thanked and not-rewarded on the same day and place */
		"- {from: R, prospect: P, date: 2026-01-01, status: won}\n"
		"- {from: R, prospect: alice, date: 2026-01-01}\n"
		"- {from: R, prospect: Zed, date: 2026-01-01}\n"
		"- {from: R, prospect: Bob, date: 2026-01-01}\n"
		"- {from: S, prospect: Bob, date: 2026-01-01}\n"
		"- {from: R, prospect: Q, date: 2025-12-31}\n",
		"b.yaml", "- {from: T, prospect: Bob, date: 2026-01-01}\n",
		"p/R.md", "---\nreward: yes\n---\n", "p/Y.md",
		"---\nrole: client\n---\n", "p/X.md",
		"---\nrole: client\n---\n", NULL};
	vault v;
	vault_build(&v, "Me", files);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	rg_report r = {0};
	rg_report_uncredited(&r, &v.g, &o);
	const struct {
		const char *who, *file;
		int line;
		rg_un_reason why;
	} want[] = {
		{"Q", "a.yaml", 6, RG_UN_NOT_THANKED},
		{"Bob", "a.yaml", 4, RG_UN_NOT_THANKED},
		{"Bob", "a.yaml", 5, RG_UN_NOT_THANKED},
		{"Bob", "b.yaml", 1, RG_UN_NOT_THANKED},
		{"P", "a.yaml", 1, RG_UN_NOT_THANKED},
		{"P", "a.yaml", 1, RG_UN_NOT_REWARDED},
		{"Zed", "a.yaml", 3, RG_UN_NOT_THANKED},
		{"alice", "a.yaml", 2, RG_UN_NOT_THANKED},
		{"X", "p/X.md", 2, RG_UN_UNATTRIBUTED},
		{"Y", "p/Y.md", 2, RG_UN_UNATTRIBUTED},
	};
	assert_int_equal(r.uncredited.n, sizeof want / sizeof *want);
	for (size_t i = 0; i < r.uncredited.n; i++) {
		const rg_un_row *x = &r.uncredited.v[i];
		assert_string_equal(x->contact, want[i].who);
		assert_string_equal(x->file, want[i].file);
		assert_int_equal(x->line, want[i].line);
		assert_int_equal(x->reason, want[i].why);
	}
	assert_int_equal(r.uncredited.v[5].date, day("2026-01-01"));
	rg_report_free(&r);
	vault_free(&v);
}

static void names_of_reasons(void **state)
{
	(void)state;
	assert_string_equal(rg_fu_reason_name(RG_FU_PROSPECT), "prospect");
	assert_string_equal(rg_fu_reason_name(RG_FU_INFORM), "inform");
	assert_string_equal(rg_fu_reason_name(RG_FU_CLIENT), "client");
	assert_string_equal(rg_fu_reason_name(RG_FU_TASK), "task");
	assert_string_equal(rg_un_reason_name(RG_UN_NOT_THANKED),
			    "not-thanked");
	assert_string_equal(rg_un_reason_name(RG_UN_NOT_REWARDED),
			    "not-rewarded");
	assert_string_equal(rg_un_reason_name(RG_UN_UNATTRIBUTED),
			    "unattributed");
}

/* ---- v3: what each follow-up is about ---- */

static void followups_about(void **state)
{
	(void)state;
	static const char *const files[] = {
		"meet.md",
		"---\ndate: 2026-10-04\nwith: Ravi Menon\n---\n",
		"people/Dana Whitfield.md",
		"---\nrole: partner\n---\n",
		"people/Marco Ruiz.md",
		"---\nrole: client\nlast_contact: 2026-10-15\n---\n",
		"people/Ola.md",
		"---\nrole: client\nsince: 2026-01-01\n---\n",
		"refs.yaml",
		"from: Dana Whitfield\nprospect: Ravi Menon\ndate: 2026-09-14\n"
		"status: contacted\n---\n"
		"from: Dana Whitfield\nprospect: me\ndate: 2026-09-01\n",
		"t.md",
		"- [ ] call [[Ravi Menon]] due:2026-11-01\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	/* the task's text comes from the graph; set here so that this test
	 * checks only that the row carries it */
	assert_int_equal(v.g.tasks.n, 1);
	v.g.tasks.v[0].text = "call Ravi Menon";
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	rg_report r = {0};
	rg_report_followups(&r, &v.g, &o);
	/* prospect: last touch 10-04 + 7 = 10-11 */
	const rg_fu_row *x = fu(&r, RG_FU_PROSPECT, "Ravi Menon");
	assert_non_null(x);
	assert_int_equal(x->due, day("2026-10-11"));
	assert_string_equal(x->source, "Dana Whitfield");
	assert_string_equal(x->prospect, "Ravi Menon");
	assert_int_equal(x->status, RG_ST_CONTACTED);
	assert_int_equal(x->last_touch, day("2026-10-04"));
	assert_int_equal(x->date, day("2026-09-14"));
	assert_null(x->task);
	/* inform rows: Ravi's (09-14 + 14) and the owner's (09-01 + 14); an
	 * inform row has no last touch; the owner as prospect is named by
	 * its contact */
	size_t informs = 0;
	for (size_t i = 0; i < r.followups.n; i++) {
		const rg_fu_row *y = &r.followups.v[i];
		if (y->reason != RG_FU_INFORM)
			continue;
		informs++;
		assert_string_equal(y->source, "Dana Whitfield");
		assert_int_equal(y->last_touch, RG_NODATE);
		assert_null(y->task);
		if (y->due == day("2026-09-28")) {
			assert_string_equal(y->prospect, "Ravi Menon");
			assert_int_equal(y->status, RG_ST_CONTACTED);
		} else {
			assert_int_equal(y->due, day("2026-09-15"));
			assert_string_equal(y->prospect,
					    v.g.contacts.v[v.g.owner].name);
			assert_int_equal(y->status, RG_ST_NEW);
		}
	}
	assert_int_equal(informs, 2);
	/* client rows: the last touch, or null; nothing else */
	x = fu(&r, RG_FU_CLIENT, "Marco Ruiz");
	assert_non_null(x);
	assert_int_equal(x->last_touch, day("2026-10-15"));
	assert_null(x->source);
	assert_null(x->prospect);
	assert_int_equal(x->status, RG_ST_NONE);
	assert_null(x->task);
	x = fu(&r, RG_FU_CLIENT, "Ola");
	assert_non_null(x);
	assert_int_equal(x->last_touch, RG_NODATE);
	/* task: its text, nothing else */
	x = fu(&r, RG_FU_TASK, "Ravi Menon");
	assert_non_null(x);
	assert_string_equal(x->task, "call Ravi Menon");
	assert_null(x->source);
	assert_null(x->prospect);
	assert_int_equal(x->status, RG_ST_NONE);
	assert_int_equal(x->last_touch, RG_NODATE);
	rg_report_free(&r);
	vault_free(&v);
}

/* ---- v3: reciprocity ---- */

static const char *const partners[] = {
	"log.md",
	"---\ndate: 2026-10-01\n---\n"
	"referral:: Ann -> P1\nreferral:: Ann -> P2\nreferral:: Ann -> P3\n"
	"gave:: Q1 -> Bob\n",
	"log2.md",
	"---\ndate: 2026-11-05\n---\n"
	"gave:: Q2 -> Ann\noutcome:: P1 won\n"
	"referral:: Cy -> P4\ngave:: Q3 -> Cy\n"
	"referral:: Dee -> P7\ngave:: Q6 -> Dee\n"
	"referral:: Eve -> P5\nreferral:: Eve -> P6\n"
	"gave:: Q4 -> Eve\ngave:: Q5 -> Eve\n",
	"people/Ann.md",
	"---\nrole: partner\n---\n",
	NULL};

static void reciprocity(void **state)
{
	(void)state;
	vault v;
	vault_build(&v, "Me", partners);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	rg_report r = {0};
	rg_report_reciprocity(&r, &v.g, &o);
	assert_true(r.has_reciprocity);
	assert_false(r.has_followups || r.has_summary);
	/* balance least first; on 0, received most first (Eve), then name */
	static const char *const order[] = {"Ann", "Eve", "Cy", "Dee", "Bob"};
	assert_int_equal(r.reciprocity.n, 5);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(r.reciprocity.v[i].contact, order[i]);
	const rg_rec_row *x = &r.reciprocity.v[0];
	assert_int_equal(x->received, 3);
	assert_int_equal(x->received_won, 1);
	assert_int_equal(x->given, 1);
	assert_int_equal(x->given_won, 0);
	assert_int_equal(x->balance, -2);
	assert_int_equal(x->last_received, day("2026-10-01"));
	assert_int_equal(x->last_given, day("2026-11-05"));
	assert_string_equal(x->file, "people/Ann.md");
	assert_int_equal(x->line, 2);
	x = &r.reciprocity.v[1];
	assert_int_equal(x->received, 2);
	assert_int_equal(x->given, 2);
	assert_int_equal(x->balance, 0);
	/* Bob only got one: no received date; an implicit contact's place
	 * is its first mention's */
	x = &r.reciprocity.v[4];
	assert_int_equal(x->received, 0);
	assert_int_equal(x->given, 1);
	assert_int_equal(x->balance, 1);
	assert_int_equal(x->last_received, RG_NODATE);
	assert_int_equal(x->last_given, day("2026-10-01"));
	assert_string_equal(x->file, "log.md");
	assert_int_equal(x->line, 7);
	rg_report_free(&r);
	/* --since 11-01: Ann keeps only what she got; Bob has nothing */
	o.since = day("2026-11-01");
	memset(&r, 0, sizeof r);
	rg_report_reciprocity(&r, &v.g, &o);
	static const char *const since[] = {"Eve", "Cy", "Dee", "Ann"};
	assert_int_equal(r.reciprocity.n, 4);
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(r.reciprocity.v[i].contact, since[i]);
	x = &r.reciprocity.v[3];
	assert_int_equal(x->received, 0);
	assert_int_equal(x->received_won, 0);
	assert_int_equal(x->given, 1);
	assert_int_equal(x->balance, 1);
	assert_int_equal(x->last_received, RG_NODATE);
	rg_report_free(&r);
	vault_free(&v);
}

/* ---- v3: asks ---- */

static int cmp_event(const void *pa, const void *pb)
{
	const rg_event *a = pa, *b = pb;
	if (a->contact != b->contact)
		return a->contact < b->contact ? -1 : 1;
	return (a->date > b->date) - (a->date < b->date);
}

/* Push an event by hand, the graph's list kept sorted. */
static void event(vault *v, bool ask, const char *who, const char *date)
{
	int c = contact(&v->g, who);
	assert_true(c >= 0);
	rg_event *e =
		ask ? RG_VEC_PUSH(v->g.asks) : RG_VEC_PUSH(v->g.testimonials);
	e->contact = c;
	e->date = day(date);
	if (ask)
		qsort(v->g.asks.v, v->g.asks.n, sizeof(rg_event), cmp_event);
	else
		qsort(v->g.testimonials.v, v->g.testimonials.n,
		      sizeof(rg_event), cmp_event);
}

static const rg_ask_row *ask_row(const rg_report *r, const char *who)
{
	for (size_t i = 0; i < r->asks.n; i++)
		if (strcmp(r->asks.v[i].contact, who) == 0)
			return &r->asks.v[i];
	return NULL;
}

static void asks(void **state)
{
	(void)state;
	static const char *const files[] = {
		"people/A.md",
		"---\nrole: client\nlast_contact: 2026-11-01\n---\n",
		"people/B.md",
		"---\nrole: client\nlast_contact: 2026-10-01\n---\n",
		"people/C.md",
		"---\nrole: client\n---\n",
		"people/D.md",
		"---\nrole: client\nlast_contact: 2026-10-01\n---\n",
		"people/E.md",
		"---\nrole: client\n---\n",
		"people/F.md",
		"---\nrole: former-client\n---\n",
		"people/H.md",
		"---\nrole: client\nlast_contact: 2026-09-15\n---\n",
		"people/I.md",
		"---\nrole: client\n---\n",
		"people/J.md",
		"---\nrole: client\n---\n",
		"people/Me.md",
		"---\nrole: client\n---\n",
		"refs.md",
		"referral:: C -> X\nreferral:: D -> Y\n",
		"refs2.yaml",
		"from: C\nprospect: X\ndate: 2026-09-01\n---\n"
		"from: D\nprospect: Y\ndate: 2026-01-10\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	event(&v, true, "A", "2026-09-01"); /* in the span: no row */
	event(&v, true, "B", "2026-05-01"); /* before it */
	event(&v, true, "H", "2026-08-23"); /* the day before it */
	event(&v, true, "J", "2026-08-24"); /* its first day: no row */
	event(&v, true, "I", "2026-12-01"); /* after today: not an ask yet */
	event(&v, false, "B", "2026-04-01");
	event(&v, false, "B", "2026-12-01"); /* after today: not counted */
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	o.ask_days = 90;	     /* from 2026-08-24 */
	o.since = day("2026-11-01"); /* does not apply */
	rg_report r = {0};
	rg_report_asks(&r, &v.g, &o);
	assert_true(r.has_asks);
	/* the warmest first, ties by name, never touched last */
	static const char *const order[] = {"B", "D", "H", "E", "I"};
	assert_int_equal(r.asks.n, 5);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(r.asks.v[i].contact, order[i]);
	const rg_ask_row *x = ask_row(&r, "B");
	assert_int_equal(x->last_asked, day("2026-05-01"));
	assert_int_equal(x->last_testimonial, day("2026-04-01"));
	assert_int_equal(x->referrals, 0);
	assert_int_equal(x->last_referral, RG_NODATE);
	assert_int_equal(x->last_touch, day("2026-10-01"));
	assert_string_equal(x->file, "people/B.md");
	assert_int_equal(x->line, 2);
	/* D referred long ago: counted, dated, no --since */
	x = ask_row(&r, "D");
	assert_int_equal(x->referrals, 1);
	assert_int_equal(x->last_referral, day("2026-01-10"));
	assert_int_equal(x->last_asked, RG_NODATE);
	assert_int_equal(x->last_testimonial, RG_NODATE);
	x = ask_row(&r, "I");
	assert_int_equal(x->last_asked, RG_NODATE);
	assert_int_equal(x->last_touch, RG_NODATE);
	rg_report_free(&r);
	/* ask_days 0: only today counts; A, C and J are back */
	o.ask_days = 0;
	memset(&r, 0, sizeof r);
	rg_report_asks(&r, &v.g, &o);
	assert_int_equal(r.asks.n, 8);
	assert_string_equal(r.asks.v[0].contact, "A");
	rg_report_free(&r);
	vault_free(&v);
}

/* ---- v3: summary ---- */

static const char *const closes[] = {
	"people/K1.md",
	"---\nrole: client\n---\n",
	"people/K2.md",
	"---\nrole: client\n---\n",
	"people/K3.md",
	"---\nrole: former-client\n---\n",
	"people/K4.md",
	"---\nrole: partner\n---\n",
	"people/Me.md",
	"---\nrole: client\n---\n",
	"refs.yaml",
	"from: K1\nprospect: P1\ndate: 2026-01-01\nstatus: won\n"
	"closed: 2026-01-11\nvalue: 100\n---\n"
	"from: K1\nprospect: P2\ndate: 2026-02-01\nstatus: won\n"
	"closed: 2026-03-03\nvalue: 200\n---\n"
	"from: K4\nprospect: P3\ndate: 2026-03-01\nstatus: lost\n---\n"
	"from: K3\nprospect: P4\ndate: 2026-10-01\n---\n"
	"from: K4\nprospect: P6\ndate: 2026-04-01\nstatus: won\n"
	"closed: 2026-04-21\n",
	NULL};

static void summary(void **state)
{
	(void)state;
	vault v;
	vault_build(&v, "Me", closes);
	event(&v, false, "K2", "2026-05-01");
	event(&v, false, "K3", "2026-12-01"); /* after today */
	event(&v, false, "K4", "2026-05-01"); /* not a client */
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	rg_report r = {0};
	rg_report_summary(&r, &v.g, &o);
	assert_true(r.has_summary);
	const rg_summary *s = &r.summary;
	assert_int_equal(s->clients, 3);	   /* K1 K2 K3, not the owner */
	assert_int_equal(s->referring_clients, 2); /* K1 K3 */
	assert_int_equal(s->testimonials, 1);	   /* K2 */
	assert_true(s->has_referral_number);
	assert_float_equal(s->referral_number, 2.0 / 3, 1e-9);
	assert_int_equal(s->referrals, 5);
	assert_int_equal(s->open, 1);
	assert_int_equal(s->won, 3);
	assert_int_equal(s->lost, 1);
	assert_true(s->has_conversion);
	assert_float_equal(s->conversion, 0.75, 1e-9);
	assert_float_equal(s->won_value, 300, 1e-9);
	assert_true(s->has_median); /* 10, 20, 30 days */
	assert_float_equal(s->median_days_to_close, 20, 1e-9);
	rg_report_free(&r);
	/* --since 02-01: P1 is out; 30 and 20 days: the mean of the two */
	o.since = day("2026-02-01");
	memset(&r, 0, sizeof r);
	rg_report_summary(&r, &v.g, &o);
	assert_int_equal(s->referrals, 4);
	assert_int_equal(s->referring_clients, 2);
	assert_int_equal(s->won, 2);
	assert_float_equal(s->won_value, 200, 1e-9);
	assert_float_equal(s->conversion, 2.0 / 3, 1e-9);
	assert_float_equal(s->median_days_to_close, 25, 1e-9);
	rg_report_free(&r);
	/* nothing since 12-01: nulls, but a referral number of 0 */
	o.since = day("2026-12-01");
	memset(&r, 0, sizeof r);
	rg_report_summary(&r, &v.g, &o);
	assert_int_equal(s->referrals, 0);
	assert_int_equal(s->referring_clients, 0);
	assert_true(s->has_referral_number);
	assert_float_equal(s->referral_number, 0, 1e-9);
	assert_false(s->has_conversion);
	assert_false(s->has_median);
	rg_report_free(&r);
	vault_free(&v);
	/* no clients: no referral number */
	static const char *const none[] = {"a.md", "referral:: S -> P\n", NULL};
	vault_build(&v, "Me", none);
	memset(&r, 0, sizeof r);
	o.since = RG_NODATE;
	rg_report_summary(&r, &v.g, &o);
	assert_int_equal(s->clients, 0);
	assert_false(s->has_referral_number);
	assert_int_equal(s->referrals, 1);
	rg_report_free(&r);
	vault_free(&v);
}

/* The events helper: the latest on or before a day, per contact. */
static void last_event(void **state)
{
	(void)state;
	const rg_event ev[] = {{0, 10}, {0, 20}, {2, 5}, {2, 30}, {3, 1}};
	assert_int_equal(rg_report_last_event(ev, 5, 0, 15), 10);
	assert_int_equal(rg_report_last_event(ev, 5, 0, 20), 20);
	assert_int_equal(rg_report_last_event(ev, 5, 0, 9), RG_NODATE);
	assert_int_equal(rg_report_last_event(ev, 5, 1, 99), RG_NODATE);
	assert_int_equal(rg_report_last_event(ev, 5, 2, 29), 5);
	assert_int_equal(rg_report_last_event(ev, 5, 3, 1), 1);
	assert_int_equal(rg_report_last_event(ev, 5, 4, 99), RG_NODATE);
	assert_int_equal(rg_report_last_event(ev, 0, 0, 99), RG_NODATE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(followups),
		cmocka_unit_test(followups_prospect),
		cmocka_unit_test(followups_inform),
		cmocka_unit_test(followups_client),
		cmocka_unit_test(followups_window),
		cmocka_unit_test(followups_sort),
		cmocka_unit_test(sources),
		cmocka_unit_test(sources_columns),
		cmocka_unit_test(sources_downstream),
		cmocka_unit_test(sources_rank),
		cmocka_unit_test(uncredited),
		cmocka_unit_test(uncredited_more),
		cmocka_unit_test(uncredited_sort),
		cmocka_unit_test(names_of_reasons),
		cmocka_unit_test(followups_about),
		cmocka_unit_test(reciprocity),
		cmocka_unit_test(asks),
		cmocka_unit_test(summary),
		cmocka_unit_test(last_event),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
