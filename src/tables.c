/*
 * tables: the one description of every report's columns, and the tables
 * of text it gives every renderer.
 *
 * A column says its key (the JSON and CSV name), its header for people,
 * where people see it, its type (which says how a value is written for
 * people and for machines) and where its value is in a row.  Adding a
 * column to a report is one line in its list below; adding a report is
 * one list, one title and one entry in `reports`.
 *
 * Longer than 600 lines because it is every report's columns in one
 * place: split by report, the lists would no longer be read side by side.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/render.h"

/* YYYY-MM-DD and its NUL */
#define DATE_SIZE 11
/* more columns than any report has */
#define MAXCOLS 32

/* A column's value, read from a row. */
typedef struct value {
	bool null;
	const char *s; /* TEXT, NAME; PLACE: the path */
	double n;      /* INT, NUM, SHARE, DATE, DAYS; PLACE: the line */
	char *own;     /* s when built for this cell: freed after */
} value;

typedef void (*getter)(const void *row, value *v);

/* "Not null" needs no flag. */
#define ALWAYS ((size_t)-1)

typedef struct column {
	const char *key;    /* JSON and CSV name; NULL: for people only */
	const char *header; /* for people; NULL: for machines only */
	unsigned char pos;  /* people's order (from 1); 0: machines only */
	bool detail;	    /* text may leave it out */
	rg_ctype type;
	size_t off;	  /* the row's field, when get is NULL */
	size_t has;	  /* a bool field: false means null; or ALWAYS */
	getter get;	  /* computes the value instead */
	const char *none; /* people's text for null; NULL: "" */
} column;

/* A field of row type T, always present or null by its own value. */
#define FIELD(T, f) offsetof(T, f), ALWAYS, NULL
/* A field of row type T, null when the bool field h is false. */
#define FIELD_IF(T, f, h) offsetof(T, f), offsetof(T, h), NULL
/* A value computed by fn. */
#define COMPUTED(fn) 0, ALWAYS, fn

typedef struct report_desc {
	const char *key;
	const char *group; /* JSON: the object it is a member of, or NULL */
	bool single;	   /* one object, not a list of rows */
	bool pairs;	   /* people: one row per column (the summary) */
	const column *cols;
	size_t ncols;
	size_t row_size;
	const void *(*rows)(const rg_report *r, size_t *n);
	bool (*has)(const rg_report *r);
	char *(*title)(const rg_report *r, const rg_render_opts *o,
		       const char *today, size_t n);
	int (*emph)(const void *row); /* an rg_late; NULL: none */
} report_desc;

/* ---- values that are computed ---- */

static void fu_reason(const void *row, value *v)
{
	v->s = rg_fu_reason_name(((const rg_fu_row *)row)->reason);
}

static void fu_place(const void *row, value *v)
{
	const rg_fu_row *x = row;
	v->s = x->file;
	v->n = x->line;
}

static void fu_status(const void *row, value *v)
{
	rg_status st = ((const rg_fu_row *)row)->status;
	v->null = st == RG_ST_NONE;
	v->s = v->null ? NULL : rg_status_name(st);
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
static void fu_action(const void *row, value *v)
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
	case RG_FU_TASK: v->own = rg_strdup(x->task ? x->task : ""); break;
	}
	v->s = v->own;
}

static void un_reason(const void *row, value *v)
{
	v->s = rg_un_reason_name(((const rg_un_row *)row)->reason);
}

static void un_place(const void *row, value *v)
{
	const rg_un_row *x = row;
	v->s = x->file;
	v->n = x->line;
}

static void rec_place(const void *row, value *v)
{
	const rg_rec_row *x = row;
	v->s = x->file;
	v->n = x->line;
}

static void ask_place(const void *row, value *v)
{
	const rg_ask_row *x = row;
	v->s = x->file;
	v->n = x->line;
}

/* The roles as written, ", " between; null when none. */
static void node_roles(const void *row, value *v)
{
	const rg_node_row *x = row;
	if (x->nroles == 0)
		return;
	rg_buf b = {0};
	for (size_t i = 0; i < x->nroles; i++) {
		if (i)
			rg_buf_puts(&b, ", ");
		rg_buf_puts(&b, x->roles[i]);
	}
	v->s = v->own = b.s;
}

