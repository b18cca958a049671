/*
 * yaml_rec: YAML text -> records.  ytree builds each document's tree
 * (depth-capped, aliases shared, never expanded); each mapping is turned
 * into a contact, interaction or referral record with its place, every bad
 * value a diagnostic.
 */
#ifndef REFGRAPH_YAML_REC_H
#define REFGRAPH_YAML_REC_H

#include <stdbool.h>
#include <stddef.h>

#include "refgraph/records.h"

/*
 * Read text[0..len) into f.  line0 is the file line of the text's first
 * line (1 for a .yaml file, 2 for front matter).  For front matter the
 * text is one record (or nothing); *note_date receives the note's date
 * from it (its `date`, else a contact's `since`, else RG_NODATE).
 * Returns false on a YAML syntax error (already reported); the records
 * read before it are kept.
 */
bool rg_yaml_rec_read(rg_file *f, const char *text, size_t len, int line0,
		      bool front_matter, const rg_limits *lim, int *note_date);

#endif
