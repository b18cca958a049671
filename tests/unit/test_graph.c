/*
 * test_graph: records -> the referral graph (notes format sections 2 and
 * 3): resolution in the order owner, id, name, alias; the owner through
 * `me`, also when it is a written contact; ambiguity errors; implicit
 * contacts named by their first mention; "did you mean" and --strict;
 * touches; task contacts; and the merge of mentions into one referral:
 * its date and place, each field decided by word date, thanked earliest
 * and informed latest, implied kind, status and closed, thanked::,
 * informed:: and outcome:: with its value to the earliest referral only.
 *
 * Notes folders are built in memory (testlib.h: vault_build parses each
 * text with rg_note_parse and fills rg_notes.files in path order).
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

static size_t count_refs(const rg_graph *g, const char *src, const char *pro)
{
	int s = contact(g, src), p = contact(g, pro);
	size_t n = 0;
	for (size_t i = 0; i < g->referrals.n; i++)
		n += g->referrals.v[i].src == s && g->referrals.v[i].pro == p;
	return n;
}

static size_t count_diags(const rg_diags *d, rg_level lv, const char *needle)
{
	size_t n = 0;
	for (size_t i = 0; i < d->items.n; i++)
		n += d->items.v[i].level == lv &&
		     strstr(d->items.v[i].msg, needle) != NULL;
	return n;
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
		if (t->line == 4) {
			assert_true(t->done);
			assert_int_equal(t->contact, ann); /* not the owner */
		}
		if (t->line == 5) {
			assert_int_equal(t->contact, ann);
			assert_int_equal(t->due, day("2026-04-04"));
		}
		if (t->line == 6)
			assert_int_equal(t->contact, -1);
	}
	vault_free(&v);
}

static void touches_more(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a.yaml",
		"- {from: S, prospect: P, date: 2026-05-01}\n"
		"- {type: call, date: 2026-03-01, with: [P, Q]}\n"
		"- {type: call, date: 2030-01-01, with: Q}\n"
		"- {type: call, date: bad, with: R}\n",
		"b.md",
		"- [x] met [[Q]] and [[R]] done:2026-02-01\n"
		"- [x] no date [[R]]\n"
		"- [ ] open [[R]] due:2026-01-01 done:2026-01-02\n",
		"people/R.md",
		"---\nsince: 2020-01-01\n---\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	const rg_graph *g = &v.g;
	const rg_contact *p = &g->contacts.v[contact(g, "P")];
	const rg_contact *q = &g->contacts.v[contact(g, "Q")];
	const rg_contact *r = &g->contacts.v[contact(g, "R")];
	/* a referral's date touches its prospect, but is no first touch */
	assert_int_equal(p->last_touch, day("2026-05-01"));
	assert_int_equal(p->first_touch, day("2026-03-01"));
	/* dates after today count as written */
	assert_int_equal(q->last_touch, day("2030-01-01"));
	assert_int_equal(q->first_touch, day("2026-02-01"));
	/* a done task touches every contact it links; an open one none;
	 * since is no touch */
	assert_int_equal(r->last_touch, day("2026-02-01"));
	assert_int_equal(r->first_touch, day("2026-02-01"));
	assert_int_equal(r->since, day("2020-01-01"));
	/* the source of a referral is not touched by it */
	assert_int_equal(g->contacts.v[contact(g, "S")].last_touch, RG_NODATE);
	vault_free(&v);
}

/* A task's contact: the first link resolving to a contact other than the
 * owner; implicit ones count when something else mentions them. */
static void task_contacts(void **state)
{
	(void)state;
	static const char *const files[] = {
		"a/2026-01-01.md",
		"referral:: Sue -> Tom\n"
		"- [ ] [[Me]] [[Nobody]] [[tom]] [[Sue]] due:2026-02-01\n"
		"- [ ] [[x/Ann#h|A]] due:2026-02-02\n"
		"- [ ] [[Twin]] due:2026-02-03\n",
		"people/Ann.md",
		"---\nrole: client\n---\n",
		"people/t1.md",
		"---\nname: Twin\n---\n",
		"people/t2.md",
		"---\nname: Twin\n---\n",
		NULL};
	vault v;
	vault_build(&v, "Me", files);
	const rg_graph *g = &v.g;
	assert_int_equal(g->tasks.n, 3);
	for (size_t i = 0; i < g->tasks.n; i++) {
		const rg_gtask *t = &g->tasks.v[i];
		assert_string_equal(rg_graph_path(g, t->file),
				    "a/2026-01-01.md");
		if (t->line == 2)
			assert_int_equal(t->contact, contact(g, "Tom"));
		else if (t->line == 3)
			assert_int_equal(t->contact, contact(g, "Ann"));
		else
			assert_int_equal(t->contact, -1); /* ambiguous */
	}
	assert_true(has_diag(&v.d, 4, RG_ERROR, "ambiguous"));
	vault_free(&v);
}