static void node_place(const void *row, value *v)
{
	const rg_node_row *x = row;
	v->null = !x->has_place;
	v->s = x->file;
	v->n = x->line;
}

static void edge_status(const void *row, value *v)
{
	rg_status st = ((const rg_edge_row *)row)->status;
	v->null = st == RG_ST_NONE;
	v->s = v->null ? NULL : rg_status_name(st);
}

static void edge_place(const void *row, value *v)
{
	const rg_edge_row *x = row;
	v->s = x->file;
	v->n = x->line;
}

static void show_kind(const void *row, value *v)
{
	v->s = rg_show_kind_name(((const rg_show_row *)row)->kind);
}

/* People read a duty as the follow-ups say it: what to do. */
static void show_what(const void *row, value *v)
{
	const rg_show_row *x = row;
	if (x->kind == RG_SHOW_DUTY)
		fu_action(&x->duty, v);
	else
		v->s = x->what;
}

static void show_place(const void *row, value *v)
{
	const rg_show_row *x = row;
	v->s = x->file;
	v->n = x->line;
}

/* ---- the columns of each report ---- */

static const column fu_cols[] = {
	{"reason", "Reason", 3, false, RG_CT_TEXT, COMPUTED(fu_reason), NULL},
	{"contact", "Contact", 4, false, RG_CT_NAME, FIELD(rg_fu_row, contact),
	 NULL},
	{"due", "Due", 1, false, RG_CT_DATE, FIELD(rg_fu_row, due), NULL},
	{"days_overdue", "Overdue", 2, false, RG_CT_DAYS,
	 FIELD(rg_fu_row, days_overdue), NULL},
	{"file", NULL, 0, false, RG_CT_TEXT, FIELD(rg_fu_row, file), NULL},
	{"line", NULL, 0, false, RG_CT_INT, FIELD(rg_fu_row, line), NULL},
	{NULL, "Place", 5, false, RG_CT_PLACE, COMPUTED(fu_place), NULL},
	{NULL, "Action", 6, false, RG_CT_TEXT, COMPUTED(fu_action), NULL},
	{"source", "Source", 7, true, RG_CT_NAME, FIELD(rg_fu_row, source),
	 NULL},
	{"prospect", "Prospect", 8, true, RG_CT_NAME,
	 FIELD(rg_fu_row, prospect), NULL},
	{"status", "Status", 9, true, RG_CT_TEXT, COMPUTED(fu_status), NULL},
	{"last_touch", "Last touch", 10, true, RG_CT_DATE,
	 FIELD(rg_fu_row, last_touch), NULL},
	{"task", "Task", 11, true, RG_CT_TEXT, FIELD(rg_fu_row, task), NULL},
};

