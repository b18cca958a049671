/*
 * fuzz_note: one file's bytes through the whole per-file reader: BOM and
 * line ends, front matter split, YAML records, the Markdown body.  The
 * first byte picks the file name, so both .md and .yaml paths are fuzzed.
 */
#include <stddef.h>
#include <stdint.h>

#include "refgraph/note.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"people/Ann Lee.md", "log.yaml",
					    "daily/2026-11-03.md", "x.yml"};
	if (size == 0)
		return 0;
	rg_limits lim;
	rg_limits_default(&lim);
	lim.max_line = 4096;
	rg_file *f = rg_note_parse(names[data[0] & 3], (const char *)data + 1,
				   size - 1, &lim);
	rg_file_free(f);
	return 0;
}
