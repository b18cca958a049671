/*
 * gitsrc: a revision's tree as the notes folder.  The tree is walked once
 * for the paths (the rules of walk.c), the paths are sorted as a folder's
 * are, and each blob is handed to note.c, so the notes, their order and
 * their diagnostics are those of a checkout of the revision.
 */
#include "refgraph/gitsrc.h"

#include <git2.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/dynlib.h"
#include "refgraph/note.h"
#include "refgraph/util.h"
#include "refgraph/walk.h"

/* The functions of libgit2 this module calls, loaded with the library
 * when a run first needs it (dynlib.h). */
#define GIT_FNS(X)                                                             \
	X(git_blob_free)                                                       \
	X(git_blob_lookup)                                                     \
	X(git_blob_rawcontent)                                                 \
	X(git_blob_rawsize)                                                    \
	X(git_commit_free)                                                     \
	X(git_commit_time)                                                     \
	X(git_commit_time_offset)                                              \
	X(git_error_last)                                                      \
	X(git_libgit2_init)                                                    \
	X(git_libgit2_shutdown)                                                \
	X(git_object_free)                                                     \
	X(git_object_peel)                                                     \
	X(git_oid_cpy)                                                         \
	X(git_repository_free)                                                 \
	X(git_repository_open_ext)                                             \
	X(git_repository_workdir)                                              \
	X(git_revparse_single)                                                 \
	X(git_tree_entry_byname)                                               \
	X(git_tree_entry_bypath)                                               \
	X(git_tree_entry_filemode)                                             \
	X(git_tree_entry_free)                                                 \
	X(git_tree_entry_id)                                                   \
	X(git_tree_entry_name)                                                 \
	X(git_tree_entry_type)                                                 \
	X(git_tree_free)                                                       \
	X(git_tree_lookup)                                                     \
	X(git_tree_walk)

static struct {
	GIT_FNS(RG_DYNLIB_FIELD)
} lg;
static const char *const lg_names[] = {GIT_FNS(RG_DYNLIB_NAME)};
RG_DYNLIB_CHECK(lg, lg_names);
static rg_dynlib libgit2 = RG_DYNLIB_INIT(
	RG_SONAME_GIT2, RG_DEBPKG_GIT2,
	"reading a git revision (--rev, --previous-rev)", lg, lg_names);

#define SECONDS_PER_MINUTE 60
#define SECONDS_PER_DAY	   86400

struct rg_gitsrc {
	git_repository *repo;
	git_tree *tree; /* ROOT's folder at the revision, or NULL */
	char *root;	/* ROOT as diagnostics name it */
	char *prefix;	/* ROOT's path in the tree ("" or "a/b/") */
	int day;	/* the commit's day, or RG_NODATE */
	bool missing;	/* ROOT's folder is not in the revision */
};

static char *git_why(const char *what)
{
	const git_error *e = lg.git_error_last();
	return rg_asprintf("%s: %s", what,
			   e && e->message ? e->message : "unknown error");
}

/* ROOT's path inside the work tree, "" or ending in '/'; NULL when it is
 * not inside (then ROOT is the repository itself, or its .git). */
static char *prefix_of(git_repository *repo, const char *root)
{
	const char *wd = lg.git_repository_workdir(repo);
	if (wd == NULL)
		return rg_strdup("");
	char *rp = realpath(root, NULL), *wp = realpath(wd, NULL);
	char *out = NULL;
	if (rp && wp) {
		size_t n = strlen(wp);
		if (strcmp(rp, wp) == 0)
			out = rg_strdup("");
		else if (strncmp(rp, wp, n) == 0 && rp[n] == '/')
			out = rg_asprintf("%s/", rp + n + 1);
	}
	free(rp);
	free(wp);
	return out ? out : rg_strdup("");
}

