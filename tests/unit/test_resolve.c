/*
 * test_resolve: references -> contacts (notes format, "References"):
 * resolution in the order owner, id, name, alias; the word `me` and the
 * `me` setting, also when it is a written contact; ambiguity errors;
 * implicit contacts named by their first mention; "did you mean" (near
 * edits, look-alikes, `Name (note)`) and --strict; look-alike contacts.
 *
 * Notes folders are built in memory (testlib.h: vault_build parses each
 * text with rg_note_parse and fills rg_notes.files in path order).
 */
#include "graphlib.h"

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
	assert_true(g->contacts.v[g->owner].owner);
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
	assert_int_equal(count_refs(g, "Cyrus", "Zo\xc3\xab"), 1);
	assert_int_equal(g->stats.implicit, 2);
	vault_free(&v);
}

/* id before name before alias; each level alone decides. */
static void resolution_order(void **state)
{
	(void)state;
	static const char *const files[] = {
		"p/X.md",
		"---\nid: Key\nname: Xavier\n---\n",
		"p/Y.md",
		"---\nname: key\naliases: [Yal]\n---\n",
		"p/Z.md",
		"---\nname: Zed\naliases: [xavier, \" Strau\xc3\x9f \"]\n---\n",
		"log.yaml",
		"- {from: KEY, prospect: Q1, date: 2026-01-01}\n"
		"- {from: XAVIER, prospect: Q2, date: 2026-01-01}\n"
		"- {from: yal, prospect: Q3, date: 2026-01-01}\n"
		"- {from: STRAUSS, prospect: Q4, date: 2026-01-01}\n",
		NULL};
	vault v;
	vault_build(&v, "Pat", files);
	const rg_graph *g = &v.g;
	assert_int_equal(g->stats.contacts, 3);
	/* "key" is X's id and Y's name: the id wins */
	assert_non_null(find_ref(g, "Xavier", "Q1"));
	/* "xavier" is X's name and Z's alias: the name wins */
	assert_non_null(find_ref(g, "Xavier", "Q2"));
	/* an alias alone */
	assert_non_null(find_ref(g, "key", "Q3"));
	/* full case folding: STRAUSS is Strauß */
	assert_non_null(find_ref(g, "Zed", "Q4"));
	assert_int_equal(v.d.nerrors, 0);
	assert_int_equal(g->stats.implicit, 4);
	vault_free(&v);
}

