/*
 * notes: a whole notes directory read: the configuration, every note file
 * parsed (in path order, or in parallel with the results combined in path
 * order), and the diagnostics of all of it.
 */
#ifndef REFGRAPH_NOTES_H
#define REFGRAPH_NOTES_H

#include "refgraph/config.h"
#include "refgraph/records.h"
#include "refgraph/walk.h"

typedef struct rg_notes {
	rg_file **files; /* in path order; NULL entries never */
	size_t nfiles;
	rg_paths excluded; /* paths skipped by `exclude` */
} rg_notes;

/*
 * Read every note under root with the settings in cfg.  Diagnostics go to
 * d.  Returns false when root cannot be read at all.
 */
bool rg_notes_load(rg_notes *n, const char *root, const rg_config *cfg,
		   int jobs, rg_diags *d);
void rg_notes_free(rg_notes *n);

/* Read a whole regular file without following a link or blocking on a
 * FIFO.  Returns 0, or an errno value; *too_big when over max. */
int rg_read_file(int dirfd, const char *path, size_t max, char **data,
		 size_t *len, bool *too_big);

#endif
