/*
 * outfile: the -o writer (see outfile.h).  The temporary file's name lives
 * in static storage so that a signal handler can remove it: the handler
 * may only call async-signal-safe functions (unlink, signal, raise).  A
 * run that exits while the report is being written (out of memory) removes
 * it too, through atexit.
 */
#include "refgraph/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "refgraph/render.h"
#include "refgraph/util.h"

#define TMP_SUFFIX ".tmpXXXXXX"
#define MODE_BITS  0777

/* The temporary file, while it exists (tmp_armed). */
static char tmp_path[PATH_MAX];
static volatile sig_atomic_t tmp_armed;
static bool at_exit_set;

/* The signals that would otherwise leave the temporary file behind. */
static const int caught[] = {SIGINT, SIGTERM, SIGHUP, SIGXFSZ};
#define NCAUGHT (sizeof caught / sizeof *caught)
static struct sigaction saved[NCAUGHT];
static bool installed[NCAUGHT];

static void on_signal(int sig)
{
	if (tmp_armed)
		unlink(tmp_path);
	/* end the way the signal would have: the caller sees 128 + sig */
	signal(sig, SIG_DFL);
	raise(sig);
}

static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NCAUGHT; i++)
		sigaddset(&sa.sa_mask, caught[i]);
	for (size_t i = 0; i < NCAUGHT; i++) {
		installed[i] = false;
		/* a signal ignored by whoever started us (nohup) stays so */
		if (sigaction(caught[i], NULL, &saved[i]) != 0 ||
		    saved[i].sa_handler == SIG_IGN)
			continue;
		installed[i] = sigaction(caught[i], &sa, NULL) == 0;
	}
}

static void restore_signals(void)
{
	for (size_t i = 0; i < NCAUGHT; i++)
		if (installed[i])
			sigaction(caught[i], &saved[i], NULL);
}

static int cannot_write(const char *path, int e)
{
	rg_buf b = {0};
	rg_put_clean(&b, path, "?");
	fprintf(stderr, "refgraph: %s: cannot write: %s\n", b.s ? b.s : "",
		strerror(e));
	rg_buf_free(&b);
	return RG_EXIT_IO;
}

/* Write all of buf to fd through short writes and EINTR; 0 or errno. */
static int write_all(int fd, const char *buf, size_t len)
{
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, buf + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		off += (size_t)w;
	}
	return 0;
}

/* How the report reaches its place. */
typedef enum {
	TO_TMP,	    /* a temporary file, renamed over path at the end */
	TO_DEVICE,  /* a device or FIFO, written into as tee(1) does */
	TO_STREAM,  /* standard output or error, which path names */
} to_kind;

struct rg_outfile {
	to_kind kind;
	int fd;
	int err; /* the first write's failure, or 0 */
	char *path; /* the name written (TO_TMP: renamed to), for messages */
};

static rg_outfile *outfile_new(to_kind kind, int fd, const char *path)
{
	rg_outfile *o = rg_calloc(1, sizeof *o);
	o->kind = kind;
	o->fd = fd;
	o->path = rg_strdup(path);
	return o;
}

/* A device or FIFO: written into, as tee(1) does. */
static rg_outfile *open_device(const char *path)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		cannot_write(path, errno);
		return NULL;
	}
	return outfile_new(TO_DEVICE, fd, path);
}

/*
 * A link to the file already open as standard output or error (such as
 * /dev/stdout, or /proc/self/fd/2): that descriptor, so that the report
 * goes where the shell sent the stream, appended when it appends, rather
 * than replacing the file or writing over its start; else -1.
 */
static int std_stream(const struct stat *st)
{
	for (int fd = STDOUT_FILENO; fd <= STDERR_FILENO; fd++) {
		struct stat s;
		if (fstat(fd, &s) == 0 && s.st_dev == st->st_dev &&
		    s.st_ino == st->st_ino)
			return fd;
	}
	return -1;
}

/*
 * The temporary name: path's own name and TMP_SUFFIX, in the same folder;
 * the name is shortened so that the whole stays within NAME_MAX.  Returns
 * false when it does not fit in tmp_path.
 */