static void ambiguity(void **state)
{
	(void)state;
	static const char *const files[] = {
		"clients/Ann.md",
		"---\nname: Ann Lee\n---\n",
		"people/Ann.md",
		"---\nname: Ann Lee\n---\n",
		"people/Bob.md",
		"---\nname: Bob\naliases: [Ann Lee]\n---\n",
		"z/2026-02-01.md",
		"referral:: Ann -> Cy\nreferral:: [[Ann Lee]] -> Dee\n"
		"referral:: Bob -> [[Ann]]\nthanked:: Ann\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	const rg_graph *g = &v.g;
	/* both ids "Ann" (line 1), both names "Ann Lee" (line 2): errors
	 * naming both places; the alias level is never reached */
	assert_true(has_diag(&v.d, 1, RG_ERROR, "ambiguous"));
	assert_true(has_diag(&v.d, 1, RG_ERROR, "clients/Ann.md:2"));
	assert_true(has_diag(&v.d, 1, RG_ERROR, "people/Ann.md:2"));
	assert_true(has_diag(&v.d, 1, RG_ERROR, "the id of"));
	assert_true(has_diag(&v.d, 2, RG_ERROR, "the name of"));
	assert_true(has_diag(&v.d, 3, RG_ERROR, "ambiguous"));
	assert_true(has_diag(&v.d, 4, RG_ERROR, "ambiguous"));
	for (size_t i = 0; i < v.d.items.n; i++)
		if (v.d.items.v[i].level == RG_ERROR)
			assert_string_equal(v.d.items.v[i].path,
					    "z/2026-02-01.md");
	/* the mentions are not used, and make no implicit contact */
	assert_int_equal(g->referrals.n, 0);
	assert_true(contact(g, "Cy") >= 0);
	assert_int_equal(g->stats.implicit, 2); /* Cy, Dee */
	vault_free(&v);
}

static void owner(void **state)
{
	(void)state;
	/* me names no written contact: an owner of its own, named by me */
	static const char *const files[] = {
		"2026-03-01.md",
		"referral:: A -> B\ngave:: B -> C\n"
		"referral:: A -> [[pat owner]]\n",
		"log.yaml",
		"from: A\nprospect: B\nto: \"[[PAT OWNER]]\"\ndate: "
		"2026-02-01\n---\n"
		"type: meeting\ndate: 2026-03-05\nwith: [Pat Owner, A]\n",
		NULL};
	vault v;
	vault_build(&v, "[[Pat Owner|me]]", files);
	const rg_graph *g = &v.g;
	const rg_contact *o = &g->contacts.v[g->owner];
	assert_true(o->owner);
	assert_false(o->written);
	assert_string_equal(o->name, "Pat Owner");
	assert_int_equal(contact(g, "pat owner"), -1); /* no implicit */
	/* to: the owner is the same referral as no to */
	assert_int_equal(count_refs(g, "A", "B"), 1);
	const rg_referral *ab = find_ref(g, "A", "B");
	assert_true(ab->to_me);
	assert_int_equal(ab->rcv, g->owner);
	assert_int_equal(ab->date, day("2026-02-01"));
	/* gave:: is from the owner to C */
	const rg_referral *bc = find_ref(g, "Pat Owner", "B");
	assert_non_null(bc);
	assert_int_equal(bc->rcv, contact(g, "C"));
	assert_false(bc->to_me);
	/* the owner is never touched */
	assert_int_equal(o->last_touch, RG_NODATE);
	assert_int_equal(g->contacts.v[contact(g, "A")].last_touch,
			 day("2026-03-05"));
	vault_free(&v);
	/* no me at all: an owner named "me" nobody can name by accident */
	static const char *const files2[] = {"2026-03-01.md",
					     "referral:: A -> B\n", NULL};
	vault_build(&v, NULL, files2);
	g = &v.g;
	assert_true(g->contacts.v[g->owner].owner);
	assert_true(find_ref(g, "A", "B")->to_me);
	vault_free(&v);
}

/* me matches a written contact: it is the owner with all its names. */
static void owner_written(void **state)
{
	(void)state;
	static const char *const files[] = {
		"people/Pat.md",
		"---\nname: Pat Owner\naliases: [PO]\nrole: client\n"
		"since: 2020-01-01\nreferred_by: Zed\n---\n",
		"people/Sam.md",
		"---\nreferred_by: Pat\nsince: 2026-01-01\n---\n",
		"z/2026-02-02.md",
		"referral:: PO -> Tia\nreferral:: Uma -> [[Pat Owner]]\n"
		"gave:: Vic -> Pat\n",
		NULL};
	vault v;
	vault_build(&v, "PO", files);
	const rg_graph *g = &v.g;
	int pat = contact(g, "Pat Owner");
	assert_int_equal(pat, g->owner);
	assert_true(g->contacts.v[pat].written);
	/* by id (file name), by name, by alias: all the owner */
	const rg_referral *s = find_ref(g, "Pat Owner", "Sam");
	assert_non_null(s);
	assert_false(s->to_me);
	assert_false(find_ref(g, "Pat Owner", "Tia")->to_me);
	const rg_referral *u = find_ref(g, "Uma", "Pat Owner");
	assert_non_null(u);
	assert_true(u->to_me);
	assert_int_equal(find_ref(g, "Pat Owner", "Vic")->rcv, g->owner);
	/* exactly one contact for the owner */
	size_t owners = 0;
	for (size_t i = 0; i < g->contacts.n; i++)
		owners += g->contacts.v[i].owner;
	assert_int_equal(owners, 1);
	assert_int_equal(g->stats.contacts, 2);
	vault_free(&v);
}

static void implicit_contacts(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a/2026-01-01.md",
		"thanked:: dave smith\n",
		"b.yaml",
		"from: Dave Smith\nprospect: ERIN\ndate: 2026-01-02\n---\n"
		"type: call\ndate: 2026-01-03\nwith: [erin, Fred Jones]\n",
		"c.md",
		"---\nname: Gail\nreferred_by: \"[[FRED JONES]]\"\nsince: "
		"2026-01-01\n"
		"---\n",
		"d/2026-01-04.md",
		"referral:: [[Dave Smith]] -> Erin\n"
		"- [x] call [[Hank]] [[Erin]] done:2026-01-05\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	const rg_graph *g = &v.g;
	/* each named by its first mention in path, then line order */
	int dave = contact(g, "dave smith");
	int erin = contact(g, "ERIN");
	int fred = contact(g, "Fred Jones");
	assert_true(dave >= 0 && erin >= 0 && fred >= 0);
	assert_int_equal(contact(g, "Dave Smith"), -1);
	assert_int_equal(contact(g, "Erin"), -1);
	assert_int_equal(contact(g, "Hank"), -1); /* task links make none */
	assert_int_equal(g->stats.implicit, 3);
	/* an implicit contact's place is its first mention */
	assert_string_equal(rg_graph_path(g, g->contacts.v[dave].file),
			    "a/2026-01-01.md");
	assert_int_equal(g->contacts.v[dave].line, 1);
	assert_false(g->contacts.v[dave].written);
	/* the two mentions of dave -> erin are one referral */
	assert_int_equal(count_refs(g, "dave smith", "ERIN"), 1);
	/* the implicit contacts are touched and referred like any */
	assert_int_equal(g->contacts.v[erin].last_touch, day("2026-01-05"));
	assert_non_null(find_ref(g, "Fred Jones", "Gail"));
	/* silent: no near names */
	assert_int_equal(v.d.items.n, 0);
	vault_free(&v);
}

static void did_you_mean(void **state)
{
	(void)state;
	static const char *const files[] = {
		"people/Dana.md", "---\nname: Dana Whitfield\n---\n",
		"2026-01-01.md",
		"referral:: Dana Whitfeld -> Bob\nreferral:: Dana -> Carla\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	assert_true(has_diag(&v.d, 1, RG_WARNING,
			     "did you mean 'Dana "
			     "Whitfield'"));
	assert_int_equal(v.d.nerrors, 0);
	/* the near miss is a new contact all the same */
	assert_true(contact(&v.g, "Dana Whitfeld") >= 0);
	assert_non_null(find_ref(&v.g, "Dana Whitfield", "Carla"));
	vault_free(&v);
	/* --strict: every unresolved reference is an error */
	memset(&v, 0, sizeof v);
	rg_config_init(&v.cfg);
	v.cfg.me = strdup("Me");
	v.notes.files = calloc(2, sizeof(rg_file *));
	v.notes.nfiles = 2;
	v.notes.files[0] = parse(files[0], files[1]);
	v.notes.files[1] = parse(files[2], files[3]);
	rg_graph_build(&v.g, &v.notes, &v.cfg, true, &v.d);
	assert_true(has_diag(&v.d, 1, RG_ERROR, "matches no contact"));
	assert_true(has_diag(&v.d, 1, RG_ERROR, "did you mean"));
	assert_true(has_diag(&v.d, 2, RG_ERROR, "'Carla' matches no contact"));
	assert_int_equal(v.d.nerrors, 3); /* Dana Whitfeld, Bob, Carla */
	vault_free(&v);
}

