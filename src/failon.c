/*
 * failon: the --fail-on conditions, parsed from their comma list and
 * checked against a finished report and the notes' diagnostics.
 */
#include "refgraph/failon.h"

#include <stdlib.h>
#include <string.h>

#include "refgraph/util.h"
#include "refgraph/date.h"

/* `overdue` alone: at least a day overdue (days_overdue > 0), which with
 * --ahead leaves out the duties not yet due. */
#define OVERDUE_ANY 1

static bool word(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(s, w, n) == 0;
}

/* One item of the list, s[0..n). */
static bool item(rg_failon *f, const char *s, size_t n, char **why)
{
	static const char prefix[] = "overdue=";
	const size_t plen = sizeof prefix - 1;
	int days;
	if (word(s, n, "overdue"))
		days = OVERDUE_ANY;
	else if (n > plen && memcmp(s, prefix, plen) == 0) {
		if (!rg_count_parse(s + plen, n - plen, &days)) {
			*why = rg_asprintf("--fail-on: '%.*s' is not a whole "
					   "number >= 0",
					   (int)(n - plen), s + plen);
			return false;
		}
	} else if (word(s, n, "uncredited")) {
		f->uncredited = true;
		return true;
	} else if (word(s, n, "errors")) {
		f->errors = true;
		return true;
	} else if (word(s, n, "warnings")) {
		f->warnings = true;
		return true;
	} else {
		*why = rg_asprintf("--fail-on: unknown condition '%.*s' "
				   "(overdue, overdue=N, uncredited, errors, "
				   "warnings)",
				   (int)n, s);
		return false;
	}
	/* the least number of days asked for is the one that can hold */
	if (f->overdue_days < 0 || days < f->overdue_days)
		f->overdue_days = days;
	return true;
}

void rg_failon_init(rg_failon *f)
{
	memset(f, 0, sizeof *f);
	f->overdue_days = -1;
}

bool rg_failon_parse(rg_failon *f, const char *list, char **why)
{
	*why = NULL;
	const char *p = list;
	for (;;) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		if (n == 0) {
			*why = rg_strdup("--fail-on: an empty condition (a "
					 "comma list of overdue, overdue=N, "
					 "uncredited, errors, warnings)");
			return false;
		}
		if (!item(f, p, n, why))
			return false;
		if (comma == NULL)
			return true;
		p = comma + 1;
	}
}

bool rg_failon_any(const rg_failon *f)
{
	return f->overdue_days >= 0 || f->uncredited || f->errors ||
	       f->warnings;
}

void rg_failon_needs(const rg_failon *f, bool *followups, bool *uncredited)
{
	*followups = f->overdue_days >= 0;
	*uncredited = f->uncredited;
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

char *rg_failon_check(const rg_failon *f, const rg_report *r, int nerrors,
		      int nwarnings)
{
	if (f->errors && nerrors > 0)
		return rg_asprintf("--fail-on errors: %d %s in the notes",
				   nerrors, nerrors == 1 ? "error" : "errors");
	if (f->overdue_days >= 0 && r->has_followups) {
		size_t n = 0;
		for (size_t i = 0; i < r->followups.n; i++)
			n += r->followups.v[i].days_overdue >= f->overdue_days;
		if (n)
			return rg_asprintf(
				"--fail-on overdue: %zu %s at least %d %s "
				"overdue",
				n, plural(n, "follow-up", "follow-ups"),
				f->overdue_days,
				f->overdue_days == 1 ? "day" : "days");
	}
	if (f->uncredited && r->has_uncredited && r->uncredited.n)
		return rg_asprintf(
			"--fail-on uncredited: %zu uncredited %s",
			r->uncredited.n,
			plural(r->uncredited.n, "referral", "referrals"));
	if (f->warnings && nwarnings > 0)
		return rg_asprintf("--fail-on warnings: %d %s in the notes",
				   nwarnings,
				   nwarnings == 1 ? "warning" : "warnings");
	return NULL;
}
