/*
 * md_scan: Markdown bodies: inline fields, tasks and the body's links.
 *
 * md4c does not give source positions for blocks, but the text it reports
 * points into the input, so the reader learns which byte ranges are code
 * spans, code blocks, raw HTML and link destinations, and blanks them in a
 * copy of the body (Obsidian's %% comments too).  Everything after that
 * is plain line scanning, which keeps the place of every field exact.
 *
 * The file is longer than the house's 600 lines: it holds three stages
 * that each stand alone, marked by "----" headings (the masks; values
 * and lines; tasks), and would be md_mask.c, md_scan.c and md_task.c,
 * sharing the masked body through a private header, once the build
 * lists those files.
 */
#include "refgraph/md_scan.h"

#include <md4c.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <utf8proc.h>

#include "refgraph/date.h"
#include "refgraph/names.h"

/* ---- patterns, compiled once for the process ---- */

enum { P_LINE, P_BRACKET, P_DUE, P_DONE, P_TMARK, P_LINK, P_COUNT };

/* A key, bare or wrapped in ** or __, then blanks and :: (one group). */
#define KEY                                                                    \
	"(?|__([\\p{L}\\p{N}_-]+?)__|\\*\\*([\\p{L}\\p{N}_-]+)\\*\\*|"         \
	"([\\p{L}\\p{N}_-]+))[ \\t]*::"
/* A date's day; a time of day after it is measured by date_at. */
#define DAY "([0-9]{4}-[0-9]{2}-[0-9]{2})"
/* 📅 🗓 📆, ✅, each maybe with U+FE0F, then blanks or not */
#define DUE_EMOJI  "[\\x{1F4C5}\\x{1F5D3}\\x{1F4C6}]\\x{FE0F}?\\h*"
#define DONE_EMOJI "\\x{2705}\\x{FE0F}?\\h*"

static const char *const pattern_src[P_COUNT] = {
	/* key:: at the start of a line, after block-quote markers, list
	 * markers and a task box */
	"^[ \\t]*(?:>[ \\t]*|(?:[-*+]|[0-9]{1,9}[.)])[ \\t]+)*"
	"(?:\\[[^\\n]\\][ \\t]+)?" KEY,
	/* [key:: or (key:: anywhere */
	"[\\[(][ \\t]*" KEY,
	/* due and done markers start a word: overdue: is none */
	"(?:\\bdue::?\\h*|" DUE_EMOJI ")" DAY,
	"(?:\\b(?:done::?|completion::)\\h*|" DONE_EMOJI ")" DAY,
	/* the markers a task's text leaves out (notes format, section 4) */
	"(?:\\b(?:due|done)::?\\h*|\\x{1F4C5}\\x{FE0F}?\\h*|" DONE_EMOJI
	")" DAY,
	"\\[\\[([^\\[\\]\\n]*)\\]\\]",
};

static pcre2_code *patterns[P_COUNT];
static pthread_once_t patterns_once = PTHREAD_ONCE_INIT;

static void compile_patterns(void)
{
	for (int i = 0; i < P_COUNT; i++) {
		int err;
		PCRE2_SIZE off;
		uint32_t opts = PCRE2_UTF | PCRE2_UCP;
		if (i == P_DUE || i == P_DONE || i == P_TMARK)
			opts |= PCRE2_CASELESS;
		patterns[i] = pcre2_compile((PCRE2_SPTR)pattern_src[i],
					    PCRE2_ZERO_TERMINATED, opts, &err,
					    &off, NULL);
		if (patterns[i] == NULL)
			abort(); /* a bug in the pattern text above */
		/* no JIT: it measured no faster on these short lines, and
		 * the interpreter keeps valgrind runs clean */
	}
}

/* ---- what md4c tells ---- */

typedef struct li_frame {
	bool task;
	bool started;	 /* the item's first content has been seen */
	char mark;	 /* the box's character; '?' for one of several bytes */
	size_t box;	 /* offset of the box's [ */
	size_t box_end;	 /* offset of its ] */
	size_t last_off; /* end of the last text directly in this item */
} li_frame;

typedef struct scan {
	const char *doc;
	size_t len;
	char *m; /* the masked copy */
	int code_span, code_block, html_block;
	char fence;
	size_t cb_first, cb_last; /* text range of the current code block */
	bool cb_seen;
	RG_VEC(li_frame) lis;
	RG_VEC(li_frame) tasks; /* finished task items */
} scan;

static bool in_doc(const scan *s, const char *p, size_t n)
{
	return p >= s->doc && p + n <= s->doc + s->len;
}

static void mask(scan *s, size_t b, size_t e)
{
	for (size_t i = b; i < e && i < s->len; i++)
		if (s->m[i] != '\n' && s->m[i] != '\r')
			s->m[i] = ' ';
}

static void mask_attr(scan *s, const MD_ATTRIBUTE *a)
{
	if (a->text && a->size && in_doc(s, a->text, a->size))
		mask(s, (size_t)(a->text - s->doc),
		     (size_t)(a->text - s->doc) + a->size);
}

