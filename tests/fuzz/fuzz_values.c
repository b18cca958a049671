/*
 * fuzz_values: the small parsers: dates (with times and zones), durations,
 * numbers (currencies, k and M), yes/no, comma lists and tag words,
 * reference targets, Unicode folding, edit distance and the near-name
 * index.  Properties are checked, not just crashes: a parsed date prints
 * back as the ten bytes it came from, a number is finite, the items of a
 * list are inside it, trimmed and in order, a tag word has no '/', and
 * folding is idempotent.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/names.h"
#include "refgraph/util.h"
#include "refgraph/value.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void values(const char *s, size_t size)
{
	double v;
	bool yes;
	rg_numform nf = rg_value_number(s, size, &v);
	if (nf != RG_NUM_BAD && !isfinite(v))
		abort();
	if (nf == RG_NUM_DOT3 && memchr(s, '.', size) == NULL)
		abort();
	if (rg_value_yesno(s, size, &yes) && size < 2)
		abort(); /* the shortest word is "no" */
	size_t pos = 0, b, e, last = 0, n = 0;
	while (rg_value_item(s, size, &pos, &b, &e)) {
		if (b < last || e <= b || e > size || n++ > size)
			abort();
		if (rg_space_len(s + b, e - b) > 0)
			abort(); /* trimmed */
		last = e;
	}
	if (rg_value_tag(s, size, &b, &e) &&
	    (e <= b || e > size || memchr(s + b, '/', e - b)))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	int d, days;
	if (rg_date_parse(s, size, &d) && size >= 10) {
		char out[11];
		rg_date_format(d, out);
		int again;
		if (!rg_date_parse10(out, &again) || again != d)
			abort();
	}
	(void)rg_date_duration_parse(s, size, &days);
	values(s, size);
	size_t b, n;
	if (rg_ref_target(s, size, &b, &n)) {
		if (b + n > size)
			abort();
		char *f1 = rg_fold(s + b, n);
		char *f2 = rg_fold(f1, strlen(f1));
		if (rg_utf8_valid(s + b, n) && memchr(s + b, 0, n) == NULL &&
		    strcmp(f1, f2) != 0)
			abort(); /* folding must be idempotent */
		rg_near *nx = rg_near_new();
		rg_near_add(nx, f1, "shown");
		(void)rg_near_find(nx, f2);
		rg_near_free(nx);
		(void)rg_edit_distance(f1, "ann lee", 2);
		free(f1);
		free(f2);
	}
	return 0;
}
