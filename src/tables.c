/*
 * tables: the one description of every report's columns, and the tables
 * of text it gives every renderer (made by tables_fill.c).
 *
 * A column says its key (the JSON and CSV name), its header for people,
 * where people see it, its type (which says how a value is written for
 * people and for machines) and where its value is in a row.  Adding a
 * column to a report is one line in its list below; adding a report is
 * one list, one title and one entry in `reports`.  What a description
 * holds is in tables_desc.h; the network's two views (nodes, edges) are
 * described in tables_graph.c, the show view (contact, history) in
 * tables_show.c.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/tables_desc.h"

/* YYYY-MM-DD and its NUL */
#define DATE_SIZE 11

/* ---- values that are computed ---- */

static void fu_reason(const void *row, rg_tables_value *v)
{
	v->s = rg_fu_reason_name(((const rg_fu_row *)row)->reason);
}

static void fu_place(const void *row, rg_tables_value *v)
{
	const rg_fu_row *x = row;
	v->s = x->file;
	v->n = x->line;
}

void rg_tables_status(rg_status st, rg_tables_value *v)
{
	v->null = st == RG_ST_NONE;
	v->s = v->null ? NULL : rg_status_name(st);
}

static void fu_status(const void *row, rg_tables_value *v)
{
	rg_tables_status(((const rg_fu_row *)row)->status, v);
}

/* A day as text; "" for none (the action only uses the days it has). */
static void day_text(int d, char out[DATE_SIZE])
{
	if (d == RG_NODATE)
		out[0] = '\0';
	else
		rg_date_format(d, out);
}

/* What to do, in plain words, from what the row is about. */
void rg_tables_fu_action(const void *row, rg_tables_value *v)
{
	const rg_fu_row *x = row;
	char day[DATE_SIZE], touch[DATE_SIZE];
	day_text(x->date, day);
	day_text(x->last_touch, touch);
	const char *st =
		x->status == RG_ST_NONE ? "" : rg_status_name(x->status);
	switch (x->reason) {
	case RG_FU_PROSPECT:
		v->own = rg_asprintf("Call %s: introduced by %s on %s, %s, "
				     "last touch %s",
				     x->prospect, x->source, day, st, touch);
		break;
	case RG_FU_INFORM:
		v->own = rg_asprintf(
			"Tell %s how %s %s (%s)", x->source, x->prospect,
			RG_ST_IS_CLOSED(x->status) ? "went" : "is going", st);
		break;
	case RG_FU_CLIENT:
		v->own =
			x->last_touch == RG_NODATE
				? rg_asprintf("Catch up with %s: not touched "
					      "yet",
					      x->contact)
				: rg_asprintf("Catch up with %s: last touch %s",
					      x->contact, touch);
		break;
	case RG_FU_TASK: /* the task's own words: the row holds them */
		v->s = x->task ? x->task : "";
		return;
	}
	v->s = v->own;
}

static void un_reason(const void *row, rg_tables_value *v)
{
	v->s = rg_un_reason_name(((const rg_un_row *)row)->reason);
}

static void un_place(const void *row, rg_tables_value *v)
{
	const rg_un_row *x = row;
	v->s = x->file;
	v->n = x->line;
}

static void rec_place(const void *row, rg_tables_value *v)
{
	const rg_rec_row *x = row;
	v->s = x->file;
	v->n = x->line;
}

static void ask_place(const void *row, rg_tables_value *v)
{
	const rg_ask_row *x = row;
	v->s = x->file;
	v->n = x->line;
}

/* ---- the columns of each report ---- */

static const rg_tables_col fu_cols[] = {
	{"reason", "Reason", 3, false, RG_CT_TEXT, COMPUTED(fu_reason), NULL},
	{"contact", "Contact", 4, false, RG_CT_NAME, FIELD(rg_fu_row, contact),
	 NULL},
	{"due", "Due", 1, false, RG_CT_DATE, FIELD(rg_fu_row, due), NULL},
	{"days_overdue", "Overdue", 2, false, RG_CT_DAYS,
	 FIELD(rg_fu_row, days_overdue), NULL},
	{"file", NULL, 0, false, RG_CT_TEXT, FIELD(rg_fu_row, file), NULL},
	{"line", NULL, 0, false, RG_CT_INT, FIELD(rg_fu_row, line), NULL},
	{NULL, "Place", 5, false, RG_CT_PLACE, COMPUTED(fu_place), NULL},
	{NULL, "Action", 6, false, RG_CT_TEXT, COMPUTED(rg_tables_fu_action),
	 NULL},
	{"source", "Source", 7, true, RG_CT_NAME, FIELD(rg_fu_row, source),
	 NULL},
	{"prospect", "Prospect", 8, true, RG_CT_NAME,
	 FIELD(rg_fu_row, prospect), NULL},
	{"status", "Status", 9, true, RG_CT_TEXT, COMPUTED(fu_status), NULL},
	{"last_touch", "Last touch", 10, true, RG_CT_DATE,
	 FIELD(rg_fu_row, last_touch), NULL},
	{"task", "Task", 11, true, RG_CT_TEXT, FIELD(rg_fu_row, task), NULL},
};

