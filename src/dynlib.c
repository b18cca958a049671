/*
 * dynlib: optional libraries, loaded on first use (dynlib.h says why).
 */
#include "refgraph/dynlib.h"

#include <dlfcn.h>
#include <errno.h>
#include <string.h>

#include "refgraph/util.h"

/* dlerror's text says "out of memory" or "cannot allocate memory" when
 * the loader ran short; that ends the run like any other allocation. */
static void oom_if_memory(const char *msg)
{
	if (errno == ENOMEM || (msg && (strstr(msg, "out of memory") ||
					strstr(msg, "cannot allocate memory"))))
		rg_oom();
}

bool rg_dynlib_load(rg_dynlib *lib, char **why)
{
	*why = NULL;
	if (lib->handle)
		return true;
	if (*lib->soname == '\0') {
		*why = rg_asprintf("%s needs a library this build of refgraph "
				   "was made without",
				   lib->what);
		return false;
	}
	errno = 0;
	void *h = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
	if (h == NULL) {
		const char *msg = dlerror();
		oom_if_memory(msg);
		*why = rg_asprintf("%s needs the library %s, which cannot be "
				   "loaded (%s); install it%s%s%s",
				   lib->what, lib->soname,
				   msg ? msg : "unknown error",
				   *lib->pkg ? " (apt-get install " : "",
				   lib->pkg, *lib->pkg ? ")" : "");
		return false;
	}
	/* the table is a struct of function pointers, one per name, in
	 * order (RG_DYNLIB_CHECK): POSIX function pointers have the size and
	 * form of void *, which is what dlsym gives */
	for (size_t i = 0; i < lib->n; i++) {
		dlerror();
		errno = 0;
		void *fn = dlsym(h, lib->names[i]);
		if (fn == NULL) {
			const char *msg = dlerror();
			oom_if_memory(msg);
			*why = rg_asprintf("%s needs %s from %s, which it does "
					   "not have (%s)",
					   lib->what, lib->names[i],
					   lib->soname,
					   msg ? msg : "unknown error");
			dlclose(h);
			return false;
		}
		memcpy((char *)lib->fns + i * sizeof fn, &fn, sizeof fn);
	}
	lib->handle = h;
	return true;
}
