/*
 * cli: the command line -> rg_cli.  Options are read with getopt_long, so
 * they behave as in other GNU tools: before or after the command,
 * `--opt value` or `--opt=value`, an unambiguous prefix of a long name, and
 * `--` to end them.  One table says which command each option is for; an
 * option given to a command that would ignore it is a usage error, so a
 * mistyped command line never silently does less than it says.
 */
#include "refgraph/cli.h"

#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "refgraph/date.h"
#include "refgraph/names.h"
#include "refgraph/render.h"

void rg_cli_usage(FILE *f)
{
	fputs("usage: refgraph COMMAND [OPTIONS] [ROOT]\n"
	      "       refgraph show NAME [OPTIONS] [ROOT]\n"
	      "\n"
	      "Read the notes under ROOT (default: .) and report on the "
	      "referral\n"
	      "network in them.\n"
	      "\n"
	      "Commands:\n"
	      "  check        print every problem in the notes and a summary\n"
	      "  report       all the reports below, summary first\n"
	      "  followups    overdue follow-ups: prospects, sources to "
	      "inform,\n"
	      "               clients to call, tasks\n"
	      "  sources      referral sources, best first\n"
	      "  uncredited   referrals never thanked or rewarded, clients "
	      "with\n"
	      "               no known source\n"
	      "  reciprocity  referrals received from and given to each "
	      "partner\n"
	      "  asks         clients to ask for a referral\n"
	      "  summary      clients, the referral number, conversion\n"
	      "  graph        the whole network: every contact and referral\n"
	      "  show NAME    one contact's history, oldest first\n"
	      "\n"
	      "Options (any command):\n"
	      "  --format FORMAT        text (default), json, csv, md, html, "
	      "dot, ics;\n"
	      "                         check: text or json\n"
	      "  -o, --output FILE      write to FILE, atomically; the format "
	      "from\n"
	      "                         its extension unless --format is "
	      "given\n"
	      "  --config FILE          settings file (default: "
	      "ROOT/.refgraph.yaml)\n"
	      "  --today DATE           the report day (default: today; check "
	      "ignores it)\n"
	      "  --strict               unresolved references are errors, and "
	      "no\n"
	      "                         report is written when there are "
	      "errors\n"
	      "  -q, --quiet            no warnings on standard error (errors "
	      "still)\n"
	      "  --color WHEN           text: auto (default), always, never\n"
	      "  --jobs N               files parsed in parallel (default: "
	      "the\n"
	      "                         number of online processors)\n"
	      "  -h, --help, --version\n"
	      "\n"
	      "Options for some commands:\n"
	      "  -v, --verbose          check: list implicit contacts and "
	      "skipped files\n"
	      "  --output-dir DIR       report: every format and one CSV per "
	      "report\n"
	      "  --links wiki|plain     md: names and places as "
	      "[[wiki-links]] or not\n"
	      "  --since DATE           sources, reciprocity, summary: only "
	      "referrals\n"
	      "                         dated on or after DATE\n"
	      "  --ahead N              followups: also duties due in the next "
	      "N days\n"
	      "  --followup-days N      followups: days before a prospect is "
	      "followed\n"
	      "                         up (7)\n"
	      "  --inform-days N        followups: days to tell a source how "
	      "it "
	      "went (14)\n"
	      "  --client-touch-days N  followups: days between touches of a "
	      "client (30)\n"
	      "  --thank-days N         uncredited: days to thank a source "
	      "(7)\n"
	      "  --ask-days N           asks: days an ask or a referral lasts "
	      "(90)\n"
	      "(report takes every option of the reports it holds, show those "
	      "of\n"
	      " followups.)\n"
	      "\n"
	      "Nightly runs:\n"
	      "  --rev REV              the notes as they are at git revision "
	      "REV of\n"
	      "                         the repository holding ROOT (also "
	      "bare), no\n"
	      "                         checkout needed\n"
	      "  --previous FILE        mark the rows not in FILE, an earlier "
	      "JSON\n"
	      "                         report, as new, and say how many\n"
	      "  --previous-rev REV     the same, the earlier report computed "
	      "from\n"
	      "                         the notes at git revision REV\n"
	      "  --fail-on LIST         once written, exit 4 when one holds: "
	      "overdue,\n"
	      "                         overdue=N (days), uncredited, errors, "
	      "warnings\n"
	      "\n"
	      "Exit status: 0 clean (warnings allowed), 1 errors in the "
	      "notes,\n"
	      "2 usage, 3 an I/O or resource failure, 4 a --fail-on condition "
	      "held\n"
	      "(1 to 3 win over 4).  See refgraph(1) and refgraph(5).\n",
	      f);
}

