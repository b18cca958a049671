/*
 * records: what records.h declares beyond the structs: status words, the
 * default limits, and a file's records made and freed.
 */
#include "refgraph/records.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const status_names[] = {
	NULL,  "new",  "contacted", "meeting",	  "proposal",
	"won", "lost", "declined",  "unreachable"};

rg_status rg_status_parse(const char *s, size_t n)
{
	size_t b = 0, e = n;
	rg_trim(s, &b, &e);
	for (int i = 1; i <= RG_ST_UNREACHABLE; i++)
		if (strlen(status_names[i]) == e - b &&
		    strncasecmp(s + b, status_names[i], e - b) == 0)
			return (rg_status)i;
	return RG_ST_NONE;
}

const char *rg_status_name(rg_status s)
{
	return s > RG_ST_NONE && s <= RG_ST_UNREACHABLE ? status_names[s] : "";
}

void rg_limits_default(rg_limits *l)
{
	l->max_file_size = RG_DEFAULT_MAX_FILE_SIZE;
	l->max_depth = RG_DEFAULT_MAX_DEPTH;
	l->max_line = RG_DEFAULT_MAX_LINE;
	l->max_records = RG_DEFAULT_MAX_RECORDS;
}

rg_file *rg_file_new(const char *path)
{
	rg_file *f = rg_calloc(1, sizeof(rg_file));
	f->path = rg_strdup(path);
	f->arena = rg_arena_new();
	return f;
}

/* Relocating the pointers of a file whose arena was packed. */
typedef struct mover {
	const rg_arena *from, *to;
} mover;

static void *moved(const mover *m, const void *p)
{
	/* the records' own pointers, not const: cast back as they were */
	return (void *)rg_arena_moved(m->from, m->to, p);
}

static void move_strs(const mover *m, const char ***v, size_t n)
{
	*v = moved(m, *v);
	for (size_t i = 0; i < n; i++)
		(*v)[i] = moved(m, (*v)[i]);
}

static void move_refs(const mover *m, rg_ref **v, size_t n)
{
	*v = moved(m, *v);
	for (size_t i = 0; i < n; i++)
		(*v)[i].target = moved(m, (*v)[i].target);
}

static void move_contact(const mover *m, rg_contact_rec *c)
{
	c->id = moved(m, c->id);
	c->name = moved(m, c->name);
	c->org = moved(m, c->org);
	c->source = moved(m, c->source);
	move_strs(m, &c->aliases, c->naliases);
	move_strs(m, &c->roles, c->nroles);
	move_refs(m, &c->refby, c->nrefby);
}

static void move_records(const mover *m, rg_file *f)
{
	for (size_t i = 0; i < f->contacts.n; i++)
		move_contact(m, &f->contacts.v[i]);
	for (size_t i = 0; i < f->inters.n; i++)
		move_refs(m, &f->inters.v[i].with, f->inters.v[i].nwith);
	for (size_t i = 0; i < f->refrecs.n; i++) {
		rg_refrec *r = &f->refrecs.v[i];
		r->from.target = moved(m, r->from.target);
		r->prospect.target = moved(m, r->prospect.target);
		r->to.target = moved(m, r->to.target);
	}
	for (size_t i = 0; i < f->fields.n; i++)
		f->fields.v[i].who.target = moved(m, f->fields.v[i].who.target);
	for (size_t i = 0; i < f->tasks.n; i++) {
		rg_task *k = &f->tasks.v[i];
		k->text = moved(m, k->text);
		move_refs(m, &k->links, k->nlinks);
	}
	for (size_t i = 0; i < f->links.n; i++)
		f->links.v[i].target = moved(m, f->links.v[i].target);
	for (size_t i = 0; i < f->skipped.n; i++)
		f->skipped.v[i].why = moved(m, f->skipped.v[i].why);
}

/* Move one vector's elements into the packed arena's spare room. */
#define PACK_VEC(a, vec)                                                       \
	do {                                                                   \
		void *to_ = NULL;                                              \
		if ((vec).n) {                                                 \
			to_ = rg_arena_alloc(a, (vec).n * sizeof(*(vec).v));   \
			memcpy(to_, (vec).v, (vec).n * sizeof(*(vec).v));      \
		}                                                              \
		free((vec).v);                                                 \
		(vec).v = to_;                                                 \
		(vec).cap = (vec).n;                                           \
	} while (0)
#define VEC_NEED(vec) ((vec).n ? rg_arena_need((vec).n * sizeof(*(vec).v)) : 0)

void rg_file_pack(rg_file *f)
{
	if (f->packed)
		return;
	size_t extra = VEC_NEED(f->contacts) + VEC_NEED(f->inters) +
		       VEC_NEED(f->refrecs) + VEC_NEED(f->fields) +
		       VEC_NEED(f->tasks) + VEC_NEED(f->links) +
		       VEC_NEED(f->skipped);
	rg_arena *to = rg_arena_pack(f->arena, extra);
	mover m = {f->arena, to};
	/* relocated in place first, then copied: the vectors are not in the
	 * arena, only what they point to */
	move_records(&m, f);
	PACK_VEC(to, f->contacts);
	PACK_VEC(to, f->inters);
	PACK_VEC(to, f->refrecs);
	PACK_VEC(to, f->fields);
	PACK_VEC(to, f->tasks);
	PACK_VEC(to, f->links);
	PACK_VEC(to, f->skipped);
	rg_arena_free(f->arena);
	f->arena = to;
	f->packed = true;
}

void rg_file_free(rg_file *f)
{
	if (f == NULL)
		return;
	free(f->path);
	rg_arena_free(f->arena);
	rg_diags_free(&f->diags);
	if (f->packed) {
		free(f);
		return;
	}
	RG_VEC_FREE(f->contacts);
	RG_VEC_FREE(f->inters);
	RG_VEC_FREE(f->refrecs);
	RG_VEC_FREE(f->fields);
	RG_VEC_FREE(f->tasks);
	RG_VEC_FREE(f->links);
	RG_VEC_FREE(f->skipped);
	free(f);
}
