/*
 * records: what one notes file says, as plain structs with their places.
 * A file is parsed alone (rg_note_parse in note.c) into one rg_file; its
 * strings live in the file's arena.  Nothing here is resolved yet:
 * references are still the text their writer typed.
 */
#ifndef REFGRAPH_RECORDS_H
#define REFGRAPH_RECORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "refgraph/diag.h"
#include "refgraph/util.h"

typedef enum {
	RG_ST_NONE = 0,
	RG_ST_NEW,
	RG_ST_CONTACTED,
	RG_ST_MEETING,
	RG_ST_PROPOSAL,
	RG_ST_WON,
	RG_ST_LOST,
	RG_ST_DECLINED,
	RG_ST_UNREACHABLE
} rg_status;

#define RG_ST_IS_CLOSED(s) ((s) >= RG_ST_WON)

typedef enum { RG_KIND_NONE = 0, RG_KIND_INTRO, RG_KIND_LEAD } rg_refkind;

/* Parse a status or referral-kind word (any case); NONE when unknown. */
rg_status rg_status_parse(const char *s, size_t n);
const char *rg_status_name(rg_status s);

/* A reference as written: the target text and where it stands. */
typedef struct rg_ref {
	const char *target; /* NULL: no reference (e.g. `to` absent = me) */
	int line, col;
	/* what the graph resolved it to (a contact, or RG_RES_NONE or
	 * RG_RES_AMBIGUOUS): set by the graph's build, kept with the
	 * reference, where the later stages read it in the order they walk
	 * the notes */
	int contact;
} rg_ref;

typedef struct rg_contact_rec {
	int line, col;
	const char *id; /* NULL: defaulted when the file is complete */
	const char *name;
	const char **aliases;
	size_t naliases;
	const char **roles; /* lower case */
	size_t nroles;
	const char *org, *source;
	int since, last_contact; /* RG_NODATE when absent */
	int follow_days;	 /* 0 when absent */
	bool has_reward;
	rg_ref *refby; /* referred_by, introduced_by, met_through items */
	size_t nrefby;
} rg_contact_rec;

typedef struct rg_inter_rec {
	int line, col;
	int date;
	rg_ref *with;
	size_t nwith;
} rg_inter_rec;

/* Bits of rg_refrec.writes */
enum {
	RG_W_STATUS = 1,
	RG_W_CLOSED = 2,
	RG_W_VALUE = 4,
	RG_W_KIND = 8,
	RG_W_REWARDED = 16
};

/* A referral record, a `referrals:` item, or an inline referral::/gave::. */
typedef struct rg_refrec {
	int line, col;
	rg_ref from, prospect, to; /* from/to target NULL: the owner */
	bool from_me;		   /* gave:: (source is the owner) */
	int date;
	unsigned writes;
	rg_status status;
	int closed;
	double value;
	rg_refkind kind;
	bool rewarded;
	int thanked, informed; /* RG_NODATE when absent */
} rg_refrec;

typedef enum {
	RG_F_THANKED = 1,
	RG_F_INFORMED,
	RG_F_OUTCOME,
	RG_F_REWARDED,	 /* rewarded:: A */
	RG_F_WITH,	 /* with:: A (a touch of A on the note's date) */
	RG_F_ASKED,	 /* asked:: A */
	RG_F_TESTIMONIAL /* testimonial:: A */
} rg_field_key;

/*
 * An inline field of a dated note that names one contact: thanked::,
 * informed::, outcome::, rewarded::, with::, asked::, testimonial::.  A
 * comma list of references gives one rg_field per reference, in order.
 */
typedef struct rg_field {
	rg_field_key key;
	int line, col;
	int date; /* the note's date */
	rg_ref who;
	rg_status status; /* outcome */
	bool has_value;
	double value;
} rg_field;

typedef struct rg_task {
	int line, col;
	bool done;
	const char *text;   /* the task's text (notes format, section 4) */
	int due, done_date; /* RG_NODATE when absent */
	rg_ref *links;
	size_t nlinks;
} rg_task;

/* Kinds of records skipped silently (listed by check --verbose). */
typedef struct rg_skipped {
	int line, col;
	const char *why;
} rg_skipped;

typedef struct rg_file {
	char *path; /* relative to the root, owned */
	rg_arena *arena;
	bool markdown;
	bool read; /* false: the file was skipped whole */
	int nrecords;
	RG_VEC(rg_contact_rec) contacts;
	RG_VEC(rg_inter_rec) inters;
	RG_VEC(rg_refrec) refrecs;
	RG_VEC(rg_field) fields;
	RG_VEC(rg_task) tasks;
	RG_VEC(rg_ref)
	links; /* the body's wiki-links that are read, in order */
	RG_VEC(rg_skipped) skipped;
	rg_diags diags;
	bool packed; /* rg_file_pack has run */
	/* rg_file_pack_new made it: the header, the path, the arena (empty
	 * then), the vectors' elements, the strings and arrays are one
	 * allocation (a vector that has grown since owns its elements) */
	bool in_block;
} rg_file;

/* Limits on what one file may make the reader do. */
typedef struct rg_limits {
	size_t max_file_size; /* bytes */
	int max_depth;	      /* YAML nesting */
	size_t max_line;      /* bytes in one Markdown line */
	size_t max_records;   /* records in one file */
} rg_limits;

/* The default limits (refgraph(5)). */
#define RG_DEFAULT_MAX_FILE_SIZE ((size_t)16 << 20)
#define RG_DEFAULT_MAX_DEPTH	 64
#define RG_DEFAULT_MAX_LINE	 ((size_t)64 << 10)
#define RG_DEFAULT_MAX_RECORDS	 ((size_t)100000)
/*
 * The largest a setting may give: beyond them a limit no longer protects
 * (libyaml spends a minute on 100,000 levels; a gigabyte note is no note).
 */
#define RG_LIMIT_MAX_FILE_SIZE ((size_t)1 << 30)
#define RG_LIMIT_MAX_DEPTH     1000
#define RG_LIMIT_MAX_LINE      ((size_t)16 << 20)
#define RG_LIMIT_MAX_RECORDS   ((size_t)10000000)

void rg_limits_default(rg_limits *l);

rg_file *rg_file_new(const char *path);
/*
 * Once f is read (pack.c): its records and the strings and arrays they
 * point to copied into one block of the size they need, and the rest of
 * what reading it allocated freed, so that a hundred thousand files keep
 * only what the graph reads.  Pointers that were equal stay equal; the
 * vectors are shrunk to their length, and empty vectors and arrays become
 * NULL.  Records may still be added (they are not packed).
 */
void rg_file_pack(rg_file *f);
/*
 * The same as one allocation: a new file whose header, path, vectors,
 * records, strings and arrays are one block of the size they need,
 * freed by rg_file_free.  f's diagnostics move to it; f keeps its
 * records as they were (the reader empties and reuses it).  Records may
 * still be added to the new file: a vector grows into an array of its
 * own (RG_VEC_PUSH).
 */
rg_file *rg_file_pack_new(rg_file *f);
/* Frees f and everything it owns; NULL is fine. */
void rg_file_free(rg_file *f);

#endif
