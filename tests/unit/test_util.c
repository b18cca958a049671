/*
 * test_util: the one definition of white space (ASCII blanks and every
 * Unicode space separator, at either end), ASCII lower case, the buffer,
 * the arena (reset for reuse, or made inside its owner's memory),
 * vectors that borrow their elements, formatting (short and long),
 * grouping, and every free accepting NULL.
 */
#include "testlib.h"

#include "refgraph/util.h"

/* s trimmed, as a new string for comparing. */
static char *trimmed(const char *s)
{
	static char out[128];
	size_t b = 0, e = strlen(s);
	rg_trim(s, &b, &e);
	snprintf(out, sizeof out, "%.*s", (int)(e - b), s + b);
	return out;
}

static void trim(void **state)
{
	(void)state;
	assert_string_equal(trimmed("  Ann Lee \t\r\n"), "Ann Lee");
	assert_string_equal(trimmed("\f\vx\v"), "x");
	/* no-break, en, thin, narrow no-break, ideographic: Zs */
	assert_string_equal(trimmed("\u00a0Ann\u00a0Lee\u2002"),
			    "Ann\u00a0Lee");
	assert_string_equal(trimmed("\u2009\u202fZo\u00eb\u3000"), "Zo\u00eb");
	/* not spaces: zero-width space (Cf), letters ending in 0xA0 bytes */
	assert_string_equal(trimmed("\u200bx\u200b"), "\u200bx\u200b");
	assert_string_equal(trimmed("\u00e0"), "\u00e0"); /* C3 A0 */
	assert_string_equal(trimmed(""), "");
	assert_string_equal(trimmed(" \u00a0 "), "");
	/* a broken sequence at the end is kept, not read past */
	assert_string_equal(trimmed("x\xc2"), "x\xc2");
	assert_int_equal(rg_space_len("\u00a0x", 3), 2);
	assert_int_equal(rg_space_len("\u00a0", 1), 0); /* cut short */
	assert_int_equal(rg_space_len("x ", 2), 0);
	assert_int_equal(rg_space_len("", 0), 0);
}

static void lower(void **state)
{
	(void)state;
	char s[] = "Former-CLIENT \xc3\x89t\xc3\xa9 Z";
	rg_ascii_lower(s, strlen(s));
	assert_string_equal(s, "former-client \xc3\x89t\xc3\xa9 z");
	char t[] = "ABC";
	rg_ascii_lower(t, 2); /* only s[0..n) */
	assert_string_equal(t, "abC");
}

static void buffers_and_arenas(void **state)
{
	(void)state;
	rg_buf b = {0};
	rg_buf_puts(&b, "a");
	rg_buf_putc(&b, 'b');
	rg_buf_printf(&b, "%d", 42);
	rg_buf_put(&b, "xyz", 2);
	assert_string_equal(b.s, "ab42xy");
	assert_int_equal(b.len, 6);
	rg_buf_free(&b);
	assert_null(b.s);
	rg_arena *a = rg_arena_new();
	char *big = rg_arena_alloc(a, 100000); /* larger than a chunk */
	memset(big, 'x', 100000);
	assert_string_equal(rg_arena_strndup(a, "hello", 4), "hell");
	rg_arena_free(a);
	/* every free accepts NULL */
	rg_arena_free(NULL);
	rg_buf_free(NULL);
	rg_file_free(NULL);
	rg_config_free(NULL);
}

static void grouping(void **state)
{
	(void)state;
	const int key[] = {2, 0, -1, 2, 1, 0};
	int *start, *idx;
	rg_group(key, 6, 3, &start, &idx);
	assert_int_equal(start[0], 0);
	assert_int_equal(start[1], 2);
	assert_int_equal(start[2], 3);
	assert_int_equal(start[3], 5);
	assert_int_equal(idx[0], 1);
	assert_int_equal(idx[1], 5);
	assert_int_equal(idx[2], 4);
	assert_int_equal(idx[3], 0);
	assert_int_equal(idx[4], 3);
	free(start);
	free(idx);
	assert_true(rg_strcmp_null(NULL, "a") < 0);
	assert_int_equal(rg_strcmp_null(NULL, NULL), 0);
}

