/*
 * outfile: the atomic writer behind -o (see outfile.h).
 */
#include "refgraph/outfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "refgraph/util.h"

/*
 * Write buf to path atomically: a temporary file in the same directory,
 * written, flushed to disk, then renamed over the old one.
 */
int rg_outfile_write(const char *path, const char *buf, size_t len)
{
	char *tmp = rg_asprintf("%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		fprintf(stderr, "refgraph: %s: cannot write: %s\n", path,
			strerror(errno));
		free(tmp);
		return RG_EXIT_IO;
	}
	mode_t um = umask(0);
	umask(um);
	fchmod(fd, 0666 & ~um);
	size_t off = 0;
	int err = 0;
	while (off < len) {
		ssize_t w = write(fd, buf + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			err = errno;
			break;
		}
		off += (size_t)w;
	}
	if (!err && fsync(fd) != 0 && errno != EINVAL && errno != EROFS)
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	if (!err && rename(tmp, path) != 0)
		err = errno;
	if (err) {
		unlink(tmp);
		fprintf(stderr, "refgraph: %s: cannot write: %s\n", path,
			strerror(err));
		free(tmp);
		return RG_EXIT_IO;
	}
	free(tmp);
	return RG_EXIT_OK;
}
