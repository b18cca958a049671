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

/*
 * What a thread reads YAML with from one text to the next: the tree
 * (rg_ytree_start) and each document's temporaries, emptied rather than
 * freed, so that a note costs next to no allocation; of what one text
 * needed, no more than RG_SCRATCH_KEEP a part is kept after it
 * (rg_yaml_rec_scratch_room: the bytes held).  rg_yaml_rec_read_with
 * reads as rg_yaml_rec_read does, whatever the scratch read before.
 */
typedef struct rg_yaml_rec_scratch rg_yaml_rec_scratch;
rg_yaml_rec_scratch *rg_yaml_rec_scratch_new(void);
void rg_yaml_rec_scratch_free(rg_yaml_rec_scratch *y);
size_t rg_yaml_rec_scratch_room(const rg_yaml_rec_scratch *y);
bool rg_yaml_rec_read_with(rg_yaml_rec_scratch *y, rg_file *f, const char *text,
			   size_t len, int line0, bool front_matter,
			   const rg_limits *lim, int *note_date);

#endif
