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

void rg_file_free(rg_file *f)
{
	if (f == NULL)
		return;
	if (f->in_block)
		rg_arena_clear(f->arena);
	else
		rg_arena_free(f->arena);
	rg_diags_free(&f->diags);
	/* in one block, a vector owns its elements only once it has grown
	 * (it then has a capacity: RG_VEC_PUSH) */
#define FREE_OWNED(vec)                                                        \
	do {                                                                   \
		if (!f->in_block || (vec).cap > 0)                             \
			free((vec).v);                                         \
	} while (0)
	FREE_OWNED(f->contacts);
	FREE_OWNED(f->inters);
	FREE_OWNED(f->refrecs);
	FREE_OWNED(f->fields);
	FREE_OWNED(f->tasks);
	FREE_OWNED(f->links);
	FREE_OWNED(f->skipped);
#undef FREE_OWNED
	if (!f->in_block)
		free(f->path);
	free(f);
}
