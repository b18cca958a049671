/*
 * test_pack: what a read file keeps (rg_file_pack_new through
 * rg_note_parse): one block holding the header, the path, the records,
 * their strings and arrays; records added afterwards; the reader's
 * scratch emptied between files (nothing of one file in the next, on
 * any thread); and rg_note_parse_buf reading the caller's buffer.
 */
#include <malloc.h>
#include <pthread.h>

#include "testlib.h"

/* p lies inside f's block of n bytes. */
static bool inside(const rg_file *f, size_t n, const void *p)
{
	const char *b = (const char *)f, *q = p;
	return q >= b && q < b + n;
}

static void assert_refs_inside(const rg_file *f, size_t n, const rg_ref *r,
			       size_t k)
{
	if (k)
		assert_true(inside(f, n, r));
	for (size_t i = 0; i < k; i++)
		if (r[i].target)
			assert_true(inside(f, n, r[i].target));
}

static const char note_text[] =
	"---\nname: Ann Lee\naliases: [Annie, A. Lee]\nrole: [client]\n"
	"org: Acme\nsince: 2026-01-01\nreferred_by: \"[[Bob]]\"\n---\n"
	"- [ ] call [[Carl]] due:: 2026-01-02\n"
	"thanked:: [[Dora]]\nreferral:: [[Eve]] -> [[Fay]]\n"
	"See [[Gus]].\n";

/* Everything a parsed file reaches is in its one block. */
static void one_block(void **state)
{
	(void)state;
	rg_file *f = parse("people/ann.md", note_text);
	size_t n = malloc_usable_size(f);
	assert_true(f->in_block);
	assert_true(f->packed);
	assert_true(inside(f, n, f->path));
	assert_string_equal(f->path, "people/ann.md");
	assert_int_equal(f->contacts.n, 1);
	const rg_contact_rec *c = &f->contacts.v[0];
	assert_true(inside(f, n, c));
	assert_true(inside(f, n, c->name));
	assert_string_equal(c->id, "ann"); /* from the file name */
	assert_true(inside(f, n, c->id));
	assert_string_equal(c->org, "Acme");
	assert_true(inside(f, n, c->org));
	assert_int_equal(c->naliases, 2);
	assert_true(inside(f, n, c->aliases));
	assert_true(inside(f, n, c->aliases[1]));
	assert_string_equal(c->aliases[1], "A. Lee");
	assert_refs_inside(f, n, c->refby, c->nrefby);
	assert_string_equal(c->refby[0].target, "Bob");
	assert_int_equal(f->tasks.n, 1);
	assert_true(inside(f, n, f->tasks.v));
	assert_true(inside(f, n, f->tasks.v[0].text));
	assert_refs_inside(f, n, f->tasks.v[0].links, f->tasks.v[0].nlinks);
	assert_int_equal(f->fields.n, 1);
	assert_true(inside(f, n, f->fields.v[0].who.target));
	assert_int_equal(f->refrecs.n, 1);
	assert_true(inside(f, n, f->refrecs.v[0].prospect.target));
	assert_string_equal(f->refrecs.v[0].prospect.target, "Fay");
	assert_refs_inside(f, n, f->links.v, f->links.n);
	assert_true(inside(f, n, f->arena));
	/* empty vectors hold nothing */
	assert_int_equal(f->inters.n, 0);
	assert_null(f->inters.v);
	rg_file_pack(f); /* already packed: nothing changes */
	assert_true(inside(f, n, f->contacts.v[0].name));
	rg_file_free(f);
	rg_file_free(NULL);
}

/*
 * The block is the size its parts need, arrays aligned for what they
 * hold (8 bytes), not padded to 16: the header, the arena, one link, its
 * target and the path.
 */
static void block_size(void **state)
{
	(void)state;
	rg_file *f = parse("a.md", "see [[Bob]]\n");
	assert_int_equal(f->links.n, 1);
	size_t need = sizeof(rg_file) + RG_ARENA_SIZE + sizeof(rg_ref) +
		      sizeof "Bob" + sizeof "a.md";
	/* (malloc may round up to its own 16 bytes, no more) */
	assert_true(malloc_usable_size(f) >= need);
	assert_true(malloc_usable_size(f) <= need + 15);
	rg_file_free(f);
}

/*
 * Records added to a parsed file grow vectors of their own; the records
 * it had are still there, and its arena takes new strings.
 */
static void added_later(void **state)
{
	(void)state;
	rg_file *f = parse("2026-01-01 m.md", note_text);
	size_t n = malloc_usable_size(f);
	size_t nlinks = f->links.n;
	const char *first = f->links.v[0].target;
	for (int i = 0; i < 20; i++) {
		rg_ref *r = RG_VEC_PUSH(f->links);
		char name[32];
		snprintf(name, sizeof name, "Added %d", i);
		r->target = rg_arena_strdup(f->arena, name);
	}
	assert_false(inside(f, n, f->links.v));
	assert_int_equal(f->links.n, nlinks + 20);
	assert_ptr_equal(f->links.v[0].target, first);
	assert_string_equal(f->links.v[nlinks + 19].target, "Added 19");
	rg_field *fd = RG_VEC_PUSH(f->fields);
	fd->who.target = "static";
	assert_string_equal(f->fields.v[0].who.target, "Dora");
	rg_file_free(f);
}

/*
 * The scratch a thread reads with is emptied for each file: a file read
 * after another has only its own records and diagnostics, including after
 * a file too large for the scratch to keep its room.
 */
