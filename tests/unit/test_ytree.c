/*
 * test_ytree: the YAML tree both readers share: documents in order, the
 * partial document at a syntax error, the error's place kept inside the
 * text, the depth cap, anchors (shared scalars, many of them, a
 * document's own), the cap on what aliases repeat, a value too deep
 * passed over (skip_deep), one tree reading text after text as new
 * ones do, and freeing NULL.
 */
#include "testlib.h"

#include <stdio.h>

#include "refgraph/ytree.h"

static rg_ytree *tree(const char *text)
{
	return rg_ytree_new(text, strlen(text), 1, 8);
}

static void documents(void **state)
{
	(void)state;
	rg_ytree *t = tree("a: 1\n---\n- x\n- y\n---\n");
	const rg_ynode *r;
	assert_int_equal(rg_ytree_next(t, &r), RG_YDOC);
	assert_int_equal(r->type, RG_YMAP);
	assert_int_equal(r->nkids, 2);
	assert_string_equal(r->kids[0]->s, "a");
	assert_int_equal(r->kids[1]->line, 1);
	assert_int_equal(r->kids[1]->col, 4);
	assert_int_equal(rg_ytree_next(t, &r), RG_YDOC);
	assert_int_equal(r->type, RG_YSEQ);
	assert_int_equal(r->nkids, 2);
	assert_int_equal(r->kids[1]->line, 4);
	assert_int_equal(rg_ytree_next(t, &r), RG_YDOC);
	assert_true(rg_ynode_absent(r));
	assert_int_equal(rg_ytree_next(t, &r), RG_YEND);
	rg_ytree_free(t);
	rg_ytree_free(NULL);
	rg_file_free(NULL);
}

/* What came before the error is there; the place is inside the text. */
static void errors(void **state)
{
	(void)state;
	rg_ytree *t = tree("a: 1\nb: \"open\nc: 2\n");
	const rg_ynode *r;
	assert_int_equal(rg_ytree_next(t, &r), RG_YERR);
	assert_non_null(r);
	assert_true(r->nkids >= 2);
	assert_string_equal(r->kids[1]->s, "1");
	const rg_yerror *e = rg_ytree_error(t);
	assert_int_equal(e->why, RG_YE_SYNTAX);
	assert_non_null(e->problem);
	assert_int_equal(e->line, 3); /* libyaml says line 4 */
	assert_int_equal(e->col, 1);
	rg_ytree_free(t);
	t = tree("a: [[[[[[[[[1]]]]]]]]]\n");
	assert_int_equal(rg_ytree_next(t, &r), RG_YERR);
	e = rg_ytree_error(t);
	assert_int_equal(e->why, RG_YE_DEPTH);
	assert_int_equal(e->line, 1);
	assert_int_equal(e->col, 11);
	rg_ytree_free(t);
}

/* Many anchors: each alias finds its own scalar, in linear time. */
static void anchors(void **state)
{
	(void)state;
	enum { N = 5000 };
	rg_buf b = {0};
	for (int i = 0; i < N; i++)
		rg_buf_printf(&b, "k%d: &a%d v%d\n", i, i, i);
	for (int i = 0; i < N; i++)
		rg_buf_printf(&b, "r%d: *a%d\n", i, N - 1 - i);
	rg_buf_puts(&b, "again: &a0 new\nlast: *a0\n");
	rg_ytree *t = rg_ytree_new(b.s, b.len, 1, 8);
	const rg_ynode *r;
	assert_int_equal(rg_ytree_next(t, &r), RG_YDOC);
	assert_int_equal(r->nkids, 4 * N + 4);
	for (int i = 0; i < N; i++) {
		char want[32];
		snprintf(want, sizeof want, "v%d", N - 1 - i);
		assert_string_equal(r->kids[2 * N + 2 * i + 1]->s, want);
	}
	assert_string_equal(r->kids[4 * N + 3]->s, "new"); /* the latest */
	rg_ytree_free(t);
	rg_buf_free(&b);
	/* an anchor is its document's own; an alias of a list stays one */
	t = tree("a: &x 1\n---\nb: *x\n---\nl: &l [1]\nm: *l\n");
	assert_int_equal(rg_ytree_next(t, &r), RG_YDOC);
	assert_int_equal(rg_ytree_next(t, &r), RG_YDOC);
	assert_int_equal(r->kids[1]->type, RG_YALIAS);
	assert_int_equal(rg_ytree_next(t, &r), RG_YDOC);
	assert_int_equal(r->kids[3]->type, RG_YALIAS);
	assert_int_equal(r->kids[3]->nkids, 0);
	rg_ytree_free(t);
}

/*
 * Aliases may repeat scalars as much as the text is long, no more: a long
 * scalar aliased many times would make every reader copy and fold it each
 * time (a 300 KB file took minutes and gigabytes before the cap).
 */
