/*
 * note: front matter, BOM, line ends, the note's date, default ids.  The
 * records themselves come from yaml_rec and md_scan.
 */
#include "refgraph/note.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/md_scan.h"
#include "refgraph/names.h"
#include "refgraph/yaml_rec.h"

static bool ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);
	return n > k && strcmp(s + n - k, suf) == 0;
}

bool rg_note_name(const char *name)
{
	return ends_with(name, ".md") || ends_with(name, ".markdown") ||
	       ends_with(name, ".yaml") || ends_with(name, ".yml");
}

static const char *basename_of(const char *path)
{
	const char *b = strrchr(path, '/');
	return b ? b + 1 : path;
}

/* A `---` (or `...` when closing) line with only blanks after it. */
static bool marker_line(const char *s, size_t n, bool closing)
{
	if (n < 3)
		return false;
	if (!(memcmp(s, "---", 3) == 0 ||
	      (closing && memcmp(s, "...", 3) == 0)))
		return false;
	for (size_t i = 3; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/*
 * Warn once at the first byte that is not UTF-8.  utf8proc decodes (and
 * rejects overlong forms and surrogates) what is not ASCII; ASCII, most
 * of a note, is skipped a word at a time.  The line and column are
 * counted only for the warning: the column counts code points, as every
 * column does, and the text before the bad byte is UTF-8, so that is the
 * bytes that do not continue a character.
 */
static void check_utf8(rg_file *f, const char *s, size_t n)
{
	size_t i = rg_utf8_valid_prefix(s, n);
	if (i == n)
		return;
	size_t line = 1, col = 1;
	for (size_t p = 0; p < i; p++) {
		unsigned char c = (unsigned char)s[p];
		if (c == '\n') {
			line++;
			col = 1;
		} else if ((c & 0xC0) != 0x80) {
			col++;
		}
	}
	rg_diag(&f->diags, f->path, (int)line, (int)col, RG_WARNING,
		"invalid UTF-8 (byte 0x%02X); read as it is",
		(unsigned char)s[i]);
}

static void default_ids(rg_file *f)
{
	size_t keep = 0;
	for (size_t i = 0; i < f->contacts.n; i++) {
		rg_contact_rec *c = &f->contacts.v[i];
		if (c->id == NULL && f->nrecords == 1 && f->contacts.n == 1) {
			const char *b = basename_of(f->path);
			const char *dot = strrchr(b, '.');
			size_t n = dot ? (size_t)(dot - b) : strlen(b);
			char *id = rg_names_nfc(b, n);
			c->id = rg_arena_strdup(f->arena, id);
			free(id);
		}
		if (c->id == NULL)
			c->id = c->name;
		if (c->id == NULL) {
			rg_diag(&f->diags, f->path, c->line, c->col, RG_WARNING,
				"contact without id or name; skipped");
			continue;
		}
		if (c->name == NULL)
			c->name = c->id;
		f->contacts.v[keep++] = *c;
	}
	f->contacts.n = keep;
}

/*
 * Front matter that is not valid YAML skips the file (notes format
 * section 1): the records read from its documents before the error go
 * too, so none reaches the graph, not even one without an id.
 */
static void skip_records(rg_file *f)
{
	f->read = false;
	f->nrecords = 0;
	f->contacts.n = f->inters.n = f->refrecs.n = 0;
	f->fields.n = f->tasks.n = f->links.n = f->skipped.n = 0;
}

/*
 * What a thread reads every file with, emptied for each file rather than
 * made and freed: the file being read (its arena and its vectors keep
 * their room), a buffer for the text of rg_note_parse, and the YAML and
 * Markdown readers' own scratch (their trees, masked copies, vectors and
 * pcre2's match data).  A file that needed more than RG_SCRATCH_KEEP
 * bytes of one of them gives it back, so one huge file leaves nothing
 * behind.
 */
typedef struct scratch {
	rg_file f;
	rg_buf text;
	rg_yaml_rec_scratch *yaml;
	rg_md_scan_scratch *md;
} scratch;

static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;

static void scratch_free(void *p)
{
	scratch *s = p;
	if (s == NULL)
		return;
	rg_arena_free(s->f.arena);
	rg_diags_free(&s->f.diags);
	RG_VEC_FREE(s->f.contacts);
	RG_VEC_FREE(s->f.inters);
	RG_VEC_FREE(s->f.refrecs);
	RG_VEC_FREE(s->f.fields);
	RG_VEC_FREE(s->f.tasks);
	RG_VEC_FREE(s->f.links);
	RG_VEC_FREE(s->f.skipped);
	rg_buf_free(&s->text);
	rg_yaml_rec_scratch_free(s->yaml);
	rg_md_scan_scratch_free(s->md);
	free(s);
}

static void scratch_key_make(void)
{
	/* (the destructor frees a worker's scratch when it ends) */
	if (pthread_key_create(&scratch_key, scratch_free) != 0)
		rg_oom();
}

/*
 * Empty the scratch's file once it is packed, there and then: what one
 * large file needed is not kept while the graph is built.
 */
static void scratch_empty(rg_file *f)
{
	rg_arena_reset(f->arena);
	RG_VEC_EMPTY(f->contacts);
	RG_VEC_EMPTY(f->inters);
	RG_VEC_EMPTY(f->refrecs);
	RG_VEC_EMPTY(f->fields);
	RG_VEC_EMPTY(f->tasks);
	RG_VEC_EMPTY(f->links);
	RG_VEC_EMPTY(f->skipped);
	f->path = NULL;
	f->markdown = f->read = false;
	f->nrecords = 0;
}

/* This thread's scratch (its file empty). */
static scratch *scratch_get(void)
{
	if (pthread_once(&scratch_once, scratch_key_make) != 0)
		rg_oom();
	scratch *s = pthread_getspecific(scratch_key);
	if (s == NULL) {
		s = rg_calloc(1, sizeof *s);
		s->f.arena = rg_arena_new();
		s->yaml = rg_yaml_rec_scratch_new();
		s->md = rg_md_scan_scratch_new();
		if (pthread_setspecific(scratch_key, s) != 0)
			rg_oom();
	}
	return s;
}

/* Where the line at s[p..n) ends: its LF, or n. */
static size_t line_end(const char *s, size_t p, size_t n)
{
	const char *e = memchr(s + p, '\n', n - p);
	return e ? (size_t)(e - s) : n;
}

/* Read s[0..n) (lone CRs already LFs, BOM gone) into sc's file. */
static void parse_text(scratch *sc, const char *s, size_t n,
		       const rg_limits *lim)
{
	rg_file *f = &sc->f;
	if (!f->markdown) {
		rg_yaml_rec_read_with(sc->yaml, f, s, n, 1, false, lim, NULL);
		default_ids(f);
		return;
	}
	check_utf8(f, s, n);
	int date = RG_NODATE;
	const char *body = s;
	size_t blen = n;
	int body_line = 1;
	size_t e1 = line_end(s, 0, n);
	if (marker_line(s, e1, false)) {
		size_t p = e1 < n ? e1 + 1 : n;
		int line = 2;
		bool closed = false;
		while (p < n) {
			size_t e = line_end(s, p, n);
			if (marker_line(s + p, e - p, true)) {
				if (!rg_yaml_rec_read_with(sc->yaml, f,
							   s + e1 + 1,
							   p - (e1 + 1), 2,
							   true, lim, &date)) {
					skip_records(f);
					return;
				}
				closed = true;
				body = e < n ? s + e + 1 : s + n;
				blen = (size_t)(s + n - body);
				body_line = line + 1;
				break;
			}
			p = e + 1;
			line++;
		}
		if (!closed) {
			rg_diag(&f->diags, f->path, 1, 1, RG_ERROR,
				"front matter is never closed (no '---' or "
				"'...' "
				"line); file skipped");
			f->read = false;
			return;
		}
	}
	if (date == RG_NODATE) {
		const char *b = basename_of(f->path);
		int d;
		if (strlen(b) >= 10 && rg_date_parse10(b, &d))
			date = d;
	}
	default_ids(f);
	rg_md_scan_with(sc->md, f, body, blen, body_line, date, lim);
}

/* rg_note_parse_buf with the scratch s. */
static rg_file *parse_in(scratch *sc, const char *path, char *data, size_t len,
			 const rg_limits *lim)
{
	rg_file *f = &sc->f;
	/* (the path is the caller's, only read while the file is) */
	f->path = (char *)path;
	f->markdown = !(ends_with(path, ".yaml") || ends_with(path, ".yml"));
	f->read = true;
	/* lone CRs as LFs: every reader then sees the same lines (CRLF
	 * stays as it is; libyaml and md4c read it as one) */
	for (char *r = memchr(data, '\r', len); r;
	     r = memchr(r + 1, '\r', len - (size_t)(r + 1 - data)))
		if (r + 1 == data + len || r[1] != '\n')
			*r = '\n';
	const char *s = data;
	size_t n = len;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
	}
	parse_text(sc, s, n, lim);
	rg_file *kept = rg_file_pack_new(f);
	scratch_empty(f);
	return kept;
}

rg_file *rg_note_parse_buf(const char *path, char *data, size_t len,
			   const rg_limits *lim)
{
	return parse_in(scratch_get(), path, data, len, lim);
}

rg_file *rg_note_parse(const char *path, const char *data, size_t len,
		       const rg_limits *lim)
{
	scratch *sc = scratch_get();
	sc->text.len = 0;
	rg_buf_put(&sc->text, data, len);
	rg_file *f = parse_in(sc, path, sc->text.s, len, lim);
	rg_buf_empty(&sc->text);
	return f;
}

/* The vector's room in bytes. */
#define VEC_ROOM(vec) ((vec).cap * sizeof *(vec).v)

size_t rg_note_scratch_room(void)
{
	if (pthread_once(&scratch_once, scratch_key_make) != 0)
		rg_oom();
	const scratch *s = pthread_getspecific(scratch_key);
	if (s == NULL)
		return 0;
	const rg_file *f = &s->f;
	return rg_arena_room(f->arena) + VEC_ROOM(f->contacts) +
	       VEC_ROOM(f->inters) + VEC_ROOM(f->refrecs) +
	       VEC_ROOM(f->fields) + VEC_ROOM(f->tasks) + VEC_ROOM(f->links) +
	       VEC_ROOM(f->skipped) + s->text.cap +
	       rg_yaml_rec_scratch_room(s->yaml) +
	       rg_md_scan_scratch_room(s->md);
}
