/*
 * test_yfast: the fast path for flat YAML gives the tree libyaml gives,
 * node for node (types, lines, columns, texts, children in order), the
 * same documents and the same end, for every rule of its subset at its
 * edge on both sides; what it refuses is read by libyaml, unchanged; and
 * it is taken for the shapes notes hold, so it cannot quietly never be.
 */
#include "testlib.h"

#include <ctype.h>
#include <stdio.h>

#include "refgraph/yfast.h"
#include "refgraph/ytree.h"

enum { DEPTH = 8, STEPS_MAX = 64 };

/*
 * Read text both ways; fail at the first difference.  Returns whether the
 * fast path took it.
 */
static bool same_both_ways(const char *text, size_t len, int line0, int depth)
{
	rg_ytree *fast = rg_ytree_new(text, len, line0, depth);
	rg_ytree *slow = rg_ytree_new_slow(text, len, line0, depth);
	assert_false(rg_ytree_fast(slow));
	bool took = rg_ytree_fast(fast);
	for (int i = 0; i < STEPS_MAX; i++) {
		const rg_ynode *a, *b;
		rg_ystep sa = rg_ytree_next(fast, &a);
		rg_ystep sb = rg_ytree_next(slow, &b);
		if (sa != sb || !rg_ynode_equal(a, b))
			fail_msg("differs at document %d of \"%.*s\"", i,
				 (int)len, text);
		if (sa == RG_YERR) {
			const rg_yerror *ea = rg_ytree_error(fast);
			const rg_yerror *eb = rg_ytree_error(slow);
			assert_int_equal(ea->line, eb->line);
			assert_int_equal(ea->col, eb->col);
			assert_int_equal(ea->why, eb->why);
		}
		if (sa != RG_YDOC)
			break;
	}
	rg_ytree_free(fast);
	rg_ytree_free(slow);
	return took;
}

static bool same(const char *text)
{
	return same_both_ways(text, strlen(text), 1, DEPTH);
}

/* Taken by the fast path, and the same as libyaml's, with LF or CRLF. */
static void fast_ok(const char *text)
{
	if (!same(text))
		fail_msg("not taken by the fast path: \"%s\"", text);
	rg_buf crlf = {0};
	rg_buf_puts(&crlf, "");
	for (const char *p = text; *p; p++)
		rg_buf_puts(&crlf, *p == '\n' ? "\r\n" : (char[]){*p, 0});
	if (!same(crlf.s))
		fail_msg("not taken by the fast path with CRLF: \"%s\"", text);
	rg_buf_free(&crlf);
}

/* Refused by the fast path (so read by libyaml, and the same). */
static void refused(const char *text)
{
	if (same(text))
		fail_msg("taken by the fast path: \"%s\"", text);
}

static void refused_n(const char *text, size_t len)
{
	if (same_both_ways(text, len, 1, DEPTH))
		fail_msg("taken by the fast path: \"%.*s\"", (int)len, text);
}

