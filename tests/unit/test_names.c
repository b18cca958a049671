/*
 * test_names: how references compare (notes format, "References"):
 * wiki-link targets ([[T]], [[T|x]], [[a/b/T]], [[T#h]]) and plain text;
 * trimming, NFC and full case folding with the bytewise fallback for
 * text that is not UTF-8; edit distance over code points and the "did
 * you mean" index.
 */
#include "testlib.h"

#include "refgraph/names.h"
#include "refgraph/near.h"

#include <utf8proc.h>

static char *target(const char *s)
{
	size_t b, n;
	if (!rg_names_ref_target(s, strlen(s), &b, &n))
		return NULL;
	assert_true(b + n <= strlen(s)); /* a slice of s */
	return strndup(s + b, n);
}

static void targets(void **state)
{
	(void)state;
	const char *cases[][2] = {
		{"[[Ann Lee]]", "Ann Lee"},
		{"[[Ann Lee|Ann]]", "Ann Lee"},
		{"[[people/Ann Lee]]", "Ann Lee"},
		{"[[a/b/Ann Lee]]", "Ann Lee"},
		{"[[Ann Lee#Notes]]", "Ann Lee"},
		{"[[Ann Lee#Notes|her]]", "Ann Lee"},
		{"[[a/b/Ann Lee#x|y]]", "Ann Lee"},
		{"[[a/Ann Lee#x/y]]", "Ann Lee"}, /* a '/' in the heading */
		{"[[Ann Lee|a/b]]", "Ann Lee"},	  /* a '/' in the shown text */
		{"[[Zo\xc3\xab]]", "Zo\xc3\xab"},
		{"  Ann Lee  ", "Ann Lee"},
		{"\tAnn\n", "Ann"},
		{"Ann Lee", "Ann Lee"},
		{"people/Ann", "people/Ann"}, /* plain text is taken whole */
		{"Ann #1", "Ann #1"},
		{"A|B", "A|B"},
		{"[[ Ann ]] (her CPA)", "Ann"},
		{"see [[Bob]] and [[Cy]]", "Bob"},
		{"[[unclosed", "[[unclosed"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *t = target(cases[i][0]);
		assert_non_null(t);
		assert_string_equal(t, cases[i][1]);
		free(t);
	}
	assert_null(target(""));
	assert_null(target("   "));
	assert_null(target("[[]]"));
	assert_null(target("[[|x]]"));
	assert_null(target("[[#h]]"));
	assert_null(target("[[a/]]"));
	/* the slice points into s */
	const char *s = "x [[a/Bob#h|B]] y";
	size_t b, n;
	assert_true(rg_names_ref_target(s, strlen(s), &b, &n));
	assert_int_equal(b, 6);
	assert_int_equal(n, 3);
	/* only s[0..n) is read: the closing ]] is outside */
	assert_true(rg_names_ref_target("[[Ann]]", 6, &b, &n));
	assert_int_equal(n, 6);
}

static void folding(void **state)
{
	(void)state;
	char *a = rg_names_fold("Zo\xc3\xab", 4);  /* precomposed ë */
	char *b = rg_names_fold("ZOE\xcc\x88", 5); /* E + combining diaeresis */
	char *c = rg_names_fold(" Strau\xc3\x9f ", 9); /* ß */
	char *d = rg_names_fold("STRAUSS", 7);
	char *e = rg_names_fold("STRASSE", 7);
	char *a2 = rg_names_fold("ZO\xc3\x8b", 4); /* precomposed Ë */
	assert_string_equal(a, "zo\xc3\xab");	   /* folded and composed */
	assert_string_equal(a, b);
	assert_string_equal(a, a2);
	assert_string_equal(c, d);
	assert_string_equal(c, "strauss");
	assert_string_equal(e, "strasse");
	assert_string_not_equal(c, e); /* full folding: Strauß is not Straße */
	char *f = rg_names_fold("AB\xff",
				3); /* not UTF-8: bytewise, ASCII only */
	assert_string_equal(f, "ab\xff");
	char *f2 =
		rg_names_fold(" \xc3\x89X\xc3 ", 6); /* É, X, a cut sequence */
	assert_string_equal(f2, "\xc3\x89x\xc3");
	char *g = rg_names_nfc("Zoe\xcc\x88", 5);
	assert_string_equal(g, "Zo\xc3\xab");
	char *g2 = rg_names_nfc(" ZOE\xcc\x88 ", 7); /* NFC only: case kept */
	assert_string_equal(g2, "ZO\xc3\x8b");
	char *h2 = rg_names_fold("\xc3\x85NGSTR\xc3\x96M", 10); /* ÅNGSTRÖM */
	assert_string_equal(h2, "\xc3\xa5ngstr\xc3\xb6m");
	free(a);
	free(a2);
	free(b);
	free(c);
	free(d);
	free(e);
	free(f);
	free(f2);
	free(g);
	free(g2);
	free(h2);
	/* white space and no-break spaces mixed at the ends: all trimmed */
	const char *nb = "\xc2\xa0 Ann \xc2\xa0 \xc2\xa0";
	char *h = rg_names_fold(nb, strlen(nb));
	assert_string_equal(h, "ann");
	free(h);
	/* inside, white space is kept */
	h = rg_names_fold("Ann  Lee", 8);
	assert_string_equal(h, "ann  lee");
	free(h);
	h = rg_names_fold("   ", 3);
	assert_string_equal(h, "");
	free(h);
	/* only s[0..n) */
	h = rg_names_fold("ABCDEF", 3);
	assert_string_equal(h, "abc");
	free(h);
	assert_true(rg_names_utf8_valid("Zo\xc3\xab", 4));
	assert_true(rg_names_utf8_valid("", 0));
	assert_true(rg_names_utf8_valid("\xf0\x9f\x93\x85", 4));
	assert_false(rg_names_utf8_valid("Zo\xc3", 3));
	assert_false(rg_names_utf8_valid("\xff", 1));
	assert_false(rg_names_utf8_valid("\xc0\xaf", 2));     /* overlong */
	assert_false(rg_names_utf8_valid("\xed\xa0\x80", 3)); /* a surrogate */
}

/* Both ways of folding agree on s[0..n). */
static void same_fold(const char *s, size_t n)
{
	char *fast = rg_names_fold(s, n);
	char *slow = rg_names_fold_utf8proc(s, n);
	assert_string_equal(fast, slow);
	free(fast);
	free(slow);
}

/*
 * ASCII is folded without utf8proc: lower case and trim, nothing else.
 * Every ASCII byte alone and in every pair, and pseudo-random ASCII
 * strings with blanks at either end and NULs inside, give what utf8proc
 * gives.
 */
static void ascii_way(void **state)
{
	(void)state;
	enum { ASCII = 128, RANDOM = 20000, MAXLEN = 12 };
	char s[MAXLEN + 1];
	for (int a = 0; a < ASCII; a++) {
		s[0] = (char)a;
		same_fold(s, 1);
		for (int b = 0; b < ASCII; b++) {
			s[1] = (char)b;
			same_fold(s, 2);
		}
	}
	uint32_t x = 12345; /* a fixed LCG: the same strings every run */
	for (int k = 0; k < RANDOM; k++) {
		size_t n = 0, len = (size_t)(k % MAXLEN) + 1;
		for (; n < len; n++) {
			x = x * 1664525u + 1013904223u;
			s[n] = (char)((x >> 24) % ASCII);
		}
		same_fold(s, n);
	}
	char *p = rg_names_fold("  Ann LEE\t", 10);
	assert_string_equal(p, "ann lee");
	free(p);
	/* a NUL ends the text before trimming: folding is idempotent */
	p = rg_names_fold("\x01\n\0", 3);
	assert_string_equal(p, "\x01");
	free(p);
	p = rg_names_fold("Ann \0x", 6);
	assert_string_equal(p, "ann");
	free(p);
}

static void distance(void **state)
{
	(void)state;
	assert_int_equal(rg_names_edit_distance("ann lee", "ann lee", 2), 0);
	assert_int_equal(rg_names_edit_distance("ann lee", "anne lee", 2), 1);
	assert_int_equal(rg_names_edit_distance("ann lee", "ann le", 2), 1);
	assert_int_equal(rg_names_edit_distance("ann lee", "ann lie", 2), 1);
	assert_int_equal(rg_names_edit_distance("", "", 2), 0);
	assert_int_equal(rg_names_edit_distance("", "abc", 5), 3);
	assert_int_equal(rg_names_edit_distance("abc", "", 5), 3);
	/* code points, not bytes */
	assert_int_equal(rg_names_edit_distance("zo\xc3\xab", "zoe", 2), 1);
	assert_int_equal(rg_names_edit_distance("zo\xc3\xab", "zo\xc3\xa9", 2),
			 1);
	assert_int_equal(rg_names_edit_distance("\xc3\xa5\xc3\xb6", "ao", 5),
			 2);
	assert_int_equal(rg_names_edit_distance("kitten", "sitting", 5), 3);
	assert_int_equal(rg_names_edit_distance("sitting", "kitten", 5), 3);
	/* past the limit: limit + 1 */
	assert_int_equal(rg_names_edit_distance("kitten", "sitting", 2), 3);
	assert_int_equal(rg_names_edit_distance("a", "abcdef", 2), 3);
	assert_int_equal(rg_names_edit_distance("abcdef", "uvwxyz", 1), 2);
	assert_int_equal(rg_names_edit_distance("abc", "xyz", 0), 1);
	assert_int_equal(rg_names_edit_distance("abc", "abc", 0), 0);
}

static void near(void **state)
{
	(void)state;
	rg_near *nx = rg_near_new();
	/* empty index */
	assert_null(rg_near_find(nx, "dana whitfeld"));
	rg_near_add(nx, "dana whitfield", "Dana Whitfield");
	rg_near_add(nx, "marco ruiz", "Marco Ruiz");
	rg_near_add(nx, "bob", "Bob"); /* too short to suggest */
	rg_near_add(nx, "anne", "Anne");
	assert_string_equal(rg_near_find(nx, "dana whitfeld"),
			    "Dana Whitfield");
	assert_string_equal(rg_near_find(nx, "dana witfeld"), "Dana Whitfield");
	assert_string_equal(rg_near_find(nx, "marko ruiz"), "Marco Ruiz");
	assert_null(
		rg_near_find(nx, "marco ruiz")); /* equal is no suggestion */
	assert_null(rg_near_find(nx, "dana whitmore"));
	assert_null(rg_near_find(nx, "bop"));
	/* four to seven code points: one edit allowed, not two */
	assert_string_equal(rg_near_find(nx, "anna"), "Anne");
	assert_null(rg_near_find(nx, "bnna"));
	/* one multi-byte substitution */
	rg_near_add(nx, "zo\xc3\xab brandt", "Zo\xc3\xab Brandt");
	assert_string_equal(rg_near_find(nx, "zoe brandt"),
			    "Zo\xc3\xab Brandt");
	assert_string_equal(rg_near_find(nx, "zo\xc3\xab brand"),
			    "Zo\xc3\xab Brandt");
	rg_near_free(nx);
	/* the nearest wins, whatever the order of adding */
	nx = rg_near_new();
	rg_near_add(nx, "robert smyth", "Robert Smyth");
	rg_near_add(nx, "robert smith", "Robert Smith");
	assert_string_equal(rg_near_find(nx, "robert smithe"), "Robert Smith");
	assert_string_equal(rg_near_find(nx, "robert smythe"), "Robert Smyth");
	/* the same query twice gives the same answer */
	assert_string_equal(rg_near_find(nx, "robert smithe"), "Robert Smith");
	/* added after a query: still found */
	rg_near_add(nx, "carla mendes", "Carla Mendes");
	assert_string_equal(rg_near_find(nx, "karla mendes"), "Carla Mendes");
	rg_near_free(nx);
	rg_near_free(NULL);
}

/* Two edits on multi-byte letters are still two edits (fixed: the index
 * deleted bytes, not code points). */
static void near_multibyte(void **state)
{
	(void)state;
	rg_near *nx = rg_near_new();
	rg_near_add(nx, "zo\xc3\xab brandt", "Zo\xc3\xab Brandt");
	const char *q = "zoe br\xc3\xa4ndt"; /* ë -> e, a -> ä: 2 edits */
	assert_int_equal(rg_names_edit_distance("zo\xc3\xab brandt", q, 2), 2);
	const char *found = rg_near_find(nx, q);
	char *got = found ? strdup(found) : NULL;
	/* three edits: too far */
	const char *far = rg_near_find(nx, "zoe br\xc3\xa4nd\xc3\xbe");
	rg_near_free(nx); /* before asserting: no leak when it fails */
	assert_non_null(got);
	assert_string_equal(got, "Zo\xc3\xab Brandt");
	assert_null(far);
	free(got);
}

/* Long names are measured whole (fixed: cut at 128 code points). */
static void distance_long(void **state)
{
	(void)state;
	char a[400], b[400];
	memset(a, 'a', 300);
	a[300] = '\0';
	memcpy(b, a, sizeof a);
	b[299] = 'b';
	assert_int_equal(rg_names_edit_distance(a, b, 2), 1);
	b[129] = 'c';
	assert_int_equal(rg_names_edit_distance(a, b, 2), 2);
	b[200] = 'c';
	assert_int_equal(rg_names_edit_distance(a, b, 2), 3);
	assert_int_equal(rg_names_edit_distance(a, a, 2), 0);
	/* multi-byte, past 128 code points */
	char c[800], d[800];
	size_t k = 0;
	for (int i = 0; i < 200; i++) {
		c[k] = '\xc3';
		c[k + 1] = '\xab';
		k += 2;
	}
	c[k] = '\0';
	memcpy(d, c, k + 1);
	d[k - 1] = '\xa9'; /* the last ë becomes é */
	assert_int_equal(rg_names_edit_distance(c, d, 2), 1);
}

/* ==== Regressions: each was a bug (found by these tests), now fixed. ==== */

/*
 * Was bug names-3: trimming removes ASCII white space and U+00A0 only, not
 * the other Unicode white space (U+2003 EM SPACE, U+3000 IDEOGRAPHIC
 * SPACE, U+202F NARROW NO-BREAK SPACE ...), so "Ann" and "Ann<U+3000>"
 * are two contacts.  Notes format, References: "Two references are equal
 * when their targets are equal after trimming white space, Unicode NFC
 * normalisation and full Unicode case folding".
 */
static void bug_unicode_white_space(void **state)
{
	(void)state;
	const char *names[] = {
		"\xe3\x80\x80"
		"Ann"
		"\xe3\x80\x80",	   /* U+3000 */
		"Ann\xe2\x80\x83", /* U+2003 */
		"\xe2\x80\xaf"
		"Ann", /* U+202F */
	};
	char *got[3];
	size_t lens[3];
	for (size_t i = 0; i < 3; i++) {
		got[i] = rg_names_fold(names[i], strlen(names[i]));
		size_t b;
		rg_names_ref_target(names[i], strlen(names[i]), &b, &lens[i]);
	}
	bool ok[3];
	for (size_t i = 0; i < 3; i++) {
		ok[i] = strcmp(got[i], "ann") == 0;
		free(got[i]); /* before asserting: no leak when it fails */
	}
	for (size_t i = 0; i < 3; i++) {
		assert_true(ok[i]);
		assert_int_equal(lens[i], 3);
	}
}

/* Skeletons: invisible characters (format and control) always go;
 * punctuation and white space only for RG_NAMES_SKEL_PUNCT. */
/* Every ASCII character is left out of a skeleton as utf8proc's category
 * says (names.c decides ASCII without decoding it). */
static void skeletons_ascii(void **state)
{
	(void)state;
	for (int c = 1; c < 0x80; c++) {
		utf8proc_category_t cat = utf8proc_category(c);
		bool invisible = cat == UTF8PROC_CATEGORY_CC ||
				 cat == UTF8PROC_CATEGORY_CF;
		bool punct = invisible || cat == UTF8PROC_CATEGORY_PC ||
			     cat == UTF8PROC_CATEGORY_PD ||
			     cat == UTF8PROC_CATEGORY_PS ||
			     cat == UTF8PROC_CATEGORY_PE ||
			     cat == UTF8PROC_CATEGORY_PI ||
			     cat == UTF8PROC_CATEGORY_PF ||
			     cat == UTF8PROC_CATEGORY_PO ||
			     cat == UTF8PROC_CATEGORY_ZS;
		char in[4] = {'x', (char)c, 'y', '\0'};
		char *i = rg_names_skeleton(in, RG_NAMES_SKEL_INVISIBLE);
		char *p = rg_names_skeleton(in, RG_NAMES_SKEL_PUNCT);
		size_t li = strlen(i), lp = strlen(p);
		free(i);
		free(p);
		if (li != (invisible ? 2u : 3u) || lp != (punct ? 2u : 3u))
			fail_msg("ASCII 0x%02x: skeleton lengths %zu, %zu", c,
				 li, lp);
	}
}

static void skeletons(void **state)
{
	(void)state;
	char *a = rg_names_skeleton("dana whit\xe2\x80\x8b"
				    "field",
				    RG_NAMES_SKEL_INVISIBLE); /* ZWSP */
	assert_string_equal(a, "dana whitfield");
	char *b = rg_names_skeleton("\xe2\x80\xae"
				    "ann\xe2\x81\xa9",
				    RG_NAMES_SKEL_INVISIBLE); /* RLO, PDI */
	assert_string_equal(b, "ann");
	char *c =
		rg_names_skeleton("jo-ann o'lee, jr.", RG_NAMES_SKEL_INVISIBLE);
	assert_string_equal(c, "jo-ann o'lee, jr.");
	char *d = rg_names_skeleton("jo-ann o'lee, jr.", RG_NAMES_SKEL_PUNCT);
	assert_string_equal(d, "joannoleejr");
	char *e = rg_names_skeleton("zo\xc3\xab\xff", RG_NAMES_SKEL_PUNCT);
	assert_string_equal(e, "zo\xc3\xab\xff"); /* not UTF-8: kept */
	free(a);
	free(b);
	free(c);
	free(d);
	free(e);
}

/* "Did you mean" beyond edit distance: a look-alike (punctuation,
 * spaces, invisible characters), a known name before " (". */
static void near_v3(void **state)
{
	(void)state;
	rg_near *nx = rg_near_new();
	rg_near_add(nx, "bo", "Bo");
	rg_near_add(nx, "julia weiss", "Julia Weiss");
	rg_near_add(nx, "jo-ann lee", "Jo-Ann Lee");
	rg_near_add(nx, "joann lee", "JoAnn Lee 2"); /* same skeleton */
	assert_string_equal(rg_near_find(nx, "julia weiss (accountant)"),
			    "Julia Weiss");
	assert_string_equal(rg_near_find(nx, "bo (plumber)"), "Bo");
	assert_string_equal(rg_near_find(nx, "(bo)"), "Bo"); /* look-alike */
	assert_null(rg_near_find(nx, "bob (plumber)"));
	/* the first of one skeleton is suggested */
	assert_string_equal(rg_near_find(nx, "jo ann lee"), "Jo-Ann Lee");
	assert_string_equal(rg_near_find(nx, "julia\xe2\x80\x8b weiss"),
			    "Julia Weiss");
	assert_string_equal(rg_near_find(nx, "j.u.l.i.a. weiss!"),
			    "Julia Weiss");
	/* an exact name is no suggestion */
	assert_null(rg_near_find(nx, "joann lee"));
	rg_near_free(nx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(targets),
		cmocka_unit_test(folding),
		cmocka_unit_test(ascii_way),
		cmocka_unit_test(distance),
		cmocka_unit_test(near),
		cmocka_unit_test(near_multibyte),
		cmocka_unit_test(distance_long),
	};
	const struct CMUnitTest bugs[] = {
		cmocka_unit_test(bug_unicode_white_space),
		cmocka_unit_test(skeletons),
		cmocka_unit_test(skeletons_ascii),
		cmocka_unit_test(near_v3),
	};
	int failed = cmocka_run_group_tests_name("names", tests, NULL, NULL);
	failed += cmocka_run_group_tests_name("names: fixed bugs", bugs, NULL,
					      NULL);
	return failed;
}