static size_t line_start(const scan *s, size_t off)
{
	while (off > 0 && s->doc[off - 1] != '\n')
		off--;
	return off;
}

static size_t line_end(const scan *s, size_t off)
{
	while (off < s->len && s->doc[off] != '\n')
		off++;
	return off;
}

static int enter_block(MD_BLOCKTYPE t, void *detail, void *u)
{
	scan *s = u;
	if (t == MD_BLOCK_CODE) {
		MD_BLOCK_CODE_DETAIL *d = detail;
		s->code_block++;
		s->fence = d->fence_char;
		s->cb_seen = false;
		if (d->fence_char && d->info.text && d->info.size &&
		    in_doc(s, d->info.text, d->info.size)) {
			size_t o = (size_t)(d->info.text - s->doc);
			mask(s, line_start(s, o), line_end(s, o));
		}
	} else if (t == MD_BLOCK_HTML) {
		s->html_block++;
	} else if (t == MD_BLOCK_LI) {
		MD_BLOCK_LI_DETAIL *d = detail;
		li_frame *f = RG_VEC_PUSH(s->lis);
		f->task = f->started = d->is_task;
		if (d->is_task && d->task_mark_offset > 0) {
			f->mark = d->task_mark;
			f->box = d->task_mark_offset - 1;
			f->box_end = d->task_mark_offset + 1;
			f->last_off = f->box_end;
		}
		return 0;
	}
	/* an item that starts with another block has no box */
	if (t != MD_BLOCK_P && s->lis.n > 0)
		s->lis.v[s->lis.n - 1].started = true;
	return 0;
}

static bool fence_line(const scan *s, size_t b, size_t e, char fc)
{
	int n = 0;
	for (size_t i = b; i < e; i++)
		if (s->doc[i] == fc)
			n++;
	return n >= 3;
}

static int leave_block(MD_BLOCKTYPE t, void *detail, void *u)
{
	scan *s = u;
	(void)detail;
	if (t == MD_BLOCK_CODE) {
		s->code_block--;
		if (s->fence && s->cb_seen) {
			/* blank the fence lines around the content */
			size_t ls = line_start(s, s->cb_first);
			if (ls > 0) {
				size_t ps = line_start(s, ls - 1);
				if (fence_line(s, ps, ls - 1, s->fence))
					mask(s, ps, ls - 1);
			}
			size_t le = line_end(s, s->cb_last > 0 ? s->cb_last - 1
							       : 0);
			if (le < s->len) {
				size_t ne = line_end(s, le + 1);
				if (fence_line(s, le + 1, ne, s->fence))
					mask(s, le + 1, ne);
			}
		}
	} else if (t == MD_BLOCK_HTML) {
		s->html_block--;
	} else if (t == MD_BLOCK_LI && s->lis.n > 0) {
		li_frame f = s->lis.v[--s->lis.n];
		if (f.task)
			*RG_VEC_PUSH(s->tasks) = f;
	}
	return 0;
}

static int enter_span(MD_SPANTYPE t, void *detail, void *u)
{
	scan *s = u;
	if (t == MD_SPAN_CODE) {
		s->code_span++;
	} else if (t == MD_SPAN_A) {
		MD_SPAN_A_DETAIL *d = detail;
		mask_attr(s, &d->href);
		mask_attr(s, &d->title);
	} else if (t == MD_SPAN_IMG) {
		MD_SPAN_IMG_DETAIL *d = detail;
		mask_attr(s, &d->src);
		mask_attr(s, &d->title);
	}
	return 0;
}

static int leave_span(MD_SPANTYPE t, void *detail, void *u)
{
	scan *s = u;
	(void)detail;
	if (t == MD_SPAN_CODE)
		s->code_span--;
	return 0;
}

/*
 * md4c knows the boxes [ ], [x] and [X]; a list item whose text starts
 * with any other one character in a box, then a blank or the end of the
 * line, is a task too (the Obsidian Tasks convention).
 */
static void other_box(scan *s, li_frame *f, size_t b)
{
	const unsigned char *d = (const unsigned char *)s->doc;
	/* after the list marker's blank: not an escaped \[ */
	if (d[b] != '[' || b + 2 >= s->len || b == 0 ||
	    (d[b - 1] != ' ' && d[b - 1] != '\t'))
		return;
	size_t k = 1; /* the length of the character's UTF-8 sequence */
	if (d[b + 1] >= 0xC0)
		while (k < 4 && b + 1 + k < s->len &&
		       (d[b + 1 + k] & 0xC0) == 0x80)
			k++;
	size_t c = b + 1 + k; /* the ] */
	if (d[b + 1] == '\n' || d[b + 1] == '\r' || c >= s->len || d[c] != ']')
		return;
	if (c + 1 < s->len && d[c + 1] != ' ' && d[c + 1] != '\t' &&
	    d[c + 1] != '\n' && d[c + 1] != '\r')
		return;
	f->task = true;
	f->mark = k == 1 ? (char)d[b + 1] : '?';
	f->box = b;
	f->box_end = c;
	f->last_off = c + 1;
}

