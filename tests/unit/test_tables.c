/*
 * test_tables: the column descriptions as every format draws them: the
 * v3 follow-up keys (JSON nulls, CSV columns), the action in plain words
 * for people, reciprocity, asks and summary in each format (the summary
 * first for people, a key/value block), one report per CSV, Markdown's
 * light escaping and wiki-links, places cut in the middle in text, and
 * overdue rows shaded by how late they are.
 */
#include "testlib.h"

#include "refgraph/render.h"

static char *draw(const char *fmt, const rg_report *r, bool wiki, bool color)
{
	rg_render_opts o = {0};
	o.ahead = -1;
	o.since = RG_NODATE;
	o.links_wiki = wiki;
	o.color = color;
	rg_buf b = {0};
	rg_renderer(fmt)(&b, r, NULL, &o);
	return b.s ? b.s : strdup("");
}

static rg_fu_row *fu_row(rg_report *r, rg_fu_reason why, const char *who,
			 int days)
{
	rg_fu_row *f = RG_VEC_PUSH(r->followups);
	f->reason = why;
	f->contact = who;
	f->days_overdue = days;
	f->due = day("2026-11-22") - days;
	f->file = "n.md";
	f->line = 1;
	f->last_touch = f->date = RG_NODATE;
	return f;
}

/* The four examples, one row each. */
static void followups_of(rg_report *r)
{
	memset(r, 0, sizeof *r);
	r->today = day("2026-11-22");
	r->has_followups = true;
	rg_fu_row *f = fu_row(r, RG_FU_PROSPECT, "Ravi Menon", 42);
	f->source = "Dana Whitfield";
	f->prospect = "Ravi Menon";
	f->status = RG_ST_CONTACTED;
	f->date = day("2026-09-14");
	f->last_touch = day("2026-10-04");
	f = fu_row(r, RG_FU_INFORM, "Dana Whitfield", 10);
	f->source = "Dana Whitfield";
	f->prospect = "Ines Navarro";
	f->status = RG_ST_WON;
	f = fu_row(r, RG_FU_CLIENT, "Marco Ruiz", 3);
	f->last_touch = day("2026-10-15");
	f = fu_row(r, RG_FU_TASK, NULL, -2);
	f->task = "send the deck to Ines";
}

static void actions(void **state)
{
	(void)state;
	rg_report r;
	followups_of(&r);
	static const char *const fmts[] = {"text", "md", "html"};
	for (size_t k = 0; k < 3; k++) {
		char *s = draw(fmts[k], &r, false, false);
		assert_non_null(strstr(s, "Call Ravi Menon: introduced by Dana "
					  "Whitfield on 2026-09-14, contacted, "
					  "last touch 2026-10-04"));
		assert_non_null(
			strstr(s, "Tell Dana Whitfield how Ines Navarro went "
				  "(won)"));
		assert_non_null(strstr(s,
				       "Catch up with Marco Ruiz: last touch "
				       "2026-10-15"));
		assert_non_null(strstr(s, "send the deck to Ines"));
		free(s);
	}
	/* an open referral is still going; a client never touched says so */
	r.followups.v[1].status = RG_ST_MEETING;
	r.followups.v[2].last_touch = RG_NODATE;
	char *s = draw("text", &r, false, false);
	assert_non_null(strstr(s, "how Ines Navarro is going (meeting)"));
	assert_non_null(strstr(s, "Catch up with Marco Ruiz: not touched yet"));
	free(s);
	rg_report_free(&r);
}

