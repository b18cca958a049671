/*
 * util: allocation wrappers, growable buffers and arrays, and the arena.
 */
#include "refgraph/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

void rg_oom(void)
{
	fputs("refgraph: out of memory\n", stderr);
	exit(RG_EXIT_IO);
}

void *rg_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		rg_oom();
	return p;
}

void *rg_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		rg_oom();
	return p;
}

void *rg_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (q == NULL)
		rg_oom();
	return q;
}

char *rg_strndup(const char *s, size_t n)
{
	char *p = rg_malloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *rg_strdup(const char *s)
{
	return rg_strndup(s, strlen(s));
}

/* What rg_vasprintf formats on the stack first: a path, a message. */
#define VASPRINTF_STACK 256

char *rg_vasprintf(const char *fmt, va_list ap)
{
	/* formatted once when it fits the stack (most do), so the format
	 * is not run twice, once to measure and once to write */
	char small[VASPRINTF_STACK];
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(small, sizeof small, fmt, aq);
	va_end(aq);
	if (n < 0)
		rg_oom();
	char *p = rg_malloc((size_t)n + 1);
	if ((size_t)n < sizeof small)
		memcpy(p, small, (size_t)n + 1);
	else
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *rg_asprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = rg_vasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void rg_grow(void **pv, size_t *cap, size_t need, size_t elsz)
{
	if (need <= *cap)
		return;
	size_t c = *cap ? *cap : 8;
	while (c < need) {
		if (c > SIZE_MAX / 2 / elsz)
			rg_oom();
		c *= 2;
	}
	*pv = rg_realloc(*pv, c * elsz);
	*cap = c;
}

void rg_vec_grow(void **pv, size_t *cap, size_t n, size_t elsz)
{
	if (*cap > 0 || *pv == NULL) {
		rg_grow(pv, cap, n + 1, elsz);
		return;
	}
	/* borrowed: copy the elements into an array of our own */
	void *old = *pv;
	*pv = NULL;
	*cap = 0;
	rg_grow(pv, cap, n + 1, elsz);
	memcpy(*pv, old, n * elsz);
}

void rg_buf_put(rg_buf *b, const char *s, size_t n)
{
	/* (renderers put many short pieces: most fit, with no call) */
	if (b->cap - b->len <= n)
		rg_grow((void **)&b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void rg_buf_puts(rg_buf *b, const char *s)
{
	rg_buf_put(b, s, strlen(s));
}

void rg_buf_putc(rg_buf *b, int c)
{
	if (b->cap - b->len <= 1)
		rg_grow((void **)&b->s, &b->cap, b->len + 2, 1);
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}

void rg_buf_printf(rg_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = rg_vasprintf(fmt, ap);
	va_end(ap);
	rg_buf_puts(b, s);
	free(s);
}

static void hand_over(rg_buf *b)
{
	if (b->err == 0 && b->len > 0)
		b->err = b->sink(b->ctx, b->s, b->len);
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void rg_buf_spill(rg_buf *b)
{
	if (b->sink && b->len >= RG_BUF_SPILL)
		hand_over(b);
}

int rg_buf_drain(rg_buf *b)
{
	if (b->sink)
		hand_over(b);
	return b->err;
}

void rg_buf_free(rg_buf *b)
{
	if (b == NULL)
		return;
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

void rg_buf_empty(rg_buf *b)
{
	if (b->cap > RG_SCRATCH_KEEP)
		rg_buf_free(b);
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

/* chunks grow by doubling from the first size to the largest */
#define ARENA_CHUNK_FIRST ((size_t)512)
#define ARENA_CHUNK_MAX	  ((size_t)65536)

struct chunk {
	struct chunk *next;
	size_t used, size;
	max_align_t data[];
};

static struct chunk *chunk_new(size_t size)
{
	struct chunk *c = rg_malloc(sizeof(struct chunk) + size);
	c->next = NULL;
	c->used = 0;
	c->size = size;
	return c;
}

struct rg_arena {
	struct chunk *head;
};

rg_arena *rg_arena_new(void)
{
	return rg_calloc(1, sizeof(rg_arena));
}

_Static_assert(sizeof(rg_arena) == RG_ARENA_SIZE, "RG_ARENA_SIZE");

rg_arena *rg_arena_init(void *mem)
{
	rg_arena *a = mem;
	a->head = NULL;
	return a;
}

void rg_arena_clear(rg_arena *a)
{
	if (a == NULL)
		return;
	struct chunk *c = a->head;
	while (c) {
		struct chunk *n = c->next;
		free(c);
		c = n;
	}
	a->head = NULL;
}

void rg_arena_free(rg_arena *a)
{
	rg_arena_clear(a);
	free(a);
}

size_t rg_arena_need(size_t n)
{
	const size_t al = sizeof(max_align_t);
	n = (n + al - 1) / al * al;
	return n ? n : al;
}

void *rg_arena_alloc(rg_arena *a, size_t n)
{
	n = rg_arena_need(n);
	struct chunk *c = a->head;
	if (c == NULL || c->size - c->used < n) {
		/* chunks grow from 512 bytes to 64 KiB: most files need
		 * little, and there may be a hundred thousand of them */
		size_t size = c ? (c->size < ARENA_CHUNK_MAX ? c->size * 2
							     : ARENA_CHUNK_MAX)
				: ARENA_CHUNK_FIRST;
		if (size < n)
			size = n;
		c = chunk_new(size);
		c->next = a->head;
		a->head = c;
	}
	void *p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

rg_arena *rg_arena_new_sized(size_t size)
{
	rg_arena *a = rg_arena_new();
	if (size)
		a->head = chunk_new(rg_arena_need(size));
	return a;
}

void rg_arena_reset(rg_arena *a)
{
	struct chunk *keep = a->head;
	if (keep == NULL)
		return;
	struct chunk *c = keep->next;
	while (c) {
		struct chunk *n = c->next;
		free(c);
		c = n;
	}
	if (keep->size > ARENA_CHUNK_MAX) {
		free(keep);
		a->head = NULL;
		return;
	}
	keep->next = NULL;
	keep->used = 0;
}

size_t rg_arena_room(const rg_arena *a)
{
	size_t n = 0;
	for (const struct chunk *c = a ? a->head : NULL; c; c = c->next)
		n += sizeof *c + c->size;
	return n;
}

char *rg_arena_strndup(rg_arena *a, const char *s, size_t n)
{
	char *p = rg_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *rg_arena_strdup(rg_arena *a, const char *s)
{
	return rg_arena_strndup(a, s, strlen(s));
}

void rg_group(const int *key, size_t n, size_t nkeys, int **start, int **idx)
{
	int *st = rg_calloc(nkeys + 1, sizeof(int));
	int *ix = rg_calloc(n ? n : 1, sizeof(int));
	int *fill = rg_calloc(nkeys + 1, sizeof(int));
	for (size_t i = 0; i < n; i++)
		if (key[i] >= 0)
			st[key[i] + 1]++;
	for (size_t k = 0; k < nkeys; k++)
		st[k + 1] += st[k];
	for (size_t i = 0; i < n; i++)
		if (key[i] >= 0)
			ix[st[key[i]] + fill[key[i]]++] = (int)i;
	free(fill);
	*start = st;
	*idx = ix;
}

size_t rg_ascii_run(const char *s, size_t n)
{
	const uint64_t high = 0x8080808080808080u; /* each byte's top bit */
	size_t i = 0;
	for (; i + sizeof(uint64_t) <= n; i += sizeof(uint64_t)) {
		uint64_t w;
		memcpy(&w, s + i, sizeof w);
		if (w & high)
			break;
	}
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

size_t rg_utf8_valid_prefix(const char *s, size_t n)
{
	size_t i = 0;
	for (;;) {
		i += rg_ascii_run(s + i, n - i);
		if (i >= n)
			return n;
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
			utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					 (utf8proc_ssize_t)(n - i), &cp);
		if (k < 1)
			return i;
		i += (size_t)k;
	}
}

int rg_strcmp_null(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int ascii_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	       c == '\v';
}

size_t rg_space_len(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	if (ascii_ws((unsigned char)s[0]))
		return 1;
	if ((unsigned char)s[0] < 0x80)
		return 0;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s,
					      (utf8proc_ssize_t)n, &cp);
	if (k > 1 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS)
		return (size_t)k;
	return 0;
}

void rg_trim(const char *s, size_t *b, size_t *e)
{
	size_t k;
	while (*b < *e && (k = rg_space_len(s + *b, *e - *b)) > 0)
		*b += k;
	while (*e > *b) {
		if (ascii_ws((unsigned char)s[*e - 1])) {
			(*e)--;
			continue;
		}
		/* the start of the last code point (at most 4 bytes back) */
		size_t p = *e;
		while (p > *b && *e - p < 4 &&
		       ((unsigned char)s[p - 1] & 0xC0) == 0x80)
			p--;
		if (p == *b || (unsigned char)s[p - 1] < 0xC0)
			break;
		p--;
		if (rg_space_len(s + p, *e - p) != *e - p)
			break;
		*e = p;
	}
}

void rg_ascii_lower(char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] = (char)(s[i] - 'A' + 'a');
}

bool rg_cp_control(long cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 ||
	       cp == 0x2029;
}

void rg_buf_put_json(rg_buf *b, const char *s)
{
	if (s == NULL) {
		rg_buf_puts(b, "null");
		return;
	}
	rg_buf_putc(b, '"');
	/* (one pass: the runs below stop at the NUL, so no strlen first) */
	size_t i = 0;
	while (s[i]) {
		/* a run of printable ASCII that needs no escape goes in whole:
		 * nearly every string is one */
		size_t j = i;
		while ((unsigned char)s[j] >= 0x20 &&
		       (unsigned char)s[j] < 0x7f && s[j] != '"' &&
		       s[j] != '\\')
			j++;
		if (j > i) {
			rg_buf_put(b, s + i, j - i);
			i = j;
			continue;
		}
		/* at most the 4 bytes of a sequence, never past the NUL */
		size_t avail = 1;
		while (avail < 4 && s[i + avail])
			avail++;
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
			utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					 (utf8proc_ssize_t)avail, &cp);
		if (k <= 0) {
			rg_buf_puts(b, "\\ufffd");
			i++;
			continue;
		}
		switch (cp) {
		case '"': rg_buf_puts(b, "\\\""); break;
		case '\\': rg_buf_puts(b, "\\\\"); break;
		case '\n': rg_buf_puts(b, "\\n"); break;
		case '\r': rg_buf_puts(b, "\\r"); break;
		case '\t': rg_buf_puts(b, "\\t"); break;
		case '\b': rg_buf_puts(b, "\\b"); break;
		case '\f': rg_buf_puts(b, "\\f"); break;
		default:
			/* C1 too: a terminal may act on one (U+009B is a
			 * CSI), and the escape is the same string */
			if (rg_cp_control(cp))
				rg_buf_printf(b, "\\u%04x", (unsigned)cp);
			else
				rg_buf_put(b, s + i, (size_t)k);
		}
		i += (size_t)k;
	}
	rg_buf_putc(b, '"');
}
