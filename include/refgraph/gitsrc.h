/*
 * gitsrc: the notes as they are at a git revision, read from the
 * repository's objects without a checkout (libgit2).  ROOT may be a folder
 * of a work tree (the notes are then that folder's tree at the revision)
 * or a bare repository (the whole tree).  The tree is read as walk.c reads
 * a folder: the same paths relative to ROOT, hidden and excluded paths
 * skipped, symbolic links warned about and skipped, submodules too, each
 * blob whole up to max_file_size; each file is parsed by note.c, so what
 * comes out is the rg_notes a directory gives and nothing downstream
 * knows the difference.
 */
#ifndef REFGRAPH_GITSRC_H
#define REFGRAPH_GITSRC_H

#include <stdbool.h>

#include "refgraph/config.h"
#include "refgraph/notes.h"

typedef struct rg_gitsrc rg_gitsrc;

/*
 * Open the repository that holds root and find rev in it.  Returns
 * RG_EXIT_OK; RG_EXIT_USAGE when root is in no repository or rev names no
 * commit or tree (*why says which); RG_EXIT_IO when the repository cannot
 * be read.  *why is allocated; the caller frees it.
 */
int rg_gitsrc_open(rg_gitsrc **g, const char *root, const char *rev,
		   char **why);
/*
 * The settings ROOT/.refgraph.yaml had at the revision, into c (absent:
 * the defaults stand), with diagnostics as for a file.
 */
void rg_gitsrc_config(rg_gitsrc *g, rg_config *c, rg_diags *d);
/*
 * Every note at the revision, as rg_notes_load reads a folder.  Returns
 * false when ROOT's folder is not in the revision's tree or an object
 * cannot be read (reported in d): the run ends with status 3.
 */
bool rg_gitsrc_notes(rg_gitsrc *g, rg_notes *n, const rg_config *cfg,
		     rg_diags *d);
/* The day of the revision's commit (its committer's date in its own time
 * zone), or RG_NODATE for a tree. */
int rg_gitsrc_day(const rg_gitsrc *g);
void rg_gitsrc_free(rg_gitsrc *g);

#endif