static void scratch_emptied(void **state)
{
	(void)state;
	rg_file *a = parse("people/ann.md", note_text);
	rg_file *e = parse("empty.md", "");
	assert_true(e->read);
	assert_int_equal(e->contacts.n + e->tasks.n + e->fields.n +
				 e->refrecs.n + e->links.n,
			 0);
	assert_int_equal(e->diags.items.n, 0);
	assert_string_equal(e->path, "empty.md");
	rg_file *bad = parse("bad.md", "---\nname: [x\n---\nsee [[Zed]]\n");
	assert_false(bad->read);
	assert_int_equal(bad->links.n, 0);
	assert_int_equal(bad->diags.items.n, 1);
	rg_file *after = parse("after.md", "see [[Yan]]\n");
	assert_true(after->read);
	assert_int_equal(after->diags.items.n, 0);
	assert_int_equal(after->links.n, 1);
	assert_string_equal(after->links.v[0].target, "Yan");
	/* a large file, then the first again: the same records */
	rg_buf big = {0};
	for (int i = 0; i < 20000; i++)
		rg_buf_printf(&big, "- [ ] task %d for [[Person %d]]\n", i, i);
	rg_file *l = parse("2026-01-01 big.md", big.s);
	assert_int_equal(l->tasks.n, 20000);
	assert_string_equal(l->tasks.v[19999].links[0].target, "Person 19999");
	rg_file *a2 = parse("people/ann.md", note_text);
	assert_int_equal(a2->contacts.n, 1);
	assert_int_equal(a2->tasks.n, 1);
	assert_string_equal(a2->contacts.v[0].aliases[0], "Annie");
	assert_string_equal(a->contacts.v[0].aliases[0], "Annie");
	assert_string_equal(a2->tasks.v[0].text, a->tasks.v[0].text);
	rg_buf_free(&big);
	rg_file *list[] = {a, e, bad, after, l, a2};
	for (size_t i = 0; i < sizeof list / sizeof *list; i++)
		rg_file_free(list[i]);
}

/*
 * What a large file made the scratch hold is given back as soon as it is
 * read, not when the next file is: the graph is built after the last.
 */
static void large_file_gone(void **state)
{
	(void)state;
	rg_buf big = {0};
	for (int i = 0; i < 40000; i++)
		rg_buf_printf(&big, "- [ ] task %d for [[Person %d]]\n", i, i);
	rg_file *warm = parse("warm.md", "see [[A]]\n");
	rg_file_free(warm);
	size_t before = mallinfo2().uordblks;
	rg_file *l = parse("2026-01-01 big.md", big.s);
	assert_int_equal(l->tasks.n, 40000);
	rg_file_free(l);
	rg_buf_free(&big);
	size_t after = mallinfo2().uordblks;
	/* (the scratch keeps at most its small room: far below the
	 * megabytes the file's tasks took) */
	assert_true(after < before + ((size_t)1 << 20));
}

/*
 * rg_note_parse_buf reads the caller's bytes in place (lone CRs become
 * line ends there) and keeps nothing that points into them.
 */
static void caller_buffer(void **state)
{
	(void)state;
	char text[] = "---\rname: Ann\rrole: client\r---\rsee [[Bob]]\r";
	size_t len = strlen(text);
	rg_limits lim;
	rg_limits_default(&lim);
	rg_file *f = rg_note_parse_buf("ann.md", text, len, &lim);
	assert_null(memchr(text, '\r', len));
	memset(text, 'x', len);
	assert_int_equal(f->contacts.n, 1);
	assert_string_equal(f->contacts.v[0].name, "Ann");
	assert_string_equal(f->contacts.v[0].roles[0], "client");
	assert_int_equal(f->links.n, 1);
	assert_string_equal(f->links.v[0].target, "Bob");
	assert_int_equal(f->links.v[0].line, 5);
	rg_file_free(f);
}

enum { ROUNDS = 200 };

/* Parse note_text ROUNDS times, checking each result. */
static void *parse_many(void *arg)
{
	int *bad = arg;
	for (int i = 0; i < ROUNDS; i++) {
		rg_file *f =
			parse(i % 2 ? "people/ann.md" : "log.md", note_text);
		if (f->contacts.n != 1 || f->tasks.n != 1 ||
		    strcmp(f->contacts.v[0].name, "Ann Lee") != 0 ||
		    strcmp(f->path, i % 2 ? "people/ann.md" : "log.md") != 0)
			(*bad)++;
		rg_file_free(f);
	}
	return NULL;
}

/* Threads read with scratches of their own, freed when they end. */
static void threads(void **state)
{
	(void)state;
	enum { NTH = 3 };
	pthread_t th[NTH];
	int bad[NTH + 1] = {0};
	for (int i = 0; i < NTH; i++)
		assert_int_equal(
			pthread_create(&th[i], NULL, parse_many, &bad[i]), 0);
	parse_many(&bad[NTH]);
	for (int i = 0; i < NTH; i++)
		assert_int_equal(pthread_join(th[i], NULL), 0);
	for (int i = 0; i <= NTH; i++)
		assert_int_equal(bad[i], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_block),
		cmocka_unit_test(block_size),
		cmocka_unit_test(added_later),
		cmocka_unit_test(scratch_emptied),
		cmocka_unit_test(large_file_gone),
		cmocka_unit_test(caller_buffer),
		cmocka_unit_test(threads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
