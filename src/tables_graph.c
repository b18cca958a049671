/*
 * tables_graph: the network as two views, its contacts (nodes) and its
 * referrals (edges): their columns, rows and titles, described as every
 * report is (tables_desc.h), for every renderer to draw.
 */
#include <stddef.h>
#include <stdlib.h>

#include "refgraph/tables_desc.h"

/* ---- values that are computed ---- */

/* The roles as written, ", " between; null when none. */
void rg_tables_node_roles(const void *row, rg_tables_value *v)
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

void rg_tables_node_place(const void *row, rg_tables_value *v)
{
	const rg_node_row *x = row;
	v->null = !x->has_place;
	v->s = x->file;
	v->n = x->line;
}

static void edge_status(const void *row, rg_tables_value *v)
{
	rg_tables_status(((const rg_edge_row *)row)->status, v);
}

static void edge_place(const void *row, rg_tables_value *v)
{
	const rg_edge_row *x = row;
	v->s = x->file;
	v->n = x->line;
}

/* ---- the columns ---- */

static const rg_tables_col node_cols[] = {
	{"id", "Id", 1, false, RG_CT_INT, FIELD(rg_node_row, id), NULL},
	{"name", "Name", 2, false, RG_CT_NAME, FIELD(rg_node_row, name), NULL},
	{"roles", "Roles", 3, false, RG_CT_TEXT, COMPUTED(rg_tables_node_roles),
	 NULL},
	{"implicit", "Implicit", 4, false, RG_CT_BOOL,
	 FIELD(rg_node_row, implicit), NULL},
	{"owner", "Owner", 5, false, RG_CT_BOOL, FIELD(rg_node_row, owner),
	 NULL},
	{"file", NULL, 0, false, RG_CT_TEXT, FIELD(rg_node_row, file), NULL},
	{"line", NULL, 0, false, RG_CT_INT,
	 FIELD_IF(rg_node_row, line, has_place), NULL},
	{NULL, "Place", 6, false, RG_CT_PLACE, COMPUTED(rg_tables_node_place),
	 NULL},
};

static const rg_tables_col edge_cols[] = {
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

/* ---- rows and titles ---- */

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

static bool graph_has(const rg_report *r)
{
	return r->has_graph;
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

const rg_tables_desc rg_tables_graph_nodes = {
	.key = "nodes",
	.group = NULL,
	.single = false,
	.pairs = false,
	.cols = node_cols,
	.ncols = sizeof node_cols / sizeof *node_cols,
	.row_size = sizeof(rg_node_row),
	.rows = node_rows,
	.has = graph_has,
	.title = node_title,
	.emph = NULL,
};
const rg_tables_desc rg_tables_graph_edges = {
	.key = "edges",
	.group = NULL,
	.single = false,
	.pairs = false,
	.cols = edge_cols,
	.ncols = sizeof edge_cols / sizeof *edge_cols,
	.row_size = sizeof(rg_edge_row),
	.rows = edge_rows,
	.has = graph_has,
	.title = edge_title,
	.emph = NULL,
};
