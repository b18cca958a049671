/*
 * testlib: what the unit tests share: cmocka, and small notes folders
 * built in memory, parsed file by file as the tool does.
 */
#ifndef REFGRAPH_TESTLIB_H
#define REFGRAPH_TESTLIB_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "refgraph/config.h"
#include "refgraph/date.h"
#include "refgraph/graph.h"
#include "refgraph/note.h"
#include "refgraph/notes.h"
#include "refgraph/report.h"

static inline int day(const char *s)
{
	int d = RG_NODATE;
	if (!rg_date_parse10(s, &d))
		fail_msg("bad test date %s", s);
	return d;
}

static inline rg_file *parse(const char *path, const char *text)
{
	rg_limits lim;
	rg_limits_default(&lim);
	return rg_note_parse(path, text, strlen(text), &lim);
}

/* The diagnostics of f as "line:col: level: message" lines. */
static inline int has_diag(const rg_diags *d, int line, rg_level lv,
			   const char *needle)
{
	for (size_t i = 0; i < d->items.n; i++)
		if ((line == 0 || d->items.v[i].line == line) &&
		    d->items.v[i].level == lv &&
		    strstr(d->items.v[i].msg, needle))
			return 1;
	return 0;
}

/* A notes folder in memory: pairs of path and text, NULL-terminated,
 * given in path order. */
typedef struct vault {
	rg_notes notes;
	rg_config cfg;
	rg_graph g;
	rg_diags d;
} vault;

static inline void vault_build(vault *v, const char *me,
			       const char *const *files)
{
	memset(v, 0, sizeof *v);
	rg_config_init(&v->cfg);
	if (me)
		v->cfg.me = strdup(me);
	size_t n = 0;
	while (files[2 * n])
		n++;
	v->notes.files = calloc(n ? n : 1, sizeof(rg_file *));
	v->notes.nfiles = n;
	for (size_t i = 0; i < n; i++) {
		v->notes.files[i] = parse(files[2 * i], files[2 * i + 1]);
		rg_diags_append(&v->d, &v->notes.files[i]->diags);
	}
	rg_graph_build(&v->g, &v->notes, &v->cfg, false, &v->d);
}

static inline void vault_free(vault *v)
{
	rg_graph_free(&v->g);
	rg_notes_free(&v->notes);
	rg_config_free(&v->cfg);
	rg_diags_free(&v->d);
}

static inline void opts_default(rg_report_opts *o, const char *today)
{
	memset(o, 0, sizeof *o);
	o->today = day(today);
	o->since = RG_NODATE;
	o->ahead = -1;
	o->followup_days = 7;
	o->thank_days = 7;
	o->inform_days = 14;
	o->client_touch_days = 30;
}

/* The contact index of a name in the graph, or -1. */
static inline int contact(const rg_graph *g, const char *name)
{
	for (size_t i = 0; i < g->contacts.n; i++)
		if (strcmp(g->contacts.v[i].name, name) == 0)
			return (int)i;
	return -1;
}

#endif
