/*
 * md_line: the Markdown reader's line reader: the patterns, compiled once
 * for the process (the wiki-link one matched by hand), matched in the
 * masked copy of a body; the place (line, column in code points) of every
 * byte; wiki-links and the references they write.
 */
#include "refgraph/md_line.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "refgraph/md_mask.h"
#include "refgraph/names.h"

/* ---- patterns, compiled once for the process ---- */

/* A key, bare or wrapped in ** or __, then blanks and :: (one group). */
#define KEY                                                                    \
	"(?|__([\\p{L}\\p{N}_-]+?)__|\\*\\*([\\p{L}\\p{N}_-]+)\\*\\*|"         \
	"([\\p{L}\\p{N}_-]+))[ \\t]*::"
/* A date's day; a time of day after it is measured by md_task. */
#define DAY "([0-9]{4}-[0-9]{2}-[0-9]{2})"
/* 📅 🗓 📆, ✅, each maybe with U+FE0F, then blanks or not */
#define DUE_EMOJI  "[\\x{1F4C5}\\x{1F5D3}\\x{1F4C6}]\\x{FE0F}?\\h*"
#define DONE_EMOJI "\\x{2705}\\x{FE0F}?\\h*"

static const char *const pattern_src[RG_MD_PAT_COUNT] = {
	/* key:: at the start of a line, after block-quote markers, list
	 * markers and a task box */
	"^[ \\t]*(?:>[ \\t]*|(?:[-*+]|[0-9]{1,9}[.)])[ \\t]+)*"
	"(?:\\[[^\\n]\\][ \\t]+)?" KEY,
	/* [key:: or (key:: anywhere */
	"[\\[(][ \\t]*" KEY,
	/* due and done markers start a word: overdue: is none */
	"(?:\\bdue::?\\h*|" DUE_EMOJI ")" DAY,
	"(?:\\b(?:done::?|completion::)\\h*|" DONE_EMOJI ")" DAY,
	/* the markers a task's text leaves out (notes format, section 4):
	 * every due and done marker, the v3 forms included */
	"(?:\\b(?:due::?|done::?|completion::)\\h*|" DUE_EMOJI "|" DONE_EMOJI
	")" DAY,
	/* a wiki-link: matched by link_match below, not compiled */
	"\\[\\[([^\\[\\]\\n]*)\\]\\]",
};

static pcre2_code *patterns[RG_MD_PAT_COUNT];
static pthread_once_t patterns_once = PTHREAD_ONCE_INIT;

static void compile_patterns(void)
{
	for (int i = 0; i < RG_MD_PAT_COUNT; i++) {
		if (i == RG_MD_PAT_LINK)
			continue;
		int err;
		PCRE2_SIZE off;
		uint32_t opts = PCRE2_UTF | PCRE2_UCP;
		if (i == RG_MD_PAT_DUE || i == RG_MD_PAT_DONE ||
		    i == RG_MD_PAT_TMARK)
			opts |= PCRE2_CASELESS;
		patterns[i] = pcre2_compile((PCRE2_SPTR)pattern_src[i],
					    PCRE2_ZERO_TERMINATED, opts, &err,
					    &off, NULL);
		/* the patterns above are fixed and every test compiles
		 * them: what can fail here is memory */
		if (patterns[i] == NULL)
			rg_oom();
		/* compiled to machine code where pcre2 can (x86-64 and most
		 * others): these patterns run on every line with "::" and
		 * every task, and the interpreter's set-up per call was most
		 * of their cost (2,500 instructions a match on short lines).
		 * Where it cannot, or has no memory to, the interpreter runs:
		 * the same answers */
		(void)pcre2_jit_compile(patterns[i], PCRE2_JIT_COMPLETE);
	}
}

/* ---- the reader ---- */

/* Room for the whole match and the one group of each pattern above. */
enum { OVECTOR_PAIRS = 4 };

/*
 * pcre2 keeps in the match data the backtracking frames its deepest
 * match needed, at most one frame (well under 512 bytes for these
 * patterns) for each byte of the subject: after a subject longer than
 * this, the match data goes, so that a long line leaves nothing large.
 */
