/*
 * report: what the reports share: the reason names and freeing a report.
 * Each report is computed in its own module (rep_*.c).
 */
#include "refgraph/report.h"

#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"

const char *rg_fu_reason_name(rg_fu_reason r)
{
	static const char *const n[] = {"prospect", "inform", "client", "task"};
	return n[r];
}

const char *rg_un_reason_name(rg_un_reason r)
{
	static const char *const n[] = {"not-thanked", "not-rewarded",
					"unattributed"};
	return n[r];
}

void rg_report_free(rg_report *r)
{
	if (r == NULL)
		return;
	RG_VEC_FREE(r->followups);
	RG_VEC_FREE(r->sources);
	RG_VEC_FREE(r->uncredited);
	RG_VEC_FREE(r->reciprocity);
	RG_VEC_FREE(r->asks);
	RG_VEC_FREE(r->nodes);
	RG_VEC_FREE(r->edges);
	RG_VEC_FREE(r->history);
}

bool rg_report_since_keeps(const rg_report_opts *o, int date)
{
	return o->since == RG_NODATE || (date != RG_NODATE && date >= o->since);
}

int rg_report_cmp_named_place(const char *name_a, const char *file_a,
			      int line_a, const char *name_b,
			      const char *file_b, int line_b)
{
	int c = rg_strcmp_null(name_a, name_b);
	if (c)
		return c;
	c = strcmp(file_a, file_b);
	if (c)
		return c;
	return (line_a > line_b) - (line_a < line_b);
}

int rg_report_last_event(const rg_event *v, size_t n, int contact, int day)
{
	/* the first event after (contact, day) in the sort order */
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].contact < contact ||
		    (v[mid].contact == contact && v[mid].date <= day))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && v[lo - 1].contact == contact)
		return v[lo - 1].date;
	return RG_NODATE;
}
