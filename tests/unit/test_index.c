/*
 * test_index: the string-to-ints map of the graph's lookups: values kept
 * in the order added and never twice, keys copied, every key met once by
 * a walk over the slots, and lookups that stay right as the table grows
 * through many keys that share their first bytes.
 */
#include "testlib.h"

#include <stdio.h>

#include "refgraph/index.h"

/* The values under key, in order, into out (at most max); their count. */
static size_t values(const rg_index *m, const char *key, int *out, size_t max)
{
	size_t n = 0;
	for (int e = rg_index_get(m, key); e >= 0; e = m->e.v[e].next)
		if (n < max)
			out[n++] = rg_index_value(m, e);
	return n;
}

static void empty(void **state)
{
	(void)state;
	rg_index m = {0};
	assert_int_equal(rg_index_get(&m, "anyone"), -1);
	assert_int_equal(rg_index_get(&m, ""), -1);
	rg_index_free(&m);
	rg_index_free(NULL);
}

static void order_and_duplicates(void **state)
{
	(void)state;
	rg_index m = {0};
	char key[16] = "ann lee";
	rg_index_add(&m, key, 7);
	rg_index_add(&m, "ann lee", 3);
	rg_index_add(&m, "ann lee", 7); /* already there */
	rg_index_add(&m, "ann lee", 9);
	rg_index_add(&m, "", 1); /* an empty key is a key */
	strcpy(key, "bob");	 /* the index holds its own copy */
	int v[8] = {0};
	assert_int_equal(values(&m, "ann lee", v, 8), 3);
	assert_int_equal(v[0], 7);
	assert_int_equal(v[1], 3);
	assert_int_equal(v[2], 9);
	assert_int_equal(values(&m, "", v, 8), 1);
	assert_int_equal(rg_index_get(&m, "bob"), -1);
	assert_int_equal(rg_index_get(&m, "ann le"), -1);
	assert_int_equal(rg_index_get(&m, "ann lee "), -1);
	assert_int_equal(m.n, 2);
	rg_index_free(&m);
}

/* Many keys alike but for their ends, added one by one so the table
 * doubles many times: each is found with its own values, none that was
 * not added is, and a walk over the slots meets each key once. */
static void growth_and_walk(void **state)
{
	(void)state;
	enum { N = 20000 };
	rg_index m = {0};
	char k[32];
	for (int i = 0; i < N; i++) {
		snprintf(k, sizeof k, "contact %05d", i);
		rg_index_add(&m, k, i);
		if (i % 3 == 0)
			rg_index_add(&m, k, -i);
	}
	assert_int_equal(m.n, N);
	for (int i = 0; i < N; i++) {
		snprintf(k, sizeof k, "contact %05d", i);
		int v[4] = {0};
		size_t n = values(&m, k, v, 4);
		assert_int_equal(n, i % 3 == 0 && i != 0 ? 2 : 1);
		assert_int_equal(v[0], i);
		if (n == 2)
			assert_int_equal(v[1], -i);
		snprintf(k, sizeof k, "contact %05d ", i);
		assert_int_equal(rg_index_get(&m, k), -1);
	}
	unsigned char *met = calloc(N, 1);
	assert_non_null(met);
	size_t keys = 0;
	for (size_t s = 0; s < m.cap; s++) {
		int c;
		const char *key = rg_index_slot_key(&m, s, &c);
		if (key == NULL)
			continue;
		keys++;
		assert_in_range(c, 0, N - 1);
		snprintf(k, sizeof k, "contact %05d", c);
		assert_string_equal(key, k);
		assert_int_equal(met[c], 0);
		met[c] = 1;
	}
	assert_int_equal(keys, N);
	free(met);
	rg_index_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty),
		cmocka_unit_test(order_and_duplicates),
		cmocka_unit_test(growth_and_walk),
	};
	return cmocka_run_group_tests_name("index", tests, NULL, NULL);
}
