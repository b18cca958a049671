/*
 * previous: an earlier report as a set of row identities, and the marking
 * of the rows of this run's report that are not in it (what changed since
 * the last run).  The earlier report is read back from its JSON (jansson)
 * or taken from a report computed in this run; both give the same
 * identities, so --previous FILE and --previous-rev REV mark alike.
 */
#include "refgraph/previous.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/render.h"
#include "refgraph/util.h"

/* An earlier report larger than this is not one refgraph wrote for notes
 * a person keeps: refuse it rather than hold it all in memory. */
#define PREVIOUS_MAX_BYTES ((size_t)256 << 20)
/* YYYY-MM-DD and its NUL */
#define DATE_SIZE 11

/* The reports whose rows are compared, and the JSON keys that make a
 * row's identity, in the order they are written into it. */
enum { MAX_ID_FIELDS = 5 };
static const struct {
	const char *key;
	const char *fields[MAX_ID_FIELDS + 1];
} ids[] = {
	{"followups", {"reason", "contact", "file", "line", NULL}},
	{"sources", {"contact", NULL}},
	{"uncredited", {"reason", "contact", "source", "file", "line", NULL}},
	{"reciprocity", {"contact", "file", "line", NULL}},
	{"asks", {"contact", "file", "line", NULL}},
};
#define NIDS (sizeof ids / sizeof *ids)

/*
 * An identity is the report's key and each field, each behind a unit
 * separator; a string carries its length, so no name can pass for two
 * fields.
 */
static void id_str(rg_buf *b, const char *s)
{
	if (s == NULL)
		rg_buf_puts(b, "\x1fn");
	else
		rg_buf_printf(b, "\x1fs%zu:%s", strlen(s), s);
}

/*
 * A string of this run's rows as the JSON report wrote it: bytes that are
 * not UTF-8 became U+FFFD there (out_json.c), so they do here, or a row
 * named so would never match itself.
 */
static void id_text(rg_buf *b, const char *s)
{
	if (s == NULL) {
		id_str(b, NULL);
		return;
	}
	rg_buf clean = {0};
	rg_put_clean(&clean, s, NULL);
	id_str(b, clean.s ? clean.s : "");
	rg_buf_free(&clean);
}

static void id_int(rg_buf *b, long long n)
{
	rg_buf_printf(b, "\x1fi%lld", n);
}

static int cmp_key(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- from JSON ---- */

static char *not_report(const char *name, const char *what)
{
	return rg_asprintf("%s is not a refgraph JSON report (%s)", name, what);
}

/* The identity of one JSON row, or NULL (with *why) when it lacks one. */
static char *json_id(size_t k, const json_t *row, const char *name, size_t i,
		     char **why)
{
	if (!json_is_object(row)) {
		*why = rg_asprintf("%s is not a refgraph JSON report (%s row "
				   "%zu is not an object)",
				   name, ids[k].key, i + 1);
		return NULL;
	}
	rg_buf b = {0};
	rg_buf_puts(&b, ids[k].key);
	for (size_t f = 0; ids[k].fields[f]; f++) {
		const json_t *v = json_object_get(row, ids[k].fields[f]);
		if (json_is_string(v)) {
			id_str(&b, json_string_value(v));
		} else if (json_is_null(v)) {
			id_str(&b, NULL);
		} else if (json_is_integer(v)) {
			id_int(&b, (long long)json_integer_value(v));
		} else {
			*why = rg_asprintf("%s is not a refgraph JSON report "
					   "(%s row %zu has no %s)",
					   name, ids[k].key, i + 1,
					   ids[k].fields[f]);
			rg_buf_free(&b);
			return NULL;
		}
	}
	return b.s;
}

static bool json_rows(rg_previous *p, const json_t *root, const char *name,
		      char **why)
{
	bool any = json_is_object(json_object_get(root, "summary"));
	for (size_t k = 0; k < NIDS; k++) {
		const json_t *a = json_object_get(root, ids[k].key);
		if (a == NULL)
			continue;
		if (!json_is_array(a)) {
			*why = rg_asprintf("%s is not a refgraph JSON report "
					   "(%s is not a list)",
					   name, ids[k].key);
			return false;
		}
		any = true;
		size_t n = json_array_size(a);
		rg_grow((void **)&p->keys, &p->cap, p->nkeys + n + 1,
			sizeof *p->keys);
		for (size_t i = 0; i < n; i++) {
			char *id =
				json_id(k, json_array_get(a, i), name, i, why);
			if (id == NULL)
				return false;
			p->keys[p->nkeys++] = id;
		}
	}
	if (!any)
		*why = not_report(name, "no report in it");
	return any;
}

int rg_previous_parse(rg_previous *p, const char *text, size_t len,
		      const char *name, char **why)
{
	memset(p, 0, sizeof *p);
	*why = NULL;
	json_error_t err;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL) {
		*why = rg_asprintf("%s is not a refgraph JSON report "
				   "(line %d, column %d: %s)",
				   name, err.line, err.column, err.text);
		return RG_EXIT_USAGE;
	}
	const json_t *t = json_object_get(root, "today");
	const char *ts = json_is_string(t) ? json_string_value(t) : NULL;
	bool ok = false;
	if (!json_is_object(root))
		*why = not_report(name, "not an object");
	else if (ts == NULL || strlen(ts) != DATE_SIZE - 1 ||
		 !rg_date_parse10(ts, &p->today))
		*why = not_report(name, "no \"today\" date");
	else
		ok = json_rows(p, root, name, why);
	json_decref(root);
	if (!ok) {
		rg_previous_free(p);
		return RG_EXIT_USAGE;
	}
	if (p->nkeys)
		qsort(p->keys, p->nkeys, sizeof *p->keys, cmp_key);
	return RG_EXIT_OK;
}

