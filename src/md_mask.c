/*
 * md_mask: what the Markdown reader does not read, blanked in a copy of
 * the body.  md4c does not give source positions for blocks, but the
 * text it reports points into the input, so one pass learns which byte
 * ranges are code spans, code blocks, raw HTML and link destinations;
 * Obsidian's %% comments and link reference definitions (which md4c does
 * not report) are found by hand.  Everything after that is plain line
 * scanning, which keeps the place of every field exact.
 */
#include "refgraph/md_mask.h"

#include <md4c.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/util.h"

/* md4c's sizes are 32 bits: a longer body is read unmasked. */
#define MD_LEN_MAX ((size_t)0xFFFFFFF0u)

/* ---- what md4c tells ---- */

typedef struct scan {
	const char *doc;
	size_t len;
	char *m; /* the masked copy */
	int code_span, code_block, html_block;
	char fence;
	size_t cb_first, cb_last; /* text range of the current code block */
	bool cb_seen;
	rg_md_items lis;    /* the open list items, innermost last */
	rg_md_items *tasks; /* finished task items */
} scan;

static bool in_doc(const scan *s, const char *p, size_t n)
{
	return p >= s->doc && p + n <= s->doc + s->len;
}

/* Blank m[b, e) of m[0..len) but its line ends. */
static void blank(char *m, size_t len, size_t b, size_t e)
{
	for (size_t i = b; i < e && i < len; i++)
		if (m[i] != '\n' && m[i] != '\r')
			m[i] = ' ';
}

