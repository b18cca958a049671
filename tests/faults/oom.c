/*
 * oom: an LD_PRELOAD library that makes one allocation fail, for the
 * out-of-memory sweep (tests/faults/oom.sh).  Every call of malloc,
 * calloc, realloc and the aligned allocators counts, from the start of
 * main's process (after the libraries are loaded); glibc sends its own
 * allocations (strdup, fdopendir, stdio) through these symbols too.
 *   FAULT_MALLOC=N            the Nth call fails with ENOMEM (once)
 *   FAULT_MALLOC_COUNT=FILE   at exit, the number of calls is written
 *                             to FILE
 *   FAULT_MALLOC_WHERE=FILE   the failed call's backtrace is written to
 *                             FILE (backtrace_symbols_fd: no allocation)
 * Not for sanitizer builds: they bring their own allocator.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);

#define FRAMES 48

static atomic_long calls;
static long fail_at; /* 0: none */
static int counting; /* set once the process is up */

/* The call fails when it is the chosen one; its place is written. */
static int fails(void)
{
	if (!counting)
		return 0;
	long n = atomic_fetch_add(&calls, 1) + 1;
	if (n != fail_at)
		return 0;
	const char *where = getenv("FAULT_MALLOC_WHERE");
	if (where && *where) {
		int fd = open(where, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
			      0644);
		if (fd >= 0) {
			void *bt[FRAMES];
			int k = backtrace(bt, FRAMES);
			backtrace_symbols_fd(bt, k, fd);
			close(fd);
		}
	}
	errno = ENOMEM;
	return 1;
}

void *malloc(size_t n)
{
	return fails() ? NULL : __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
	return fails() ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
	return fails() ? NULL : __libc_realloc(p, n);
}

void free(void *p)
{
	__libc_free(p);
}

void *memalign(size_t align, size_t n)
{
	return fails() ? NULL : __libc_memalign(align, n);
}

void *aligned_alloc(size_t align, size_t n)
{
	return fails() ? NULL : __libc_memalign(align, n);
}

int posix_memalign(void **out, size_t align, size_t n)
{
	if (fails())
		return ENOMEM;
	void *p = __libc_memalign(align, n);
	if (p == NULL)
		return ENOMEM;
	*out = p;
	return 0;
}

static void report_count(void)
{
	const char *f = getenv("FAULT_MALLOC_COUNT");
	if (f == NULL || *f == '\0')
		return;
	int fd = open(f, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	char buf[32];
	int k = snprintf(buf, sizeof buf, "%ld\n", atomic_load(&calls));
	if (k > 0 && write(fd, buf, (size_t)k) != k) {
		/* the sweep will see a missing count */
	}
	close(fd);
}

__attribute__((constructor)) static void start(void)
{
	void *bt[FRAMES];
	backtrace(bt, FRAMES); /* loads the unwinder now, not in a failure */
	const char *v = getenv("FAULT_MALLOC");
	fail_at = v ? atol(v) : 0;
	atexit(report_count);
	counting = 1;
}
