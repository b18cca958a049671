/*
 * run: one run of the command line: the settings (file, then flags), the
 * notes, the graph, the report the command asks for, rendered and written
 * (to standard output, atomically to -o FILE, or every format into
 * --output-dir DIR), and the diagnostics on standard error.  The exit
 * status is decided here and only here.  The notes come from ROOT, or
 * from a git revision of its repository (--rev); the report may be
 * compared with an earlier one (--previous, --previous-rev) and may fail
 * the run on purpose (--fail-on).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "refgraph/cli.h"
#include "refgraph/config.h"
#include "refgraph/date.h"
#include "refgraph/diag.h"
#include "refgraph/failon.h"
#include "refgraph/gitsrc.h"
#include "refgraph/graph.h"
#include "refgraph/notes.h"
#include "refgraph/outfile.h"
#include "refgraph/previous.h"
#include "refgraph/render.h"
#include "refgraph/report.h"

typedef struct run {
	const rg_cli *c;
	rg_diags d;
	rg_config cfg;
	rg_notes notes;
	rg_graph g;
	rg_report rep;
	bool loaded;	/* the notes were read and the graph built */
	rg_gitsrc *git; /* the revision the notes come from, or NULL */
} run;

static int stdout_sink(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	errno = 0; /* fwrite need not set it */
	return fwrite(s, 1, n, stdout) == n ? 0 : errno ? errno : EIO;
}

/* The report's end: what the sink still holds written and flushed. */
static int finish_stdout(rg_buf *b)
{
	int e = rg_buf_drain(b);
	errno = 0;
	if (e == 0 && fflush(stdout) != 0)
		e = errno ? errno : EIO;
	if (e) {
		fprintf(stderr, "refgraph: cannot write the report: %s\n",
			strerror(e));
		return RG_EXIT_IO;
	}
	return RG_EXIT_OK;
}

static int write_stdout(const rg_buf *b)
{
	rg_buf s = *b;
	s.sink = stdout_sink;
	s.err = 0;
	return finish_stdout(&s);
}

/*
 * The settings, then the notes and the graph, from ROOT or from the git
 * revision rev of its repository.  Returns RG_EXIT_OK, or the status to
 * stop with: the reason is in r->d, or in *why (a revision that is not
 * there is a usage error).
 */
static int load(run *r, const char *rev, char **why)
{
	const rg_cli *c = r->c;
	bool ok = true;
	if (rev) {
		int st = rg_gitsrc_open(&r->git, c->root, rev, why);
		if (st != RG_EXIT_OK)
			return st;
	}
	if (c->config) {
		ok = rg_config_read(&r->cfg, c->config, c->config, false,
				    &r->d);
	} else if (r->git) {
		rg_gitsrc_config(r->git, &r->cfg, &r->d);
	} else {
		char *p = rg_asprintf("%s/.refgraph.yaml", c->root);
		ok = rg_config_read(&r->cfg, p, ".refgraph.yaml", true, &r->d);
		free(p);
	}
	if (!ok)
		return RG_EXIT_IO;
	if (c->followup_days >= 0)
		r->cfg.followup_days = c->followup_days;
	if (c->thank_days >= 0)
		r->cfg.thank_days = c->thank_days;
	if (c->inform_days >= 0)
		r->cfg.inform_days = c->inform_days;
	if (c->client_touch_days >= 0)
		r->cfg.client_touch_days = c->client_touch_days;
	if (c->ask_days >= 0)
		r->cfg.ask_days = c->ask_days;
	ok = r->git ? rg_gitsrc_notes(r->git, &r->notes, &r->cfg, &r->d)
		    : rg_notes_load(&r->notes, c->root, &r->cfg, c->jobs,
				    &r->d);
	if (!ok)
		return RG_EXIT_IO; /* reported by the notes */
	rg_graph_build(&r->g, &r->notes, &r->cfg, c->strict, &r->d);
	r->loaded = true;
	return RG_EXIT_OK;
}

static void run_free(run *r)
{
	rg_report_free(&r->rep);
	rg_graph_free(&r->g);
	rg_notes_free(&r->notes);
	rg_config_free(&r->cfg);
	rg_diags_free(&r->d);
	rg_gitsrc_free(r->git);
}