#define CMD_BIT(c) (1u << (c))
#define FOR_ALL                                                                \
	(CMD_BIT(RG_CMD_CHECK) | CMD_BIT(RG_CMD_REPORT) |                      \
	 CMD_BIT(RG_CMD_FOLLOWUPS) | CMD_BIT(RG_CMD_SOURCES) |                 \
	 CMD_BIT(RG_CMD_UNCREDITED) | CMD_BIT(RG_CMD_RECIPROCITY) |            \
	 CMD_BIT(RG_CMD_ASKS) | CMD_BIT(RG_CMD_SUMMARY) |                      \
	 CMD_BIT(RG_CMD_GRAPH) | CMD_BIT(RG_CMD_SHOW))
#define FOR_REPORT(c) (CMD_BIT(RG_CMD_REPORT) | CMD_BIT(c))
/* show lists a contact's follow-ups as the followups report has them */
#define FOR_FOLLOWUPS (FOR_REPORT(RG_CMD_FOLLOWUPS) | CMD_BIT(RG_CMD_SHOW))
/* the reports whose rows can be new since an earlier run */
#define FOR_COMPARED                                                           \
	(FOR_REPORT(RG_CMD_FOLLOWUPS) | CMD_BIT(RG_CMD_SOURCES) |              \
	 CMD_BIT(RG_CMD_UNCREDITED) | CMD_BIT(RG_CMD_RECIPROCITY) |            \
	 CMD_BIT(RG_CMD_ASKS))

static const struct {
	const char *name;
	rg_command cmd;
} commands[] = {{"check", RG_CMD_CHECK},
		{"report", RG_CMD_REPORT},
		{"followups", RG_CMD_FOLLOWUPS},
		{"sources", RG_CMD_SOURCES},
		{"uncredited", RG_CMD_UNCREDITED},
		{"reciprocity", RG_CMD_RECIPROCITY},
		{"asks", RG_CMD_ASKS},
		{"summary", RG_CMD_SUMMARY},
		{"graph", RG_CMD_GRAPH},
		{"show", RG_CMD_SHOW}};
#define NCOMMANDS (sizeof commands / sizeof *commands)

/* Option ids past any character, for options with no short form. */
enum {
	OPT_TODAY = UCHAR_MAX + 1,
	OPT_FORMAT,
	OPT_CONFIG,
	OPT_SINCE,
	OPT_AHEAD,
	OPT_STRICT,
	OPT_FOLLOWUP_DAYS,
	OPT_THANK_DAYS,
	OPT_INFORM_DAYS,
	OPT_CLIENT_TOUCH_DAYS,
	OPT_ASK_DAYS,
	OPT_JOBS,
	OPT_OUTPUT_DIR,
	OPT_LINKS,
	OPT_COLOR,
	OPT_VERSION,
	OPT_REV,
	OPT_PREVIOUS,
	OPT_PREVIOUS_REV,
	OPT_FAIL_ON
};