/* What the bench corpus and real vaults hold. */
static void corpus_shapes(void **state)
{
	(void)state;
	fast_ok("name: Ada Abbott 542\nrole: lead\norg: Ito IT\n"
		"since: 2024-03-26\nreferred_by: \"[[Sue Meyer 528]]\"\n");
	fast_ok("date: 2023-03-08\nkind: email\n"
		"with: [\"[[Quin Novak 419]]\", \"[[Kay Chen]]\"]\n");
	fast_ok("---\nfrom: \"[[Uma Evans]]\"\nprospect: \"[[Prospect 0]]\"\n"
		"date: 2026-01-14\nkind: introduction\nstatus: new\n---\n"
		"from: \"[[Wes Ito 530]]\"\nvalue: 37593\nclosed: "
		"2022-04-21\n");
	fast_ok("name: Ray Xu\naliases: [Ray X.]\nfollow_up_every: 2w\n");
	fast_ok("aliases:\n- Ann\n- \"[[Ann Lee]]\"\nrole: client\n");
	fast_ok("aliases:\n  - Ann\n  - Bo\nrole: client");
	fast_ok("referred_by: [[Sue Meyer]]\nwith: [[A], [B]]\n");
	fast_ok("");
	fast_ok("\n\n");
	fast_ok("a:\nb:\n");
	fast_ok("a:");
	fast_ok("a: 1\n\n\nb: 2\n\n");
	fast_ok("\n---\na: 1\n");
	fast_ok("value: 1,200.50\nwhen: 2024-02-29T10:00:00Z\nx: a:b\n");
	fast_ok("a: x,y [z] ]\nb: -3\nc: ~\nd: (x)\ne: $5 + 1 = 6\n");
	fast_ok("a:    wide\nb: [a,b,  c]\nc: []\nd: [\"\"]\ne: \"\"\n");
	fast_ok("a b.c-d_e: 1\n_x: 2\n9: 3\n");
	fast_ok("l:\n-   spaced\n- -x\n- \"q\"\nm: 1\n");
	fast_ok("a: [[[[x]]]]\n");
	fast_ok("a: \"  inner  blanks, [x]: too\"\nb: -x\n");
	/* signs that start something else are plain text inside a scalar */
	fast_ok("subject: \"Thank you! #1 & 'best' {x} |>%@`*?\"\n"
		"reward: 10% off & a \"nice\" bottle!\n"
		"org: O'Brien & Sons {Ltd} | *a* @home `x` ?y >z \\ w\n"
		"l:\n- Why? & how!\n- \"'q'\"\n"
		"f: [a!, b&c, d'e, f%, g@h, i*, j?, k|l, m>, n`, o\\]\n");
}

/* Each rule at its edge: the refused side, read by libyaml. */
static const char *const refused_texts[] = {
	"a: 1 # comment\n",
	"a: &x 1\nb: *x\n",
	"a: !t 1\n",
	"a: |\n  text\n",
	"a: >\n  text\n",
	"%YAML 1.2\n---\na: 1\n",
	"a: 'q'\n",
	"a: \"e\\n\"\n",
	"? a\n: 1\n",
	"a: {b: 1}\n",
	"a: @x\n",
	"a: `x`\n",
	"a: b\n  c\n",
	"a: \"b\n c\"\n",
	"a: 1 \n",
	"a: 1\rb: 2\n",
	"a: 1 \r\n",
	"a: 1\r\n\r",
	"a:\t1\n",
	"a: caf\xc3\xa9\n",
	"a: 1\n...\n",
	"---\n",
	"a: 1\n---\n",
	"---\n---\na: 1\n",
	"- a\n- b\n",
	"a: -\n",
	"a: - b\n",
	"a: -.\n",
	"a: x #c\n",
	"a: x#c\n",
	"a: [x#]\n",
	"a: [x{]\n",
	"a: [x}]\n",
	"a: [x\"]\n",
	"a: \"\\\\\"\n",
	"a: &\n",
	"a: *\n",
	"a: !\n",
	"a: %x\n",
	"a: ?x\n",
	"a: |x\n",
	"a: >x\n",
	"a: {x\n",
	"a: }\n",
	"a: \"x\" #c\n",
	"a: [x] #c\n",
	"# c\na: 1\n",
	"a: 1\n# c\n",
	"- x\n",
	"a: ,\n",
	"a: 'it''s'\n",
	"a'b: 1\n",
	"a: b: c\n",
	"a: b:\n",
	"a: :b\n",
	"a: [a ]\n",
	"a: [ a]\n",
	"a: [a, ]\n",
	"a: [a]x\n",
	"a: [a]]\n",
	"a: [\"x\" ]\n",
	"a: [x:y]\n",
	"a: \"x\"y\n",
	"a :1\n",
	"a:1\n",
	" a: 1\n",
	"a: [[[[[x]]]]]\n",
	"a:\n  b: 1\n",
	"a:\n- x\n\n- y\n",
	"a:\n- x\n  - y\n",
	"a:\n  - x\n- y\n",
	"a:\n-\n",
	"a:\n- x: 1\n",
	"a:\n- [x]\n",
	"a:\n - x\n  y\n",
	"\"a\": 1\n",
	"-a: 1\n",
	"a: [\n",
	"a: \"open\n",
	"a: [\"open]\n",
	"a: [x\n",
	"--- a: 1\n",
	"a: 1\n----\n",
	"a: 1\nb\n",
	"a: ,x\n",
	"a: [,]\n",
	"a: [x,,y]\n",
	"a: x\n\n  y\n",
	"x: 1\n\x01: 2\n",
};