static void verbose_listing(rg_buf *b, const rg_notes *n, const rg_graph *g)
{
	for (size_t i = 0; i < g->contacts.n; i++) {
		const rg_contact *c = &g->contacts.v[i];
		if (c->written || c->owner)
			continue;
		rg_buf_puts(b, "implicit contact: ");
		rg_put_clean(b, c->name, "?");
		rg_buf_puts(b, " (first mentioned at ");
		rg_put_clean(b, rg_graph_path(g, c->file), "?");
		rg_buf_printf(b, ":%d)\n", c->line);
	}
	for (size_t i = 0; i < n->excluded.v.n; i++) {
		rg_buf_puts(b, "skipped: ");
		rg_put_clean(b, n->excluded.v.v[i], "?");
		rg_buf_puts(b, " (excluded)\n");
	}
	for (size_t i = 0; i < n->nfiles; i++) {
		const rg_file *f = n->files[i];
		for (size_t k = 0; k < f->skipped.n; k++) {
			rg_buf_puts(b, "skipped record: ");
			rg_put_clean(b, f->path, "?");
			rg_buf_printf(b, ":%d: %s\n", f->skipped.v[k].line,
				      f->skipped.v[k].why);
		}
	}
}

/* "1 file", "2 files" */
static void count(rg_buf *b, const char *sep, size_t n, const char *one,
		  const char *many)
{
	rg_buf_printf(b, "%s%zu %s", sep, n, n == 1 ? one : many);
}

/* check: the summary line, or one JSON object with every diagnostic. */
static void check_out(rg_buf *b, const run *r)
{
	const rg_graph_stats *s = &r->g.stats;
	size_t contacts = s->contacts + s->implicit;
	if (strcmp(r->c->format, "json") == 0) {
		rg_buf_printf(b,
			      "{\n  \"files\": %zu,\n  \"notes\": %zu,\n  "
			      "\"contacts\": %zu,\n  \"implicit\": %zu,\n  "
			      "\"interactions\": %zu,\n  "
			      "\"referral_mentions\": %zu,\n  \"referrals\": "
			      "%zu,\n  \"tasks\": %zu,\n  \"errors\": %d,\n  "
			      "\"warnings\": %d,\n  \"diagnostics\": ",
			      s->files, s->notes, contacts, s->implicit,
			      s->interactions, s->mentions, s->referrals,
			      s->tasks, r->d.nerrors, r->d.nwarnings);
		rg_diags_json(&r->d, b);
		rg_buf_puts(b, "\n}\n");
		return;
	}
	if (r->c->verbose)
		verbose_listing(b, &r->notes, &r->g);
	count(b, "", s->files, "file read", "files read");
	count(b, " (", s->notes, "note)", "notes)");
	count(b, ", ", contacts, "contact", "contacts");
	rg_buf_printf(b, " (%zu implicit)", s->implicit);
	count(b, ", ", s->interactions, "interaction", "interactions");
	count(b, ", ", s->mentions, "referral mention", "referral mentions");
	count(b, " (", s->referrals, "referral)", "referrals)");
	count(b, ", ", s->tasks, "task", "tasks");
	count(b, ", ", (size_t)r->d.nerrors, "error", "errors");
	count(b, ", ", (size_t)r->d.nwarnings, "warning", "warnings");
	rg_buf_putc(b, '\n');
}

/*
 * show NAME: the contact the name means, as a reference in a note would;
 * one it names no contact, or two, is a usage error (its message in *why).
 */
static bool show(run *r, const rg_report_opts *o, char **why)
{
	int id = rg_show_find(&r->g, r->c->show_name, why);
	if (id < 0)
		return false;
	rg_report_show(&r->rep, &r->g, o, id);
	return true;
}

/* The reports the command asks for; false (and *why) for a show NAME
 * that means no one contact. */
static bool compute(run *r, char **why)
{
	const rg_cli *c = r->c;
	rg_report_opts o = {0};
	o.today = c->today != RG_NODATE ? c->today : rg_date_today();
	o.since = c->since;
	o.ahead = c->ahead;
	o.followup_days = r->cfg.followup_days;
	o.thank_days = r->cfg.thank_days;
	o.inform_days = r->cfg.inform_days;
	o.client_touch_days = r->cfg.client_touch_days;
	o.ask_days = r->cfg.ask_days;
	r->rep.today = o.today;
	bool all = c->cmd == RG_CMD_REPORT;
	if (all || c->cmd == RG_CMD_SUMMARY)
		rg_report_summary(&r->rep, &r->g, &o);
	if (all || c->cmd == RG_CMD_FOLLOWUPS)
		rg_report_followups(&r->rep, &r->g, &o);
	if (all || c->cmd == RG_CMD_SOURCES)
		rg_report_sources(&r->rep, &r->g, &o);
	if (all || c->cmd == RG_CMD_UNCREDITED)
		rg_report_uncredited(&r->rep, &r->g, &o);
	if (all || c->cmd == RG_CMD_RECIPROCITY)
		rg_report_reciprocity(&r->rep, &r->g, &o);
	if (all || c->cmd == RG_CMD_ASKS)
		rg_report_asks(&r->rep, &r->g, &o);
	if (c->cmd == RG_CMD_GRAPH) /* the network is no report of report's */
		rg_report_graph(&r->rep, &r->g, &o);
	if (c->cmd == RG_CMD_SHOW)
		return show(r, &o, why);
	return true;
}