static int text(MD_TEXTTYPE t, const MD_CHAR *p, MD_SIZE n, void *u)
{
	scan *s = u;
	if (!in_doc(s, p, n) || n == 0)
		return 0;
	size_t b = (size_t)(p - s->doc), e = b + n;
	if (s->lis.n > 0 && !s->lis.v[s->lis.n - 1].started) {
		s->lis.v[s->lis.n - 1].started = true;
		if (t == MD_TEXT_NORMAL && !s->code_span)
			other_box(s, &s->lis.v[s->lis.n - 1], b);
	}
	if (s->lis.n > 0 && e > s->lis.v[s->lis.n - 1].last_off)
		s->lis.v[s->lis.n - 1].last_off = e;
	if (s->code_block) {
		if (!s->cb_seen) {
			s->cb_first = b;
			s->cb_seen = true;
		}
		s->cb_last = e;
		mask(s, b, e);
	} else if (s->code_span || t == MD_TEXT_CODE) {
		/* the content and the backticks around it */
		while (b > 0 && s->doc[b - 1] == '`')
			b--;
		while (e < s->len && s->doc[e] == '`')
			e++;
		mask(s, b, e);
	} else if (s->html_block || t == MD_TEXT_HTML) {
		mask(s, b, e);
	}
	return 0;
}

/*
 * Obsidian comments, %% to %% on one line or across lines, are blanked
 * in the masked copy (a %% in code is already blank there); one left
 * open runs to the end of the note, as Obsidian shows it.
 */
static void mask_comments(scan *s)
{
	size_t i = 0;
	while (i + 1 < s->len) {
		if (s->m[i] != '%' || s->m[i + 1] != '%') {
			i++;
			continue;
		}
		size_t j = i + 2;
		while (j + 1 < s->len &&
		       !(s->m[j] == '%' && s->m[j + 1] == '%'))
			j++;
		size_t e = j + 1 < s->len ? j + 2 : s->len;
		mask(s, i, e);
		i = e;
	}
}

/* ---- reading the masked lines ---- */

/* Room for the whole match and the one group of each pattern above. */
enum { OVECTOR_PAIRS = 4 };

/* No match, no closing bracket: an offset past any line. */
#define NONE ((size_t)-1)

typedef struct liner {
	rg_file *f;
	const char
		*doc; /* the body as written: columns count its code points */
	char *m;      /* the masked copy; definitions are blanked as read */
	char *mm;     /* what patterns match: m, or a copy made valid UTF-8 */
	size_t len;
	int line0;
	RG_VEC(size_t) starts; /* start offset of every line */
	pcre2_match_data *md;
	/* the last column computed, so that a long line is counted once */
	size_t cc_line, cc_off;
	int cc_col;
	/* the current line's matching brackets (close[i] for an opening
	 * one at i) and what they are computed from */
	RG_VEC(size_t) close;
	RG_VEC(size_t) stack;
	size_t work; /* see rg_md_scan_work */
} liner;

static _Thread_local size_t last_work;

size_t rg_md_scan_work(void)
{
	return last_work;
}