/* ---- v3: records the reader may not fill yet, added by hand ---- */

/* Add an inline field of key about who, in file fi at line, dated date. */
static void add_field(vault *v, size_t fi, rg_field_key key, const char *who,
		      int line, const char *date)
{
	rg_file *f = v->notes.files[fi];
	rg_field *fd = RG_VEC_PUSH(f->fields);
	fd->key = key;
	fd->line = line;
	fd->col = 1;
	fd->date = date ? day(date) : RG_NODATE;
	fd->who.target = rg_arena_strdup(f->arena, who);
	fd->who.line = line;
	fd->who.col = 1;
}

static void add_link(vault *v, size_t fi, const char *who, int line)
{
	rg_file *f = v->notes.files[fi];
	rg_ref *r = RG_VEC_PUSH(f->links);
	r->target = rg_arena_strdup(f->arena, who);
	r->line = line;
	r->col = 1;
}

/* Build the graph again from the (changed) records, with fresh
 * diagnostics. */
static void rebuild(vault *v)
{
	rg_graph_free(&v->g);
	rg_diags_free(&v->d);
	memset(&v->d, 0, sizeof v->d);
	rg_graph_build(&v->g, &v->notes, &v->cfg, false, &v->d);
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

/* with:: touches each contact it names on the note's date; such a touch
 * dates a referred_by mention like any other. */
static void with_field(void **state)
{
	(void)state;
	static const char *const files[] = {
		"daily/2026-03-04.md",
		"Met Ann and Bo.\n",
		"people/Ann.md",
		"---\nname: Ann\n---\n",
		"people/Cy.md",
		"---\nname: Cy\nreferred_by: Ann\n---\n",
		NULL};
	vault v;
	vault_build(&v, "Pat", files);
	/* referred_by with no since and no touch: undated, a warning */
	assert_int_equal(find_ref(&v.g, "Ann", "Cy")->date, RG_NODATE);
	add_field(&v, 0, RG_F_WITH, "Ann", 1, "2026-03-04");
	add_field(&v, 0, RG_F_WITH, "Bo", 1, "2026-03-04");
	add_field(&v, 0, RG_F_WITH, "Cy", 2, "2026-03-04");
	add_field(&v, 0, RG_F_WITH, "me", 2, "2026-03-04");
	add_field(&v, 0, RG_F_WITH, "Pat", 2, "2026-03-04");
	rebuild(&v);
	const rg_graph *g = &v.g;
	int ann = contact(g, "Ann"), bo = contact(g, "Bo");
	assert_true(bo >= 0); /* a reference: an implicit contact */
	assert_false(g->contacts.v[bo].written);
	assert_int_equal(g->contacts.v[ann].last_touch, day("2026-03-04"));
	assert_int_equal(g->contacts.v[ann].first_touch, day("2026-03-04"));
	assert_int_equal(g->contacts.v[bo].last_touch, day("2026-03-04"));
	/* Cy's earliest touch dates its referred_by mention */
	assert_int_equal(find_ref(g, "Ann", "Cy")->date, day("2026-03-04"));
	assert_false(has_diag(&v.d, 0, RG_WARNING, "no 'since'"));
	/* the owner is never touched */
	assert_int_equal(g->contacts.v[g->owner].last_touch, RG_NODATE);
	assert_int_equal(contact(g, "me"), -1);
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

/* asked:: and testimonial:: fill the graph's events, sorted by contact
 * then date; their references make implicit contacts like any other. */
static void asks_testimonials(void **state)
{
	(void)state;
	static const char *const files[] = {
		"people/Ann.md",
		"---\nname: Ann\nrole: client\n---\n",
		"d/2026-01-02.md",
		"x\n",
		"d/2026-03-05.md",
		"y\n",
		NULL};
	vault v;
	vault_build(&v, "Pat", files);
	add_field(&v, 2, RG_F_ASKED, "Ann", 1, "2026-03-05");
	add_field(&v, 1, RG_F_ASKED, "ANN", 1, "2026-01-02");
	add_field(&v, 1, RG_F_TESTIMONIAL, "Bo", 2, "2026-01-02");
	add_field(&v, 1, RG_F_ASKED, "me", 3, "2026-01-02");
	add_field(&v, 1, RG_F_ASKED, "Pat", 3, "2026-01-02");
	rebuild(&v);
	const rg_graph *g = &v.g;
	int ann = contact(g, "Ann"), bo = contact(g, "Bo");
	assert_true(bo >= 0);
	assert_int_equal(g->asks.n, 2); /* the owner has none */
	assert_int_equal(g->asks.v[0].contact, ann);
	assert_int_equal(g->asks.v[0].date, day("2026-01-02"));
	assert_int_equal(g->asks.v[1].contact, ann);
	assert_int_equal(g->asks.v[1].date, day("2026-03-05"));
	assert_int_equal(g->testimonials.n, 1);
	assert_int_equal(g->testimonials.v[0].contact, bo);
	/* neither is a touch */
	assert_int_equal(g->contacts.v[ann].last_touch, RG_NODATE);
	vault_free(&v);
}

static void task_text(void **state)
{
	(void)state;
	static const char *const files[] = {
		"todo.md", "- [ ] call [[Ann]] due:2026-01-05\n", NULL};
	vault v;
	vault_build(&v, "Pat", files);
	v.notes.files[0]->tasks.v[0].text = "call Ann";
	rebuild(&v);
	assert_int_equal(v.g.tasks.n, 1);
	assert_string_equal(v.g.tasks.v[0].text, "call Ann");
	vault_free(&v);
}

/* An interaction with no `with` whose body links written contacts: one
 * warning naming them (not the owner, not implicit contacts, not those a
 * with:: field touches), each once. */
static void body_links(void **state)
{
	(void)state;
	static const char *const files[] = {
		"m/2026-03-01.md",
		"---\ntype: meeting\ndate: 2026-03-01\n---\n",
		"m/2026-03-02.md",
		"---\ntype: meeting\ndate: 2026-03-02\nwith: Ann\n---\n",
		"m/2026-03-03.md",
		"---\ntype: call\ndate: 2026-03-03\n---\n",
		"people/Ann.md",
		"---\nname: Ann\n---\n",
		"people/Cy.md",
		"---\nname: Cy\n---\n",
		"people/Pat.md",
		"---\nname: Pat\n---\n",
		"x.md",
		"referral:: Bo -> Dee\n",
		NULL};
	vault v;
	vault_build(&v, "Pat", files);
	const char *const links[] = {"Ann", "Bo", "Pat", "ann", "Cy"};
	for (size_t i = 0; i < 5; i++) {
		add_link(&v, 0, links[i], 5);
		add_link(&v, 1, links[i], 6);
	}
	add_link(&v, 2, "Cy", 5);
	add_field(&v, 2, RG_F_WITH, "Cy", 6, "2026-03-03");
	rebuild(&v);
	assert_true(has_diag(&v.d, 2, RG_WARNING,
			     "no 'with', so 'Ann', "
			     "'Cy', linked in its body, "
			     "are not touched"));
	assert_true(has_diag(&v.d, 2, RG_WARNING, "'with:' or 'with::'"));
	assert_int_equal(count_diags(&v.d, RG_WARNING, "no 'with'"), 1);
	/* body links are no touches */
	assert_int_equal(v.g.contacts.v[contact(&v.g, "Cy")].last_touch,
			 day("2026-03-03"));
	assert_int_equal(v.g.contacts.v[contact(&v.g, "Ann")].last_touch,
			 day("2026-03-02"));
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
					    NULL};
	vault v;
	vault_build(&v, "Pat", files);
	assert_true(has_diag(&v.d, 2, RG_WARNING, "a/Dana.md:2"));
	assert_true(has_diag(&v.d, 2, RG_WARNING, "invisible"));
	assert_true(has_diag(&v.d, 2, RG_WARNING, "c/Ann.md:2"));
	/* punctuation is visible: Bo-Lee and Bo Lee are no look-alikes */
	assert_int_equal(count_diags(&v.d, RG_WARNING, "looks the same"), 2);
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
		cmocka_unit_test(resolution),
		cmocka_unit_test(resolution_order),
		cmocka_unit_test(ambiguity),
		cmocka_unit_test(owner),
		cmocka_unit_test(owner_written),
		cmocka_unit_test(implicit_contacts),
		cmocka_unit_test(did_you_mean),
		cmocka_unit_test(merge),
		cmocka_unit_test(merge_keys),
		cmocka_unit_test(decide_fields),
		cmocka_unit_test(thanked_informed),
		cmocka_unit_test(defaults_and_outcome),
		cmocka_unit_test(implied_status),
		cmocka_unit_test(outcome_rules),
		cmocka_unit_test(touches_and_tasks),
		cmocka_unit_test(touches_more),
		cmocka_unit_test(task_contacts),
		cmocka_unit_test(me_word),
		cmocka_unit_test(with_field),
		cmocka_unit_test(rewarded_field),
		cmocka_unit_test(undated_referral),
		cmocka_unit_test(asks_testimonials),
		cmocka_unit_test(task_text),
		cmocka_unit_test(body_links),
		cmocka_unit_test(did_you_mean_v3),
		cmocka_unit_test(look_alikes),
		cmocka_unit_test(outcomes_many),
		cmocka_unit_test(outcome_bomb),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
