/*
 * md_fields: the inline fields of one Markdown line, read into its file's
 * referrals and fields with their places.  Not for use outside the
 * reader's modules (md_line.h lists them).
 */
#ifndef REFGRAPH_MD_FIELDS_H
#define REFGRAPH_MD_FIELDS_H

#include <stddef.h>

#include "refgraph/md_line.h"

/*
 * The fields of the line at body bytes [b, e) of a note dated note_date
 * (RG_NODATE: undated): a line field, whose value stops at the first
 * bracketed field, then every bracketed field.
 */
void rg_md_fields_line(rg_md_line *L, size_t b, size_t e, int note_date);

#endif