/* Each option, and the commands it is for. */
static const struct {
	struct option opt;
	unsigned cmds;
} options[] = {
	{{"today", required_argument, NULL, OPT_TODAY}, FOR_ALL},
	{{"format", required_argument, NULL, OPT_FORMAT}, FOR_ALL},
	{{"output", required_argument, NULL, 'o'}, FOR_ALL},
	{{"config", required_argument, NULL, OPT_CONFIG}, FOR_ALL},
	{{"strict", no_argument, NULL, OPT_STRICT}, FOR_ALL},
	{{"quiet", no_argument, NULL, 'q'}, FOR_ALL},
	{{"color", required_argument, NULL, OPT_COLOR}, FOR_ALL},
	{{"jobs", required_argument, NULL, OPT_JOBS}, FOR_ALL},
	{{"help", no_argument, NULL, 'h'}, FOR_ALL},
	{{"version", no_argument, NULL, OPT_VERSION}, FOR_ALL},
	{{"verbose", no_argument, NULL, 'v'}, CMD_BIT(RG_CMD_CHECK)},
	{{"output-dir", required_argument, NULL, OPT_OUTPUT_DIR},
	 CMD_BIT(RG_CMD_REPORT)},
	{{"links", required_argument, NULL, OPT_LINKS},
	 FOR_ALL & ~CMD_BIT(RG_CMD_CHECK)},
	{{"since", required_argument, NULL, OPT_SINCE},
	 FOR_REPORT(RG_CMD_SOURCES) | CMD_BIT(RG_CMD_RECIPROCITY) |
		 CMD_BIT(RG_CMD_SUMMARY)},
	{{"ahead", required_argument, NULL, OPT_AHEAD}, FOR_FOLLOWUPS},
	{{"followup-days", required_argument, NULL, OPT_FOLLOWUP_DAYS},
	 FOR_FOLLOWUPS},
	{{"inform-days", required_argument, NULL, OPT_INFORM_DAYS},
	 FOR_FOLLOWUPS},
	{{"client-touch-days", required_argument, NULL, OPT_CLIENT_TOUCH_DAYS},
	 FOR_FOLLOWUPS},
	{{"thank-days", required_argument, NULL, OPT_THANK_DAYS},
	 FOR_REPORT(RG_CMD_UNCREDITED)},
	{{"ask-days", required_argument, NULL, OPT_ASK_DAYS},
	 FOR_REPORT(RG_CMD_ASKS)},
	{{"rev", required_argument, NULL, OPT_REV}, FOR_ALL},
	{{"previous", required_argument, NULL, OPT_PREVIOUS}, FOR_COMPARED},
	{{"previous-rev", required_argument, NULL, OPT_PREVIOUS_REV},
	 FOR_COMPARED},
	{{"fail-on", required_argument, NULL, OPT_FAIL_ON},
	 FOR_ALL & ~(CMD_BIT(RG_CMD_GRAPH) | CMD_BIT(RG_CMD_SHOW))},
};
#define NOPTIONS (sizeof options / sizeof *options)

/* Short options: `-` hands every other argument back in order (the
 * command, then ROOT), `:` reports a missing value apart. */
static const char shortopts[] = "-:o:qhv";

static bool usage_error(FILE *err, const char *fmt, ...) RG_PRINTF(2, 3);

static bool usage_error(FILE *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("refgraph: ", err);
	vfprintf(err, fmt, ap);
	fputs("\nTry 'refgraph --help'.\n", err);
	va_end(ap);
	return false;
}

static bool parse_count(FILE *err, const char *val, int min, int *out)
{
	int n;
	if (!rg_count_parse(val, strlen(val), &n) || n < min)
		return usage_error(err, "'%s' is not a whole number >= %d", val,
				   min);
	*out = n;
	return true;
}

static bool parse_date(FILE *err, const char *val, int *out)
{
	if (!rg_date_parse10(val, out) || strlen(val) != 10)
		return usage_error(err, "'%s' is not a date (YYYY-MM-DD)", val);
	return true;
}

