/*
 * test_yaml_rec: YAML records (notes format section 2): kinds by type
 * and by fields, container mappings, lists of records, field names in any
 * case and given twice, absent values and the words yes/no/on/off,
 * unquoted [[Name]], nested referrals taking the interaction's date,
 * invalid values (diagnostics, absent fields), the depth limit, aliases
 * and syntax errors.
 */
#include "testlib.h"

#include <pthread.h>
#include <stdio.h>

#include "refgraph/yaml_rec.h"

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
	assert_int_equal(f->skipped.v[0].line, 22);
	assert_non_null(strstr(f->skipped.v[0].why, "project"));
	assert_int_equal(f->skipped.v[1].line, 25);
	rg_file_free(f);
}

/* Every type word, in any case. */
static void kinds_by_type(void **state)
{
	(void)state;
	static const char *const contact_t[] = {"contact", "person", "company",
						"organization", "organisation"};
	static const char *const inter_t[] = {"interaction", "meeting", "call",
					      "email",	     "message", "event",
					      "card"};
	static const char *const ref_t[] = {"referral", "introduction"};
	char buf[256];
	for (size_t i = 0; i < 5; i++) {
		snprintf(buf, sizeof buf, "type: %s\nid: x\n", contact_t[i]);
		rg_file *f = parse("k.yaml", buf);
		assert_int_equal(f->contacts.n, 1);
		rg_file_free(f);
		/* a contact type wins over fields of another kind */
		snprintf(buf, sizeof buf,
			 "type: %c%s\nname: x\nfrom: A\nprospect: B\n"
			 "date: 2026-01-01\n",
			 contact_t[i][0] - 'a' + 'A', contact_t[i] + 1);
		f = parse("k.yaml", buf);
		assert_int_equal(f->contacts.n, 1);
		assert_int_equal(f->refrecs.n + f->inters.n, 0);
		rg_file_free(f);
	}
	for (size_t i = 0; i < 7; i++) {
		snprintf(buf, sizeof buf, "TYPE: %s\ndate: 2026-01-01\n",
			 inter_t[i]);
		for (char *p = buf + 6; *p != '\n'; p++)
			*p = (char)(*p - 'a' + 'A');
		rg_file *f = parse("k.yaml", buf);
		assert_int_equal(f->inters.n, 1);
		assert_int_equal(f->inters.v[0].date, day("2026-01-01"));
		rg_file_free(f);
	}
	for (size_t i = 0; i < 2; i++) {
		snprintf(buf, sizeof buf,
			 "type: %s\nfrom: A\nprospect: B\ndate: 2026-01-01\n",
			 ref_t[i]);
		rg_file *f = parse("k.yaml", buf);
		assert_int_equal(f->refrecs.n, 1);
		rg_file_free(f);
	}
	/* any other type: skipped silently, whatever its fields */
	rg_file *f = parse("k.yaml", "type: book\nname: A\nfrom: A\n"
				     "prospect: B\ndate: 2026-01-01\n");
	assert_int_equal(f->contacts.n + f->inters.n + f->refrecs.n, 0);
	assert_int_equal(f->skipped.n, 1);
	assert_int_equal(f->diags.items.n, 0);
	rg_file_free(f);
}

