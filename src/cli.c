/*
 * cli: option parsing and the run.  Options may come before or after the
 * command; `--opt value` and `--opt=value` are both accepted.
 */
#include "refgraph/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "refgraph/config.h"
#include "refgraph/date.h"
#include "refgraph/diag.h"
#include "refgraph/graph.h"
#include "refgraph/notes.h"
#include "refgraph/outfile.h"
#include "refgraph/render.h"
#include "refgraph/report.h"

void rg_cli_usage(FILE *f)
{
	fputs("usage: refgraph COMMAND [OPTIONS] [ROOT]\n"
	      "\n"
	      "Read the notes under ROOT (default: .) and report on the "
	      "referral\n"
	      "network in them.\n"
	      "\n"
	      "Commands:\n"
	      "  check        print every problem in the notes and a summary\n"
	      "  report       follow-ups, sources and uncredited referrals\n"
	      "  followups    overdue follow-ups: prospects, sources to "
	      "inform,\n"
	      "               clients to call, tasks\n"
	      "  sources      referral sources, best first\n"
	      "  uncredited   referrals never thanked or rewarded, clients "
	      "with\n"
	      "               no known source\n"
	      "\n"
	      "Options:\n"
	      "  --today DATE           the report day (default: today)\n"
	      "  --format FORMAT        text (default), json, csv, md, html, "
	      "dot\n"
	      "  -o FILE                write the report to FILE, atomically\n"
	      "  --config FILE          settings file (default: "
	      "ROOT/.refgraph.yaml)\n"
	      "  --since DATE           sources: only referrals dated on or "
	      "after DATE\n"
	      "  --ahead N              followups: also duties due in the next "
	      "N days\n"
	      "  --strict               unresolved references are errors, and "
	      "no\n"
	      "                         report is written when there are "
	      "errors\n"
	      "  --verbose              check: list implicit contacts and "
	      "skipped files\n"
	      "  --followup-days N      days before a prospect is followed up "
	      "(7)\n"
	      "  --thank-days N         days to thank a source (7)\n"
	      "  --inform-days N        days to tell a source how it went "
	      "(14)\n"
	      "  --client-touch-days N  days between touches of a client (30)\n"
	      "  --jobs N               files parsed in parallel (default: 2)\n"
	      "  --help, --version\n"
	      "\n"
	      "Exit status: 0 clean (warnings allowed), 1 errors in the "
	      "notes,\n"
	      "2 usage, 3 an I/O or resource failure.  See refgraph(1) and\n"
	      "refgraph(5).\n",
	      f);
}

static bool usage_error(FILE *err, const char *fmt, const char *arg)
	RG_PRINTF(2, 0);

static bool usage_error(FILE *err, const char *fmt, const char *arg)
{
	fputs("refgraph: ", err);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	fprintf(err, fmt, arg);
#pragma GCC diagnostic pop
	fputs("\nTry 'refgraph --help'.\n", err);
	return false;
}

static bool parse_n(const char *s, int *out)
{
	return rg_count_parse(s, strlen(s), out);
}

