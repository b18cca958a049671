/*
 * value: the plain values of the notes format and the settings that are
 * not dates (date.h has those): numbers, yes/no words, whole counts, the
 * items of a comma list and tag words.  Every parser reads s[0..n) only
 * and trims white space as util.h means it.
 */
#ifndef REFGRAPH_VALUE_H
#define REFGRAPH_VALUE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	RG_NUM_BAD = 0, /* not a number */
	RG_NUM_OK,
	RG_NUM_DOT3 /* read, but its only separator is '.' and three digits
		       (1.800): perhaps a thousands separator */
} rg_numform;

/*
 * A number: -?[0-9][0-9,_]*(\.[0-9]+)? with ',' and '_' ignored, then
 * optionally k or K (times 1,000) or M (times 1,000,000), with optionally
 * one currency before or after it (a Unicode Sc symbol or three upper case
 * ASCII letters), blanks between or not: 4,500, €1.8k, 2,500 USD.
 */
rg_numform rg_value_number(const char *s, size_t n, double *out);
/* true/yes and false/no, any case: true and sets *out; else false. */
bool rg_value_yesno(const char *s, size_t n, bool *out);
/* A whole number >= 0 (settings). */
bool rg_value_count(const char *s, size_t n, int *out);
/*
 * The next item of a comma list at s[*pos..n): items are split at commas
 * outside wiki-links ([[Bo, Jr]] stays one), trimmed, and empty ones
 * skipped.  Sets s[*b..*e) and moves *pos on; false when none is left.
 * Start with *pos = 0.
 */
bool rg_value_item(const char *s, size_t n, size_t *pos, size_t *b, size_t *e);
/*
 * The word of a tag: without a leading '#' and everything up to its last
 * '/' (#crm/Client is Client); false when nothing is left.
 */
bool rg_value_tag(const char *s, size_t n, size_t *b, size_t *e);

#endif
