/*
 * index: strings to lists of ints, open addressing with linear probing
 * (FNV-1a), so each lookup of a folded name costs one hash whatever the
 * size of the notes.
 */
#include "refgraph/index.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a's 64-bit offset basis and prime, cut to size_t. */
#define FNV_BASIS 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL
/* Slots of a new table; a power of two, doubled when half full. */
#define FIRST_CAP 64

static size_t hash(const char *s)
{
	size_t h = (size_t)(FNV_BASIS & SIZE_MAX);
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= (size_t)FNV_PRIME;
	}
	return h;
}

static size_t slot_of(const rg_index *m, const char *k)
{
	size_t i = hash(k) & (m->cap - 1);
	while (m->keys[i] && strcmp(m->keys[i], k) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

int rg_index_get(const rg_index *m, const char *key)
{
	if (m->cap == 0)
		return -1;
	size_t i = slot_of(m, key);
	return m->keys[i] ? m->head[i] : -1;
}

static void grow(rg_index *m)
{
	size_t oc = m->cap;
	char **ok = m->keys;
	int *oh = m->head;
	m->cap = oc ? oc * 2 : FIRST_CAP;
	m->keys = rg_calloc(m->cap, sizeof(char *));
	m->head = rg_calloc(m->cap, sizeof(int));
	for (size_t i = 0; i < oc; i++)
		if (ok[i]) {
			size_t j = slot_of(m, ok[i]);
			m->keys[j] = ok[i];
			m->head[j] = oh[i];
		}
	free(ok);
	free(oh);
}

void rg_index_add(rg_index *m, const char *key, int value)
{
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	size_t i = slot_of(m, key);
	if (m->keys[i] == NULL) {
		rg_index_entry *e = RG_VEC_PUSH(m->e);
		e->value = value;
		e->next = -1;
		m->keys[i] = rg_strdup(key);
		m->head[i] = (int)(m->e.n - 1);
		m->n++;
		return;
	}
	int j = m->head[i];
	for (;;) {
		if (m->e.v[j].value == value)
			return;
		if (m->e.v[j].next < 0)
			break;
		j = m->e.v[j].next;
	}
	rg_index_entry *e = RG_VEC_PUSH(m->e);
	e->value = value;
	e->next = -1;
	m->e.v[j].next = (int)(m->e.n - 1);
}

void rg_index_free(rg_index *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->head);
	RG_VEC_FREE(m->e);
	memset(m, 0, sizeof *m);
}
