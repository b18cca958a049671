/*
 * dynlib: the libraries only some runs need, loaded when one first does.
 * libgit2 (--rev, --previous-rev) and libical (--format ics) bring some
 * thirty libraries with them (TLS, Kerberos, ICU, C++): linked into the
 * program, every run mapped and relocated them, 6 MB of memory and most
 * of the start-up time of a run that reads a small folder.
 *
 * A module lists the functions it calls in an X-macro and keeps them in
 * a struct of pointers typed from the library's own header (__typeof__),
 * so each call is checked against the real prototype:
 *
 *	#define GIT_FNS(X) X(git_libgit2_init) X(git_tree_free)
 *	static struct { GIT_FNS(RG_DYNLIB_FIELD) } lg;
 *	static const char *const lg_names[] = {GIT_FNS(RG_DYNLIB_NAME)};
 *	static rg_dynlib lib = RG_DYNLIB_INIT(RG_SONAME_GIT2, RG_DEBPKG_GIT2,
 *					      "--rev", lg, lg_names);
 *	RG_DYNLIB_CHECK(lg, lg_names);
 *	... if (!rg_dynlib_load(&lib, &why)) fail; lg.git_libgit2_init();
 *
 * The sonames are the ones the build would have linked against (the
 * Makefile reads them from the libraries, and the Debian package that
 * holds each for the message), so a run finds the library a link would.
 */
#ifndef REFGRAPH_DYNLIB_H
#define REFGRAPH_DYNLIB_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rg_dynlib {
	const char *soname;	  /* e.g. "libgit2.so.1.5" */
	const char *pkg;	  /* the Debian package holding it, or "" */
	const char *what;	  /* what needs it, for messages: "--rev" */
	void *fns;		  /* the module's struct of function pointers */
	const char *const *names; /* their names, in the struct's order */
	size_t n;
	void *handle; /* NULL until loaded */
} rg_dynlib;

#define RG_DYNLIB_FIELD(f) __typeof__(&f) f;
#define RG_DYNLIB_NAME(f)  #f,
#define RG_DYNLIB_INIT(soname, pkg, what, table, names)                        \
	{                                                                      \
		(soname), (pkg), (what), &(table), (names),                    \
			sizeof(names) / sizeof *(names), NULL                  \
	}

/* The struct holds exactly one pointer per name, with no padding. */
#define RG_DYNLIB_CHECK(table, names)                                          \
	_Static_assert(sizeof(table) == sizeof(names) / sizeof *(names) *      \
						sizeof(void *),                \
		       "one function pointer per name")

/*
 * Load lib and every function it names, once (later calls return at
 * once).  Only the main thread loads.  False, with *why a message saying
 * what needed which library and why it could not be had, when the
 * library or a function is missing; out of memory ends the run as any
 * allocation does.
 */
bool rg_dynlib_load(rg_dynlib *lib, char **why);

#endif
