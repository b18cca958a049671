/*
 * walk: a depth-first walk with openat (and fstatat where the folder
 * listing does not give an entry's type), never following links.
 * Folders wait in a list rather than on the call stack, and each is read
 * whole and closed before the next is opened, so a deep tree needs neither
 * stack nor a descriptor per level.
 *
 * The notes come out in bytewise order of their paths without sorting
 * them all: each folder's entries are sorted by name, a folder's name
 * taken with the '/' its paths go on with ("a/b" sorts after "a-c"), and
 * the list is a stack taken from the top, so a folder's notes come out
 * where strcmp would put their paths.  Sorting the names of one folder
 * at a time costs less than sorting every path with its folders'
 * names in front.
 */
#include "refgraph/walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "refgraph/note.h"

/* A folder still to read, or a note to hand over when it comes to the
 * top: both wait on one stack, so that they leave it in path order. */
typedef struct pending {
	char *rel;   /* "" for the root */
	size_t name; /* where the last name starts in rel */
	int depth;   /* of a folder */
	bool dir;
} pending;

typedef struct walker {
	int rootfd;
	const char *root;
	const rg_config *cfg;
	rg_walk_fn found;
	void *user;
	rg_paths *skipped;
	rg_diags *d;
	RG_VEC(pending) todo;
} walker;

bool rg_errno_resource(int e)
{
	return e == EMFILE || e == ENFILE;
}

int rg_open_beneath(int dirfd, const char *rel, int flags)
{
	char comp[NAME_MAX + 1];
	int fd = dirfd;
	for (;;) {
		const char *slash = strchr(rel, '/');
		size_t n = slash ? (size_t)(slash - rel) : strlen(rel);
		int next = -1;
		if (n == 0 || n > NAME_MAX) {
			errno = n ? ENAMETOOLONG : ENOENT;
		} else {
			memcpy(comp, rel, n);
			comp[n] = '\0';
			int f = slash ? O_RDONLY | O_DIRECTORY : flags;
			next = openat(fd, comp, f | O_NOFOLLOW | O_CLOEXEC);
		}
		if (fd != dirfd) {
			int e = errno;
			close(fd);
			errno = e;
		}
		if (next < 0 || slash == NULL)
			return next;
		fd = next;
		rel = slash + 1;
	}
}

/* dir/name (name alone at the top): a copy, not a format, as it is made
 * for every entry of every folder */
static char *join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *p = rg_malloc(a + 1 + b + 1);
	char *e = p;
	if (a) {
		memcpy(e, dir, a);
		e += a;
		*e++ = '/';
	}
	memcpy(e, name, b + 1);
	return p;
}

/* A folder that cannot be read is skipped, unless the reason is a
 * resource the whole run lacks; returns false then. */
static bool dir_failed(walker *w, const char *rel, int e, const char *what)
{
	if (e == ENOMEM)
		rg_oom();
	rg_diag(w->d, *rel ? rel : ".", 0, 0, RG_ERROR,
		"cannot read directory: %s; %s", strerror(e),
		rg_errno_resource(e) ? "stopped" : what);
	return !rg_errno_resource(e);
}

/*
 * The type of dfd's entry name, as a stat mode's S_IFMT bits: the folder
 * listing's own (d_type) when the file system gives one, which spares a
 * path lookup per entry, or fstatat's.  A file that changes type after
 * this is caught when it is opened (notes.c checks it again).  Returns 0
 * with errno set when fstatat fails.
 */
static mode_t entry_type(int dfd, const char *name, unsigned char d_type)
{
	switch (d_type) {
	case DT_REG:
		return S_IFREG;
	case DT_DIR:
		return S_IFDIR;
	case DT_LNK:
		return S_IFLNK;
	case DT_FIFO:
		return S_IFIFO;
	case DT_SOCK:
		return S_IFSOCK;
	case DT_CHR:
		return S_IFCHR;
	case DT_BLK:
		return S_IFBLK;
	default:
		break;
	}
	struct stat st;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return 0;
	return st.st_mode & S_IFMT;
}

/* One entry of the folder open as dfd, whose path is rel: a folder to
 * read or a note to hand over goes on the stack, in no order yet. */
static void entry(walker *w, int dfd, const char *rel, int depth,
		  const char *name, unsigned char d_type)
{
	char *path = join(rel, name);
	size_t at = *rel ? strlen(rel) + 1 : 0; /* where name is in path */
	if (rg_config_excluded(w->cfg, path)) {
		*RG_VEC_PUSH(w->skipped->v) = path;
		return;
	}
	mode_t type = entry_type(dfd, name, d_type);
	if (type == 0) {
		if (errno == ENOMEM)
			rg_oom();
		rg_diag(w->d, path, 0, 0, RG_ERROR, "cannot stat: %s; skipped",
			strerror(errno));
	} else if (type == S_IFLNK) {
		rg_diag(w->d, path, 0, 0, RG_WARNING,
			"symbolic link not followed; skipped");
	} else if (type == S_IFDIR) {
		if (depth >= RG_WALK_MAX_DEPTH) {
			rg_diag(w->d, path, 0, 0, RG_WARNING,
				"directory nested deeper than %d levels; "
				"skipped",
				RG_WALK_MAX_DEPTH);
		} else {
			*RG_VEC_PUSH(w->todo) =
				(pending){path, at, depth + 1, true};
			return;
		}
	} else if (rg_note_name(name)) {
		if (type == S_IFREG) {
			*RG_VEC_PUSH(w->todo) =
				(pending){path, at, depth, false};
			return;
		}
		rg_diag(w->d, path, 0, 0, RG_WARNING,
			"not a regular file; skipped");
	}
	free(path);
}