/* The word `me`, any case, is the owner; with a `me` setting naming a
 * written contact, that contact with all its names. */
static void me_word(void **state)
{
	(void)state;
	static const char *const files[] = {
		"log.yaml",
		"from: Ann\nprospect: Bob\nto: me\ndate: 2026-01-01\n---\n"
		"from: ME\nprospect: Cy\ndate: 2026-01-02\n---\n"
		"from: Ann\nprospect: Dee\nto: PO\ndate: 2026-01-03\n",
		"people/Pat.md", "---\nname: Pat Owner\naliases: [PO]\n---\n",
		NULL};
	vault v;
	vault_build(&v, "[[Pat Owner]]", files);
	const rg_graph *g = &v.g;
	assert_string_equal(g->contacts.v[g->owner].name, "Pat Owner");
	assert_true(find_ref(g, "Ann", "Bob")->to_me);
	assert_int_equal(find_ref(g, "Ann", "Bob")->rcv, g->owner);
	assert_int_equal(find_ref(g, "Pat Owner", "Cy")->src, g->owner);
	assert_false(find_ref(g, "Pat Owner", "Cy")->to_me);
	assert_true(find_ref(g, "Ann", "Dee")->to_me);
	/* one referral per key: to: me is no new receiver */
	assert_int_equal(count_refs(g, "Ann", "Bob"), 1);
	assert_int_equal(contact(g, "me"), -1);
	assert_int_equal(contact(g, "ME"), -1);
	assert_int_equal(g->stats.implicit, 4); /* Ann, Bob, Cy, Dee */
	vault_free(&v);

	/* a setting naming nobody written: its text is the owner's name */
	static const char *const files2[] = {
		"2026-01-05.md", "referral:: Ann -> Bob\ngave:: Cy -> Me\n",
		NULL};
	vault_build(&v, "Sam Solo", files2);
	g = &v.g;
	assert_string_equal(g->contacts.v[g->owner].name, "Sam Solo");
	assert_int_equal(find_ref(g, "Sam Solo", "Cy")->rcv, g->owner);
	assert_int_equal(contact(g, "Me"), -1);
	vault_free(&v);

	/* no setting: the owner is "me", and `me` names it */
	vault_build(&v, NULL, files2);
	g = &v.g;
	assert_string_equal(g->contacts.v[g->owner].name, "me");
	assert_int_equal(contact(g, "Me"), -1);
	const rg_referral *r = find_ref(g, "me", "Cy");
	assert_non_null(r);
	assert_int_equal(r->rcv, g->owner); /* gave:: from me to me */
	assert_int_equal(g->stats.implicit, 3);
	vault_free(&v);
}