/* An error found once the notes are read: after their diagnostics, in
 * the form of the command line's own; returns st. */
static int late_error(const char *why, int st)
{
	rg_buf m = {0};
	rg_buf_puts(&m, "refgraph: ");
	rg_diag_put_visible(&m, why, strlen(why));
	rg_buf_puts(&m,
		    st == RG_EXIT_USAGE ? "\nTry 'refgraph --help'.\n" : "\n");
	fputs(m.s, stderr);
	rg_buf_free(&m);
	return st;
}

static int late_usage_error(const char *why)
{
	return late_error(why, RG_EXIT_USAGE);
}

/* The first error of a run that could not be made, as one line. */
static char *first_error(const rg_diags *d, const char *rev)
{
	for (size_t i = 0; i < d->items.n; i++)
		if (d->items.v[i].level == RG_ERROR)
			return rg_asprintf("--previous-rev %s: %s: %s", rev,
					   d->items.v[i].path,
					   d->items.v[i].msg);
	return rg_asprintf("--previous-rev %s: the notes cannot be read", rev);
}

/*
 * The report of the notes at the revision rev, into p: computed as this
 * run's is (the same command, settings, flags and day), so that only
 * what changed in the notes makes a row new.  Its diagnostics are the
 * earlier notes' and are not shown, unless it cannot be made.
 */
static int report_at(const rg_cli *c, const char *rev, rg_previous *p,
		     char **why)
{
	run e = {0};
	e.c = c;
	rg_config_init(&e.cfg);
	int st = load(&e, rev, why);
	if (st == RG_EXIT_OK && compute(&e, why)) {
		rg_previous_of(p, &e.rep);
		if (rg_gitsrc_day(e.git) != RG_NODATE)
			p->today = rg_gitsrc_day(e.git);
	} else if (st == RG_EXIT_OK) {
		st = RG_EXIT_USAGE; /* compute fails only for show */
	} else if (*why == NULL) {
		*why = first_error(&e.d, rev);
	}
	run_free(&e);
	return st;
}

/* --previous FILE, --previous-rev REV: each row not in the earlier
 * report marked new.  Returns RG_EXIT_OK or the status to stop with. */
static int compare(run *r, char **why)
{
	const rg_cli *c = r->c;
	rg_previous p;
	int st;
	if (c->previous)
		st = rg_previous_load(&p, c->previous, why);
	else if (c->previous_rev)
		st = report_at(c, c->previous_rev, &p, why);
	else
		return RG_EXIT_OK;
	if (st != RG_EXIT_OK)
		return st;
	rg_previous_mark(&r->rep, &p);
	rg_previous_free(&p);
	return RG_EXIT_OK;
}

/* --fail-on: once everything is written and nothing worse happened. */
static int fail_on(const run *r)
{
	char *m = rg_failon_check(&r->c->failon, &r->rep, r->d.nerrors,
				  r->d.nwarnings);
	if (m == NULL)
		return RG_EXIT_OK;
	rg_buf b = {0};
	rg_buf_puts(&b, "refgraph: ");
	rg_buf_puts(&b, m);
	rg_buf_putc(&b, '\n');
	fputs(b.s, stderr);
	rg_buf_free(&b);
	free(m);
	return RG_EXIT_FAILON;
}

/* --color: auto colours text on a terminal, unless NO_COLOR (non-empty)
 * or TERM=dumb say otherwise; an explicit always or never wins. */
static bool use_color(const rg_cli *c)
{
	if (strcmp(c->format, "text") != 0 || c->color == RG_COLOR_NEVER)
		return false;
	if (c->color == RG_COLOR_ALWAYS)
		return true;
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
	return c->output == NULL && isatty(STDOUT_FILENO) && !(nc && *nc) &&
	       !(term && strcmp(term, "dumb") == 0);
}

