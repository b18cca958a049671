/*
 * yfast: the YAML most notes hold, read without libyaml.
 *
 * Front matter is nearly always a flat block mapping: `key: plain text`,
 * `key: "quoted"`, `key: [a, "[[B]]"]`, `key:` with nothing, or `key:`
 * followed by `- item` lines; .yaml files hold such mappings separated by
 * `---` lines.  rg_yfast_scan reads a whole text of that shape into the
 * events libyaml would give for it, with libyaml's marks, and refuses
 * anything else (comments, anchors, tags, escapes, multi-line scalars,
 * flow mappings, bytes outside printable ASCII, ...), so that the caller
 * reads such a text through libyaml instead, from its start.  Nothing is
 * handed out before the whole text is known to fit.
 */
#ifndef REFGRAPH_YFAST_H
#define REFGRAPH_YFAST_H

#include <stdbool.h>
#include <stddef.h>

#include "refgraph/util.h"

typedef enum {
	RG_YF_OTHER, /* stream and document starts: nothing to build */
	RG_YF_SCALAR,
	RG_YF_ALIAS,
	RG_YF_SEQ,
	RG_YF_MAP,
	RG_YF_SEQ_END,
	RG_YF_MAP_END,
	RG_YF_DOC_END,
	RG_YF_STREAM_END
} rg_yfast_kind;

/* One parse event, from either reader: what ytree builds its tree of. */
typedef struct rg_yfast_event {
	rg_yfast_kind kind;
	int line, col; /* the start, from 0, as libyaml's marks */
	const char *s; /* a scalar's text (not NUL-terminated) */
	size_t slen;
	const char *anchor; /* an anchor, or an alias's name; libyaml's only */
} rg_yfast_event;

typedef RG_VEC(rg_yfast_event) rg_yfast_events;

/*
 * The events of text[0..len), appended to *out (scalars point into the
 * text), from the first document's start to the stream's end; false,
 * with *out in any state, when the text is not of the shape above.
 */
bool rg_yfast_scan(const char *text, size_t len, rg_yfast_events *out);

#endif
