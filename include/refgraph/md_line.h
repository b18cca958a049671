/*
 * md_line: the Markdown reader's line reader, shared by its modules and
 * not for use outside them (md_scan.h is the reader's interface).  It
 * holds a body, its masked copy (md_mask.c) and the copy the patterns
 * match, and knows the place (line, column) of every byte, the
 * patterns, compiled once for the process, and what a wiki-link is.
 *
 *   md_mask.c    what is not read: the masked copy, the task items
 *   md_fields.c  the inline fields of a line
 *   md_task.c    a task item: its box, dates, links and text
 *   md_line.c    this reader
 *   md_scan.c    the driver, line by line, then the tasks
 */
#ifndef REFGRAPH_MD_LINE_H
#define REFGRAPH_MD_LINE_H

#include <stdbool.h>
#include <stddef.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "refgraph/records.h"

/* The patterns, and the module that uses each. */
typedef enum {
	RG_MD_PAT_LINE,	   /* md_fields: key:: at the start of a line */
	RG_MD_PAT_BRACKET, /* md_fields: [key:: or (key:: */
	RG_MD_PAT_DUE,	   /* md_task: a due marker and its day */
	RG_MD_PAT_DONE,	   /* md_task: a done marker and its day */
	RG_MD_PAT_TMARK,   /* md_task: the markers a task's text leaves out */
	RG_MD_PAT_LINK,	   /* md_scan, md_task: a wiki-link [[...]] (by
			      hand, not pcre2) */
	RG_MD_PAT_COUNT
} rg_md_pattern;

/* No match, no closing bracket: an offset past any line. */
#define RG_MD_NONE ((size_t)-1)

/* A stretch of a task's first line written otherwise (md_task): body
 * bytes [b, e) as r[0..n). */
typedef struct rg_md_cut {
	size_t b, e;
	const char *r;
	size_t n;
} rg_md_cut;

typedef struct rg_md_line {
	rg_file *f;
	const char
		*doc; /* the body as written: columns count its code points */
	char *m;      /* the masked copy; definitions are blanked as read */
	char *mm;     /* what patterns match: m, or a copy made valid UTF-8 */
	size_t len;
	int line0;
	RG_VEC(size_t) starts; /* start offset of every line */
	pcre2_match_data *md;
	size_t ov[4]; /* the last match and its group, as offsets */
	/* the last column computed, so that a long line is counted once */
	size_t cc_line, cc_off;
	int cc_col;
	/* md_fields' scratch: the current line's matching brackets
	 * (close[i] for an opening one at i) and what they are computed
	 * from */
	RG_VEC(size_t) close;
	RG_VEC(size_t) stack;
	/* md_task's scratch: a task's links, and the stretches of its text
	 * left out or written otherwise */
	RG_VEC(rg_ref) refs;
	RG_VEC(rg_md_cut) cuts;
	size_t longest; /* the longest subject md has matched */
	size_t work;	/* see rg_md_scan_work */
} rg_md_line;

/*
 * Start reading body[0..len), whose first line is file line line0, with
 * its masked copy m (len bytes and a NUL; still the caller's), into f.
 */
void rg_md_line_init(rg_md_line *L, rg_file *f, const char *body, char *m,
		     size_t len, int line0);
void rg_md_line_free(rg_md_line *L);
/*
 * The same for a reader kept from body to body (zeroed before its
 * first): rg_md_line_start reads as rg_md_line_init does, whatever L
 * read before, keeping the room (the vectors, pcre2's match data and
 * its frames) that earlier bodies needed; rg_md_line_stop ends a body,
 * leaving no more than RG_SCRATCH_KEEP of each (rg_md_line_room: the
 * bytes held, but for pcre2's).
 */
void rg_md_line_start(rg_md_line *L, rg_file *f, const char *body, char *m,
		      size_t len, int line0);
void rg_md_line_stop(rg_md_line *L);
size_t rg_md_line_room(const rg_md_line *L);

/* The file line of body byte off. */
int rg_md_line_of(const rg_md_line *L, size_t off);
/* The column of body byte off, in code points from 1. */
int rg_md_line_col(rg_md_line *L, size_t off);
/* Line i of the body as body bytes [*b, *e), without its line end. */
void rg_md_line_span(const rg_md_line *L, size_t i, size_t *b, size_t *e);

/*
 * Match pattern pat in s[0..n) (s in the masked copy) from offset from;
 * the match is then rg_md_line_ov(L)[0..2), its group [2..4).
 */
bool rg_md_line_match(rg_md_line *L, rg_md_pattern pat, const char *s, size_t n,
		      size_t from);
size_t *rg_md_line_ov(rg_md_line *L);

/* The end of the wiki-link [[...]] that opens at s[i], or RG_MD_NONE. */
size_t rg_md_line_link_end(const char *s, size_t n, size_t i);
/* The reference written at s[0..n) (in the masked copy), with its place. */
bool rg_md_line_ref(rg_md_line *L, const char *s, size_t n, rg_ref *out);
/*
 * The next wiki-link of s[0..n) (in the masked copy) from *from on that
 * names a target: true with *r set and *from past it, else false.
 */
bool rg_md_line_next_link(rg_md_line *L, const char *s, size_t n, size_t *from,
			  rg_ref *r);

/* A blank inside a line: a space or a tab. */
static inline bool rg_md_line_blank(char c)
{
	return c == ' ' || c == '\t';
}

#endif