static const column src_cols[] = {
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

static const column un_cols[] = {
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

static const column rec_cols[] = {
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

static const column ask_cols[] = {
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

static const column sum_cols[] = {
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

static const column node_cols[] = {
	{"id", "Id", 1, false, RG_CT_INT, FIELD(rg_node_row, id), NULL},
	{"name", "Name", 2, false, RG_CT_NAME, FIELD(rg_node_row, name), NULL},
	{"roles", "Roles", 3, false, RG_CT_TEXT, COMPUTED(node_roles), NULL},
	{"implicit", "Implicit", 4, false, RG_CT_BOOL,
	 FIELD(rg_node_row, implicit), NULL},
	{"owner", "Owner", 5, false, RG_CT_BOOL, FIELD(rg_node_row, owner),
	 NULL},
	{"file", NULL, 0, false, RG_CT_TEXT, FIELD(rg_node_row, file), NULL},
	{"line", NULL, 0, false, RG_CT_INT,
	 FIELD_IF(rg_node_row, line, has_place), NULL},
	{NULL, "Place", 6, false, RG_CT_PLACE, COMPUTED(node_place), NULL},
};

static const column edge_cols[] = {
	{"source", "Source", 2, false, RG_CT_NAME,
	 FIELD(rg_edge_row, source_name), NULL},
	{"prospect", "Prospect", 3, false, RG_CT_NAME,
	 FIELD(rg_edge_row, prospect_name), NULL},
	{"receiver", "Receiver", 4, false, RG_CT_NAME,
	 FIELD(rg_edge_row, receiver_name), NULL},
	{"source_id", NULL, 0, false, RG_CT_INT, FIELD(rg_edge_row, source),
	 NULL},
	{"prospect_id", NULL, 0, false, RG_CT_INT, FIELD(rg_edge_row, prospect),
	 NULL},
	{"receiver_id", NULL, 0, false, RG_CT_INT, FIELD(rg_edge_row, receiver),
	 NULL},
	{"date", "Date", 1, false, RG_CT_DATE, FIELD(rg_edge_row, date), "-"},
	{"status", "Status", 5, false, RG_CT_TEXT, COMPUTED(edge_status), NULL},
	{"value", "Value", 6, false, RG_CT_NUM,
	 FIELD_IF(rg_edge_row, value, has_value), "-"},
	{"file", NULL, 0, false, RG_CT_TEXT, FIELD(rg_edge_row, file), NULL},
	{"line", NULL, 0, false, RG_CT_INT, FIELD(rg_edge_row, line), NULL},
	{NULL, "Place", 7, false, RG_CT_PLACE, COMPUTED(edge_place), NULL},
};

static const column show_contact_cols[] = {
	{"name", "Name", 1, false, RG_CT_NAME, FIELD(rg_node_row, name), NULL},
	{"roles", "Roles", 2, false, RG_CT_TEXT, COMPUTED(node_roles), NULL},
	{"implicit", "Implicit", 3, false, RG_CT_BOOL,
	 FIELD(rg_node_row, implicit), NULL},
	{"file", NULL, 0, false, RG_CT_TEXT, FIELD(rg_node_row, file), NULL},
	{"line", NULL, 0, false, RG_CT_INT,
	 FIELD_IF(rg_node_row, line, has_place), NULL},
	{NULL, "Place", 4, false, RG_CT_PLACE, COMPUTED(node_place), NULL},
};

static const column history_cols[] = {
	{"date", "Date", 1, false, RG_CT_DATE, FIELD(rg_show_row, date), "-"},
	{"kind", "Kind", 2, false, RG_CT_TEXT, COMPUTED(show_kind), NULL},
	{"what", NULL, 0, false, RG_CT_TEXT, FIELD(rg_show_row, what), NULL},
	{NULL, "What", 6, false, RG_CT_TEXT, COMPUTED(show_what), NULL},
	{"contact", "With", 3, false, RG_CT_NAME, FIELD(rg_show_row, contact),
	 NULL},
	{"status", "Status", 4, false, RG_CT_TEXT, FIELD(rg_show_row, status),
	 NULL},
	{"file", NULL, 0, false, RG_CT_TEXT, FIELD(rg_show_row, file), NULL},
	{"line", NULL, 0, false, RG_CT_INT, FIELD(rg_show_row, line), NULL},
	{NULL, "Place", 5, false, RG_CT_PLACE, COMPUTED(show_place), NULL},
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

static const void *node_rows(const rg_report *r, size_t *n)
{
	*n = r->nodes.n;
	return r->nodes.v;
}

static const void *edge_rows(const rg_report *r, size_t *n)
{
	*n = r->edges.n;
	return r->edges.v;
}

static const void *show_contact_rows(const rg_report *r, size_t *n)
{
	*n = 1;
	return &r->show_contact;
}

static const void *history_rows(const rg_report *r, size_t *n)
{
	*n = r->history.n;
	return r->history.v;
}

static bool show_has(const rg_report *r)
{
	return r->has_show;
}

static bool graph_has(const rg_report *r)
{
	return r->has_graph;
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

static char *node_title(const rg_report *r, const rg_render_opts *o,
			const char *today, size_t n)
{
	(void)r;
	(void)o;
	return rg_asprintf("Contacts in the referral network on %s: %zu", today,
			   n);
}

static char *edge_title(const rg_report *r, const rg_render_opts *o,
			const char *today, size_t n)
{
	(void)r;
	(void)o;
	return rg_asprintf("Referrals in the network on %s: %zu", today, n);
}

static char *show_contact_title(const rg_report *r, const rg_render_opts *o,
				const char *today, size_t n)
{
	(void)o;
	(void)n;
	const char *name = r->show_contact.name ? r->show_contact.name : "";
	return rg_asprintf("%s on %s", name, today);
}

static char *history_title(const rg_report *r, const rg_render_opts *o,
			   const char *today, size_t n)
{
	(void)o;
	const char *name = r->show_contact.name ? r->show_contact.name : "";
	return rg_asprintf("History of %s on %s, oldest first: %zu", name,
			   today, n);
}

/* A duty's row shaded by how late it is, as in the follow-ups. */
static int history_emph(const void *row)
{
	const rg_show_row *x = row;
	return x->kind == RG_SHOW_DUTY ? (int)rg_lateness(x->days_overdue) : 0;
}

static int fu_emph(const void *row)
{
	return (int)rg_lateness(((const rg_fu_row *)row)->days_overdue);
}

#define COLS(a) a, sizeof a / sizeof *a

/* In the order of JSON and CSV. */
static const report_desc reports[RG_NREPORTS] = {
	{"followups", NULL, false, false, COLS(fu_cols), sizeof(rg_fu_row),
	 fu_rows, fu_has, fu_title, fu_emph},
	{"sources", NULL, false, false, COLS(src_cols), sizeof(rg_src_row),
	 src_rows, src_has, src_title, NULL},
	{"uncredited", NULL, false, false, COLS(un_cols), sizeof(rg_un_row),
	 un_rows, un_has, un_title, NULL},
	{"reciprocity", NULL, false, false, COLS(rec_cols), sizeof(rg_rec_row),
	 rec_rows, rec_has, rec_title, NULL},
	{"asks", NULL, false, false, COLS(ask_cols), sizeof(rg_ask_row),
	 ask_rows, ask_has, ask_title, NULL},
	{"summary", NULL, true, true, COLS(sum_cols), sizeof(rg_summary),
	 sum_rows, sum_has, sum_title, NULL},
	{"nodes", NULL, false, false, COLS(node_cols), sizeof(rg_node_row),
	 node_rows, graph_has, node_title, NULL},
	{"edges", NULL, false, false, COLS(edge_cols), sizeof(rg_edge_row),
	 edge_rows, graph_has, edge_title, NULL},
	{"contact", "show", true, false, COLS(show_contact_cols),
	 sizeof(rg_node_row), show_contact_rows, show_has, show_contact_title,
	 NULL},
	{"history", "show", false, false, COLS(history_cols),
	 sizeof(rg_show_row), history_rows, show_has, history_title,
	 history_emph},
};

/* People see the summary first: it says how the rest is going. */
static const size_t human_order[RG_NREPORTS] = {5, 0, 1, 2, 3, 4, 6, 7, 8, 9};

/* ---- writing values ---- */

static void read_value(const column *c, const void *row, value *v)
{
	memset(v, 0, sizeof *v);
	const char *p = (const char *)row + c->off;
	if (c->get) {
		c->get(row, v);
		v->null = v->null || (v->s == NULL && (c->type == RG_CT_TEXT ||
						       c->type == RG_CT_NAME));
		return;
	}
	if (c->has != ALWAYS && !*(const bool *)((const char *)row + c->has)) {
		v->null = true;
		return;
	}
	switch (c->type) {
	case RG_CT_TEXT:
	case RG_CT_NAME:
	case RG_CT_PLACE:
		memcpy(&v->s, p, sizeof v->s);
		v->null = v->s == NULL;
		break;
	case RG_CT_INT:
	case RG_CT_DAYS:
	case RG_CT_DATE: {
		int i;
		memcpy(&i, p, sizeof i);
		v->n = i;
		v->null = c->type == RG_CT_DATE && i == RG_NODATE;
		break;
	}
	case RG_CT_NUM:
	case RG_CT_SHARE: memcpy(&v->n, p, sizeof v->n); break;
	case RG_CT_BOOL: {
		bool yes;
		memcpy(&yes, p, sizeof yes);
		v->n = yes;
		break;
	}
	}
}

static char *cell_text(const column *c, const void *row, bool human, bool *null)
{
	value v;
	read_value(c, row, &v);
	*null = v.null;
	char *s = v.null  ? rg_strdup(human && c->none ? c->none : "")
		  : human ? rg_fmt_human(c->type, v.s, v.n)
			  : rg_fmt_machine(c->type, v.s, v.n);
	free(v.own);
	return s;
}

/* ---- building the tables ---- */

/* The columns a table shows, in order: people's by pos, else all with a
 * key in list order.  Returns how many. */
static size_t pick(const report_desc *d, bool human, size_t *idx)
{
	size_t n = 0;
	if (!human) {
		for (size_t c = 0; c < d->ncols; c++)
			if (d->cols[c].key)
				idx[n++] = c;
		return n;
	}
	for (unsigned pos = 1; pos < MAXCOLS; pos++)
		for (size_t c = 0; c < d->ncols; c++)
			if (d->cols[c].header && d->cols[c].pos == pos)
				idx[n++] = c;
	return n;
}

static void table_alloc(rg_table *t, size_t ncols, size_t nrows)
{
	size_t cells = ncols * (nrows ? nrows : 1);
	t->ncols = ncols;
	t->nrows = nrows;
	t->cols = rg_calloc(ncols ? ncols : 1, sizeof(char *));
	t->types = rg_calloc(ncols ? ncols : 1, sizeof(rg_ctype));
	t->right = rg_calloc(ncols ? ncols : 1, sizeof(bool));
	t->detail = rg_calloc(ncols ? ncols : 1, sizeof(bool));
	t->cells = rg_calloc(cells, sizeof(char *));
	t->nulls = rg_calloc(cells, sizeof(bool));
	t->emph = rg_calloc(nrows ? nrows : 1, sizeof(int));
}

/* One row per column, for people: the summary as a key/value block. */
static void build_pairs(rg_table *t, const report_desc *d, const void *row)
{
	size_t idx[MAXCOLS];
	size_t n = pick(d, true, idx);
	table_alloc(t, 2, n);
	t->cols[0] = "Measure";
	t->cols[1] = "Value";
	t->types[0] = RG_CT_TEXT;
	t->types[1] = RG_CT_NUM;
	t->right[1] = true;
	for (size_t i = 0; i < n; i++) {
		const column *c = &d->cols[idx[i]];
		t->cells[i * 2] = rg_strdup(c->header);
		t->cells[i * 2 + 1] =
			cell_text(c, row, true, &t->nulls[i * 2 + 1]);
	}
}

static void build(rg_table *t, const report_desc *d, const rg_report *r,
		  bool human)
{
	size_t nrows;
	const char *rows = d->rows(r, &nrows);
	if (d->pairs && human) {
		build_pairs(t, d, rows);
		return;
	}
	size_t idx[MAXCOLS];
	size_t ncols = pick(d, human, idx);
	table_alloc(t, ncols, nrows);
	for (size_t k = 0; k < ncols; k++) {
		const column *c = &d->cols[idx[k]];
		t->cols[k] = human ? c->header : c->key;
		t->types[k] = c->type;
		t->right[k] = RG_CT_IS_NUMBER(c->type) && c->type != RG_CT_BOOL;
		t->detail[k] = human && c->detail;
	}
	for (size_t i = 0; i < nrows; i++) {
		const void *row = rows + i * d->row_size;
		t->emph[i] = d->emph ? d->emph(row) : 0;
		for (size_t k = 0; k < ncols; k++)
			t->cells[i * ncols + k] =
				cell_text(&d->cols[idx[k]], row, human,
					  &t->nulls[i * ncols + k]);
	}
}

size_t rg_tables(rg_table out[RG_NREPORTS], const rg_report *r, bool human,
		 const rg_render_opts *o)
{
	char today[DATE_SIZE];
	rg_date_format(r->today, today);
	size_t n = 0;
	for (size_t k = 0; k < RG_NREPORTS; k++) {
		const report_desc *d = &reports[human ? human_order[k] : k];
		if (!d->has(r))
			continue;
		rg_table *t = &out[n++];
		memset(t, 0, sizeof *t);
		t->key = d->key;
		t->group = d->group;
		/* people see a single object as pairs, or as a table of one */
		t->single = d->single && (!human || d->pairs);
		build(t, d, r, human);
		t->title = d->title(r, o, today, d->single ? 1 : t->nrows);
	}
	return n;
}

void rg_tables_free(rg_table *t, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		for (size_t i = 0; i < t[k].nrows * t[k].ncols; i++)
			free(t[k].cells[i]);
		free(t[k].cells);
		free(t[k].nulls);
		free(t[k].emph);
		free(t[k].title);
		free(t[k].cols);
		free(t[k].types);
		free(t[k].right);
		free(t[k].detail);
	}
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