/* Without type: from + prospect, else date, else a contact field. */
static void kinds_by_fields(void **state)
{
	(void)state;
	static const char *const contact_f[] = {"name: A",
						"aliases: [A]",
						"role: client",
						"org: Acme",
						"since: 2026-01-01",
						"source: web",
						"referred_by: X",
						"introduced_by: X",
						"met_through: X",
						"last_contact: 2026-01-01",
						"follow_up_every: 2w",
						"reward: dinner"};
	char buf[256];
	for (size_t i = 0; i < sizeof contact_f / sizeof *contact_f; i++) {
		snprintf(buf, sizeof buf, "id: c\n%s\n", contact_f[i]);
		rg_file *f = parse("k.yaml", buf);
		assert_int_equal(f->contacts.n, 1);
		assert_int_equal(f->skipped.n, 0);
		rg_file_free(f);
	}
	/* from and prospect beat date, date beats contact fields */
	rg_file *f = parse("k.yaml", "name: N\ndate: 2026-01-01\nfrom: A\n"
				     "prospect: B\n");
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->contacts.n + f->inters.n, 0);
	rg_file_free(f);
	f = parse("k.yaml", "name: N\ndate: 2026-01-01\n");
	assert_int_equal(f->inters.n, 1);
	assert_int_equal(f->contacts.n, 0);
	rg_file_free(f);
	/* an absent field makes nothing */
	f = parse("k.yaml", "name: ~\nid: x\ntags: [a]\n");
	assert_int_equal(f->contacts.n, 0);
	assert_int_equal(f->skipped.n, 1);
	assert_int_equal(f->diags.items.n, 0);
	rg_file_free(f);
	/* field names in any case */
	f = parse("k.yaml", "FROM: A\nProspect: B\nDate: 2026-01-01\n");
	assert_int_equal(f->refrecs.n, 1);
	assert_string_equal(f->refrecs.v[0].prospect.target, "B");
	assert_int_equal(f->refrecs.v[0].date, day("2026-01-01"));
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
	assert_int_equal(f->refrecs.v[0].col, 5);
	assert_int_equal(f->inters.v[1].nwith, 2);
	rg_file_free(f);
	/* items of a container are of its kind even without their fields */
	f = parse("net.yaml", "contacts:\n  - id: c1\n"
			      "referrals:\n  - from: A\n    prospect: B\n"
			      "    date: 2026-01-01\n    name: X\n");
	assert_int_equal(f->contacts.n, 1);
	assert_string_equal(f->contacts.v[0].id, "c1");
	assert_int_equal(f->refrecs.n, 1);
	rg_file_free(f);
	/* an item that is not a mapping: a warning, the others are read */
	f = parse("net.yaml",
		  "referrals:\n  - from: A\n    prospect: B\n    date: "
		  "2026-01-01\n  - just text\n  - from: C\n    prospect: D\n"
		  "    date: 2026-01-02\n");
	assert_int_equal(f->refrecs.n, 2);
	assert_true(has_diag(&f->diags, 5, RG_WARNING, "not a mapping"));
	rg_file_free(f);
	/* a mapping with a record's field is a record, not a container */
	f = parse("net.yaml", "name: Cont\ncontacts:\n  - name: A\n");
	assert_int_equal(f->contacts.n, 1);
	assert_string_equal(f->contacts.v[0].name, "Cont");
	rg_file_free(f);
	/* a list of records, and a mapping that is a record after all */
	f = parse("l.yaml",
		  "- name: A\n- from: A\n  prospect: B\n  date: 2026-01-01\n"
		  "- date: 2026-01-02\n  with: A\n");
	assert_int_equal(f->contacts.n, 1);
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->inters.n, 1);
	assert_int_equal(f->refrecs.v[0].line, 2);
	assert_int_equal(f->refrecs.v[0].col, 3);
	rg_file_free(f);
	/* documents, lists and containers mix in one file */
	f = parse("m.yaml", "- name: A\n- name: B\n---\n"
			    "referrals: [{from: A, prospect: B, date: "
			    "2026-01-01}]\n---\nname: C\n");
	assert_int_equal(f->contacts.n, 3);
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->nrecords, 4);
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
	assert_int_equal(m->from.line, 1);
	assert_int_equal(m->prospect.line, 2);
	assert_null(m->to.target);
	assert_false(m->from_me);
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
			    "aliases: A, B\nfollow_up_every: 2W\n"
			    "since: 2026-01-01\nlast_contact: 2026-02-02\n"
			    "org: \" Acme \"\nsource: web\n");
	const rg_contact_rec *c = &f->contacts.v[0];
	assert_int_equal(c->nroles, 2);
	assert_string_equal(c->roles[0], "client");
	assert_string_equal(c->roles[1], "partner");
	assert_false(c->has_reward);
	assert_int_equal(c->naliases, 2); /* v3: a single scalar splits */
	assert_string_equal(c->aliases[1], "B");
	assert_int_equal(c->follow_days, 14);
	assert_int_equal(c->since, day("2026-01-01"));
	assert_int_equal(c->last_contact, day("2026-02-02"));
	assert_string_equal(c->org, "Acme");
	assert_string_equal(c->source, "web");
	rg_file_free(f);
	/* a single scalar is a one-item list */
	f = parse("c.yaml", "name: A\nrole: client\nreferred_by: Bob\n");
	assert_int_equal(f->contacts.v[0].nroles, 1);
	assert_int_equal(f->contacts.v[0].nrefby, 1);
	assert_string_equal(f->contacts.v[0].refby[0].target, "Bob");
	rg_file_free(f);
	/* the three referred_by-style fields, all kept */
	f = parse("c.yaml", "name: A\nreferred_by: [B, C]\nintroduced_by: D\n"
			    "met_through: \"[[E]]\"\n");
	assert_int_equal(f->contacts.v[0].nrefby, 4);
	assert_string_equal(f->contacts.v[0].refby[3].target, "E");
	assert_int_equal(f->contacts.v[0].refby[3].line, 4);
	rg_file_free(f);
	/* status words in any case, kinds too */
	static const char *const st[] = {"new",	     "Contacted",  "MEETING",
					 "proposal", "won",	   "Lost",
					 "declined", "UNREACHABLE"};
	char buf[160];
	for (int i = 0; i < 8; i++) {
		snprintf(buf, sizeof buf,
			 "from: A\nprospect: B\ndate: 2026-01-01\nstatus: %s\n"
			 "kind: INTRODUCTION\n",
			 st[i]);
		f = parse("s.yaml", buf);
		assert_int_equal(f->refrecs.v[0].status, RG_ST_NEW + i);
		assert_int_equal(f->refrecs.v[0].kind, RG_KIND_INTRO);
		assert_int_equal(f->diags.items.n, 0);
		rg_file_free(f);
	}
}

