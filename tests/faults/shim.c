/*
 * shim: an LD_PRELOAD library that injects I/O faults into refgraph, so the
 * tests can see that each one gives the right diagnostic and exit status.
 * Chosen by environment variables:
 *   FAULT_OPEN=SUBSTR    openat() of a path containing SUBSTR fails EACCES
 *   FAULT_READ=SUBSTR    read() from a file opened with SUBSTR fails EIO
 *   FAULT_SHORT=1        every read() returns at most 3 bytes
 *   FAULT_WRITE=SUBSTR   write() to a file opened with SUBSTR fails ENOSPC
 *   FAULT_RENAME=1       rename() fails ENOSPC
 *   FAULT_FSYNC=1        fsync() fails EIO
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#define MAXFD 4096
static char marked_read[MAXFD], marked_write[MAXFD];

static void mark(int fd, const char *path)
{
	const char *r = getenv("FAULT_READ"), *w = getenv("FAULT_WRITE");
	if (fd < 0 || fd >= MAXFD || path == NULL)
		return;
	marked_read[fd] = r && *r && strstr(path, r) != NULL;
	marked_write[fd] = w && *w && strstr(path, w) != NULL;
}

static int refuse_open(const char *path)
{
	const char *o = getenv("FAULT_OPEN");
	return o && *o && path && strstr(path, o) != NULL;
}

int openat(int dirfd, const char *path, int flags, ...)
{
	static int (*real)(int, const char *, int, ...);
	if (!real)
		real = (int (*)(int, const char *, int, ...))dlsym(RTLD_NEXT,
								   "openat");
	mode_t mode = 0;
	if (flags & (O_CREAT | O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	if (refuse_open(path)) {
		errno = EACCES;
		return -1;
	}
	int fd = real(dirfd, path, flags, mode);
	mark(fd, path);
	return fd;
}

int open(const char *path, int flags, ...)
{
	static int (*real)(const char *, int, ...);
	if (!real)
		real = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
	mode_t mode = 0;
	if (flags & (O_CREAT | O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	if (refuse_open(path)) {
		errno = EACCES;
		return -1;
	}
	int fd = real(path, flags, mode);
	mark(fd, path);
	return fd;
}

int mkostemp(char *tmpl, int flags)
{
	static int (*real)(char *, int);
	if (!real)
		real = (int (*)(char *, int))dlsym(RTLD_NEXT, "mkostemp");
	int fd = real(tmpl, flags);
	mark(fd, tmpl);
	return fd;
}

int mkstemp(char *tmpl)
{
	static int (*real)(char *);
	if (!real)
		real = (int (*)(char *))dlsym(RTLD_NEXT, "mkstemp");
	int fd = real(tmpl);
	mark(fd, tmpl);
	return fd;
}

ssize_t read(int fd, void *buf, size_t n)
{
	static ssize_t (*real)(int, void *, size_t);
	if (!real)
		real = (ssize_t(*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
	if (fd >= 0 && fd < MAXFD && marked_read[fd]) {
		errno = EIO;
		return -1;
	}
	const char *s = getenv("FAULT_SHORT");
	if (s && *s == '1' && n > 3)
		n = 3;
	return real(fd, buf, n);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);
	if (!real)
		real = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT,
								    "write");
	if (fd >= 0 && fd < MAXFD && marked_write[fd]) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, n);
}

int rename(const char *a, const char *b)
{
	static int (*real)(const char *, const char *);
	if (!real)
		real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT,
								  "rename");
	const char *f = getenv("FAULT_RENAME");
	if (f && *f == '1') {
		errno = ENOSPC;
		return -1;
	}
	return real(a, b);
}

int fsync(int fd)
{
	static int (*real)(int);
	if (!real)
		real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	const char *f = getenv("FAULT_FSYNC");
	if (f && *f == '1') {
		errno = EIO;
		return -1;
	}
	return real(fd);
}

int close(int fd)
{
	static int (*real)(int);
	if (!real)
		real = (int (*)(int))dlsym(RTLD_NEXT, "close");
	if (fd >= 0 && fd < MAXFD)
		marked_read[fd] = marked_write[fd] = 0;
	return real(fd);
}
