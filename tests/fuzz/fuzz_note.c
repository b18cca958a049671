/*
 * fuzz_note: one file's bytes through the whole per-file reader: BOM and
 * line ends, front matter split, YAML records, the Markdown body.  The
 * first byte picks the file name, so both .md and .yaml paths are fuzzed.
 *
 * And what a read file keeps, differentially: the file read with this
 * thread's scratch (left by the input before) is the same, record for
 * record and diagnostic for diagnostic, as the file read in place
 * (rg_note_parse_buf) on a new thread with a new scratch; every pointer
 * of the first lies in its one block, pointers one of them shares are
 * shared in the other, and records can still be added to it.
 */
#include <malloc.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/note.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A mismatch: stop where the fuzzer shows it. */
#define CHECK(c)                                                               \
	do {                                                                   \
		if (!(c))                                                      \
			abort();                                               \
	} while (0)

typedef struct fresh {
	const char *path;
	char *text;
	size_t len;
	const rg_limits *lim;
	rg_file *f;
} fresh;

static void *parse_fresh(void *arg)
{
	fresh *j = arg;
	j->f = rg_note_parse_buf(j->path, j->text, j->len, j->lim);
	return NULL;
}

typedef struct cmp {
	const rg_file *a, *b;
	size_t size; /* a's block */
} cmp;

static void in_block(const cmp *c, const void *p)
{
	const char *s = (const char *)c->a, *q = p;
	CHECK(p == NULL || (q >= s && q < s + c->size));
}

static void same_str(const cmp *c, const char *x, const char *y)
{
	CHECK((x == NULL) == (y == NULL));
	if (x) {
		CHECK(strcmp(x, y) == 0);
		in_block(c, x);
	}
}

static void same_refs(const cmp *c, const rg_ref *x, const rg_ref *y, size_t n)
{
	in_block(c, x);
	for (size_t i = 0; i < n; i++) {
		CHECK(x[i].line == y[i].line && x[i].col == y[i].col);
		same_str(c, x[i].target, y[i].target);
	}
}

static void same_strs(const cmp *c, const char *const *x, const char *const *y,
		      size_t n)
{
	in_block(c, x);
	for (size_t i = 0; i < n; i++)
		same_str(c, x[i], y[i]);
}

static void same_contact(const cmp *c, const rg_contact_rec *x,
			 const rg_contact_rec *y)
{
	CHECK(x->line == y->line && x->col == y->col);
	same_str(c, x->id, y->id);
	same_str(c, x->name, y->name);
	CHECK((x->id == x->name) == (y->id == y->name));
	CHECK(x->naliases == y->naliases && x->nroles == y->nroles &&
	      x->nrefby == y->nrefby);
	same_strs(c, x->aliases, y->aliases, x->naliases);
	same_strs(c, x->roles, y->roles, x->nroles);
	same_str(c, x->org, y->org);
	same_str(c, x->source, y->source);
	CHECK(x->since == y->since && x->last_contact == y->last_contact &&
	      x->follow_days == y->follow_days &&
	      x->has_reward == y->has_reward);
	same_refs(c, x->refby, y->refby, x->nrefby);
}

static void same_refrec(const cmp *c, const rg_refrec *x, const rg_refrec *y)
{
	const rg_ref *xr[] = {&x->from, &x->prospect, &x->to};
	const rg_ref *yr[] = {&y->from, &y->prospect, &y->to};
	for (size_t i = 0; i < 3; i++)
		same_refs(c, xr[i], yr[i], 1);
	CHECK(x->line == y->line && x->col == y->col &&
	      x->from_me == y->from_me && x->date == y->date &&
	      x->writes == y->writes && x->status == y->status &&
	      x->closed == y->closed && x->kind == y->kind &&
	      x->rewarded == y->rewarded && x->thanked == y->thanked &&
	      x->informed == y->informed &&
	      memcmp(&x->value, &y->value, sizeof x->value) == 0);
}

