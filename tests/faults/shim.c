/*
 * shim: an LD_PRELOAD library that injects I/O faults into refgraph, so the
 * tests can see that each one gives the right diagnostic and exit status.
 * Only refgraph's own calls are affected (stdio inside libc does not go
 * through these symbols).  Chosen by environment variables:
 *   FAULT_OPEN=SUBSTR     open/openat of a path containing SUBSTR: EACCES
 *   FAULT_READ=SUBSTR     read() from a file opened with SUBSTR: EIO
 *   FAULT_READ_AFTER=N    ... but only once N bytes of it have been read
 *   FAULT_SHORT=1         every read() returns at most 3 bytes
 *   FAULT_EINTR=1         every other read() and write() fails with EINTR
 *   FAULT_WRITE=SUBSTR    write() to a file opened with SUBSTR: ENOSPC
 *   FAULT_SHORTWRITE=1    every write() writes at most 3 bytes
 *   FAULT_CLOSE=SUBSTR    close() of a file opened with SUBSTR: EIO (the
 *                         descriptor is closed all the same, as on NFS)
 *   FAULT_RENAME=1        rename() fails ENOSPC
 *   FAULT_FSYNC=1         fsync() fails EIO
 *   FAULT_MKSTEMP=1       mkstemp() fails ENOSPC
 *   FAULT_STAT=SUBSTR     fstatat() of a name containing SUBSTR: EIO, and
 *                         readdir() gives no entry types (DT_UNKNOWN)
 *   FAULT_READDIR=N       readdir() fails EIO after N entries of a folder
 *   FAULT_SIGNAL=N        the first write() to a file opened with ".tmp"
 *                         in its name raises signal N first (a signal
 *                         arriving while the -o report is written)
 *   FAULT_THREAD=1        pthread_create() fails EAGAIN
 *   FAULT_SWAP=DIR FAULT_SWAP_TO=TARGET FAULT_SWAP_AT=SUBSTR
 *   FAULT_SWAP_NTH=K      at the Kth open/openat of a path containing
 *                         SUBSTR (default 1), DIR is renamed DIR.away and
 *                         a symbolic link DIR -> TARGET put in its place,
 *                         before the open goes on: a tree changed while
 *                         it is read
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define MAXFD 4096
static char marked_read[MAXFD], marked_write[MAXFD], marked_close[MAXFD],
	marked_tmp[MAXFD];
static size_t read_so_far[MAXFD];

/* the next definition of name (libc's): real_NAME */
#define REAL(name)                                                             \
	static __typeof__(&name) real_##name;                                  \
	if (!real_##name)                                                      \
	real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

static int has(const char *var, const char *s)
{
	const char *v = getenv(var);
	return v && *v && s && strstr(s, v) != NULL;
}

static int on(const char *var)
{
	const char *v = getenv(var);
	return v && *v == '1';
}

static void mark(int fd, const char *path)
{
	if (fd < 0 || fd >= MAXFD || path == NULL)
		return;
	marked_read[fd] = (char)has("FAULT_READ", path);
	marked_write[fd] = (char)has("FAULT_WRITE", path);
	marked_close[fd] = (char)has("FAULT_CLOSE", path);
	marked_tmp[fd] = strstr(path, ".tmp") != NULL;
	read_so_far[fd] = 0;
}

/* every other call fails with EINTR when FAULT_EINTR=1 */
static int interrupt(void)
{
	static int flip;
	if (!on("FAULT_EINTR"))
		return 0;
	flip = !flip;
	if (flip) {
		errno = EINTR;
		return 1;
	}
	return 0;
}

/* FAULT_SWAP: the tree changes under the reader at the chosen open */
static void swap(const char *path)
{
	static int seen;
	const char *dir = getenv("FAULT_SWAP"), *to = getenv("FAULT_SWAP_TO");
	const char *nth = getenv("FAULT_SWAP_NTH");
	if (!dir || !to || !has("FAULT_SWAP_AT", path))
		return;
	if (++seen != (nth ? atoi(nth) : 1))
		return;
	char away[4096];
	snprintf(away, sizeof away, "%s.away", dir);
	if (rename(dir, away) != 0 || symlink(to, dir) != 0)
		perror("shim: FAULT_SWAP");
}

int openat(int dirfd, const char *path, int flags, ...)
{
	REAL(openat);
	swap(path);
	mode_t mode = 0;
	if (flags & (O_CREAT | O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	if (has("FAULT_OPEN", path)) {
		errno = EACCES;
		return -1;
	}
	int fd = real_openat(dirfd, path, flags, mode);
	mark(fd, path);
	return fd;
}

int open(const char *path, int flags, ...)
{
	REAL(open);
	swap(path);
	mode_t mode = 0;
	if (flags & (O_CREAT | O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	if (has("FAULT_OPEN", path)) {
		errno = EACCES;
		return -1;
	}
	int fd = real_open(path, flags, mode);
	mark(fd, path);
	return fd;
}

int mkostemp(char *tmpl, int flags)
{
	REAL(mkostemp);
	if (on("FAULT_MKSTEMP")) {
		errno = ENOSPC;
		return -1;
	}
	int fd = real_mkostemp(tmpl, flags);
	mark(fd, tmpl);
	return fd;
}

int mkstemp(char *tmpl)
{
	REAL(mkstemp);
	if (on("FAULT_MKSTEMP")) {
		errno = ENOSPC;
		return -1;
	}
	int fd = real_mkstemp(tmpl);
	mark(fd, tmpl);
	return fd;
}

ssize_t read(int fd, void *buf, size_t n)
{
	REAL(read);
	if (interrupt())
		return -1;
	if (on("FAULT_SHORT") && n > 3)
		n = 3;
	if (fd >= 0 && fd < MAXFD && marked_read[fd]) {
		const char *a = getenv("FAULT_READ_AFTER");
		size_t after = a ? (size_t)strtoul(a, NULL, 10) : 0;
		if (read_so_far[fd] >= after) {
			errno = EIO;
			return -1;
		}
		if (n > after - read_so_far[fd])
			n = after - read_so_far[fd];
	}
	ssize_t r = real_read(fd, buf, n);
	if (r > 0 && fd >= 0 && fd < MAXFD)
		read_so_far[fd] += (size_t)r;
	return r;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(write);
	if (fd > 2 && interrupt()) /* not the diagnostics' own streams */
		return -1;
	if (fd >= 0 && fd < MAXFD && marked_tmp[fd] && getenv("FAULT_SIGNAL")) {
		marked_tmp[fd] = 0;
		raise(atoi(getenv("FAULT_SIGNAL")));
	}
	if (fd >= 0 && fd < MAXFD && marked_write[fd]) {
		errno = ENOSPC;
		return -1;
	}
	if (fd > 2 && on("FAULT_SHORTWRITE") && n > 3)
		n = 3;
	return real_write(fd, buf, n);
}

int rename(const char *a, const char *b)
{
	REAL(rename);
	if (on("FAULT_RENAME")) {
		errno = ENOSPC;
		return -1;
	}
	return real_rename(a, b);
}

int fsync(int fd)
{
	REAL(fsync);
	if (on("FAULT_FSYNC")) {
		errno = EIO;
		return -1;
	}
	return real_fsync(fd);
}

int close(int fd)
{
	REAL(close);
	int fail = 0;
	if (fd >= 0 && fd < MAXFD) {
		fail = marked_close[fd];
		marked_read[fd] = marked_write[fd] = marked_close[fd] = 0;
		marked_tmp[fd] = 0;
		read_so_far[fd] = 0;
	}
	int r = real_close(fd);
	if (r == 0 && fail) {
		errno = EIO;
		return -1;
	}
	return r;
}

int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	REAL(fstatat);
	if (has("FAULT_STAT", path)) {
		errno = EIO;
		return -1;
	}
	return real_fstatat(dirfd, path, st, flags);
}

/* entries handed out per open folder, for FAULT_READDIR */
#define MAXDIRS 512
static struct {
	DIR *d;
	long n;
} dirs[MAXDIRS];

static long *dir_count(DIR *d)
{
	for (int i = 0; i < MAXDIRS; i++)
		if (dirs[i].d == d)
			return &dirs[i].n;
	for (int i = 0; i < MAXDIRS; i++)
		if (dirs[i].d == NULL) {
			dirs[i].d = d;
			dirs[i].n = 0;
			return &dirs[i].n;
		}
	return NULL;
}

struct dirent *readdir(DIR *d)
{
	REAL(readdir);
	const char *v = getenv("FAULT_READDIR");
	long *k;
	if (v && *v && (k = dir_count(d)) != NULL && (*k)++ >= atol(v)) {
		errno = EIO;
		return NULL;
	}
	struct dirent *e = real_readdir(d);
	/* as on a file system whose listings give no type, so that the
	 * walk asks fstatat (which FAULT_STAT makes fail) */
	if (e && getenv("FAULT_STAT"))
		e->d_type = DT_UNKNOWN;
	return e;
}

int closedir(DIR *d)
{
	REAL(closedir);
	for (int i = 0; i < MAXDIRS; i++)
		if (dirs[i].d == d)
			dirs[i].d = NULL;
	return real_closedir(d);
}

int pthread_create(pthread_t *t, const pthread_attr_t *a, void *(*fn)(void *),
		   void *arg)
{
	REAL(pthread_create);
	if (on("FAULT_THREAD"))
		return EAGAIN;
	return real_pthread_create(t, a, fn, arg);
}
