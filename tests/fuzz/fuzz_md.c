/*
 * fuzz_md: a Markdown body through md_scan alone: the md4c masks, the
 * inline fields in their three forms, tasks and wiki-links.  The first
 * byte says: bit 0 whether the note is dated; bit 1 the line limit (4096
 * bytes, or the default 64 KiB so slow paths in long lines show as
 * timeouts); bits 4-7 the first line number.  Checked besides crashes:
 * every field, task and diagnostic has a place inside the body.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "refgraph/date.h"
#include "refgraph/md_scan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void in_body(int line, int col, int line0, size_t lines)
{
	if (line < line0 || (size_t)(line - line0) >= lines || col < 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	rg_limits lim;
	rg_limits_default(&lim);
	if (!(data[0] & 2))
		lim.max_line = 4096;
	rg_file *f = rg_file_new("note.md");
	int date = (data[0] & 1) ? rg_days_from_civil(2026, 11, 3) : RG_NODATE;
	int line0 = 1 + (data[0] >> 4);
	const char *body = (const char *)data + 1;
	size_t len = size - 1, lines = 1;
	for (size_t i = 0; i < len; i++)
		lines += body[i] == '\n';
	rg_md_scan(f, body, len, line0, date, &lim);
	for (size_t i = 0; i < f->refrecs.n; i++)
		in_body(f->refrecs.v[i].line, f->refrecs.v[i].col, line0,
			lines);
	for (size_t i = 0; i < f->fields.n; i++)
		in_body(f->fields.v[i].line, f->fields.v[i].col, line0, lines);
	for (size_t i = 0; i < f->tasks.n; i++) {
		in_body(f->tasks.v[i].line, f->tasks.v[i].col, line0, lines);
		for (size_t k = 0; k < f->tasks.v[i].nlinks; k++)
			in_body(f->tasks.v[i].links[k].line,
				f->tasks.v[i].links[k].col, line0, lines);
	}
	for (size_t i = 0; i < f->diags.items.n; i++)
		in_body(f->diags.items.v[i].line, f->diags.items.v[i].col,
			line0, lines);
	rg_file_free(f);
	return 0;
}