static rg_render_opts render_opts(const run *r)
{
	const rg_cli *c = r->c;
	rg_render_opts ro = {0};
	ro.diags = &r->d; /* the html page's banner counts them */
	ro.color = use_color(c);
	ro.ahead = c->ahead;
	ro.since = c->since;
	ro.links_wiki = c->links_wiki;
	return ro;
}

/*
 * Render rep as fmt into the file path, written as it is rendered (a
 * renderer hands its text over between rows, rg_buf_spill) and put in
 * place atomically; a write that fails leaves any old file whole.
 */
static int render_to_file(const char *path, const char *fmt,
			  const rg_report *rep, const rg_graph *g,
			  const rg_render_opts *ro)
{
	rg_outfile *of = rg_outfile_open(path);
	if (of == NULL)
		return RG_EXIT_IO; /* reported */
	rg_buf b = {0};
	b.sink = rg_outfile_put;
	b.ctx = of;
	rg_renderer(fmt)(&b, rep, g, ro);
	rg_buf_drain(&b);
	rg_buf_free(&b);
	return rg_outfile_close(of, true);
}

/* Render rep as fmt and write it to dir/name atomically. */
static int write_one(const char *dir, const char *name, const char *fmt,
		     const rg_report *rep, const rg_graph *g,
		     const rg_render_opts *ro)
{
	char *path = rg_asprintf("%s/%s", dir, name);
	int st = render_to_file(path, fmt, rep, g, ro);
	free(path);
	return st;
}

/* --output-dir: the whole report for people and tools, and one CSV per
 * report (a CSV file holds one table). */
static int write_dir(const run *r)
{
	static const struct {
		const char *name, *format;
	} whole[] = {{"report.html", "html"},
		     {"report.md", "md"},
		     {"report.json", "json"}};
	static const char *const csv[] = {"followups.csv",  "sources.csv",
					  "uncredited.csv", "reciprocity.csv",
					  "asks.csv",	    "summary.csv"};
	const char *dir = r->c->output_dir;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		rg_buf m = {0};
		rg_buf_puts(&m, "refgraph: ");
		rg_diag_put_visible(&m, dir, strlen(dir));
		rg_buf_printf(&m, ": cannot create: %s\n", strerror(errno));
		fputs(m.s, stderr);
		rg_buf_free(&m);
		return RG_EXIT_IO;
	}
	rg_render_opts ro = render_opts(r);
	ro.color = false;
	int st = RG_EXIT_OK;
	for (size_t k = 0; k < sizeof whole / sizeof *whole; k++)
		if (write_one(dir, whole[k].name, whole[k].format, &r->rep,
			      &r->g, &ro) != RG_EXIT_OK)
			st = RG_EXIT_IO;
	for (size_t k = 0; k < sizeof csv / sizeof *csv; k++) {
		rg_report one = r->rep; /* shares the rows; only flags differ */
		one.has_followups = k == 0;
		one.has_sources = k == 1;
		one.has_uncredited = k == 2;
		one.has_reciprocity = k == 3;
		one.has_asks = k == 4;
		one.has_summary = k == 5;
		if (write_one(dir, csv[k], "csv", &one, &r->g, &ro) !=
		    RG_EXIT_OK)
			st = RG_EXIT_IO;
	}
	return st;
}

/* The source lines under diagnostics on a terminal: each file read again,
 * the same way the notes are read, one file at a time (the diagnostics
 * are sorted by path). */
typedef struct source_cache {
	int rootfd;
	const char *config; /* --config FILE, shown as given */
	size_t max;
	char *path, *data;
	size_t len;
} source_cache;

