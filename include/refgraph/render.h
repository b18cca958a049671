/*
 * render: one renderer per format, all with the same entry point, drawing
 * any report (rows from rep_*.c, as tables from tables.c) into a buffer.
 * Renderers never parse and never compute: they escape for where the text goes.
 */
#ifndef REFGRAPH_RENDER_H
#define REFGRAPH_RENDER_H

#include <stdbool.h>

#include "refgraph/diag.h"
#include "refgraph/graph.h"
#include "refgraph/report.h"
#include "refgraph/util.h"

typedef struct rg_render_opts {
	bool color;	 /* text: ANSI colour */
	int ahead;	 /* -1, or the --ahead days (titles) */
	int since;	 /* RG_NODATE, or --since (titles) */
	bool links_wiki; /* md: names as [[Name]], places as [[path|path:line]]
			  */
	/* html: the notes' diagnostics, sorted, for the banner; NULL: none */
	const rg_diags *diags;
} rg_render_opts;

typedef void (*rg_render_fn)(rg_buf *out, const rg_report *r, const rg_graph *g,
			     const rg_render_opts *o);

/* The renderer for a format name, or NULL. */
rg_render_fn rg_renderer(const char *format);

void rg_render_text(rg_buf *, const rg_report *, const rg_graph *,
		    const rg_render_opts *);
void rg_render_json(rg_buf *, const rg_report *, const rg_graph *,
		    const rg_render_opts *);
void rg_render_csv(rg_buf *, const rg_report *, const rg_graph *,
		   const rg_render_opts *);
void rg_render_md(rg_buf *, const rg_report *, const rg_graph *,
		  const rg_render_opts *);
void rg_render_html(rg_buf *, const rg_report *, const rg_graph *,
		    const rg_render_opts *);
void rg_render_dot(rg_buf *, const rg_report *, const rg_graph *,
		   const rg_render_opts *);
/* Load libical, which rg_render_ics needs, once (dynlib.h); false and
 * *why when it cannot be. */
bool rg_ics_load(char **why);
/* The follow-ups as a calendar, an all-day event per duty (out_ics.c);
 * it loads libical itself if need be, and sets b->err (ELIBACC) when it
 * cannot: call rg_ics_load first to say why. */
void rg_render_ics(rg_buf *, const rg_report *, const rg_graph *,
		   const rg_render_opts *);
/* A duty's calendar UID: stable while its reason, contact, file and line
 * are; allocated. */
char *rg_ics_uid(const rg_fu_row *x);

/* Shared by the renderers (render.c). */

/* Shortest text that reads back as v; "1.0" style when float_style and v
 * is integral, else integral values print as integers. */
void rg_fmt_number(char *out, size_t cap, double v, bool float_style);
/*
 * Append s with every byte that is not valid UTF-8 replaced by U+FFFD and
 * every control character by repl (a string; NULL keeps them).
 */
void rg_put_clean(rg_buf *b, const char *s, const char *repl);
/* The display width of s in columns (code points; control chars as 1). */
size_t rg_text_width(const char *s);
/* How many bytes s starts with that are printable ASCII (0x20 to 0x7E):
 * text that is its own clean form, one column a byte. */
size_t rg_printable_run(const char *s);

/*
 * The reports as tables of text, for the renderers.  Each report's columns
 * are described once (src/tables.c): a column has a key (JSON and CSV), a
 * header for people, a type that says how its value is written, and a
 * place among the columns people see.
 */
typedef enum rg_ctype {
	RG_CT_TEXT,  /* a string, or null */
	RG_CT_NAME,  /* a contact's name, or null (md: a wiki-link) */
	RG_CT_INT,   /* a whole number */
	RG_CT_NUM,   /* an amount: integral as an integer; people: 12,345.5 */
	RG_CT_SHARE, /* a fraction: a JSON float; people: a percentage */
	RG_CT_DATE,  /* a day, or null */
	RG_CT_DAYS,  /* days late; people: 3d, today, in 3d */
	RG_CT_PLACE, /* people: path:line */
	RG_CT_BOOL   /* JSON true or false; people: yes, or nothing */
} rg_ctype;

/* Numbers (and booleans) are written bare in JSON and never defused in
 * CSV. */
#define RG_CT_IS_NUMBER(t)                                                     \
	((t) == RG_CT_INT || (t) == RG_CT_NUM || (t) == RG_CT_SHARE ||         \
	 (t) == RG_CT_DAYS || (t) == RG_CT_BOOL)

/* How late an overdue row is, for shading: none, days, weeks, months. */
typedef enum rg_late {
	RG_LATE_NONE = 0,
	RG_LATE_DAYS,  /* 1 to 7 days */
	RG_LATE_WEEKS, /* 8 to 30 days */
	RG_LATE_MONTHS /* more than 30 days */
} rg_late;

/* The reports, in the order JSON and CSV give them (the graph's nodes and
 * edges are two, and show's contact and history two more). */
#define RG_NREPORTS 10

/*
 * human: headers and cells for people (places as file:line, shares as
 * percentages); else the JSON column names and plain values.
 */
typedef struct rg_table {
	const char *key; /* followups, sources, ... */
	/* JSON: the key of the object this table is a member of (show: its
	 * contact and history), consecutive tables sharing it; NULL: none */
	const char *group;
	char *title; /* owned */
	bool single; /* one object (summary), not a list */
	size_t ncols, nrows;
	const char **cols; /* owned array of static names */
	rg_ctype *types;   /* per column */
	bool *right;	   /* right-aligned columns */
	bool *detail;	   /* columns a narrow table (text) may leave out */
	/* The cells, made by rg_table_fill and dropped by rg_table_drop, so
	 * that a renderer holds one report's cells at a time: */
	const char **cells; /* nrows * ncols; "" for null */
	rg_arena *arena;    /* owned: the cells' text made for the table
			       (the rest is the report's own) */
	bool *nulls;	 /* which cells are null */
	int *emph;	 /* per row: an rg_late (colour, classes) */
	void *plan;	 /* owned: what fills the cells (tables.c's) */
} rg_table;

/* The tables of r's reports, in report order (human: summary first);
 * returns how many.  Their cells are made by rg_table_fill. */
size_t rg_tables(rg_table out[RG_NREPORTS], const rg_report *r, bool human,
		 const rg_render_opts *o);
void rg_tables_free(rg_table *t, size_t n);
/* Make t's cells (nothing if they are there), and drop them again. */
void rg_table_fill(rg_table *t);
void rg_table_drop(rg_table *t);
/* A value of type t (s for text and places, n for numbers, days and the
 * line) as people read it, and as JSON and CSV write it; allocated. */
char *rg_fmt_human(rg_ctype t, const char *s, double n);
char *rg_fmt_machine(rg_ctype t, const char *s, double n);
/* How late a row days_overdue days overdue is. */
rg_late rg_lateness(int days_overdue);

#endif
