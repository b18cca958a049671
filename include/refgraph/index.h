/*
 * index: a hash map from strings (folded names) to lists of ints (contact
 * indices), in the order they were added.  The graph keeps one per level
 * of resolution (ids, names, aliases, implicit contacts); the "did you
 * mean" index keeps its exact names and skeletons in two more.
 */
#ifndef REFGRAPH_INDEX_H
#define REFGRAPH_INDEX_H

#include <stddef.h>

#include "refgraph/util.h"

typedef struct rg_index_entry {
	int value;
	int next; /* the next entry of the same key, or -1 */
} rg_index_entry;

/* Zero-initialised is empty. */
typedef struct rg_index {
	char **keys; /* cap slots; NULL: free */
	int *head;   /* per slot: its key's first entry */
	size_t cap, n;
	RG_VEC(rg_index_entry) e;
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
/* Frees what m holds (m itself is the caller's); accepts NULL. */
void rg_index_free(rg_index *m);

#endif
