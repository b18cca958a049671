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

/* The slot of k (hash h), or the free slot where it would go. */
static size_t slot_of(const rg_index *m, const char *k, size_t h)
{
	size_t i = h & (m->cap - 1);
	for (;;) {
		const rg_index_slot *s = &m->slots[i];
		if (s->key == NULL ||
		    (s->hash == (uint32_t)h && strcmp(s->key, k) == 0))
			return i;
		i = (i + 1) & (m->cap - 1);
	}
}

int rg_index_get(const rg_index *m, const char *key)
{
	if (m->cap == 0)
		return -1;
	const rg_index_slot *s = &m->slots[slot_of(m, key, hash(key))];
	return s->key ? s->head : -1;
}

static void grow(rg_index *m)
{
	size_t oc = m->cap;
	rg_index_slot *old = m->slots;
	m->cap = oc ? oc * 2 : FIRST_CAP;
	m->slots = rg_calloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < oc; i++)
		if (old[i].key) {
			/* the kept bits place the key while the slots fit in
			 * them; past that, the whole hash again */
			size_t h = m->cap - 1 <= UINT32_MAX ? old[i].hash
							    : hash(old[i].key);
			m->slots[slot_of(m, old[i].key, h)] = old[i];
		}
	free(old);
}

void rg_index_add(rg_index *m, const char *key, int value)
{
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	size_t h = hash(key);
	rg_index_slot *s = &m->slots[slot_of(m, key, h)];
	if (s->key == NULL) {
		rg_index_entry *e = RG_VEC_PUSH(m->e);
		e->value = value;
		e->next = -1;
		if (m->text == NULL)
			m->text = rg_arena_new();
		s->key = rg_arena_strdup(m->text, key);
		s->hash = (uint32_t)h;
		s->head = (int)(m->e.n - 1);
		m->n++;
		return;
	}
	int j = s->head;
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
	free(m->slots);
	rg_arena_free(m->text);
	RG_VEC_FREE(m->e);
	memset(m, 0, sizeof *m);
}
