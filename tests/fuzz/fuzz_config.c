/*
 * fuzz_config: .refgraph.yaml text through the settings reader, then the
 * exclude patterns it produced against a few paths.
 */
#include <stddef.h>
#include <stdint.h>

#include "refgraph/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rg_config c;
	rg_config_init(&c);
	rg_diags d = {0};
	rg_config_parse(&c, (const char *)data, size, ".refgraph.yaml", &d);
	(void)rg_config_excluded(&c, "templates/person.md");
	(void)rg_config_excluded(&c, "a/b/c/d.md");
	rg_config_free(&c);
	rg_diags_free(&d);
	return 0;
}
