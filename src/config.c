/*
 * config: .refgraph.yaml, read through the same YAML tree as notes (ytree):
 * one mapping of scalars, and `exclude` as a list (or one pattern).
 */
#include "refgraph/config.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "refgraph/date.h"
#include "refgraph/notes.h"
#include "refgraph/ytree.h"

void rg_config_init(rg_config *c)
{
	memset(c, 0, sizeof *c);
	c->followup_days = 7;
	c->thank_days = 7;
	c->inform_days = 14;
	c->client_touch_days = 30;
	c->ask_days = 90;
	rg_limits_default(&c->limits);
}

void rg_config_free(rg_config *c)
{
	if (c == NULL)
		return;
	free(c->me);
	free(c->path);
	c->path = NULL;
	for (size_t i = 0; i < c->nexclude; i++)
		free(c->exclude[i]);
	free(c->exclude);
	c->me = NULL;
	c->exclude = NULL;
	c->nexclude = 0;
}

static void add_exclude(rg_config *c, const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == '/')
		n--;
	if (n == 0)
		return;
	c->exclude = rg_realloc(c->exclude, (c->nexclude + 1) * sizeof(char *));
	c->exclude[c->nexclude++] = rg_strndup(s, n);
}

bool rg_config_excluded(const rg_config *c, const char *rel)
{
	if (c->nexclude == 0)
		return false;
	char *p = rg_strdup(rel);
	bool hit = false;
	/* the path itself, then each leading directory */
	for (size_t len = strlen(p); len > 0 && !hit;) {
		p[len] = '\0';
		for (size_t i = 0; i < c->nexclude && !hit; i++)
			hit = fnmatch(c->exclude[i], p, FNM_PATHNAME) == 0;
		char *slash = strrchr(p, '/');
		len = slash ? (size_t)(slash - p) : 0;
	}
	free(p);
	return hit;
}

/* Settings are one mapping of scalars and lists of scalars; anything
 * deeper is not refgraph's. */
#define CONFIG_MAX_DEPTH 64

typedef struct cfg_reader {
	rg_config *c;
	const char *shown;
	rg_diags *d;
} cfg_reader;

static void set_count(cfg_reader *r, const char *key, const char *v,
		      const rg_ynode *m, int *out)
{
	int n;
	if (rg_value_count(v, strlen(v), &n)) {
		*out = n;
		return;
	}
	rg_diag(r->d, r->shown, m->line, m->col, RG_WARNING,
		"%s: '%s' is not a whole number >= 0; the default %d stands",
		key, v, *out);
}

/* A limit: a whole number from lo; above hi, hi is used (a warning). */
static void set_size(cfg_reader *r, const char *key, const char *v,
		     const rg_ynode *m, size_t *out, size_t lo, size_t hi)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(v, &end, 10);
	bool digits = *v >= '0' && *v <= '9';
	if (!digits || errno == EINVAL || end == v || *end || n < lo) {
		rg_diag(r->d, r->shown, m->line, m->col, RG_WARNING,
			"%s: '%s' is not a whole number >= %zu; the default "
			"%zu stands",
			key, v, lo, *out);
		return;
	}
	if (errno == ERANGE || n > hi) {
		rg_diag(r->d, r->shown, m->line, m->col, RG_WARNING,
			"%s: '%s' is more than the largest limit, %zu; %zu is "
			"used",
			key, v, hi, hi);
		n = hi;
	}
	*out = (size_t)n;
}

/* The limits of refgraph(5): key, least and largest value. */
static bool set_limit(cfg_reader *r, const char *key, const char *v,
		      const rg_ynode *vm)
{
	rg_limits *l = &r->c->limits;
	if (strcasecmp(key, "max_file_size") == 0) {
		set_size(r, key, v, vm, &l->max_file_size, 1,
			 RG_LIMIT_MAX_FILE_SIZE);
	} else if (strcasecmp(key, "max_depth") == 0) {
		size_t d = (size_t)l->max_depth;
		set_size(r, key, v, vm, &d, 2, RG_LIMIT_MAX_DEPTH);
		l->max_depth = (int)d;
	} else if (strcasecmp(key, "max_line") == 0) {
		set_size(r, key, v, vm, &l->max_line, 80, RG_LIMIT_MAX_LINE);
	} else if (strcasecmp(key, "max_records") == 0) {
		set_size(r, key, v, vm, &l->max_records, 1,
			 RG_LIMIT_MAX_RECORDS);
	} else {
		return false;
	}
	return true;
}

static void scalar(cfg_reader *r, const char *key, const char *v,
		   const rg_ynode *km, const rg_ynode *vm)
{
	rg_config *c = r->c;
	bool empty = rg_ynode_absent(vm);
	if (strcasecmp(key, "me") == 0) {
		free(c->me);
		c->me = empty ? NULL : rg_strdup(v);
		c->me_line = vm->line;
		c->me_col = vm->col;
	} else if (strcasecmp(key, "exclude") == 0) {
		if (!empty)
			add_exclude(c, v, strlen(v));
	} else if (empty) {
		return;
	} else if (strcasecmp(key, "followup_days") == 0) {
		set_count(r, key, v, vm, &c->followup_days);
	} else if (strcasecmp(key, "thank_days") == 0) {
		set_count(r, key, v, vm, &c->thank_days);
	} else if (strcasecmp(key, "inform_days") == 0) {
		set_count(r, key, v, vm, &c->inform_days);
	} else if (strcasecmp(key, "client_touch_days") == 0) {
		set_count(r, key, v, vm, &c->client_touch_days);
	} else if (strcasecmp(key, "ask_days") == 0) {
		set_count(r, key, v, vm, &c->ask_days);
	} else if (set_limit(r, key, v, vm)) {
		return;
	} else {
		rg_diag(r->d, r->shown, km->line, km->col, RG_WARNING,
			"unknown setting '%s'; ignored", key);
	}
}

