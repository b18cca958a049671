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
#include "refgraph/near.h"
#include "refgraph/records.h"
#include "refgraph/render.h"
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
	int d, d2, days, cnt;
	double v;
	if (size >= 10 && rg_date_parse10(s, &d)) {
		char out[11];
		rg_date_format(d, out);
		if (memcmp(out, s, 10) != 0)
			abort();
		if (!rg_date_parse(s, 10, &d2) || d2 != d)
			abort();
	}
	if (rg_date_parse(s, size, &d)) {
		char out[11];
		rg_date_format(d, out);
		int again;
		if (!rg_date_parse10(out, &again) || again != d)
			abort();
	}
	if (rg_duration_parse(s, size, &days) &&
	    (days < 1 || days > 100000 * 365))
		abort();
	values(s, size);
	if (rg_number_parse(s, size, &v)) {
		char out[64];
		if (!isfinite(v))
			abort();
		rg_fmt_number(out, sizeof out, v, false);
		if (strtod(out, NULL) != v)
			abort();
		rg_fmt_number(out, sizeof out, v, true);
		if (strtod(out, NULL) != v)
			abort();
	}
	if (rg_count_parse(s, size, &cnt) && cnt < 0)
		abort();
	rg_status st = rg_status_parse(s, size);
	if (st != RG_ST_NONE && rg_status_name(st)[0] == '\0')
		abort();
	size_t b, n;
	if (rg_names_ref_target(s, size, &b, &n)) {
		if (b + n > size || n == 0)
			abort();
		char *f1 = rg_names_fold(s + b, n);
		char *f2 = rg_names_fold(f1, strlen(f1));
		if (rg_names_utf8_valid(s + b, n) && memchr(s + b, 0, n) == NULL &&
		    strcmp(f1, f2) != 0)
			abort(); /* folding must be idempotent */
		char *c = rg_names_nfc(s + b, n);
		if (rg_names_utf8_valid(s + b, n) && memchr(s + b, 0, n) == NULL &&
		    !rg_names_utf8_valid(c, strlen(c)))
			abort();
		rg_near *nx = rg_near_new();
		rg_near_add(nx, f1, "shown");
		rg_near_add(nx, "ann lee", "Ann Lee");
		const char *hit = rg_near_find(nx, f2);
		if (hit && strcmp(hit, "shown") != 0 &&
		    strcmp(hit, "Ann Lee") != 0)
			abort();
		(void)rg_near_find(nx, "ann le");
		rg_near_free(nx);
		int lim = (int)(size & 3);
		int e1 = rg_names_edit_distance(f1, c, lim);
		int e2 = rg_names_edit_distance(c, f1, lim);
		if (e1 != e2 || e1 < 0 || e1 > lim + 1)
			abort();
		if (rg_names_edit_distance(f1, f1, lim) != 0)
			abort();
		free(c);
		free(f1);
		free(f2);
	}
	/* the renderers' text cleaning, on the text up to a NUL */
	char *z = strndup(s, size);
	rg_buf clean = {0};
	rg_put_clean(&clean, z, "?");
	if (clean.len && !rg_names_utf8_valid(clean.s, clean.len))
		abort();
	for (size_t i = 0; i < clean.len; i++)
		if ((unsigned char)clean.s[i] < 0x20 ||
		    (unsigned char)clean.s[i] == 0x7F)
			abort();
	(void)rg_text_width(z);
	rg_buf_free(&clean);
	free(z);
	return 0;
}