/* Empty, ~ and null are absent; yes, no, on, off are words. */
static void absent_and_words(void **state)
{
	(void)state;
	const char *absents[] = {"", "~", "null", "NULL", "Null", "\"\"", "''"};
	char buf[200];
	for (size_t i = 0; i < sizeof absents / sizeof *absents; i++) {
		snprintf(buf, sizeof buf,
			 "from: A\nprospect: B\ndate: 2026-01-01\nto: %s\n"
			 "status: %s\nvalue: %s\nclosed: %s\nkind: %s\n"
			 "rewarded: %s\nthanked: %s\n",
			 absents[i], absents[i], absents[i], absents[i],
			 absents[i], absents[i], absents[i]);
		rg_file *f = parse("a.yaml", buf);
		assert_int_equal(f->refrecs.n, 1);
		assert_null(f->refrecs.v[0].to.target);
		assert_int_equal(f->refrecs.v[0].writes, 0);
		assert_int_equal(f->refrecs.v[0].thanked, RG_NODATE);
		assert_int_equal(f->diags.items.n, 0);
		rg_file_free(f);
		/* an absent from: the referral is an error */
		snprintf(buf, sizeof buf,
			 "type: referral\nfrom: %s\nprospect: B\n"
			 "date: 2026-01-01\n",
			 absents[i]);
		f = parse("a.yaml", buf);
		assert_int_equal(f->refrecs.n, 0);
		assert_true(has_diag(&f->diags, 1, RG_ERROR, "without 'from'"));
		rg_file_free(f);
	}
	/* rewarded: anything but false or no */
	const struct {
		const char *v;
		bool rewarded;
	} rw[] = {{"yes", true},   {"true", true},	 {"on", true},
		  {"off", true},   {"2026-01-01", true}, {"dinner", true},
		  {"no", false},   {"false", false},	 {"No", false},
		  {"FALSE", false}};
	for (size_t i = 0; i < sizeof rw / sizeof *rw; i++) {
		snprintf(buf, sizeof buf,
			 "from: A\nprospect: B\ndate: 2026-01-01\n"
			 "rewarded: %s\n",
			 rw[i].v);
		rg_file *f = parse("a.yaml", buf);
		assert_true(f->refrecs.v[0].writes & RG_W_REWARDED);
		assert_int_equal(f->refrecs.v[0].rewarded, rw[i].rewarded);
		rg_file_free(f);
	}
	/* reward: absent, none, no or false mean none */
	const struct {
		const char *v;
		bool has;
	} rd[] = {{"~", false},	 {"none", false},  {"None", false},
		  {"no", false}, {"false", false}, {"dinner", true},
		  {"yes", true}, {"off", true},	   {"10%", true}};
	for (size_t i = 0; i < sizeof rd / sizeof *rd; i++) {
		snprintf(buf, sizeof buf, "name: A\nreward: %s\n", rd[i].v);
		rg_file *f = parse("a.yaml", buf);
		assert_int_equal(f->contacts.v[0].has_reward, rd[i].has);
		rg_file_free(f);
	}
	/* words stay words: an on/off role, a yes name */
	rg_file *f = parse("a.yaml", "name: yes\naliases: [on, off]\n");
	assert_string_equal(f->contacts.v[0].name, "yes");
	assert_int_equal(f->contacts.v[0].naliases, 2);
	assert_string_equal(f->contacts.v[0].aliases[1], "off");
	rg_file_free(f);
	/* thanked: false is no thanks, with no complaint */
	f = parse("a.yaml",
		  "from: A\nprospect: B\ndate: 2026-01-01\nthanked: false\n");
	assert_int_equal(f->refrecs.v[0].thanked, RG_NODATE);
	assert_int_equal(f->diags.items.n, 0);
	rg_file_free(f);
	f = parse("a.yaml",
		  "from: A\nprospect: B\ndate: 2026-01-01\nthanked: on\n");
	assert_int_equal(f->refrecs.v[0].thanked, RG_NODATE);
	assert_true(has_diag(&f->diags, 4, RG_WARNING, "not a date"));
	rg_file_free(f);
}