static void followup_keys(void **state)
{
	(void)state;
	rg_report r;
	followups_of(&r);
	char *s = draw("json", &r, false, false);
	assert_non_null(strstr(
		s, "\"line\": 1, \"source\": \"Dana Whitfield\", \"prospect\": "
		   "\"Ravi Menon\", \"status\": \"contacted\", \"last_touch\": "
		   "\"2026-10-04\", \"task\": null}"));
	/* every row has every key, null where the spec says */
	assert_non_null(strstr(s, "\"status\": \"won\", \"last_touch\": null, "
				  "\"task\": null}"));
	assert_non_null(strstr(s, "\"source\": null, \"prospect\": null, "
				  "\"status\": null, \"last_touch\": "
				  "\"2026-10-15\", \"task\": null}"));
	assert_non_null(strstr(s, "\"source\": null, \"prospect\": null, "
				  "\"status\": null, \"last_touch\": null, "
				  "\"task\": \"send the deck to Ines\"}"));
	free(s);
	s = draw("csv", &r, false, false);
	assert_non_null(strstr(s, "reason,contact,due,days_overdue,file,line,"
				  "source,prospect,status,last_touch,task\n"));
	assert_non_null(strstr(s, "prospect,Ravi Menon,2026-10-11,42,n.md,1,"
				  "Dana Whitfield,Ravi Menon,contacted,"
				  "2026-10-04,\n"));
	assert_non_null(strstr(s, "task,,2026-11-24,-2,n.md,1,,,,,send the "
				  "deck to Ines\n"));
	free(s);
	/* md and html show the keys as columns too; text leaves them out */
	s = draw("md", &r, false, false);
	assert_non_null(strstr(s, "| Source | Prospect | Status | Last touch "
				  "| Task |"));
	free(s);
	s = draw("html", &r, false, false);
	assert_non_null(strstr(s, ">Last touch</th>"));
	free(s);
	s = draw("text", &r, false, false);
	assert_null(strstr(s, "Last touch"));
	free(s);
	rg_report_free(&r);
}

/* Shaded by lateness: a week, a month, more; nothing for not yet due. */
static void lateness(void **state)
{
	(void)state;
	assert_int_equal(rg_lateness(-1), RG_LATE_NONE);
	assert_int_equal(rg_lateness(0), RG_LATE_NONE);
	assert_int_equal(rg_lateness(1), RG_LATE_DAYS);
	assert_int_equal(rg_lateness(7), RG_LATE_DAYS);
	assert_int_equal(rg_lateness(8), RG_LATE_WEEKS);
	assert_int_equal(rg_lateness(30), RG_LATE_WEEKS);
	assert_int_equal(rg_lateness(31), RG_LATE_MONTHS);
	rg_report r = {0};
	r.today = day("2026-11-22");
	r.has_followups = true;
	fu_row(&r, RG_FU_TASK, "A", 40);
	fu_row(&r, RG_FU_TASK, "B", 10);
	fu_row(&r, RG_FU_TASK, "C", 3);
	fu_row(&r, RG_FU_TASK, "D", -2);
	char *s = draw("text", &r, false, true);
	const char *a = strstr(s, "\033[1;31m2026-10-13");
	const char *b = strstr(s, "\033[31m2026-11-12");
	const char *c = strstr(s, "\033[33m2026-11-19");
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	assert_true(a < b && b < c);
	assert_non_null(strstr(s, "  2026-11-24")); /* not yet due: plain */
	free(s);
	s = draw("text", &r, false, false);
	assert_null(strchr(s, '\033'));
	free(s);
	s = draw("html", &r, false, false);
	assert_non_null(strstr(s,
			       "<tr class=\"due late-months\"><td class=\"nw\" "
			       "data-label=\"Due\">2026-10-13"));
	assert_non_null(strstr(s,
			       "<tr class=\"due late-weeks\"><td class=\"nw\" "
			       "data-label=\"Due\">2026-11-12"));
	assert_non_null(strstr(s,
			       "<tr class=\"due late-days\"><td class=\"nw\" "
			       "data-label=\"Due\">2026-11-19"));
	assert_non_null(strstr(
		s, "<tr><td class=\"nw\" data-label=\"Due\">2026-11-24"));
	free(s);
	rg_report_free(&r);
}

