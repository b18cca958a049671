/*
 * test_dynlib: the libraries loaded on first use: a table filled from a
 * library that has every name, loaded once; and the messages when the
 * library, or one of its functions, cannot be had, or the build had no
 * library to name.
 */
#include "testlib.h"

#include "refgraph/dynlib.h"

#define C_FNS(X) X(strlen) X(strcmp)

static struct {
	C_FNS(RG_DYNLIB_FIELD)
} c;
static const char *const c_names[] = {C_FNS(RG_DYNLIB_NAME)};
RG_DYNLIB_CHECK(c, c_names);

static void loads_once(void **state)
{
	(void)state;
	rg_dynlib lib =
		RG_DYNLIB_INIT("libc.so.6", "libc6", "a test", c, c_names);
	char *why = NULL;
	assert_true(rg_dynlib_load(&lib, &why));
	assert_null(why);
	assert_non_null(lib.handle);
	assert_int_equal(c.strlen("four"), 4);
	assert_true(c.strcmp("a", "b") < 0);
	void *h = lib.handle;
	assert_true(rg_dynlib_load(&lib, &why)); /* at once, the same */
	assert_ptr_equal(lib.handle, h);
}

static void says_why(void **state)
{
	(void)state;
	char *why = NULL;
	rg_dynlib none =
		RG_DYNLIB_INIT("libnot-there-at-all.so.9", "libnot-there9",
			       "--format ics", c, c_names);
	assert_false(rg_dynlib_load(&none, &why));
	assert_null(none.handle);
	assert_non_null(strstr(why, "--format ics needs the library "
				    "libnot-there-at-all.so.9, which cannot "
				    "be loaded ("));
	assert_non_null(
		strstr(why, "); install it (apt-get install libnot-there9)"));
	free(why);
	/* no package known (not a Debian build): only "install it" */
	rg_dynlib nopkg = RG_DYNLIB_INIT("libnot-there-at-all.so.9", "",
					 "--format ics", c, c_names);
	assert_false(rg_dynlib_load(&nopkg, &why));
	size_t n = strlen(why), k = strlen("); install it");
	assert_true(n > k && strcmp(why + n - k, "); install it") == 0);
	free(why);

	static struct {
		void (*rg_no_such_function)(void);
	} missing;
	static const char *const missing_names[] = {"rg_no_such_function"};
	rg_dynlib part = RG_DYNLIB_INIT("libc.so.6", "libc6", "--rev", missing,
					missing_names);
	assert_false(rg_dynlib_load(&part, &why));
	assert_null(part.handle);
	assert_non_null(strstr(why, "--rev needs rg_no_such_function from "
				    "libc.so.6, which it does not have ("));
	free(why);

	rg_dynlib unbuilt = RG_DYNLIB_INIT("", "", "--rev", c, c_names);
	assert_false(rg_dynlib_load(&unbuilt, &why));
	assert_string_equal(why, "--rev needs a library this build of "
				 "refgraph was made without");
	free(why);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads_once),
		cmocka_unit_test(says_why),
	};
	return cmocka_run_group_tests_name("dynlib", tests, NULL, NULL);
}
