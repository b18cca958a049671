/*
 * test_json: the one JSON string writer (rg_buf_put_json) every JSON
 * output goes through: escapes, control characters as \u escapes, bytes
 * that are not UTF-8 as U+FFFD one byte at a time (a sequence cut short
 * by the end of the string too), and the buffer's own appends.
 */
#include "testlib.h"

#include "refgraph/util.h"

static void is_json(const char *in, const char *want)
{
	rg_buf b = {0};
	rg_buf_put_json(&b, in);
	assert_string_equal(b.s, want);
	assert_int_equal(b.len, strlen(want));
	rg_buf_free(&b);
}

static void escapes(void **state)
{
	(void)state;
	is_json(NULL, "null");
	is_json("", "\"\"");
	is_json("Ann Lee", "\"Ann Lee\"");
	is_json("say \"hi\" \\ bye", "\"say \\\"hi\\\" \\\\ bye\"");
	is_json("a\nb\rc\td\be\ff", "\"a\\nb\\rc\\td\\be\\ff\"");
	is_json("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"");
	/* C1 (U+0085, U+009B) and the line and paragraph separators */
	is_json("\xc2\x85\xc2\x9b", "\"\\u0085\\u009b\"");
	is_json("a\xe2\x80\xa8"
		"b\xe2\x80\xa9",
		"\"a\\u2028b\\u2029\"");
	/* characters that need no escape stay as they are */
	is_json("Zoë 😀 €", "\"Zoë 😀 €\"");
}

static void not_utf8(void **state)
{
	(void)state;
	is_json("\x80", "\"\\ufffd\"");
	is_json("a\xff"
		"b",
		"\"a\\ufffdb\"");
	/* a sequence cut short by the end of the string: each byte alone */
	is_json("x\xf0\x9f", "\"x\\ufffd\\ufffd\"");
	is_json("x\xf0\x9f\x98", "\"x\\ufffd\\ufffd\\ufffd\"");
	is_json("\xe2\x82", "\"\\ufffd\\ufffd\"");
	/* cut short by a byte that does not continue it */
	is_json("\xe2\x82x", "\"\\ufffd\\ufffdx\"");
	/* overlong and surrogate forms are not UTF-8 either */
	is_json("\xc0\xaf", "\"\\ufffd\\ufffd\"");
	is_json("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"");
}

/* Pieces of every size from an empty buffer: the text is whole and ends
 * with a NUL however the room grew. */
static void appends(void **state)
{
	(void)state;
	rg_buf b = {0};
	char want[4096];
	size_t n = 0;
	for (size_t k = 0; n + k + 1 < sizeof want; k++) {
		char piece[64];
		size_t len = k % sizeof piece;
		for (size_t i = 0; i < len; i++)
			piece[i] = (char)('a' + (k + i) % 26);
		if (len == 1)
			rg_buf_putc(&b, piece[0]);
		else
			rg_buf_put(&b, piece, len);
		memcpy(want + n, piece, len);
		n += len;
		assert_int_equal(b.len, n);
		assert_true(b.cap > b.len);
		assert_int_equal(b.s[b.len], '\0');
	}
	want[n] = '\0';
	assert_memory_equal(b.s, want, n + 1);
	rg_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escapes),
		cmocka_unit_test(not_utf8),
		cmocka_unit_test(appends),
	};
	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
