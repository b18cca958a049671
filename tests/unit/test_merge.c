/*
 * test_merge: the merge of mentions into one referral (notes format,
 * "Mentions and referrals"): its date and place, each field decided by
 * word date, thanked earliest and informed latest (a thanked date informs
 * too), implied kind, status and closed; thanked::, informed::,
 * rewarded:: and outcome:: with its value to the earliest referral only,
 * each kept once (the outcome:: bomb); undated referrals to me.
 */
#include "graphlib.h"

static void merge(void **state)
{
	(void)state;
	static const char *const files[] = {
		"log.yaml",
		"from: A\nprospect: B\ndate: 2026-03-01\nstatus: lost\n"
		"closed: 2026-06-01\nthanked: 2026-03-20\ninformed: "
		"2026-04-01\n---\n"
		"from: A\nprospect: B\ndate: 2026-05-01\nstatus: won\nvalue: "
		"100\n"
		"thanked: 2026-03-10\ninformed: 2026-05-05\nkind: lead\n",
		"m/2026-02-15.md",
		"referral:: [[A]] -> [[B]]\n",
		"people/B.md",
		"---\nreferred_by: A\nsince: 2026-02-20\nrole: client\n---\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	const rg_graph *g = &v.g;
	assert_int_equal(g->referrals.n, 1);
	const rg_referral *r = &g->referrals.v[0];
	/* the earliest date, and that mention's place */
	assert_int_equal(r->date, day("2026-02-15"));
	assert_string_equal(rg_graph_path(g, r->file), "m/2026-02-15.md");
	assert_int_equal(r->line, 1);
	/* status: the latest word date (closed 06-01 beats date 05-01) */
	assert_int_equal(r->status, RG_ST_LOST);
	assert_int_equal(r->closed, day("2026-06-01"));
	/* value and kind: only the second writes them */
	assert_true(r->value == 100);
	assert_true(r->has_value);
	assert_int_equal(r->kind, RG_KIND_LEAD);
	assert_int_equal(r->thanked, day("2026-03-10"));
	assert_int_equal(r->informed, day("2026-05-05"));
	assert_true(r->to_me);
	assert_int_equal(g->stats.mentions, 4);
	assert_int_equal(g->stats.referrals, 1);
	vault_free(&v);
}

/* Source, prospect and receiver make a referral: nothing else. */
static void merge_keys(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a.yaml",
		"- {from: A, prospect: B, date: 2026-01-05}\n"
		"- {from: A, prospect: B, to: C, date: 2026-01-04}\n"
		"- {from: B, prospect: A, date: 2026-01-03}\n",
		"b/2026-01-01.md",
		"gave:: B -> C\nreferral:: Me -> B\n",
		"c/2026-01-02.md",
		"[referral:: A -> B] (referral:: [[a]] -> [[b]])\n",
		"d/2026-01-02.md",
		"referral:: A -> B\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	const rg_graph *g = &v.g;
	int a = contact(g, "A"), b = contact(g, "B"), c = contact(g, "C");
	/* A->B to me (4 mentions; of the two earliest, on one day, the
	 * first in path order gives the place), A->B to C, B->A to me,
	 * me->B to C,
	 * me->B to me */
	assert_int_equal(g->referrals.n, 5);
	size_t seen = 0;
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *r = &g->referrals.v[i];
		if (r->src == a && r->pro == b && r->rcv == g->owner) {
			assert_int_equal(r->date, day("2026-01-02"));
			assert_string_equal(rg_graph_path(g, r->file),
					    "c/2026-01-02.md");
			seen |= 1;
		} else if (r->src == a && r->pro == b && r->rcv == c) {
			assert_false(r->to_me);
			seen |= 2;
		} else if (r->src == b && r->pro == a) {
			assert_true(r->to_me);
			seen |= 4;
		} else if (r->src == g->owner && r->rcv == c) {
			assert_false(r->to_me);
			seen |= 8;
		} else if (r->src == g->owner && r->rcv == g->owner) {
			assert_false(r->to_me); /* from the owner */
			seen |= 16;
		}
	}
	assert_int_equal(seen, 31);
	/* sorted by place: path, then line */
	for (size_t i = 1; i < g->referrals.n; i++) {
		const rg_referral *p = &g->referrals.v[i - 1],
				  *q = &g->referrals.v[i];
		assert_true(p->file < q->file ||
			    (p->file == q->file && p->line <= q->line));
	}
	vault_free(&v);
}

