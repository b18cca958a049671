/*
 * md_scan: Markdown bodies.
 *
 * md4c does not give source positions for blocks, but the text it reports
 * points into the input, so the reader learns which byte ranges are code
 * spans, code blocks, raw HTML and link destinations, and blanks them in a
 * copy of the body.  Everything after that is plain line scanning, which
 * keeps the place of every field exact.
 */
#include "refgraph/md_scan.h"

#include <md4c.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "refgraph/date.h"
#include "refgraph/names.h"

/* ---- patterns, compiled once for the process ---- */

enum { P_LINE, P_BRACKET, P_DUE, P_DONE, P_LINK, P_COUNT };

static const char *const pattern_src[P_COUNT] = {
	/* key:: at the start of a line, after list markers and a task box */
	"^[ \\t]*(?:(?:[-*+]|[0-9]{1,9}[.)])[ \\t]+)*(?:\\[[ xX]\\][ \\t]+)?"
	"([\\p{L}\\p{N}_-]+)::",
	/* [key:: or (key:: anywhere */
	"[\\[(][ \\t]*([\\p{L}\\p{N}_-]+)::",
	"(?:\\bdue::?[ \\t]*|\\x{1F4C5}\\x{FE0F}?[ "
	"\\t]*)([0-9]{4}-[0-9]{2}-[0-9]{2})",
	"(?:\\bdone::?[ \\t]*|\\x{2705}\\x{FE0F}?[ "
	"\\t]*)([0-9]{4}-[0-9]{2}-[0-9]{2})",
	"\\[\\[([^\\[\\]\\n]*)\\]\\]",
};

static pcre2_code *patterns[P_COUNT];
static pthread_once_t patterns_once = PTHREAD_ONCE_INIT;

static void compile_patterns(void)
{
	for (int i = 0; i < P_COUNT; i++) {
		int err;
		PCRE2_SIZE off;
		uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
		if (i == P_DUE || i == P_DONE)
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
	char mark;
	size_t mark_off;
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
		f->task = d->is_task;
		f->mark = d->task_mark;
		f->mark_off = d->task_mark_offset;
		f->last_off = d->task_mark_offset;
	}
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

static int text(MD_TEXTTYPE t, const MD_CHAR *p, MD_SIZE n, void *u)
{
	scan *s = u;
	if (!in_doc(s, p, n) || n == 0)
		return 0;
	size_t b = (size_t)(p - s->doc), e = b + n;
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

/* ---- reading the masked lines ---- */

typedef struct liner {
	rg_file *f;
	const char
		*doc; /* the body as written: columns count its code points */
	char *m;      /* the masked copy; definitions are blanked as read */
	size_t len;
	/* the last column computed, so that a long line is counted once */
	size_t cc_line, cc_off;
	int cc_col;
	int line0;
	/* start offset of every line */
	RG_VEC(size_t) starts;
	pcre2_match_data *md;
} liner;

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

static bool match(liner *L, int pat, const char *s, size_t n, size_t from)
{
	int rc = pcre2_match(patterns[pat], (PCRE2_SPTR)s, n, from, 0, L->md,
			     NULL);
	return rc > 0;
}

static PCRE2_SIZE *ov(liner *L)
{
	return pcre2_get_ovector_pointer(L->md);
}

/* The reference written at s[0..n) (in the masked copy), with its place. */
static bool make_ref(liner *L, const char *s, size_t n, rg_ref *out)
{
	size_t b, len;
	if (!rg_ref_target(s, n, &b, &len))
		return false;
	size_t off = (size_t)(s - L->m) + b;
	out->target = rg_arena_strndup(L->f->arena, s + b, len);
	out->line = line_of(L, off);
	out->col = col_at(L, off);
	return true;
}

/* A -> B (or A → B): the arrow's place in v[0..n), or false. */
static bool arrow(const char *v, size_t n, size_t *at, size_t *alen)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (v[i] == '-' && v[i + 1] == '>') {
			*at = i;
			*alen = 2;
			return true;
		}
		if (i + 2 < n && (unsigned char)v[i] == 0xE2 &&
		    (unsigned char)v[i + 1] == 0x86 &&
		    (unsigned char)v[i + 2] == 0x92) {
			*at = i;
			*alen = 3;
			return true;
		}
	}
	return false;
}

/* The inline fields read, by key (matched in lower case). */
typedef enum {
	K_REFERRAL,
	K_GAVE,
	K_THANKED,
	K_INFORMED,
	K_OUTCOME,
	K_COUNT
} key_id;

static const char *const key_names[K_COUNT] = {
	"referral", "gave", "thanked", "informed", "outcome",
};

/* The longest key above, so that longer keys are not even compared. */
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
	size_t at, alen;
	rg_refrec m = {0};
	m.line = d->line;
	m.col = d->col;
	m.date = d->date;
	m.thanked = m.informed = RG_NODATE;
	m.closed = RG_NODATE;
	if (!arrow(d->v, d->vlen, &at, &alen) ||
	    !make_ref(L, d->v, at, gave ? &m.prospect : &m.from) ||
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

static rg_field *new_field(liner *L, const fld *d, rg_field_key key)
{
	rg_field *fd = RG_VEC_PUSH(L->f->fields);
	fd->key = key;
	fd->line = d->line;
	fd->col = d->col;
	fd->date = d->date;
	return fd;
}

static void name_field(liner *L, const fld *d)
{
	rg_file *f = L->f;
	rg_ref who;
	if (!make_ref(L, d->v, d->vlen, &who)) {
		rg_diag(&f->diags, f->path, d->line, d->col, RG_WARNING,
			"%s:: without a name; skipped", key_names[d->key]);
		return;
	}
	new_field(L, d, d->key == K_THANKED ? RG_F_THANKED : RG_F_INFORMED)
		->who = who;
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
	rg_field *fd = new_field(L, d, RG_F_OUTCOME);
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
		name_field(L, &d);
	}
}

