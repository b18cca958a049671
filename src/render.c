/*
 * render: the format table and the helpers every renderer shares.
 */
#include "refgraph/render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

rg_render_fn rg_renderer(const char *format)
{
	static const struct {
		const char *name;
		rg_render_fn fn;
	} table[] = {
		{"text", rg_render_text}, {"json", rg_render_json},
		{"csv", rg_render_csv},	  {"md", rg_render_md},
		{"html", rg_render_html}, {"dot", rg_render_dot},
	};
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		if (strcmp(format, table[i].name) == 0)
			return table[i].fn;
	return NULL;
}

void rg_fmt_number(char *out, size_t cap, double v, bool float_style)
{
	if (!isfinite(v)) {
		snprintf(out, cap, "0");
		return;
	}
	if (v == floor(v) && fabs(v) < 1e16) {
		snprintf(out, cap, float_style ? "%.1f" : "%.0f", v);
		if (strcmp(out, "-0") == 0 || strcmp(out, "-0.0") == 0)
			snprintf(out, cap, float_style ? "0.0" : "0");
		return;
	}
	for (int p = 1; p <= 17; p++) {
		snprintf(out, cap, "%.*g", p, v);
		if (strtod(out, NULL) == v)
			break;
	}
	/* like Python's repr: exponents only when very large or small */
	if (strchr(out, 'e') && fabs(v) >= 1e-4 && fabs(v) < 1e16) {
		for (int p = 1; p <= 17; p++) {
			snprintf(out, cap, "%.*f", p, v);
			if (strtod(out, NULL) == v)
				break;
		}
	}
}

void rg_put_clean(rg_buf *b, const char *s, const char *repl)
{
	size_t n = strlen(s), i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
			utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					 (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			rg_buf_puts(b, "\xEF\xBF\xBD");
			i++;
			continue;
		}
		if (repl &&
		    (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
		     cp == 0x2028 || cp == 0x2029))
			rg_buf_puts(b, repl);
		else
			rg_buf_put(b, s + i, (size_t)k);
		i += (size_t)k;
	}
}

size_t rg_text_width(const char *s)
{
	size_t n = strlen(s), i = 0, w = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
			utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					 (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			k = 1;
			w++;
		} else {
			int cw = utf8proc_charwidth(cp);
			w += cw < 0 ? 1 : (size_t)cw;
		}
		i += (size_t)k;
	}
	return w;
}

#include "refgraph/date.h"

static void cell(rg_table *t, size_t row, size_t col, char *s, bool null)
{
	t->cells[row * t->ncols + col] = s;
	t->nulls[row * t->ncols + col] = null;
}

static char *date_text(int d)
{
	char buf[11];
	if (d == RG_NODATE)
		return rg_strdup("");
	rg_date_format(d, buf);
	return rg_strdup(buf);
}

