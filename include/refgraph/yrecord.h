/*
 * yrecord: the fields of a contact or a referral record, read from its
 * mapping (gathered by yfields) into the file's records, with the place
 * given (the line and column of the record's first field).
 */
#ifndef REFGRAPH_YRECORD_H
#define REFGRAPH_YRECORD_H

#include "refgraph/records.h"
#include "refgraph/yfields.h"

/* Add a contact to f; returns its `since` (RG_NODATE when absent). */
int rg_yrecord_contact(rg_file *f, const rg_yfields *fs, int line, int col);
/*
 * Add a referral to f, unless `from` or `prospect` is missing (an error).
 * default_date: the date of the interaction whose `referrals` hold it, or
 * RG_NODATE.
 */
void rg_yrecord_referral(rg_file *f, const rg_yfields *fs, int line, int col,
			 int default_date);

#endif
