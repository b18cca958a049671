/*
 * yfast: flat YAML mappings -> libyaml's events, without libyaml.
 *
 * The subset is kept small enough to be sure of, line by line:
 *
 *   stream  := blank* ("---" NL blank*)? doc (NL? "---" NL blank* doc)*
 *   doc     := entry (blank* entry)*             every key in column 1
 *   entry   := key ":" (EOL | " "+ value EOL | EOL seq)
 *   value   := dquoted | flow | plain
 *   seq     := (" "{n} "- " " "* (dquoted | plain) EOL)+   n the same
 *   flow    := "[" "]" | "[" item ("," " "* item)* "]"     on one line
 *   item    := dquoted | flow | plain-in-flow
 *
 * Only printable ASCII and line ends (LF, CRLF; no tab, no other byte),
 * and no line ends in a blank.  A key is letters, digits and "_-. ".  A
 * plain scalar starts with a letter, a digit or one of "_./($+~=" (or a
 * '-' before a letter or digit), none of which starts anything else, and
 * holds no '#' (a comment after a blank) and no ": " (nor a ':' at its
 * end); one in a flow list no ',', '[', ']', '{', '}', ':' or '"' either.
 * A double-quoted one holds no '\' (no escapes).  So no comments,
 * anchors, aliases, tags, block scalars, directives, flow mappings, single
 * quotes or explicit keys: those all start with a sign the grammar has no
 * place for.  Every line after a key's line starts a key in column 1, is
 * a `- ` item of the sequence that key opened, `---`, or empty, so no
 * scalar can continue on the next line.  Anything else is refused, and
 * read by libyaml.
 */
#include "refgraph/yfast.h"

#include <stdint.h>
#include <string.h>

/* libyaml refuses a simple key longer than 1024 bytes; stay far inside. */
#define KEY_MAX 128
/* Flow lists inside flow lists, as deep as `[[Name]]` and a little more. */
#define FLOW_MAX 4
/* Front matter lines run 10 to 30 bytes, two events each. */
#define EVENT_BYTES 8

typedef struct scan {
	const char *t;
	size_t len, pos;
	size_t bol; /* where the current line starts */
	int line;   /* from 0 */
	rg_yfast_events *out;
} scan;

/*
 * Whether none of a word's eight bytes is below ' ' or above '~' (the
 * carries the sums may start only ever add a flag where one is due).
 */
static bool printable8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u, highs = ones << 7;
	uint64_t below = (x - ones * ' ') & ~x & highs;
	uint64_t above = ((x + ones * (0x7f - '~')) | x) & highs;
	return (below | above) == 0;
}

/*
 * One byte of the text.  Lines end in LF or CRLF (a CR alone is a line
 * break to libyaml); a line that ends in a blank is out, since libyaml
 * trims it or not depending on what it ends.
 */
static bool byte_ok(const char *t, size_t len, size_t i)
{
	unsigned char c = (unsigned char)t[i];
	if (c == '\r' && (i + 1 == len || t[i + 1] != '\n'))
		return false;
	if (c == '\n' || c == '\r')
		return i == 0 || t[i - 1] != ' ';
	return c >= ' ' && c <= '~';
}

/* Printable ASCII and line ends, a word at a time over the printable. */
static bool text_ok(const char *t, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint64_t x;
		if (len - i >= sizeof x) {
			memcpy(&x, t + i, sizeof x);
			if (printable8(x)) {
				i += sizeof x;
				continue;
			}
		}
		if (!byte_ok(t, len, i))
			return false;
		i++;
	}
	return len == 0 || t[len - 1] != ' ';
}

static bool is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static int peek(const scan *sc, size_t at)
{
	return at < sc->len ? (unsigned char)sc->t[at] : -1;
}

static bool eol_at(const scan *sc, size_t at)
{
	return at == sc->len || sc->t[at] == '\n' || sc->t[at] == '\r';
}

static bool at_eol(const scan *sc)
{
	return eol_at(sc, sc->pos);
}

/* Where the line after the one ending at pos starts (or the end). */
static size_t line_after(const scan *sc)
{
	if (sc->pos == sc->len)
		return sc->pos;
	return sc->pos + (sc->t[sc->pos] == '\r' ? 2 : 1);
}

