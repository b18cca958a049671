/*
 * yfields: the fields of one YAML mapping, gathered once: names lower-cased
 * (field names match in any case), a field given twice reported, and the
 * tag words of `tags`.
 */
#include "refgraph/yfields.h"

#include <string.h>

#include "refgraph/value.h"
#include "refgraph/yval.h"

static const char *const role_tags[] = {"client", "prospect", "partner", "lead",
					"former-client"};

bool rg_yfields_role_tag(const char *w)
{
	for (size_t i = 0; i < sizeof role_tags / sizeof *role_tags; i++)
		if (strcmp(w, role_tags[i]) == 0)
			return true;
	return false;
}

static void add_tag(rg_arena *tmp, rg_yfields *fs, const char *s, size_t n)
{
	size_t b, e;
	if (!rg_value_tag(s, n, &b, &e))
		return;
	char *w = rg_arena_strndup(tmp, s + b, e - b);
	rg_ascii_lower(w, e - b);
	fs->tags[fs->ntags++] = w;
}

/*
 * The tag words of a mapping (notes format section 2, v3).  Read quietly:
 * tags are the user's own, and only the words refgraph knows matter.
 */
static void tags_of(rg_arena *tmp, rg_yfields *fs, const rg_ynode *v)
{
	fs->ntags = 0;
	if (v == NULL || (v->type != RG_YSCALAR && v->type != RG_YSEQ))
		return;
	size_t cap = v->type == RG_YSEQ ? v->nkids : 1;
	for (size_t i = 0; v->type == RG_YSCALAR && i < v->slen; i++)
		cap += v->s[i] == ',';
	fs->tags = rg_arena_alloc(tmp, cap * sizeof(char *));
	if (v->type == RG_YSCALAR) {
		size_t pos = 0, b, e;
		while (rg_value_item(v->s, v->slen, &pos, &b, &e))
			add_tag(tmp, fs, v->s + b, e - b);
	} else if (v->type == RG_YSEQ) {
		for (size_t i = 0; i < v->nkids; i++)
			if (v->kids[i]->type == RG_YSCALAR)
				add_tag(tmp, fs, v->kids[i]->s,
					v->kids[i]->slen);
	}
}

void rg_yfields_read(rg_file *f, rg_arena *tmp, const rg_ynode *map,
		     rg_yfields *fs)
{
	fs->n = 0;
	for (size_t i = 0; i + 1 < map->nkids; i += 2) {
		const rg_ynode *k = map->kids[i], *v = map->kids[i + 1];
		if (k->type != RG_YSCALAR)
			continue;
		char *name = rg_arena_strndup(tmp, k->s, k->slen);
		rg_ascii_lower(name, k->slen);
		bool dup = false;
		for (size_t j = 0; j < fs->n; j++)
			if (strcmp(fs->name[j], name) == 0) {
				rg_yval_diag(
					f, k, RG_ERROR,
					"field '%s' given twice in one mapping "
					"(first at line %d); the first is used",
					name, fs->key[j]->line);
				dup = true;
				break;
			}
		if (dup)
			continue;
		if (fs->n == RG_YFIELDS_MAX) {
			rg_yval_diag(f, k, RG_WARNING,
				     "more than %d fields in one mapping; '%s' "
				     "and the "
				     "fields after it are ignored",
				     RG_YFIELDS_MAX, name);
			break;
		}
		fs->name[fs->n] = name;
		fs->key[fs->n] = k;
		fs->val[fs->n] = v;
		fs->n++;
	}
	tags_of(tmp, fs, rg_yfields_get(fs, "tags"));
}

const rg_ynode *rg_yfields_get(const rg_yfields *fs, const char *name)
{
	/* (asked for a dozen names a record, most of them absent: the
	 * first byte turns nearly every other name away without a call) */
	for (size_t i = 0; i < fs->n; i++)
		if (fs->name[i][0] == name[0] && strcmp(fs->name[i], name) == 0)
			return fs->val[i];
	return NULL;
}

bool rg_yfields_has(const rg_yfields *fs, const char *name)
{
	return !rg_ynode_absent(rg_yfields_get(fs, name));
}
