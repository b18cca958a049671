/*
 * cli: the command line -> a run's options (cli.c), and the run itself
 * (run.c): read the notes, build the graph, compute and render the report,
 * write it out (atomically with -o or --output-dir).  main.c only calls
 * these.
 */
#ifndef REFGRAPH_CLI_H
#define REFGRAPH_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "refgraph/failon.h"
#include "refgraph/notes.h"

/*
 * The most threads --jobs starts; a larger N, or more online processors,
 * is capped here (the parse gains nothing past a few per core).
 */
#define RG_CLI_MAX_JOBS RG_NOTES_MAX_JOBS

typedef enum {
	RG_CMD_NONE = 0,
	RG_CMD_CHECK,
	RG_CMD_REPORT,
	RG_CMD_FOLLOWUPS,
	RG_CMD_SOURCES,
	RG_CMD_UNCREDITED,
	RG_CMD_RECIPROCITY,
	RG_CMD_ASKS,
	RG_CMD_SUMMARY,
	RG_CMD_GRAPH,
	RG_CMD_SHOW
} rg_command;

/* --color WHEN */
typedef enum {
	RG_COLOR_AUTO = 0, /* on a terminal, unless NO_COLOR or TERM=dumb */
	RG_COLOR_ALWAYS,
	RG_COLOR_NEVER
} rg_color_when;

typedef struct rg_cli {
	rg_command cmd;
	const char *root;	/* "." when not given */
	const char *show_name;	/* show NAME, or NULL */
	const char *format;	/* always set: --format, -o's extension, text */
	const char *output;	/* -o FILE, or NULL */
	const char *output_dir; /* --output-dir DIR, or NULL */
	const char *config;	/* --config FILE, or NULL */
	int today, since, ahead; /* RG_NODATE / -1 when not given */
	bool strict, verbose, quiet, links_wiki, help, version;
	rg_color_when color;
	/* -1 when not given */
	int followup_days, thank_days, inform_days, client_touch_days;
	int ask_days;
	int jobs; /* 1 .. RG_CLI_MAX_JOBS */
	/* the nightly options; NULL when not given */
	const char *rev;	  /* --rev REV: the notes at a git revision */
	const char *previous;	  /* --previous FILE.json */
	const char *previous_rev; /* --previous-rev REV */
	rg_failon failon;	  /* --fail-on LIST */
} rg_cli;

/*
 * Parse argv (argv may be reordered); on a usage error print it to err
 * and return false.  The strings in c point into argv.
 */
bool rg_cli_parse(rg_cli *c, int argc, char **argv, FILE *err);
void rg_cli_usage(FILE *f);
/* Run it; returns the exit status. */
int rg_cli_run(const rg_cli *c);

#endif