#define FRAME_BYTES_MAX 512
#define LONGEST_KEPT	((size_t)(RG_SCRATCH_KEEP / FRAME_BYTES_MAX))

/*
 * What the patterns match: the masked copy itself when it is valid
 * UTF-8, else a copy with each byte of a malformed sequence made '?'
 * (offsets stay the same; the text read is still taken from m).
 */
static char *match_copy(char *m, size_t len)
{
	if (rg_utf8_valid_prefix(m, len) == len)
		return m;
	char *c = rg_calloc(len + 1 + RG_MD_MASK_PAD, 1);
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

void rg_md_line_start(rg_md_line *L, rg_file *f, const char *body, char *m,
		      size_t len, int line0)
{
	pthread_once(&patterns_once, compile_patterns);
	L->f = f;
	L->doc = body;
	L->m = m;
	L->mm = match_copy(m, len);
	L->len = len;
	L->line0 = line0;
	memset(L->ov, 0, sizeof L->ov);
	L->cc_line = L->cc_off = 0;
	L->cc_col = 0;
	L->work = 0;
	if (L->md == NULL) {
		L->md = pcre2_match_data_create(OVECTOR_PAIRS, NULL);
		if (L->md == NULL)
			rg_oom();
	}
	L->starts.n = L->close.n = L->stack.n = L->refs.n = L->cuts.n = 0;
	*RG_VEC_PUSH(L->starts) = 0;
	for (const char *p = memchr(m, '\n', len); p;
	     p = memchr(p + 1, '\n', len - (size_t)(p + 1 - m)))
		*RG_VEC_PUSH(L->starts) = (size_t)(p + 1 - m);
}

void rg_md_line_init(rg_md_line *L, rg_file *f, const char *body, char *m,
		     size_t len, int line0)
{
	memset(L, 0, sizeof(*L));
	rg_md_line_start(L, f, body, m, len, line0);
}

/* The copy made valid UTF-8, when there is one. */
static void free_match_copy(rg_md_line *L)
{
	if (L->mm != L->m)
		free(L->mm);
	L->mm = NULL;
}

void rg_md_line_stop(rg_md_line *L)
{
	free_match_copy(L);
	L->f = NULL;
	L->doc = L->m = NULL;
	L->len = 0;
	if (L->longest > LONGEST_KEPT) {
		pcre2_match_data_free(L->md);
		L->md = NULL;
		L->longest = 0;
	}
	RG_VEC_EMPTY(L->starts);
	RG_VEC_EMPTY(L->close);
	RG_VEC_EMPTY(L->stack);
	RG_VEC_EMPTY(L->refs);
	RG_VEC_EMPTY(L->cuts);
}

size_t rg_md_line_room(const rg_md_line *L)
{
	return L->starts.cap * sizeof *L->starts.v +
	       L->close.cap * sizeof *L->close.v +
	       L->stack.cap * sizeof *L->stack.v +
	       L->refs.cap * sizeof *L->refs.v +
	       L->cuts.cap * sizeof *L->cuts.v;
}

void rg_md_line_free(rg_md_line *L)
{
	if (L == NULL)
		return;
	pcre2_match_data_free(L->md);
	L->md = NULL;
	L->longest = 0;
	RG_VEC_FREE(L->starts);
	RG_VEC_FREE(L->close);
	RG_VEC_FREE(L->stack);
	RG_VEC_FREE(L->refs);
	RG_VEC_FREE(L->cuts);
	free_match_copy(L);
}

int rg_md_line_of(const rg_md_line *L, size_t off)
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
 * Counted as YAML's columns are: the bytes that do not continue a UTF-8
 * sequence.  Fields are read left to right, so counting on from the last
 * column keeps a long line linear.
 */
int rg_md_line_col(rg_md_line *L, size_t off)
{
	size_t ls = L->starts.v[rg_md_line_of(L, off) - L->line0];
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

void rg_md_line_span(const rg_md_line *L, size_t i, size_t *b, size_t *e)
{
	*b = L->starts.v[i];
	*e = i + 1 < L->starts.n ? L->starts.v[i + 1] - 1 : L->len;
	if (*e > *b && L->m[*e - 1] == '\r')
		(*e)--;
}

/*
 * The wiki-link pattern, \[\[([^\[\]\n]*)\]\], by hand: it is the one
 * most tried, and its matches are simple.  At each "[[" from from on, the
 * first '[', ']' or line end after it decides; no "[[" starts between it
 * and that byte but the next one, so the search goes on from there.
 * Those bytes are ASCII, the same in the masked copy and its valid UTF-8
 * copy.
 */
static bool link_match(const char *s, size_t n, size_t from, size_t *ov)
{
	size_t i = from;
	while (i + 1 < n) {
		const char *p = memchr(s + i, '[', n - i - 1);
		if (p == NULL)
			break;
		i = (size_t)(p - s);
		if (s[i + 1] != '[') {
			i++;
			continue;
		}
		size_t j = i + 2;
		while (j < n && s[j] != '[' && s[j] != ']' && s[j] != '\n')
			j++;
		if (j + 1 < n && s[j] == ']' && s[j + 1] == ']') {
			ov[0] = i;
			ov[1] = j + 2;
			ov[2] = i + 2;
			ov[3] = j;
			return true;
		}
		i = j == i + 2 ? i + 1 : j;
	}
	return false;
}

/*
 * The subject is valid UTF-8 and is not checked again: pcre2 would check
 * from the start offset to the end on every call, which made a long line
 * of many fields quadratic.
 */
bool rg_md_line_match(rg_md_line *L, rg_md_pattern pat, const char *s, size_t n,
		      size_t from)
{
	bool hit;
	if (pat == RG_MD_PAT_LINK) {
		hit = link_match(s, n, from, L->ov);
	} else {
		PCRE2_SPTR subject = (PCRE2_SPTR)(L->mm + (s - L->m));
		if (n > L->longest)
			L->longest = n;
		int rc = pcre2_match(patterns[pat], subject, n, from,
				     PCRE2_NO_UTF_CHECK, L->md, NULL);
		/* the compiled matcher's stack (32 KiB) runs out on a line of
		 * thousands of list or quote markers; the interpreter, whose
		 * frames are on the heap, gives the answer it would have */
		if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
			rc = pcre2_match(patterns[pat], subject, n, from,
					 PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT,
					 L->md, NULL);
		/* pcre2 allocates its backtracking frames: no memory is no
		 * match to it, and would drop a field without a word */
		if (rc == PCRE2_ERROR_NOMEMORY)
			rg_oom();
		hit = rc > 0;
		if (hit)
			memcpy(L->ov, pcre2_get_ovector_pointer(L->md),
			       sizeof L->ov);
	}
	L->work += hit ? L->ov[1] - from : n - from;
	return hit;
}

size_t *rg_md_line_ov(rg_md_line *L)
{
	return L->ov;
}

size_t rg_md_line_link_end(const char *s, size_t n, size_t i)
{
	if (i + 1 >= n || s[i] != '[' || s[i + 1] != '[')
		return RG_MD_NONE;
	for (size_t j = i + 2; j + 1 < n; j++)
		if (s[j] == ']' && s[j + 1] == ']')
			return j + 2;
	return RG_MD_NONE;
}

bool rg_md_line_ref(rg_md_line *L, const char *s, size_t n, rg_ref *out)
{
	size_t b, len;
	L->work += n;
	if (!rg_names_ref_target(s, n, &b, &len))
		return false;
	size_t off = (size_t)(s - L->m) + b;
	out->target = rg_arena_strndup(L->f->arena, s + b, len);
	out->line = rg_md_line_of(L, off);
	out->col = rg_md_line_col(L, off);
	return true;
}

bool rg_md_line_next_link(rg_md_line *L, const char *s, size_t n, size_t *from,
			  rg_ref *r)
{
	while (*from < n && rg_md_line_match(L, RG_MD_PAT_LINK, s, n, *from)) {
		size_t *o = rg_md_line_ov(L);
		*from = o[1];
		if (rg_md_line_ref(L, s + o[0], o[1] - o[0], r))
			return true;
	}
	return false;
}