static bool make_tmp_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
	size_t base = strlen(path) - dir;
	size_t suffix = strlen(TMP_SUFFIX);
	if (base + suffix > NAME_MAX)
		base = NAME_MAX - suffix;
	if (dir + base + suffix + 1 > sizeof tmp_path)
		return false;
	memcpy(tmp_path, path, dir + base);
	memcpy(tmp_path + dir + base, TMP_SUFFIX, suffix + 1);
	return true;
}

static void remove_tmp(void)
{
	if (tmp_armed)
		unlink(tmp_path);
	tmp_armed = 0;
}

/* A regular file or a new name, to be replaced atomically: the temporary
 * file beside it.  old is the file there now, or NULL. */
static rg_outfile *open_tmp(const char *final, const struct stat *old)
{
	if (!make_tmp_name(final)) {
		cannot_write(final, ENAMETOOLONG);
		return NULL;
	}
	if (!at_exit_set)
		at_exit_set = atexit(remove_tmp) == 0;
	catch_signals();
	int fd = mkstemp(tmp_path);
	if (fd < 0) {
		int e = errno;
		restore_signals();
		cannot_write(final, e);
		return NULL;
	}
	tmp_armed = 1;
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	if (old) {
		/* keep the owner where allowed, as rsync and sed -i do; where
		 * not, the new file is ours, with the old one's mode */
		int kept = fchown(fd, old->st_uid, old->st_gid);
		(void)kept;
		fchmod(fd, old->st_mode & MODE_BITS);
	} else {
		mode_t um = umask(0);
		umask(um);
		fchmod(fd, 0666 & ~um);
	}
	return outfile_new(TO_TMP, fd, final);
}

rg_outfile *rg_outfile_open(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0) {
		if (errno != ENOENT) {
			cannot_write(path, errno);
			return NULL;
		}
		return open_tmp(path, NULL);
	}
	if (S_ISLNK(st.st_mode)) {
		/* the link stays; what it points at is written */
		if (stat(path, &st) != 0) {
			cannot_write(path, errno);
			return NULL;
		}
		if (S_ISDIR(st.st_mode)) {
			cannot_write(path, EISDIR);
			return NULL;
		}
		int fd = std_stream(&st);
		if (fd >= 0) {
			fflush(fd == STDOUT_FILENO ? stdout : stderr);
			return outfile_new(TO_STREAM, fd, path);
		}
		char *target = NULL;
		if (S_ISREG(st.st_mode) &&
		    (target = realpath(path, NULL)) == NULL && errno == ENOMEM)
			rg_oom();
		/* a device, a FIFO, or a file only /proc can name: written
		 * into */
		rg_outfile *o = target ? open_tmp(target, &st)
				       : open_device(path);
		free(target);
		return o;
	}
	if (S_ISDIR(st.st_mode)) {
		cannot_write(path, EISDIR);
		return NULL;
	}
	if (!S_ISREG(st.st_mode))
		return open_device(path);
	return open_tmp(path, &st);
}

int rg_outfile_put(void *out, const char *buf, size_t len)
{
	rg_outfile *o = out;
	if (o->err == 0)
		o->err = write_all(o->fd, buf, len);
	return o->err;
}

int rg_outfile_close(rg_outfile *o, bool keep)
{
	if (o == NULL)
		return RG_EXIT_IO;
	int err = o->err;
	if (o->kind == TO_TMP) {
		if (keep && !err && fsync(o->fd) != 0 && errno != EINVAL &&
		    errno != EROFS)
			err = errno;
		if (close(o->fd) != 0 && !err)
			err = errno;
		if (keep && !err && rename(tmp_path, o->path) != 0)
			err = errno;
		if (err || !keep)
			unlink(tmp_path);
		tmp_armed = 0;
		restore_signals();
	} else if (o->kind == TO_DEVICE) {
		if (close(o->fd) != 0 && !err && errno != EINTR)
			err = errno;
	}
	int st = err ? cannot_write(o->path, err) : RG_EXIT_OK;
	free(o->path);
	free(o);
	return st;
}

int rg_outfile_write(const char *path, const char *buf, size_t len)
{
	rg_outfile *o = rg_outfile_open(path);
	if (o == NULL)
		return RG_EXIT_IO;
	rg_outfile_put(o, buf, len);
	return rg_outfile_close(o, true);
}