/* "Did you mean" for a known name followed by " (", and for one that
 * differs only in punctuation or invisible characters. */
static void did_you_mean_v3(void **state)
{
	(void)state;
	static const char *const files[] = {
		"2026-01-01.md",
		"referral:: Julia Weiss (accountant) -> Al\n"
		"referral:: Bo (plumber) -> Al\n"
		"referral:: JoAnn Lee -> Al\n"
		"referral:: Dana Whit\xe2\x80\x8b"
		"field -> Al\n"
		"referral:: \xe2\x80\xae"
		"Dana Whitfield -> Al\n",
		"people/Bo.md",
		"---\nname: Bo\n---\n",
		"people/Dana.md",
		"---\nname: Dana Whitfield\n---\n",
		"people/Jo.md",
		"---\nname: Jo-Ann Lee\n---\n",
		"people/Julia.md",
		"---\nname: Julia Weiss\n---\n",
		NULL};
	vault v;
	vault_build(&v, "Pat", files);
	assert_true(
		has_diag(&v.d, 1, RG_WARNING, "did you mean 'Julia Weiss'"));
	assert_true(has_diag(&v.d, 2, RG_WARNING, "did you mean 'Bo'"));
	assert_true(has_diag(&v.d, 3, RG_WARNING, "did you mean 'Jo-Ann Lee'"));
	assert_true(
		has_diag(&v.d, 4, RG_WARNING, "did you mean 'Dana Whitfield'"));
	assert_true(
		has_diag(&v.d, 5, RG_WARNING, "did you mean 'Dana Whitfield'"));
	vault_free(&v);
}

/* Two written contacts whose names are one once invisible and bidi
 * control characters are removed: a warning naming both places. */
static void look_alikes(void **state)
{
	(void)state;
	static const char *const files[] = {"a/Dana.md",
					    "---\nname: Dana Whitfield\n---\n",
					    "b/Dana2.md",
					    "---\nname: Dana Whit\xe2\x80\x8b"
					    "field\n---\n",
					    "c/Ann.md",
					    "---\nname: Ann Lee\n---\n",
					    "d/Ann2.md",
					    "---\nname: \xe2\x81\xa6"
					    "ANN LEE\xe2\x81\xa9\n---\n",
					    "e/Bo.md",
					    "---\nname: Bo-Lee\n---\n",
					    "f/Bo2.md",
					    "---\nname: Bo Lee\n---\n",
					    "g/Dana3.md",
					    "---\nname: Dana Whitfield\n---\n",
					    NULL};
	vault v;
	vault_build(&v, "Pat", files);
	assert_true(has_diag(&v.d, 2, RG_WARNING, "a/Dana.md:2"));
	assert_true(has_diag(&v.d, 2, RG_WARNING, "invisible"));
	assert_true(has_diag(&v.d, 2, RG_WARNING, "c/Ann.md:2"));
	/* the first's very name: it looks like the second */
	assert_true(has_diag(&v.d, 2, RG_WARNING, "b/Dana2.md:2"));
	/* punctuation is visible: Bo-Lee and Bo Lee are no look-alikes */
	assert_int_equal(count_diags(&v.d, RG_WARNING, "looks the same"), 3);
	vault_free(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(resolution),
		cmocka_unit_test(resolution_order),
		cmocka_unit_test(ambiguity),
		cmocka_unit_test(owner),
		cmocka_unit_test(owner_written),
		cmocka_unit_test(implicit_contacts),
		cmocka_unit_test(did_you_mean),
		cmocka_unit_test(me_word),
		cmocka_unit_test(did_you_mean_v3),
		cmocka_unit_test(look_alikes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