static int line_of(const liner *L, size_t off)
{
	size_t lo = 0, hi = L->starts.n;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (L->starts.v[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (int)lo + L->line0;
}

/*
 * The column of body byte off, counted in code points from 1 as YAML's
 * are: the bytes that do not continue a UTF-8 sequence.  Fields are read
 * left to right, so counting on from the last column keeps a long line
 * linear.
 */
static int col_at(liner *L, size_t off)
{
	size_t ls = L->starts.v[line_of(L, off) - L->line0];
	size_t from = ls;
	int col = 1;
	if (L->cc_col > 0 && L->cc_line == ls && L->cc_off <= off) {
		from = L->cc_off;
		col = L->cc_col;
	}
	for (size_t i = from; i < off && i < L->len; i++)
		col += ((unsigned char)L->doc[i] & 0xC0) != 0x80;
	L->work += off - from;
	L->cc_line = ls;
	L->cc_off = off;
	L->cc_col = col;
	return col;
}

static void line_span(const liner *L, size_t i, size_t *b, size_t *e)
{
	*b = L->starts.v[i];
	*e = i + 1 < L->starts.n ? L->starts.v[i + 1] - 1 : L->len;
	if (*e > *b && L->m[*e - 1] == '\r')
		(*e)--;
}

/*
 * Match pattern pat in s[0..n) (s in the masked copy) from offset from.
 * The subject is valid UTF-8 and is not checked again: pcre2 would check
 * from the start offset to the end on every call, which made a long line
 * of many fields quadratic.
 */
static bool match(liner *L, int pat, const char *s, size_t n, size_t from)
{
	PCRE2_SPTR subject = (PCRE2_SPTR)(L->mm + (s - L->m));
	int rc = pcre2_match(patterns[pat], subject, n, from,
			     PCRE2_NO_UTF_CHECK, L->md, NULL);
	L->work +=
		rc > 0 ? pcre2_get_ovector_pointer(L->md)[1] - from : n - from;
	return rc > 0;
}

static PCRE2_SIZE *ov(liner *L)
{
	return pcre2_get_ovector_pointer(L->md);
}

/* The end of the wiki-link [[...]] that opens at s[i], or NONE. */
static size_t link_end(const char *s, size_t n, size_t i)
{
	if (i + 1 >= n || s[i] != '[' || s[i + 1] != '[')
		return NONE;
	for (size_t j = i + 2; j + 1 < n; j++)
		if (s[j] == ']' && s[j + 1] == ']')
			return j + 2;
	return NONE;
}

/* ---- values ---- */

/* The reference written at s[0..n) (in the masked copy), with its place. */
static bool make_ref(liner *L, const char *s, size_t n, rg_ref *out)
{
	size_t b, len;
	L->work += n;
	if (!rg_names_ref_target(s, n, &b, &len))
		return false;
	size_t off = (size_t)(s - L->m) + b;
	out->target = rg_arena_strndup(L->f->arena, s + b, len);
	out->line = line_of(L, off);
	out->col = col_at(L, off);
	return true;
}

/* Where next_sep stands in a value. */
typedef struct seps {
	const char *v;
	size_t n, at;
	bool comma; /* commas, else arrows (-> or →) */
	bool links; /* false once a [[ found no ]]: none is left after it */
} seps;

/*
 * The next separator of the value outside wiki-links, from sp->at on:
 * its offset (and *w its length), or the value's length when none.
 */
static size_t next_sep(liner *L, seps *sp, size_t *w)
{
	const char *v = sp->v;
	for (size_t i = sp->at; i < sp->n; i++) {
		if (sp->links && v[i] == '[' && i + 1 < sp->n &&
		    v[i + 1] == '[') {
			size_t e = link_end(v, sp->n, i);
			L->work += (e == NONE ? sp->n : e) - i;
			if (e != NONE) {
				i = e - 1;
				continue;
			}
			sp->links = false;
		}
		*w = 0;
		if (sp->comma)
			*w = v[i] == ',';
		else if (v[i] == '-' && i + 1 < sp->n && v[i + 1] == '>')
			*w = 2;
		else if (i + 2 < sp->n && memcmp(v + i, "\xe2\x86\x92", 3) == 0)
			*w = 3;
		if (*w) {
			L->work += i - sp->at;
			sp->at = i + *w;
			return i;
		}
	}
	L->work += sp->n - sp->at;
	sp->at = sp->n;
	*w = 0;
	return sp->n;
}

/* The inline fields read, by key (matched in lower case). */
typedef enum {
	K_REFERRAL,
	K_GAVE,
	K_OUTCOME,
	K_THANKED, /* this one and those after it take a list of names */
	K_INFORMED,
	K_REWARDED,
	K_WITH,
	K_ASKED,
	K_TESTIMONIAL,
	K_COUNT
} key_id;

static const char *const key_names[K_COUNT] = {
	"referral", "gave", "outcome", "thanked",     "informed",
	"rewarded", "with", "asked",   "testimonial",
};

static const rg_field_key key_fields[K_COUNT] = {
	[K_OUTCOME] = RG_F_OUTCOME,
	[K_THANKED] = RG_F_THANKED,
	[K_INFORMED] = RG_F_INFORMED,
	[K_REWARDED] = RG_F_REWARDED,
	[K_WITH] = RG_F_WITH,
	[K_ASKED] = RG_F_ASKED,
	[K_TESTIMONIAL] = RG_F_TESTIMONIAL,
};

/* Longer than any key above, so that longer keys are not even compared. */
enum { KEY_MAX = 16 };

static int key_of(const char *key, size_t klen)
{
	char low[KEY_MAX];
	if (klen >= KEY_MAX)
		return -1;
	memcpy(low, key, klen);
	rg_ascii_lower(low, klen);
	for (int i = 0; i < K_COUNT; i++)
		if (strlen(key_names[i]) == klen &&
		    memcmp(key_names[i], low, klen) == 0)
			return i;
	return -1;
}

/* One field being read: its key, value (in the masked copy) and place. */
typedef struct fld {
	int key;
	const char *v;
	size_t vlen;
	int line, col;
	int date; /* the note's */
} fld;

static void arrow_field(liner *L, const fld *d)
{
	rg_file *f = L->f;
	bool gave = d->key == K_GAVE;
	size_t alen;
	rg_refrec m = {0};
	m.line = d->line;
	m.col = d->col;
	m.date = d->date;
	m.thanked = m.informed = RG_NODATE;
	m.closed = RG_NODATE;
	seps sp = {d->v, d->vlen, 0, false, true};
	size_t w, at = next_sep(L, &sp, &alen);
	bool arrow = at < d->vlen;
	if (arrow && next_sep(L, &sp, &w) < d->vlen) {
		rg_diag(&f->diags, f->path, d->line, d->col, RG_ERROR,
			"%s:: has more than one arrow; write one referral per "
			"field ('%s:: A -> B'); not used",
			key_names[d->key], key_names[d->key]);
		return;
	}
	if (!arrow || !make_ref(L, d->v, at, gave ? &m.prospect : &m.from) ||
	    !make_ref(L, d->v + at + alen, d->vlen - at - alen,
		      gave ? &m.to : &m.prospect)) {
		rg_diag(&f->diags, f->path, d->line, d->col, RG_WARNING,
			"%s:: expects 'A -> B' with two names; skipped",
			key_names[d->key]);
		return;
	}
	m.from_me = gave;
	*RG_VEC_PUSH(f->refrecs) = m;
}

static rg_field *new_field(liner *L, const fld *d)
{
	rg_field *fd = RG_VEC_PUSH(L->f->fields);
	fd->key = key_fields[d->key];
	fd->line = d->line;
	fd->col = d->col;
	fd->date = d->date;
	return fd;
}

/* thanked:: A, [[B]], ...: one field per reference, in order. */
static void list_field(liner *L, const fld *d)
{
	seps sp = {d->v, d->vlen, 0, true, true};
	size_t used = 0, w;
	while (sp.at < sp.n || used == 0) {
		size_t b = sp.at, e = next_sep(L, &sp, &w);
		rg_ref who;
		if (make_ref(L, d->v + b, e - b, &who)) {
			new_field(L, d)->who = who;
			used++;
		}
		if (e == sp.n)
			break;
	}
	if (used == 0)
		rg_diag(&L->f->diags, L->f->path, d->line, d->col, RG_WARNING,
			"%s:: without a name; skipped", key_names[d->key]);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* outcome:: NAME WORD [NUMBER], read from the end */
static void outcome_field(liner *L, const fld *d)
{
	const char *v = d->v;
	size_t end = d->vlen, tb = end;
	bool has_value = false;
	double value = 0;
	while (tb > 0 && !is_blank(v[tb - 1]))
		tb--;
	if (tb > 0 && tb < end && rg_number_parse(v + tb, end - tb, &value)) {
		has_value = true;
		end = tb;
		while (end > 0 && is_blank(v[end - 1]))
			end--;
		tb = end;
		while (tb > 0 && !is_blank(v[tb - 1]))
			tb--;
	}
	rg_status st =
		tb < end ? rg_status_parse(v + tb, end - tb) : RG_ST_NONE;
	rg_ref who;
	if (tb == 0 || !RG_ST_IS_CLOSED(st) || !make_ref(L, v, tb, &who)) {
		rg_diag(&L->f->diags, L->f->path, d->line, d->col, RG_WARNING,
			"outcome:: expects 'NAME won|lost|declined|unreachable "
			"[VALUE]'; skipped");
		return;
	}
	rg_field *fd = new_field(L, d);
	fd->who = who;
	fd->status = st;
	fd->has_value = has_value;
	fd->value = value;
}

/*
 * The field key[0..klen):: v[0..vlen), whose key stands at body byte koff
 * (its place) in a note dated note_date.
 */
static void field(liner *L, const char *key, size_t klen, const char *v,
		  size_t vlen, size_t koff, int note_date)
{
	fld d = {0};
	d.key = key_of(key, klen);
	if (d.key < 0)
		return;
	size_t b = 0, e = vlen;
	rg_trim(v, &b, &e);
	d.v = v + b;
	d.vlen = e - b;
	d.line = line_of(L, koff);
	d.col = col_at(L, koff);
	d.date = note_date;
	if (d.key == K_REFERRAL || d.key == K_GAVE) {
		arrow_field(L, &d);
	} else if (note_date == RG_NODATE) {
		rg_diag(&L->f->diags, L->f->path, d.line, d.col, RG_WARNING,
			"%s:: in a note without a date (no front matter date, "
			"no date in the file name); not used",
			key_names[d.key]);
	} else if (d.key == K_OUTCOME) {
		outcome_field(L, &d);
	} else {
		list_field(L, &d);
	}
}

/* ---- lines ---- */

/*
 * The closing bracket of every [ and ( of the line s[0..n), in one pass
 * each (a scan per field made a long line of unclosed fields cubic):
 * brackets nest; in a (...) a wiki-link is skipped whole, so that a
 * parenthesis in a link does not end the field.
 */
static void match_brackets(liner *L, const char *s, size_t n)
{
	L->close.n = 0;
	rg_grow((void **)&L->close.v, &L->close.cap, n, sizeof(size_t));
	L->close.n = n;
	for (size_t i = 0; i < n; i++)
		L->close.v[i] = NONE;
	for (int round = 0; round < 2; round++) {
		char o = round ? '(' : '[', c = round ? ')' : ']';
		bool links = round == 1;
		L->stack.n = 0;
		for (size_t i = 0; i < n; i++) {
			if (links && s[i] == '[' && i + 1 < n &&
			    s[i + 1] == '[') {
				size_t e = link_end(s, n, i);
				if (e != NONE) {
					i = e - 1;
					continue;
				}
				links = false; /* no ]] left on the line */
			}
			if (s[i] == o)
				*RG_VEC_PUSH(L->stack) = i;
			else if (s[i] == c && L->stack.n > 0)
				L->close.v[L->stack.v[--L->stack.n]] = i;
		}
		L->work += 2 * n;
	}
}

/*
 * A link reference definition ([label]: destination "title") is not
 * reported by md4c, used or not; its destination and title are blanked
 * here, as inline link destinations are.
 */
static void mask_definition(char *s, size_t n, bool after_text)
{
	size_t i = 0;
	if (after_text) /* a definition cannot interrupt a paragraph */
		return;
	while (i < n && i < 3 && s[i] == ' ')
		i++;
	if (i >= n || s[i] != '[' || (i + 1 < n && s[i + 1] == '['))
		return;
	size_t j = i + 1;
	while (j < n && s[j] != ']' && s[j] != '[')
		j++;
	if (j + 1 >= n || s[j] != ']' || s[j + 1] != ':' || j == i + 1)
		return;
	/* a destination: <...>, or a run without blanks whose parentheses
	 * balance */
	size_t d = j + 2;
	while (d < n && (s[d] == ' ' || s[d] == '\t'))
		d++;
	if (d >= n)
		return;
	if (s[d] == '<') {
		if (memchr(s + d, '>', n - d) == NULL)
			return;
	} else {
		int depth = 0;
		for (size_t k = d; k < n && s[k] != ' ' && s[k] != '\t'; k++) {
			depth += s[k] == '(';
			depth -= s[k] == ')';
			if (depth < 0)
				return;
		}
		if (depth != 0)
			return;
	}
	for (size_t k = j + 2; k < n; k++)
		if (s[k] != '\r')
			s[k] = ' ';
}

/*
 * The fields of the line at body bytes [b, e): a line field, whose value
 * stops at the first bracketed field, then every bracketed field.
 */
static void line_fields(liner *L, size_t b, size_t e, int note_date)
{
	const char *s = L->m + b;
	size_t n = e - b, from = 0, lks = NONE, lke = 0;
	if (match(L, P_LINE, s, n, 0)) {
		PCRE2_SIZE *o = ov(L);
		lks = o[2];
		lke = o[3];
		from = o[1];
	}
	size_t ve = from;
	bool matched = false;
	while (from < n && match(L, P_BRACKET, s, n, from)) {
		PCRE2_SIZE *o = ov(L);
		size_t open = o[0], ks = o[2], ke = o[3], fve = o[1];
		if (!matched) {
			match_brackets(L, s, n);
			matched = true;
		}
		size_t close = L->close.v[open];
		if (close == NONE) {
			from = open + 1;
			continue;
		}
		if (lks != NONE) {
			field(L, s + lks, lke - lks, s + ve, open - ve, b + lks,
			      note_date);
			lks = NONE;
		}
		field(L, s + ks, ke - ks, s + fve, close - fve, b + open,
		      note_date);
		from = close + 1;
	}
	if (lks != NONE)
		field(L, s + lks, lke - lks, s + ve, n - ve, b + lks,
		      note_date);
}

/* The wiki-links of the line at body bytes [b, e), into the file's list. */
static void line_links(liner *L, size_t b, size_t e)
{
	const char *s = L->m + b;
	size_t n = e - b, from = 0;
	while (from < n && match(L, P_LINK, s, n, from)) {
		PCRE2_SIZE *o = ov(L);
		rg_ref r;
		if (make_ref(L, s + o[0], o[1] - o[0], &r))
			*RG_VEC_PUSH(L->f->links) = r;
		from = o[1];
	}
}

static void scan_line(liner *L, size_t b, size_t e, int note_date,
		      bool after_text)
{
	mask_definition(L->m + b, e - b, after_text);
	if (L->mm != L->m) /* its bytes that decide are ASCII: the same */
		mask_definition(L->mm + b, e - b, after_text);
	if (memchr(L->m + b, '[', e - b) != NULL)
		line_links(L, b, e);
	if (memchr(L->m + b, ':', e - b) != NULL)
		line_fields(L, b, e, note_date);
}

/* ---- tasks ---- */

/* The longest date with a time of day and zone tried after a day. */
enum { DATE_MAX = 48 };

/*
 * The date at s[0..n), which starts with YYYY-MM-DD: its day number and
 * its length, the longest that date.c reads (a time of day and a zone
 * may follow the day).  False when the day is not a real one.
 */
static bool date_at(const char *s, size_t n, int *day, size_t *len)
{
	*len = 10;
	if (n > 10 && (s[10] == 'T' || s[10] == 't' || s[10] == ' ')) {
		for (size_t e = n < DATE_MAX ? n : DATE_MAX; e > 11; e--) {
			if (is_blank(s[e - 1]))
				continue;
			if (rg_date_parse(s, e, day)) {
				*len = e;
				return true;
			}
		}
	}
	return rg_date_parse10(s, day);
}

/* The task's date after the first marker of pattern pat in s[0..n). */
static int task_date(liner *L, int pat, const char *s, size_t n,
		     const char *what)
{
	if (!match(L, pat, s, n, 0))
		return RG_NODATE;
	PCRE2_SIZE *o = ov(L);
	int d;
	size_t dlen;
	if (date_at(s + o[2], n - o[2], &d, &dlen))
		return d;
	size_t off = (size_t)(s - L->m) + o[2];
	rg_diag(&L->f->diags, L->f->path, line_of(L, off), col_at(L, off),
		RG_WARNING, "task %s date '%.10s' is not a real day; ignored",
		what, s + o[2]);
	return RG_NODATE;
}

static void task_links(liner *L, rg_task *k, const char *s, size_t n)
{
	RG_VEC(rg_ref) links = {0};
	size_t from = 0;
	while (from < n && match(L, P_LINK, s, n, from)) {
		PCRE2_SIZE *o = ov(L);
		rg_ref r;
		if (make_ref(L, s + o[0], o[1] - o[0], &r))
			*RG_VEC_PUSH(links) = r;
		from = o[1];
	}
	if (links.n) {
		k->links =
			rg_arena_alloc(L->f->arena, links.n * sizeof(rg_ref));
		memcpy(k->links, links.v, links.n * sizeof(rg_ref));
		k->nlinks = links.n;
	}
	RG_VEC_FREE(links);
}

/* A stretch of a task's first line written otherwise: [b, e) as r[0..n). */
typedef struct cut {
	size_t b, e;
	const char *r;
	size_t n;
} cut;

typedef RG_VEC(cut) cut_vec;

/* Append s[0..n) to t, white space runs as one space (none leading). */
static void put_text(rg_buf *t, bool *space, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t k = s[i] == '\0' ? 1 : rg_space_len(s + i, n - i);
		if (k > 0) {
			*space = true;
			i += k;
			continue;
		}
		if (*space && t->len > 0)
			rg_buf_putc(t, ' ');
		*space = false;
		rg_buf_putc(t, s[i++]);
	}
}

/*
 * The due and done markers to leave out of a task's text, each with its
 * date, and with a [...] or (...) around it that holds nothing else.
 */
static void marker_cuts(liner *L, size_t b, size_t e, cut_vec *cuts)
{
	const char *s = L->m;
	size_t from = b;
	while (from < e && match(L, P_TMARK, s, e, from)) {
		PCRE2_SIZE *o = ov(L);
		int d;
		size_t dlen;
		date_at(s + o[2], e - o[2], &d, &dlen);
		size_t cb = o[0], ce = o[2] + dlen, p = cb, q = ce;
		while (p > b && is_blank(s[p - 1]))
			p--;
		while (q < e && is_blank(s[q]))
			q++;
		if (p > b && q < e &&
		    ((s[p - 1] == '[' && s[q] == ']') ||
		     (s[p - 1] == '(' && s[q] == ')'))) {
			cb = p - 1;
			ce = q + 1;
		}
		cut *c = RG_VEC_PUSH(*cuts);
		c->b = cb;
		c->e = ce;
		from = ce > o[1] ? ce : o[1];
	}
}

/* Each wiki-link as its shown text: [[T|shown]] shown, [[T#h]] T. */
static void link_cuts(liner *L, size_t b, size_t e, cut_vec *cuts)
{
	size_t from = b;
	while (from < e && match(L, P_LINK, L->m, e, from)) {
		PCRE2_SIZE *o = ov(L);
		const char *in = L->doc + o[2];
		size_t n = o[3] - o[2], bar = 0, tb, tl;
		while (bar < n && in[bar] != '|')
			bar++;
		cut *c = RG_VEC_PUSH(*cuts);
		c->b = o[0];
		c->e = o[1];
		if (bar + 1 < n) {
			c->r = in + bar + 1;
			c->n = n - bar - 1;
		} else if (rg_names_ref_target(L->doc + o[0], o[1] - o[0], &tb,
					 &tl)) {
			c->r = L->doc + o[0] + tb;
			c->n = tl;
		}
		from = o[1];
	}
}

static int cut_order(const void *a, const void *b)
{
	const cut *x = a, *y = b;
	return x->b < y->b ? -1 : x->b > y->b;
}

/*
 * A task's text (notes format, section 4): its first line after the box,
 * the body bytes [b, e), as written but for the cuts above.
 */
static const char *task_text(liner *L, size_t b, size_t e)
{
	cut_vec cuts = {0};
	marker_cuts(L, b, e, &cuts);
	link_cuts(L, b, e, &cuts);
	if (cuts.n > 1)
		qsort(cuts.v, cuts.n, sizeof(cut), cut_order);
	rg_buf t = {0};
	bool space = false;
	size_t at = b;
	for (size_t i = 0; i < cuts.n; i++) {
		if (cuts.v[i].b < at)
			continue; /* inside one already cut */
		put_text(&t, &space, L->doc + at, cuts.v[i].b - at);
		put_text(&t, &space, cuts.v[i].r, cuts.v[i].n);
		at = cuts.v[i].e;
	}
	put_text(&t, &space, L->doc + at, e - at);
	L->work += e - b;
	const char *r = rg_arena_strndup(L->f->arena, t.s ? t.s : "", t.len);
	rg_buf_free(&t);
	RG_VEC_FREE(cuts);
	return r;
}

static void read_task(liner *L, const li_frame *t, const rg_limits *lim)
{
	/* in an Obsidian comment, or cancelled: no task */
	if (t->box_end >= L->len || L->m[t->box] != '[' || t->mark == '-')
		return;
	size_t b = t->box;
	while (b > 0 && L->m[b - 1] != '\n')
		b--;
	size_t e = t->last_off > t->box_end ? t->last_off : t->box_end;
	while (e < L->len && L->m[e] != '\n')
		e++;
	if (e - b > lim->max_line * 4) {
		e = b + lim->max_line * 4;
		/* not inside a character: patterns read whole ones */
		while (e > b && ((unsigned char)L->mm[e] & 0xC0) == 0x80)
			e--;
	}
	size_t fe = t->box_end + 1; /* the end of the first line */
	while (fe < e && L->m[fe] != '\n')
		fe++;
	if (fe > t->box_end + 1 && L->m[fe - 1] == '\r')
		fe--;
	rg_task *k = RG_VEC_PUSH(L->f->tasks);
	k->line = line_of(L, t->box);
	k->col = col_at(L, t->box);
	k->done = t->mark == 'x' || t->mark == 'X';
	const char *s = L->m + b;
	size_t n = e - b;
	k->due = task_date(L, P_DUE, s, n, "due");
	k->done_date = task_date(L, P_DONE, s, n, "done");
	task_links(L, k, s, n);
	k->text = task_text(L, t->box_end + 1, fe);
}

/* ---- the body ---- */

static void parse_masks(scan *s, const char *body, size_t len)
{
	s->doc = body;
	s->len = len;
	s->m = rg_malloc(len + 1);
	memcpy(s->m, body, len);
	s->m[len] = '\0';
	/* NUL bytes would end C strings in md4c's callbacks and ours */
	for (size_t i = 0; i < len; i++)
		if (s->m[i] == '\0')
			s->m[i] = ' ';
	MD_PARSER parser = {0};
	parser.flags = MD_FLAG_WIKILINKS | MD_FLAG_TASKLISTS;
	parser.enter_block = enter_block;
	parser.leave_block = leave_block;
	parser.enter_span = enter_span;
	parser.leave_span = leave_span;
	parser.text = text;
	if (len <= (size_t)0xFFFFFFF0u)
		md_parse(body, (MD_SIZE)len, &parser, s);
	mask_comments(s);
}

/*
 * What the patterns match: the masked copy itself when it is valid
 * UTF-8, else a copy with each byte of a malformed sequence made '?'
 * (offsets stay the same; the text read is still taken from m).
 */
static char *match_copy(char *m, size_t len)
{
	if (rg_names_utf8_valid(m, len))
		return m;
	char *c = rg_malloc(len + 1);
	memcpy(c, m, len + 1);
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
			utf8proc_iterate((const utf8proc_uint8_t *)c + i,
					 (utf8proc_ssize_t)(len - i), &cp);
		if (k > 0) {
			i += (size_t)k;
		} else {
			c[i++] = '?';
		}
	}
	return c;
}

static void read_lines(liner *L, int note_date, const rg_limits *lim)
{
	bool after_text = false; /* the line before holds text */
	for (size_t i = 0; i < L->starts.n; i++) {
		size_t b, e;
		line_span(L, i, &b, &e);
		if (e - b > lim->max_line) {
			rg_diag(&L->f->diags, L->f->path, (int)i + L->line0, 1,
				RG_WARNING,
				"line longer than %zu bytes; not read",
				lim->max_line);
			continue;
		}
		scan_line(L, b, e, note_date, after_text);
		after_text = false;
		for (size_t k = b; k < e && !after_text; k++)
			after_text = !is_blank(L->m[k]) && L->m[k] != '\r';
	}
}

void rg_md_scan(rg_file *f, const char *body, size_t len, int line0,
		int note_date, const rg_limits *lim)
{
	pthread_once(&patterns_once, compile_patterns);
	scan s = {0};
	parse_masks(&s, body, len);
	liner L = {0};
	L.f = f;
	L.doc = body;
	L.m = s.m;
	L.mm = match_copy(s.m, len);
	L.len = len;
	L.line0 = line0;
	L.md = pcre2_match_data_create(OVECTOR_PAIRS, NULL);
	if (L.md == NULL)
		rg_oom();
	*RG_VEC_PUSH(L.starts) = 0;
	for (size_t i = 0; i < len; i++)
		if (s.m[i] == '\n')
			*RG_VEC_PUSH(L.starts) = i + 1;
	read_lines(&L, note_date, lim);
	for (size_t i = 0; i < s.tasks.n; i++)
		read_task(&L, &s.tasks.v[i], lim);
	last_work = L.work;
	pcre2_match_data_free(L.md);
	RG_VEC_FREE(L.starts);
	RG_VEC_FREE(L.close);
	RG_VEC_FREE(L.stack);
	RG_VEC_FREE(s.lis);
	RG_VEC_FREE(s.tasks);
	if (L.mm != s.m)
		free(L.mm);
	free(s.m);
}
