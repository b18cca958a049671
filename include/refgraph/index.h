/*
 * index: a hash map from strings (folded names) to lists of ints (contact
 * indices), in the order they were added.  The graph keeps one per level
 * of resolution (ids, names, aliases, implicit contacts); the "did you
 * mean" index keeps its exact names and skeletons in two more.
 */
#ifndef REFGRAPH_INDEX_H
#define REFGRAPH_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "refgraph/util.h"

typedef struct rg_index_entry {
	int value;
	int next; /* the next entry of the same key, or -1 */
} rg_index_entry;

/* A slot of the table: its key's hash is kept beside the key, so a probe
 * that meets another key mostly compares numbers, not strings, and one
 * cache line holds four slots whole. */
typedef struct rg_index_slot {
	char *key;     /* NULL: free */
	uint32_t hash; /* the low bits of the key's hash */
	int head;      /* the key's first entry */
} rg_index_slot;

/* Zero-initialised is empty. */
typedef struct rg_index {
	rg_index_slot *slots; /* cap slots */
	size_t cap, n;
	RG_VEC(rg_index_entry) e;
	rg_arena *text; /* the keys' copies (NULL until the first) */
} rg_index;

/* The first entry of key, or -1; walk on with e.v[i].next. */
int rg_index_get(const rg_index *m, const char *key);
/* Add value under key (copied), after those already there; a value
 * already under the key is not added twice. */
void rg_index_add(rg_index *m, const char *key, int value);
/* The value of entry i. */
static inline int rg_index_value(const rg_index *m, int i)
{
	return m->e.v[i].value;
}
/* The key of slot i < cap, or NULL for a free slot; the key's first value
 * in *value.  For a walk over every key, in slot order. */
static inline const char *rg_index_slot_key(const rg_index *m, size_t i,
					    int *value)
{
	const rg_index_slot *s = &m->slots[i];
	if (s->key)
		*value = m->e.v[s->head].value;
	return s->key;
}
/* Frees what m holds (m itself is the caller's); accepts NULL. */
void rg_index_free(rg_index *m);

#endif
