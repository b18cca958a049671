/*
 * note: one file's bytes -> its records.  Strips a UTF-8 BOM, reads line
 * ends CRLF, LF and lone CR alike, splits Markdown front matter from the
 * body, and hands each part to yaml_rec and md_scan.  A pure function of
 * the path and the bytes: nothing is shared between threads (each reads
 * with a scratch of its own, emptied for every file), so files may be
 * parsed in any order or on several threads.
 */
#ifndef REFGRAPH_NOTE_H
#define REFGRAPH_NOTE_H

#include <stddef.h>

#include "refgraph/records.h"

/* True when the name ends in .md, .markdown, .yaml or .yml. */
bool rg_note_name(const char *name);

/*
 * Parse one file; the caller owns the result (rg_file_free), one block
 * (rg_file_pack_new).  Each thread reads with a scratch of its own,
 * emptied for every file, so parsing allocates little besides the block
 * it returns.
 */
rg_file *rg_note_parse(const char *path, const char *data, size_t len,
		       const rg_limits *lim);
/*
 * The same, reading the caller's buffer in place rather than a copy:
 * data[len] must be a NUL, and the bytes are changed (lone CRs become
 * LFs).  Nothing returned points into data.
 */
rg_file *rg_note_parse_buf(const char *path, char *data, size_t len,
			   const rg_limits *lim);

/*
 * The bytes this thread's scratch holds between files (0 before its
 * first): what a file needed beyond RG_SCRATCH_KEEP of any one part is
 * not kept after it, so one huge file leaves little behind.
 */
size_t rg_note_scratch_room(void);

#endif
