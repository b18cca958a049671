/*
 * out_ics: the follow-ups as a calendar (RFC 5545), written with libical:
 * each duty an all-day event on its due day, its summary the row's action
 * and its description the place and the facts, as the tables give them to
 * people.  Other reports have no days to put in a calendar: they are left
 * out, and a run without follow-ups writes a calendar with no events.
 *
 * A duty's UID is a hash of what names it (reason, contact, file, line),
 * never of its due day or the report day, so that a calendar subscribed to
 * a nightly file updates an event when its day moves instead of adding a
 * second one.  DTSTAMP is the report day at midnight UTC, so that the same
 * notes and --today give the same bytes.
 */
#include <errno.h>
#include <libical/ical.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/date.h"
#include "refgraph/dynlib.h"
#include "refgraph/render.h"

/* The functions of libical this module calls, loaded with the library
 * when a run first writes a calendar (dynlib.h). */
#define ICAL_FNS(X)                                                            \
	X(icalcomponent_add_component)                                         \
	X(icalcomponent_add_property)                                          \
	X(icalcomponent_as_ical_string_r)                                      \
	X(icalcomponent_free)                                                  \
	X(icalcomponent_new)                                                   \
	X(icalmemory_free_buffer)                                              \
	X(icalproperty_new_calscale)                                           \
	X(icalproperty_new_description)                                        \
	X(icalproperty_new_dtend)                                              \
	X(icalproperty_new_dtstamp)                                            \
	X(icalproperty_new_dtstart)                                            \
	X(icalproperty_new_prodid)                                             \
	X(icalproperty_new_summary)                                            \
	X(icalproperty_new_transp)                                             \
	X(icalproperty_new_uid)                                                \
	X(icalproperty_new_version)                                            \
	X(icalproperty_new_x)                                                  \
	X(icalproperty_set_x_name)                                             \
	X(icaltime_null_date)                                                  \
	X(icaltime_null_time)                                                  \
	X(icaltimezone_get_utc_timezone)

static struct {
	ICAL_FNS(RG_DYNLIB_FIELD)
} li;
static const char *const li_names[] = {ICAL_FNS(RG_DYNLIB_NAME)};
RG_DYNLIB_CHECK(li, li_names);
static rg_dynlib libical = RG_DYNLIB_INIT(RG_SONAME_ICAL, RG_DEBPKG_ICAL,
					  "--format ics", li, li_names);

bool rg_ics_load(char **why)
{
	return rg_dynlib_load(&libical, why);
}

/* FNV-1a, 64 bits: small, and the same in any language that checks it */
#define FNV_OFFSET UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME  UINT64_C(0x100000001b3)
/* room for a line number in decimal */
#define LINE_BUF 24

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= FNV_PRIME;
	}
	return h;
}

/*
 * The duty's UID: the hash of its reason, NUL, '+' and its contact or '-'
 * for none, NUL, its file, NUL, its line in decimal; in hex, @refgraph.
 */
char *rg_ics_uid(const rg_fu_row *x)
{
	const char *reason = rg_fu_reason_name(x->reason);
	char line[LINE_BUF];
	snprintf(line, sizeof line, "%d", x->line);
	uint64_t h = fnv(FNV_OFFSET, reason, strlen(reason) + 1);
	h = fnv(h, x->contact ? "+" : "-", 1);
	if (x->contact)
		h = fnv(h, x->contact, strlen(x->contact));
	h = fnv(h, "", 1);
	h = fnv(h, x->file, strlen(x->file) + 1);
	h = fnv(h, line, strlen(line));
	return rg_asprintf("%016llx@refgraph", (unsigned long long)h);
}

static struct icaltimetype day_of(int day)
{
	struct icaltimetype t = li.icaltime_null_date();
	rg_civil_from_days(day, &t.year, &t.month, &t.day);
	return t;
}

/* Text libical can escape and fold: valid UTF-8, no control characters. */
static char *clean(const char *s)
{
	rg_buf b = {0};
	rg_put_clean(&b, s, " ");
	return b.s ? b.s : rg_strdup("");
}

static size_t column(const rg_table *t, const char *header)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c], header) == 0)
			return c;
	return t->ncols;
}

