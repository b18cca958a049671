/*
 * md_scan: a Markdown body -> inline fields, tasks and their wiki-links.
 * md4c parses the body as CommonMark (wiki-links, task lists) and tells
 * which bytes are code, HTML or link destinations; those are blanked, and
 * the rest is read line by line with pcre2 patterns compiled once.
 */
#ifndef REFGRAPH_MD_SCAN_H
#define REFGRAPH_MD_SCAN_H

#include <stddef.h>

#include "refgraph/records.h"

/*
 * Scan body[0..len), whose first line is file line line0, of a note dated
 * note_date (RG_NODATE: undated), adding mentions, fields and tasks to f.
 */
void rg_md_scan(rg_file *f, const char *body, size_t len, int line0,
		int note_date, const rg_limits *lim);

/*
 * What a thread reads Markdown with from one body to the next: the
 * masked copy, the task items and the line reader (md_line), emptied
 * rather than freed, so that a note costs next to no allocation; of what
 * one body needed, no more than RG_SCRATCH_KEEP a part is kept after it
 * (rg_md_scan_scratch_room: the bytes held, but for pcre2's frames,
 * which md_line bounds).  rg_md_scan_with reads as rg_md_scan does,
 * whatever the scratch read before.
 */
typedef struct rg_md_scan_scratch rg_md_scan_scratch;
rg_md_scan_scratch *rg_md_scan_scratch_new(void);
void rg_md_scan_scratch_free(rg_md_scan_scratch *sc);
size_t rg_md_scan_scratch_room(const rg_md_scan_scratch *sc);
void rg_md_scan_with(rg_md_scan_scratch *sc, rg_file *f, const char *body,
		     size_t len, int line0, int note_date,
		     const rg_limits *lim);

/*
 * The work the last rg_md_scan on this thread did: the bytes its own
 * loops and pattern searches looked at.  Tests check that it stays
 * linear in the body's length, whatever the body holds.
 */
size_t rg_md_scan_work(void);

#endif
