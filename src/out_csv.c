/*
 * out_csv: one table per report (RFC 4180, CRLF-free: LF line ends), with
 * the JSON column names.  Control characters show as '?', as in text, so
 * a row is one line.  A text cell that a spreadsheet would read as a
 * formula (=, +, -, @, tab, CR first) gets a leading apostrophe; numbers
 * are written as numbers.  Several tables are separated by a blank line.
 */
#include <string.h>

#include "refgraph/render.h"

static void field(rg_buf *b, const char *s, bool numeric)
{
	rg_buf tmp = {0};
	rg_put_clean(&tmp, s, "?");
	const char *t = tmp.s ? tmp.s : "";
	bool formula =
		!numeric && (t[0] == '=' || t[0] == '+' || t[0] == '-' ||
			     t[0] == '@' || t[0] == '\t' || t[0] == '\r');
	bool quote = formula || strpbrk(t, ",\"\r\n") != NULL;
	if (quote)
		rg_buf_putc(b, '"');
	if (formula)
		rg_buf_putc(b, '\'');
	for (; *t; t++) {
		if (*t == '"')
			rg_buf_putc(b, '"');
		rg_buf_putc(b, *t);
	}
	if (quote)
		rg_buf_putc(b, '"');
	rg_buf_free(&tmp);
}

void rg_render_csv(rg_buf *b, const rg_report *r, const rg_graph *g,
		   const rg_render_opts *o)
{
	(void)g;
	rg_table t[RG_NREPORTS];
	size_t n = rg_tables(t, r, false, o);
	for (size_t k = 0; k < n; k++) {
		if (k)
			rg_buf_putc(b, '\n');
		for (size_t c = 0; c < t[k].ncols; c++) {
			if (c)
				rg_buf_putc(b, ',');
			field(b, t[k].cols[c], false);
		}
		rg_buf_putc(b, '\n');
		rg_table_fill(&t[k]);
		for (size_t i = 0; i < t[k].nrows; i++) {
			for (size_t c = 0; c < t[k].ncols; c++) {
				if (c)
					rg_buf_putc(b, ',');
				field(b, t[k].cells[i * t[k].ncols + c],
				      RG_CT_IS_NUMBER(t[k].types[c]));
			}
			rg_buf_putc(b, '\n');
			rg_buf_spill(b);
		}
		rg_table_drop(&t[k]);
	}
	rg_tables_free(t, n);
}
