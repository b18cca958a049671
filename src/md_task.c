/*
 * md_task: the Markdown reader's tasks (notes format, section 4): the
 * boxes md4c does not know, and each task item read from the masked body:
 * done or not, cancelled, its due and done dates (in every marker form,
 * with a time of day), its wiki-links and its text.
 */
#include "refgraph/md_task.h"

#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/names.h"

void rg_md_task_box(const char *doc, size_t len, rg_md_item *it, size_t b)
{
	const unsigned char *d = (const unsigned char *)doc;
	/* after the list marker's blank: not an escaped \[ */
	if (d[b] != '[' || b + 2 >= len || b == 0 ||
	    (d[b - 1] != ' ' && d[b - 1] != '\t'))
		return;
	size_t k = 1; /* the length of the character's UTF-8 sequence */
	if (d[b + 1] >= 0xC0)
		while (k < 4 && b + 1 + k < len &&
		       (d[b + 1 + k] & 0xC0) == 0x80)
			k++;
	size_t c = b + 1 + k; /* the ] */
	if (d[b + 1] == '\n' || d[b + 1] == '\r' || c >= len || d[c] != ']')
		return;
	if (c + 1 < len && d[c + 1] != ' ' && d[c + 1] != '\t' &&
	    d[c + 1] != '\n' && d[c + 1] != '\r')
		return;
	it->task = true;
	it->mark = k == 1 ? (char)d[b + 1] : '?';
	it->box = b;
	it->box_end = c;
	it->last_off = c + 1;
}

/* ---- dates ---- */

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
			if (rg_md_line_blank(s[e - 1]))
				continue;
			if (rg_date_parse(s, e, day)) {
				*len = e;
				return true;
			}
		}
	}
	return rg_date_parse10(s, day);
}

/* ---- where a marker may start ---- */

/* A marker's word, before its first colon, and the patterns it starts. */
typedef struct marker_word {
	const char *w; /* in lower case */
	size_t n;
	unsigned pats; /* 1 << rg_md_pattern */
} marker_word;

#define PAT_BIT(p) (1u << (p))
#define DUE_PATS   (PAT_BIT(RG_MD_PAT_DUE) | PAT_BIT(RG_MD_PAT_TMARK))
#define DONE_PATS  (PAT_BIT(RG_MD_PAT_DONE) | PAT_BIT(RG_MD_PAT_TMARK))

static const marker_word marker_words[] = {
	{"due", 3, DUE_PATS},
	{"done", 4, DONE_PATS},
	{"completion", 10, DONE_PATS},
};

/* The longest word above: a colon further on starts no earlier marker. */
enum { MARKER_WORD_MAX = 10 };

/*
 * The first byte of the emoji forms: 📅 🗓 📆 (U+1F4C5, U+1F5D3,
 * U+1F4C6) are F0 in UTF-8, ✅ (U+2705) is E2.
 */
enum { DUE_EMOJI_LEAD = 0xF0, DONE_EMOJI_LEAD = 0xE2 };

/* s[0..n) is w[0..n) in any case (ASCII: a byte ORed with 0x20 is a
 * lower-case letter only when it is that letter in either case). */
static bool word_at(const char *s, const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((s[i] | 0x20) != w[i])
			return false;
	return true;
}

size_t rg_md_task_marker_from(const char *s, size_t n, size_t from,
			      rg_md_pattern pat)
{
	size_t best = n;
	const char *p;
	if (from >= n)
		return RG_MD_NONE;
	if (pat != RG_MD_PAT_DONE &&
	    (p = memchr(s + from, DUE_EMOJI_LEAD, n - from)) != NULL)
		best = (size_t)(p - s);
	if (pat != RG_MD_PAT_DUE &&
	    (p = memchr(s + from, DONE_EMOJI_LEAD, best - from)) != NULL)
		best = (size_t)(p - s);
	/* the first colon after a word is the earliest word marker: a
	 * later one's word cannot hold that colon */
	for (p = memchr(s + from, ':', n - from);
	     p && (size_t)(p - s) < best + MARKER_WORD_MAX;
	     p = memchr(p + 1, ':', n - (size_t)(p + 1 - s))) {
		size_t q = (size_t)(p - s);
		bool word = false;
		for (size_t i = 0;
		     i < sizeof marker_words / sizeof *marker_words; i++) {
			const marker_word *w = &marker_words[i];
			if ((w->pats & PAT_BIT(pat)) && q >= from + w->n &&
			    word_at(s + q - w->n, w->w, w->n)) {
				word = true;
				if (q - w->n < best)
					best = q - w->n;
			}
		}
		if (word)
			break;
	}
	return best < n ? best : RG_MD_NONE;
}

/* The first match of pattern pat (a marker) in s[0..n) from from on. */
static bool marker_match(rg_md_line *L, rg_md_pattern pat, const char *s,
			 size_t n, size_t from)
{
	/* pcre2 would try the pattern at every 'd', 'c' and the like */
	size_t at = rg_md_task_marker_from(L->mm + (s - L->m), n, from, pat);
	return at != RG_MD_NONE && rg_md_line_match(L, pat, s, n, at);
}

