/*
 * tables_desc: what a report's description is: its columns (key, header
 * for people, type, where the value is in a row) and where its rows and
 * title come from.  Shared by tables.c, which draws every report from its
 * description and describes the reports, tables_graph.c, which describes
 * the network's two views, and tables_show.c, which describes the show
 * view; not for use outside them (render.h is the tables' interface).
 */
#ifndef REFGRAPH_TABLES_DESC_H
#define REFGRAPH_TABLES_DESC_H

#include <stdbool.h>
#include <stddef.h>

#include "refgraph/records.h"
#include "refgraph/render.h"
#include "refgraph/report.h"

/* A column's value, read from a row. */
typedef struct rg_tables_value {
	bool null;
	const char *s; /* TEXT, NAME; PLACE: the path */
	double n;      /* INT, NUM, SHARE, DATE, DAYS; PLACE: the line */
	char *own;     /* s when built for this cell: freed after */
} rg_tables_value;

typedef void (*rg_tables_getter)(const void *row, rg_tables_value *v);

/* "Not null" needs no flag. */
#define RG_TABLES_ALWAYS ((size_t)-1)

typedef struct rg_tables_col {
	const char *key;    /* JSON and CSV name; NULL: for people only */
	const char *header; /* for people; NULL: for machines only */
	unsigned char pos;  /* people's order (from 1); 0: machines only */
	bool detail;	    /* text may leave it out */
	rg_ctype type;
	size_t off;	      /* the row's field, when get is NULL */
	size_t has;	      /* a bool field: false means null; or ALWAYS */
	rg_tables_getter get; /* computes the value instead */
	const char *none;     /* people's text for null; NULL: "" */
} rg_tables_col;

/* In a column list only: a field of row type T, always present or null
 * by its own value; one null when the bool field h is false; a value
 * computed by fn. */
#define FIELD(T, f)	  offsetof(T, f), RG_TABLES_ALWAYS, NULL
#define FIELD_IF(T, f, h) offsetof(T, f), offsetof(T, h), NULL
#define COMPUTED(fn)	  0, RG_TABLES_ALWAYS, fn
/* A column list and its length. */
#define COLS(a) a, sizeof a / sizeof *a

typedef struct rg_tables_desc {
	const char *key;
	const char *group; /* JSON: the object it is a member of, or NULL */
	bool single;	   /* one object, not a list of rows */
	bool pairs;	   /* people: one row per column (the summary) */
	const rg_tables_col *cols;
	size_t ncols;
	size_t row_size;
	const void *(*rows)(const rg_report *r, size_t *n);
	bool (*has)(const rg_report *r);
	char *(*title)(const rg_report *r, const rg_render_opts *o,
		       const char *today, size_t n);
	int (*emph)(const void *row); /* an rg_late; NULL: none */
	/* 1 + where a row keeps is_new (a report compared with an earlier
	 * one: NEW_OFF); 0: never compared */
	size_t new_off;
} rg_tables_desc;

#define NEW_OFF(T) (offsetof(T, is_new) + 1)

/* The table of report r described by d: its columns and row count, its
 * cells left to rg_table_fill (tables_fill.c). */
void rg_tables_build(rg_table *t, const rg_tables_desc *d, const rg_report *r,
		     bool human);

/* A status as a value: its name; null for none. */
void rg_tables_status(rg_status st, rg_tables_value *v);

/* A follow-up (rg_fu_row) as what to do, in plain words. */
void rg_tables_fu_action(const void *row, rg_tables_value *v);

/* A contact's (rg_node_row) roles, ", " between, null when none; and its
 * place, null when it has none.  Shared by the network's and the show
 * view's contacts. */
void rg_tables_node_roles(const void *row, rg_tables_value *v);
void rg_tables_node_place(const void *row, rg_tables_value *v);

/* tables_graph.c: the network's contacts and referrals. */
extern const rg_tables_desc rg_tables_graph_nodes;
extern const rg_tables_desc rg_tables_graph_edges;

/* tables_show.c: one contact and its history. */
extern const rg_tables_desc rg_tables_show_contact;
extern const rg_tables_desc rg_tables_show_history;

#endif