/* Each field: the writer with the latest word date; ties: the later
 * place, with a warning when the values differ. */
static void decide_fields(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a.yaml",
		/* undated mentions come first */
		"from: A\nprospect: B\nstatus: won\nvalue: 9\n---\n"
		"from: A\nprospect: B\ndate: 2026-01-01\nstatus: lost\n---\n"
		/* same word date: the later place */
		"from: A\nprospect: C\ndate: 2026-01-01\nstatus: won\n"
		"value: 5\n---\n"
		"from: A\nprospect: C\ndate: 2026-01-01\nstatus: won\n"
		"value: 7\n---\n"
		/* word date = closed when written */
		"from: A\nprospect: D\ndate: 2026-01-01\nstatus: won\n"
		"closed: 2026-09-01\n---\n"
		"from: A\nprospect: D\ndate: 2026-05-01\nstatus: lost\n---\n"
		/* no closed written: the date of the status's mention */
		"from: A\nprospect: E\ndate: 2026-01-01\nstatus: "
		"proposal\n---\n"
		"from: A\nprospect: E\ndate: 2026-02-01\nstatus: declined\n"
		"---\n"
		/* rewarded: the latest wins, also when false */
		"from: A\nprospect: F\ndate: 2026-01-01\nrewarded: yes\n---\n"
		"from: A\nprospect: F\ndate: 2026-02-01\nrewarded: no\n",
		"b.yaml", "from: A\nprospect: C\ndate: 2026-01-01\nvalue: 8\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	const rg_graph *g = &v.g;
	const rg_referral *b = find_ref(g, "A", "B");
	assert_int_equal(b->status, RG_ST_LOST);
	assert_int_equal(b->closed, day("2026-01-01"));
	assert_true(b->has_value && b->value == 9); /* only one writes it */
	assert_int_equal(b->date, day("2026-01-01"));
	const rg_referral *c = find_ref(g, "A", "C");
	assert_int_equal(c->status, RG_ST_WON);
	assert_true(c->value == 8); /* b.yaml is later in path order */
	assert_true(has_diag(&v.d, 1, RG_WARNING, "value of the referral"));
	assert_int_equal(count_diags(&v.d, RG_WARNING, "status of the"), 0);
	const rg_referral *d = find_ref(g, "A", "D");
	assert_int_equal(d->status, RG_ST_WON);
	assert_int_equal(d->closed, day("2026-09-01"));
	const rg_referral *e = find_ref(g, "A", "E");
	assert_int_equal(e->status, RG_ST_DECLINED);
	assert_int_equal(e->closed, day("2026-02-01"));
	assert_int_equal(e->date, day("2026-01-01"));
	const rg_referral *f = find_ref(g, "A", "F");
	assert_false(f->rewarded);
	/* the default kind */
	assert_int_equal(b->kind, RG_KIND_INTRO);
	/* an open status written: no closed */
	static const char *const files2[] = {
		"a.yaml",
		"from: A\nprospect: B\ndate: 2026-01-01\nstatus: meeting\n",
		NULL};
	vault_free(&v);
	vault_build(&v, "Me", files2);
	b = find_ref(&v.g, "A", "B");
	assert_int_equal(b->status, RG_ST_MEETING);
	assert_int_equal(b->closed, RG_NODATE);
	vault_free(&v);
}