static void refused_shapes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof refused_texts / sizeof *refused_texts;
	     i++)
		refused(refused_texts[i]);
	/* a key libyaml could not read as a simple key */
	char key[300];
	memset(key, 'k', sizeof key);
	memcpy(key + sizeof key - 5, ": 1\n", 5);
	refused(key);
	memcpy(key + 120, ": 1\n", 5); /* 120 bytes: well inside */
	fast_ok(key);
}

/* The line the text starts at, and depth caps the fast path meets. */
static void places_and_depth(void **state)
{
	(void)state;
	const char *t = "---\na: [[x]]\nb:\n- 1\n---\nc: \"[[y]]\"\n";
	for (int line0 = 1; line0 < 5; line0++)
		for (int depth = 0; depth < 5; depth++)
			assert_true(same_both_ways(t, strlen(t), line0, depth));
	/* the settings pass deep values over: the same, fast or not */
	rg_ytree *fast = rg_ytree_new(t, strlen(t), 1, 2);
	rg_ytree *slow = rg_ytree_new_slow(t, strlen(t), 1, 2);
	rg_ytree_skip_deep(fast);
	rg_ytree_skip_deep(slow);
	for (int i = 0; i < 3; i++) {
		const rg_ynode *a, *b;
		rg_ystep sa = rg_ytree_next(fast, &a);
		assert_int_equal(sa, rg_ytree_next(slow, &b));
		assert_true(rg_ynode_equal(a, b));
	}
	int la, ca, lb, cb;
	assert_true(rg_ytree_deep(fast, &la, &ca));
	assert_true(rg_ytree_deep(slow, &lb, &cb));
	assert_int_equal(la, lb);
	assert_int_equal(ca, cb);
	rg_ytree_free(fast);
	rg_ytree_free(slow);
}

/*
 * Every byte value at every place in a word inside a plain and a quoted
 * scalar (the byte check goes a word at a time): taken exactly when it
 * is printable ASCII the scalar may hold (and, for a plain one, no blank
 * or ':' at its end, where a line end is a blank line); blanks inside taken, at
 * a line's end not, wherever the word boundary falls.
 */
static void bytes(void **state)
{
	(void)state;
	enum { SPAN = 17 };
	for (int b = 0; b < 256; b++)
		for (int at = 1; at < SPAN; at++) {
			char t[SPAN + 8];
			memset(t, 'x', sizeof t);
			memcpy(t, "a: \"", 4);
			t[4 + at] = (char)b;
			memcpy(t + 4 + SPAN, "\"\n", 2);
			bool printable = b >= ' ' && b <= '~';
			bool want = printable && b != '"' && b != '\\';
			if (same_both_ways(t, 4 + SPAN + 2, 1, DEPTH) != want)
				fail_msg("quoted: byte %d at %d", b, at);
			t[3] = 'x'; /* a plain scalar */
			t[4 + SPAN] = '\n';
			/* at the end, LF or CR makes a blank line after it */
			bool last = at == SPAN - 1;
			want = (printable && b != '#' &&
				!(last && (b == ' ' || b == ':'))) ||
			       (last && (b == '\n' || b == '\r'));
			if (same_both_ways(t, 4 + SPAN + 1, 1, DEPTH) != want)
				fail_msg("plain: byte %d at %d", b, at);
		}
	for (int n = 1; n < SPAN; n++) {
		char t[SPAN + 8];
		memset(t, 'x', sizeof t);
		memcpy(t, "a: ", 3);
		t[3 + n] = ' ';
		t[4 + n] = '\n';
		refused_n(t, 5 + (size_t)n); /* "a: xx \n" */
		refused_n(t, 4 + (size_t)n); /* "a: xx " at the end */
		t[4 + n] = 'y';
		assert_true(same_both_ways(t, 5 + (size_t)n, 1, DEPTH));
	}
}

