/*
 * notes: walk, read and parse every note.  Each file is parsed alone
 * (note.c), so the work is split over threads by file and the results
 * are put back in path order: output never depends on the split.
 */
#include "refgraph/notes.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "refgraph/note.h"

/*
 * Read the regular file path into b (emptied first), as rg_read_file
 * says.  The size fstat gives is read and no more: a file that grows
 * while it is read is read as it was, and the read that would only say
 * "end of file" is not made.  A file that says it is empty (as some
 * special files do) is read to its end.
 */
static int read_into(int dirfd, const char *path, size_t max, rg_buf *b,
		     bool *too_big)
{
	*too_big = false;
	b->len = 0;
	int fd = rg_open_beneath(dirfd, path, O_RDONLY | O_NONBLOCK);
	if (fd < 0) {
		if (errno == ENOMEM)
			rg_oom();
		return errno;
	}
	struct stat st;
	int e = 0;
	if (fstat(fd, &st) != 0)
		e = errno;
	else if (!S_ISREG(st.st_mode))
		e = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
	else if ((unsigned long long)st.st_size > max)
		e = EFBIG;
	size_t want = e ? 0 : (size_t)st.st_size;
	while (e == 0) {
		if (want && b->len >= want)
			break;
		if (b->len > max) {
			e = EFBIG;
			break;
		}
		/* room for the rest and the NUL, or for more than max */
		size_t room =
			want ? want + 1 : (b->len < 4096 ? 4096 : b->len) * 2;
		rg_grow((void **)&b->s, &b->cap, room, 1);
		ssize_t r = read(fd, b->s + b->len,
				 (want ? want : b->cap - 1) - b->len);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOMEM)
				rg_oom();
			e = errno;
		} else if (r == 0) {
			break;
		} else {
			b->len += (size_t)r;
		}
	}
	close(fd);
	if (e == 0 && b->len > max)
		e = EFBIG;
	*too_big = e == EFBIG;
	if (e == 0) {
		rg_grow((void **)&b->s, &b->cap, b->len + 1, 1);
		b->s[b->len] = '\0';
	}
	return e;
}

int rg_read_file(int dirfd, const char *path, size_t max, char **data,
		 size_t *len, bool *too_big)
{
	*data = NULL;
	*len = 0;
	rg_buf b = {0};
	int e = read_into(dirfd, path, max, &b, too_big);
	if (e) {
		rg_buf_free(&b);
		return e;
	}
	*data = b.s;
	*len = b.len;
	return 0;
}

int rg_read_settings(const char *path, size_t max, char **data, size_t *len,
		     bool *too_big, bool *dir_failed)
{
	*too_big = *dir_failed = false;
	*data = NULL;
	*len = 0;
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL   ? rg_strdup(".")
		    : slash == path ? rg_strdup("/")
				    : rg_strndup(path, (size_t)(slash - path));
	const char *base = slash ? slash + 1 : path;
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	struct stat st;
	int e = 0;
	if (dfd < 0) {
		e = errno;
		*dir_failed = true;
	} else if (*base == '\0') {
		e = EISDIR;
	} else if (fstatat(dfd, base, &st, AT_SYMLINK_NOFOLLOW) != 0) {
		/* a folder that opens but cannot be searched is at fault,
		 * not the file in it */
		e = errno;
		*dir_failed = e == EACCES;
	} else if (S_ISLNK(st.st_mode)) {
		e = ELOOP;
	} else {
		e = rg_read_file(dfd, base, max, data, len, too_big);
	}
	if (dfd >= 0)
		close(dfd);
	if (e == ENOMEM)
		rg_oom();
	return e;
}

/* A worker takes this many paths at a time: few lock round trips, and
 * little left to one worker at the end. */
#define TAKE 16

/*
 * The walk and the reading overlap: the walk hands each path over as it
 * finds it (paths, in walk order, which is path order), and workers take
 * them TAKE at a time.  Everything but short_of is under mu.
 */
typedef struct job {
	int dirfd;
	const rg_config *cfg;
	pthread_mutex_t mu;
	pthread_cond_t more;
	RG_VEC(char *) paths;
	size_t next;  /* the first path no worker has taken */
	bool walked;  /* the walk is over: no more paths */
	int sleeping; /* workers waiting for paths */
	atomic_bool short_of; /* a file could not be opened for want of a
				 descriptor: the notes are incomplete */
} job;

