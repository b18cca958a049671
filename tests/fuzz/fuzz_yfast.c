/*
 * fuzz_yfast: the fast path for flat YAML against libyaml.  Any text is
 * read twice, by one tree kept from input to input (rg_ytree_start: yfast
 * when the text fits its subset, and whatever the tree read before) and
 * by a new rg_ytree_new_slow (libyaml always); the steps, every tree node
 * for node, the error's place and kind, and the deep and alias places
 * must be the same.  The first byte picks, as fuzz_yaml's does (so its seeds
 * serve): bit 0 deep values passed over (the settings) or not; bits 1-2
 * the depth limit; bits 5-7 the first line number.  With bits 3-4 at 01
 * (no seed of fuzz_yaml's has that) each later byte picks a piece of the
 * subset or of its edge instead, so most texts are near the subset.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/ytree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* More documents than this in one input are not compared further. */
#define DOCS_MAX    10000
#define PIECES_MASK 0x18
#define PIECES_MODE 0x08

static const char *const pieces[] = {
	"a",	  "key",  "b c",  ":",	  " ",	   "\n",	"\r\n", "\r",
	"-",	  "- ",	  "  - ", "\"",	  "[",	   "]",		",",	", ",
	"---",	  "...",  "x",	  "1",	  "[[A]]", "\"[[B]]\"", "#",	"'",
	"\t",	  ":\n",  ": ",	  "\n- ", "~",	   "-3",	"é",	"\\",
	"{",	  "}",	  "&a",	  "*a",	  "?",	   "|",		">",	"!",
	"a: b\n", "\n\n", "  ",	  "_",	  ".",	   "(",		"$",	"=",
};
enum { NPIECES = sizeof pieces / sizeof *pieces };

/* The text the bytes pick, piece by piece (malloc'ed). */
static char *from_pieces(const uint8_t *data, size_t size, size_t *len)
{
	size_t n = 0;
	for (size_t i = 0; i < size; i++)
		n += strlen(pieces[data[i] % NPIECES]);
	char *s = malloc(n + 1);
	if (s == NULL)
		abort();
	*len = 0;
	for (size_t i = 0; i < size; i++) {
		const char *p = pieces[data[i] % NPIECES];
		memcpy(s + *len, p, strlen(p));
		*len += strlen(p);
	}
	return s;
}

static void same_place(bool a, bool b, int la, int ca, int lb, int cb)
{
	if (a != b || la != lb || ca != cb)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int depths[] = {2, 4, 64, 1000};
	if (size == 0)
		return 0;
	unsigned flags = data[0];
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	char *made = NULL;
	if ((flags & PIECES_MASK) == PIECES_MODE)
		text = made = from_pieces(data + 1, size - 1, &len);
	int depth = depths[(flags >> 1) & 3];
	int line0 = 1 + (int)(flags >> 5);
	static rg_ytree *fast; /* kept, as a reading thread keeps its own */
	if (fast == NULL)
		fast = rg_ytree_idle();
	rg_ytree_start(fast, text, len, line0, depth);
	rg_ytree *slow = rg_ytree_new_slow(text, len, line0, depth);
	if (flags & 1) {
		rg_ytree_skip_deep(fast);
		rg_ytree_skip_deep(slow);
	}
	for (int i = 0; i < DOCS_MAX; i++) {
		const rg_ynode *a, *b;
		rg_ystep sa = rg_ytree_next(fast, &a);
		rg_ystep sb = rg_ytree_next(slow, &b);
		if (sa != sb || !rg_ynode_equal(a, b))
			abort();
		if (sa == RG_YERR) {
			const rg_yerror *ea = rg_ytree_error(fast);
			const rg_yerror *eb = rg_ytree_error(slow);
			if (ea->why != eb->why)
				abort();
			same_place(true, true, ea->line, ea->col, eb->line,
				   eb->col);
		}
		if (sa != RG_YDOC)
			break;
	}
	int la, ca, lb, cb;
	bool da = rg_ytree_deep(fast, &la, &ca);
	bool db = rg_ytree_deep(slow, &lb, &cb);
	same_place(da, db, la, ca, lb, cb);
	da = rg_ytree_spent(fast, &la, &ca);
	db = rg_ytree_spent(slow, &lb, &cb);
	same_place(da, db, la, ca, lb, cb);
	rg_ytree_stop(fast);
	rg_ytree_free(slow);
	free(made);
	return 0;
}
