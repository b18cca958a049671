/*
 * test_show: one contact's history (rep_show.c): every kind of row with
 * what made it and its place, in date order with undated rows last, the
 * follow-ups of the day, the owner, and the lookup of a name as the notes
 * resolve it (alias, folding, `me`, "did you mean", both places of an
 * ambiguous name); and the JSON shape, `show` with `contact` and
 * `history`.
 */
#include "testlib.h"

#include "refgraph/render.h"

static const char *const files[] = {
	"daily/2026-11-02.md",
	"with:: [[Dana Whitfield]]\nasked:: Dana Whitfield\n"
	"testimonial:: DW\n",
	"log/2026-10-01 lunch.md",
	"---\ntype: meeting\ndate: 2026-10-01\nwith: [\"[[Dana Whitfield]]\", "
	"Ivo]\n---\n"
	"referral:: [[Dana Whitfield]] -> Eli Park\n"
	"- [x] Send the deck to [[DW]] ✅ 2026-10-03\n"
	"- [ ] Call [[dana whitfield]] due:2026-11-01\n"
	"- [x] Lunch with [[Ivo]] and [[Dana Whitfield]] ✅ 2026-10-05\n",
	"people/Dana Whitfield.md",
	"---\nrole: [client, partner]\naliases: [DW]\n"
	"last_contact: 2026-08-01\n---\n",
	"people/Hal.md",
	"---\nrole: client\nreferred_by: Dana Whitfield\nsince: 2026-03-01\n"
	"---\n",
	"people/Ivo.md",
	"---\nrole: partner\naliases: [D]\n---\n",
	"people/Jo.md",
	"---\nrole: partner\naliases: [D]\n---\n",
	"refs.yaml",
	"- from: Dana Whitfield\n  prospect: Fay\n"
	"- from: me\n  prospect: Gus\n  to: Dana Whitfield\n"
	"  date: 2026-09-15\n",
	NULL};

typedef struct want {
	const char *date; /* NULL: undated */
	rg_show_kind kind;
	const char *what, *contact, *status, *file;
} want;

static void check_rows(const rg_report *r, const want *w, size_t n)
{
	/* on a failure, the rows there are */
	for (size_t i = 0; r->history.n != n && i < r->history.n; i++) {
		const rg_show_row *x = &r->history.v[i];
		char got[11] = "";
		if (x->date != RG_NODATE)
			rg_date_format(x->date, got);
		print_message("row %zu: %s %s %s %s:%d\n", i, got,
			      rg_show_kind_name(x->kind), x->what, x->file,
			      x->line);
	}
	for (size_t i = 0; i < n && i < r->history.n; i++) {
		const rg_show_row *x = &r->history.v[i];
		char got[11] = "";
		if (x->date != RG_NODATE)
			rg_date_format(x->date, got);
		assert_string_equal(got, w[i].date ? w[i].date : "");
		assert_int_equal(x->kind, w[i].kind);
		assert_string_equal(x->what, w[i].what);
		assert_true(rg_strcmp_null(x->contact, w[i].contact) == 0);
		assert_true(rg_strcmp_null(x->status, w[i].status) == 0);
		assert_string_equal(x->file, w[i].file);
	}
	assert_int_equal(r->history.n, n);
}

