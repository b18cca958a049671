/*
 * util: the few things every module needs: allocation that never returns
 * NULL (a batch tool has nothing better to do than stop with status 3),
 * a growable byte buffer, growable arrays, and a string arena.
 */
#ifndef REFGRAPH_UTIL_H
#define REFGRAPH_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#define RG_EXIT_OK    0
#define RG_EXIT_NOTES 1
#define RG_EXIT_USAGE 2
#define RG_EXIT_IO    3

#if defined(__GNUC__)
#define RG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define RG_NORETURN	__attribute__((noreturn))
#else
#define RG_PRINTF(a, b)
#define RG_NORETURN
#endif

/* Out of memory: print one line and exit with status 3. */
RG_NORETURN void rg_oom(void);
void *rg_malloc(size_t n);
void *rg_calloc(size_t n, size_t size);
void *rg_realloc(void *p, size_t n);
char *rg_strdup(const char *s);
char *rg_strndup(const char *s, size_t n);
/* A malloc'd string built from a printf format. */
char *rg_asprintf(const char *fmt, ...) RG_PRINTF(1, 2);
char *rg_vasprintf(const char *fmt, va_list ap);

/*
 * Grow the array *pv of elements of size elsz so that it holds at least
 * need elements; *cap is its capacity.  Used through RG_VEC_PUSH.
 */
void rg_grow(void **pv, size_t *cap, size_t need, size_t elsz);

#define RG_VEC(T)                                                              \
	struct {                                                               \
		T *v;                                                          \
		size_t n, cap;                                                 \
	}
/*
 * Room for one more element in a vector of n: as rg_grow, except that a
 * vector with elements but a capacity of 0 does not own them (a packed
 * file's vectors live in the file's one block, rg_file_pack_new): its n
 * elements are then copied into an array of its own.  (A vector that
 * owns its elements always has a capacity.)
 */
void rg_vec_grow(void **pv, size_t *cap, size_t n, size_t elsz);
/* Append one zeroed element and return a pointer to it (a call only
 * when the vector is full: most pushes are not). */
#define RG_VEC_PUSH(vec)                                                       \
	((vec).n < (vec).cap ? (void)0                                         \
			     : rg_vec_grow((void **)&(vec).v, &(vec).cap,      \
					   (vec).n, sizeof(*(vec).v)),         \
	 memset(&(vec).v[(vec).n], 0, sizeof(*(vec).v)), &(vec).v[(vec).n++])
#define RG_VEC_FREE(vec)                                                       \
	do {                                                                   \
		free((vec).v);                                                 \
		(vec).v = NULL;                                                \
		(vec).n = (vec).cap = 0;                                       \
	} while (0)
/*
 * The room a reader keeps from one file to the next (its scratch: arrays
 * and buffers emptied for every file rather than made and freed): what
 * one file needed beyond it is given back once that file is read, so one
 * huge file leaves nothing large behind.
 */
#define RG_SCRATCH_KEEP ((size_t)1 << 20)
/* Empty a scratch vector: its room kept, unless over RG_SCRATCH_KEEP. */
#define RG_VEC_EMPTY(vec)                                                      \
	do {                                                                   \
		if ((vec).cap * sizeof *(vec).v > RG_SCRATCH_KEEP)             \
			RG_VEC_FREE(vec);                                      \
		(vec).n = 0;                                                   \
	} while (0)

/* A growable byte buffer; b.s is always NUL-terminated once used. */
typedef struct rg_buf {
	char *s;
	size_t len, cap;
	/* Where what is written goes as it is made, or NULL: kept whole.
	 * sink returns 0 or an errno value; the first failure is kept in
	 * err, and nothing more is handed over after it. */
	int (*sink)(void *ctx, const char *s, size_t n);
	void *ctx;
	int err;
} rg_buf;

/* Bytes a buffer with a sink holds before rg_buf_spill hands them over. */
#define RG_BUF_SPILL ((size_t)64 << 10)
/* A point where what b holds is final (a renderer between two rows): with
 * a sink and at least RG_BUF_SPILL bytes, they go to the sink and b is
 * emptied. */
void rg_buf_spill(rg_buf *b);
/* All b holds to its sink, whatever its length; returns b->err. */
int rg_buf_drain(rg_buf *b);