static void alias_budget(void **state)
{
	(void)state;
	enum { LONG = 100000, USES = 20 };
	rg_buf b = {0};
	rg_buf_puts(&b, "name: &big \"");
	for (int i = 0; i < LONG; i++)
		rg_buf_putc(&b, 'x');
	rg_buf_puts(&b, "\"\naliases: [");
	for (int i = 0; i < USES; i++)
		rg_buf_puts(&b, i ? ", *big" : "*big");
	rg_buf_puts(&b, "]\n");
	rg_buf_puts(&b, "role: [*big, *n]\nid: &n a1\n");
	rg_ytree *t = rg_ytree_new(b.s, b.len, 1, 8);
	const rg_ynode *r;
	int line, col;
	/* the document is read whole: past the budget an alias is empty */
	assert_int_equal(rg_ytree_next(t, &r), RG_YDOC);
	assert_int_equal(r->nkids, 8);
	const rg_ynode *al = r->kids[3];
	assert_int_equal(al->nkids, USES);
	assert_int_equal(al->kids[10]->slen, LONG);
	assert_ptr_equal(al->kids[10]->s, r->kids[1]->s); /* not copied */
	assert_int_equal(al->kids[11]->slen, 0);
	assert_string_equal(al->kids[11]->s, "");
	assert_int_equal(r->kids[5]->kids[0]->slen, 0);
	assert_true(rg_ytree_spent(t, &line, &col));
	assert_int_equal(line, 2);
	/* the 12th *big: 12 x 100000 > the text's length + 1 MiB */
	assert_int_equal(col, 11 + 6 * 11);
	assert_int_equal(rg_ytree_next(t, &r), RG_YEND);
	rg_ytree_free(t);
	rg_buf_free(&b);
	/* short anchors used often stay well inside */
	rg_buf_puts(&b, "name: &n Ann Lee\naliases: [");
	for (int i = 0; i < USES; i++)
		rg_buf_puts(&b, i ? ", *n" : "*n");
	rg_buf_puts(&b, "]\n");
	t = rg_ytree_new(b.s, b.len, 1, 8);
	assert_int_equal(rg_ytree_next(t, &r), RG_YDOC);
	assert_int_equal(r->kids[3]->nkids, USES);
	assert_false(rg_ytree_spent(t, &line, &col));
	rg_ytree_free(t);
	rg_buf_free(&b);
}

/* With skip_deep, a value past the cap is an empty stand-in and the
 * document goes on: the keys after it are in the tree. */
static void skip_deep(void **state)
{
	(void)state;
	const char *text = "a: [[[[[[[[[[x, {b: [1]}]]]]]]]]]]\nc: 2\n";
	rg_ytree *t = tree(text);
	const rg_ynode *r;
	int line, col;
	rg_ytree_skip_deep(t);
	assert_int_equal(rg_ytree_next(t, &r), RG_YDOC);
	assert_int_equal(r->type, RG_YMAP);
	assert_int_equal(r->nkids, 4);
	assert_string_equal(r->kids[2]->s, "c");
	assert_string_equal(r->kids[3]->s, "2");
	const rg_ynode *v = r->kids[1];
	for (int k = 1; k < 7; k++)
		v = v->kids[0];
	assert_int_equal(v->nkids, 1);
	assert_int_equal(v->kids[0]->type, RG_YSEQ); /* the stand-in */
	assert_int_equal(v->kids[0]->nkids, 0);
	assert_true(rg_ytree_deep(t, &line, &col));
	assert_int_equal(line, 1);
	assert_int_equal(col, 11);
	assert_int_equal(rg_ytree_next(t, &r), RG_YEND);
	rg_ytree_free(t);
	t = tree("a: [1]\n"); /* nothing skipped */
	rg_ytree_skip_deep(t);
	assert_int_equal(rg_ytree_next(t, &r), RG_YDOC);
	assert_false(rg_ytree_deep(t, &line, &col));
	rg_ytree_free(t);
}

