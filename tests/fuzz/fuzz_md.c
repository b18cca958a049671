/*
 * fuzz_md: a Markdown body through md_scan alone: the md4c masks, the
 * inline fields in their three forms, tasks and wiki-links.  The first
 * byte says: bit 0 whether the note is dated; bit 1 the line limit (4096
 * bytes, or the default 64 KiB so slow paths in long lines show as
 * timeouts); bit 2 whether the body starts with one of the v3 forms
 * below (the second byte says which), so that every run reaches them;
 * bits 4-7 the first line number.  Checked besides crashes: every field,
 * task, link and diagnostic has a place inside the body, a task's text is
 * trimmed with single spaces, md_mask reads the body as md4c does (the
 * same masked copy and task items) when it reads it without md4c, and
 * the due and done patterns find the same tried from where md_task's
 * prefilter says as from the start.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/md_mask.h"
#include "refgraph/md_task.h"
#include "refgraph/md_scan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The forms of notes format v3 that a random body seldom spells. */
static const char *const v3_forms[] = {
	"> [!note] Met\n> referral:: ",
	"- [/] ",
	"- [-] [thanked:: ",
	"%% ",
	"**referral** :: [[A|x -> y]] -> ",
	"__gave__:: B \xe2\x86\x92 C -> ",
	"with:: [[A, B]], C, ",
	"rewarded:: A, [[B|b]] (asked:: C) [testimonial:: ",
	"- [ ] \xf0\x9f\x93\x86\xef\xb8\x8f"
	"2026-11-03 9:30 [completion:: 2026-11-04] DUE: ",
	"- [!] \xf0\x9f\x97\x93 2026-11-03T09:30+01:00 [[T|shown]] ",
	"referral:: A -> B [thanked:: C] (informed:: ",
	"(a::[[(a::[[",
};

static void in_body(int line, int col, int line0, size_t lines)
{
	if (line < line0 || (size_t)(line - line0) >= lines || col < 1)
		abort();
}

static void check_text(const char *t)
{
	size_t n = t ? strlen(t) : 0;
	if (t == NULL || (n > 0 && (t[0] == ' ' || t[n - 1] == ' ')) ||
	    strstr(t, "  ") != NULL)
		abort();
}

static void check(const rg_file *f, int line0, size_t lines)
{
	for (size_t i = 0; i < f->refrecs.n; i++)
		in_body(f->refrecs.v[i].line, f->refrecs.v[i].col, line0,
			lines);
	for (size_t i = 0; i < f->fields.n; i++) {
		in_body(f->fields.v[i].line, f->fields.v[i].col, line0, lines);
		in_body(f->fields.v[i].who.line, f->fields.v[i].who.col, line0,
			lines);
	}
	for (size_t i = 0; i < f->tasks.n; i++) {
		in_body(f->tasks.v[i].line, f->tasks.v[i].col, line0, lines);
		check_text(f->tasks.v[i].text);
		for (size_t k = 0; k < f->tasks.v[i].nlinks; k++)
			in_body(f->tasks.v[i].links[k].line,
				f->tasks.v[i].links[k].col, line0, lines);
	}
	for (size_t i = 0; i < f->links.n; i++)
		in_body(f->links.v[i].line, f->links.v[i].col, line0, lines);
	for (size_t i = 0; i < f->diags.items.n; i++)
		in_body(f->diags.items.v[i].line, f->diags.items.v[i].col,
			line0, lines);
}

/* Where md_task reads a task item to: the line end after its last text. */
static size_t reach(const char *m, size_t len, const rg_md_item *t)
{
	size_t e = t->last_off > t->box_end ? t->last_off : t->box_end;
	while (e < len && m[e] != '\n')
		e++;
	return e;
}

/* md_mask's two ways to read a body give one result. */
static void check_mask(const char *body, size_t len)
{
	rg_md_items slow = {0}, fast = {0};
	char *ms = rg_md_mask_md4c(body, len, &slow);
	char *mf = rg_md_mask_body(body, len, &fast);
	if (memcmp(ms, mf, len + 1) != 0 || slow.n != fast.n)
		abort();
	for (size_t i = 0; i < slow.n; i++) {
		const rg_md_item *a = &slow.v[i], *b = &fast.v[i];
		if (a->task != b->task || a->mark != b->mark ||
		    a->box != b->box || a->box_end != b->box_end ||
		    reach(ms, len, a) != reach(mf, len, b))
			abort();
	}
	RG_VEC_FREE(slow);
	RG_VEC_FREE(fast);
	free(ms);
	free(mf);
}

/* The marker patterns from 0 and from mid (a character's start). */
static void check_markers(const char *body, size_t len)
{
	static const rg_md_pattern pats[] = {RG_MD_PAT_DUE, RG_MD_PAT_DONE,
					     RG_MD_PAT_TMARK};
	char *m = malloc(len + 1);
	if (m == NULL)
		return;
	memcpy(m, body, len);
	m[len] = '\0';
	rg_file *f = rg_file_new("note.md");
	rg_md_line L;
	rg_md_line_init(&L, f, body, m, len, 1);
	size_t mid = len / 2;
	while (mid < len && ((unsigned char)L.mm[mid] & 0xC0) == 0x80)
		mid++;
	size_t froms[] = {0, mid};
	for (size_t i = 0; i < 2; i++)
		for (size_t p = 0; p < 3; p++) {
			bool want =
				rg_md_line_match(&L, pats[p], m, len, froms[i]);
			size_t wo[4];
			memcpy(wo, rg_md_line_ov(&L), sizeof wo);
			size_t at = rg_md_task_marker_from(L.mm, len, froms[i],
							   pats[p]);
			bool got = at != RG_MD_NONE &&
				   rg_md_line_match(&L, pats[p], m, len, at);
			if (want != got ||
			    (got && memcmp(wo, rg_md_line_ov(&L), sizeof wo)))
				abort();
		}
	rg_md_line_free(&L);
	rg_file_free(f);
	free(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	rg_limits lim;
	rg_limits_default(&lim);
	if (!(data[0] & 2))
		lim.max_line = 4096;
	const char *form = "";
	size_t skip = 1;
	if ((data[0] & 4) && size > 1) {
		form = v3_forms[data[1] % (sizeof v3_forms / sizeof *v3_forms)];
		skip = 2;
	}
	size_t flen = strlen(form), len = flen + size - skip, lines = 1;
	char *body = malloc(len + 1);
	if (body == NULL)
		return 0;
	memcpy(body, form, flen);
	memcpy(body + flen, data + skip, size - skip);
	for (size_t i = 0; i < len; i++)
		lines += body[i] == '\n';
	rg_file *f = rg_file_new("note.md");
	int date = (data[0] & 1) ? rg_days_from_civil(2026, 11, 3) : RG_NODATE;
	int line0 = 1 + (data[0] >> 4);
	rg_md_scan(f, body, len, line0, date, &lim);
	check(f, line0, lines);
	check_mask(body, len);
	check_markers(body, len);
	rg_file_free(f);
	free(body);
	return 0;
}