static const rg_tables_col src_cols[] = {
	{"contact", "Source", 1, false, RG_CT_NAME, FIELD(rg_src_row, contact),
	 NULL},
	{"referrals", "Refs", 2, false, RG_CT_INT, FIELD(rg_src_row, referrals),
	 NULL},
	{"introductions", "Intro", 3, true, RG_CT_INT,
	 FIELD(rg_src_row, introductions), NULL},
	{"leads", "Lead", 4, true, RG_CT_INT, FIELD(rg_src_row, leads), NULL},
	{"open", "Open", 5, false, RG_CT_INT, FIELD(rg_src_row, open), NULL},
	{"won", "Won", 6, false, RG_CT_INT, FIELD(rg_src_row, won), NULL},
	{"lost", "Lost", 7, false, RG_CT_INT, FIELD(rg_src_row, lost), NULL},
	{"conversion", "Conv", 8, false, RG_CT_SHARE,
	 FIELD_IF(rg_src_row, conversion, has_conversion), "-"},
	{"won_value", "Value", 9, false, RG_CT_NUM,
	 FIELD(rg_src_row, won_value), NULL},
	{"downstream_value", "Downstream", 10, false, RG_CT_NUM,
	 FIELD(rg_src_row, downstream_value), NULL},
	{"thanked_share", "Thanked", 11, false, RG_CT_SHARE,
	 FIELD(rg_src_row, thanked_share), NULL},
};

static const rg_tables_col un_cols[] = {
	{"reason", "Reason", 2, false, RG_CT_TEXT, COMPUTED(un_reason), NULL},
	{"contact", "Contact", 3, false, RG_CT_NAME, FIELD(rg_un_row, contact),
	 NULL},
	{"source", "Source", 4, false, RG_CT_NAME, FIELD(rg_un_row, source),
	 NULL},
	{"date", "Date", 1, false, RG_CT_DATE, FIELD(rg_un_row, date), "-"},
	{"file", NULL, 0, false, RG_CT_TEXT, FIELD(rg_un_row, file), NULL},
	{"line", NULL, 0, false, RG_CT_INT, FIELD(rg_un_row, line), NULL},
	{NULL, "Place", 5, false, RG_CT_PLACE, COMPUTED(un_place), NULL},
};

static const rg_tables_col rec_cols[] = {
	{"contact", "Partner", 1, false, RG_CT_NAME, FIELD(rg_rec_row, contact),
	 NULL},
	{"received", "Received", 2, false, RG_CT_INT,
	 FIELD(rg_rec_row, received), NULL},
	{"received_won", "Received won", 3, true, RG_CT_INT,
	 FIELD(rg_rec_row, received_won), NULL},
	{"given", "Given", 4, false, RG_CT_INT, FIELD(rg_rec_row, given), NULL},
	{"given_won", "Given won", 5, true, RG_CT_INT,
	 FIELD(rg_rec_row, given_won), NULL},
	{"balance", "Balance", 6, false, RG_CT_INT, FIELD(rg_rec_row, balance),
	 NULL},
	{"last_received", "Last received", 7, false, RG_CT_DATE,
	 FIELD(rg_rec_row, last_received), "-"},
	{"last_given", "Last given", 8, false, RG_CT_DATE,
	 FIELD(rg_rec_row, last_given), "-"},
	{"file", NULL, 0, false, RG_CT_TEXT, FIELD(rg_rec_row, file), NULL},
	{"line", NULL, 0, false, RG_CT_INT, FIELD(rg_rec_row, line), NULL},
	{NULL, "Place", 9, false, RG_CT_PLACE, COMPUTED(rec_place), NULL},
};

