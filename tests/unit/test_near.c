/*
 * test_near: the "did you mean" index: which known name is suggested,
 * ties (the first added wins), the bound on the names compared, many
 * queries answered at once, and a randomized comparison with the rules
 * written the plain way (near_ref.h).
 */
#include "testlib.h"

#include "refgraph/names.h"
#include "refgraph/near.h"

#include "near_ref.h"

/* Of two known names at one distance, the first added is suggested. */
static void ties(void **state)
{
	(void)state;
	rg_near *a = rg_near_new(), *b = rg_near_new();
	rg_near_add(a, "robert smith", "Smith");
	rg_near_add(a, "robert smyth", "Smyth");
	rg_near_add(b, "robert smyth", "Smyth");
	rg_near_add(b, "robert smith", "Smith");
	/* smoth: one edit from both */
	assert_string_equal(rg_near_find(a, "robert smoth"), "Smith");
	assert_string_equal(rg_near_find(b, "robert smoth"), "Smyth");
	/* nearer beats earlier: smithe is one from smith, two from smyth */
	assert_string_equal(rg_near_find(b, "robert smithe"), "Smith");
	/* equal keys: the first display text */
	rg_near_add(a, "robert smith", "Smith 2");
	assert_string_equal(rg_near_find(a, "robert smiht"), "Smith");
	/* one skeleton: the first added, before any distance */
	rg_near_add(b, "jo-ann lee", "Jo-Ann");
	rg_near_add(b, "jo ann lee", "Jo Ann");
	rg_near_add(b, "joann lea", "JoAnn Lea");
	assert_string_equal(rg_near_find(b, "joann lee"), "Jo-Ann");
	rg_near_free(a);
	rg_near_free(b);
}

/* Names compared by distance stop once the names before them have 2^22
 * deletion variants; the other ways still find later names.  lead is put
 * before every long name: a stray continuation byte there is a code
 * point of its own for the count, as for the variants. */
static void bound_with(const char *lead)
{
	rg_near *nx = rg_near_new();
	char key[65], shown[16];
	size_t l = strlen(lead);
	/* a name of 64 code points has 1 + 64 + 64 * 63 / 2 = 2081 variants:
	 * 2015 of them stay under 2^22, the 2016th (added) passes it */
	for (int i = 0; i < 2016; i++) {
		memcpy(key, lead, l);
		for (size_t j = l; j < 64; j++)
			key[j] = (char)('a' + (i >> (j % 11)) % 26);
		key[64] = '\0';
		snprintf(shown, sizeof shown, "k%d", i);
		rg_near_add(nx, key, shown);
	}
	rg_near_add(nx, "dana whitfield", "Dana Whitfield");
	assert_null(rg_near_find(nx, "dana whitfeld"));
	assert_string_equal(rg_near_find(nx, "dana-whitfield"),
			    "Dana Whitfield");
	assert_string_equal(rg_near_find(nx, "dana whitfield (cpa)"),
			    "Dana Whitfield");
	/* the last name under the bound is still compared */
	key[63] = key[63] == 'z' ? 'y' : 'z';
	assert_string_equal(rg_near_find(nx, key), "k2015");
	rg_near_free(nx);
}

static void bound(void **state)
{
	(void)state;
	bound_with("");
	bound_with("\x80");
}

/* Many queries at once answer as each alone. */
static void find_all(void **state)
{
	(void)state;
	rg_near *nx = rg_near_new();
	rg_near_add(nx, "dana whitfield", "Dana Whitfield");
	rg_near_add(nx, "marco ruiz", "Marco Ruiz");
	rg_near_add(nx, "anne", "Anne");
	rg_near_add(nx, "zo\xc3\xab brandt", "Zo\xc3\xab Brandt");
	const char *q[] = {"dana whitfeld",  "marko ruiz", "anna", "marco ruiz",
			   "dana whitfeld",  "zoe brandt", "bnna", "",
			   "marco ruiz (x)", "anne"};
	size_t n = sizeof q / sizeof *q;
	const char *got[sizeof q / sizeof *q];
	rg_near_find_all(nx, q, n, got);
	for (size_t i = 0; i < n; i++) {
		const char *one = rg_near_find(nx, q[i]);
		if (one == NULL)
			assert_null(got[i]);
		else
			assert_string_equal(got[i], one);
	}
	assert_string_equal(got[0], "Dana Whitfield");
	assert_string_equal(got[4], "Dana Whitfield");
	assert_string_equal(got[5], "Zo\xc3\xab Brandt");
	assert_null(got[3]);
	assert_null(got[6]);
	assert_null(got[7]);
	assert_string_equal(got[8], "Marco Ruiz");
	rg_near_find_all(nx, NULL, 0, NULL);
	rg_near_free(nx);
	/* no known names */
	nx = rg_near_new();
	rg_near_find_all(nx, q, n, got);
	for (size_t i = 0; i < n; i++)
		assert_null(got[i]);
	rg_near_free(nx);
}

