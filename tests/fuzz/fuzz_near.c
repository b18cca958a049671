/*
 * fuzz_near: the "did you mean" index against the rules written the plain
 * way (tests/unit/near_ref.h).  The input is lines: the known names up to
 * the first empty line, then the queries; every answer of
 * rg_near_find_all must be near_ref's, and rg_near_find's alone.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/near.h"

#include "../unit/near_ref.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Enough names to meet many ways, few enough for near_ref's pace. */
#define MAX_KEYS    64
#define MAX_QUERIES 32

static int same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = rg_strndup((const char *)data, size);
	char *lines[MAX_KEYS + MAX_QUERIES];
	size_t nk = 0, nq = 0;
	int queries = 0;
	for (char *s = text, *e; s && nk + nq < MAX_KEYS + MAX_QUERIES; s = e) {
		e = strchr(s, '\n');
		if (e)
			*e++ = '\0';
		if (!queries && *s == '\0') {
			queries = 1;
			continue;
		}
		if (!queries && nk == MAX_KEYS)
			queries = 1;
		if (queries && nq == MAX_QUERIES)
			break;
		lines[queries ? MAX_KEYS + nq++ : nk++] = s;
	}
	rg_near *nx = rg_near_new();
	near_ref r = {0};
	for (size_t i = 0; i < nk; i++) {
		rg_near_add(nx, lines[i], lines[i]);
		near_ref_add(&r, lines[i], lines[i]);
	}
	const char *got[MAX_QUERIES];
	rg_near_find_all(nx, (const char *const *)lines + MAX_KEYS, nq, got);
	for (size_t i = 0; i < nq; i++) {
		const char *q = lines[MAX_KEYS + i];
		if (!same(got[i], near_ref_find(&r, q)) ||
		    !same(got[i], rg_near_find(nx, q)))
			abort();
	}
	near_ref_free(&r);
	rg_near_free(nx);
	free(text);
	return 0;
}
