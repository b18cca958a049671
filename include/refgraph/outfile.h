/*
 * outfile: the report written to the file named with -o.  A regular file
 * (or a new name) is replaced atomically: a temporary file beside it,
 * written, flushed and renamed over the old one, so that a reader sees the
 * old report or the new one, never part of one; the old file's permission
 * bits are kept.  A symbolic link is followed and its target replaced, the
 * link left as it is, unless it names the file open as standard output or
 * error (/dev/stdout), which is then written through that descriptor.  A
 * device or FIFO is written into in place, as tee(1) does: it is never
 * replaced by a regular file.
 */
#ifndef REFGRAPH_OUTFILE_H
#define REFGRAPH_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Write the len bytes at buf to path.  A failure is reported on standard
 * error ("refgraph: PATH: cannot write: REASON") and leaves any old file
 * whole.  While the temporary file exists, SIGINT, SIGTERM, SIGHUP and
 * SIGXFSZ remove it and then end the process by the same signal (status
 * 128 + the signal's number in a shell).  Returns RG_EXIT_OK or RG_EXIT_IO.
 */
int rg_outfile_write(const char *path, const char *buf, size_t len);

/*
 * The same, written as it is made: rg_outfile_open readies path (a failure
 * is reported and gives NULL), rg_outfile_put (an rg_buf sink: ctx is the
 * rg_outfile) writes, and rg_outfile_close finishes: with keep, the new
 * report takes its place (the temporary file renamed); without, or after
 * a failed write, any old file stays whole.  Returns as rg_outfile_write;
 * a NULL o gives RG_EXIT_IO.
 */
typedef struct rg_outfile rg_outfile;
rg_outfile *rg_outfile_open(const char *path);
int rg_outfile_put(void *o, const char *buf, size_t len);
int rg_outfile_close(rg_outfile *o, bool keep);

#endif