/*
 * Entries of one folder in the order of the paths they lead to: by name
 * bytewise, a folder's name followed by '/'.  (Two entries of a folder
 * never have the same name, and a name has no '/'.)
 */
static int cmp_kid(const void *a, const void *b)
{
	const pending *p = a, *q = b;
	if (!p->dir && !q->dir) /* most of them: notes */
		return strcmp(p->rel + p->name, q->rel + q->name);
	const unsigned char *x = (const unsigned char *)p->rel + p->name;
	const unsigned char *y = (const unsigned char *)q->rel + q->name;
	while (*x && *x == *y)
		x++, y++;
	int cx = *x ? *x : p->dir ? '/' : 0;
	int cy = *y ? *y : q->dir ? '/' : 0;
	return cx - cy;
}

/* The other way round, for the stack: its top is taken first. */
static int cmp_kid_last_first(const void *a, const void *b)
{
	return cmp_kid(b, a);
}

/* Read the folder rel whole; its notes and subfolders go on the stack,
 * sorted there in reverse path order, so the first comes off first.
 * Returns false when the run must stop (out of descriptors). */
static bool walk_dir(walker *w, const char *rel, int depth)
{
	int fd = *rel ? rg_open_beneath(w->rootfd, rel, O_RDONLY | O_DIRECTORY)
		      : openat(w->rootfd, ".",
			       O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 && *rel == '\0') {
		/* the root opens but cannot be searched: name it */
		if (errno == ENOMEM)
			rg_oom();
		rg_diag(w->d, w->root, 0, 0, RG_ERROR,
			"cannot read notes directory: %s", strerror(errno));
		return false;
	}
	if (fd < 0)
		return dir_failed(w, rel, errno, "skipped");
	DIR *dir = fdopendir(fd);
	if (dir == NULL) {
		int e = errno;
		close(fd);
		return dir_failed(w, rel, e, "skipped");
	}
	size_t first = w->todo.n; /* this folder's entries start here */
	struct dirent *de;
	while ((errno = 0, de = readdir(dir)) != NULL) {
		if (de->d_name[0] != '.') /* hidden, and . and .. */
			entry(w, dirfd(dir), rel, depth, de->d_name,
			      de->d_type);
	}
	int e = errno;
	closedir(dir);
	if (w->todo.n - first > 1)
		qsort(w->todo.v + first, w->todo.n - first, sizeof *w->todo.v,
		      cmp_kid_last_first);
	return e == 0 || dir_failed(w, rel, e, "the rest of it skipped");
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

bool rg_walk_each(int rootfd, const char *root, const rg_config *cfg,
		  rg_walk_fn found, void *user, rg_diags *d, rg_paths *skipped)
{
	walker w = {rootfd, root, cfg, found, user, skipped, d, {0}};
	*RG_VEC_PUSH(w.todo) = (pending){rg_strdup(""), 0, 0, true};
	bool ok = true;
	while (w.todo.n > 0) {
		pending p = w.todo.v[--w.todo.n];
		if (!p.dir) {
			if (ok)
				w.found(p.rel, w.user);
			else /* the walk stopped: nothing more is handed */
				free(p.rel);
			continue;
		}
		if (ok)
			ok = walk_dir(&w, p.rel, p.depth);
		free(p.rel);
	}
	RG_VEC_FREE(w.todo);
	if (skipped->v.n > 1)
		qsort(skipped->v.v, skipped->v.n, sizeof(char *), cmp_path);
	return ok;
}

static void collect(char *path, void *user)
{
	rg_paths *out = user;
	*RG_VEC_PUSH(out->v) = path;
}

bool rg_walk_at(int rootfd, const char *root, const rg_config *cfg,
		rg_paths *out, rg_diags *d, rg_paths *skipped)
{
	return rg_walk_each(rootfd, root, cfg, collect, out, d, skipped);
}

bool rg_walk(const char *root, const rg_config *cfg, rg_paths *out, rg_diags *d,
	     rg_paths *skipped)
{
	int fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOMEM)
			rg_oom();
		rg_diag(d, root, 0, 0, RG_ERROR,
			"cannot read notes directory: %s", strerror(errno));
		return false;
	}
	bool ok = rg_walk_at(fd, root, cfg, out, d, skipped);
	close(fd);
	return ok;
}

void rg_paths_free(rg_paths *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->v.n; i++)
		free(p->v.v[i]);
	RG_VEC_FREE(p->v);
}