/* The whole file, or an errno value. */
static int slurp(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return errno;
	rg_buf b = {0};
	char chunk[BUFSIZ];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		rg_buf_put(&b, chunk, n);
		if (b.len > PREVIOUS_MAX_BYTES) {
			fclose(f);
			rg_buf_free(&b);
			return EFBIG;
		}
	}
	int e = ferror(f) ? (errno ? errno : EIO) : 0;
	fclose(f);
	if (e) {
		rg_buf_free(&b);
		return e;
	}
	*data = b.s ? b.s : rg_strdup("");
	*len = b.len;
	return 0;
}

int rg_previous_load(rg_previous *p, const char *path, char **why)
{
	memset(p, 0, sizeof *p);
	*why = NULL;
	char *data = NULL;
	size_t len = 0;
	errno = 0;
	int e = slurp(path, &data, &len);
	if (e) {
		*why = rg_asprintf("cannot read the previous report %s: %s",
				   path, strerror(e));
		return RG_EXIT_IO;
	}
	int st = rg_previous_parse(p, data, len, path, why);
	free(data);
	return st;
}

/* ---- from this run's rows ---- */

static char *fu_id(const rg_fu_row *x)
{
	rg_buf b = {0};
	rg_buf_puts(&b, "followups");
	id_str(&b, rg_fu_reason_name(x->reason));
	id_text(&b, x->contact);
	id_text(&b, x->file);
	id_int(&b, x->line);
	return b.s;
}

static char *src_id(const rg_src_row *x)
{
	rg_buf b = {0};
	rg_buf_puts(&b, "sources");
	id_text(&b, x->contact);
	return b.s;
}

static char *un_id(const rg_un_row *x)
{
	rg_buf b = {0};
	rg_buf_puts(&b, "uncredited");
	id_str(&b, rg_un_reason_name(x->reason));
	id_text(&b, x->contact);
	id_text(&b, x->source);
	id_text(&b, x->file);
	id_int(&b, x->line);
	return b.s;
}

/* reciprocity and asks: the contact and its place */
static char *contact_id(const char *report, const char *contact,
			const char *file, int line)
{
	rg_buf b = {0};
	rg_buf_puts(&b, report);
	id_text(&b, contact);
	id_text(&b, file);
	id_int(&b, line);
	return b.s;
}

