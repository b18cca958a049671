/*
 * fuzz_md: a Markdown body through md_scan alone: the md4c masks, the
 * inline fields in their three forms, tasks and wiki-links.  The first
 * byte says whether the note is dated.
 */
#include <stddef.h>
#include <stdint.h>

#include "refgraph/date.h"
#include "refgraph/md_scan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	rg_limits lim;
	rg_limits_default(&lim);
	lim.max_line = 4096;
	rg_file *f = rg_file_new("note.md");
	int date = (data[0] & 1) ? rg_days_from_civil(2026, 11, 3) : RG_NODATE;
	rg_md_scan(f, (const char *)data + 1, size - 1, 1 + (data[0] >> 4),
		   date, &lim);
	rg_file_free(f);
	return 0;
}