static void v3_reports(rg_report *r)
{
	memset(r, 0, sizeof *r);
	r->today = day("2026-11-22");
	r->has_followups = r->has_reciprocity = r->has_asks = true;
	r->has_summary = r->has_sources = r->has_uncredited = true;
	rg_rec_row *x = RG_VEC_PUSH(r->reciprocity);
	x->contact = "Ann";
	x->received = 3;
	x->received_won = 1;
	x->given = 1;
	x->balance = -2;
	x->last_received = day("2026-10-01");
	x->last_given = RG_NODATE;
	x->file = "people/Ann.md";
	x->line = 2;
	rg_ask_row *a = RG_VEC_PUSH(r->asks);
	a->contact = "Bo";
	a->last_asked = a->last_referral = a->last_touch = RG_NODATE;
	a->last_testimonial = day("2026-04-01");
	a->file = "people/Bo.md";
	a->line = 2;
	rg_summary *s = &r->summary;
	s->clients = 3;
	s->referring_clients = 2;
	s->has_referral_number = true;
	s->referral_number = 2.0 / 3;
	s->referrals = 5;
	s->won = 3;
	s->won_value = 12345.5;
	s->has_median = true;
	s->median_days_to_close = 12.5;
}

static void new_reports(void **state)
{
	(void)state;
	rg_report r;
	v3_reports(&r);
	char *s = draw("json", &r, false, false);
	assert_non_null(strstr(
		s,
		"\"reciprocity\": [\n    {\"contact\": \"Ann\", \"received\": "
		"3, \"received_won\": 1, \"given\": 1, \"given_won\": 0, "
		"\"balance\": -2, \"last_received\": \"2026-10-01\", "
		"\"last_given\": null, \"file\": \"people/Ann.md\", "
		"\"line\": 2}\n  ]"));
	assert_non_null(strstr(
		s,
		"\"asks\": [\n    {\"contact\": \"Bo\", \"last_asked\": null, "
		"\"last_testimonial\": \"2026-04-01\", \"referrals\": 0, "
		"\"last_referral\": null, \"last_touch\": null, \"file\": "
		"\"people/Bo.md\", \"line\": 2}\n  ]"));
	assert_non_null(strstr(
		s,
		"\"summary\": {\"clients\": 3, \"referring_clients\": 2, "
		"\"testimonials\": 0, \"referral_number\": "
		"0.6666666666666666, \"referrals\": 5, \"open\": 0, \"won\": "
		"3, \"lost\": 0, \"conversion\": null, \"won_value\": "
		"12345.5, \"median_days_to_close\": 12.5}\n}\n"));
	/* all six keys, in the contract's order */
	const char *k[] = {"\"followups\"",   "\"sources\"", "\"uncredited\"",
			   "\"reciprocity\"", "\"asks\"",    "\"summary\""};
	for (size_t i = 1; i < 6; i++)
		assert_true(strstr(s, k[i - 1]) < strstr(s, k[i]));
	free(s);
	/* for people the summary comes first, as a key/value block */
	s = draw("text", &r, false, false);
	assert_true(strncmp(s, "Referral number on 2026-11-22\n", 30) == 0);
	assert_non_null(strstr(s, "  Referral number            67%\n"));
	assert_non_null(strstr(s, "  Conversion                   -\n"));
	assert_non_null(strstr(s, "  Won value             12,345.5\n"));
	assert_non_null(strstr(s, "Referral partners on 2026-11-22, least "
				  "given back first: 1"));
	assert_non_null(strstr(s, "Clients to ask for a referral on "
				  "2026-11-22, warmest first: 1"));
	free(s);
	s = draw("md", &r, false, false);
	assert_true(strncmp(s,
			    "## Referral number on 2026-11-22\n\n| Measure "
			    "| Value |\n",
			    44) == 0);
	assert_non_null(strstr(s, "| Median days to close | 12.5 |\n"));
	free(s);
	s = draw("html", &r, false, false);
	assert_true(strstr(s, "<section id=\"summary\">") <
		    strstr(s, "<section id=\"followups\">"));
	free(s);
	rg_report_free(&r);
}

