/*
 * fuzz_yaml: YAML text straight into the record reader (yaml_rec), with
 * small limits so the limit paths (nesting depth, records per file) are
 * reached as often as the ordinary ones.  The first byte picks: bit 0 front
 * matter or a .yaml file; bits 1-2 the depth limit; bits 3-4 the record
 * limit; bits 5-7 the first line number.  Checked besides crashes: every
 * diagnostic has no place or a place inside the text, and the records
 * kept never exceed the limit.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/yaml_rec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int depths[] = {2, 4, 64, 1000};
	static const size_t records[] = {1, 3, 100, 100000};
	if (size == 0)
		return 0;
	unsigned flags = data[0];
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	bool fm = flags & 1;
	rg_limits lim;
	rg_limits_default(&lim);
	lim.max_depth = depths[(flags >> 1) & 3];
	lim.max_records = records[(flags >> 3) & 3];
	int line0 = 1 + (int)(flags >> 5);
	rg_file *f = rg_file_new(fm ? "note.md" : "log.yaml");
	int date = 0;
	(void)rg_yaml_rec_read(f, text, len, line0, fm, &lim,
			       fm ? &date : NULL);
	if (fm && date != RG_NODATE) {
		char out[11];
		rg_date_format(date, out); /* must not overflow */
	}
	size_t lines = 1;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n' || text[i] == '\r';
	for (size_t i = 0; i < f->diags.items.n; i++) {
		const rg_diag_item *it = &f->diags.items.v[i];
		/* a place is either none (0) or inside the text */
		if (it->line != 0 &&
		    (it->line < line0 ||
		     (size_t)it->line >= line0 + lines + 1 || it->col < 1))
			abort();
		if (it->msg == NULL)
			abort();
	}
	size_t n = f->contacts.n + f->inters.n + f->refrecs.n;
	if (n > lim.max_records)
		abort();
	rg_file_free(f);
	return 0;
}
