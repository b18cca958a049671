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

/* A packed arena is one block with the same bytes; addresses move. */
static void packed_arena(void **state)
{
	(void)state;
	rg_arena *a = rg_arena_new();
	char *s[200];
	for (int i = 0; i < 200; i++) /* several chunks */
		s[i] = rg_arena_strdup(a, i % 2 ? "one string" : "another");
	static const char lit[] = "not in the arena";
	rg_arena *p = rg_arena_pack(a, rg_arena_need(5));
	for (int i = 0; i < 200; i++) {
		const char *m = rg_arena_moved(a, p, s[i]);
		assert_ptr_not_equal(m, s[i]);
		assert_string_equal(m, i % 2 ? "one string" : "another");
	}
	assert_ptr_equal(rg_arena_moved(a, p, lit), lit);
	assert_null(rg_arena_moved(a, p, NULL));
	/* the room asked for is there, and then a new chunk follows */
	assert_non_null(rg_arena_alloc(p, 5));
	assert_string_equal(rg_arena_strdup(p, "more"), "more");
	rg_arena_free(a);
	rg_arena_free(p);
	rg_arena *e = rg_arena_new();
	rg_arena *pe = rg_arena_pack(e, 0);
	assert_string_equal(rg_arena_strdup(pe, "x"), "x");
	rg_arena_free(e);
	rg_arena_free(pe);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(trim),
		cmocka_unit_test(lower),
		cmocka_unit_test(buffers_and_arenas),
		cmocka_unit_test(grouping),
		cmocka_unit_test(packed_arena),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
