/*
 * fuzz_values: the small parsers: dates, durations, numbers, reference
 * targets, Unicode folding, edit distance and the near-name index.
 * Properties are checked, not just crashes: a parsed date prints back as
 * the ten bytes it came from, and folding is idempotent.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/names.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	int d, days;
	double v;
	if (rg_date_parse(s, size, &d) && size >= 10) {
		char out[11];
		rg_date_format(d, out);
		int again;
		if (!rg_date_parse10(out, &again) || again != d)
			abort();
	}
	(void)rg_date_duration_parse(s, size, &days);
	(void)rg_value_number(s, size, &v);
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
