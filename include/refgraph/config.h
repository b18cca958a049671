/*
 * config: the settings of a run: .refgraph.yaml (or --config FILE), then
 * the command-line flags over it.  Unknown keys and bad values are
 * warnings and the default stands.
 */
#ifndef REFGRAPH_CONFIG_H
#define REFGRAPH_CONFIG_H

#include <stdbool.h>

#include "refgraph/diag.h"
#include "refgraph/records.h"

typedef struct rg_config {
	char *me; /* the owner's reference; NULL: none */
	int me_line, me_col;
	char *path; /* the settings file as diagnostics show it, or NULL */
	int followup_days, thank_days, inform_days, client_touch_days, ask_days;
	char **exclude;
	size_t nexclude;
	rg_limits limits;
} rg_config;

void rg_config_init(rg_config *c);
/*
 * Read the configuration file at path (shown in diagnostics as shown), as
 * notes are read: whole up to c->limits.max_file_size (larger: an error),
 * a link or a file that is not regular a warning.  A missing file is not an
 * error when optional.  Returns false on an I/O error (reported).
 */
bool rg_config_read(rg_config *c, const char *path, const char *shown,
		    bool optional, rg_diags *d);
/* The same from text[0..len) in memory. */
void rg_config_parse(rg_config *c, const char *text, size_t len,
		     const char *shown, rg_diags *d);
void rg_config_free(rg_config *c);

/* True when rel (a relative path) or one of its leading directories
 * matches an exclude pattern. */
bool rg_config_excluded(const rg_config *c, const char *rel);

#endif
