/*
 * test_graph: touches and tasks (notes format, "Touches", "Tasks"):
 * interactions, with::, last_contact, done tasks and referral dates; task
 * contacts and text; asks and testimonials; the warning for body links
 * of an interaction without `with`; the map of pass one's answers.
 */
#include "graphlib.h"

#include "refgraph/graph_build.h"

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

/* Pass one's answers, for every size of map: each reference finds its
 * contact, and the map has a third more slots than references, no more
 * (it was a power of two at least twice their number). */
static void answers_map(void **state)
{
	(void)state;
	static const size_t sizes[] = {0, 1, 2, 3, 5, 8, 13, 40, 100, 300};
	for (size_t t = 0; t < sizeof sizes / sizeof *sizes; t++) {
		size_t n = sizes[t];
		rg_buf with = {0};
		rg_notes notes = {0};
		notes.files = calloc(n + 1, sizeof(rg_file *));
		for (size_t i = 0; i < n; i++) {
			char path[32], text[64];
			snprintf(path, sizeof path, "p/P%zu.md", i);
			snprintf(text, sizeof text, "---\nname: P%zu\n---\n",
				 i);
			notes.files[notes.nfiles++] = parse(path, text);
			/* every third an unknown name: an implicit contact */
			rg_buf_printf(&with, "%s\"%s%zu\"", i ? ", " : "",
				      i % 3 == 2 ? "Q" : "P", i);
		}
		/* each again, in lower case: the same contact, whether the
		 * text or only its folded key was seen before */
		for (size_t i = 0; i < n; i++)
			rg_buf_printf(&with, ", \"%s%zu\"",
				      i % 3 == 2 ? (i % 2 ? "Q" : "q") : "p",
				      i);
		char *m =
			rg_asprintf("---\ndate: 2026-01-05\nwith: [%s]\n---\n",
				    with.s ? with.s : "");
		notes.files[notes.nfiles++] = parse("q.md", m);
		rg_config cfg;
		rg_config_init(&cfg);
		rg_diags d = {0};
		rg_graph g = {0};
		g.notes = &notes;
		g.arena = rg_arena_new();
		rg_build b = {0};
		b.g = &g;
		b.n = &notes;
		b.cfg = &cfg;
		b.d = &d;
		b.near = rg_near_new();
		rg_resolve_contacts(&b);
		rg_resolve_owner(&b);
		rg_resolve_all(&b);
		const rg_file *f = notes.files[n];
		size_t nwith = f->inters.n ? f->inters.v[0].nwith : 0;
		assert_int_equal(nwith, 2 * n);
		for (size_t j = 0; j < nwith; j++) {
			const rg_ref *r = &f->inters.v[0].with[j];
			char up[32];
			snprintf(up, sizeof up, "%s", r->target);
			up[0] = (char)(up[0] & ~0x20); /* p, q -> P, Q */
			assert_int_not_equal(contact(&g, up), -1);
			assert_int_equal(rg_resolve_known(&b, r),
					 contact(&g, up));
		}
		/* no contact made twice: n written, a third of n implicit */
		assert_int_equal(g.contacts.n, n + n / 3 + 1);
		/* a reference keeps its answer; one with no target (the
		 * owner's side of a record) answers none, whatever it holds */
		rg_ref none = {"P0", 1, 1, RG_RES_NONE};
		assert_int_equal(rg_resolve_known(&b, &none), RG_RES_NONE);
		rg_ref owner_side = {NULL, 1, 1, 0};
		assert_int_equal(rg_resolve_known(&b, &owner_side),
				 RG_RES_NONE);
		rg_resolve_free(&b);
		free(b.mark);
		rg_graph_free(&g);
		rg_notes_free(&notes);
		rg_config_free(&cfg);
		rg_diags_free(&d);
		rg_buf_free(&with);
		free(m);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(touches_and_tasks),
		cmocka_unit_test(touches_more),
		cmocka_unit_test(task_contacts),
		cmocka_unit_test(with_field),
		cmocka_unit_test(asks_testimonials),
		cmocka_unit_test(task_text),
		cmocka_unit_test(body_links),
		cmocka_unit_test(answers_map),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
