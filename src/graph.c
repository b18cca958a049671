/*
 * graph: the driver of rg_graph_build, and the graph's lifetime.
 *
 * Order matters and is fixed by the notes format: written contacts and the
 * owner first; then every reference in path, line, column order (an
 * implicit contact takes the text of its first mention); touches and
 * tasks (task links last, making no contacts); asks and testimonials;
 * then the merge of mentions into referrals, whose dates touch their
 * prospects.  Each stage is its own module (graph_build.h).
 */
#include "refgraph/graph.h"

#include <stdlib.h>
#include <string.h>

#include "refgraph/graph_build.h"

void rg_graph_build(rg_graph *g, const rg_notes *n, const rg_config *cfg,
		    bool strict, rg_diags *d)
{
	memset(g, 0, sizeof *g);
	g->notes = n;
	g->arena = rg_arena_new();
	rg_build b = {0};
	b.g = g;
	b.n = n;
	b.cfg = cfg;
	b.d = d;
	b.strict = strict;
	for (size_t i = 0; i < n->nfiles; i++)
		if (n->files[i]->read) {
			g->stats.files++;
			if (n->files[i]->markdown)
				g->stats.notes++;
		}
	rg_resolve_contacts(&b);
	rg_resolve_owner(&b);
	rg_resolve_all(&b);
	rg_touches_build(&b);
	rg_events_build(&b);
	rg_merge_build(&b);
	rg_touches_referrals(g);
	rg_resolve_free(&b);
	free(b.mark);
}

void rg_graph_free(rg_graph *g)
{
	if (g == NULL)
		return;
	RG_VEC_FREE(g->contacts);
	RG_VEC_FREE(g->referrals);
	RG_VEC_FREE(g->tasks);
	RG_VEC_FREE(g->asks);
	RG_VEC_FREE(g->testimonials);
	rg_arena_free(g->arena);
	g->arena = NULL;
}

const char *rg_graph_path(const rg_graph *g, int file)
{
	if (file < 0 || (size_t)file >= g->notes->nfiles)
		return "";
	return g->notes->files[file]->path;
}