bool rg_cli_parse(rg_cli *c, int argc, char **argv, FILE *err)
{
	memset(c, 0, sizeof *c);
	c->format = "text";
	c->today = c->since = RG_NODATE;
	c->ahead = -1;
	c->followup_days = c->thank_days = c->inform_days =
		c->client_touch_days = -1;
	c->jobs = 2;
	static const struct {
		const char *name;
		rg_command cmd;
	} cmds[] = {{"check", RG_CMD_CHECK},
		    {"report", RG_CMD_REPORT},
		    {"followups", RG_CMD_FOLLOWUPS},
		    {"sources", RG_CMD_SOURCES},
		    {"uncredited", RG_CMD_UNCREDITED}};
	bool only_args = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (only_args || a[0] != '-' || a[1] == '\0') {
			if (c->cmd == RG_CMD_NONE) {
				for (size_t k = 0;
				     k < sizeof cmds / sizeof *cmds; k++)
					if (strcmp(a, cmds[k].name) == 0)
						c->cmd = cmds[k].cmd;
				if (c->cmd == RG_CMD_NONE)
					return usage_error(
						err, "unknown command '%s'", a);
			} else if (c->root == NULL) {
				c->root = a;
			} else {
				return usage_error(
					err, "unexpected argument '%s'", a);
			}
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_args = true;
			continue;
		}
		char name[64];
		const char *val = NULL;
		const char *eq = strchr(a, '=');
		if (eq && strncmp(a, "--", 2) == 0) {
			size_t n = (size_t)(eq - a);
			if (n >= sizeof name)
				return usage_error(err, "unknown option '%s'",
						   a);
			memcpy(name, a, n);
			name[n] = '\0';
			val = eq + 1;
		} else {
			snprintf(name, sizeof name, "%s", a);
		}
		if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
			c->help = true;
			continue;
		}
		if (strcmp(name, "--version") == 0) {
			c->version = true;
			continue;
		}
		if (strcmp(name, "--strict") == 0) {
			c->strict = true;
			continue;
		}
		if (strcmp(name, "--verbose") == 0 || strcmp(name, "-v") == 0) {
			c->verbose = true;
			continue;
		}
		static const char *const valued[] = {"--today",
						     "--format",
						     "-o",
						     "--output",
						     "--config",
						     "--since",
						     "--ahead",
						     "--followup-days",
						     "--thank-days",
						     "--inform-days",
						     "--client-touch-days",
						     "--jobs"};
		bool known = false;
		for (size_t k = 0; k < sizeof valued / sizeof *valued; k++)
			known |= strcmp(name, valued[k]) == 0;
		if (!known)
			return usage_error(err, "unknown option '%s'", a);
		if (val == NULL) {
			if (i + 1 >= argc)
				return usage_error(
					err, "option '%s' needs a value", name);
			val = argv[++i];
		}
		int d;
		if (strcmp(name, "--today") == 0 ||
		    strcmp(name, "--since") == 0) {
			if (!rg_date_parse10(val, &d) || strlen(val) != 10)
				return usage_error(
					err, "'%s' is not a date (YYYY-MM-DD)",
					val);
			if (name[2] == 't')
				c->today = d;
			else
				c->since = d;
		} else if (strcmp(name, "--format") == 0) {
			if (rg_renderer(val) == NULL)
				return usage_error(err,
						   "unknown format '%s' (text, "
						   "json, csv, md, "
						   "html, dot)",
						   val);
			c->format = val;
		} else if (strcmp(name, "-o") == 0 ||
			   strcmp(name, "--output") == 0) {
			c->output = val;
		} else if (strcmp(name, "--config") == 0) {
			c->config = val;
		} else {
			int n;
			if (!parse_n(val, &n))
				return usage_error(
					err, "'%s' is not a whole number >= 0",
					val);
			if (strcmp(name, "--ahead") == 0)
				c->ahead = n;
			else if (strcmp(name, "--followup-days") == 0)
				c->followup_days = n;
			else if (strcmp(name, "--thank-days") == 0)
				c->thank_days = n;
			else if (strcmp(name, "--inform-days") == 0)
				c->inform_days = n;
			else if (strcmp(name, "--client-touch-days") == 0)
				c->client_touch_days = n;
			else
				c->jobs = n < 1 ? 1 : n > 64 ? 64 : n;
		}
	}
	if (c->help || c->version)
		return true;
	if (c->cmd == RG_CMD_NONE)
		return usage_error(err, "%s", "no command given");
	if (c->root == NULL)
		c->root = ".";
	return true;
}

