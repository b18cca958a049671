/*
 * test_graph: resolution (owner, id, name, alias, ambiguity, implicit
 * contacts, folding), touches, and the merge of mentions into referrals.
 */
#include "testlib.h"

static const rg_referral *find_ref(const rg_graph *g, const char *src,
				   const char *pro)
{
	int s = contact(g, src), p = contact(g, pro);
	for (size_t i = 0; i < g->referrals.n; i++)
		if (g->referrals.v[i].src == s && g->referrals.v[i].pro == p)
			return &g->referrals.v[i];
	return NULL;
}

static void resolution(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a/Ann.md",
		"---\nname: Ann Lee\naliases: [Annie]\n---\n",
		"b/Bob.md",
		"---\nname: Ann Lee 2\naliases: [annie]\n---\n",
		"c/Cy.md",
		"---\nid: cy\nname: Cyrus\n---\n",
		"d/Pat.md",
		"---\nname: Pat Owner\naliases: [P.O.]\n---\n",
		"log.yaml",
		"from: ANN\nprospect: \"[[x/Cyrus#h|C]]\"\ndate: "
		"2026-01-01\n---\n"
		"from: annie\nprospect: newbie\ndate: 2026-01-02\n---\n"
		"from: P.O.\nprospect: NEWBIE\ndate: 2026-01-03\n---\n"
		"from: Cy\nprospect: Zo\xc3\xab\ndate: 2026-01-04\n---\n"
		"from: cy\nprospect: ZOE\xcc\x88\ndate: 2026-01-05\n",
		NULL};
	vault v;
	vault_build(&v, "[[Pat Owner]]", files);
	const rg_graph *g = &v.g;
	/* Ann by id (file name), Cyrus by name through a wiki-link */
	assert_non_null(find_ref(g, "Ann Lee", "Cyrus"));
	/* "annie" is the alias of two contacts: an error, not used */
	assert_true(has_diag(&v.d, 5, RG_ERROR, "ambiguous"));
	assert_true(has_diag(&v.d, 5, RG_ERROR, "a/Ann.md:2"));
	assert_true(has_diag(&v.d, 5, RG_ERROR, "b/Bob.md:2"));
	/* the owner's written contact is the owner, with all its names */
	assert_true(g->contacts.v[g->owner].written);
	assert_string_equal(g->contacts.v[g->owner].name, "Pat Owner");
	/* an implicit contact named by its first mention */
	int nb = contact(g, "newbie");
	assert_true(nb >= 0);
	assert_false(g->contacts.v[nb].written);
	assert_int_equal(contact(g, "NEWBIE"), -1);
	/* P.O. -> NEWBIE is from the owner: not a referral to me */
	for (size_t i = 0; i < g->referrals.n; i++)
		if (g->referrals.v[i].pro == nb) {
			assert_int_equal(g->referrals.v[i].src, g->owner);
			assert_false(g->referrals.v[i].to_me);
		}
	/* NFC + folding: Zoë two ways is one implicit contact, one referral */
	const rg_referral *z = find_ref(g, "Cyrus", "Zo\xc3\xab");
	assert_non_null(z);
	assert_int_equal(z->date, day("2026-01-04"));
	assert_int_equal(g->stats.implicit, 2);
	vault_free(&v);
}

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
	assert_int_equal(r->kind, RG_KIND_LEAD);
	assert_int_equal(r->thanked, day("2026-03-10"));
	assert_int_equal(r->informed, day("2026-05-05"));
	assert_int_equal(g->stats.mentions, 4);
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

static void touches_and_tasks(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a.yaml",
		"type: meeting\ndate: 2026-02-02\nwith: [Ann, Me]\n",
		"b.md",
		"---\ndate: 2026-01-01\n---\n"
		"- [x] called [[Me]] [[Ann]] done:2026-03-03\n"
		"- [ ] ask [[Nobody]] then [[Ann]] due:2026-04-04\n"
		"- [ ] ask [[Ghost]] due:2026-04-05\n",
		"people/Ann.md",
		"---\nlast_contact: 2026-01-15\n---\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	const rg_graph *g = &v.g;
	int ann = contact(g, "Ann");
	assert_int_equal(g->contacts.v[ann].last_touch, day("2026-03-03"));
	assert_int_equal(g->contacts.v[ann].first_touch, day("2026-01-15"));
	assert_int_equal(contact(g, "Ghost"), -1); /* tasks make no contact */
	assert_int_equal(g->tasks.n, 3);
	for (size_t i = 0; i < g->tasks.n; i++) {
		const rg_gtask *t = &g->tasks.v[i];
		if (t->line == 5)
			assert_int_equal(t->contact, ann);
		if (t->line == 6)
			assert_int_equal(t->contact, -1);
	}
	vault_free(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(resolution),
		cmocka_unit_test(merge),
		cmocka_unit_test(defaults_and_outcome),
		cmocka_unit_test(touches_and_tasks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