/* The end of a [key:: ...] or (key:: ...) field opened at s[open]. */
static size_t closing(const char *s, size_t n, size_t open)
{
	char o = s[open], c = o == '[' ? ']' : ')';
	int depth = 0;
	for (size_t i = open; i < n; i++) {
		if (o == '(' && s[i] == '[' && i + 1 < n && s[i + 1] == '[') {
			/* a wiki-link inside (...): skip it whole */
			size_t j = i + 2;
			while (j + 1 < n && !(s[j] == ']' && s[j + 1] == ']'))
				j++;
			if (j + 1 < n) {
				i = j + 1;
				continue;
			}
		}
		if (s[i] == o)
			depth++;
		else if (s[i] == c && --depth == 0)
			return i;
	}
	return (size_t)-1;
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

static void scan_line(liner *L, size_t b, size_t e, int note_date,
		      bool after_text)
{
	char *s = L->m + b;
	size_t n = e - b;
	mask_definition(s, n, after_text);
	if (memchr(s, ':', n) == NULL)
		return;
	if (match(L, P_LINE, s, n, 0)) {
		PCRE2_SIZE *o = ov(L);
		size_t ks = o[2], ke = o[3], ve = o[1];
		field(L, s + ks, ke - ks, s + ve, n - ve, b + ks, note_date);
		return;
	}
	size_t from = 0;
	while (from < n && match(L, P_BRACKET, s, n, from)) {
		PCRE2_SIZE *o = ov(L);
		size_t open = o[0], ks = o[2], ke = o[3], ve = o[1];
		size_t close = closing(s, n, open);
		if (close == (size_t)-1) {
			from = open + 1;
			continue;
		}
		field(L, s + ks, ke - ks, s + ve, close - ve, b + open,
		      note_date);
		from = close + 1;
	}
}

/* The task's date after the first marker of pattern pat in s[0..n). */
static int task_date(liner *L, int pat, const char *s, size_t n,
		     const char *what)
{
	if (!match(L, pat, s, n, 0))
		return RG_NODATE;
	PCRE2_SIZE *o = ov(L);
	int d;
	if (rg_date_parse10(s + o[2], &d))
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

static void read_task(liner *L, const li_frame *t, const rg_limits *lim)
{
	if (t->mark_off >= L->len || t->mark_off == 0)
		return;
	size_t b = t->mark_off;
	while (b > 0 && L->m[b - 1] != '\n')
		b--;
	size_t e = t->last_off > t->mark_off ? t->last_off : t->mark_off;
	while (e < L->len && L->m[e] != '\n')
		e++;
	if (e - b > lim->max_line * 4)
		e = b + lim->max_line * 4;
	rg_task *k = RG_VEC_PUSH(L->f->tasks);
	k->line = line_of(L, t->mark_off);
	k->col = col_at(L, t->mark_off - 1); /* the box's [ */
	k->done = t->mark != ' ';
	const char *s = L->m + b;
	size_t n = e - b;
	k->due = task_date(L, P_DUE, s, n, "due");
	k->done_date = task_date(L, P_DONE, s, n, "done");
	task_links(L, k, s, n);
}

void rg_md_scan(rg_file *f, const char *body, size_t len, int line0,
		int note_date, const rg_limits *lim)
{
	pthread_once(&patterns_once, compile_patterns);
	scan s = {0};
	s.doc = body;
	s.len = len;
	s.m = rg_malloc(len + 1);
	memcpy(s.m, body, len);
	s.m[len] = '\0';
	/* NUL bytes would end C strings in md4c's callbacks and ours */
	for (size_t i = 0; i < len; i++)
		if (s.m[i] == '\0')
			s.m[i] = ' ';

	MD_PARSER parser = {0};
	parser.flags = MD_FLAG_WIKILINKS | MD_FLAG_TASKLISTS;
	parser.enter_block = enter_block;
	parser.leave_block = leave_block;
	parser.enter_span = enter_span;
	parser.leave_span = leave_span;
	parser.text = text;
	if (len <= (size_t)0xFFFFFFF0u)
		md_parse(body, (MD_SIZE)len, &parser, &s);

	liner L = {0};
	L.f = f;
	L.doc = body;
	L.m = s.m;
	L.len = len;
	L.line0 = line0;
	L.md = pcre2_match_data_create(10, NULL);
	if (L.md == NULL)
		rg_oom();
	*RG_VEC_PUSH(L.starts) = 0;
	for (size_t i = 0; i < len; i++)
		if (s.m[i] == '\n')
			*RG_VEC_PUSH(L.starts) = i + 1;
	bool after_text = false; /* the line before holds text */
	for (size_t i = 0; i < L.starts.n; i++) {
		size_t b, e;
		line_span(&L, i, &b, &e);
		int line = (int)i + line0;
		if (e - b > lim->max_line) {
			rg_diag(&f->diags, f->path, line, 1, RG_WARNING,
				"line longer than %zu bytes; not read",
				lim->max_line);
			continue;
		}
		scan_line(&L, b, e, note_date, after_text);
		after_text = false;
		for (size_t k = b; k < e && !after_text; k++)
			after_text = L.m[k] != ' ' && L.m[k] != '\t' &&
				     L.m[k] != '\r';
	}
	for (size_t i = 0; i < s.tasks.n; i++)
		read_task(&L, &s.tasks.v[i], lim);
	pcre2_match_data_free(L.md);
	RG_VEC_FREE(L.starts);
	RG_VEC_FREE(s.lis);
	RG_VEC_FREE(s.tasks);
	free(s.m);
}
