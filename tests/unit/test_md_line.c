/*
 * test_md_line: the line reader's wiki-link match, written by hand, finds
 * what the pattern \[\[([^\[\]\n]*)\]\] finds with pcre2 (the leftmost
 * match and its group), from every start offset of every string of up to
 * seven symbols of an alphabet made of the bytes that decide, a letter
 * and a two-byte character.
 */
#include "testlib.h"

#include "refgraph/md_line.h"

/* The pattern md_line's wiki-links were matched with by pcre2. */
#define LINK_PATTERN "\\[\\[([^\\[\\]\\n]*)\\]\\]"

enum { LONGEST = 7 };

static const char *const alphabet[] = {"[", "]", "\n", "a", "\xc3\xa9"};
enum { SYMBOLS = sizeof alphabet / sizeof *alphabet };

typedef struct ref {
	pcre2_code *re;
	pcre2_match_data *md;
	size_t tried;
} ref;

/* Every start offset of s[0..n) (at a character), both ways. */
static void compare(ref *r, const char *s, size_t n)
{
	rg_file *f = rg_file_new("n.md");
	char *m = strndup(s, n);
	rg_md_line L;
	rg_md_line_init(&L, f, s, m, n, 1);
	for (size_t from = 0; from <= n; from++) {
		if (from < n && ((unsigned char)s[from] & 0xC0) == 0x80)
			continue;
		int rc = pcre2_match(r->re, (PCRE2_SPTR)s, n, from, 0, r->md,
				     NULL);
		bool hit = rg_md_line_match(&L, RG_MD_PAT_LINK, m, n, from);
		PCRE2_SIZE *want = pcre2_get_ovector_pointer(r->md);
		size_t *got = rg_md_line_ov(&L);
		bool same = hit == (rc > 0);
		for (int k = 0; same && hit && k < 4; k++)
			same = got[k] == want[k];
		if (!same)
			fail_msg("\"%.*s\" from %zu: pcre2 %d, by hand %d",
				 (int)n, s, from, rc, hit);
		r->tried++;
	}
	rg_md_line_free(&L);
	free(m);
	rg_file_free(f);
}

/* Every string of len symbols, each after buf[0..n). */
static void every(ref *r, char *buf, size_t n, int len)
{
	compare(r, buf, n);
	if (len == 0)
		return;
	for (int i = 0; i < SYMBOLS; i++) {
		size_t k = strlen(alphabet[i]);
		memcpy(buf + n, alphabet[i], k);
		every(r, buf, n + k, len - 1);
	}
}

static void link_match_as_pcre2(void **state)
{
	(void)state;
	int err;
	PCRE2_SIZE off;
	ref r = {0};
	r.re = pcre2_compile((PCRE2_SPTR)LINK_PATTERN, PCRE2_ZERO_TERMINATED,
			     PCRE2_UTF | PCRE2_UCP, &err, &off, NULL);
	r.md = pcre2_match_data_create(4, NULL);
	assert_non_null(r.re);
	char buf[LONGEST * 2 + 1];
	every(&r, buf, 0, LONGEST);
	/* longer ones: links after failed starts, a long unclosed one */
	const char *lines[] = {
		"[[a]] [[b|c]] [[[d]]] [[e]x]] [[f]]",
		"[[a\n[[b]]",
		"x [[ [[ [[ ]] ]]",
		"[[[[[[[[a]]]]]]]]",
		"[a]] [[b] [[c]]",
		"[[\xc3\xa9|\xc3\xa9]]]",
	};
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
		compare(&r, lines[i], strlen(lines[i]));
	assert_true(r.tried > 100000);
	pcre2_match_data_free(r.md);
	pcre2_code_free(r.re);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(link_match_as_pcre2),
	};
	return cmocka_run_group_tests_name("md_line", tests, NULL, NULL);
}
