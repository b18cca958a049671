/*
 * cli: the command line -> a run's options, and the run itself: read the
 * notes, build the graph, compute and render the report, write it out
 * (atomically with -o).  main.c only calls these.
 */
#ifndef REFGRAPH_CLI_H
#define REFGRAPH_CLI_H

#include <stdbool.h>
#include <stdio.h>

typedef enum {
	RG_CMD_NONE = 0,
	RG_CMD_CHECK,
	RG_CMD_REPORT,
	RG_CMD_FOLLOWUPS,
	RG_CMD_SOURCES,
	RG_CMD_UNCREDITED
} rg_command;

typedef struct rg_cli {
	rg_command cmd;
	const char *root, *format, *output, *config;
	int today, since, ahead; /* RG_NODATE / -1 when not given */
	bool strict, verbose, help, version;
	int followup_days, thank_days, inform_days, client_touch_days; /* -1 */
	int jobs;
} rg_cli;

/* Parse argv; on a usage error print it to err and return false. */
bool rg_cli_parse(rg_cli *c, int argc, char **argv, FILE *err);
void rg_cli_usage(FILE *f);
/* Run it; returns the exit status. */
int rg_cli_run(const rg_cli *c);

#endif
