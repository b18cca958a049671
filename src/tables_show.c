/*
 * tables_show: the show view of one contact as two parts, the contact
 * itself and its history (what happened with it, oldest first): their
 * columns, rows and titles, described as every report is (tables_desc.h),
 * for every renderer to draw.  In JSON both are members of "show".
 */
#include <stddef.h>

#include "refgraph/tables_desc.h"

/* JSON: the object both parts are members of. */
#define SHOW_GROUP "show"

/* ---- values that are computed ---- */

static void show_kind(const void *row, rg_tables_value *v)
{
	v->s = rg_show_kind_name(((const rg_show_row *)row)->kind);
}

/* People read a duty as the follow-ups say it: what to do. */
static void show_what(const void *row, rg_tables_value *v)
{
	const rg_show_row *x = row;
	if (x->kind == RG_SHOW_DUTY)
		rg_tables_fu_action(&x->duty, v);
	else
		v->s = x->what;
}

static void show_place(const void *row, rg_tables_value *v)
{
	const rg_show_row *x = row;
	v->s = x->file;
	v->n = x->line;
}

/* ---- the columns ---- */

static const rg_tables_col contact_cols[] = {
	{"name", "Name", 1, false, RG_CT_NAME, FIELD(rg_node_row, name), NULL},
	{"roles", "Roles", 2, false, RG_CT_TEXT, COMPUTED(rg_tables_node_roles),
	 NULL},
	{"implicit", "Implicit", 3, false, RG_CT_BOOL,
	 FIELD(rg_node_row, implicit), NULL},
	{"file", NULL, 0, false, RG_CT_TEXT, FIELD(rg_node_row, file), NULL},
	{"line", NULL, 0, false, RG_CT_INT,
	 FIELD_IF(rg_node_row, line, has_place), NULL},
	{NULL, "Place", 4, false, RG_CT_PLACE, COMPUTED(rg_tables_node_place),
	 NULL},
};

static const rg_tables_col history_cols[] = {
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

/* ---- rows, titles and shading ---- */

static const void *contact_rows(const rg_report *r, size_t *n)
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

static const char *contact_name(const rg_report *r)
{
	return r->show_contact.name ? r->show_contact.name : "";
}

static char *contact_title(const rg_report *r, const rg_render_opts *o,
			   const char *today, size_t n)
{
	(void)o;
	(void)n;
	return rg_asprintf("%s on %s", contact_name(r), today);
}

static char *history_title(const rg_report *r, const rg_render_opts *o,
			   const char *today, size_t n)
{
	(void)o;
	return rg_asprintf("History of %s on %s, oldest first: %zu",
			   contact_name(r), today, n);
}

/* A duty's row shaded by how late it is, as in the follow-ups. */
static int history_emph(const void *row)
{
	const rg_show_row *x = row;
	return x->kind == RG_SHOW_DUTY ? (int)rg_lateness(x->days_overdue) : 0;
}

/* A single object, which people see as a table of one, not as pairs. */
const rg_tables_desc rg_tables_show_contact = {
	.key = "contact",
	.group = SHOW_GROUP,
	.single = true,
	.pairs = false,
	.cols = contact_cols,
	.ncols = sizeof contact_cols / sizeof *contact_cols,
	.row_size = sizeof(rg_node_row),
	.rows = contact_rows,
	.has = show_has,
	.title = contact_title,
	.emph = NULL,
};
const rg_tables_desc rg_tables_show_history = {
	.key = "history",
	.group = SHOW_GROUP,
	.single = false,
	.pairs = false,
	.cols = history_cols,
	.ncols = sizeof history_cols / sizeof *history_cols,
	.row_size = sizeof(rg_show_row),
	.rows = history_rows,
	.has = show_has,
	.title = history_title,
	.emph = history_emph,
};
