/*
 * report: the graph and a day -> the rows of the six reports, sorted as
 * the notes format says.  Rows are plain structs; rendering is elsewhere.
 * Strings in rows belong to the graph.
 */
#ifndef REFGRAPH_REPORT_H
#define REFGRAPH_REPORT_H

#include <stdbool.h>

#include "refgraph/config.h"
#include "refgraph/graph.h"

typedef enum {
	RG_FU_PROSPECT = 0,
	RG_FU_INFORM,
	RG_FU_CLIENT,
	RG_FU_TASK
} rg_fu_reason;

typedef struct rg_fu_row {
	rg_fu_reason reason;
	const char *contact; /* NULL: none */
	int due, days_overdue;
	const char *file;
	int line;
	/* what the row is about (notes format, section 4); NULL / RG_NODATE /
	 * RG_ST_NONE: null */
	const char *source, *prospect;
	rg_status status;
	int last_touch;
	const char *task;
	int date;    /* the referral's date (prospect, inform), for people */
	bool is_new; /* not in the previous report (previous.c) */
} rg_fu_row;

typedef struct rg_src_row {
	const char *contact;
	int referrals, introductions, leads, open, won, lost;
	bool has_conversion;
	double conversion, won_value, downstream_value, thanked_share;
	int file, line; /* the source's place, for ranking */
	bool is_new;	/* not in the previous report (previous.c) */
} rg_src_row;

typedef enum {
	RG_UN_NOT_THANKED = 0,
	RG_UN_NOT_REWARDED,
	RG_UN_UNATTRIBUTED
} rg_un_reason;

typedef struct rg_un_row {
	rg_un_reason reason;
	const char *contact;
	const char *source; /* NULL: none */
	int date;	    /* RG_NODATE: null */
	const char *file;
	int line;
	bool is_new; /* not in the previous report (previous.c) */
} rg_un_row;

/* reciprocity: one row per partner */
typedef struct rg_rec_row {
	const char *contact;
	int received, received_won, given, given_won, balance;
	int last_received, last_given; /* RG_NODATE: null */
	const char *file;
	int line;
	bool is_new; /* not in the previous report (previous.c) */
} rg_rec_row;

/* asks: one row per client to ask */
typedef struct rg_ask_row {
	const char *contact;
	int last_asked, last_testimonial; /* RG_NODATE: null */
	int referrals;
	int last_referral, last_touch; /* RG_NODATE: null */
	const char *file;
	int line;
	bool is_new; /* not in the previous report (previous.c) */
} rg_ask_row;

/* summary: one object */
typedef struct rg_summary {
	int clients, referring_clients, testimonials;
	bool has_referral_number;
	double referral_number;
	int referrals, open, won, lost;
	bool has_conversion;
	double conversion, won_value;
	bool has_median;
	double median_days_to_close;
} rg_summary;

/* graph: the whole network, one row per contact (a node) ... */
typedef struct rg_node_row {
	int id; /* the contact's index in the graph: what edges name */
	const char *name;
	const char *const *roles; /* as written, lower case; NULL: none */
	size_t nroles;
	bool implicit; /* mentioned only, never a contact record */
	bool owner;
	bool has_place; /* false: the owner named only by `me` */
	const char *file;
	int line;
} rg_node_row;

/* ... and one per referral (an edge), in place order */
typedef struct rg_edge_row {
	int source, prospect, receiver; /* node ids */
	const char *source_name, *prospect_name, *receiver_name;
	int date; /* RG_NODATE: null */
	rg_status status;
	bool has_value;
	double value;
	bool to_me; /* receiver the owner, source not */
	const char *file;
	int line;
} rg_edge_row;

/* show: one contact's history, one row per thing that happened to it */
typedef enum rg_show_kind {
	RG_SHOW_TOUCH = 0,   /* what: interaction, with::, last_contact, done
				task, referral */
	RG_SHOW_REFERRAL,    /* what: its part: source, prospect, receiver */
	RG_SHOW_TASK,	     /* what: the task's text; status open or done */
	RG_SHOW_ASK,	     /* asked:: */
	RG_SHOW_TESTIMONIAL, /* testimonial:: */
	RG_SHOW_DUTY	     /* what: the follow-up's reason; date: its due */
} rg_show_kind;