/* Whether the text, with c for its '@', is taken (and the same). */
static bool taken(const char *text, int c)
{
	char t[32];
	size_t n = strlen(text);
	memcpy(t, text, n);
	t[strchr(text, '@') - text] = (char)c;
	return same_both_ways(t, n, 1, DEPTH);
}

/*
 * Every printable byte first in a plain scalar (a value, a flow item, a
 * list item) and first in and inside a key: taken exactly for the signs
 * the subset allows there, and the same as libyaml's either way.
 */
static void first_bytes(void **state)
{
	(void)state;
	for (int c = ' '; c <= '~'; c++) {
		bool plain = isalnum(c) || strchr("_./($+~=-", c);
		/* a blank there is one more before the scalar */
		assert_int_equal(taken("a: @x\n", c), plain || c == ' ');
		assert_int_equal(taken("a: [@x]\n", c), plain);
		assert_int_equal(taken("a:\n- @x\n", c), plain || c == ' ');
		assert_int_equal(taken("a:\n  - @x\nb: 1\n", c),
				 plain || c == ' ');
		assert_int_equal(taken("@x: 1\n", c), isalnum(c) || c == '_');
		assert_int_equal(taken("a@b: 1\n", c),
				 isalnum(c) || strchr("_-. ", c));
	}
}

/* Every text of len pieces (with repeats) is the same both ways. */
static void all_texts(const char *const *pieces, int np, int len)
{
	char buf[64];
	long n = 1;
	for (int i = 0; i < len; i++)
		n *= np;
	for (long k = 0; k < n; k++) {
		long v = k;
		size_t tl = 0;
		for (int i = 0; i < len; i++, v /= np) {
			const char *p = pieces[v % np];
			memcpy(buf + tl, p, strlen(p));
			tl += strlen(p);
		}
		(void)same_both_ways(buf, tl, 1, DEPTH);
	}
}

/*
 * Every text made of a few pieces, taken or not, is the same both ways:
 * the pieces are the subset's signs and its neighbours', five at a time,
 * and with the signs that start something else, four at a time.
 */
static void combinations(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"a", ":",   " ",   "\n",   "-",	 "\"", "[",    "]",
		",", "---", "x y", "\r\n", "\r", "#",  "&",    "!",
		"'", "\\",  "{",   "}",	   "?",	 "|",  "a: x",
	};
	enum { NP = sizeof pieces / sizeof *pieces, NP_SUBSET = 13 };
	all_texts(pieces, NP_SUBSET, 5);
	all_texts(pieces, NP, 4);
}

/* The events themselves: scalars point into the text, marks from 0. */
static void events(void **state)
{
	(void)state;
	rg_yfast_events ev = {0};
	const char *t = "a:\nb: [x]\n";
	assert_true(rg_yfast_scan(t, strlen(t), &ev));
	assert_int_equal(ev.n, 10); /* map a "" b seq x ends doc stream */
	assert_int_equal(ev.v[2].kind, RG_YF_SCALAR);
	assert_int_equal(ev.v[2].line, 0);
	assert_int_equal(ev.v[2].col, 2);
	assert_ptr_equal(ev.v[5].s, t + 7);
	assert_int_equal(ev.v[9].kind, RG_YF_STREAM_END);
	RG_VEC_FREE(ev);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(corpus_shapes),
		cmocka_unit_test(refused_shapes),
		cmocka_unit_test(places_and_depth),
		cmocka_unit_test(bytes),
		cmocka_unit_test(first_bytes),
		cmocka_unit_test(combinations),
		cmocka_unit_test(events),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
