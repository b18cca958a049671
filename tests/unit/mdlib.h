/*
 * mdlib: what the Markdown reader's unit tests share: a body read alone,
 * as a note's body whose first line is line 1.
 */
#ifndef REFGRAPH_MDLIB_H
#define REFGRAPH_MDLIB_H

#include "testlib.h"

#include "refgraph/md_scan.h"

/* The records read from body, of a note dated date (RG_NODATE: none). */
static inline rg_file *scan(const char *body, int date)
{
	rg_limits lim;
	rg_limits_default(&lim);
	rg_file *f = rg_file_new("n.md");
	rg_md_scan(f, body, strlen(body), 1, date, &lim);
	return f;
}

#endif
