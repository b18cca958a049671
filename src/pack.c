/*
 * pack: a file once read, its records and every string they point to
 * copied into one block of the size they need (rg_file_pack).  Reading
 * leaves a file's arena up to half empty and full of text only the
 * reader looked at (each YAML value as written, lists before they were
 * split); the graph keeps a hundred thousand files alive, so each keeps
 * only what its records reach.
 *
 * Two walks over the same pointers: the first gives each object it
 * reaches (an array, a string) its place in the block, once
 * however many pointers share it; the second, after the copy, points
 * every pointer at its object's new place.  Pointers that were equal
 * stay equal, so a contact's id that is its name is still its name.
 *
 * rg_file_pack_new goes further, for the reader: the file's header, its
 * path and its vectors go into the block too, so a kept file is one
 * allocation, and the file read (the reader's scratch) is left as it was
 * for the reader to empty and use again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/records.h"

/* slots in the table kept on the stack (zeroed for every file, so few: a
 * note reaches a dozen objects or so); a file with more objects than half
 * this grows it on the heap */
#define PACK_STACK_SLOTS 32

/*
 * What an array in a block is aligned to: the strictest of what arrays
 * hold (pointers, sizes, doubles), not max_align_t's 16 bytes, which
 * would pad half the arrays of a file by 8 bytes for nothing.
 */
typedef union pack_align {
	rg_file f;
	rg_contact_rec c;
	rg_inter_rec i;
	rg_refrec r;
	rg_field fd;
	rg_task t;
	rg_ref ref;
	rg_skipped s;
	const char *p;
	void *arena; /* an rg_arena is a pointer (RG_ARENA_SIZE) */
} pack_align;

static size_t align_up(size_t n)
{
	const size_t al = _Alignof(pack_align);
	return (n + al - 1) / al * al;
}

typedef struct place {
	const void *old; /* NULL: a free slot */
	size_t off, size;
} place;

typedef struct packer {
	place *tab;
	size_t cap, n; /* cap a power of two */
	size_t total;  /* bytes so far */
	char *block;   /* NULL in the first walk */
} packer;

static size_t slot_of(const packer *k, const void *p)
{
	uintptr_t h = (uintptr_t)p;
	h ^= h >> 17;
	h *= UINT64_C(0x9E3779B97F4A7C15);
	size_t i = (size_t)(h >> 7) & (k->cap - 1);
	while (k->tab[i].old != NULL && k->tab[i].old != p)
		i = (i + 1) & (k->cap - 1);
	return i;
}

static void grow(packer *k, place *stack)
{
	place *old = k->tab;
	size_t ocap = k->cap;
	k->cap *= 2;
	k->tab = rg_calloc(k->cap, sizeof *k->tab);
	for (size_t i = 0; i < ocap; i++)
		if (old[i].old)
			k->tab[slot_of(k, old[i].old)] = old[i];
	if (old != stack)
		free(old);
}

/*
 * First walk: give the object at p of size bytes a place (strings need
 * no alignment, arrays pack_align's).  Second walk: its new
 * address.  NULL stays NULL.
 */
static void *visit(packer *k, place *stack, const void *p, size_t size,
		   bool aligned)
{
	if (p == NULL)
		return NULL;
	if (k->block)
		return k->block + k->tab[slot_of(k, p)].off;
	size_t i = slot_of(k, p);
	if (k->tab[i].old == NULL) {
		if (aligned)
			k->total = align_up(k->total);
		k->tab[i] = (place){p, k->total, size};
		k->total += size;
		if (++k->n * 2 > k->cap)
			grow(k, stack);
	}
	return (void *)p;
}

/* (the second walk needs no size: it only looks the place up) */
#define STR(k, st, s)	 visit(k, st, s, (k)->block ? 0 : strlen(s) + 1, false)
#define ARR(k, st, v, n) visit(k, st, v, (n) * sizeof *(v), true)

/* An empty array is NULL: what it pointed to is not kept. */
static void walk_strs(packer *k, place *st, const char ***v, size_t n)
{
	if (n == 0) {
		*v = NULL;
		return;
	}
	*v = ARR(k, st, *v, n);
	for (size_t i = 0; i < n; i++)
		(*v)[i] = STR(k, st, (*v)[i]);
}

static void walk_ref(packer *k, place *st, rg_ref *r)
{
	if (r->target)
		r->target = STR(k, st, r->target);
}

static void walk_refs(packer *k, place *st, rg_ref **v, size_t n)
{
	if (n == 0) {
		*v = NULL;
		return;
	}
	*v = ARR(k, st, *v, n);
	for (size_t i = 0; i < n; i++)
		walk_ref(k, st, &(*v)[i]);
}

static void walk_contact(packer *k, place *st, rg_contact_rec *c)
{
	const char **s[] = {&c->id, &c->name, &c->org, &c->source};
	for (size_t i = 0; i < sizeof s / sizeof *s; i++)
		if (*s[i])
			*s[i] = STR(k, st, *s[i]);
	walk_strs(k, st, &c->aliases, c->naliases);
	walk_strs(k, st, &c->roles, c->nroles);
	walk_refs(k, st, &c->refby, c->nrefby);
}