static void duplicates(void **state)
{
	(void)state;
	rg_file *f = parse("d.yaml", "name: A\nrole: client\nName: B\n");
	assert_int_equal(f->contacts.n, 1);
	assert_string_equal(f->contacts.v[0].name, "A"); /* the first */
	assert_int_equal(f->diags.nerrors, 1);
	assert_true(has_diag(&f->diags, 3, RG_ERROR, "given twice"));
	assert_int_equal(f->diags.items.v[0].col, 1);
	assert_non_null(strstr(f->diags.items.v[0].msg, "line 1"));
	rg_file_free(f);
	/* in a flow mapping, in a referral: the first date is used */
	f = parse("d.yaml", "- {from: A, prospect: B, date: 2026-01-01, "
			    "date: 2026-05-05}\n");
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].date, day("2026-01-01"));
	assert_int_equal(f->diags.nerrors, 1);
	assert_true(has_diag(&f->diags, 1, RG_ERROR, "'date' given twice"));
	rg_file_free(f);
	/* the same field in two mappings is no duplicate */
	f = parse("d.yaml", "- name: A\n- name: B\n");
	assert_int_equal(f->diags.items.n, 0);
	rg_file_free(f);
}

static void bad_values(void **state)
{
	(void)state;
	rg_file *f = parse("r.yaml",
			   "from: A\nprospect: B\ndate: 2026-02-30\nkind: tip\n"
			   "status: pending\nvalue: 5kg\nclosed: later\n"
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
	assert_int_equal(f->refrecs.v[0].status, RG_ST_NONE);
	assert_int_equal(f->refrecs.v[0].kind, RG_KIND_NONE);
	assert_int_equal(f->refrecs.v[0].closed, RG_NODATE);
	assert_int_equal(f->refrecs.v[0].thanked, RG_NODATE);
	assert_string_equal(f->contacts.v[0].name, "C"); /* the first is used */
	assert_int_equal(f->contacts.v[0].since, RG_NODATE);
	assert_int_equal(f->contacts.v[0].follow_days, 0);
	/* the diagnostics point at the value */
	for (size_t i = 0; i < f->diags.items.n; i++)
		if (f->diags.items.v[i].line == 6)
			assert_int_equal(f->diags.items.v[i].col, 8);
	rg_file_free(f);
	/* required dates are errors; a referral or interaction without one */
	f = parse("r.yaml", "from: A\nprospect: B\n---\ntype: call\nwith: A\n"
			    "---\ndate: 2026-13-01\nwith: A\n");
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].date, RG_NODATE);
	assert_false(has_diag(&f->diags, 1, RG_ERROR, "without 'date'"));
	assert_true(has_diag(&f->diags, 4, RG_ERROR, "without 'date'"));
	assert_true(has_diag(&f->diags, 7, RG_ERROR, "not a date"));
	assert_int_equal(f->inters.n, 2);
	assert_int_equal(f->inters.v[1].date, RG_NODATE);
	assert_int_equal(f->diags.nerrors, 2);
	rg_file_free(f);
	/* durations, values */
	f = parse("r.yaml", "name: A\nfollow_up_every: 0d\n---\n"
			    "from: A\nprospect: B\ndate: 2026-01-01\n"
			    "value: 1e3\n---\nname: B\nfollow_up_every: 3M\n");
	assert_true(has_diag(&f->diags, 2, RG_WARNING, "not a duration"));
	assert_true(has_diag(&f->diags, 7, RG_ERROR, "not a number"));
	assert_false(f->refrecs.v[0].writes & RG_W_VALUE);
	assert_int_equal(f->contacts.v[0].follow_days, 0);
	assert_int_equal(f->contacts.v[1].follow_days, 90);
	rg_file_free(f);
	/* a list where one value is expected */
	f = parse("r.yaml", "name: [A, B]\nid: x\nrole: client\n");
	assert_int_equal(f->contacts.n, 1);
	assert_string_equal(f->contacts.v[0].name, "x");
	assert_true(has_diag(&f->diags, 1, RG_WARNING, "expected a single"));
	rg_file_free(f);
}

static void unquoted_link(void **state)
{
	(void)state;
	rg_file *f = parse("c.yaml",
			   "name: A\nreferred_by: [[Bob Stone]]\n---\n"
			   "date: 2026-01-01\nwith: [[[Ann]], \"[[Cy]]\"]\n"
			   "---\nfrom: [[Ann Lee]]\nprospect: '[[Bo]]'\n"
			   "date: 2026-01-02\n");
	assert_int_equal(f->contacts.v[0].nrefby, 1);
	assert_string_equal(f->contacts.v[0].refby[0].target, "Bob Stone");
	assert_true(
		has_diag(&f->diags, 2, RG_WARNING, "unquoted [[Bob Stone]]"));
	assert_int_equal(f->inters.v[0].nwith, 2);
	assert_string_equal(f->inters.v[0].with[0].target, "Ann");
	assert_string_equal(f->inters.v[0].with[1].target, "Cy");
	assert_true(has_diag(&f->diags, 5, RG_WARNING, "unquoted [[Ann]]"));
	/* a referral whose from is an unquoted link is still a referral */
	assert_int_equal(f->refrecs.n, 1);
	assert_string_equal(f->refrecs.v[0].from.target, "Ann Lee");
	assert_string_equal(f->refrecs.v[0].prospect.target, "Bo");
	assert_true(has_diag(&f->diags, 7, RG_WARNING, "quote"));
	assert_int_equal(f->diags.nerrors, 0);
	assert_int_equal(f->diags.nwarnings, 3); /* quoted ones are fine */
	rg_file_free(f);
}

