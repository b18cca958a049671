/*
 * yrecord: the fields of a contact or a referral record, read from its
 * mapping into the file's records (notes format section 2): each value by
 * its rule, each bad one a diagnostic that says what was done.
 */
#include "refgraph/yrecord.h"

#include <string.h>

#include "refgraph/date.h"
#include "refgraph/value.h"
#include "refgraph/yval.h"

static bool has_role(const rg_contact_rec *c, const char *w)
{
	for (size_t i = 0; i < c->nroles; i++)
		if (strcmp(c->roles[i], w) == 0)
			return true;
	return false;
}

/* Role tag words join the contact's roles (v3), each once. */
static void add_role_tags(rg_file *f, const rg_yfields *fs, rg_contact_rec *c)
{
	size_t extra = 0;
	for (size_t i = 0; i < fs->ntags; i++)
		extra += rg_yfields_role_tag(fs->tags[i]);
	if (extra == 0)
		return;
	const char **roles =
		rg_arena_alloc(f->arena, (c->nroles + extra) * sizeof(char *));
	if (c->nroles)
		memcpy(roles, c->roles, c->nroles * sizeof(char *));
	c->roles = roles;
	for (size_t i = 0; i < fs->ntags; i++)
		if (rg_yfields_role_tag(fs->tags[i]) &&
		    !has_role(c, fs->tags[i]))
			roles[c->nroles++] =
				rg_arena_strdup(f->arena, fs->tags[i]);
}

int rg_yrecord_contact(rg_file *f, const rg_yfields *fs, int line, int col)
{
	rg_contact_rec *c = RG_VEC_PUSH(f->contacts);
	c->line = line;
	c->col = col;
	c->id = rg_yval_trimmed(f, "id", rg_yfields_get(fs, "id"));
	c->name = rg_yval_trimmed(f, "name", rg_yfields_get(fs, "name"));
	c->naliases = rg_yval_texts(f, "aliases", rg_yfields_get(fs, "aliases"),
				    &c->aliases, false);
	c->nroles = rg_yval_texts(f, "role", rg_yfields_get(fs, "role"),
				  &c->roles, true);
	add_role_tags(f, fs, c);
	c->org = rg_yval_trimmed(f, "org", rg_yfields_get(fs, "org"));
	c->source = rg_yval_trimmed(f, "source", rg_yfields_get(fs, "source"));
	c->since = rg_yval_date(f, "since", rg_yfields_get(fs, "since"), false);
	c->last_contact = rg_yval_date(
		f, "last_contact", rg_yfields_get(fs, "last_contact"), false);
	const rg_ynode *fe = rg_yfields_get(fs, "follow_up_every");
	const char *fet = rg_yval_text(f, "follow_up_every", fe);
	if (fet && !rg_date_duration_parse(fet, strlen(fet), &c->follow_days)) {
		rg_yval_diag(f, fe, RG_WARNING,
			     "follow_up_every: '%s' is not a duration (like "
			     "14d, 2w, "
			     "1m, 1y); the field is absent",
			     fet);
		c->follow_days = 0;
	}
	const char *rw =
		rg_yval_trimmed(f, "reward", rg_yfields_get(fs, "reward"));
	c->has_reward = rw && !rg_yval_is(rw, "none") &&
			!rg_yval_is(rw, "no") && !rg_yval_is(rw, "false");
	static const char *const by[] = {"referred_by", "introduced_by",
					 "met_through"};
	size_t total = 0;
	rg_ref *parts[3];
	size_t np[3];
	for (int i = 0; i < 3; i++) {
		np[i] = rg_yval_refs(f, by[i], rg_yfields_get(fs, by[i]),
				     &parts[i]);
		total += np[i];
	}
	if (total) {
		c->refby = rg_arena_alloc(f->arena, total * sizeof(rg_ref));
		for (int i = 0; i < 3; i++) {
			if (np[i] == 0)
				continue;
			memcpy(c->refby + c->nrefby, parts[i],
			       np[i] * sizeof(rg_ref));
			c->nrefby += np[i];
		}
	}
	return c->since;
}

