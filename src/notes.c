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
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "refgraph/note.h"

int rg_read_file(int dirfd, const char *path, size_t max, char **data,
		 size_t *len, bool *too_big)
{
	*too_big = false;
	*data = NULL;
	*len = 0;
	int fd = openat(dirfd, path,
			O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return errno;
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = errno;
		close(fd);
		return e;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return EINVAL;
	}
	if ((unsigned long long)st.st_size > max) {
		close(fd);
		*too_big = true;
		return EFBIG;
	}
	size_t cap = (size_t)st.st_size + 1, n = 0;
	char *buf = rg_malloc(cap);
	for (;;) {
		if (n + 1 >= cap) {
			if (cap > max + 1) {
				free(buf);
				close(fd);
				*too_big = true;
				return EFBIG;
			}
			cap *= 2;
			buf = rg_realloc(buf, cap);
		}
		ssize_t r = read(fd, buf + n, cap - n - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			free(buf);
			close(fd);
			return e;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (n > max) {
		free(buf);
		*too_big = true;
		return EFBIG;
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

typedef struct job {
	int dirfd;
	const rg_config *cfg;
	char **paths;
	rg_file **out;
	size_t n;
	atomic_size_t next;
} job;

static rg_file *parse_one(const job *j, const char *path)
{
	char *data;
	size_t len;
	bool big;
	int e = rg_read_file(j->dirfd, path, j->cfg->limits.max_file_size,
			     &data, &len, &big);
	if (e) {
		rg_file *f = rg_file_new(path);
		if (big)
			rg_diag(&f->diags, path, 0, 0, RG_ERROR,
				"file larger than %zu bytes (max_file_size); "
				"skipped",
				j->cfg->limits.max_file_size);
		else
			rg_diag(&f->diags, path, 0, 0, RG_ERROR,
				"cannot read: %s; skipped", strerror(e));
		return f;
	}
	rg_file *f = rg_note_parse(path, data, len, &j->cfg->limits);
	free(data);
	return f;
}

static void *worker(void *arg)
{
	job *j = arg;
	for (;;) {
		size_t i = atomic_fetch_add(&j->next, 1);
		if (i >= j->n)
			break;
		j->out[i] = parse_one(j, j->paths[i]);
	}
	return NULL;
}

bool rg_notes_load(rg_notes *n, const char *root, const rg_config *cfg,
		   int jobs, rg_diags *d)
{
	memset(n, 0, sizeof *n);
	rg_paths paths = {0};
	if (!rg_walk(root, cfg, &paths, d, &n->excluded)) {
		rg_paths_free(&paths);
		return false;
	}
	int dirfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0) {
		rg_paths_free(&paths);
		return false;
	}
	n->nfiles = paths.v.n;
	n->files = rg_calloc(n->nfiles ? n->nfiles : 1, sizeof(rg_file *));
	job j = {dirfd, cfg, paths.v.v, n->files, n->nfiles, 0};
	if (jobs < 1)
		jobs = 1;
	if ((size_t)jobs > n->nfiles / 8 + 1)
		jobs = (int)(n->nfiles / 8 + 1);
	pthread_t th[64];
	int started = 0;
	for (int i = 1; i < jobs && i < 64; i++)
		if (pthread_create(&th[started], NULL, worker, &j) == 0)
			started++;
	worker(&j);
	for (int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	close(dirfd);
	for (size_t i = 0; i < n->nfiles; i++)
		rg_diags_append(d, &n->files[i]->diags);
	rg_paths_free(&paths);
	return true;
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
