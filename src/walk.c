/*
 * walk: a depth-first walk with openat/fstatat, never following links.
 */
#include "refgraph/walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "refgraph/note.h"

#define MAX_DEPTH 256

typedef struct walker {
	const rg_config *cfg;
	rg_paths *out, *skipped;
	rg_diags *d;
} walker;

static char *join(const char *dir, const char *name)
{
	return *dir ? rg_asprintf("%s/%s", dir, name) : rg_strdup(name);
}

static void walk_dir(walker *w, int dfd, const char *rel, int depth)
{
	DIR *dir = fdopendir(dfd);
	if (dir == NULL) {
		rg_diag(w->d, *rel ? rel : ".", 0, 0, RG_ERROR,
			"cannot read directory: %s; skipped", strerror(errno));
		close(dfd);
		return;
	}
	struct dirent *de;
	while ((errno = 0, de = readdir(dir)) != NULL) {
		const char *name = de->d_name;
		if (name[0] == '.')
			continue; /* hidden, and . and .. */
		char *path = join(rel, name);
		if (rg_config_excluded(w->cfg, path)) {
			*RG_VEC_PUSH(w->skipped->v) = path;
			continue;
		}
		struct stat st;
		if (fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
			rg_diag(w->d, path, 0, 0, RG_ERROR,
				"cannot stat: %s; skipped", strerror(errno));
			free(path);
			continue;
		}
		if (S_ISLNK(st.st_mode)) {
			rg_diag(w->d, path, 0, 0, RG_WARNING,
				"symbolic link not followed; skipped");
			free(path);
		} else if (S_ISDIR(st.st_mode)) {
			if (depth >= MAX_DEPTH) {
				rg_diag(w->d, path, 0, 0, RG_WARNING,
					"directory nested deeper than %d "
					"levels; skipped",
					MAX_DEPTH);
				free(path);
				continue;
			}
			int fd = openat(dirfd(dir), name,
					O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
						O_CLOEXEC);
			if (fd < 0) {
				rg_diag(w->d, path, 0, 0, RG_ERROR,
					"cannot read directory: %s; skipped",
					strerror(errno));
			} else {
				walk_dir(w, fd, path, depth + 1);
			}
			free(path);
		} else if (rg_note_name(name)) {
			if (S_ISREG(st.st_mode))
				*RG_VEC_PUSH(w->out->v) = path;
			else {
				rg_diag(w->d, path, 0, 0, RG_WARNING,
					"not a regular file; skipped");
				free(path);
			}
		} else {
			free(path);
		}
	}
	if (errno)
		rg_diag(w->d, *rel ? rel : ".", 0, 0, RG_ERROR,
			"cannot read directory: %s; the rest of it skipped",
			strerror(errno));
	closedir(dir);
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

bool rg_walk(const char *root, const rg_config *cfg, rg_paths *out, rg_diags *d,
	     rg_paths *skipped)
{
	int fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		rg_diag(d, root, 0, 0, RG_ERROR,
			"cannot read notes directory: %s", strerror(errno));
		return false;
	}
	walker w = {cfg, out, skipped, d};
	walk_dir(&w, fd, "", 0);
	if (out->v.n > 1)
		qsort(out->v.v, out->v.n, sizeof(char *), cmp_path);
	if (skipped->v.n > 1)
		qsort(skipped->v.v, skipped->v.n, sizeof(char *), cmp_path);
	return true;
}

void rg_paths_free(rg_paths *p)
{
	for (size_t i = 0; i < p->v.n; i++)
		free(p->v.v[i]);
	RG_VEC_FREE(p->v);
}