static int online_processors(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		return 1;
	return n > RG_CLI_MAX_JOBS ? RG_CLI_MAX_JOBS : (int)n;
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* An unknown command, with the nearest command when one is near (a typo
 * or a prefix: `folowups`, `recip`). */
static bool unknown_command(const char *a, FILE *err)
{
	const char *best = NULL;
	int bestd = 3;
	for (size_t k = 0; k < NCOMMANDS; k++) {
		const char *name = commands[k].name;
		int d = strncmp(a, name, strlen(a)) == 0 && strlen(a) >= 3
				? 1
				: rg_names_edit_distance(a, name, 2);
		if (d < bestd) {
			bestd = d;
			best = name;
		}
	}
	if (best != NULL)
		return usage_error(err, "unknown command '%s'; did you mean '%s'?",
				   a, best);
	return usage_error(err, "unknown command '%s'", a);
}

/* A word that is not an option: the command, then ROOT. */
static bool positional(rg_cli *c, const char *a, FILE *err)
{
	if (c->cmd == RG_CMD_NONE) {
		for (size_t k = 0; k < NCOMMANDS; k++)
			if (strcmp(a, commands[k].name) == 0)
				c->cmd = commands[k].cmd;
		if (c->cmd != RG_CMD_NONE)
			return true;
		if (is_dir(a))
			return usage_error(err,
					   "'%s' is a folder, not a command; "
					   "for all the reports on it, run "
					   "'refgraph report %s'",
					   a, a);
		return unknown_command(a, err);
	}
	if (c->cmd == RG_CMD_SHOW && c->show_name == NULL) {
		c->show_name = a;
		return true;
	}
	if (c->root == NULL) {
		c->root = a;
		return true;
	}
	return usage_error(err, "unexpected argument '%s'", a);
}

static bool set_format(FILE *err, const char *val, const char **out)
{
	if (rg_renderer(val) == NULL)
		return usage_error(err,
				   "unknown format '%s' (text, json, csv, md, "
				   "html, dot, ics)",
				   val);
	*out = val;
	return true;
}

static bool set_color(FILE *err, const char *val, rg_color_when *out)
{
	static const char *const words[] = {"auto", "always", "never"};
	static const rg_color_when whens[] = {RG_COLOR_AUTO, RG_COLOR_ALWAYS,
					      RG_COLOR_NEVER};
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (strcmp(val, words[k]) == 0) {
			*out = whens[k];
			return true;
		}
	return usage_error(err, "--color takes auto, always or never, not '%s'",
			   val);
}

static bool parse_fail_on(rg_cli *c, const char *val, FILE *err)
{
	char *why = NULL;
	if (rg_failon_parse(&c->failon, val, &why))
		return true;
	usage_error(err, "%s", why);
	free(why);
	return false;
}

/* One option with its value (NULL when it takes none). */
static bool apply(rg_cli *c, int id, const char *val, FILE *err)
{
	switch (id) {
	case 'h': c->help = true; return true;
	case OPT_VERSION: c->version = true; return true;
	case OPT_STRICT: c->strict = true; return true;
	case 'v': c->verbose = true; return true;
	case 'q': c->quiet = true; return true;
	case 'o': c->output = val; return true;
	case OPT_OUTPUT_DIR: c->output_dir = val; return true;
	case OPT_CONFIG: c->config = val; return true;
	case OPT_TODAY: return parse_date(err, val, &c->today);
	case OPT_SINCE: return parse_date(err, val, &c->since);
	case OPT_FORMAT: return set_format(err, val, &c->format);
	case OPT_COLOR: return set_color(err, val, &c->color);
	case OPT_AHEAD: return parse_count(err, val, 0, &c->ahead);
	case OPT_FOLLOWUP_DAYS:
		return parse_count(err, val, 0, &c->followup_days);
	case OPT_THANK_DAYS: return parse_count(err, val, 0, &c->thank_days);
	case OPT_INFORM_DAYS: return parse_count(err, val, 0, &c->inform_days);
	case OPT_CLIENT_TOUCH_DAYS:
		return parse_count(err, val, 0, &c->client_touch_days);
	case OPT_ASK_DAYS: return parse_count(err, val, 0, &c->ask_days);
	case OPT_JOBS:
		if (!parse_count(err, val, 1, &c->jobs))
			return false;
		if (c->jobs > RG_CLI_MAX_JOBS)
			c->jobs = RG_CLI_MAX_JOBS;
		return true;
	case OPT_REV: c->rev = val; return true;
	case OPT_PREVIOUS: c->previous = val; return true;
	case OPT_PREVIOUS_REV: c->previous_rev = val; return true;
	case OPT_FAIL_ON: return parse_fail_on(c, val, err);
	case OPT_LINKS:
		if (strcmp(val, "wiki") != 0 && strcmp(val, "plain") != 0)
			return usage_error(
				err, "--links takes wiki or plain, not '%s'",
				val);
		c->links_wiki = strcmp(val, "wiki") == 0;
		return true;
	default: return false; /* not reached: getopt_long knows no other */
	}
}

/* What getopt_long could not read, with the option as written. */
static bool bad_option(int r, int optc, char **argv, FILE *err)
{
	const char *a = argv[optind - 1];
	if (r == ':')
		return usage_error(err, "option '%s' needs a value", a);
	if (strncmp(a, "--", 2) != 0)
		return usage_error(err, "unknown option '-%c'", optc);
	const char *eq = strchr(a, '=');
	if (optc != 0 && eq) /* a known option that takes no value */
		return usage_error(err, "option '%.*s' takes no value",
				   (int)(eq - a), a);
	size_t n = eq ? (size_t)(eq - a) : strlen(a);
	rg_buf alts = {0};
	for (size_t k = 0; k < NOPTIONS; k++)
		if (n > 2 && strncmp(options[k].opt.name, a + 2, n - 2) == 0)
			rg_buf_printf(&alts, "%s--%s", alts.len ? ", " : "",
				      options[k].opt.name);
	if (alts.len) /* a prefix of more than one */
		usage_error(err, "option '%.*s' is ambiguous (%s)", (int)n, a,
			    alts.s);
	else
		usage_error(err, "unknown option '%s'", a);
	rg_buf_free(&alts);
	return false;
}

/* An option the command would ignore is a usage error that names the
 * commands it is for. */
static bool check_applies(const rg_cli *c, const bool *seen, FILE *err)
{
	const char *cmd = "";
	for (size_t k = 0; k < NCOMMANDS; k++)
		if (commands[k].cmd == c->cmd)
			cmd = commands[k].name;
	for (size_t i = 0; i < NOPTIONS; i++) {
		unsigned cmds = options[i].cmds;
		if (!seen[i] || (cmds & CMD_BIT(c->cmd)))
			continue;
		rg_buf list = {0};
		for (size_t k = 0; k < NCOMMANDS; k++)
			if (cmds & CMD_BIT(commands[k].cmd))
				rg_buf_printf(&list, "%s%s",
					      list.len ? ", " : "",
					      commands[k].name);
		usage_error(err, "--%s is not an option of '%s' (only of %s)",
			    options[i].opt.name, cmd, list.s);
		rg_buf_free(&list);
		return false;
	}
	return true;
}

/* The format of an -o file from its extension, or NULL. */
static const char *format_of(const char *path)
{
	static const struct {
		const char *ext, *format;
	} exts[] = {{".txt", "text"}, {".json", "json"}, {".csv", "csv"},
		    {".md", "md"},    {".html", "html"}, {".htm", "html"},
		    {".dot", "dot"},  {".gv", "dot"},	 {".ics", "ics"}};
	const char *base = strrchr(path, '/');
	const char *dot = strrchr(base ? base : path, '.');
	if (dot == NULL)
		return NULL;
	for (size_t k = 0; k < sizeof exts / sizeof *exts; k++)
		if (strcmp(dot, exts[k].ext) == 0)
			return exts[k].format;
	return NULL;
}

/* The options together: what one would do is not undone by another. */
static bool check_together(rg_cli *c, FILE *err)
{
	if (c->output_dir && c->output)
		return usage_error(err, "%s",
				   "-o and --output-dir do not go together");
	if (c->output_dir && c->format)
		return usage_error(err, "%s",
				   "--output-dir writes every format; leave "
				   "out --format");
	bool from_name = c->format == NULL && c->output;
	if (from_name) {
		c->format = format_of(c->output);
		if (c->format == NULL)
			return usage_error(err,
					   "cannot tell the format of '%s' "
					   "from its name; add --format",
					   c->output);
	}
	if (c->format == NULL)
		c->format = "text";
	if (c->cmd == RG_CMD_CHECK && strcmp(c->format, "text") != 0 &&
	    strcmp(c->format, "json") != 0)
		return from_name ? usage_error(err,
					       "check writes text or json, and "
					       "'%s' names %s; add --format",
					       c->output, c->format)
				 : usage_error(
					   err,
					   "check writes text or json, not %s",
					   c->format);
	if (c->cmd == RG_CMD_CHECK && c->verbose &&
	    strcmp(c->format, "json") == 0)
		return usage_error(err, "%s",
				   "--verbose lists in text only; leave out "
				   "--format json");
	if (c->cmd == RG_CMD_REPORT && c->output_dir == NULL &&
	    strcmp(c->format, "csv") == 0)
		return usage_error(err, "%s",
				   "csv holds one table per file: use "
				   "--output-dir DIR for every report, or a "
				   "single report's command");
	if (c->previous && c->previous_rev)
		return usage_error(err, "%s",
				   "--previous and --previous-rev do not go "
				   "together: the earlier report is one or "
				   "the other");
	bool fu, un;
	rg_failon_needs(&c->failon, &fu, &un);
	if (fu && c->cmd != RG_CMD_REPORT && c->cmd != RG_CMD_FOLLOWUPS)
		return usage_error(err, "%s",
				   "--fail-on overdue looks at the follow-ups: "
				   "use it with report or followups");
	if (un && c->cmd != RG_CMD_REPORT && c->cmd != RG_CMD_UNCREDITED)
		return usage_error(err, "%s",
				   "--fail-on uncredited looks at the "
				   "uncredited referrals: use it with report "
				   "or uncredited");
	if (c->links_wiki && c->output_dir == NULL &&
	    strcmp(c->format, "md") != 0)
		return usage_error(err, "--links wiki is for md, not %s",
				   c->format);
	return true;
}

static void defaults(rg_cli *c)
{
	memset(c, 0, sizeof *c);
	c->today = c->since = RG_NODATE;
	c->ahead = -1;
	c->followup_days = c->thank_days = c->inform_days =
		c->client_touch_days = c->ask_days = -1;
	c->jobs = online_processors();
	rg_failon_init(&c->failon);
}

bool rg_cli_parse(rg_cli *c, int argc, char **argv, FILE *err)
{
	defaults(c);
	struct option longopts[NOPTIONS + 1];
	for (size_t k = 0; k < NOPTIONS; k++)
		longopts[k] = options[k].opt;
	memset(&longopts[NOPTIONS], 0, sizeof longopts[NOPTIONS]);
	bool seen[NOPTIONS] = {0};
	opterr = 0;
	optind = 0; /* glibc: start afresh (the tests parse many times) */
	int r;
	while ((r = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (r == 1) {
			if (!positional(c, optarg, err))
				return false;
			continue;
		}
		if (r == '?' || r == ':')
			return bad_option(r, optopt, argv, err);
		for (size_t k = 0; k < NOPTIONS; k++)
			seen[k] |= options[k].opt.val == r;
		if (!apply(c, r, optarg, err))
			return false;
	}
	for (int i = optind; i < argc; i++) /* after "--" */
		if (!positional(c, argv[i], err))
			return false;
	if (c->help || c->version)
		return true;
	if (c->cmd == RG_CMD_NONE)
		return usage_error(err, "%s", "no command given");
	if (c->cmd == RG_CMD_SHOW && c->show_name == NULL)
		return usage_error(err, "%s",
				   "show needs the contact's name: refgraph "
				   "show NAME [ROOT]");
	if (c->root == NULL)
		c->root = ".";
	return check_applies(c, seen, err) && check_together(c, err);
}
