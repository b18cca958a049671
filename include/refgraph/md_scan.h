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
 * The work the last rg_md_scan on this thread did: the bytes its own
 * loops and pattern searches looked at.  Tests check that it stays
 * linear in the body's length, whatever the body holds.
 */
size_t rg_md_scan_work(void);

#endif
