/*
 * md_task: the Markdown reader's tasks (notes format, section 4): what a
 * task's box is, and a task item read into an rg_task: done or not, its
 * due and done dates, its links and its text.  Not for use outside the
 * reader's modules (md_line.h lists them).
 */
#ifndef REFGRAPH_MD_TASK_H
#define REFGRAPH_MD_TASK_H

#include <stdbool.h>
#include <stddef.h>

#include "refgraph/md_line.h"
#include "refgraph/records.h"

/* A list item, as md_mask's pass over the body sees it. */
typedef struct rg_md_item {
	bool task;
	bool started;	 /* the item's first content has been seen */
	char mark;	 /* the box's character; '?' for one of several bytes */
	size_t box;	 /* offset of the box's [ */
	size_t box_end;	 /* offset of its ] */
	size_t last_off; /* end of the last text directly in this item */
} rg_md_item;

typedef RG_VEC(rg_md_item) rg_md_items;

/*
 * md4c knows the boxes [ ], [x] and [X]; a list item whose text starts
 * with any other one character in a box, then a blank or the end of the
 * line, is a task too (the Obsidian Tasks convention).  The item it,
 * whose text starts at doc[b] of doc[0..len), is marked so when it is.
 */
void rg_md_task_box(const char *doc, size_t len, rg_md_item *it, size_t b);

/*
 * Where in s[0..n), from from on, a match of the marker pattern pat
 * (RG_MD_PAT_DUE, _DONE or _TMARK) can start at the earliest: no match
 * starts before it (a word before a colon, or an emoji's first byte).
 * RG_MD_NONE when none can.  The pattern is then tried from there.
 */
size_t rg_md_task_marker_from(const char *s, size_t n, size_t from,
			      rg_md_pattern pat);

/* Read the task item t (found by md_mask) into L's file. */
void rg_md_task_read(rg_md_line *L, const rg_md_item *t, const rg_limits *lim);

#endif
