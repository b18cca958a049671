/*
 * rep_summary: the summary report: how many clients refer (the referral
 * number), how many gave a testimonial, and the referrals to me by
 * status, their conversion, value and median days to close.
 */
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/report.h"

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The median of n values (sorted here); the mean of the middle two for
 * an even count. */
static double median(int *v, size_t n)
{
	qsort(v, n, sizeof(int), cmp_int);
	if (n % 2)
		return v[n / 2];
	return ((double)v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Count the referrals to me (dated on or after since, when given); mark
 * their sources in referring. */
static void count_referrals(rg_summary *s, const rg_graph *g,
			    const rg_report_opts *o, bool *referring)
{
	RG_VEC(int) days = {0};
	for (size_t i = 0; i < g->referrals.n; i++) {
		const rg_referral *x = &g->referrals.v[i];
		if (!x->to_me)
			continue;
		if (!rg_report_since_keeps(o, x->date))
			continue;
		referring[x->src] = true;
		s->referrals++;
		if (!RG_ST_IS_CLOSED(x->status)) {
			s->open++;
			continue;
		}
		if (x->status != RG_ST_WON) {
			s->lost++;
			continue;
		}
		s->won++;
		s->won_value += x->has_value ? x->value : 0;
		if (x->date != RG_NODATE && x->closed != RG_NODATE &&
		    x->closed >= x->date)
			*RG_VEC_PUSH(days) = x->closed - x->date;
	}
	s->has_conversion = s->won + s->lost > 0;
	s->conversion =
		s->has_conversion ? (double)s->won / (s->won + s->lost) : 0;
	s->has_median = days.n > 0;
	s->median_days_to_close = days.n ? median(days.v, days.n) : 0;
	RG_VEC_FREE(days);
}

void rg_report_summary(rg_report *r, const rg_graph *g, const rg_report_opts *o)
{
	r->today = o->today;
	r->has_summary = true;
	rg_summary *s = &r->summary;
	memset(s, 0, sizeof *s);
	bool *referring = rg_calloc(g->contacts.n ? g->contacts.n : 1, 1);
	count_referrals(s, g, o, referring);
	for (size_t i = 0; i < g->contacts.n; i++) {
		const rg_contact *c = &g->contacts.v[i];
		if (!c->written || c->owner || !(c->client || c->former_client))
			continue;
		s->clients++;
		s->referring_clients += referring[i];
		s->testimonials += rg_report_last_event(
					   g->testimonials.v, g->testimonials.n,
					   (int)i, o->today) != RG_NODATE;
	}
	free(referring);
	s->has_referral_number = s->clients > 0;
	s->referral_number =
		s->clients ? (double)s->referring_clients / s->clients : 0;
}
