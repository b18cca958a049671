/*
 * fuzz_config: .refgraph.yaml text through the settings reader, then the
 * exclude patterns it produced against a few paths, and against the text
 * after the first NUL byte when there is one (a fuzzed path).  Checked
 * besides crashes: the settings keep their documented ranges.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "refgraph/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	const char *nul = memchr(s, '\0', size);
	size_t len = nul ? (size_t)(nul - s) : size;
	rg_config c;
	rg_config_init(&c);
	rg_diags d = {0};
	rg_config_parse(&c, s, len, ".refgraph.yaml", &d);
	(void)rg_config_excluded(&c, "templates/person.md");
	(void)rg_config_excluded(&c, "a/b/c/d.md");
	(void)rg_config_excluded(&c, "");
	if (nul) {
		char *path = strndup(nul + 1, size - len - 1);
		(void)rg_config_excluded(&c, path);
		free(path);
	}
	if (c.followup_days < 0 || c.thank_days < 0 || c.inform_days < 0 ||
	    c.client_touch_days < 0 || c.limits.max_depth < 2 ||
	    c.limits.max_line < 80 || c.limits.max_records < 1 ||
	    c.limits.max_file_size < 1)
		abort();
	for (size_t i = 0; i < c.nexclude; i++)
		if (c.exclude[i] == NULL || c.exclude[i][0] == '\0')
			abort();
	rg_config_free(&c);
	rg_diags_free(&d);
	return 0;
}