/*
 * A vector shrunk to its length (NULL when empty).  Vectors stay blocks
 * of their own, not in the packed one: what is added to a file later (as
 * tests do) grows them as before.
 */
#define SHRINK_VEC(vec)                                                        \
	do {                                                                   \
		if ((vec).n == 0) {                                            \
			free((vec).v);                                         \
			(vec).v = NULL;                                        \
		} else if ((vec).cap > (vec).n) {                              \
			(vec).v = rg_realloc((vec).v,                          \
					     (vec).n * sizeof *(vec).v);       \
		}                                                              \
		(vec).cap = (vec).n;                                           \
	} while (0)

static void walk_file(packer *k, place *st, rg_file *f)
{
	for (size_t i = 0; i < f->contacts.n; i++)
		walk_contact(k, st, &f->contacts.v[i]);
	for (size_t i = 0; i < f->inters.n; i++)
		walk_refs(k, st, &f->inters.v[i].with, f->inters.v[i].nwith);
	for (size_t i = 0; i < f->refrecs.n; i++) {
		walk_ref(k, st, &f->refrecs.v[i].from);
		walk_ref(k, st, &f->refrecs.v[i].prospect);
		walk_ref(k, st, &f->refrecs.v[i].to);
	}
	for (size_t i = 0; i < f->fields.n; i++)
		walk_ref(k, st, &f->fields.v[i].who);
	for (size_t i = 0; i < f->tasks.n; i++) {
		rg_task *t = &f->tasks.v[i];
		if (t->text)
			t->text = STR(k, st, t->text);
		walk_refs(k, st, &t->links, t->nlinks);
	}
	for (size_t i = 0; i < f->links.n; i++)
		walk_ref(k, st, &f->links.v[i]);
	for (size_t i = 0; i < f->skipped.n; i++)
		if (f->skipped.v[i].why)
			f->skipped.v[i].why = STR(k, st, f->skipped.v[i].why);
}

void rg_file_pack(rg_file *f)
{
	if (f->packed)
		return;
	SHRINK_VEC(f->contacts);
	SHRINK_VEC(f->inters);
	SHRINK_VEC(f->refrecs);
	SHRINK_VEC(f->fields);
	SHRINK_VEC(f->tasks);
	SHRINK_VEC(f->links);
	SHRINK_VEC(f->skipped);
	place stack[PACK_STACK_SLOTS] = {{0}};
	packer k = {stack, PACK_STACK_SLOTS, 0, 0, NULL};
	walk_file(&k, stack, f);
	rg_arena *to = rg_arena_new_sized(k.total);
	k.block = k.total ? rg_arena_alloc(to, k.total) : NULL;
	for (size_t i = 0; i < k.cap; i++)
		if (k.tab[i].old)
			memcpy(k.block + k.tab[i].off, k.tab[i].old,
			       k.tab[i].size);
	if (k.block)
		walk_file(&k, stack, f);
	if (k.tab != stack)
		free(k.tab);
	rg_arena_free(f->arena);
	f->arena = to;
	f->packed = true;
}

/* The vectors of a file, one line each, for what is done to all seven. */
#define EACH_VEC(X, f)                                                         \
	X((f)->contacts);                                                      \
	X((f)->inters);                                                        \
	X((f)->refrecs);                                                       \
	X((f)->fields);                                                        \
	X((f)->tasks);                                                         \
	X((f)->links);                                                         \
	X((f)->skipped)

/* (first walk: a place for each non-empty vector's elements) */
#define PLACE_VEC(vec)                                                         \
	do {                                                                   \
		if ((vec).n)                                                   \
			ARR(&k, stack, (vec).v, (vec).n);                      \
	} while (0)
/* (after the copy: the vector points at its elements in the block; a
 * capacity of 0 says it does not own them) */
#define MOVE_VEC(vec)                                                          \
	do {                                                                   \
		(vec).v = (vec).n ? ARR(&k, stack, (vec).v, (vec).n) : NULL;   \
		(vec).cap = 0;                                                 \
	} while (0)

rg_file *rg_file_pack_new(rg_file *f)
{
	place stack[PACK_STACK_SLOTS] = {{0}};
	packer k = {stack, PACK_STACK_SLOTS, 0, 0, NULL};
	/* the header first, then an empty arena for what is added later */
	size_t arena_at = align_up(sizeof(rg_file));
	k.total = arena_at + align_up(RG_ARENA_SIZE);
	EACH_VEC(PLACE_VEC, f);
	walk_file(&k, stack, f);
	STR(&k, stack, f->path);
	char *block = rg_malloc(k.total);
	rg_file *g = (rg_file *)(void *)block;
	*g = *f;
	for (size_t i = 0; i < k.cap; i++)
		if (k.tab[i].old)
			memcpy(block + k.tab[i].off, k.tab[i].old,
			       k.tab[i].size);
	k.block = block;
	EACH_VEC(MOVE_VEC, g);
	walk_file(&k, stack, g);
	g->path = STR(&k, stack, f->path);
	if (k.tab != stack)
		free(k.tab);
	g->arena = rg_arena_init(block + arena_at);
	g->packed = g->in_block = true;
	/* the diagnostics move: they are the kept file's to hand on */
	memset(&f->diags, 0, sizeof f->diags);
	return g;
}
