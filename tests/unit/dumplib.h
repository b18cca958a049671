/*
 * dumplib: a read file as text, every record, place and diagnostic in
 * order, so that two reads of the same bytes can be compared whole (the
 * readers' scratch tests: what was read before must make no difference).
 */
#ifndef REFGRAPH_DUMPLIB_H
#define REFGRAPH_DUMPLIB_H

#include "testlib.h"

static inline void dump_ref(rg_buf *b, const rg_ref *r)
{
	rg_buf_printf(b, " <%s@%d:%d>", r->target ? r->target : "(none)",
		      r->line, r->col);
}

static inline void dump_strs(rg_buf *b, const char **s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		rg_buf_printf(b, " '%s'", s[i]);
}

static inline void dump_refs(rg_buf *b, const rg_ref *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dump_ref(b, &r[i]);
}

static inline void dump_records(rg_buf *b, const rg_file *f)
{
	for (size_t i = 0; i < f->contacts.n; i++) {
		const rg_contact_rec *c = &f->contacts.v[i];
		rg_buf_printf(b, "contact %d:%d %s '%s' %s %s %d %d %d %d",
			      c->line, c->col, c->id, c->name,
			      c->org ? c->org : "-",
			      c->source ? c->source : "-", c->since,
			      c->last_contact, c->follow_days, c->has_reward);
		dump_strs(b, c->aliases, c->naliases);
		dump_strs(b, c->roles, c->nroles);
		dump_refs(b, c->refby, c->nrefby);
		rg_buf_putc(b, '\n');
	}
	for (size_t i = 0; i < f->inters.n; i++) {
		const rg_inter_rec *r = &f->inters.v[i];
		rg_buf_printf(b, "inter %d:%d %d", r->line, r->col, r->date);
		dump_refs(b, r->with, r->nwith);
		rg_buf_putc(b, '\n');
	}
	for (size_t i = 0; i < f->refrecs.n; i++) {
		const rg_refrec *r = &f->refrecs.v[i];
		rg_buf_printf(b, "referral %d:%d %d %d %u %d %d %g %d %d %d %d",
			      r->line, r->col, r->from_me, r->date, r->writes,
			      (int)r->status, r->closed, r->value, (int)r->kind,
			      r->rewarded, r->thanked, r->informed);
		dump_ref(b, &r->from);
		dump_ref(b, &r->prospect);
		dump_ref(b, &r->to);
		rg_buf_putc(b, '\n');
	}
	for (size_t i = 0; i < f->fields.n; i++) {
		const rg_field *d = &f->fields.v[i];
		rg_buf_printf(b, "field %d %d:%d %d %d %d %g", (int)d->key,
			      d->line, d->col, d->date, (int)d->status,
			      d->has_value, d->value);
		dump_ref(b, &d->who);
		rg_buf_putc(b, '\n');
	}
	for (size_t i = 0; i < f->tasks.n; i++) {
		const rg_task *k = &f->tasks.v[i];
		rg_buf_printf(b, "task %d:%d %d '%s' %d %d", k->line, k->col,
			      k->done, k->text, k->due, k->done_date);
		dump_refs(b, k->links, k->nlinks);
		rg_buf_putc(b, '\n');
	}
	rg_buf_puts(b, "links");
	dump_refs(b, f->links.v, f->links.n);
	rg_buf_putc(b, '\n');
	for (size_t i = 0; i < f->skipped.n; i++)
		rg_buf_printf(b, "skipped %d:%d %s\n", f->skipped.v[i].line,
			      f->skipped.v[i].col, f->skipped.v[i].why);
}

/* f as text; the caller frees it. */
static inline char *dump_file(const rg_file *f)
{
	rg_buf b = {0};
	rg_buf_printf(&b, "%s md=%d read=%d records=%d\n", f->path, f->markdown,
		      f->read, f->nrecords);
	dump_records(&b, f);
	for (size_t i = 0; i < f->diags.items.n; i++) {
		const rg_diag_item *d = &f->diags.items.v[i];
		rg_buf_printf(&b, "%s:%d:%d: %d: %s\n", d->path, d->line,
			      d->col, (int)d->level, d->msg);
	}
	return b.s;
}

#endif