/*
 * Settings are read like notes (notes.c, rg_read_settings): no link followed,
 * never blocking on a FIFO, regular files only, whole up to max_file_size.
 * A link or a file of another kind is a warning and the defaults stand,
 * as a note of that kind is skipped; a file too big is an error.
 */
bool rg_config_read(rg_config *c, const char *path, const char *shown,
		    bool optional, rg_diags *d)
{
	char *text;
	size_t len;
	bool big, dir_failed;
	int e = rg_read_settings(path, c->limits.max_file_size, &text, &len,
				 &big, &dir_failed);
	/* ROOT's own settings in a folder that cannot be read: the walk
	 * names ROOT, which is where the fault is */
	if (e != 0 && dir_failed && optional)
		return true;
	if (e == 0) {
		rg_config_parse(c, text, len, shown, d);
		free(text);
	} else if ((e == ENOENT || e == ENOTDIR) && optional) {
		return true;
	} else if (e == ELOOP) {
		rg_diag(d, shown, 0, 0, RG_WARNING,
			"symbolic link not followed; the settings are not "
			"read");
	} else if (e == EINVAL) {
		rg_diag(d, shown, 0, 0, RG_WARNING,
			"not a regular file; the settings are not read");
	} else if (big) {
		rg_diag(d, shown, 0, 0, RG_ERROR,
			"file larger than %zu bytes (max_file_size); the "
			"settings are not read",
			c->limits.max_file_size);
	} else {
		rg_diag(d, shown, 0, 0, RG_ERROR, "cannot read: %s",
			strerror(e));
		return false;
	}
	return true;
}

/* One key and its value of the settings mapping. */
static void setting(cfg_reader *r, const rg_ynode *k, const rg_ynode *v)
{
	if (k->type != RG_YSCALAR)
		return;
	if (v->type == RG_YSCALAR) {
		scalar(r, k->s, v->s, k, v);
		return;
	}
	if (rg_ynode_link_shaped(v) && strcasecmp(k->s, "me") == 0) {
		/* me: [[Pat Owner]] unquoted, a list in a list to YAML */
		const rg_ynode *in = v->kids[0]->kids[0];
		char *t = rg_asprintf("[[%s]]", in->s);
		rg_diag(r->d, r->shown, v->line, v->col, RG_WARNING,
			"me: unquoted %s is a list in YAML; read as the "
			"wiki-link (write it in quotes: \"%s\")",
			t, t);
		free(r->c->me);
		r->c->me = t;
		r->c->me_line = v->line;
		r->c->me_col = v->col;
		return;
	}
	if (v->type == RG_YSEQ && strcasecmp(k->s, "exclude") == 0) {
		for (size_t i = 0; i < v->nkids; i++)
			if (v->kids[i]->type == RG_YSCALAR)
				add_exclude(r->c, v->kids[i]->s,
					    v->kids[i]->slen);
		return;
	}
	rg_diag(r->d, r->shown, v->line, v->col, RG_WARNING,
		"%s: expected a single value; ignored", k->s);
}

/*
 * Only the first document is read.  After a syntax error the settings
 * before it stand, as a note file keeps what comes before its error.
 */
void rg_config_parse(rg_config *c, const char *text, size_t len,
		     const char *shown, rg_diags *d)
{
	cfg_reader r = {c, shown, d};
	free(c->path);
	c->path = rg_strdup(shown);
	rg_ytree *t = rg_ytree_new(text, len, 1, CONFIG_MAX_DEPTH);
	rg_ytree_skip_deep(t); /* one deep value must not lose the rest */
	const rg_ynode *root;
	rg_ystep st = rg_ytree_next(t, &root);
	const rg_yerror *e = rg_ytree_error(t);
	int dl, dc;
	if (rg_ytree_deep(t, &dl, &dc))
		rg_diag(d, shown, dl, dc, RG_WARNING,
			"YAML nested deeper than %d levels; that value is "
			"ignored",
			CONFIG_MAX_DEPTH);
	if (rg_ytree_spent(t, &dl, &dc))
		rg_diag(d, shown, dl, dc, RG_ERROR,
			"YAML aliases repeat more text than the file holds; "
			"this alias and later long ones are read as empty");
	if (st == RG_YERR)
		rg_diag(d, shown, e->line, e->col, RG_ERROR,
			"YAML syntax error: %s; the rest of the settings are "
			"not read",
			e->problem);
	if (root && root->type == RG_YMAP) {
		for (size_t i = 0; i + 1 < root->nkids; i += 2)
			setting(&r, root->kids[i], root->kids[i + 1]);
	} else if (root && (root->type != RG_YSCALAR || root->slen > 0)) {
		rg_diag(d, shown, root->line, root->col, RG_WARNING,
			"settings are not a mapping; ignored");
	}
	rg_ytree_free(t);
}