static char *num_text(double v, bool human)
{
	char buf[64];
	rg_fmt_number(buf, sizeof buf, v, false);
	if (!human || strchr(buf, 'e'))
		return rg_strdup(buf);
	/* 12345.5 -> 12,345.5 */
	char out[96];
	const char *dot = strchr(buf, '.');
	size_t ilen = dot ? (size_t)(dot - buf) : strlen(buf);
	size_t start = buf[0] == '-' ? 1 : 0, k = 0;
	if (start)
		out[k++] = '-';
	for (size_t i = start; i < ilen; i++) {
		if (i > start && (ilen - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = buf[i];
	}
	out[k] = '\0';
	if (dot)
		strcat(out, dot);
	return rg_strdup(out);
}

static char *share_text(double v, bool human)
{
	if (!human) {
		char buf[64];
		rg_fmt_number(buf, sizeof buf, v, true);
		return rg_strdup(buf);
	}
	return rg_asprintf("%.0f%%", v * 100);
}

static void table_init(rg_table *t, const char *key, const char *const *cols,
		       const bool *right, size_t ncols, size_t nrows)
{
	static const bool none[16];
	t->detail = none;
	t->key = key;
	t->cols = cols;
	t->right = right;
	t->ncols = ncols;
	t->nrows = nrows;
	t->cells = rg_calloc(ncols * (nrows ? nrows : 1), sizeof(char *));
	t->nulls = rg_calloc(ncols * (nrows ? nrows : 1), sizeof(bool));
	t->emph = rg_calloc(nrows ? nrows : 1, sizeof(int));
}

size_t rg_tables(rg_table out[3], const rg_report *r, bool human,
		 const rg_render_opts *o)
{
	size_t n = 0;
	char today[11];
	rg_date_format(r->today, today);
	if (r->has_followups) {
		static const char *const mc[] = {"reason", "contact",
						 "due",	   "days_overdue",
						 "file",   "line"};
		static const bool mr[] = {0, 0, 0, 1, 0, 1};
		static const char *const hc[] = {"Due", "Overdue", "Reason",
						 "Contact", "Place"};
		static const bool hr[] = {0, 1, 0, 0, 0};
		rg_table *t = &out[n++];
		table_init(t, "followups", human ? hc : mc, human ? hr : mr,
			   human ? 5 : 6, r->followups.n);
		size_t due = 0;
		for (size_t i = 0; i < r->followups.n; i++)
			due += r->followups.v[i].days_overdue > 0;
		if (o->ahead >= 0)
			t->title = rg_asprintf("Follow-ups on %s and the next "
					       "%d days: %zu (%zu "
					       "overdue)",
					       today, o->ahead, r->followups.n,
					       due);
		else
			t->title = rg_asprintf("Follow-ups overdue on %s: %zu",
					       today, r->followups.n);
		for (size_t i = 0; i < r->followups.n; i++) {
			const rg_fu_row *x = &r->followups.v[i];
			const char *reason = rg_fu_reason_name(x->reason);
			const char *contact = x->contact ? x->contact : "";
			t->emph[i] = x->days_overdue > 0;
			if (human) {
				cell(t, i, 0, date_text(x->due), false);
				cell(t, i, 1,
				     x->days_overdue > 0
					     ? rg_asprintf("%dd",
							   x->days_overdue)
				     : x->days_overdue == 0
					     ? rg_strdup("today")
					     : rg_asprintf("in %dd",
							   -x->days_overdue),
				     false);
				cell(t, i, 2, rg_strdup(reason), false);
				cell(t, i, 3, rg_strdup(contact), !x->contact);
				cell(t, i, 4,
				     rg_asprintf("%s:%d", x->file, x->line),
				     false);
			} else {
				cell(t, i, 0, rg_strdup(reason), false);
				cell(t, i, 1, rg_strdup(contact), !x->contact);
				cell(t, i, 2, date_text(x->due), false);
				cell(t, i, 3,
				     rg_asprintf("%d", x->days_overdue), false);
				cell(t, i, 4, rg_strdup(x->file), false);
				cell(t, i, 5, rg_asprintf("%d", x->line),
				     false);
			}
		}
	}
	if (r->has_sources) {
		static const char *const mc[] = {
			"contact",	 "referrals",
			"introductions", "leads",
			"open",		 "won",
			"lost",		 "conversion",
			"won_value",	 "downstream_value",
			"thanked_share"};
		static const bool mr[] = {0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
		static const char *const hc[] = {
			"Source", "Refs",	"Intro",  "Lead",
			"Open",	  "Won",	"Lost",	  "Conv",
			"Value",  "Downstream", "Thanked"};
		static const bool hd[] = {0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0};
		rg_table *t = &out[n++];
		table_init(t, "sources", human ? hc : mc, mr, 11, r->sources.n);
		if (human)
			t->detail = hd;
		if (o->since != RG_NODATE) {
			char since[11];
			rg_date_format(o->since, since);
			t->title =
				rg_asprintf("Referral sources on %s, referrals "
					    "since %s, best first: %zu",
					    today, since, r->sources.n);
		} else {
			t->title = rg_asprintf(
				"Referral sources on %s, best first: %zu",
				today, r->sources.n);
		}
		for (size_t i = 0; i < r->sources.n; i++) {
			const rg_src_row *x = &r->sources.v[i];
			int ints[6] = {x->referrals, x->introductions, x->leads,
				       x->open,	     x->won,	       x->lost};
			cell(t, i, 0, rg_strdup(x->contact), false);
			for (int k = 0; k < 6; k++)
				cell(t, i, (size_t)k + 1,
				     rg_asprintf("%d", ints[k]), false);
			if (x->has_conversion)
				cell(t, i, 7, share_text(x->conversion, human),
				     false);
			else
				cell(t, i, 7, rg_strdup(human ? "-" : ""),
				     true);
			cell(t, i, 8, num_text(x->won_value, human), false);
			cell(t, i, 9, num_text(x->downstream_value, human),
			     false);
			cell(t, i, 10, share_text(x->thanked_share, human),
			     false);
		}
	}
	if (r->has_uncredited) {
		static const char *const mc[] = {"reason", "contact", "source",
						 "date",   "file",    "line"};
		static const bool mr[] = {0, 0, 0, 0, 0, 1};
		static const char *const hc[] = {"Date", "Reason", "Contact",
						 "Source", "Place"};
		static const bool hr[] = {0, 0, 0, 0, 0};
		rg_table *t = &out[n++];
		table_init(t, "uncredited", human ? hc : mc, human ? hr : mr,
			   human ? 5 : 6, r->uncredited.n);
		t->title = rg_asprintf("Uncredited referrals on %s: %zu", today,
				       r->uncredited.n);
		for (size_t i = 0; i < r->uncredited.n; i++) {
			const rg_un_row *x = &r->uncredited.v[i];
			const char *reason = rg_un_reason_name(x->reason);
			const char *src = x->source ? x->source : "";
			if (human) {
				cell(t, i, 0,
				     x->date == RG_NODATE ? rg_strdup("-")
							  : date_text(x->date),
				     x->date == RG_NODATE);
				cell(t, i, 1, rg_strdup(reason), false);
				cell(t, i, 2, rg_strdup(x->contact), false);
				cell(t, i, 3, rg_strdup(src), !x->source);
				cell(t, i, 4,
				     rg_asprintf("%s:%d", x->file, x->line),
				     false);
			} else {
				cell(t, i, 0, rg_strdup(reason), false);
				cell(t, i, 1, rg_strdup(x->contact), false);
				cell(t, i, 2, rg_strdup(src), !x->source);
				cell(t, i, 3, date_text(x->date),
				     x->date == RG_NODATE);
				cell(t, i, 4, rg_strdup(x->file), false);
				cell(t, i, 5, rg_asprintf("%d", x->line),
				     false);
			}
		}
	}
	return n;
}

void rg_tables_free(rg_table *t, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		for (size_t i = 0; i < t[k].nrows * t[k].ncols; i++)
			free(t[k].cells[i]);
		free(t[k].cells);
		free(t[k].nulls);
		free(t[k].emph);
		free(t[k].title);
	}
}