static void nested_referrals(void **state)
{
	(void)state;
	rg_file *f = parse(
		"m.yaml", "date: 2026-05-05\nreferrals:\n"
			  "  - from: A\n    prospect: B\n"
			  "  - from: A\n    prospect: C\n    date: 2026-06-06\n"
			  "  - from: A\n    prospect: D\n    date: bad\n"
			  "  - from: A\n    prospect: E\n    thanked: true\n");
	assert_int_equal(f->inters.n, 1);
	assert_int_equal(f->refrecs.n, 4);
	assert_int_equal(f->refrecs.v[0].date, day("2026-05-05"));
	assert_int_equal(f->refrecs.v[0].line, 3);
	assert_int_equal(f->refrecs.v[0].col, 5);
	assert_int_equal(f->refrecs.v[1].date, day("2026-06-06"));
	assert_int_equal(f->refrecs.v[2].date, RG_NODATE);
	assert_true(has_diag(&f->diags, 10, RG_ERROR, "not a date"));
	/* thanked: true is the mention's date, here the inherited one */
	assert_int_equal(f->refrecs.v[3].thanked, day("2026-05-05"));
	assert_int_equal(f->diags.nerrors, 1);
	rg_file_free(f);
	/* an interaction with an invalid date passes none on */
	f = parse("m.yaml", "type: meeting\ndate: someday\nreferrals:\n"
			    "  - from: A\n    prospect: B\n");
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].date, RG_NODATE);
	assert_int_equal(f->diags.nerrors, 1); /* the meeting's own date */
	rg_file_free(f);
	/* in front matter too */
	f = parse("m.md", "---\ntype: call\ndate: 2026-07-07\nwith: A\n"
			  "referrals:\n  - from: A\n    prospect: B\n---\n");
	assert_int_equal(f->refrecs.n, 1);
	assert_int_equal(f->refrecs.v[0].date, day("2026-07-07"));
	assert_int_equal(f->refrecs.v[0].line, 6);
	rg_file_free(f);
	/* a top-level referrals: container passes no date; v3: undated
	 * without a word (the graph warns if nothing dates it) */
	f = parse("m.yaml", "referrals:\n  - from: A\n    prospect: B\n");
	assert_int_equal(f->refrecs.v[0].date, RG_NODATE);
	assert_int_equal(f->diags.items.n, 0);
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
	/* the limit counts: just inside it is read, just past it is not */
	rg_limits lim;
	rg_limits_default(&lim);
	lim.max_depth = 3;
	const char *in = "name: A\nx: [[1]]\n---\nname: B\n";
	f = rg_note_parse("d.yaml", in, strlen(in), &lim);
	assert_int_equal(f->diags.nerrors, 0);
	assert_int_equal(f->contacts.n, 2);
	rg_file_free(f);
	const char *past = "name: A\n---\nname: B\nx: [[[1]]]\n---\nname: C\n";
	f = rg_note_parse("d.yaml", past, strlen(past), &lim);
	assert_int_equal(f->diags.nerrors, 1);
	assert_true(has_diag(&f->diags, 4, RG_ERROR, "deeper than 3"));
	assert_int_equal(f->contacts.n, 1); /* the document before is kept */
	assert_string_equal(f->contacts.v[0].name, "A");
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
	assert_true(has_diag(&f->diags, 0, RG_ERROR, "YAML syntax error"));
	assert_true(f->diags.items.v[0].line >= 5);
	rg_file_free(f);
	/* the record limit */
	rg_limits_default(&lim);
	lim.max_records = 2;
	const char *many = "- name: A\n- name: B\n- name: C\n- name: D\n";
	f = rg_note_parse("m.yaml", many, strlen(many), &lim);
	assert_int_equal(f->contacts.n, 2);
	assert_int_equal(f->diags.nerrors, 1);
	assert_true(has_diag(&f->diags, 3, RG_ERROR, "more than 2 records"));
	rg_file_free(f);
}

