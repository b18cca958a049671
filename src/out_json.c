/*
 * out_json: the machine-readable report, one object per run, one row per
 * line.  Strings are JSON-escaped; bytes that are not UTF-8 become U+FFFD
 * so the output is always valid JSON.
 */
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "refgraph/date.h"
#include "refgraph/render.h"

static void jstr(rg_buf *b, const char *s)
{
	if (s == NULL) {
		rg_buf_puts(b, "null");
		return;
	}
	rg_buf_putc(b, '"');
	size_t n = strlen(s), i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
			utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					 (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			rg_buf_puts(b, "\\ufffd");
			i++;
			continue;
		}
		switch (cp) {
		case '"': rg_buf_puts(b, "\\\""); break;
		case '\\': rg_buf_puts(b, "\\\\"); break;
		case '\n': rg_buf_puts(b, "\\n"); break;
		case '\r': rg_buf_puts(b, "\\r"); break;
		case '\t': rg_buf_puts(b, "\\t"); break;
		case '\b': rg_buf_puts(b, "\\b"); break;
		case '\f': rg_buf_puts(b, "\\f"); break;
		default:
			if (cp < 0x20 || cp == 0x7F || cp == 0x2028 ||
			    cp == 0x2029)
				rg_buf_printf(b, "\\u%04x", (unsigned)cp);
			else
				rg_buf_put(b, s + i, (size_t)k);
		}
		i += (size_t)k;
	}
	rg_buf_putc(b, '"');
}

static void jdate(rg_buf *b, int day)
{
	if (day == RG_NODATE) {
		rg_buf_puts(b, "null");
		return;
	}
	char d[11];
	rg_date_format(day, d);
	rg_buf_printf(b, "\"%s\"", d);
}

static void jnum(rg_buf *b, double v, bool float_style)
{
	char t[64];
	rg_fmt_number(t, sizeof t, v, float_style);
	rg_buf_puts(b, t);
}

static void open_list(rg_buf *b, const char *key, size_t n)
{
	rg_buf_printf(b, ",\n  \"%s\": %s", key, n ? "[\n" : "[]");
}

static void close_list(rg_buf *b, size_t n)
{
	if (n)
		rg_buf_puts(b, "\n  ]");
}

void rg_render_json(rg_buf *b, const rg_report *r, const rg_graph *g,
		    const rg_render_opts *o)
{
	(void)g;
	(void)o;
	rg_buf_puts(b, "{\n  \"today\": ");
	jdate(b, r->today);
	if (r->has_followups) {
		open_list(b, "followups", r->followups.n);
		for (size_t i = 0; i < r->followups.n; i++) {
			const rg_fu_row *x = &r->followups.v[i];
			rg_buf_puts(b, i ? ",\n    {\"reason\": "
					 : "    {\"reason\": ");
			jstr(b, rg_fu_reason_name(x->reason));
			rg_buf_puts(b, ", \"contact\": ");
			jstr(b, x->contact);
			rg_buf_puts(b, ", \"due\": ");
			jdate(b, x->due);
			rg_buf_printf(b, ", \"days_overdue\": %d, \"file\": ",
				      x->days_overdue);
			jstr(b, x->file);
			rg_buf_printf(b, ", \"line\": %d}", x->line);
		}
		close_list(b, r->followups.n);
	}
	if (r->has_sources) {
		open_list(b, "sources", r->sources.n);
		for (size_t i = 0; i < r->sources.n; i++) {
			const rg_src_row *x = &r->sources.v[i];
			rg_buf_puts(b, i ? ",\n    {\"contact\": "
					 : "    {\"contact\": ");
			jstr(b, x->contact);
			rg_buf_printf(
				b,
				", \"referrals\": %d, \"introductions\": "
				"%d, \"leads\": %d, \"open\": %d, \"won\": "
				"%d, \"lost\": %d, \"conversion\": ",
				x->referrals, x->introductions, x->leads,
				x->open, x->won, x->lost);
			if (x->has_conversion)
				jnum(b, x->conversion, true);
			else
				rg_buf_puts(b, "null");
			rg_buf_puts(b, ", \"won_value\": ");
			jnum(b, x->won_value, false);
			rg_buf_puts(b, ", \"downstream_value\": ");
			jnum(b, x->downstream_value, false);
			rg_buf_puts(b, ", \"thanked_share\": ");
			jnum(b, x->thanked_share, true);
			rg_buf_putc(b, '}');
		}
		close_list(b, r->sources.n);
	}
	if (r->has_uncredited) {
		open_list(b, "uncredited", r->uncredited.n);
		for (size_t i = 0; i < r->uncredited.n; i++) {
			const rg_un_row *x = &r->uncredited.v[i];
			rg_buf_puts(b, i ? ",\n    {\"reason\": "
					 : "    {\"reason\": ");
			jstr(b, rg_un_reason_name(x->reason));
			rg_buf_puts(b, ", \"contact\": ");
			jstr(b, x->contact);
			rg_buf_puts(b, ", \"source\": ");
			jstr(b, x->source);
			rg_buf_puts(b, ", \"date\": ");
			jdate(b, x->date);
			rg_buf_puts(b, ", \"file\": ");
			jstr(b, x->file);
			rg_buf_printf(b, ", \"line\": %d}", x->line);
		}
		close_list(b, r->uncredited.n);
	}
	rg_buf_puts(b, "\n}\n");
}
