/*
 * render: the format table and the helpers every renderer shares.
 */
#include "refgraph/render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "refgraph/date.h"

/* room for a date, a number or a percentage: a whole double is written
 * out in full, up to 309 digits, a sign and ".0" */
#define DATE_BUF 320

rg_render_fn rg_renderer(const char *format)
{
	static const struct {
		const char *name;
		rg_render_fn fn;
	} table[] = {
		{"text", rg_render_text}, {"json", rg_render_json},
		{"csv", rg_render_csv},	  {"md", rg_render_md},
		{"html", rg_render_html}, {"dot", rg_render_dot},
		{"ics", rg_render_ics},
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
	/* a whole number is an integer at any size (a reader must not see
	 * 1e+17 for a sum that is whole); one too long for out has an
	 * exponent */
	if (v == floor(v) &&
	    (size_t)snprintf(out, cap, float_style ? "%.1f" : "%.0f", v) <
		    cap) {
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

size_t rg_printable_run(const char *s)
{
	size_t i = 0;
	while ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F)
		i++;
	return i;
}

void rg_put_clean(rg_buf *b, const char *s, const char *repl)
{
	size_t n = strlen(s), i = 0;
	while (i < n) {
		/* printable ASCII is itself, one column a byte: nearly all
		 * text goes in as runs, without decoding */
		size_t run = rg_printable_run(s + i);
		if (run > 0) {
			rg_buf_put(b, s + i, run);
			i += run;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
			utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					 (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			rg_buf_puts(b, "\xEF\xBF\xBD");
			i++;
			continue;
		}
		if (repl && rg_cp_control(cp))
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
		size_t run = rg_printable_run(s + i);
		if (run > 0) {
			w += run;
			i += run;
			continue;
		}
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

/* 12345.5 -> 12,345.5 */
static char *grouped(double v)
{
	char buf[DATE_BUF];
	rg_fmt_number(buf, sizeof buf, v, false);
	if (strchr(buf, 'e'))
		return rg_strdup(buf);
	char out[DATE_BUF + DATE_BUF / 3];
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

char *rg_fmt_human(rg_ctype t, const char *s, double n)
{
	char buf[DATE_BUF];
	switch (t) {
	case RG_CT_TEXT:
	case RG_CT_NAME: return rg_strdup(s);
	case RG_CT_INT: return rg_asprintf("%d", (int)n);
	case RG_CT_NUM: return grouped(n);
	case RG_CT_SHARE: return rg_asprintf("%.0f%%", n * 100);
	case RG_CT_DATE: rg_date_format((int)n, buf); return rg_strdup(buf);
	case RG_CT_DAYS:
		return n > 0	? rg_asprintf("%dd", (int)n)
		       : n == 0 ? rg_strdup("today")
				: rg_asprintf("in %dd", -(int)n);
	case RG_CT_PLACE: return rg_asprintf("%s:%d", s, (int)n);
	case RG_CT_BOOL: return rg_strdup(n != 0 ? "yes" : "");
	}
	return rg_strdup("");
}

char *rg_fmt_machine(rg_ctype t, const char *s, double n)
{
	char buf[DATE_BUF];
	switch (t) {
	case RG_CT_TEXT:
	case RG_CT_NAME:
	case RG_CT_PLACE: return rg_strdup(s);
	case RG_CT_INT:
	case RG_CT_DAYS: return rg_asprintf("%d", (int)n);
	case RG_CT_NUM:
	case RG_CT_SHARE:
		rg_fmt_number(buf, sizeof buf, n, t == RG_CT_SHARE);
		return rg_strdup(buf);
	case RG_CT_DATE: rg_date_format((int)n, buf); return rg_strdup(buf);
	case RG_CT_BOOL: return rg_strdup(n != 0 ? "true" : "false");
	}
	return rg_strdup("");
}