static void thanked_informed(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a.yaml",
		"from: S\nprospect: P\ndate: 2026-03-01\nthanked: 2026-03-10\n"
		"informed: 2026-03-10\n---\n"
		"from: S\nprospect: P\ndate: 2026-03-02\nthanked: 2026-03-20\n"
		"informed: 2026-03-20\n---\n"
		"from: S\nprospect: Q\ndate: 2026-04-05\n---\n"
		"from: T\nprospect: R\ndate: 2026-03-01\nthanked: true\n---\n"
		"from: S\nprospect: U\n",
		"n/2026-03-05.md",
		"thanked:: S\ninformed:: [[S]]\n",
		"n/2026-04-05.md",
		"informed:: S\n",
		"n/2026-04-04.md",
		"thanked:: S\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	const rg_graph *g = &v.g;
	const rg_referral *p = find_ref(g, "S", "P");
	/* thanked: the earliest of 03-10, 03-20, 03-05 (thanked::) */
	assert_int_equal(p->thanked, day("2026-03-05"));
	/* informed: the latest of 03-10, 03-20, 03-05, 04-05 */
	assert_int_equal(p->informed, day("2026-04-05"));
	/* Q is dated after the 04-04 thanks: only informed on its day */
	const rg_referral *q = find_ref(g, "S", "Q");
	assert_int_equal(q->thanked, RG_NODATE);
	assert_int_equal(q->informed, day("2026-04-05"));
	/* an undated referral is dated on or before no day */
	const rg_referral *u = find_ref(g, "S", "U");
	assert_int_equal(u->thanked, RG_NODATE);
	assert_int_equal(u->informed, RG_NODATE);
	/* thanked: true is the mention's date; other sources untouched;
	 * v3: thanking informs, so informed is that day too */
	const rg_referral *r = find_ref(g, "T", "R");
	assert_int_equal(r->thanked, day("2026-03-01"));
	assert_int_equal(r->informed, day("2026-03-01"));
	vault_free(&v);
}