/* A sized arena holds what it was sized for in its one chunk. */
static void sized_arena(void **state)
{
	(void)state;
	rg_arena *a = rg_arena_new_sized(rg_arena_need(3) + rg_arena_need(40));
	char *x = rg_arena_alloc(a, 3);
	char *y = rg_arena_alloc(a, 40);
	assert_ptr_equal(y, x + rg_arena_need(3));
	/* and then a new chunk, as any arena */
	assert_string_equal(rg_arena_strdup(a, "more"), "more");
	rg_arena_free(a);
	rg_arena *e = rg_arena_new_sized(0);
	assert_string_equal(rg_arena_strdup(e, "x"), "x");
	rg_arena_free(e);
}

/*
 * A reset arena starts again in the chunk it kept (the same memory,
 * nothing else allocated); one chunk larger than the arena makes by
 * itself is not kept.
 */
static void reset_arena(void **state)
{
	(void)state;
	rg_arena *a = rg_arena_new();
	for (int i = 0; i < 2000; i++) /* past the first chunks */
		rg_arena_strdup(a, "a string of some length");
	char *last = rg_arena_alloc(a, 8);
	rg_arena_reset(a);
	char *again = rg_arena_alloc(a, 8);
	/* the newest chunk is kept, and filled again from its start */
	assert_true(again <= last && last - again < 65536);
	memset(again, 'x', 8);
	assert_string_equal(rg_arena_strdup(a, "after"), "after");
	rg_arena_reset(a);
	assert_ptr_equal(rg_arena_alloc(a, 8), again);
	/* a huge chunk goes: the next allocation is in a new one */
	char *huge = rg_arena_alloc(a, (size_t)1 << 20);
	memset(huge, 0, (size_t)1 << 20);
	rg_arena_reset(a);
	assert_string_equal(rg_arena_strdup(a, "small"), "small");
	rg_arena_reset(a);
	rg_arena_reset(a); /* twice is fine, and so is an empty arena */
	rg_arena_free(a);
	rg_arena *e = rg_arena_new();
	rg_arena_reset(e);
	assert_string_equal(rg_arena_strdup(e, "x"), "x");
	rg_arena_free(e);
}

/* An arena in its owner's memory: used, cleared, used again. */
static void arena_in_place(void **state)
{
	(void)state;
	max_align_t mem[(RG_ARENA_SIZE + sizeof(max_align_t) - 1) /
			sizeof(max_align_t)];
	rg_arena *a = rg_arena_init(mem);
	assert_ptr_equal(a, (void *)mem);
	for (int i = 0; i < 100; i++)
		assert_string_equal(rg_arena_strdup(a, "text"), "text");
	rg_arena_clear(a);
	assert_string_equal(rg_arena_strdup(a, "again"), "again");
	rg_arena_clear(a);
	rg_arena_clear(a);
	rg_arena_clear(NULL);
}

/*
 * Formatting gives the same text whether it fits the stack buffer it is
 * tried in first or not: around that buffer's size and far past it.
 */
static void formats(void **state)
{
	(void)state;
	static const int lens[] = {0, 1, 200, 254, 255, 256, 257, 511, 5000};
	for (size_t i = 0; i < sizeof lens / sizeof *lens; i++) {
		int n = lens[i];
		char *want = malloc((size_t)n + 16);
		assert_non_null(want);
		for (int k = 0; k < n; k++)
			want[k] = (char)('a' + k % 26);
		want[n] = '\0';
		char *got = rg_asprintf("%s", want);
		assert_string_equal(got, want);
		free(got);
		/* a width, so the format, not the argument, makes it long */
		got = rg_asprintf("%*d|%s", n, 7, "end");
		assert_int_equal(strlen(got), (size_t)(n > 1 ? n : 1) + 4);
		assert_string_equal(got + strlen(got) - 5, "7|end");
		free(got);
		rg_buf b = {0};
		rg_buf_printf(&b, "<%s>", want);
		assert_int_equal(b.len, (size_t)n + 2);
		assert_memory_equal(b.s + 1, want, (size_t)n);
		rg_buf_free(&b);
		free(want);
	}
}

