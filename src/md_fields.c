/*
 * md_fields: the inline fields of a Markdown line (notes format, section
 * 3): key:: value at the start of a line, [key:: value] and (key::
 * value) anywhere, keys in any case, bare or in ** or __.  referral:: and
 * gave:: become referrals (A -> B); outcome:: and the fields that take a
 * list of names become rg_fields.
 */
#include "refgraph/md_fields.h"

#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/names.h"

/* ---- keys ---- */

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

/* ---- values ---- */

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
static size_t next_sep(rg_md_line *L, seps *sp, size_t *w)
{
	const char *v = sp->v;
	for (size_t i = sp->at; i < sp->n; i++) {
		if (sp->links && v[i] == '[' && i + 1 < sp->n &&
		    v[i + 1] == '[') {
			size_t e = rg_md_line_link_end(v, sp->n, i);
			L->work += (e == RG_MD_NONE ? sp->n : e) - i;
			if (e != RG_MD_NONE) {
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

/* One field being read: its key, value (in the masked copy) and place. */
typedef struct fld {
	int key;
	const char *v;
	size_t vlen;
	int line, col;
	int date; /* the note's */
} fld;

static void arrow_field(rg_md_line *L, const fld *d)
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
	if (!arrow ||
	    !rg_md_line_ref(L, d->v, at, gave ? &m.prospect : &m.from) ||
	    !rg_md_line_ref(L, d->v + at + alen, d->vlen - at - alen,
			    gave ? &m.to : &m.prospect)) {
		rg_diag(&f->diags, f->path, d->line, d->col, RG_WARNING,
			"%s:: expects 'A -> B' with two names; skipped",
			key_names[d->key]);
		return;
	}
	m.from_me = gave;
	*RG_VEC_PUSH(f->refrecs) = m;
}

static rg_field *new_field(rg_md_line *L, const fld *d)
{
	rg_field *fd = RG_VEC_PUSH(L->f->fields);
	fd->key = key_fields[d->key];
	fd->line = d->line;
	fd->col = d->col;
	fd->date = d->date;
	return fd;
}

/* thanked:: A, [[B]], ...: one field per reference, in order. */
static void list_field(rg_md_line *L, const fld *d)
{
	seps sp = {d->v, d->vlen, 0, true, true};
	size_t used = 0, w;
	while (sp.at < sp.n || used == 0) {
		size_t b = sp.at, e = next_sep(L, &sp, &w);
		rg_ref who;
		if (rg_md_line_ref(L, d->v + b, e - b, &who)) {
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

/* The most words a number may take: a currency, blank, the number. */
enum { OUTCOME_NUMBER_WORDS = 2 };

/*
 * outcome:: NAME WORD [NUMBER], read from the end: WORD is the last word
 * followed by nothing or by a number alone, and a number may hold a blank
 * (2,500 USD, EUR 1,800), so WORD is one of the last three words.
 */
static void outcome_field(rg_md_line *L, const fld *d)
{
	const char *v = d->v;
	size_t n = d->vlen, e = n, b = n;
	rg_numform nf = RG_NUM_BAD;
	double value = 0;
	rg_status st = RG_ST_NONE;
	for (int w = 0; w <= OUTCOME_NUMBER_WORDS && st == RG_ST_NONE; w++) {
		while (e > 0 && rg_md_line_blank(v[e - 1]))
			e--;
		for (b = e; b > 0 && !rg_md_line_blank(v[b - 1]);)
			b--;
		if (b == e)
			break;
		st = rg_status_parse(v + b, e - b);
		if (st != RG_ST_NONE && e < n) {
			nf = rg_number_parse(v + e, n - e, &value);
			if (nf == RG_NUM_BAD)
				st = RG_ST_NONE;
		}
		if (st == RG_ST_NONE)
			e = b;
	}
	rg_ref who;
	if (b == 0 || !RG_ST_IS_CLOSED(st) || !rg_md_line_ref(L, v, b, &who)) {
		rg_diag(&L->f->diags, L->f->path, d->line, d->col, RG_WARNING,
			"outcome:: expects 'NAME won|lost|declined|unreachable "
			"[VALUE]'; skipped");
		return;
	}
	while (e < n && rg_md_line_blank(v[e]))
		e++;
	if (nf == RG_NUM_DOT3)
		rg_diag(&L->f->diags, L->f->path, d->line, d->col, RG_WARNING,
			"outcome:: '%.*s' is read as %g; if '.' separates "
			"thousands there, leave it out or write ','",
			(int)(n - e), v + e, value);
	rg_field *fd = new_field(L, d);
	fd->who = who;
	fd->status = st;
	fd->has_value = nf != RG_NUM_BAD;
	fd->value = value;
}

/*
 * The field key[0..klen):: v[0..vlen), whose key stands at body byte koff
 * (its place) in a note dated note_date.
 */
static void field(rg_md_line *L, const char *key, size_t klen, const char *v,
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
	d.line = rg_md_line_of(L, koff);
	d.col = rg_md_line_col(L, koff);
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

/* ---- the line ---- */

/*
 * The closing bracket of every [ and ( of the line s[0..n), in one pass
 * each (a scan per field made a long line of unclosed fields cubic):
 * brackets nest; in a (...) a wiki-link is skipped whole, so that a
 * parenthesis in a link does not end the field.
 */
static void match_brackets(rg_md_line *L, const char *s, size_t n)
{
	L->close.n = 0;
	rg_grow((void **)&L->close.v, &L->close.cap, n, sizeof(size_t));
	L->close.n = n;
	for (size_t i = 0; i < n; i++)
		L->close.v[i] = RG_MD_NONE;
	for (int round = 0; round < 2; round++) {
		char o = round ? '(' : '[', c = round ? ')' : ']';
		bool links = round == 1;
		L->stack.n = 0;
		for (size_t i = 0; i < n; i++) {
			if (links && s[i] == '[' && i + 1 < n &&
			    s[i + 1] == '[') {
				size_t e = rg_md_line_link_end(s, n, i);
				if (e != RG_MD_NONE) {
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

/* The brackets are matched once a bracketed field is seen: most lines
 * hold none. */
void rg_md_fields_line(rg_md_line *L, size_t b, size_t e, int note_date)
{
	const char *s = L->m + b;
	size_t n = e - b, from = 0, lks = RG_MD_NONE, lke = 0;
	if (rg_md_line_match(L, RG_MD_PAT_LINE, s, n, 0)) {
		size_t *o = rg_md_line_ov(L);
		lks = o[2];
		lke = o[3];
		from = o[1];
	}
	size_t ve = from;
	bool matched = false;
	while (from < n && rg_md_line_match(L, RG_MD_PAT_BRACKET, s, n, from)) {
		size_t *o = rg_md_line_ov(L);
		size_t open = o[0], ks = o[2], ke = o[3], fve = o[1];
		if (!matched) {
			match_brackets(L, s, n);
			matched = true;
		}
		size_t close = L->close.v[open];
		if (close == RG_MD_NONE) {
			from = open + 1;
			continue;
		}
		if (lks != RG_MD_NONE) {
			field(L, s + lks, lke - lks, s + ve, open - ve, b + lks,
			      note_date);
			lks = RG_MD_NONE;
		}
		field(L, s + ks, ke - ks, s + fve, close - fve, b + open,
		      note_date);
		from = close + 1;
	}
	if (lks != RG_MD_NONE)
		field(L, s + lks, lke - lks, s + ve, n - ve, b + lks,
		      note_date);
}