static void mask(scan *s, size_t b, size_t e)
{
	blank(s->m, s->len, b, e);
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
		rg_md_item *f = RG_VEC_PUSH(s->lis);
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
		rg_md_item f = s->lis.v[--s->lis.n];
		if (f.task)
			*RG_VEC_PUSH(*s->tasks) = f;
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
	if (s->lis.n > 0 && !s->lis.v[s->lis.n - 1].started) {
		s->lis.v[s->lis.n - 1].started = true;
		if (t == MD_TEXT_NORMAL && !s->code_span)
			rg_md_task_box(s->doc, s->len, &s->lis.v[s->lis.n - 1],
				       b);
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

/* ---- what md4c does not tell ---- */

/*
 * Obsidian comments, %% to %% on one line or across lines, are blanked
 * in the masked copy (a %% in code is already blank there); one left
 * open runs to the end of the note, as Obsidian shows it.
 */
static void mask_comments(char *m, size_t len)
{
	size_t i = 0;
	/* memchr finds each '%': most notes have none */
	while (i + 1 < len) {
		const char *p = memchr(m + i, '%', len - i - 1);
		if (p == NULL)
			break;
		i = (size_t)(p - m);
		if (m[i + 1] != '%') {
			i++;
			continue;
		}
		size_t j = i + 2, e = len;
		while (j + 1 < len) {
			p = memchr(m + j, '%', len - j - 1);
			if (p == NULL)
				break;
			j = (size_t)(p - m);
			if (m[j + 1] == '%') {
				e = j + 2;
				break;
			}
			j++;
		}
		blank(m, len, i, e);
		i = e;
	}
}

/*
 * A link reference definition is not reported by md4c, used or not; its
 * destination and title are blanked here, as inline link destinations
 * are.
 */
void rg_md_mask_definition(char *s, size_t n, bool after_text)
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

/* ---- bodies md4c would find nothing in ---- */

/* From this indentation on, a line may be indented code (CommonMark). */
enum { CODE_INDENT = 4 };
/* The most digits of an ordered list item's number; an ATX heading's #s. */
enum { ORDERED_DIGITS = 9, HEADING_LEVELS = 6 };

/*
 * What md4c would blank needs one of these in the body m[0..len) (a NUL
 * after it): a backtick (code spans and fences), three tildes (fences),
 * '<' (HTML, autolinks), "](" (an inline link or image) or "]:" (a
 * reference definition, without which a reference link is none).  A lone
 * CR ends a line to md4c but not to the lines below: md4c reads those.
 */
static bool markup_free(const char *m, size_t len)
{
	static const char stops[] = "`<~]\r";
	for (size_t i = strcspn(m, stops); i < len;
	     i += 1 + strcspn(m + i + 1, stops)) {
		char c = m[i], n = m[i + 1];
		if (c == '`' || c == '<' ||
		    (c == '~' && n == '~' && m[i + 2] == '~') ||
		    (c == ']' && (n == '(' || n == ':')) ||
		    (c == '\r' && n != '\n'))
			return false;
	}
	return true;
}

/*
 * The end of the list item marker at d[i] of the line d[..e), or 0 when
 * there is none: as md4c reads one, a bullet or 1 to 9 digits and '.' or
 * ')', then a blank or the line's end.
 */
static size_t list_mark(const char *d, size_t i, size_t e)
{
	size_t k = i;
	if (d[i] == '-' || d[i] == '+' || d[i] == '*') {
		k = i + 1;
	} else {
		while (k < e && k - i < ORDERED_DIGITS && d[k] >= '0' &&
		       d[k] <= '9')
			k++;
		if (k == i || k >= e || (d[k] != '.' && d[k] != ')'))
			return 0;
		k++;
	}
	return k >= e || rg_md_line_blank(d[k]) ? k : 0;
}

/* An ATX heading: 1 to 6 #s, then a blank or the line's end. */
static bool heading(const char *d, size_t i, size_t e)
{
	size_t k = i;
	while (k < e && d[k] == '#' && k - i <= HEADING_LEVELS)
		k++;
	return k > i && k - i <= HEADING_LEVELS &&
	       (k == e || rg_md_line_blank(d[k]));
}

static bool blank_to(const char *p, const char *e)
{
	while (p < e && rg_md_line_blank(*p))
		p++;
	return p == e;
}

/* A byte a paragraph's text may start with that starts nothing else. */
static bool plain_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

/* The lines of a body read without md4c: its list items so far. */
typedef struct quick {
	const char *d;
	size_t len;
	rg_md_items *tasks;
	bool seen_item; /* from here on, an indented line may be in an item */
	bool task_open; /* a text line continues the last of *tasks */
} quick;

/*
 * The list item whose bullet is at d[b] of the line d[b, e), content at
 * d[b + 2]: only "- text", "* [ ] text" and the like at the left margin,
 * whose text starts with a letter, a digit, a non-ASCII character or a
 * box, are read here (md4c reads the rest: nested lists, other blocks in
 * items, ordered lists, a box alone on its line).
 */
static bool quick_item(quick *q, size_t b, size_t e)
{
	const char *d = q->d;
	size_t c = b + 2;
	if ((d[b] != '-' && d[b] != '+' && d[b] != '*') || c >= e ||
	    d[b + 1] != ' ' || (!plain_start(d[c]) && d[c] != '[') ||
	    list_mark(d, c, e))
		return false;
	rg_md_item it = {0};
	if (d[c] == '[') {
		/* a wiki-link's text starts inside it, not at its [; a box
		 * alone on its line is md4c's to read */
		const char *r = memchr(d + c, ']', e - c);
		if (d[c + 1] == '[' || (r && blank_to(r + 1, d + e)))
			return false;
		/* md4c's boxes ([ ], [x], [X]) are of the same form */
		rg_md_task_box(d, q->len, &it, c);
	}
	q->seen_item = true;
	q->task_open = it.task;
	if (it.task) {
		it.started = true;
		it.last_off = e;
		*RG_VEC_PUSH(*q->tasks) = it;
	}
	return true;
}

/*
 * The line d[b, e): false when md4c must read the body.  A text line
 * after an item's line continues its paragraph (a lazy continuation
 * line): the task item's text then reaches it.
 */
static bool quick_line(quick *q, size_t b, size_t e)
{
	const char *d = q->d;
	size_t i = b;
	while (i < e && d[i] == ' ')
		i++;
	if (i < e && d[i] == '\t')
		return false; /* tabs widen the indentation */
	if (i == e) {	      /* blank: ends the item's paragraph */
		q->task_open = false;
		return true;
	}
	if (i - b >= CODE_INDENT || (i > b && q->seen_item) || d[i] == '>')
		return false;
	if (list_mark(d, i, e))
		return i == b && quick_item(q, b, e);
	if (!q->task_open)
		return true; /* no item's text: nothing below depends on it */
	if (heading(d, i, e)) {
		q->task_open = false;
		return true;
	}
	/* md4c reports text on the line only when it starts with text */
	if (!plain_start(d[i]))
		return false;
	q->tasks->v[q->tasks->n - 1].last_off = e;
	return true;
}

bool rg_md_mask_quick(const char *m, size_t len, rg_md_items *tasks)
{
	size_t n0 = tasks->n;
	quick q = {m, len, tasks, false, false};
	if (!markup_free(m, len))
		return false;
	for (size_t b = 0; b < len;) {
		const char *nl = memchr(m + b, '\n', len - b);
		size_t next = nl ? (size_t)(nl - m) + 1 : len;
		size_t e = nl ? (size_t)(nl - m) : len;
		if (e > b && m[e - 1] == '\r')
			e--;
		if (!quick_line(&q, b, e)) {
			tasks->n = n0;
			return false;
		}
		b = next;
	}
	return true;
}

/* ---- the pass ---- */

/* The copy of body[0..len) to mask, in b: a NUL after it, NUL bytes spaces
 * (they would end C strings in md4c's callbacks and ours). */
static char *copy_body(rg_buf *b, const char *body, size_t len, bool *nul)
{
	b->len = 0;
	rg_buf_put(b, body, len);
	/* zeros after the NUL: pcre2's compiled matcher reads whole words
	 * and may read past the end of the text (never using what it reads
	 * there), and a memory checker would see bytes never written */
	rg_grow((void **)&b->s, &b->cap, len + 1 + RG_MD_MASK_PAD, 1);
	memset(b->s + len + 1, 0, RG_MD_MASK_PAD);
	char *m = b->s;
	*nul = false;
	for (char *z = memchr(m, '\0', len); z;
	     z = memchr(z + 1, '\0', len - (size_t)(z + 1 - m))) {
		*z = ' ';
		*nul = true;
	}
	return m;
}

/* md4c's pass over body, blanking in m (its copy) and finding tasks. */
static void md4c_pass(const char *body, size_t len, char *m, rg_md_items *tasks)
{
	scan sc = {0}, *s = &sc;
	s->tasks = tasks;
	s->doc = body;
	s->len = len;
	s->m = m;
	MD_PARSER parser = {0};
	parser.flags = MD_FLAG_WIKILINKS | MD_FLAG_TASKLISTS;
	parser.enter_block = enter_block;
	parser.leave_block = leave_block;
	parser.enter_span = enter_span;
	parser.leave_span = leave_span;
	parser.text = text;
	/* the callbacks never stop the parse, so a failure is md4c's own
	 * allocation failing: the masks would be wrong, and with them the
	 * report */
	if (len <= MD_LEN_MAX && md_parse(body, (MD_SIZE)len, &parser, s) != 0)
		rg_oom();
	RG_VEC_FREE(s->lis);
}

char *rg_md_mask_md4c(const char *body, size_t len, rg_md_items *tasks)
{
	rg_buf b = {0};
	bool nul;
	char *m = copy_body(&b, body, len, &nul);
	md4c_pass(body, len, m, tasks);
	mask_comments(m, len);
	return m;
}

char *rg_md_mask_into(rg_buf *b, const char *body, size_t len,
		      rg_md_items *tasks)
{
	bool nul;
	char *m = copy_body(b, body, len, &nul);
	/* md4c reads a NUL byte (a space in m) otherwise than a space */
	if (nul || len > MD_LEN_MAX || !rg_md_mask_quick(m, len, tasks))
		md4c_pass(body, len, m, tasks);
	mask_comments(m, len);
	return m;
}

char *rg_md_mask_body(const char *body, size_t len, rg_md_items *tasks)
{
	rg_buf b = {0};
	return rg_md_mask_into(&b, body, len, tasks);
}