/* A file read, and its place in walk order. */
typedef struct done_file {
	size_t i;
	rg_file *f;
} done_file;

typedef struct reader {
	job *j;
	RG_VEC(done_file) done;
} reader;

typedef struct dircache {
	char *rel; /* NULL: none open */
	size_t len;
	int fd;
} dircache;

static void dircache_drop(dircache *c)
{
	if (c->rel)
		close(c->fd);
	free(c->rel);
	c->rel = NULL;
}

/* Read path through the cache into the worker's buffer; as rg_read_file. */
static int read_note(const job *j, dircache *c, const char *path, rg_buf *b,
		     bool *big)
{
	size_t max = j->cfg->limits.max_file_size;
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return read_into(j->dirfd, path, max, b, big);
	size_t n = (size_t)(slash - path);
	if (c->rel == NULL || c->len != n || memcmp(c->rel, path, n) != 0) {
		dircache_drop(c);
		char *rel = rg_strndup(path, n);
		int fd = rg_open_beneath(j->dirfd, rel, O_RDONLY | O_DIRECTORY);
		if (fd < 0) {
			if (errno == ENOMEM)
				rg_oom();
			int e = errno;
			free(rel);
			*big = false;
			return e;
		}
		c->rel = rel;
		c->len = n;
		c->fd = fd;
	}
	return read_into(c->fd, slash + 1, max, b, big);
}

/* b: the worker's buffer, one for all the files it reads */
static rg_file *parse_one(job *j, dircache *c, rg_buf *b, const char *path)
{
	bool big;
	int e = read_note(j, c, path, b, &big);
	if (e) {
		rg_file *f = rg_file_new(path);
		/* a file the walk saw as regular, changed since: the walk's
		 * own warnings */
		if (big)
			rg_diag(&f->diags, path, 0, 0, RG_ERROR,
				"file larger than %zu bytes (max_file_size); "
				"skipped",
				j->cfg->limits.max_file_size);
		else if (e == ELOOP)
			rg_diag(&f->diags, path, 0, 0, RG_WARNING,
				"symbolic link not followed; skipped");
		else if (e == EINVAL || e == EISDIR)
			rg_diag(&f->diags, path, 0, 0, RG_WARNING,
				"not a regular file; skipped");
		else {
			/* workers run at once: strerror's buffer is shared */
			char msg[128];
			if (strerror_r(e, msg, sizeof msg) != 0)
				snprintf(msg, sizeof msg, "error %d", e);
			rg_diag(&f->diags, path, 0, 0, RG_ERROR,
				"cannot read: %s; %s", msg,
				rg_errno_resource(e) ? "stopped" : "skipped");
		}
		if (rg_errno_resource(e))
			atomic_store(&j->short_of, true);
		return f;
	}
	return rg_note_parse_buf(path, b->s, b->len, &j->cfg->limits);
}

/* The next paths to read, into take (at most TAKE) with the walk-order
 * index of the first; 0 once every path is taken and the walk is over. */
static size_t take_paths(job *j, char **take, size_t *first)
{
	pthread_mutex_lock(&j->mu);
	while (j->paths.n - j->next < TAKE && !j->walked) {
		j->sleeping++;
		pthread_cond_wait(&j->more, &j->mu);
		j->sleeping--;
	}
	size_t k = j->paths.n - j->next;
	if (k > TAKE)
		k = TAKE;
	if (k > 0) /* none yet: the list may be NULL */
		memcpy(take, j->paths.v + j->next, k * sizeof *take);
	*first = j->next;
	j->next += k;
	pthread_mutex_unlock(&j->mu);
	return k;
}

static void *worker(void *arg)
{
	reader *r = arg;
	dircache c = {NULL, 0, -1};
	rg_buf b = {0};
	char *take[TAKE];
	size_t first, k;
	while ((k = take_paths(r->j, take, &first)) > 0) {
		for (size_t i = 0; i < k; i++) {
			done_file *d = RG_VEC_PUSH(r->done);
			d->i = first + i;
			d->f = parse_one(r->j, &c, &b, take[i]);
		}
	}
	rg_buf_free(&b);
	dircache_drop(&c);
	return NULL;
}

