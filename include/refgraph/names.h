/*
 * names: how references compare.  A reference's target is taken out of a
 * wiki-link ([[folder/T#h|shown]] gives T) or is the plain text; targets are
 * compared after trimming, Unicode NFC and full case folding (utf8proc).
 * Also the "did you mean" index: near names by edit distance.
 */
#ifndef REFGRAPH_NAMES_H
#define REFGRAPH_NAMES_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The target of the reference written in s[0..n): the first wiki-link's
 * target when s holds one, else the trimmed text.  Sets *start and *len to a
 * slice of s.  Returns false when the target is empty.
 */
bool rg_ref_target(const char *s, size_t n, size_t *start, size_t *len);

/*
 * NFC + case fold of s[0..n), trimmed; malloc'd, caller frees.  Input that
 * is not valid UTF-8 is folded bytewise (ASCII only).
 */
char *rg_fold(const char *s, size_t n);
/* NFC of s[0..n) (no folding); malloc'd, caller frees. */
char *rg_nfc(const char *s, size_t n);
/* True when s[0..n) is valid UTF-8. */
bool rg_utf8_valid(const char *s, size_t n);

/* Edit distance over code points, or limit+1 when it exceeds limit. */
int rg_edit_distance(const char *a, const char *b, int limit);

/* An index of known folded names for "did you mean" suggestions. */
typedef struct rg_near rg_near;
rg_near *rg_near_new(void);
/* Add a folded key with its display text (both copied). */
void rg_near_add(rg_near *nx, const char *folded, const char *display);
/* The display text of the nearest key within the allowed distance, or NULL.
 * The result belongs to the index. */
const char *rg_near_find(rg_near *nx, const char *folded);
void rg_near_free(rg_near *nx);

#endif