static const rg_tables_col ask_cols[] = {
	{"contact", "Client", 1, false, RG_CT_NAME, FIELD(rg_ask_row, contact),
	 NULL},
	{"last_asked", "Last asked", 3, false, RG_CT_DATE,
	 FIELD(rg_ask_row, last_asked), "-"},
	{"last_testimonial", "Testimonial", 4, false, RG_CT_DATE,
	 FIELD(rg_ask_row, last_testimonial), "-"},
	{"referrals", "Refs", 5, false, RG_CT_INT, FIELD(rg_ask_row, referrals),
	 NULL},
	{"last_referral", "Last referral", 6, false, RG_CT_DATE,
	 FIELD(rg_ask_row, last_referral), "-"},
	{"last_touch", "Last touch", 2, false, RG_CT_DATE,
	 FIELD(rg_ask_row, last_touch), "-"},
	{"file", NULL, 0, false, RG_CT_TEXT, FIELD(rg_ask_row, file), NULL},
	{"line", NULL, 0, false, RG_CT_INT, FIELD(rg_ask_row, line), NULL},
	{NULL, "Place", 7, false, RG_CT_PLACE, COMPUTED(ask_place), NULL},
};

static const rg_tables_col sum_cols[] = {
	{"clients", "Clients", 1, false, RG_CT_INT, FIELD(rg_summary, clients),
	 NULL},
	{"referring_clients", "Referring clients", 2, false, RG_CT_INT,
	 FIELD(rg_summary, referring_clients), NULL},
	{"testimonials", "With a testimonial", 3, false, RG_CT_INT,
	 FIELD(rg_summary, testimonials), NULL},
	{"referral_number", "Referral number", 4, false, RG_CT_SHARE,
	 FIELD_IF(rg_summary, referral_number, has_referral_number), "-"},
	{"referrals", "Referrals", 5, false, RG_CT_INT,
	 FIELD(rg_summary, referrals), NULL},
	{"open", "Open", 6, false, RG_CT_INT, FIELD(rg_summary, open), NULL},
	{"won", "Won", 7, false, RG_CT_INT, FIELD(rg_summary, won), NULL},
	{"lost", "Lost", 8, false, RG_CT_INT, FIELD(rg_summary, lost), NULL},
	{"conversion", "Conversion", 9, false, RG_CT_SHARE,
	 FIELD_IF(rg_summary, conversion, has_conversion), "-"},
	{"won_value", "Won value", 10, false, RG_CT_NUM,
	 FIELD(rg_summary, won_value), NULL},
	{"median_days_to_close", "Median days to close", 11, false, RG_CT_NUM,
	 FIELD_IF(rg_summary, median_days_to_close, has_median), "-"},
};

/* ---- where each report's rows are, and its title ---- */

static const void *fu_rows(const rg_report *r, size_t *n)
{
	*n = r->followups.n;
	return r->followups.v;
}

static const void *src_rows(const rg_report *r, size_t *n)
{
	*n = r->sources.n;
	return r->sources.v;
}

static const void *un_rows(const rg_report *r, size_t *n)
{
	*n = r->uncredited.n;
	return r->uncredited.v;
}

static const void *rec_rows(const rg_report *r, size_t *n)
{
	*n = r->reciprocity.n;
	return r->reciprocity.v;
}

static const void *ask_rows(const rg_report *r, size_t *n)
{
	*n = r->asks.n;
	return r->asks.v;
}

static const void *sum_rows(const rg_report *r, size_t *n)
{
	*n = 1;
	return &r->summary;
}

static bool fu_has(const rg_report *r)
{
	return r->has_followups;
}
static bool src_has(const rg_report *r)
{
	return r->has_sources;
}
static bool un_has(const rg_report *r)
{
	return r->has_uncredited;
}
static bool rec_has(const rg_report *r)
{
	return r->has_reciprocity;
}
static bool ask_has(const rg_report *r)
{
	return r->has_asks;
}
static bool sum_has(const rg_report *r)
{
	return r->has_summary;
}

static char *fu_title(const rg_report *r, const rg_render_opts *o,
		      const char *today, size_t n)
{
	size_t due = 0;
	for (size_t i = 0; i < r->followups.n; i++)
		due += r->followups.v[i].days_overdue > 0;
	if (o->ahead >= 0)
		return rg_asprintf("Follow-ups on %s and the next %d days: %zu "
				   "(%zu overdue)",
				   today, o->ahead, n, due);
	return rg_asprintf("Follow-ups overdue on %s: %zu", today, n);
}

/* "on DAY" or "on DAY, referrals since SINCE" */
static char *on_since(const char *today, const rg_render_opts *o)
{
	if (o->since == RG_NODATE)
		return rg_strdup(today);
	char since[DATE_SIZE];
	rg_date_format(o->since, since);
	return rg_asprintf("%s, referrals since %s", today, since);
}

