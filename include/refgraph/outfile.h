/*
 * outfile: the report written to a file named with -o, atomically: a
 * temporary file beside it, written, flushed and renamed over the old one,
 * so that a reader sees the old report or the new one, never part of one.
 */
#ifndef REFGRAPH_OUTFILE_H
#define REFGRAPH_OUTFILE_H

#include <stddef.h>

/*
 * Write the len bytes at buf to path.  A failure is reported on standard
 * error ("refgraph: PATH: cannot write: REASON") and leaves any old file
 * whole.  Returns RG_EXIT_OK or RG_EXIT_IO.
 */
int rg_outfile_write(const char *path, const char *buf, size_t len);

#endif