/* The walk found a note: hand it to the workers. */
static void found(char *path, void *user)
{
	job *j = user;
	pthread_mutex_lock(&j->mu);
	*RG_VEC_PUSH(j->paths) = path;
	if (j->sleeping > 0 && j->paths.n - j->next >= TAKE)
		pthread_cond_signal(&j->more);
	pthread_mutex_unlock(&j->mu);
}

/* Start up to jobs - 1 workers beside this thread; returns how many. */
static int start_workers(reader *rd, pthread_t *th, int jobs, const char *root,
			 rg_diags *d)
{
	int started = 0;
	for (int i = 1; i < jobs && i < RG_NOTES_MAX_JOBS; i++) {
		int e = pthread_create(&th[started], NULL, worker,
				       &rd[started + 1]);
		if (e != 0) {
			/* fewer threads read the same notes the same way: say
			 * so, and go on with those that started */
			rg_diag(d, root, 0, 0, RG_WARNING,
				"cannot start a thread (%s); the notes are "
				"read "
				"on %d",
				strerror(e), started + 1);
			break;
		}
		started++;
	}
	return started;
}

/* The files read by every reader, in path order (the walk's), into n. */
static void gather(rg_notes *n, const job *j, const reader *rd, int nreaders)
{
	n->nfiles = j->paths.n;
	n->files = rg_calloc(n->nfiles ? n->nfiles : 1, sizeof(rg_file *));
	for (int r = 0; r < nreaders; r++)
		for (size_t k = 0; k < rd[r].done.n; k++)
			n->files[rd[r].done.v[k].i] = rd[r].done.v[k].f;
}

bool rg_notes_load(rg_notes *n, const char *root, const rg_config *cfg,
		   int jobs, rg_diags *d)
{
	memset(n, 0, sizeof *n);
	int dirfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0) {
		if (errno == ENOMEM)
			rg_oom();
		rg_diag(d, root, 0, 0, RG_ERROR,
			"cannot read notes directory: %s", strerror(errno));
		return false;
	}
	job j = {.dirfd = dirfd, .cfg = cfg};
	pthread_mutex_init(&j.mu, NULL);
	pthread_cond_init(&j.more, NULL);
	reader rd[RG_NOTES_MAX_JOBS];
	for (int i = 0; i < RG_NOTES_MAX_JOBS; i++)
		rd[i] = (reader){&j, {0}};
	pthread_t th[RG_NOTES_MAX_JOBS];
	int started = start_workers(rd, th, jobs < 1 ? 1 : jobs, root, d);
	bool walked = rg_walk_each(dirfd, root, cfg, found, &j, d, &n->excluded);
	pthread_mutex_lock(&j.mu);
	j.walked = true;
	if (!walked) /* stop: nothing more is read */
		j.next = j.paths.n;
	pthread_cond_broadcast(&j.more);
	pthread_mutex_unlock(&j.mu);
	worker(&rd[0]);
	for (int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	close(dirfd);
	if (walked) {
		gather(n, &j, rd, started + 1);
		for (size_t i = 0; i < n->nfiles; i++)
			rg_diags_append(d, &n->files[i]->diags);
	}
	for (int i = 0; i <= started; i++) {
		if (!walked)
			for (size_t k = 0; k < rd[i].done.n; k++)
				rg_file_free(rd[i].done.v[k].f);
		RG_VEC_FREE(rd[i].done);
	}
	for (size_t i = 0; i < j.paths.n; i++)
		free(j.paths.v[i]);
	RG_VEC_FREE(j.paths);
	pthread_cond_destroy(&j.more);
	pthread_mutex_destroy(&j.mu);
	return walked && !atomic_load(&j.short_of);
}

void rg_notes_free(rg_notes *n)
{
	if (n == NULL)
		return;
	for (size_t i = 0; i < n->nfiles; i++)
		rg_file_free(n->files[i]);
	free(n->files);
	rg_paths_free(&n->excluded);
	n->files = NULL;
	n->nfiles = 0;
}