/* --output-dir asks one report at a time: the CSV is that one table. */
static void one_csv(void **state)
{
	(void)state;
	rg_report r;
	v3_reports(&r);
	r.has_followups = r.has_sources = r.has_uncredited = false;
	r.has_reciprocity = r.has_summary = false;
	char *s = draw("csv", &r, false, false);
	assert_string_equal(s, "contact,last_asked,last_testimonial,referrals,"
			       "last_referral,last_touch,file,line\n"
			       "Bo,,2026-04-01,0,,,people/Bo.md,2\n");
	free(s);
	r.has_asks = false;
	r.has_summary = true;
	s = draw("csv", &r, false, false);
	assert_string_equal(s, "clients,referring_clients,testimonials,"
			       "referral_number,referrals,open,won,lost,"
			       "conversion,won_value,median_days_to_close\n"
			       "3,2,0,0.6666666666666666,5,0,3,0,,12345.5,"
			       "12.5\n");
	free(s);
	rg_report_free(&r);
}

static void markdown(void **state)
{
	(void)state;
	rg_report r = {0};
	r.today = day("2026-11-22");
	r.has_uncredited = true;
	static const char *const names[] = {"Ann-Lee Jr.", "- Bo", "C|D",
					    "#tag", "E & F (x)"};
	for (size_t i = 0; i < 5; i++) {
		rg_un_row *u = RG_VEC_PUSH(r.uncredited);
		u->contact = names[i];
		u->source = i ? NULL : "Sam";
		u->date = RG_NODATE;
		u->file = "people/a-b.md";
		u->line = (int)i + 1;
	}
	char *s = draw("md", &r, false, false);
	/* dates, dashes and dots read as they are */
	assert_non_null(strstr(s, "## Uncredited referrals on 2026-11-22: 5"));
	assert_non_null(strstr(s, "| Ann-Lee Jr. | Sam | people/a-b.md:1 |"));
	assert_non_null(strstr(s, "| \\- Bo |"));
	assert_non_null(strstr(s, "| C\\|D |"));
	assert_non_null(strstr(s, "| \\#tag |"));
	assert_non_null(strstr(s, "| E & F (x) |"));
	free(s);
	/* wiki-links: names and places; a name a link cannot hold stays text,
	 * a null name empty */
	s = draw("md", &r, true, false);
	assert_non_null(strstr(s, "| [[Ann-Lee Jr.]] | [[Sam]] | "
				  "[[people/a-b.md\\|people/a-b.md:1]] |"));
	assert_non_null(strstr(s, "| C\\|D |  |"));
	assert_non_null(strstr(s, "| \\#tag |"));
	free(s);
	rg_report_free(&r);
}

/* A long place is cut in the middle and the columns after it stay put. */
static void long_place(void **state)
{
	(void)state;
	rg_report r = {0};
	r.today = day("2026-11-22");
	r.has_followups = true;
	rg_fu_row *f = fu_row(&r, RG_FU_TASK, "Ann", 2);
	f->file = "projects/clients/2026/a very long folder name/and a "
		  "longer note name.md";
	f->line = 1234;
	f->task = "call";
	f = fu_row(&r, RG_FU_TASK, "Bo", 1);
	f->file = "b.md";
	f->task = "write";
	char *s = draw("text", &r, false, false);
	const char *head = strstr(s, "Action");
	const char *one = strstr(s, "call\n");
	const char *two = strstr(s, "write\n");
	assert_non_null(head);
	assert_non_null(one);
	assert_non_null(two);
	/* the same column on every line */
	const char *l0 = head;
	while (l0[-1] != '\n')
		l0--;
	size_t col = (size_t)(head - l0);
	const char *l1 = one;
	while (l1[-1] != '\n')
		l1--;
	const char *l2 = two;
	while (l2[-1] != '\n')
		l2--;
	/* in columns: the ellipsis is one column in three bytes */
	assert_int_equal((size_t)(one - l1) - 2, col);
	assert_int_equal((size_t)(two - l2), col);
	/* head and tail kept: the folder and the line */
	assert_non_null(strstr(s, "projects/clients/20\xe2\x80\xa6"
				  "er note name.md:1234  call"));
	free(s);
	rg_report_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(actions),    cmocka_unit_test(followup_keys),
		cmocka_unit_test(lateness),   cmocka_unit_test(new_reports),
		cmocka_unit_test(one_csv),    cmocka_unit_test(markdown),
		cmocka_unit_test(long_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