/* The place, then every fact people see but the day, the action and the
 * task's text (the summary says it), one "Header: value" a line. */
static char *description(const rg_table *t, size_t row)
{
	rg_buf b = {0};
	size_t place = column(t, "Place");
	for (size_t pass = 0; pass < 2; pass++)
		for (size_t c = 0; c < t->ncols; c++) {
			const char *h = t->cols[c];
			size_t i = row * t->ncols + c;
			if ((pass == 0) != (c == place) || t->nulls[i] ||
			    strcmp(h, "Due") == 0 || strcmp(h, "Action") == 0 ||
			    strcmp(h, "Task") == 0)
				continue;
			if (b.len)
				rg_buf_putc(&b, '\n');
			rg_buf_printf(&b, "%s: ", h);
			rg_put_clean(&b, t->cells[i], " ");
		}
	return b.s ? b.s : rg_strdup("");
}

static icalcomponent *event(const rg_fu_row *x, const rg_table *t, size_t row,
			    struct icaltimetype stamp)
{
	icalcomponent *ev = li.icalcomponent_new(ICAL_VEVENT_COMPONENT);
	char *uid = rg_ics_uid(x);
	li.icalcomponent_add_property(ev, li.icalproperty_new_uid(uid));
	free(uid);
	li.icalcomponent_add_property(ev, li.icalproperty_new_dtstamp(stamp));
	li.icalcomponent_add_property(
		ev, li.icalproperty_new_dtstart(day_of(x->due)));
	/* a one-day event; some calendars want the end said */
	li.icalcomponent_add_property(
		ev, li.icalproperty_new_dtend(day_of(x->due + 1)));
	size_t action = column(t, "Action");
	const char *a =
		action < t->ncols ? t->cells[row * t->ncols + action] : "";
	char *s = clean(*a ? a : rg_fu_reason_name(x->reason));
	li.icalcomponent_add_property(ev, li.icalproperty_new_summary(s));
	free(s);
	char *d = description(t, row);
	li.icalcomponent_add_property(ev, li.icalproperty_new_description(d));
	free(d);
	/* free time: a reminder, not a meeting */
	li.icalcomponent_add_property(
		ev, li.icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	return ev;
}

void rg_render_ics(rg_buf *b, const rg_report *r, const rg_graph *g,
		   const rg_render_opts *o)
{
	(void)g;
	/* the run loads the library first and says so if it cannot; a
	 * caller that did not gets a write error, never a call through a
	 * null pointer */
	char *why = NULL;
	if (!rg_ics_load(&why)) {
		free(why);
		if (b->err == 0)
			b->err = ELIBACC;
		return;
	}
	icalcomponent *cal = li.icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	li.icalcomponent_add_property(
		cal, li.icalproperty_new_prodid("-//refgraph//follow-ups//EN"));
	li.icalcomponent_add_property(cal, li.icalproperty_new_version("2.0"));
	li.icalcomponent_add_property(
		cal, li.icalproperty_new_calscale("GREGORIAN"));
	icalproperty *name = li.icalproperty_new_x("refgraph follow-ups");
	li.icalproperty_set_x_name(name, "X-WR-CALNAME");
	li.icalcomponent_add_property(cal, name);
	struct icaltimetype stamp = li.icaltime_null_time();
	rg_civil_from_days(r->today, &stamp.year, &stamp.month, &stamp.day);
	stamp.zone = li.icaltimezone_get_utc_timezone();
	rg_table t[RG_NREPORTS];
	size_t n = rg_tables(t, r, true, o);
	for (size_t k = 0; k < n; k++) {
		if (strcmp(t[k].key, "followups") != 0)
			continue;
		rg_table_fill(&t[k]);
		/* the table's rows are the report's, in its order */
		for (size_t i = 0; i < t[k].nrows && i < r->followups.n; i++)
			li.icalcomponent_add_component(
				cal,
				event(&r->followups.v[i], &t[k], i, stamp));
	}
	rg_tables_free(t, n);
	char *text = li.icalcomponent_as_ical_string_r(cal);
	rg_buf_puts(b, text);
	li.icalmemory_free_buffer(text);
	li.icalcomponent_free(cal);
}
