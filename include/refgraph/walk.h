/*
 * walk: the notes under a root, as sorted relative paths.  Hidden entries
 * and excluded paths are skipped, symbolic links are never followed, and
 * anything that is not a regular file (FIFO, socket, device) is skipped
 * without being opened.  The walk keeps a list of folders still to read
 * instead of recursing, and holds one folder open at a time: neither the
 * stack nor the descriptors grow with the depth of the tree.
 */
#ifndef REFGRAPH_WALK_H
#define REFGRAPH_WALK_H

#include "refgraph/config.h"
#include "refgraph/diag.h"

/* Folders nested deeper than this under ROOT are skipped with a warning,
 * in a directory and in a git revision alike. */
#define RG_WALK_MAX_DEPTH 256

typedef struct rg_paths {
	RG_VEC(char *) v;
} rg_paths;

/* Walk root; paths come back relative and in bytewise order.  Returns
 * false when the root itself cannot be read, or when the walk ran out of
 * a resource (file descriptors); either is reported. */
bool rg_walk(const char *root, const rg_config *cfg, rg_paths *out, rg_diags *d,
	     rg_paths *skipped);
/* The same, under the folder open as rootfd (not closed); root is the name
 * diagnostics give it. */
bool rg_walk_at(int rootfd, const char *root, const rg_config *cfg,
		rg_paths *out, rg_diags *d, rg_paths *skipped);
/*
 * The walk as it goes: found gets each note's path (relative; the callee
 * owns it) as soon as the walk reaches it, so that the notes can be read
 * while the walk goes on, and in the same bytewise order rg_walk gives.
 * skipped comes back sorted.  Returns as rg_walk_at.
 */
typedef void (*rg_walk_fn)(char *path, void *user);
bool rg_walk_each(int rootfd, const char *root, const rg_config *cfg,
		  rg_walk_fn found, void *user, rg_diags *d, rg_paths *skipped);
void rg_paths_free(rg_paths *p);

/*
 * Open rel, a relative path under the folder dirfd, one component at a
 * time and never through a symbolic link (O_NOFOLLOW on each), so that a
 * folder swapped for a link while the notes are read cannot lead outside
 * dirfd, and a path longer than PATH_MAX can still be opened.  flags are
 * open(2)'s; O_NOFOLLOW and O_CLOEXEC are added.  Returns a descriptor, or
 * -1 with errno set.
 */
int rg_open_beneath(int dirfd, const char *rel, int flags);

/* Whether an errno value means the process ran out of a resource (file
 * descriptors), which ends the run with status 3 rather than skipping a
 * file. */
bool rg_errno_resource(int e);

#endif
