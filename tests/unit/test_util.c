/*
 * test_util: the one definition of white space (ASCII blanks and every
 * Unicode space separator, at either end), ASCII lower case, the buffer,
 * the arena, grouping, and every free accepting NULL.
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(trim),
		cmocka_unit_test(lower),
		cmocka_unit_test(buffers_and_arenas),
		cmocka_unit_test(grouping),
		cmocka_unit_test(sized_arena),
		cmocka_unit_test(ascii_run),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
