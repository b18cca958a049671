/*
 * render: one renderer per format, all with the same entry point, drawing
 * any report (rows from report.c) into a buffer.  Renderers never parse
 * and never compute: they escape for where the text goes.
 */
#ifndef REFGRAPH_RENDER_H
#define REFGRAPH_RENDER_H

#include <stdbool.h>

#include "refgraph/graph.h"
#include "refgraph/report.h"
#include "refgraph/util.h"

typedef struct rg_render_opts {
	bool color; /* text: ANSI colour */
	int ahead;  /* -1, or the --ahead days (titles) */
	int since;  /* RG_NODATE, or --since (titles) */
	bool links_wiki; /* md: names as [[Name]], places as [[path|path:line]] */
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

#endif

/*
 * The reports as tables of text, for the renderers that draw tables.
 * human: headers and cells for people (places as file:line, shares as
 * percentages); else the JSON column names and plain values.
 */
typedef struct rg_table {
	const char *key; /* followups, sources, uncredited */
	char *title;	 /* owned */
	size_t ncols, nrows;
	const char *const *cols;
	const bool *right;  /* right-aligned columns */
	const bool *detail; /* columns a narrow table (text) may leave out */
	char **cells;	    /* nrows * ncols, owned; "" for null */
	bool *nulls;	    /* which cells are null */
	int *emph;	    /* per row: 1 when the row is overdue (colour) */
} rg_table;

/* Up to three tables, in report order; returns how many. */
size_t rg_tables(rg_table out[3], const rg_report *r, bool human,
		 const rg_render_opts *o);
void rg_tables_free(rg_table *t, size_t n);
