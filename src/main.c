/*
 * refgraph: see the referral network in plain-text notes.
 * main: arguments in, exit status out; the work is in the library.
 */
#include <stdio.h>

#include "refgraph/cli.h"
#include "refgraph/util.h"

int main(int argc, char **argv)
{
	rg_cli c;
	if (!rg_cli_parse(&c, argc, argv, stderr))
		return RG_EXIT_USAGE;
	if (c.help) {
		rg_cli_usage(stdout);
		return fflush(stdout) == 0 ? RG_EXIT_OK : RG_EXIT_IO;
	}
	if (c.version) {
		printf("refgraph %s\n", REFGRAPH_VERSION);
		return fflush(stdout) == 0 ? RG_EXIT_OK : RG_EXIT_IO;
	}
	return rg_cli_run(&c);
}