typedef struct rg_show_row {
	int date; /* RG_NODATE: null (undated rows come last) */
	rg_show_kind kind;
	const char *what;
	const char *contact; /* the other contact, or NULL */
	const char *status;  /* a referral's status, open/done; NULL: null */
	const char *file;
	int line;
	int days_overdue; /* a duty's, as in its follow-up row; else 0 */
	rg_fu_row duty;	  /* a duty's follow-up row (people read its action) */
} rg_show_row;

typedef struct rg_report_opts {
	int today;
	int since; /* RG_NODATE: all */
	int ahead; /* followups: duties due up to today + ahead; -1: overdue */
	int followup_days, thank_days, inform_days, client_touch_days, ask_days;
} rg_report_opts;

typedef struct rg_report {
	int today;
	bool has_followups, has_sources, has_uncredited;
	bool has_reciprocity, has_asks, has_summary;
	RG_VEC(rg_fu_row) followups;
	RG_VEC(rg_src_row) sources;
	RG_VEC(rg_un_row) uncredited;
	RG_VEC(rg_rec_row) reciprocity;
	RG_VEC(rg_ask_row) asks;
	rg_summary summary;
	bool has_graph;
	RG_VEC(rg_node_row) nodes; /* by id */
	RG_VEC(rg_edge_row) edges; /* by place */
	bool has_show;
	rg_node_row show_contact;    /* whose history (id, roles, place) */
	RG_VEC(rg_show_row) history; /* by date, undated last, then place */
	/* rows compared with an earlier report (previous.c): each row's
	 * is_new is set, and previous_today is that report's day */
	bool has_previous;
	int previous_today;
} rg_report;

void rg_report_followups(rg_report *r, const rg_graph *g,
			 const rg_report_opts *o);
void rg_report_sources(rg_report *r, const rg_graph *g,
		       const rg_report_opts *o);
void rg_report_uncredited(rg_report *r, const rg_graph *g,
			  const rg_report_opts *o);
void rg_report_reciprocity(rg_report *r, const rg_graph *g,
			   const rg_report_opts *o);
void rg_report_asks(rg_report *r, const rg_graph *g, const rg_report_opts *o);
void rg_report_summary(rg_report *r, const rg_graph *g,
		       const rg_report_opts *o);
/* The whole network, whatever the day (rep_graph.c); o may be NULL. */
void rg_report_graph(rg_report *r, const rg_graph *g, const rg_report_opts *o);
/*
 * The history of one contact (an index in g, as rg_show_find gives):
 * its touches, referrals, tasks, asks, testimonials and the follow-ups
 * of the followups report for o (rep_show.c).
 */
void rg_report_show(rg_report *r, const rg_graph *g, const rg_report_opts *o,
		    int contact);
/*
 * The contact name names, resolved as a reference in the notes is (id,
 * name, alias, the owner; `me` always the owner); making no contact.  -1
 * when it names none or two: *why is then the message (allocated; a
 * suggestion when a known name is near, both places when ambiguous).
 */
int rg_show_find(const rg_graph *g, const char *name, char **why);
const char *rg_show_kind_name(rg_show_kind k);
void rg_report_free(rg_report *r);

const char *rg_fu_reason_name(rg_fu_reason r);
/*
 * The latest date of contact's events (sorted by contact, then date) on
 * or before day, or RG_NODATE.
 */
/* --since: whether a referral dated date counts (all do without it; an
 * undated one never does with it). */
bool rg_report_since_keeps(const rg_report_opts *o, int date);
/*
 * The tie-break every report ends its order with: the contact's name
 * (bytewise, null first), then the file, then the line.
 */
int rg_report_cmp_named_place(const char *name_a, const char *file_a,
			      int line_a, const char *name_b,
			      const char *file_b, int line_b);
int rg_report_last_event(const rg_event *v, size_t n, int contact, int day);
const char *rg_un_reason_name(rg_un_reason r);

#endif