/* Front matter: one record, and the note's date out of it. */
static void front_matter_read(void **state)
{
	(void)state;
	rg_limits lim;
	rg_limits_default(&lim);
	rg_file *f = rg_file_new("n.md");
	int date = 0;
	const char *t = "name: A\nsince: 2026-03-03\n";
	assert_true(rg_yaml_rec_read(f, t, strlen(t), 2, true, &lim, &date));
	assert_int_equal(date, day("2026-03-03"));
	assert_int_equal(f->contacts.n, 1);
	assert_int_equal(f->contacts.v[0].line, 2);
	rg_file_free(f);
	f = rg_file_new("n.md");
	t = "type: project\ndate: 2026-04-04 10:00\n";
	assert_true(rg_yaml_rec_read(f, t, strlen(t), 2, true, &lim, &date));
	assert_int_equal(date, day("2026-04-04"));
	assert_int_equal(f->skipped.n, 1);
	rg_file_free(f);
	f = rg_file_new("n.md");
	t = "tags: [a]\n";
	assert_true(rg_yaml_rec_read(f, t, strlen(t), 2, true, &lim, &date));
	assert_int_equal(date, RG_NODATE);
	rg_file_free(f);
	f = rg_file_new("n.md");
	t = "name: [A\n";
	date = 5;
	assert_false(rg_yaml_rec_read(f, t, strlen(t), 2, true, &lim, &date));
	assert_int_equal(date, RG_NODATE);
	assert_int_equal(f->diags.nerrors, 1);
	rg_file_free(f);
}

/*
 * thanked: a date, or v3 yes/true (the mention's date) and no/false (not
 * written), any case; on, off are words, so not dates: a warning that
 * shows what works, and absent.
 */
static void thanked_words(void **state)
{
	(void)state;
	const char *words[] = {"on", "off", "soon", "y", "2026-13-01"};
	char buf[128];
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		snprintf(buf, sizeof buf,
			 "from: A\nprospect: B\ndate: 2026-01-01\n"
			 "thanked: %s\n",
			 words[i]);
		rg_file *f = parse("r.yaml", buf);
		size_t n = f->refrecs.n;
		int th = n ? f->refrecs.v[0].thanked : 0;
		bool warned = has_diag(&f->diags, 4, RG_WARNING,
				       "write yes, true or a date");
		int errors = f->diags.nerrors;
		rg_file_free(f);
		assert_int_equal(n, 1);
		assert_int_equal(th, RG_NODATE);
		assert_true(warned);
		assert_int_equal(errors, 0);
	}
	/* true and yes, in any case, no and false, and a date with a time */
	rg_file *f = parse(
		"r.yaml", "- {from: A, prospect: B, date: 2026-01-01, thanked: "
			  "TRUE}\n"
			  "- {from: A, prospect: C, date: 2026-01-01, thanked: "
			  "2026-02-02 9:00}\n"
			  "- {from: A, prospect: D, date: 2026-01-03, thanked: "
			  "Yes}\n"
			  "- {from: A, prospect: E, date: 2026-01-03, thanked: "
			  "NO}\n"
			  "- {from: A, prospect: F, date: 2026-01-03, thanked: "
			  "false}\n");
	assert_int_equal(f->refrecs.v[0].thanked, day("2026-01-01"));
	assert_int_equal(f->refrecs.v[1].thanked, day("2026-02-02"));
	assert_int_equal(f->refrecs.v[2].thanked, day("2026-01-03"));
	assert_int_equal(f->refrecs.v[3].thanked, RG_NODATE);
	assert_int_equal(f->refrecs.v[4].thanked, RG_NODATE);
	assert_int_equal(f->diags.items.n, 0);
	rg_file_free(f);
	/* rewarded: anything but false or no */
	f = parse("r.yaml", "- {from: A, prospect: B, rewarded: a bottle}\n"
			    "- {from: A, prospect: C, rewarded: No}\n"
			    "- {from: A, prospect: D, rewarded: FALSE}\n"
			    "- {from: A, prospect: E, rewarded: YES}\n");
	assert_true(f->refrecs.v[0].rewarded);
	assert_false(f->refrecs.v[1].rewarded);
	assert_false(f->refrecs.v[2].rewarded);
	assert_true(f->refrecs.v[3].rewarded);
	for (size_t i = 0; i < 4; i++)
		assert_true(f->refrecs.v[i].writes & RG_W_REWARDED);
	rg_file_free(f);
}

/* v3: a single scalar in a list field splits at commas outside links. */
static void comma_lists(void **state)
{
	(void)state;
	rg_file *f = parse("c.yaml", "name: A\nrole: client, Partner\n"
				     "aliases: [\"Lee, Ann\", Annie]\n"
				     "referred_by: Bo Lee, [[Cy, Jr|Cy]], , \n"
				     "introduced_by: \"[[Di]], Ed\"\n"
				     "met_through: [[Fay]]\n");
	const rg_contact_rec *c = &f->contacts.v[0];
	assert_int_equal(c->nroles, 2);
	assert_string_equal(c->roles[1], "partner");
	assert_int_equal(c->naliases, 2); /* list items never split */
	assert_string_equal(c->aliases[0], "Lee, Ann");
	assert_int_equal(c->nrefby, 5);
	assert_string_equal(c->refby[0].target, "Bo Lee");
	assert_string_equal(c->refby[1].target, "Cy, Jr");
	assert_string_equal(c->refby[2].target, "Di");
	assert_string_equal(c->refby[3].target, "Ed");
	assert_string_equal(c->refby[4].target, "Fay");
	assert_int_equal(c->refby[1].line, 4);
	rg_file_free(f);
	f = parse("m.yaml",
		  "date: 2026-01-01\nwith: Julia Weiss, Tomas Ortega\n");
	assert_int_equal(f->inters.v[0].nwith, 2);
	assert_string_equal(f->inters.v[0].with[1].target, "Tomas Ortega");
	rg_file_free(f);
}