/* Two trees read the same: the same steps, nodes, errors and marks. */
static void same_reading(rg_ytree *a, rg_ytree *b)
{
	rg_ystep sa, sb;
	do {
		const rg_ynode *ra, *rb;
		sa = rg_ytree_next(a, &ra);
		sb = rg_ytree_next(b, &rb);
		assert_int_equal(sa, sb);
		assert_true(rg_ynode_equal(ra, rb));
	} while (sa == RG_YDOC);
	if (sa == RG_YERR) {
		const rg_yerror *ea = rg_ytree_error(a),
				*eb = rg_ytree_error(b);
		assert_int_equal(ea->line, eb->line);
		assert_int_equal(ea->col, eb->col);
		assert_int_equal(ea->why, eb->why);
		assert_true((ea->problem == NULL) == (eb->problem == NULL));
		if (ea->problem)
			assert_string_equal(ea->problem, eb->problem);
	}
	int la, ca, lb, cb;
	assert_int_equal(rg_ytree_deep(a, &la, &ca),
			 rg_ytree_deep(b, &lb, &cb));
	assert_int_equal(la, lb);
	assert_int_equal(ca, cb);
	assert_int_equal(rg_ytree_spent(a, &la, &ca),
			 rg_ytree_spent(b, &lb, &cb));
	assert_int_equal(la, lb);
	assert_int_equal(ca, cb);
}

/*
 * One tree reading text after text (rg_ytree_start) reads each as a new
 * tree does, whatever it read before: yfast's texts and libyaml's, many
 * anchors then a few, a spent alias budget, a value skipped as too deep
 * then a text where depth stops the stream, errors, nothing.
 */
static void reused(void **state)
{
	(void)state;
	rg_buf big = {0}, many = {0};
	rg_buf_puts(&big, "a: &big \"");
	for (int i = 0; i < 300000; i++)
		rg_buf_putc(&big, 'x');
	rg_buf_puts(&big, "\"\nb: [*big, *big, *big, *big, *big, *big]\n");
	for (int i = 0; i < 100; i++)
		rg_buf_printf(&many, "k%d: &a%d v%d\n", i, i, i);
	rg_buf_puts(&many, "last: *a7\n");
	const struct {
		const char *text;
		bool skip;
	} cases[] = {
		{"name: Ann\nrole: client\n---\nname: Bob\n", false},
		{many.s, false},
		{"x: *a7\ny: &z 1\nw: *z\n", false},
		{big.s, false},
		{"a: &n Ann\nb: *n\n", false},
		{"a: [[[[[[[[[[x]]]]]]]]]]\nc: 2\n", true},
		{"a: [[[[[[[[[[x]]]]]]]]]]\nc: 2\n", false},
		{"a: [b\n", false},
		{"", false},
		{"- 1\n- {a: b}\n---\n--- x\n", false},
	};
	size_t n = sizeof cases / sizeof *cases;
	rg_ytree *kept = rg_ytree_idle();
	for (size_t k = 0; k < 3 * n; k++) {
		/* forwards, backwards, then every other one */
		size_t i = k < n ? k : k < 2 * n ? 2 * n - 1 - k : (k * 7) % n;
		const char *t = cases[i].text;
		rg_ytree_start(kept, t, strlen(t), 3, 8);
		rg_ytree *fresh = rg_ytree_new(t, strlen(t), 3, 8);
		assert_int_equal(rg_ytree_fast(kept), rg_ytree_fast(fresh));
		if (cases[i].skip) {
			rg_ytree_skip_deep(kept);
			rg_ytree_skip_deep(fresh);
		}
		same_reading(kept, fresh);
		rg_ytree_free(fresh);
		if (k % 2)
			rg_ytree_stop(kept);
		assert_true(rg_ytree_room(kept) <= 4 * RG_SCRATCH_KEEP);
	}
	rg_ytree_stop(kept);
	assert_true(rg_ytree_room(kept) > 0);
	rg_ytree_free(kept);
	rg_buf_free(&big);
	rg_buf_free(&many);
}

/* Absent: empty, ~ or null (any case) once trimmed, Unicode blanks too. */
static void absent(void **state)
{
	(void)state;
	static const char *const yes[] = {
		"",
		" ",
		"~",
		" ~ ",
		"null",
		"NULL",
		"nUlL",
		"\tnull\n",
		"\xc2\xa0null\xe2\x80\x83",
		"\xe3\x80\x80~",
	};
	static const char *const no[] = {
		"n",	"nul",	  "nulls",     "~~",	   "x",	  "-",	  "0",
		"\"\"", "null x", "\xc2\xa0n", "\x7fnull", "Nil", "none",
	};
	rg_ynode v = {.type = RG_YSCALAR};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		v.s = yes[i];
		v.slen = strlen(yes[i]);
		assert_true(rg_ynode_absent(&v));
	}
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		v.s = no[i];
		v.slen = strlen(no[i]);
		assert_false(rg_ynode_absent(&v));
	}
	assert_true(rg_ynode_absent(NULL));
	v.type = RG_YSEQ;
	v.s = NULL;
	v.slen = 0;
	assert_false(rg_ynode_absent(&v));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(documents), cmocka_unit_test(errors),
		cmocka_unit_test(anchors),   cmocka_unit_test(alias_budget),
		cmocka_unit_test(skip_deep), cmocka_unit_test(reused),
		cmocka_unit_test(absent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