/* ---- randomized: near.c against near_ref.h ---- */

static uint64_t rnd_state;

static unsigned rnd(unsigned n)
{
	rnd_state = rnd_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((rnd_state >> 33) % n);
}

/* Pieces names are made of: letters, repeated letters, multi-byte
 * letters, punctuation, a zero-width space, bytes that are not UTF-8. */
static const char *const piece[] = {"a",
				    "a",
				    "b",
				    "e",
				    "n",
				    "o",
				    "r",
				    "s",
				    " ",
				    " ",
				    "-",
				    ".",
				    "(",
				    " (",
				    "\xc3\xab",
				    "\xc3\xa4",
				    "\xe2\x80\x8b",
				    "\x80",
				    "\xc3",
				    "aa"};

static void rnd_name(char *out, size_t cap)
{
	size_t n = 0, parts = 1 + rnd(rnd(4) == 0 ? 30 : 12);
	for (size_t i = 0; i < parts; i++) {
		const char *p = piece[rnd(sizeof piece / sizeof *piece)];
		size_t l = strlen(p);
		if (n + l >= cap)
			break;
		memcpy(out + n, p, l);
		n += l;
	}
	out[n] = '\0';
}

/* name with a few bytes deleted, inserted or changed */
static void rnd_edit(const char *name, char *out, size_t cap)
{
	size_t n = strlen(name);
	memcpy(out, name, n + 1);
	for (unsigned e = rnd(4); e > 0; e--) {
		size_t at = n ? rnd((unsigned)n) : 0;
		unsigned op = rnd(3);
		if (op == 0 && n > 0) {
			memmove(out + at, out + at + 1, n - at);
			n--;
		} else if (op == 1 && n + 2 < cap) {
			memmove(out + at + 1, out + at, n - at + 1);
			out[at] = piece[rnd(8)][0];
			n++;
		} else if (n > 0) {
			out[at] = piece[rnd(8)][0];
		}
	}
	if (rnd(8) == 0 && n + 6 < cap)
		memcpy(out + n, " (cpa)", 7);
}

#define RND_ROUNDS  300
#define RND_KEYS    24
#define RND_QUERIES 24
#define RND_LEN	    80

static void randomized(void **state)
{
	(void)state;
	static char keys[RND_KEYS][RND_LEN], qs[RND_QUERIES][RND_LEN];
	rnd_state = 12;
	size_t suggested = 0;
	for (int round = 0; round < RND_ROUNDS; round++) {
		rg_near *nx = rg_near_new();
		near_ref r = {0};
		size_t nk = 1 + rnd(RND_KEYS);
		for (size_t k = 0; k < nk; k++) {
			if (k > 0 && rnd(5) == 0)
				rnd_edit(keys[rnd((unsigned)k)], keys[k],
					 RND_LEN);
			else
				rnd_name(keys[k], RND_LEN);
			rg_near_add(nx, keys[k], keys[k]);
			near_ref_add(&r, keys[k], keys[k]);
		}
		const char *q[RND_QUERIES], *got[RND_QUERIES];
		for (size_t i = 0; i < RND_QUERIES; i++) {
			rnd_edit(keys[rnd((unsigned)nk)], qs[i], RND_LEN);
			q[i] = qs[i];
		}
		rg_near_find_all(nx, q, RND_QUERIES, got);
		for (size_t i = 0; i < RND_QUERIES; i++) {
			const char *want = near_ref_find(&r, q[i]);
			if (want == NULL && got[i] != NULL)
				fail_msg("round %d: '%s': got '%s', want none",
					 round, q[i], got[i]);
			if (want != NULL &&
			    (got[i] == NULL || strcmp(got[i], want) != 0))
				fail_msg("round %d: '%s': got '%s', want '%s'",
					 round, q[i], got[i] ? got[i] : "none",
					 want);
			suggested += want != NULL;
		}
		near_ref_free(&r);
		rg_near_free(nx);
	}
	/* the rounds reach every way of suggesting, not only none */
	assert_true(suggested > RND_ROUNDS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ties),
		cmocka_unit_test(bound),
		cmocka_unit_test(find_all),
		cmocka_unit_test(randomized),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