/* v3: kinds and roles from tags. */
static void tags(void **state)
{
	(void)state;
	rg_file *f =
		parse("t.yaml", "tags: [person, client]\nname: A\n---\n"
				"tags: \"#crm/Client, #vip\"\nid: B\n---\n"
				"tags: [Meeting]\nwith: B\n---\n"
				"tags: lead\nfrom: A\nprospect: C\n---\n"
				"tags: [Referral]\nfrom: A\nprospect: D\n---\n"
				"type: project\ntags: [person]\nname: E\n---\n"
				"tags: [vip, friends/Former-Client]\nid: G\n"
				"---\n"
				"tags: [vip]\n---\n"
				"type: contact\nrole: client\ntags: [Client, "
				"partner]\nname: F\n");
	assert_int_equal(f->contacts.n, 4);
	assert_int_equal(f->contacts.v[0].nroles, 1);
	assert_string_equal(f->contacts.v[0].roles[0], "client");
	/* a role tag alone makes a contact */
	assert_int_equal(f->contacts.v[1].nroles, 1);
	assert_string_equal(f->contacts.v[2].roles[0], "former-client");
	assert_int_equal(f->contacts.v[3].nroles, 2); /* each role once */
	assert_string_equal(f->contacts.v[3].roles[1], "partner");
	assert_int_equal(f->inters.n, 1);
	assert_int_equal(f->refrecs.n, 2); /* by fields, and by a tag */
	assert_int_equal(f->skipped.n, 2); /* type project; only vip */
	rg_file_free(f);
	/* a person note with only tags, in Markdown: one contact, its id
	 * the file's name */
	f = parse("people/Julia Weiss.md",
		  "---\ntags: [person, client]\n---\n");
	assert_int_equal(f->contacts.n, 1);
	assert_string_equal(f->contacts.v[0].id, "Julia Weiss");
	assert_string_equal(f->contacts.v[0].roles[0], "client");
	rg_file_free(f);
	/* a kind tag overrides a list's kind, as a type does */
	f = parse("l.yaml", "contacts:\n  - name: A\n  - tags: [call]\n"
			    "    with: A\n    date: 2026-01-01\n");
	assert_int_equal(f->contacts.n, 1);
	assert_int_equal(f->inters.n, 1);
	rg_file_free(f);
}

/* v3: attendees and participants; with alone; the file name's date. */
static void interactions(void **state)
{
	(void)state;
	rg_file *f = parse("meetings/2026-11-01 lunch.md",
			   "---\nattendees: [A, B]\nwith: C\n"
			   "participants: D, E\n---\n");
	assert_int_equal(f->inters.n, 1);
	const rg_inter_rec *in = &f->inters.v[0];
	assert_int_equal(in->date, day("2026-11-01"));
	assert_int_equal(in->nwith, 5);
	assert_string_equal(in->with[0].target, "A");
	assert_string_equal(in->with[2].target, "C");
	assert_string_equal(in->with[4].target, "E");
	assert_int_equal(f->diags.items.n, 0);
	rg_file_free(f);
	/* nested referrals take the file name's date too */
	f = parse("2026-11-02.yaml", "with: A\nreferrals:\n"
				     "  - {from: A, prospect: B}\n");
	assert_int_equal(f->inters.v[0].date, day("2026-11-02"));
	assert_int_equal(f->refrecs.v[0].date, day("2026-11-02"));
	assert_int_equal(f->diags.items.n, 0);
	rg_file_free(f);
	/* neither: an error; an invalid date is not replaced */
	f = parse("notes/lunch.yaml",
		  "type: meeting\nwith: A\n---\nwith: B\ndate: soon\n");
	assert_int_equal(f->inters.n, 2);
	assert_int_equal(f->inters.v[0].date, RG_NODATE);
	assert_true(has_diag(&f->diags, 1, RG_ERROR, "without 'date'"));
	assert_true(has_diag(&f->diags, 5, RG_ERROR, "not a date"));
	rg_file_free(f);
	f = parse("2026-11-03.yaml", "with: B\ndate: soon\n");
	assert_int_equal(f->inters.v[0].date, RG_NODATE);
	assert_true(has_diag(&f->diags, 2, RG_ERROR, "not a date"));
	rg_file_free(f);
}