static char *src_title(const rg_report *r, const rg_render_opts *o,
		       const char *today, size_t n)
{
	(void)r;
	char *on = on_since(today, o);
	char *t = rg_asprintf("Referral sources on %s, best first: %zu", on, n);
	free(on);
	return t;
}

static char *un_title(const rg_report *r, const rg_render_opts *o,
		      const char *today, size_t n)
{
	(void)r;
	(void)o;
	return rg_asprintf("Uncredited referrals on %s: %zu", today, n);
}

static char *rec_title(const rg_report *r, const rg_render_opts *o,
		       const char *today, size_t n)
{
	(void)r;
	char *on = on_since(today, o);
	char *t = rg_asprintf(
		"Referral partners on %s, least given back first: %zu", on, n);
	free(on);
	return t;
}

static char *ask_title(const rg_report *r, const rg_render_opts *o,
		       const char *today, size_t n)
{
	(void)r;
	(void)o;
	return rg_asprintf("Clients to ask for a referral on %s, warmest "
			   "first: %zu",
			   today, n);
}

static char *sum_title(const rg_report *r, const rg_render_opts *o,
		       const char *today, size_t n)
{
	(void)r;
	(void)n;
	char *on = on_since(today, o);
	char *t = rg_asprintf("Referral number on %s", on);
	free(on);
	return t;
}

static int fu_emph(const void *row)
{
	return (int)rg_lateness(((const rg_fu_row *)row)->days_overdue);
}

/* Described here, in the order of JSON and CSV. */
static const rg_tables_desc own[] = {
	{"followups", NULL, false, false, COLS(fu_cols), sizeof(rg_fu_row),
	 fu_rows, fu_has, fu_title, fu_emph, NEW_OFF(rg_fu_row)},
	{"sources", NULL, false, false, COLS(src_cols), sizeof(rg_src_row),
	 src_rows, src_has, src_title, NULL, NEW_OFF(rg_src_row)},
	{"uncredited", NULL, false, false, COLS(un_cols), sizeof(rg_un_row),
	 un_rows, un_has, un_title, NULL, NEW_OFF(rg_un_row)},
	{"reciprocity", NULL, false, false, COLS(rec_cols), sizeof(rg_rec_row),
	 rec_rows, rec_has, rec_title, NULL, NEW_OFF(rg_rec_row)},
	{"asks", NULL, false, false, COLS(ask_cols), sizeof(rg_ask_row),
	 ask_rows, ask_has, ask_title, NULL, NEW_OFF(rg_ask_row)},
	{"summary", NULL, true, true, COLS(sum_cols), sizeof(rg_summary),
	 sum_rows, sum_has, sum_title, NULL, 0},
};

/* Every report, in the order of JSON and CSV. */
static const rg_tables_desc *const reports[RG_NREPORTS] = {
	&own[0],
	&own[1],
	&own[2],
	&own[3],
	&own[4],
	&own[5],
	&rg_tables_graph_nodes,
	&rg_tables_graph_edges,
	&rg_tables_show_contact,
	&rg_tables_show_history,
};

/* People see the summary first: it says how the rest is going. */
static const size_t human_order[RG_NREPORTS] = {5, 0, 1, 2, 3, 4, 6, 7, 8, 9};

size_t rg_tables(rg_table out[RG_NREPORTS], const rg_report *r, bool human,
		 const rg_render_opts *o)
{
	char today[DATE_SIZE];
	rg_date_format(r->today, today);
	size_t n = 0;
	for (size_t k = 0; k < RG_NREPORTS; k++) {
		const rg_tables_desc *d = reports[human ? human_order[k] : k];
		if (!d->has(r))
			continue;
		rg_table *t = &out[n++];
		memset(t, 0, sizeof *t);
		t->key = d->key;
		t->group = d->group;
		/* people see a single object as pairs, or as a table of one */
		t->single = d->single && (!human || d->pairs);
		rg_tables_build(t, d, r, human);
		t->title = d->title(r, o, today, d->single ? 1 : t->nrows);
	}
	return n;
}

rg_late rg_lateness(int days_overdue)
{
	enum { WEEK = 7, MONTH = 30 };
	if (days_overdue <= 0)
		return RG_LATE_NONE;
	if (days_overdue <= WEEK)
		return RG_LATE_DAYS;
	if (days_overdue <= MONTH)
		return RG_LATE_WEEKS;
	return RG_LATE_MONTHS;
}