/* The commit's day in its committer's own time zone. */
static int commit_day(const git_commit *c)
{
	long long t =
		(long long)lg.git_commit_time(c) +
		(long long)lg.git_commit_time_offset(c) * SECONDS_PER_MINUTE;
	long long days =
		t >= 0 ? t / SECONDS_PER_DAY
		       : -((-t + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY);
	return (int)days; /* day numbers count from 1970-01-01 */
}

/* rev's tree, and ROOT's folder in it. */
static int find_tree(rg_gitsrc *g, const char *rev, char **why)
{
	git_object *obj = NULL, *peeled = NULL;
	if (lg.git_revparse_single(&obj, g->repo, rev) != 0) {
		*why = rg_asprintf("--rev: '%s' names no revision of the "
				   "repository holding %s",
				   rev, g->root);
		return RG_EXIT_USAGE;
	}
	git_commit *c = NULL;
	if (lg.git_object_peel((git_object **)&c, obj, GIT_OBJECT_COMMIT) ==
	    0) {
		g->day = commit_day(c);
		lg.git_commit_free(c);
	}
	int rc = lg.git_object_peel(&peeled, obj, GIT_OBJECT_TREE);
	lg.git_object_free(obj);
	if (rc != 0) {
		*why = rg_asprintf("--rev: '%s' is not a commit or a tree",
				   rev);
		return RG_EXIT_USAGE;
	}
	git_tree *top = (git_tree *)peeled;
	if (*g->prefix == '\0') {
		g->tree = top;
		return RG_EXIT_OK;
	}
	git_tree_entry *e = NULL;
	char *dir = rg_strndup(g->prefix, strlen(g->prefix) - 1);
	if (lg.git_tree_entry_bypath(&e, top, dir) == 0 &&
	    lg.git_tree_entry_type(e) == GIT_OBJECT_TREE) {
		if (lg.git_tree_lookup(&g->tree, g->repo,
				       lg.git_tree_entry_id(e)) != 0) {
			*why = git_why("cannot read the repository");
			rc = RG_EXIT_IO;
		}
	} else {
		g->missing = true;
	}
	lg.git_tree_entry_free(e);
	free(dir);
	lg.git_tree_free(top);
	return rc ? RG_EXIT_IO : RG_EXIT_OK;
}

int rg_gitsrc_open(rg_gitsrc **out, const char *root, const char *rev,
		   char **why)
{
	*out = NULL;
	if (!rg_dynlib_load(&libgit2, why))
		return RG_EXIT_IO;
	lg.git_libgit2_init();
	rg_gitsrc *g = rg_calloc(1, sizeof *g);
	g->root = rg_strdup(root);
	g->day = RG_NODATE;
	if (lg.git_repository_open_ext(&g->repo, root, 0, NULL) != 0) {
		*why = rg_asprintf("%s is not in a git repository (--rev and "
				   "--previous-rev read one)",
				   root);
		rg_gitsrc_free(g);
		return RG_EXIT_USAGE;
	}
	g->prefix = prefix_of(g->repo, root);
	int st = find_tree(g, rev, why);
	if (st != RG_EXIT_OK) {
		rg_gitsrc_free(g);
		return st;
	}
	*out = g;
	return RG_EXIT_OK;
}

int rg_gitsrc_day(const rg_gitsrc *g)
{
	return g->day;
}

void rg_gitsrc_free(rg_gitsrc *g)
{
	if (g == NULL)
		return;
	lg.git_tree_free(g->tree);
	lg.git_repository_free(g->repo);
	free(g->root);
	free(g->prefix);
	free(g);
	lg.git_libgit2_shutdown();
}

/* A blob's bytes, NUL-terminated as note.c is given them; or an error
 * (reported, ending with done: what was done instead) when it is over max
 * or cannot be read. */
static char *read_blob(rg_gitsrc *g, const git_oid *id, const char *path,
		       size_t max, size_t *len, rg_diags *d, bool *failed,
		       const char *done)
{
	*failed = false;
	git_blob *b = NULL;
	if (lg.git_blob_lookup(&b, g->repo, id) != 0) {
		char *why = git_why("cannot read");
		rg_diag(d, path, 0, 0, RG_ERROR, "%s; stopped", why);
		free(why);
		*failed = true;
		return NULL;
	}
	git_object_size_t n = lg.git_blob_rawsize(b);
	if (n > max) {
		rg_diag(d, path, 0, 0, RG_ERROR,
			"file larger than %zu bytes (max_file_size); %s", max,
			done);
		lg.git_blob_free(b);
		return NULL;
	}
	*len = (size_t)n;
	char *s = rg_malloc(*len + 1);
	memcpy(s, lg.git_blob_rawcontent(b), *len);
	s[*len] = '\0';
	lg.git_blob_free(b);
	return s;
}

void rg_gitsrc_config(rg_gitsrc *g, rg_config *c, rg_diags *d)
{
	static const char name[] = ".refgraph.yaml";
	if (g->tree == NULL)
		return;
	const git_tree_entry *e = lg.git_tree_entry_byname(g->tree, name);
	if (e == NULL)
		return;
	git_filemode_t m = lg.git_tree_entry_filemode(e);
	if (m == GIT_FILEMODE_LINK) {
		rg_diag(d, name, 0, 0, RG_WARNING,
			"symbolic link not followed; the settings are not "
			"read");
		return;
	}
	if (m != GIT_FILEMODE_BLOB && m != GIT_FILEMODE_BLOB_EXECUTABLE) {
		rg_diag(d, name, 0, 0, RG_WARNING,
			"not a regular file; the settings are not read");
		return;
	}
	size_t len;
	bool failed;
	char *text = read_blob(g, lg.git_tree_entry_id(e), name,
			       c->limits.max_file_size, &len, d, &failed,
			       "the settings are not read");
	if (text)
		rg_config_parse(c, text, len, name, d);
	free(text);
}

/* ---- the walk ---- */

typedef struct found {
	char *path;
	git_oid id;
} found;

typedef struct walker {
	const rg_config *cfg;
	rg_diags *d;
	rg_paths *excluded;
	RG_VEC(found) files;
} walker;

static int depth_of(const char *dir)
{
	int n = 0;
	for (; *dir; dir++)
		n += *dir == '/';
	return n;
}

/* One entry under the folder dir ("" or ending in '/'): 0 to go on, 1 to
 * leave a folder out. */
static int visit(const char *dir, const git_tree_entry *e, void *arg)
{
	walker *w = arg;
	const char *name = lg.git_tree_entry_name(e);
	if (name[0] == '.')
		return 1;
	char *path = rg_asprintf("%s%s", dir, name);
	if (rg_config_excluded(w->cfg, path)) {
		*RG_VEC_PUSH(w->excluded->v) = path;
		return 1;
	}
	git_filemode_t m = lg.git_tree_entry_filemode(e);
	int skip = 1;
	if (m == GIT_FILEMODE_TREE) {
		if (depth_of(dir) + 1 >= RG_WALK_MAX_DEPTH)
			rg_diag(w->d, path, 0, 0, RG_WARNING,
				"directory nested deeper than %d levels; "
				"skipped",
				RG_WALK_MAX_DEPTH);
		else
			skip = 0;
	} else if (m == GIT_FILEMODE_LINK) {
		rg_diag(w->d, path, 0, 0, RG_WARNING,
			"symbolic link not followed; skipped");
	} else if (m == GIT_FILEMODE_COMMIT) {
		rg_diag(w->d, path, 0, 0, RG_WARNING,
			"git submodule not read; skipped");
	} else if (rg_note_name(name)) {
		found *f = RG_VEC_PUSH(w->files);
		f->path = path;
		lg.git_oid_cpy(&f->id, lg.git_tree_entry_id(e));
		return 0;
	}
	free(path);
	return skip;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_found(const void *a, const void *b)
{
	return strcmp(((const found *)a)->path, ((const found *)b)->path);
}

bool rg_gitsrc_notes(rg_gitsrc *g, rg_notes *n, const rg_config *cfg,
		     rg_diags *d)
{
	memset(n, 0, sizeof *n);
	if (g->missing || g->tree == NULL) {
		rg_diag(d, g->root, 0, 0, RG_ERROR,
			"cannot read notes directory: not in the revision");
		return false;
	}
	walker w = {cfg, d, &n->excluded, {0}};
	if (lg.git_tree_walk(g->tree, GIT_TREEWALK_PRE, visit, &w) < 0) {
		char *why = git_why("cannot read the repository");
		rg_diag(d, g->root, 0, 0, RG_ERROR, "%s", why);
		free(why);
		return false;
	}
	if (w.files.n > 1)
		qsort(w.files.v, w.files.n, sizeof *w.files.v, cmp_found);
	if (n->excluded.v.n > 1)
		qsort(n->excluded.v.v, n->excluded.v.n, sizeof(char *),
		      cmp_str);
	n->files = rg_calloc(w.files.n ? w.files.n : 1, sizeof(rg_file *));
	bool ok = true;
	for (size_t i = 0; i < w.files.n; i++) {
		const char *path = w.files.v[i].path;
		size_t len = 0;
		bool failed;
		char *data = read_blob(g, &w.files.v[i].id, path,
				       cfg->limits.max_file_size, &len, d,
				       &failed, "skipped");
		ok = ok && !failed;
		n->files[n->nfiles++] =
			data ? rg_note_parse_buf(path, data, len, &cfg->limits)
			     : rg_file_new(path);
		free(data);
		free(w.files.v[i].path);
	}
	RG_VEC_FREE(w.files);
	for (size_t i = 0; i < n->nfiles; i++)
		rg_diags_append(d, &n->files[i]->diags);
	return ok;
}