typedef RG_VEC(int) ints;

/*
 * A vector that does not own its elements (a capacity of 0 under
 * elements, as a packed file's) grows into an array of its own with
 * the same elements, and leaves the borrowed ones as they were.
 */
static void borrowed_vector(void **state)
{
	(void)state;
	int lent[5] = {1, 2, 3, 4, 5};
	ints v = {lent, 5, 0};
	*RG_VEC_PUSH(v) = 6;
	assert_ptr_not_equal(v.v, lent);
	assert_true(v.cap >= 6);
	assert_int_equal(v.n, 6);
	for (int i = 0; i < 6; i++)
		assert_int_equal(v.v[i], i + 1);
	for (int i = 7; i <= 100; i++) /* and then it grows as any */
		*RG_VEC_PUSH(v) = i;
	for (int i = 0; i < 100; i++)
		assert_int_equal(v.v[i], i + 1);
	assert_int_equal(lent[4], 5);
	RG_VEC_FREE(v);
	/* borrowed but emptied: the next element is the first */
	ints w = {lent, 0, 0};
	*RG_VEC_PUSH(w) = 9;
	assert_ptr_not_equal(w.v, lent);
	assert_int_equal(w.v[0], 9);
	assert_int_equal(lent[0], 1);
	RG_VEC_FREE(w);
	/* an owned vector is grown in place as before */
	ints o = {0};
	*RG_VEC_PUSH(o) = 1;
	assert_int_equal(o.cap, 8);
	RG_VEC_FREE(o);
}

/* The ASCII run ends at the first byte with its top bit set, in a
 * word or in the bytes after the last whole word. */
static void ascii_run(void **state)
{
	(void)state;
	assert_int_equal(rg_ascii_run("", 0), 0);
	assert_int_equal(rg_ascii_run("plain", 5), 5);
	assert_int_equal(rg_ascii_run("sixteen bytes ok", 16), 16);
	assert_int_equal(rg_ascii_run("seven\xc3\xa9", 7), 5);
	assert_int_equal(rg_ascii_run("eight by\xe2\x80\x94", 11), 8);
	assert_int_equal(rg_ascii_run("a longer line\x80 that goes on",
				      strlen("a longer line\x80 that goes on")),
			 13);
	assert_int_equal(rg_ascii_run("\xff", 1), 0);
	/* n is the end, not a NUL */
	assert_int_equal(rg_ascii_run("abc\0def\x90", 8), 7);
}

/* The valid prefix ends at the first byte utf8proc will not decode:
 * a stray continuation, an overlong form, a surrogate, a cut character,
 * past ASCII runs of a word or more. */
static void utf8_prefix(void **state)
{
	(void)state;
	const struct {
		const char *s;
		size_t n, want;
	} cases[] = {
		{"", 0, 0},
		{"plain ascii, longer than a word", 31, 31},
		{"Zo\xc3\xab \xe2\x80\x94 \xf0\x9f\x98\x80", 13, 13},
		{"ab\xff-cd", 6, 2},
		{"\x80", 1, 0},
		{"over \xc0\xaf", 7, 5},		/* overlong '/' */
		{"sur \xed\xa0\x80", 7, 4},		/* a UTF-16 surrogate */
		{"cut \xe2\x82", 6, 4},			/* two bytes of three */
		{"\xc3\xa9\xc3\xa9 then \xfe", 11, 10}, /* after non-ASCII */
		{"sixteen bytes ok and then\x81", 26, 25},
		{"nul\0inside", 10, 10}, /* n is the end, not a NUL */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		assert_int_equal(rg_utf8_valid_prefix(cases[i].s, cases[i].n),
				 cases[i].want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(trim),
		cmocka_unit_test(lower),
		cmocka_unit_test(buffers_and_arenas),
		cmocka_unit_test(grouping),
		cmocka_unit_test(sized_arena),
		cmocka_unit_test(ascii_run),
		cmocka_unit_test(utf8_prefix),
		cmocka_unit_test(reset_arena),
		cmocka_unit_test(arena_in_place),
		cmocka_unit_test(borrowed_vector),
		cmocka_unit_test(formats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