static const char *source_line(void *ctx, const char *path, int line,
			       size_t *len)
{
	source_cache *sc = ctx;
	if (sc->path == NULL || strcmp(sc->path, path) != 0) {
		free(sc->path);
		free(sc->data);
		sc->path = rg_strdup(path);
		sc->data = NULL;
		sc->len = 0;
		bool cfg = sc->config && strcmp(path, sc->config) == 0;
		bool big = false;
		if ((cfg || sc->rootfd >= 0) &&
		    rg_read_file(cfg ? AT_FDCWD : sc->rootfd, path, sc->max,
				 &sc->data, &sc->len, &big) != 0)
			sc->data = NULL;
	}
	if (sc->data == NULL)
		return NULL;
	const char *s = sc->data, *end = sc->data + sc->len;
	if (line == 1 && sc->len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3; /* columns count after the byte order mark */
	for (int i = 1; i < line; i++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		if (nl == NULL)
			return NULL;
		s = nl + 1;
	}
	const char *nl = memchr(s, '\n', (size_t)(end - s));
	size_t n = (size_t)((nl ? nl : end) - s);
	if (n && s[n - 1] == '\r')
		n--;
	*len = n;
	return s;
}

/* The diagnostics on standard error; -1 when it could not be written. */
static int print_diags(const run *r)
{
	const rg_cli *c = r->c;
	rg_diag_show o = {0};
	o.quiet = c->quiet;
	source_cache sc = {-1,	 c->config, r->cfg.limits.max_file_size,
			   NULL, NULL,	    0};
	/* the lines of a revision's notes are not those on disk */
	if (r->loaded && r->git == NULL && isatty(STDERR_FILENO)) {
		sc.rootfd = open(c->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		o.source = source_line;
		o.ctx = &sc;
	}
	int st = rg_diags_show(&r->d, stderr, &o);
	if (sc.rootfd >= 0)
		close(sc.rootfd);
	free(sc.path);
	free(sc.data);
	return st;
}

/* The report, written as it is rendered: to -o's file, or to standard
 * output. */
static int render_out(const run *r)
{
	const rg_cli *c = r->c;
	rg_render_opts ro = render_opts(r);
	if (c->output)
		return render_to_file(c->output, c->format, &r->rep, &r->g,
				      &ro);
	rg_buf out = {0};
	out.sink = stdout_sink;
	rg_renderer(c->format)(&out, &r->rep, &r->g, &ro);
	int w = finish_stdout(&out);
	rg_buf_free(&out);
	return w;
}

/* Compute, render and write what the command asks for. */
static int output(run *r)
{
	const rg_cli *c = r->c;
	rg_buf out = {0};
	int st = RG_EXIT_OK;
	bool check = c->cmd == RG_CMD_CHECK;
	bool json_check = check && strcmp(c->format, "json") == 0;
	bool withheld = !check && c->strict && r->d.nerrors;
	char *why = NULL;
	/* a calendar needs its library: said before the reports are made */
	if (!check && !withheld && strcmp(c->format, "ics") == 0 &&
	    !rg_ics_load(&why)) {
		st = print_diags(r) != 0 ? RG_EXIT_IO
					 : late_error(why, RG_EXIT_IO);
		free(why);
		return st;
	}
	if (check) {
		check_out(&out, r);
	} else if (!withheld) {
		if (!compute(r, &why)) {
			st = print_diags(r) != 0 ? RG_EXIT_IO
						 : late_usage_error(why);
			free(why);
			rg_buf_free(&out);
			return st;
		}
		int cs = compare(r, &why);
		if (cs != RG_EXIT_OK) {
			st = print_diags(r) != 0 ? RG_EXIT_IO
						 : late_error(why, cs);
			free(why);
			rg_buf_free(&out);
			return st;
		}
	}
	/* check --format json carries the diagnostics itself */
	if (!json_check && print_diags(r) != 0)
		st = RG_EXIT_IO;
	int w = RG_EXIT_OK;
	if (withheld)
		; /* --strict: no report when there are errors */
	else if (c->output_dir)
		w = write_dir(r);
	else if (!check)
		w = render_out(r);
	else if (c->output)
		w = rg_outfile_write(c->output, out.s ? out.s : "", out.len);
	else
		w = write_stdout(&out);
	rg_buf_free(&out);
	if (w != RG_EXIT_OK)
		st = w;
	if (st == RG_EXIT_OK && r->d.nerrors)
		st = RG_EXIT_NOTES;
	/* a worse status (1 to 3) wins: the job fails for that reason */
	if (st == RG_EXIT_OK)
		st = fail_on(r);
	return st;
}

int rg_cli_run(const rg_cli *c)
{
	run r = {0};
	r.c = c;
	rg_config_init(&r.cfg);
	char *why = NULL;
	int status = load(&r, c->rev, &why);
	rg_diags_sort(&r.d);
	if (status == RG_EXIT_OK) {
		status = output(&r);
	} else { /* stopped early: say why */
		print_diags(&r);
		if (why)
			late_error(why, status);
	}
	free(why);
	run_free(&r);
	return status;
}