/* v3: numbers with currencies, the 1.800 warning, messages that teach. */
static void value_forms(void **state)
{
	(void)state;
	rg_file *f =
		parse("r.yaml", "- {from: A, prospect: B, value: \"€1,800\"}\n"
				"- {from: A, prospect: C, value: 2.5k USD}\n"
				"- {from: A, prospect: D, value: 1.800}\n"
				"- from: A\n  prospect: E\n  value: €1,800x\n"
				"- {from: A, prospect: F, date: 2026-11-3}\n");
	assert_true(f->refrecs.v[0].value == 1800);
	assert_true(f->refrecs.v[1].value == 2500);
	assert_true(f->refrecs.v[2].value == 1.8);
	assert_true(f->refrecs.v[2].writes & RG_W_VALUE);
	assert_true(has_diag(&f->diags, 3, RG_WARNING,
			     "value: '1.800' is read as 1.8; if '.' separates "
			     "thousands"));
	assert_false(f->refrecs.v[3].writes & RG_W_VALUE);
	assert_true(has_diag(&f->diags, 6, RG_ERROR,
			     "value: '€1,800x' is not a number; write 1800, "
			     "1,800 or €1,800"));
	assert_true(has_diag(&f->diags, 7, RG_ERROR,
			     "date: '2026-11-3' is not a date; write "
			     "YYYY-MM-DD, optionally with a time such as "
			     "2026-11-03 9:30"));
	assert_int_equal(f->diags.nwarnings, 1);
	assert_int_equal(f->diags.nerrors, 2);
	rg_file_free(f);
}

typedef struct deep_job {
	const char *text;
	rg_file *f;
} deep_job;

static void *deep_parse(void *arg)
{
	deep_job *j = arg;
	rg_limits lim;
	rg_limits_default(&lim);
	lim.max_depth = RG_LIMIT_MAX_DEPTH;
	j->f = rg_note_parse("deep.yaml", j->text, strlen(j->text), &lim);
	return NULL;
}

/*
 * Interactions nested in referrals as deep as the largest max_depth allows
 * are read on a small thread stack (files are read on worker threads), in
 * the order they are written.
 */
static void deep_records(void **state)
{
	(void)state;
	enum { LEVELS = RG_LIMIT_MAX_DEPTH / 2 - 1 };
	rg_buf b = {0};
	rg_buf_puts(&b, "date: 2026-01-01\nwith: L0\nreferrals:\n");
	for (int i = 1; i < LEVELS; i++) {
		int ind = 2 + 4 * (i - 1);
		rg_buf_printf(&b, "%*s- type: meeting\n", ind, "");
		rg_buf_printf(&b, "%*s  date: 2026-01-02\n", ind, "");
		rg_buf_printf(&b, "%*s  with: L%d\n", ind, "", i);
		rg_buf_printf(&b, "%*s  referrals:\n", ind, "");
		rg_buf_printf(&b, "%*s    - {from: A, prospect: P%d}\n", ind,
			      "", i);
	}
	deep_job j = {b.s, NULL};
	pthread_attr_t attr;
	pthread_t th;
	assert_int_equal(pthread_attr_init(&attr), 0);
	assert_int_equal(pthread_attr_setstacksize(&attr, 128 * 1024), 0);
	assert_int_equal(pthread_create(&th, &attr, deep_parse, &j), 0);
	assert_int_equal(pthread_join(th, NULL), 0);
	pthread_attr_destroy(&attr);
	rg_buf_free(&b);
	assert_int_equal(j.f->diags.items.n, 0);
	assert_int_equal(j.f->inters.n, LEVELS);
	assert_int_equal(j.f->refrecs.n, LEVELS - 1);
	for (size_t i = 0; i < j.f->inters.n; i++) {
		char want[32];
		snprintf(want, sizeof want, "L%zu", i);
		assert_string_equal(j.f->inters.v[i].with[0].target, want);
	}
	/* each level's list is [its referral, the next meeting]: in order */
	for (size_t i = 0; i < j.f->refrecs.n; i++) {
		char want[32];
		snprintf(want, sizeof want, "P%zu", i + 1);
		assert_string_equal(j.f->refrecs.v[i].prospect.target, want);
		assert_int_equal(j.f->refrecs.v[i].date, day("2026-01-02"));
	}
	rg_file_free(j.f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kinds),
		cmocka_unit_test(kinds_by_type),
		cmocka_unit_test(kinds_by_fields),
		cmocka_unit_test(containers),
		cmocka_unit_test(values),
		cmocka_unit_test(absent_and_words),
		cmocka_unit_test(duplicates),
		cmocka_unit_test(bad_values),
		cmocka_unit_test(unquoted_link),
		cmocka_unit_test(nested_referrals),
		cmocka_unit_test(limits),
		cmocka_unit_test(front_matter_read),
		cmocka_unit_test(thanked_words),
		cmocka_unit_test(comma_lists),
		cmocka_unit_test(tags),
		cmocka_unit_test(interactions),
		cmocka_unit_test(value_forms),
		cmocka_unit_test(deep_records),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
