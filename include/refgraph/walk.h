/*
 * walk: the notes under a root, as sorted relative paths.  Hidden entries
 * and excluded paths are skipped, symbolic links are never followed, and
 * anything that is not a regular file (FIFO, socket, device) is skipped
 * without being opened.
 */
#ifndef REFGRAPH_WALK_H
#define REFGRAPH_WALK_H

#include "refgraph/config.h"
#include "refgraph/diag.h"

typedef struct rg_paths {
	RG_VEC(char *) v;
} rg_paths;

/* Walk root; paths come back relative and in bytewise order.  Returns
 * false when the root itself cannot be read (reported). */
bool rg_walk(const char *root, const rg_config *cfg, rg_paths *out, rg_diags *d,
	     rg_paths *skipped);
void rg_paths_free(rg_paths *p);

#endif