static void defaults_and_outcome(void **state)
{
	(void)state;
	static const char *const files[] = {
		"people/C1.md",
		"---\nrole: client\nreferred_by: S\nsince: 2026-01-10\n---\n",
		"people/C2.md",
		"---\nrole: former-client\nintroduced_by: S\n"
		"last_contact: 2026-01-20\n---\n",
		"people/P1.md",
		"---\nrole: prospect\nmet_through: S\nsince: 2026-01-30\n---\n",
		"z/2026-03-01.md",
		"referral:: S -> X\n",
		"z/2026-04-01.md",
		"referral:: S -> X2\noutcome:: X won 500\n"
		"thanked:: S\n",
		"z/inbox.md",
		"referral:: T -> X\n",
		"z/2026-05-01.md",
		"informed:: S\noutcome:: Nobody lost\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	const rg_graph *g = &v.g;
	const rg_referral *c1 = find_ref(g, "S", "C1");
	assert_int_equal(c1->status, RG_ST_WON);
	assert_int_equal(c1->closed, day("2026-01-10"));
	assert_int_equal(c1->kind, RG_KIND_INTRO);
	const rg_referral *c2 = find_ref(g, "S", "C2");
	assert_int_equal(c2->status, RG_ST_WON);
	assert_int_equal(c2->date, day("2026-01-20")); /* dated by a touch */
	assert_int_equal(find_ref(g, "S", "P1")->status, RG_ST_NEW);
	/* outcome: both referrals of X (one undated), value to the undated */
	const rg_referral *sx = find_ref(g, "S", "X");
	const rg_referral *tx = find_ref(g, "T", "X");
	assert_int_equal(sx->status, RG_ST_WON);
	assert_int_equal(sx->closed, day("2026-04-01"));
	assert_false(sx->has_value);
	assert_int_equal(tx->status, RG_ST_WON);
	assert_true(tx->has_value && tx->value == 500);
	/* thanked:: credits S's referrals dated on or before the note */
	assert_int_equal(sx->thanked, day("2026-04-01"));
	assert_int_equal(find_ref(g, "S", "X2")->thanked, day("2026-04-01"));
	assert_int_equal(c1->thanked, day("2026-04-01"));
	assert_int_equal(tx->thanked, RG_NODATE);
	assert_int_equal(sx->informed, day("2026-05-01"));
	assert_true(has_diag(&v.d, 2, RG_WARNING, "applies to no referral"));
	vault_free(&v);
}

/* Implied won needs a referred_by-style mention and a client prospect;
 * a written status always wins. */
static void implied_status(void **state)
{
	(void)state;
	static const char *const files[] = {
		"people/A.md",
		"---\nrole: [lead, client]\nreferred_by: S\n---\n",
		"people/B.md",
		"---\nrole: client\nsince: 2026-02-02\n---\n",
		"people/C.md",
		"---\nrole: client\nreferred_by: S\nsince: 2026-03-03\n---\n",
		"people/D.md",
		"---\nrole: partner\nreferred_by: S\nsince: 2026-04-04\n---\n",
		"x.yaml",
		"- {from: S, prospect: B, date: 2026-01-01}\n"
		"- {from: S, prospect: C, date: 2026-03-10, status: lost}\n"
		"- {type: call, date: 2026-01-15, with: A}\n"
		"- {type: call, date: 2026-01-05, with: A}\n",
		"z/2026-01-01.md",
		"referral:: S -> A\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	const rg_graph *g = &v.g;
	/* A: no since, so dated by its earliest touch (01-05), not by the
	 * referral's own date; then the referral is dated 01-01 by the
	 * referral:: mention; implied won, closed on the referred_by date */
	const rg_referral *a = find_ref(g, "S", "A");
	assert_int_equal(g->contacts.v[contact(g, "A")].first_touch,
			 day("2026-01-05"));
	assert_int_equal(a->date, day("2026-01-01"));
	assert_int_equal(a->status, RG_ST_WON);
	assert_int_equal(a->closed, day("2026-01-05"));
	/* B: a client, but no referred_by mention: new */
	assert_int_equal(find_ref(g, "S", "B")->status, RG_ST_NEW);
	/* C: a written status wins over the implied one */
	const rg_referral *c = find_ref(g, "S", "C");
	assert_int_equal(c->status, RG_ST_LOST);
	assert_int_equal(c->closed, day("2026-03-10"));
	assert_int_equal(c->date, day("2026-03-03"));
	/* D: not a client: new */
	assert_int_equal(find_ref(g, "S", "D")->status, RG_ST_NEW);
	assert_int_equal(find_ref(g, "S", "D")->closed, RG_NODATE);
	vault_free(&v);
	/* a referred_by mention without since or touch: undated, warned */
	static const char *const files2[] = {
		"people/E.md", "---\nrole: client\nreferred_by: S\n---\n",
		NULL};
	vault_build(&v, "Me", files2);
	const rg_referral *e = find_ref(&v.g, "S", "E");
	assert_int_equal(e->date, RG_NODATE);
	assert_int_equal(e->status, RG_ST_WON);
	assert_int_equal(e->closed, RG_NODATE);
	assert_true(has_diag(&v.d, 3, RG_WARNING, "no date"));
	vault_free(&v);
}

static void outcome_rules(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a.yaml",
		"- {from: S1, prospect: P, date: 2026-02-01}\n"
		"- {from: S2, prospect: P, date: 2026-01-01}\n"
		"- {from: S3, prospect: P, date: 2026-06-01}\n"
		"- {from: S4, prospect: P, to: Q, date: 2026-01-01}\n"
		"- {from: S5, prospect: R, date: 2026-01-01}\n"
		"- {from: S6, prospect: R, date: 2026-01-01}\n"
		"- {from: S7, prospect: T, date: 2026-01-01, status: lost, "
		"closed: 2026-08-01}\n",
		"n/2026-05-01.md",
		"outcome:: P won 1,000\noutcome:: R lost 7\n"
		"outcome:: T won 3\ngave:: U -> V\noutcome:: U won\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	const rg_graph *g = &v.g;
	/* P: S2 (01-01) and S1 (02-01) are on or before 05-01; S3 is later;
	 * S4's receiver is not me.  The value goes to the earliest, S2 */
	const rg_referral *s1 = find_ref(g, "S1", "P");
	const rg_referral *s2 = find_ref(g, "S2", "P");
	const rg_referral *s3 = find_ref(g, "S3", "P");
	const rg_referral *s4 = find_ref(g, "S4", "P");
	assert_int_equal(s1->status, RG_ST_WON);
	assert_int_equal(s1->closed, day("2026-05-01"));
	assert_false(s1->has_value);
	assert_int_equal(s2->status, RG_ST_WON);
	assert_true(s2->has_value && s2->value == 1000);
	assert_int_equal(s3->status, RG_ST_NEW);
	assert_int_equal(s3->closed, RG_NODATE);
	assert_int_equal(s4->status, RG_ST_NEW);
	/* R: two on the same day, same file: the earlier line gets it */
	const rg_referral *s5 = find_ref(g, "S5", "R");
	const rg_referral *s6 = find_ref(g, "S6", "R");
	assert_int_equal(s5->status, RG_ST_LOST);
	assert_int_equal(s6->status, RG_ST_LOST);
	assert_true(s5->has_value && s5->value == 7);
	assert_false(s6->has_value);
	/* T: the written status has the later word date (closed 08-01) */
	const rg_referral *s7 = find_ref(g, "S7", "T");
	assert_int_equal(s7->status, RG_ST_LOST);
	assert_int_equal(s7->closed, day("2026-08-01"));
	assert_true(s7->has_value && s7->value == 3); /* value: only one */
	/* U: only a referral from me: the outcome applies to none */
	assert_true(has_diag(&v.d, 5, RG_WARNING, "applies to no referral"));
	assert_int_equal(find_ref(g, "Me", "U")->status, RG_ST_NEW);
	/* outcome:: gives no date */
	assert_int_equal(s2->date, day("2026-01-01"));
	vault_free(&v);
}

/* rewarded:: A on D: rewarded on every referral from A to me dated on or
 * before D, decided like the other fields by word date. */
static void rewarded_field(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a.yaml",
		"- {from: Ann, prospect: P1, date: 2026-03-01}\n"
		"- {from: Ann, prospect: P2, date: 2026-03-10}\n"
		"- {from: Ann, prospect: P3}\n"
		"- {from: Bob, prospect: P4, date: 2026-03-01}\n"
		"- {from: Ann, prospect: P5, to: Zed, date: 2026-03-01}\n"
		"- {from: Ann, prospect: P6, date: 2026-03-01, rewarded: no}\n"
		"- {from: Ann, prospect: P7, date: 2026-03-01, status: won,\n"
		"   closed: 2026-03-09, rewarded: no}\n"
		"- {from: Ann, prospect: P8, date: 2026-03-05, rewarded: no}\n",
		"n/2026-03-05.md", "Paid Ann her finder's fee.\n", NULL};
	vault v;
	vault_build(&v, "Me", files);
	add_field(&v, 1, RG_F_REWARDED, "Ann", 1, "2026-03-05");
	add_field(&v, 1, RG_F_REWARDED, "Cy", 2, "2026-03-05");
	rebuild(&v);
	const rg_graph *g = &v.g;
	assert_true(find_ref(g, "Ann", "P1")->rewarded);
	assert_false(find_ref(g, "Ann", "P2")->rewarded); /* dated after */
	assert_false(find_ref(g, "Ann", "P3")->rewarded); /* undated */
	assert_false(find_ref(g, "Bob", "P4")->rewarded); /* another source */
	assert_false(find_ref(g, "Ann", "P5")->rewarded); /* not to me */
	/* its word date 03-05 is later than the record's 03-01 */
	assert_true(find_ref(g, "Ann", "P6")->rewarded);
	/* the record's word date is its closed, 03-09: later */
	assert_false(find_ref(g, "Ann", "P7")->rewarded);
	/* one word date: the later in path order (the note) wins, a
	 * warning at it naming the record */
	assert_true(find_ref(g, "Ann", "P8")->rewarded);
	assert_true(has_diag(&v.d, 1, RG_WARNING,
			     "rewarded of the referral "
			     "from 'Ann' to 'P8' differs "
			     "from a.yaml:9"));
	/* it gives no date: P3 stays undated */
	assert_int_equal(find_ref(g, "Ann", "P3")->date, RG_NODATE);
	/* a rewarded:: that applies to nothing says so */
	assert_true(has_diag(&v.d, 2, RG_WARNING,
			     "rewarded:: 'Cy' applies to no referral"));
	vault_free(&v);
}

/* A referral to me that no mention dates: one warning at its place,
 * unless only referred_by-style mentions name it. */
static void undated_referral(void **state)
{
	(void)state;
	static const char *const files[] = {
		"inbox.md",
		"referral:: Ann -> Bob\nreferral:: Ann -> Bob\n"
		"referral:: Cy -> Dee\ngave:: Eve -> Fay\n",
		"log.yaml",
		"from: Cy\nprospect: Dee\ndate: 2026-01-02\n",
		"people/Gus.md",
		"---\nname: Gus\nreferred_by: Ann\n---\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	/* Ann -> Bob: once, at its first mention */
	assert_true(has_diag(&v.d, 1, RG_WARNING,
			     "from 'Ann' with prospect 'Bob' has no date"));
	assert_true(has_diag(&v.d, 1, RG_WARNING, "add a 'date:'"));
	assert_int_equal(count_diags(&v.d, RG_WARNING, "has no date, so"), 1);
	/* Cy -> Dee is dated by the record; Eve -> Fay is not to me; Gus
	 * has its own warning from referred_by */
	assert_int_equal(count_diags(&v.d, RG_WARNING, "no 'since'"), 1);
	vault_free(&v);
}

/* outcome:: kept once: each referral sees the outcomes of its day or
 * later; the value goes to the earliest referral only. */
static void outcomes_many(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a.yaml",
		"- {from: S1, prospect: P, date: 2026-03-01}\n"
		"- {from: S2, prospect: P, date: 2026-03-10}\n"
		"- {from: S3, prospect: P}\n"
		"- {from: S4, prospect: P, date: 2026-03-25}\n"
		"- {from: S1, prospect: Q, date: 2026-03-01}\n",
		"n/2026-03-05.md",
		"outcome:: P won 100\n",
		"n/2026-03-20.md",
		"outcome:: P lost\n",
		"n/2026-04-01.md",
		"outcome:: Q won\noutcome:: Q lost 5\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	const rg_graph *g = &v.g;
	const rg_referral *s1 = find_ref(g, "S1", "P"),
			  *s2 = find_ref(g, "S2", "P"),
			  *s3 = find_ref(g, "S3", "P"),
			  *s4 = find_ref(g, "S4", "P");
	assert_int_equal(s1->status, RG_ST_LOST);
	assert_int_equal(s1->closed, day("2026-03-20"));
	assert_false(s1->has_value);
	assert_int_equal(s2->status, RG_ST_LOST);
	assert_int_equal(s2->closed, day("2026-03-20"));
	/* the undated referral is the earliest: the value is its */
	assert_int_equal(s3->status, RG_ST_LOST);
	assert_true(s3->has_value);
	assert_true(s3->value == 100);
	/* dated after both outcomes: untouched */
	assert_int_equal(s4->status, RG_ST_NEW);
	assert_int_equal(s4->closed, RG_NODATE);
	/* two outcomes one day: the later line wins, with a warning */
	const rg_referral *q = find_ref(g, "S1", "Q");
	assert_int_equal(q->status, RG_ST_LOST);
	assert_true(q->value == 5);
	assert_true(has_diag(&v.d, 2, RG_WARNING,
			     "status of the referral from 'S1' to 'Q' differs "
			     "from n/2026-04-01.md:1"));
	vault_free(&v);
}

/*
 * The outcome:: bomb (N sources of one prospect, N outcome:: lines about
 * it): each outcome is kept once, so this is N mentions, not N * N
 * (20,000 squared would not fit in memory).
 */
static void outcome_bomb(void **state)
{
	(void)state;
	enum { N = 20000 };
	rg_buf refs = {0}, outs = {0};
	for (int i = 0; i < N; i++) {
		rg_buf_printf(&refs,
			      "- {from: S%d, prospect: P, date: "
			      "2026-03-01}\n",
			      i);
		rg_buf_printf(&outs, "outcome:: P won %d\n", i);
	}
	const char *files[] = {"a.yaml", refs.s, "n/2026-03-05.md", outs.s,
			       NULL};
	vault v;
	vault_build(&v, "Me", files);
	const rg_graph *g = &v.g;
	assert_int_equal(g->stats.mentions, N);
	assert_int_equal(g->referrals.n, N);
	size_t won = 0, valued = 0;
	for (size_t i = 0; i < g->referrals.n; i++) {
		won += g->referrals.v[i].status == RG_ST_WON;
		valued += g->referrals.v[i].has_value;
	}
	assert_int_equal(won, N);
	assert_int_equal(valued, 1); /* the earliest: S0, first in path */
	assert_true(find_ref(g, "S0", "P")->value == N - 1);
	vault_free(&v);
	rg_buf_free(&refs);
	rg_buf_free(&outs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(merge),
		cmocka_unit_test(merge_keys),
		cmocka_unit_test(decide_fields),
		cmocka_unit_test(thanked_informed),
		cmocka_unit_test(defaults_and_outcome),
		cmocka_unit_test(implied_status),
		cmocka_unit_test(outcome_rules),
		cmocka_unit_test(rewarded_field),
		cmocka_unit_test(undated_referral),
		cmocka_unit_test(outcomes_many),
		cmocka_unit_test(outcome_bomb),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