static int write_stdout(const rg_buf *b)
{
	if (b->len && fwrite(b->s, 1, b->len, stdout) != b->len) {
		fprintf(stderr, "refgraph: cannot write the report: %s\n",
			strerror(errno));
		return RG_EXIT_IO;
	}
	if (fflush(stdout) != 0) {
		fprintf(stderr, "refgraph: cannot write the report: %s\n",
			strerror(errno));
		return RG_EXIT_IO;
	}
	return RG_EXIT_OK;
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

int rg_cli_run(const rg_cli *c)
{
	int status = RG_EXIT_OK;
	rg_diags d = {0};
	rg_config cfg;
	rg_config_init(&cfg);
	rg_notes notes = {0};
	rg_graph g = {0};
	rg_report rep = {0};
	rg_buf out = {0};
	bool cfg_ok, printed = false;
	if (c->config) {
		cfg_ok = rg_config_read(&cfg, c->config, c->config, false, &d);
	} else {
		char *p = rg_asprintf("%s/.refgraph.yaml", c->root);
		cfg_ok = rg_config_read(&cfg, p, ".refgraph.yaml", true, &d);
		free(p);
	}
	if (!cfg_ok) {
		status = RG_EXIT_IO;
		goto out;
	}
	if (c->followup_days >= 0)
		cfg.followup_days = c->followup_days;
	if (c->thank_days >= 0)
		cfg.thank_days = c->thank_days;
	if (c->inform_days >= 0)
		cfg.inform_days = c->inform_days;
	if (c->client_touch_days >= 0)
		cfg.client_touch_days = c->client_touch_days;
	if (!rg_notes_load(&notes, c->root, &cfg, c->jobs, &d)) {
		status = RG_EXIT_IO;
		goto out;
	}
	rg_graph_build(&g, &notes, &cfg, c->strict, &d);
	rg_diags_sort(&d);
	if (c->cmd == RG_CMD_CHECK) {
		if (c->verbose)
			verbose_listing(&out, &notes, &g);
		rg_buf_printf(&out,
			      "%zu files read (%zu notes), %zu contacts (%zu "
			      "implicit), "
			      "%zu interactions, %zu referral mentions (%zu "
			      "referrals), "
			      "%zu tasks, %d errors, %d warnings\n",
			      g.stats.files, g.stats.notes,
			      g.stats.contacts + g.stats.implicit,
			      g.stats.implicit, g.stats.interactions,
			      g.stats.mentions, g.stats.referrals,
			      g.stats.tasks, d.nerrors, d.nwarnings);
	} else if (!(c->strict && d.nerrors)) {
		rg_report_opts o = {0};
		o.today = c->today != RG_NODATE ? c->today : rg_date_today();
		o.since = c->since;
		o.ahead = c->ahead;
		o.followup_days = cfg.followup_days;
		o.thank_days = cfg.thank_days;
		o.inform_days = cfg.inform_days;
		o.client_touch_days = cfg.client_touch_days;
		rep.today = o.today;
		if (c->cmd == RG_CMD_REPORT || c->cmd == RG_CMD_FOLLOWUPS)
			rg_report_followups(&rep, &g, &o);
		if (c->cmd == RG_CMD_REPORT || c->cmd == RG_CMD_SOURCES)
			rg_report_sources(&rep, &g, &o);
		if (c->cmd == RG_CMD_REPORT || c->cmd == RG_CMD_UNCREDITED)
			rg_report_uncredited(&rep, &g, &o);
		rg_render_opts ro = {0};
		const char *nc = getenv("NO_COLOR");
		ro.color = c->output == NULL &&
			   strcmp(c->format, "text") == 0 &&
			   isatty(STDOUT_FILENO) && !(nc && *nc);
		ro.ahead = c->ahead;
		ro.since = c->since;
		rg_renderer(c->format)(&out, &rep, &g, &ro);
	}
	printed = true;
	if (rg_diags_print(&d, stderr) != 0 && status == RG_EXIT_OK)
		status = RG_EXIT_IO;
	if (d.nerrors)
		status = RG_EXIT_NOTES;
	if (out.len || c->output) {
		int w = c->output && c->cmd != RG_CMD_CHECK &&
					!(c->strict && d.nerrors)
				? rg_outfile_write(c->output, out.s, out.len)
				: write_stdout(&out);
		if (w != RG_EXIT_OK)
			status = w;
	}
out:
	if (!printed) { /* stopped early: say why */
		rg_diags_sort(&d);
		rg_diags_print(&d, stderr);
	}
	rg_buf_free(&out);
	rg_report_free(&rep);
	rg_graph_free(&g);
	rg_notes_free(&notes);
	rg_config_free(&cfg);
	rg_diags_free(&d);
	return status;
}