/* The task's date after the first marker of pattern pat in s[0..n). */
static int task_date(rg_md_line *L, rg_md_pattern pat, const char *s, size_t n,
		     const char *what)
{
	if (!marker_match(L, pat, s, n, 0))
		return RG_NODATE;
	size_t *o = rg_md_line_ov(L);
	int d;
	size_t dlen;
	if (date_at(s + o[2], n - o[2], &d, &dlen))
		return d;
	size_t off = (size_t)(s - L->m) + o[2];
	rg_diag(&L->f->diags, L->f->path, rg_md_line_of(L, off),
		rg_md_line_col(L, off), RG_WARNING,
		"task %s date '%.10s' is not a real day; ignored", what,
		s + o[2]);
	return RG_NODATE;
}

static void task_links(rg_md_line *L, rg_task *k, const char *s, size_t n)
{
	L->refs.n = 0;
	size_t from = 0;
	rg_ref r;
	while (rg_md_line_next_link(L, s, n, &from, &r))
		*RG_VEC_PUSH(L->refs) = r;
	if (L->refs.n) {
		k->links =
			rg_arena_alloc(L->f->arena, L->refs.n * sizeof(rg_ref));
		memcpy(k->links, L->refs.v, L->refs.n * sizeof(rg_ref));
		k->nlinks = L->refs.n;
	}
}

/* ---- the text ---- */

typedef rg_md_cut cut;

/* A task's text as it is written: t[0..len), never longer than the line it
 * is taken from (what is cut is never shorter than what replaces it). */
typedef struct text {
	char *t;
	size_t len;
} text;

/* Append s[0..n) to t, white space runs as one space (none leading). */
static void put_text(text *t, bool *space, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t k = s[i] == '\0' ? 1 : rg_space_len(s + i, n - i);
		if (k > 0) {
			*space = true;
			i += k;
			continue;
		}
		if (*space && t->len > 0)
			t->t[t->len++] = ' ';
		*space = false;
		t->t[t->len++] = s[i++];
	}
}

/*
 * The due and done markers to leave out of a task's text, each with its
 * date, and with a [...] or (...) around it that holds nothing else.
 */
static void marker_cuts(rg_md_line *L, size_t b, size_t e)
{
	const char *s = L->m;
	size_t from = b;
	while (from < e && marker_match(L, RG_MD_PAT_TMARK, s, e, from)) {
		size_t *o = rg_md_line_ov(L);
		int d;
		size_t dlen;
		date_at(s + o[2], e - o[2], &d, &dlen);
		size_t cb = o[0], ce = o[2] + dlen, p = cb, q = ce;
		while (p > b && rg_md_line_blank(s[p - 1]))
			p--;
		while (q < e && rg_md_line_blank(s[q]))
			q++;
		if (p > b && q < e &&
		    ((s[p - 1] == '[' && s[q] == ']') ||
		     (s[p - 1] == '(' && s[q] == ')'))) {
			cb = p - 1;
			ce = q + 1;
		}
		cut *c = RG_VEC_PUSH(L->cuts);
		c->b = cb;
		c->e = ce;
		from = ce > o[1] ? ce : o[1];
	}
}

/* Each wiki-link as its shown text: [[T|shown]] shown, [[T#h]] T. */
static void link_cuts(rg_md_line *L, size_t b, size_t e)
{
	size_t from = b;
	while (from < e && rg_md_line_match(L, RG_MD_PAT_LINK, L->m, e, from)) {
		size_t *o = rg_md_line_ov(L);
		const char *in = L->doc + o[2];
		size_t n = o[3] - o[2], bar = 0, tb, tl;
		while (bar < n && in[bar] != '|')
			bar++;
		cut *c = RG_VEC_PUSH(L->cuts);
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
static const char *task_text(rg_md_line *L, size_t b, size_t e)
{
	L->cuts.n = 0;
	marker_cuts(L, b, e);
	link_cuts(L, b, e);
	const cut *c = L->cuts.v;
	size_t nc = L->cuts.n;
	if (nc > 1)
		qsort(L->cuts.v, nc, sizeof(cut), cut_order);
	/* written straight into the file's arena: no copy to make */
	text t = {rg_arena_alloc(L->f->arena, e - b + 1), 0};
	bool space = false;
	size_t at = b;
	for (size_t i = 0; i < nc; i++) {
		if (c[i].b < at)
			continue; /* inside one already cut */
		put_text(&t, &space, L->doc + at, c[i].b - at);
		put_text(&t, &space, c[i].r, c[i].n);
		at = c[i].e;
	}
	put_text(&t, &space, L->doc + at, e - at);
	L->work += e - b;
	t.t[t.len] = '\0';
	return t.t;
}

/* ---- the item ---- */

void rg_md_task_read(rg_md_line *L, const rg_md_item *t, const rg_limits *lim)
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
	k->line = rg_md_line_of(L, t->box);
	k->col = rg_md_line_col(L, t->box);
	k->done = t->mark == 'x' || t->mark == 'X';
	const char *s = L->m + b;
	size_t n = e - b;
	k->due = task_date(L, RG_MD_PAT_DUE, s, n, "due");
	k->done_date = task_date(L, RG_MD_PAT_DONE, s, n, "done");
	task_links(L, k, s, n);
	k->text = task_text(L, t->box_end + 1, fe);
}