static void test_history(void **state)
{
	(void)state;
	vault v;
	vault_build(&v, NULL, files);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	char *why = NULL;
	int c = rg_show_find(&v.g, "Dana Whitfield", &why);
	assert_null(why);
	assert_int_equal(c, contact(&v.g, "Dana Whitfield"));
	rg_report r = {0};
	rg_report_show(&r, &v.g, &o, c);
	assert_true(r.has_show);
	assert_string_equal(r.show_contact.name, "Dana Whitfield");
	assert_int_equal(r.show_contact.nroles, 2);
	assert_false(r.show_contact.implicit);
	assert_string_equal(r.show_contact.file, "people/Dana Whitfield.md");
	const char *lg = "log/2026-10-01 lunch.md", *dy = "daily/2026-11-02.md";
	const want w[] = {
		{"2026-03-01", RG_SHOW_REFERRAL, "source", "Hal", "won",
		 "people/Hal.md"},
		{"2026-03-15", RG_SHOW_DUTY, "inform", "Hal", "won",
		 "people/Hal.md"},
		{"2026-08-01", RG_SHOW_TOUCH, "last_contact", NULL, NULL,
		 "people/Dana Whitfield.md"},
		{"2026-09-15", RG_SHOW_REFERRAL, "receiver", "Gus", "new",
		 "refs.yaml"},
		{"2026-10-01", RG_SHOW_TOUCH, "interaction", NULL, NULL, lg},
		{"2026-10-01", RG_SHOW_REFERRAL, "source", "Eli Park", "new",
		 lg},
		{"2026-10-03", RG_SHOW_TOUCH, "done task", NULL, NULL, lg},
		{"2026-10-03", RG_SHOW_TASK, "Send the deck to DW", NULL,
		 "done", lg},
		{"2026-10-05", RG_SHOW_TOUCH, "done task", NULL, NULL, lg},
		{"2026-10-15", RG_SHOW_DUTY, "inform", "Eli Park", "new", lg},
		{"2026-11-01", RG_SHOW_TASK, "Call dana whitfield", NULL,
		 "open", lg},
		{"2026-11-01", RG_SHOW_DUTY, "task", NULL, NULL, lg},
		{"2026-11-02", RG_SHOW_TOUCH, "with::", NULL, NULL, dy},
		{"2026-11-02", RG_SHOW_ASK, "asked::", NULL, NULL, dy},
		{"2026-11-02", RG_SHOW_TESTIMONIAL, "testimonial::", NULL, NULL,
		 dy},
		{NULL, RG_SHOW_REFERRAL, "source", "Fay", "new", "refs.yaml"},
	};
	check_rows(&r, w, sizeof w / sizeof *w);
	/* the task duty is the followups report's own row */
	assert_int_equal(r.history.v[11].days_overdue, 21);
	rg_report_free(&r);
	vault_free(&v);
}

static void test_find(void **state)
{
	(void)state;
	vault v;
	vault_build(&v, NULL, files);
	char *why = NULL;
	int dana = contact(&v.g, "Dana Whitfield");
	assert_int_equal(rg_show_find(&v.g, "dw", &why), dana);
	assert_int_equal(rg_show_find(&v.g, "  DANA WHITFIELD ", &why), dana);
	assert_int_equal(
		rg_show_find(&v.g, "[[people/Dana Whitfield|D]]", &why), dana);
	assert_int_equal(rg_show_find(&v.g, "ME", &why), v.g.owner);
	assert_int_equal(rg_show_find(&v.g, "eli park", &why),
			 contact(&v.g, "Eli Park"));
	assert_null(why);
	assert_int_equal(rg_show_find(&v.g, "Dana Whitfeld", &why), -1);
	assert_string_equal(why, "no contact is named 'Dana Whitfeld'; did "
				 "you mean 'Dana Whitfield'?");
	free(why);
	assert_int_equal(rg_show_find(&v.g, "Zed", &why), -1);
	assert_string_equal(why, "no contact is named 'Zed'");
	free(why);
	assert_int_equal(rg_show_find(&v.g, "d", &why), -1);
	assert_string_equal(why, "'d' is ambiguous: the alias of the contacts "
				 "at people/Ivo.md:2 and people/Jo.md:2");
	free(why);
	assert_int_equal(rg_show_find(&v.g, " ", &why), -1);
	assert_non_null(why);
	free(why);
	vault_free(&v);
}

/* The owner set by `me` to a written contact: its referrals, no touch. */
static void test_owner(void **state)
{
	(void)state;
	static const char *const own[] = {
		"people/Pat.md",
		"---\nrole: consultant\nlast_contact: 2026-01-01\n---\n"
		"with:: Ann\n",
		"refs.yaml",
		"- from: Ann\n  prospect: Bo\n  date: 2026-10-01\n", NULL};
	vault v;
	vault_build(&v, "Pat", own);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	char *why = NULL;
	int c = rg_show_find(&v.g, "me", &why);
	assert_int_equal(c, v.g.owner);
	assert_int_equal(rg_show_find(&v.g, "pat", &why), c);
	rg_report r = {0};
	rg_report_show(&r, &v.g, &o, c);
	const want w[] = {{"2026-10-01", RG_SHOW_REFERRAL, "receiver", "Bo",
			   "new", "refs.yaml"}};
	check_rows(&r, w, 1);
	rg_report_free(&r);
	/* Bo's referral date touches it; its follow-up is its duty */
	memset(&r, 0, sizeof r);
	rg_report_show(&r, &v.g, &o, rg_show_find(&v.g, "Bo", &why));
	assert_true(r.show_contact.implicit);
	const want wb[] = {
		{"2026-10-01", RG_SHOW_TOUCH, "referral", "Ann", NULL,
		 "refs.yaml"},
		{"2026-10-01", RG_SHOW_REFERRAL, "prospect", "Ann", "new",
		 "refs.yaml"},
		{"2026-10-08", RG_SHOW_DUTY, "prospect", "Ann", "new",
		 "refs.yaml"},
	};
	check_rows(&r, wb, 3);
	rg_report_free(&r);
	vault_free(&v);
}