static void same_records(const cmp *c)
{
	const rg_file *a = c->a, *b = c->b;
	CHECK(a->contacts.n == b->contacts.n && a->inters.n == b->inters.n &&
	      a->refrecs.n == b->refrecs.n && a->fields.n == b->fields.n &&
	      a->tasks.n == b->tasks.n && a->links.n == b->links.n &&
	      a->skipped.n == b->skipped.n);
	for (size_t i = 0; i < a->contacts.n; i++)
		same_contact(c, &a->contacts.v[i], &b->contacts.v[i]);
	for (size_t i = 0; i < a->inters.n; i++) {
		const rg_inter_rec *x = &a->inters.v[i], *y = &b->inters.v[i];
		CHECK(x->line == y->line && x->col == y->col &&
		      x->date == y->date && x->nwith == y->nwith);
		same_refs(c, x->with, y->with, x->nwith);
	}
	for (size_t i = 0; i < a->refrecs.n; i++)
		same_refrec(c, &a->refrecs.v[i], &b->refrecs.v[i]);
	for (size_t i = 0; i < a->fields.n; i++) {
		const rg_field *x = &a->fields.v[i], *y = &b->fields.v[i];
		CHECK(x->key == y->key && x->line == y->line &&
		      x->col == y->col && x->date == y->date &&
		      x->status == y->status && x->has_value == y->has_value &&
		      memcmp(&x->value, &y->value, sizeof x->value) == 0);
		same_refs(c, &x->who, &y->who, 1);
	}
	for (size_t i = 0; i < a->tasks.n; i++) {
		const rg_task *x = &a->tasks.v[i], *y = &b->tasks.v[i];
		CHECK(x->line == y->line && x->col == y->col &&
		      x->done == y->done && x->due == y->due &&
		      x->done_date == y->done_date && x->nlinks == y->nlinks);
		same_str(c, x->text, y->text);
		same_refs(c, x->links, y->links, x->nlinks);
	}
	same_refs(c, a->links.v, b->links.v, a->links.n);
	for (size_t i = 0; i < a->skipped.n; i++) {
		CHECK(a->skipped.v[i].line == b->skipped.v[i].line &&
		      a->skipped.v[i].col == b->skipped.v[i].col);
		same_str(c, a->skipped.v[i].why, b->skipped.v[i].why);
	}
}

static void same_file(const rg_file *a, const rg_file *b)
{
	cmp c = {a, b, malloc_usable_size((void *)a)};
	CHECK(a->in_block && a->packed && b->in_block);
	same_str(&c, a->path, b->path);
	in_block(&c, a->arena);
	CHECK(a->markdown == b->markdown && a->read == b->read &&
	      a->nrecords == b->nrecords);
	same_records(&c);
	CHECK(a->diags.items.n == b->diags.items.n &&
	      a->diags.nerrors == b->diags.nerrors &&
	      a->diags.nwarnings == b->diags.nwarnings);
	for (size_t i = 0; i < a->diags.items.n; i++) {
		const rg_diag_item *x = &a->diags.items.v[i];
		const rg_diag_item *y = &b->diags.items.v[i];
		CHECK(x->line == y->line && x->col == y->col &&
		      x->level == y->level && strcmp(x->msg, y->msg) == 0 &&
		      strcmp(x->path, y->path) == 0);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"people/Ann Lee.md", "log.yaml",
					    "daily/2026-11-03.md", "x.yml"};
	if (size == 0)
		return 0;
	rg_limits lim;
	rg_limits_default(&lim);
	lim.max_line = 4096;
	const char *path = names[data[0] & 3];
	rg_file *f =
		rg_note_parse(path, (const char *)data + 1, size - 1, &lim);
	char *text = malloc(size);
	CHECK(text != NULL);
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	fresh j = {path, text, size - 1, &lim, NULL};
	pthread_t th;
	CHECK(pthread_create(&th, NULL, parse_fresh, &j) == 0);
	CHECK(pthread_join(th, NULL) == 0);
	memset(text, 0, size); /* nothing kept points into it */
	same_file(f, j.f);
	free(text);
	/* records added later grow vectors of their own */
	rg_ref *r = RG_VEC_PUSH(f->links);
	r->target = rg_arena_strdup(f->arena, "added");
	*RG_VEC_PUSH(f->contacts) = (rg_contact_rec){0};
	rg_file_free(f);
	rg_file_free(j.f);
	return 0;
}