/* kind and status: words of the notes format, any case. */
static void read_words(rg_file *f, const rg_yfields *fs, rg_refrec *m)
{
	const rg_ynode *kv = rg_yfields_get(fs, "kind");
	const char *kt = rg_yval_text(f, "kind", kv);
	if (kt) {
		if (rg_yval_is(kt, "introduction"))
			m->kind = RG_KIND_INTRO;
		else if (rg_yval_is(kt, "lead"))
			m->kind = RG_KIND_LEAD;
		else
			rg_yval_diag(f, kv, RG_WARNING,
				     "kind: '%s' is neither 'introduction' nor "
				     "'lead'; the field is absent",
				     kt);
		if (m->kind)
			m->writes |= RG_W_KIND;
	}
	const rg_ynode *sv = rg_yfields_get(fs, "status");
	const char *st = rg_yval_text(f, "status", sv);
	if (st) {
		m->status = rg_status_parse(st, strlen(st));
		if (m->status == RG_ST_NONE)
			rg_yval_diag(
				f, sv, RG_ERROR,
				"status: '%s' is not a status (new, contacted, "
				"meeting, proposal, won, lost, declined, "
				"unreachable); the field is absent",
				st);
		else
			m->writes |= RG_W_STATUS;
	}
}

/* closed and value: how it ended. */
static void read_outcome(rg_file *f, const rg_yfields *fs, rg_refrec *m)
{
	m->closed =
		rg_yval_date(f, "closed", rg_yfields_get(fs, "closed"), false);
	if (m->closed != RG_NODATE)
		m->writes |= RG_W_CLOSED;
	const rg_ynode *vv = rg_yfields_get(fs, "value");
	const char *vt = rg_yval_text(f, "value", vv);
	rg_numform nf =
		vt ? rg_value_number(vt, strlen(vt), &m->value) : RG_NUM_BAD;
	if (nf != RG_NUM_BAD)
		m->writes |= RG_W_VALUE;
	if (nf == RG_NUM_DOT3)
		rg_yval_diag(f, vv, RG_WARNING,
			     "value: '%s' is read as %g; if '.' separates "
			     "thousands there, leave it out or write ','",
			     vt, m->value);
	else if (vt && nf == RG_NUM_BAD)
		rg_yval_diag(f, vv, RG_ERROR,
			     "value: '%s' is not a number; write 1800, 1,800 "
			     "or €1,800 (the field is absent)",
			     vt);
}

/* thanked, informed, rewarded: what the source was given. */
static void read_credit(rg_file *f, const rg_yfields *fs, rg_refrec *m)
{
	const rg_ynode *tv = rg_yfields_get(fs, "thanked");
	const char *tt = rg_yval_text(f, "thanked", tv);
	m->thanked = RG_NODATE;
	bool yes;
	if (tt && rg_value_yesno(tt, strlen(tt), &yes))
		/* yes: the mention's own date; no: said plainly, not
		 * written */
		m->thanked = yes ? m->date : RG_NODATE;
	else if (tt && !rg_date_parse(tt, strlen(tt), &m->thanked))
		rg_yval_diag(f, tv, RG_WARNING,
			     "thanked: '%s' is not a date; write yes, true or "
			     "a date such as 2026-11-03 (the field is absent)",
			     tt);
	m->informed = rg_yval_date(f, "informed",
				   rg_yfields_get(fs, "informed"), false);
	const char *rt =
		rg_yval_text(f, "rewarded", rg_yfields_get(fs, "rewarded"));
	if (rt) {
		bool no = false;
		m->rewarded = !(rg_value_yesno(rt, strlen(rt), &no) && !no);
		m->writes |= RG_W_REWARDED;
	}
}

void rg_yrecord_referral(rg_file *f, const rg_yfields *fs, int line, int col,
			 int default_date)
{
	rg_refrec m = {0};
	m.line = line;
	m.col = col;
	bool ok = true;
	if (!rg_yval_ref(f, "from", rg_yfields_get(fs, "from"), &m.from)) {
		rg_diag(&f->diags, f->path, m.line, m.col, RG_ERROR,
			"referral without 'from'; not used");
		ok = false;
	}
	if (!rg_yval_ref(f, "prospect", rg_yfields_get(fs, "prospect"),
			 &m.prospect)) {
		rg_diag(&f->diags, f->path, m.line, m.col, RG_ERROR,
			"referral without 'prospect'; not used");
		ok = false;
	}
	rg_yval_ref(f, "to", rg_yfields_get(fs, "to"), &m.to);
	/* absent: the interaction's date, else undated without a word
	 * (the graph warns when no mention dates the referral) */
	const rg_ynode *dv = rg_yfields_get(fs, "date");
	m.date = rg_ynode_absent(dv) ? default_date
				     : rg_yval_date(f, "date", dv, true);
	read_words(f, fs, &m);
	read_outcome(f, fs, &m);
	read_credit(f, fs, &m);
	if (ok)
		*RG_VEC_PUSH(f->refrecs) = m;
}