void rg_buf_put(rg_buf *b, const char *s, size_t n);
void rg_buf_puts(rg_buf *b, const char *s);
void rg_buf_putc(rg_buf *b, int c);
void rg_buf_printf(rg_buf *b, const char *fmt, ...) RG_PRINTF(2, 3);
void rg_buf_free(rg_buf *b);
/* Empty a scratch buffer (""): its room kept, unless over RG_SCRATCH_KEEP. */
void rg_buf_empty(rg_buf *b);
/*
 * The characters no output shows as they are, the one list: C0 controls,
 * DEL, C1 controls (a terminal may act on U+009B), and the line and
 * paragraph separators U+2028/2029 (a line break to many readers).
 */
bool rg_cp_control(long cp);
/*
 * Append s as a JSON string ("null" for NULL): quotes and backslashes
 * escaped, control characters (C0, DEL, C1) and U+2028/2029 as \u escapes,
 * bytes that are not UTF-8 as U+FFFD, so the result is always valid JSON.
 */
void rg_buf_put_json(rg_buf *b, const char *s);

/*
 * An arena: many small allocations freed at once.  Strings and small
 * arrays that live as long as a file's records (or the whole run) go here.
 */
typedef struct rg_arena rg_arena;
rg_arena *rg_arena_new(void);
void rg_arena_free(rg_arena *a);
void *rg_arena_alloc(rg_arena *a, size_t n);
char *rg_arena_strndup(rg_arena *a, const char *s, size_t n);
char *rg_arena_strdup(rg_arena *a, const char *s);
/* The bytes an allocation of n takes in an arena (n rounded up for
 * alignment). */
size_t rg_arena_need(size_t n);
/*
 * An arena whose first chunk holds size bytes exactly (rounded as
 * rg_arena_need rounds): for what is measured, allocated once and kept
 * long, where the doubling chunks of rg_arena_alloc would leave room
 * unused.
 */
rg_arena *rg_arena_new_sized(size_t size);
/*
 * Free everything allocated in a, at once, keeping its last chunk for
 * what comes next (a reader's scratch, emptied for every file rather than
 * made and freed); a chunk larger than the arena ever makes by itself
 * goes too, so one huge file leaves nothing behind.
 */
void rg_arena_reset(rg_arena *a);
/* The bytes a holds, used or not (0 for NULL): what a scratch keeps. */
size_t rg_arena_room(const rg_arena *a);
/*
 * An empty arena made in mem, RG_ARENA_SIZE bytes aligned for a pointer
 * (an arena inside its owner's block: a packed file's); rg_arena_clear
 * frees what it holds but not itself.
 */
#define RG_ARENA_SIZE sizeof(void *)
rg_arena *rg_arena_init(void *mem);
void rg_arena_clear(rg_arena *a);

/*
 * Group items 0..n-1 by key[i] (0..nkeys-1; a negative key leaves the item
 * out): on return (*idx)[(*start)[k] .. (*start)[k+1]) lists the items of
 * key k in item order.  Both arrays are malloc'd; the caller frees them.
 */
void rg_group(const int *key, size_t n, size_t nkeys, int **start, int **idx);

/*
 * White space, the one definition every module uses: the ASCII blanks
 * (space, tab, CR, LF, FF, VT) and every Unicode space separator (Zs:
 * no-break, en, em, thin, ideographic ...), the spaces people's names and
 * values carry.  rg_trim narrows s[*b..*e) to leave none at either end.
 */
void rg_trim(const char *s, size_t *b, size_t *e);
/* The length of the white space (as rg_trim means it) at s[0..n), or 0. */
size_t rg_space_len(const char *s, size_t n);
/* ASCII upper case to lower case in s[0..n), in place; other bytes kept. */
void rg_ascii_lower(char *s, size_t n);

/* How many bytes s starts with below 0x80 (looked at a word at a time:
 * most of a note is ASCII, and checks of UTF-8 can skip it). */
size_t rg_ascii_run(const char *s, size_t n);
/* How many bytes s[0..n) starts with that are UTF-8 as utf8proc decodes it
 * (no overlong forms, no surrogates): n when all of it is.  ASCII runs are
 * skipped as rg_ascii_run skips them; only other characters are decoded. */
size_t rg_utf8_valid_prefix(const char *s, size_t n);
/* Bytewise string comparison that sorts NULL first. */
int rg_strcmp_null(const char *a, const char *b);

#endif