static void emit(scan *sc, rg_yfast_kind kind, size_t at, const char *s,
		 size_t slen)
{
	rg_yfast_events *v = sc->out;
	if (v->n == v->cap)
		rg_grow((void **)&v->v, &v->cap, v->n + 1, sizeof *v->v);
	rg_yfast_event *e = &v->v[v->n++];
	e->anchor = NULL;
	e->kind = kind;
	e->line = sc->line;
	e->col = (int)(at - sc->bol);
	e->s = s;
	e->slen = slen;
}

/* Past the line feed at pos (or stay at the end). */
static bool next_line(scan *sc)
{
	if (!at_eol(sc))
		return false;
	if (sc->pos < sc->len) {
		sc->pos = line_after(sc);
		sc->line++;
		sc->bol = sc->pos;
	}
	return true;
}

static void skip_blank_lines(scan *sc)
{
	while (sc->pos < sc->len && at_eol(sc))
		next_line(sc);
}

/* At a line's start: is the line `---` alone? */
static bool is_marker(const scan *sc)
{
	return sc->len - sc->pos >= 3 &&
	       memcmp(sc->t + sc->pos, "---", 3) == 0 &&
	       eol_at(sc, sc->pos + 3);
}

/* What a plain scalar may start with: nothing YAML reads as a sign. */
static bool plain_first(const scan *sc)
{
	if (at_eol(sc))
		return false;
	char c = sc->t[sc->pos];
	if (is_alnum(c) || strchr("_./($+~=", c))
		return true;
	int n = peek(sc, sc->pos + 1);
	return c == '-' && n >= 0 && is_alnum((char)n);
}

/* A plain scalar to the end of the line (block context). */
static bool plain_block(scan *sc)
{
	size_t b = sc->pos;
	if (!plain_first(sc))
		return false;
	for (; !at_eol(sc); sc->pos++) {
		char c = sc->t[sc->pos];
		int n = peek(sc, sc->pos + 1);
		if (c == '#' ||
		    (c == ':' && (n == ' ' || eol_at(sc, sc->pos + 1))))
			return false;
	}
	emit(sc, RG_YF_SCALAR, b, sc->t + b, sc->pos - b);
	return true;
}

/* A plain scalar inside a flow list, up to its ',' or ']'. */
static bool plain_flow(scan *sc)
{
	size_t b = sc->pos;
	if (!plain_first(sc))
		return false;
	for (; sc->pos < sc->len; sc->pos++) {
		char c = sc->t[sc->pos];
		if (c == ',' || c == ']')
			break;
		if (strchr("#\"[{}:\n\r", c))
			return false;
	}
	if (sc->pos == sc->len || sc->t[sc->pos - 1] == ' ')
		return false; /* unclosed, or blanks libyaml would trim */
	emit(sc, RG_YF_SCALAR, b, sc->t + b, sc->pos - b);
	return true;
}

/* "text" on one line, without escapes. */
static bool dquoted(scan *sc)
{
	size_t b = sc->pos++;
	const char *end = memchr(sc->t + sc->pos, '"', sc->len - sc->pos);
	if (end == NULL)
		return false;
	size_t e = (size_t)(end - sc->t);
	/* a CR is always followed by its LF (text_ok) */
	if (memchr(sc->t + sc->pos, '\n', e - sc->pos) ||
	    memchr(sc->t + sc->pos, '\\', e - sc->pos))
		return false;
	emit(sc, RG_YF_SCALAR, b, sc->t + sc->pos, e - sc->pos);
	sc->pos = e + 1;
	return true;
}

static bool flow_seq(scan *sc, int depth)
{
	if (depth > FLOW_MAX)
		return false;
	emit(sc, RG_YF_SEQ, sc->pos, NULL, 0);
	sc->pos++;
	if (peek(sc, sc->pos) != ']') {
		for (;;) {
			int c = peek(sc, sc->pos);
			bool ok = c == '"'   ? dquoted(sc)
				  : c == '[' ? flow_seq(sc, depth + 1)
					     : c >= 0 && plain_flow(sc);
			if (!ok)
				return false;
			c = peek(sc, sc->pos);
			if (c == ']')
				break;
			if (c != ',')
				return false;
			sc->pos++;
			while (peek(sc, sc->pos) == ' ')
				sc->pos++;
		}
	}
	emit(sc, RG_YF_SEQ_END, sc->pos, NULL, 0);
	sc->pos++;
	return true;
}