/* Calls fn with every row's identity and its is_new flag. */
static void each_row(const rg_report *r,
		     void (*fn)(void *ctx, char *id, bool *is_new), void *ctx)
{
	/* the rows are the report's own: is_new is written through them */
	rg_report *w = (rg_report *)r;
	if (r->has_followups)
		for (size_t i = 0; i < r->followups.n; i++)
			fn(ctx, fu_id(&r->followups.v[i]),
			   &w->followups.v[i].is_new);
	if (r->has_sources)
		for (size_t i = 0; i < r->sources.n; i++)
			fn(ctx, src_id(&r->sources.v[i]),
			   &w->sources.v[i].is_new);
	if (r->has_uncredited)
		for (size_t i = 0; i < r->uncredited.n; i++)
			fn(ctx, un_id(&r->uncredited.v[i]),
			   &w->uncredited.v[i].is_new);
	if (r->has_reciprocity)
		for (size_t i = 0; i < r->reciprocity.n; i++) {
			const rg_rec_row *x = &r->reciprocity.v[i];
			fn(ctx,
			   contact_id("reciprocity", x->contact, x->file,
				      x->line),
			   &w->reciprocity.v[i].is_new);
		}
	if (r->has_asks)
		for (size_t i = 0; i < r->asks.n; i++) {
			const rg_ask_row *x = &r->asks.v[i];
			fn(ctx,
			   contact_id("asks", x->contact, x->file, x->line),
			   &w->asks.v[i].is_new);
		}
}

static void collect(void *ctx, char *id, bool *is_new)
{
	(void)is_new;
	rg_previous *p = ctx;
	rg_grow((void **)&p->keys, &p->cap, p->nkeys + 1, sizeof *p->keys);
	p->keys[p->nkeys++] = id;
}

void rg_previous_of(rg_previous *p, const rg_report *r)
{
	memset(p, 0, sizeof *p);
	p->today = r->today;
	each_row(r, collect, p);
	if (p->nkeys)
		qsort(p->keys, p->nkeys, sizeof *p->keys, cmp_key);
}

static void mark(void *ctx, char *id, bool *is_new)
{
	const rg_previous *p = ctx;
	*is_new = p->nkeys == 0 || bsearch(&id, p->keys, p->nkeys,
					   sizeof *p->keys, cmp_key) == NULL;
	free(id);
}

void rg_previous_mark(rg_report *r, const rg_previous *p)
{
	each_row(r, mark, (void *)p);
	r->has_previous = true;
	r->previous_today = p->today;
}

void rg_previous_free(rg_previous *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->nkeys; i++)
		free(p->keys[i]);
	free(p->keys);
	p->keys = NULL;
	p->nkeys = p->cap = 0;
}

/* ---- the digest ---- */

/* The new rows among a report's, none when the run has not that report. */
#define COUNT_NEW(has, vec, out)                                               \
	do {                                                                   \
		for (size_t i_ = 0; (has) && i_ < (vec).n; i_++)               \
			(out) += (vec).v[i_].is_new;                           \
	} while (0)

void rg_previous_digest(const rg_report *r, rg_digest *dg)
{
	memset(dg, 0, sizeof *dg);
	COUNT_NEW(r->has_followups, r->followups, dg->followups);
	COUNT_NEW(r->has_sources, r->sources, dg->sources);
	COUNT_NEW(r->has_uncredited, r->uncredited, dg->uncredited);
	COUNT_NEW(r->has_reciprocity, r->reciprocity, dg->reciprocity);
	COUNT_NEW(r->has_asks, r->asks, dg->asks);
}

char *rg_previous_line(const rg_report *r)
{
	if (!r->has_previous)
		return NULL;
	rg_digest dg;
	rg_previous_digest(r, &dg);
	const struct {
		size_t n;
		const char *one, *many;
	} parts[] = {
		{dg.followups, "follow-up", "follow-ups"},
		{dg.uncredited, "uncredited referral", "uncredited referrals"},
		{dg.sources, "referral source", "referral sources"},
		{dg.reciprocity, "referral partner", "referral partners"},
		{dg.asks, "client to ask", "clients to ask"},
	};
	char since[DATE_SIZE];
	rg_date_format(r->previous_today, since);
	rg_buf b = {0};
	for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
		if (parts[k].n == 0)
			continue;
		rg_buf_printf(&b, "%s%zu new %s", b.len ? ", " : "", parts[k].n,
			      parts[k].n == 1 ? parts[k].one : parts[k].many);
	}
	if (b.len == 0)
		rg_buf_puts(&b, "Nothing new");
	rg_buf_printf(&b, " since %s", since);
	return b.s;
}
