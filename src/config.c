/*
 * config: .refgraph.yaml, read with libyaml's event API: one mapping of
 * scalars, and `exclude` as a list (or one pattern).
 */
#include "refgraph/config.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "refgraph/date.h"

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

typedef struct cfg_reader {
	rg_config *c;
	const char *shown;
	rg_diags *d;
} cfg_reader;

static void set_count(cfg_reader *r, const char *key, const char *v,
		      const yaml_mark_t *m, int *out)
{
	int n;
	if (rg_count_parse(v, strlen(v), &n)) {
		*out = n;
		return;
	}
	rg_diag(r->d, r->shown, (int)m->line + 1, (int)m->column + 1,
		RG_WARNING,
		"%s: '%s' is not a whole number >= 0; the default %d stands",
		key, v, *out);
}

static void set_size(cfg_reader *r, const char *key, const char *v,
		     const yaml_mark_t *m, size_t *out, size_t lo)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(v, &end, 10);
	if (errno || end == v || *end || n < lo || n > ((size_t)1 << 40)) {
		rg_diag(r->d, r->shown, (int)m->line + 1, (int)m->column + 1,
			RG_WARNING,
			"%s: '%s' is not a whole number >= %zu; the default "
			"%zu "
			"stands",
			key, v, lo, *out);
		return;
	}
	*out = (size_t)n;
}

static void scalar(cfg_reader *r, const char *key, const char *v,
		   const yaml_mark_t *km, const yaml_mark_t *vm)
{
	rg_config *c = r->c;
	bool empty =
		*v == '\0' || strcmp(v, "~") == 0 || strcasecmp(v, "null") == 0;
	if (strcasecmp(key, "me") == 0) {
		free(c->me);
		c->me = empty ? NULL : rg_strdup(v);
		c->me_line = (int)vm->line + 1;
		c->me_col = (int)vm->column + 1;
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
	} else if (strcasecmp(key, "max_file_size") == 0) {
		set_size(r, key, v, vm, &c->limits.max_file_size, 1);
	} else if (strcasecmp(key, "max_depth") == 0) {
		size_t d = (size_t)c->limits.max_depth;
		set_size(r, key, v, vm, &d, 2);
		c->limits.max_depth = d > 100000 ? 100000 : (int)d;
	} else if (strcasecmp(key, "max_line") == 0) {
		set_size(r, key, v, vm, &c->limits.max_line, 80);
	} else if (strcasecmp(key, "max_records") == 0) {
		set_size(r, key, v, vm, &c->limits.max_records, 1);
	} else {
		rg_diag(r->d, r->shown, (int)km->line + 1, (int)km->column + 1,
			RG_WARNING, "unknown setting '%s'; ignored", key);
	}
}

static bool read_text(const char *path, char **out, size_t *len, bool *missing)
{
	FILE *fp = fopen(path, "rb");
	*missing = false;
	if (fp == NULL) {
		*missing = errno == ENOENT || errno == ENOTDIR;
		return false;
	}
	rg_buf b = {0};
	char tmp[8192];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, fp)) > 0) {
		rg_buf_put(&b, tmp, n);
		if (b.len > (1u << 20))
			break;
	}
	bool ok = !ferror(fp);
	fclose(fp);
	if (!ok) {
		rg_buf_free(&b);
		return false;
	}
	*out = b.s ? b.s : rg_strdup("");
	*len = b.len;
	return true;
}

bool rg_config_read(rg_config *c, const char *path, const char *shown,
		    bool optional, rg_diags *d)
{
	char *text;
	size_t len;
	bool missing;
	if (!read_text(path, &text, &len, &missing)) {
		if (missing && optional)
			return true;
		rg_diag(d, shown, 0, 0, RG_ERROR, "cannot read: %s",
			strerror(errno ? errno : EIO));
		return false;
	}
	rg_config_parse(c, text, len, shown, d);
	free(text);
	return true;
}

void rg_config_parse(rg_config *c, const char *text, size_t len,
		     const char *shown, rg_diags *d)
{
	cfg_reader r = {c, shown, d};
	free(c->path);
	c->path = rg_strdup(shown);
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p))
		rg_oom();
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	/* depth 1: the top mapping; 2: a list under a key */
	int depth = 0;
	bool want_key = true;
	char *key = NULL;
	yaml_mark_t keymark = {0};
	bool done = false, top_warned = false;
	while (!done) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			/* keep the place inside the file: libyaml may point
			 * one line past its end */
			int nlines = 0;
			for (size_t i = 0; i < len; i++)
				nlines += text[i] == '\n';
			if (len > 0 && text[len - 1] != '\n')
				nlines++;
			int line = (int)p.problem_mark.line + 1;
			int col = (int)p.problem_mark.column + 1;
			if (nlines > 0 && line > nlines) {
				line = nlines;
				col = 1;
			}
			rg_diag(d, shown, line, col, RG_ERROR,
				"YAML syntax error: %s; the rest of the "
				"settings are not read",
				p.problem ? p.problem : "invalid YAML");
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
		case YAML_DOCUMENT_END_EVENT: done = true; break;
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT:
			if (depth == 0 && ev.type != YAML_MAPPING_START_EVENT &&
			    !top_warned) {
				rg_diag(d, shown, (int)ev.start_mark.line + 1,
					(int)ev.start_mark.column + 1,
					RG_WARNING,
					"settings are not a mapping; ignored");
				top_warned = true;
				done = true; /* nothing in it is read */
			} else if (depth == 1 && key &&
				   ev.type == YAML_SEQUENCE_START_EVENT &&
				   strcasecmp(key, "exclude") == 0) {
				/* items follow */
			} else if (depth == 1 && key) {
				rg_diag(d, shown, (int)ev.start_mark.line + 1,
					(int)ev.start_mark.column + 1,
					RG_WARNING,
					"%s: expected a single value; ignored",
					key);
			}
			depth++;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			depth--;
			if (depth == 1) {
				free(key);
				key = NULL;
				want_key = true;
			}
			break;
		case YAML_SCALAR_EVENT: {
			const char *v = (const char *)ev.data.scalar.value;
			if (depth == 0 && *v) {
				rg_diag(d, shown, (int)ev.start_mark.line + 1,
					(int)ev.start_mark.column + 1,
					RG_WARNING,
					"settings are not a mapping; ignored");
				done = true;
			} else if (depth == 1 && want_key) {
				free(key);
				key = rg_strdup(v);
				keymark = ev.start_mark;
				want_key = false;
			} else if (depth == 1) {
				scalar(&r, key, v, &keymark, &ev.start_mark);
				free(key);
				key = NULL;
				want_key = true;
			} else if (depth == 2 && key &&
				   strcasecmp(key, "exclude") == 0) {
				add_exclude(c, v, strlen(v));
			}
			break;
		}
		default: break;
		}
		yaml_event_delete(&ev);
	}
	free(key);
	yaml_parser_delete(&p);
}
