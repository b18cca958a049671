/*
 * graphlib: what the graph's unit tests share: finding referrals and
 * diagnostics, and adding by hand the records a reader may not fill.
 */
#ifndef REFGRAPH_GRAPHLIB_H
#define REFGRAPH_GRAPHLIB_H

#include "testlib.h"

static inline const rg_referral *find_ref(const rg_graph *g, const char *src,
					  const char *pro)
{
	int s = contact(g, src), p = contact(g, pro);
	for (size_t i = 0; i < g->referrals.n; i++)
		if (g->referrals.v[i].src == s && g->referrals.v[i].pro == p)
			return &g->referrals.v[i];
	return NULL;
}

static inline size_t count_refs(const rg_graph *g, const char *src,
				const char *pro)
{
	int s = contact(g, src), p = contact(g, pro);
	size_t n = 0;
	for (size_t i = 0; i < g->referrals.n; i++)
		n += g->referrals.v[i].src == s && g->referrals.v[i].pro == p;
	return n;
}

static inline size_t count_diags(const rg_diags *d, rg_level lv,
				 const char *needle)
{
	size_t n = 0;
	for (size_t i = 0; i < d->items.n; i++)
		n += d->items.v[i].level == lv &&
		     strstr(d->items.v[i].msg, needle) != NULL;
	return n;
}

/* Add an inline field of key about who, in file fi at line, dated date. */
static inline void add_field(vault *v, size_t fi, rg_field_key key,
			     const char *who, int line, const char *date)
{
	rg_file *f = v->notes.files[fi];
	rg_field *fd = RG_VEC_PUSH(f->fields);
	fd->key = key;
	fd->line = line;
	fd->col = 1;
	fd->date = date ? day(date) : RG_NODATE;
	fd->who.target = rg_arena_strdup(f->arena, who);
	fd->who.line = line;
	fd->who.col = 1;
}

static inline void add_link(vault *v, size_t fi, const char *who, int line)
{
	rg_file *f = v->notes.files[fi];
	rg_ref *r = RG_VEC_PUSH(f->links);
	r->target = rg_arena_strdup(f->arena, who);
	r->line = line;
	r->col = 1;
}

/* Build the graph again from the (changed) records, with fresh
 * diagnostics. */
static inline void rebuild(vault *v)
{
	rg_graph_free(&v->g);
	rg_diags_free(&v->d);
	memset(&v->d, 0, sizeof v->d);
	rg_graph_build(&v->g, &v->notes, &v->cfg, false, &v->d);
}

#endif