static void test_json(void **state)
{
	(void)state;
	vault v;
	vault_build(&v, NULL, files);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	char *why = NULL;
	rg_report r = {0};
	rg_report_show(&r, &v.g, &o, rg_show_find(&v.g, "Eli Park", &why));
	rg_render_opts ro = {0};
	ro.ahead = -1;
	ro.since = RG_NODATE;
	rg_buf b = {0};
	rg_render_json(&b, &r, &v.g, &ro);
	assert_string_equal(
		b.s, "{\n  \"today\": \"2026-11-22\",\n  \"show\": {\n"
		     "    \"contact\": {\"name\": \"Eli Park\", \"roles\": "
		     "null, \"implicit\": true, \"file\": \"log/2026-10-01 "
		     "lunch.md\", \"line\": 6},\n"
		     "    \"history\": [\n"
		     "      {\"date\": \"2026-10-01\", \"kind\": \"touch\", "
		     "\"what\": \"referral\", \"contact\": \"Dana Whitfield\", "
		     "\"status\": null, \"file\": \"log/2026-10-01 lunch.md\", "
		     "\"line\": 6},\n"
		     "      {\"date\": \"2026-10-01\", \"kind\": \"referral\", "
		     "\"what\": \"prospect\", \"contact\": \"Dana Whitfield\", "
		     "\"status\": \"new\", \"file\": \"log/2026-10-01 "
		     "lunch.md\", \"line\": 6},\n"
		     "      {\"date\": \"2026-10-08\", \"kind\": \"duty\", "
		     "\"what\": \"prospect\", \"contact\": \"Dana Whitfield\", "
		     "\"status\": \"new\", \"file\": \"log/2026-10-01 "
		     "lunch.md\", \"line\": 6}\n"
		     "    ]\n  }\n}\n");
	rg_buf_free(&b);
	/* people see the contact as a table of one row, with headers */
	rg_render_text(&b, &r, &v.g, &ro);
	assert_non_null(strstr(b.s, "Eli Park on 2026-11-22\n  Name"));
	assert_non_null(strstr(b.s, "History of Eli Park on 2026-11-22, "
				    "oldest first: 3\n"));
	rg_buf_free(&b);
	/* html: the contact and its history, each a section of its own */
	rg_render_html(&b, &r, &v.g, &ro);
	assert_non_null(strstr(b.s, "<section id=\"contact\">"));
	assert_non_null(strstr(b.s, "<section id=\"history\">"));
	rg_buf_free(&b);
	rg_report_free(&r);
	vault_free(&v);
}

/* The latest touch in each contact's history is the graph's last touch:
 * the history and touches.c read touches alike. */
static void test_touches_agree(void **state)
{
	(void)state;
	vault v;
	vault_build(&v, NULL, files);
	rg_report_opts o;
	opts_default(&o, "2026-11-22");
	size_t touched = 0;
	for (size_t c = 0; c < v.g.contacts.n; c++) {
		rg_report r = {0};
		rg_report_show(&r, &v.g, &o, (int)c);
		int last = RG_NODATE;
		for (size_t i = 0; i < r.history.n; i++)
			if (r.history.v[i].kind == RG_SHOW_TOUCH &&
			    (last == RG_NODATE || r.history.v[i].date > last))
				last = r.history.v[i].date;
		assert_int_equal(last, v.g.contacts.v[c].last_touch);
		touched += last != RG_NODATE;
		rg_report_free(&r);
	}
	/* Dana, Ivo (the meeting), Eli, Hal and Gus (referral dates) */
	assert_int_equal(touched, 5);
	vault_free(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_owner),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_touches_agree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