/* At a line's start at: the indent of a `- ` item there, or -1. */
static int item_indent(const scan *sc, size_t at)
{
	size_t i = at;
	while (i < sc->len && sc->t[i] == ' ')
		i++;
	if (peek(sc, i) == '-' && peek(sc, i + 1) == ' ')
		return (int)(i - at);
	return -1;
}

/* `- item` lines of one indent; ends at the first line after them. */
static bool block_seq(scan *sc)
{
	int ind = item_indent(sc, sc->pos);
	emit(sc, RG_YF_SEQ, sc->pos + (size_t)ind, NULL, 0);
	while (sc->pos < sc->len && item_indent(sc, sc->pos) == ind) {
		sc->pos += (size_t)ind + 2;
		while (peek(sc, sc->pos) == ' ')
			sc->pos++;
		bool ok = peek(sc, sc->pos) == '"' ? dquoted(sc)
			  : at_eol(sc)		   ? false
						   : plain_block(sc);
		if (!ok || !next_line(sc))
			return false;
	}
	emit(sc, RG_YF_SEQ_END, sc->pos, NULL, 0);
	return true;
}

/* What follows a key's ':'; ends at the start of the next line. */
static bool value(scan *sc)
{
	if (at_eol(sc)) {
		if (sc->pos < sc->len && item_indent(sc, line_after(sc)) >= 0) {
			next_line(sc);
			return block_seq(sc);
		}
		/* libyaml places an empty value just after the ':' */
		emit(sc, RG_YF_SCALAR, sc->pos, "", 0);
		return next_line(sc);
	}
	if (sc->t[sc->pos] != ' ')
		return false;
	while (peek(sc, sc->pos) == ' ')
		sc->pos++;
	int c = peek(sc, sc->pos);
	bool ok = c == '"'   ? dquoted(sc)
		  : c == '[' ? flow_seq(sc, 1)
			     : plain_block(sc);
	return ok && next_line(sc);
}

static bool key_char(char c)
{
	return is_alnum(c) || c == '_' || c == '-' || c == '.' || c == ' ';
}

/* key ":" value: a key in column 1. */
static bool entry(scan *sc)
{
	size_t b = sc->pos;
	char c = sc->t[b];
	if (!is_alnum(c) && c != '_')
		return false;
	while (sc->pos < sc->len && key_char(sc->t[sc->pos]))
		sc->pos++;
	if (peek(sc, sc->pos) != ':' || sc->t[sc->pos - 1] == ' ' ||
	    sc->pos - b > KEY_MAX)
		return false;
	emit(sc, RG_YF_SCALAR, b, sc->t + b, sc->pos - b);
	sc->pos++;
	return value(sc);
}

/* One document's mapping, up to the end or its `---` line. */
static bool mapping(scan *sc)
{
	emit(sc, RG_YF_MAP, sc->pos, NULL, 0);
	do {
		if (!entry(sc))
			return false;
		skip_blank_lines(sc);
	} while (sc->pos < sc->len && !is_marker(sc));
	emit(sc, RG_YF_MAP_END, sc->pos, NULL, 0);
	return true;
}

bool rg_yfast_scan(const char *text, size_t len, rg_yfast_events *out)
{
	scan sc = {text, len, 0, 0, 0, out};
	if (!text_ok(text, len))
		return false;
	/* about two events a line: one growth at most, as a rule */
	rg_grow((void **)&out->v, &out->cap, out->n + len / EVENT_BYTES + 16,
		sizeof *out->v);
	skip_blank_lines(&sc);
	while (sc.pos < sc.len) {
		if (is_marker(&sc)) {
			sc.pos += 3;
			next_line(&sc);
			skip_blank_lines(&sc);
		}
		/* an empty document: libyaml's empty scalar, placed apart */
		if (sc.pos == sc.len || is_marker(&sc))
			return false;
		if (!mapping(&sc))
			return false;
		emit(&sc, RG_YF_DOC_END, sc.pos, NULL, 0);
	}
	emit(&sc, RG_YF_STREAM_END, sc.pos, NULL, 0);
	return true;
}
