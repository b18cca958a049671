/*
 * md_mask: what the Markdown reader does not read.  One md4c pass over a
 * body blanks, in a copy, the code spans and blocks (with their fences),
 * raw HTML, the destinations and titles of links and images and
 * Obsidian's %% comments; link reference definitions are blanked line by
 * line as they are read.  md4c is also what knows the list items, so the
 * pass hands back the task items it found.  A body whose bytes can hold
 * none of those, with simple lists if any, is read without md4c, to the
 * same result.  Not for use outside the reader's modules (md_line.h lists
 * them).
 */
#ifndef REFGRAPH_MD_MASK_H
#define REFGRAPH_MD_MASK_H

#include <stdbool.h>
#include <stddef.h>

#include "refgraph/md_task.h"
#include "refgraph/util.h"

/*
 * The masked copy of body[0..len): len bytes and a NUL, every byte of
 * what is not read a space but line ends, NUL bytes made spaces; the
 * caller frees it.  The task items are appended to *tasks in the order
 * they end.
 */
char *rg_md_mask_body(const char *body, size_t len, rg_md_items *tasks);
/* The same, made in b (emptied first; still the caller's): what a
 * reader that keeps b from body to body uses. */
/* Zero bytes the masked copy has after its NUL (see copy_body). */
#define RG_MD_MASK_PAD 64
char *rg_md_mask_into(rg_buf *b, const char *body, size_t len,
		      rg_md_items *tasks);

/* The same, always through md4c (tests compare the two). */
char *rg_md_mask_md4c(const char *body, size_t len, rg_md_items *tasks);

/*
 * The task items of m[0..len) (a NUL after it, none inside) appended to
 * *tasks, when md4c would blank nothing in it and its lists are of the
 * simple kind read here (items at the left margin, not nested, their text
 * on their line and lazy continuation lines); else false, *tasks as it
 * was, and md4c must read it.
 */
bool rg_md_mask_quick(const char *m, size_t len, rg_md_items *tasks);

/*
 * Blank the destination and title of the link reference definition
 * ([label]: destination "title") that the line s[0..n) (in a masked
 * copy) may be; after_text: the line before holds text, so that this
 * one continues a paragraph and defines nothing.
 */
void rg_md_mask_definition(char *s, size_t n, bool after_text);

#endif
