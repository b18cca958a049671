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

/* The most threads that parse notes at once (--jobs is capped to it). */
#define RG_NOTES_MAX_JOBS 64

/*
 * Read every note under root with the settings in cfg.  Diagnostics go to
 * d.  Returns false when root cannot be read at all, or when the run ran
 * out of a resource (file descriptors): the report would miss notes, so
 * the run ends with status 3.
 */
bool rg_notes_load(rg_notes *n, const char *root, const rg_config *cfg,
		   int jobs, rg_diags *d);
void rg_notes_free(rg_notes *n);

/*
 * Read the whole regular file path (relative to the folder dirfd, opened a
 * component at a time: see rg_open_beneath) without following a link or
 * blocking on a FIFO.  Returns 0 with *data (malloc'd, NUL-terminated, the
 * caller frees it) and *len, or an errno value: ELOOP for a symbolic link,
 * EISDIR for a folder, EINVAL for anything else that is not a regular file
 * (FIFO, socket, device), EFBIG with *too_big when over max bytes.
 */
int rg_read_file(int dirfd, const char *path, size_t max, char **data,
		 size_t *len, bool *too_big);

/*
 * Read a settings file the way notes are read (rg_read_file: no link
 * followed in its last component, no FIFO opened for long, regular files
 * only, whole up to max bytes).  path is as given (ROOT/.refgraph.yaml or
 * the --config value).  Returns 0 or an errno value as rg_read_file does,
 * and ENOENT when there is no such file.  *dir_failed is set when the
 * failure is the folder's (it cannot be opened or searched): the message
 * should then name the folder, which for ROOT/.refgraph.yaml is ROOT, and
 * the walk of ROOT reports it.
 */
int rg_read_settings(const char *path, size_t max, char **data, size_t *len,
		     bool *too_big, bool *dir_failed);

#endif
