/*
 * names: how references compare.  A reference's target is taken out of a
 * wiki-link ([[folder/T#h|shown]] gives T) or is the plain text; targets are
 * compared after trimming, Unicode NFC and full case folding (utf8proc).
 * Also the edit distance and the skeletons the "did you mean" index
 * (near.h) and the look-alike check compare.
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
bool rg_names_ref_target(const char *s, size_t n, size_t *start, size_t *len);

/*
 * NFC + case fold of s[0..n), trimmed; malloc'd, caller frees.  Input that
 * is not valid UTF-8 is folded bytewise (ASCII only).
 */
char *rg_names_fold(const char *s, size_t n);
/* NFC of s[0..n) (no folding); malloc'd, caller frees. */
char *rg_names_nfc(const char *s, size_t n);
/* True when s[0..n) is valid UTF-8. */
bool rg_names_utf8_valid(const char *s, size_t n);

/* Edit distance over code points, or limit+1 when it exceeds limit. */
int rg_names_edit_distance(const char *a, const char *b, int limit);

/* What rg_names_skeleton leaves out of a name. */
typedef enum {
	/* format and control characters: zero-width characters, bidi
	 * embeddings, overrides, isolates and marks, soft hyphens */
	RG_NAMES_SKEL_INVISIBLE = 1,
	/* also punctuation and white space */
	RG_NAMES_SKEL_PUNCT = 2
} rg_names_skel;

/*
 * s (a folded name) without the characters `what` leaves out; malloc'd,
 * caller frees.  Two names with one skeleton look alike to a reader.
 * Bytes that are not UTF-8 are kept.
 */
char *rg_names_skeleton(const char *s, rg_names_skel what);

#endif
