/*
 * test_gitsrc: the notes at a git revision are the notes of a checkout of
 * it: the same paths in the same order, hidden and excluded paths left
 * out, links and submodules warned about, the settings of the revision;
 * ROOT may be a folder of the work tree or a bare repository; an unknown
 * revision or a folder outside any repository is a usage error.  The
 * repositories are made with git(1) in a temporary folder.
 */
#include "testlib.h"

#include <stdio.h>
#include <unistd.h>

#include "refgraph/gitsrc.h"

static char tmp[] = "/tmp/test_gitsrc_XXXXXX";

static void sh(const char *cmd)
{
	char *full = rg_asprintf("cd %s && { %s; } >/dev/null 2>&1", tmp, cmd);
	if (system(full) != 0)
		fail_msg("failed: %s", cmd);
	free(full);
}

static int setup(void **state)
{
	(void)state;
	if (mkdtemp(tmp) == NULL)
		return -1;
	sh("git init -q w && cd w && git config user.email a@b && "
	   "git config user.name A && mkdir -p notes/sub notes/.obsidian "
	   "notes/tmpl && printf 'exclude: [tmpl]\\n' "
	   ">notes/.refgraph.yaml && "
	   "printf -- '---\\nkind: contact\\nname: Ann\\n---\\n' "
	   ">notes/people.md && "
	   "printf -- '- kind: contact\\n  name: Bo\\n' >notes/sub/b.yaml && "
	   "printf x >notes/.obsidian/h.md && printf x >notes/tmpl/t.md && "
	   "printf x >notes/readme.txt && ln -s people.md notes/link.md && "
	   "printf -- '---\\nkind: contact\\nname: Cy\\n---\\n' "
	   ">notes/people0.md && git add -A && "
	   "GIT_COMMITTER_DATE='2026-11-21T10:00:00+0000' git commit -qm one "
	   "&& git clone -q --bare . ../bare.git && "
	   "git update-index --add --cacheinfo "
	   "160000,$(git rev-parse HEAD),notes/mod && "
	   "GIT_COMMITTER_DATE='2026-11-21T10:00:00+0000' git commit -qm two");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = rg_asprintf("rm -rf %s", tmp);
	int rc = system(cmd);
	free(cmd);
	return rc;
}

static void names(const rg_notes *n, rg_buf *b)
{
	for (size_t i = 0; i < n->nfiles; i++)
		rg_buf_printf(b, "%s;", n->files[i]->path);
	rg_buf_puts(b, "|");
	for (size_t i = 0; i < n->excluded.v.n; i++)
		rg_buf_printf(b, "%s;", n->excluded.v.v[i]);
}

static void diags(const rg_diags *d, rg_buf *b)
{
	for (size_t i = 0; i < d->items.n; i++)
		rg_buf_printf(b, "%s:%d: %s\n", d->items.v[i].path,
			      d->items.v[i].line, d->items.v[i].msg);
}

/* The revision and the folder give the same notes and diagnostics. */
static void test_same_as_folder(void **state)
{
	(void)state;
	char *root = rg_asprintf("%s/w/notes", tmp);
	rg_config dc, gc;
	rg_config_init(&dc);
	rg_config_init(&gc);
	rg_diags dd = {0}, gd = {0};
	char *yaml = rg_asprintf("%s/.refgraph.yaml", root);
	assert_true(rg_config_read(&dc, yaml, ".refgraph.yaml", true, &dd));
	rg_notes dn, gn;
	assert_true(rg_notes_load(&dn, root, &dc, 1, &dd));

	rg_gitsrc *g;
	char *why = NULL;
	assert_int_equal(rg_gitsrc_open(&g, root, "HEAD~1", &why), RG_EXIT_OK);
	rg_gitsrc_config(g, &gc, &gd);
	assert_int_equal(gc.nexclude, 1);
	assert_true(rg_gitsrc_notes(g, &gn, &gc, &gd));
	assert_int_equal(rg_gitsrc_day(g), day("2026-11-21"));

	rg_buf a = {0}, b = {0};
	names(&dn, &a);
	names(&gn, &b);
	assert_string_equal(b.s, "people.md;people0.md;sub/b.yaml;|tmpl;");
	assert_string_equal(a.s, b.s);
	rg_buf_free(&a);
	rg_buf_free(&b);
	rg_diags_sort(&dd);
	rg_diags_sort(&gd);
	diags(&dd, &a);
	diags(&gd, &b);
	assert_non_null(strstr(b.s, "link.md:0: symbolic link not followed"));
	assert_string_equal(a.s, b.s);
	assert_int_equal(gn.files[0]->nrecords, dn.files[0]->nrecords);
	rg_buf_free(&a);
	rg_buf_free(&b);
	rg_gitsrc_free(g);
	rg_notes_free(&dn);
	rg_notes_free(&gn);
	rg_config_free(&dc);
	rg_config_free(&gc);
	rg_diags_free(&dd);
	rg_diags_free(&gd);
	free(root);
	free(yaml);
}

/* A bare repository is the whole tree; a blob over the limit an error. */
static void test_bare_and_limits(void **state)
{
	(void)state;
	char *root = rg_asprintf("%s/bare.git", tmp);
	rg_gitsrc *g;
	char *why = NULL;
	assert_int_equal(rg_gitsrc_open(&g, root, "HEAD", &why), RG_EXIT_OK);
	rg_config c;
	rg_config_init(&c);
	c.limits.max_file_size = 30;
	rg_diags d = {0};
	rg_notes n;
	assert_true(rg_gitsrc_notes(g, &n, &c, &d));
	rg_buf b = {0};
	names(&n, &b);
	assert_string_equal(b.s, "notes/people.md;notes/people0.md;"
				 "notes/sub/b.yaml;notes/tmpl/t.md;|");
	rg_buf_free(&b);
	diags(&d, &b);
	assert_non_null(strstr(b.s, "notes/people.md:0: file larger than 30 "
				    "bytes"));
	rg_buf_free(&b);
	rg_notes_free(&n);
	rg_config_free(&c);
	rg_diags_free(&d);
	rg_gitsrc_free(g);
	free(root);
	/* settings over the limit are not read, as a file's are not */
	root = rg_asprintf("%s/w/notes", tmp);
	assert_int_equal(rg_gitsrc_open(&g, root, "HEAD", &why), RG_EXIT_OK);
	rg_config_init(&c);
	c.limits.max_file_size = 5;
	rg_diags d2 = {0};
	rg_gitsrc_config(g, &c, &d2);
	assert_int_equal(c.nexclude, 0);
	assert_true(has_diag(&d2, 0, RG_ERROR,
			     "larger than 5 bytes (max_file_size); the "
			     "settings are not read"));
	rg_config_free(&c);
	rg_diags_free(&d2);
	rg_gitsrc_free(g);
	free(root);
}

/* A submodule (a commit in the tree) is not read, and says so. */
static void test_submodule(void **state)
{
	(void)state;
	char *root = rg_asprintf("%s/w/notes", tmp);
	rg_gitsrc *g;
	char *why = NULL;
	assert_int_equal(rg_gitsrc_open(&g, root, "HEAD", &why), RG_EXIT_OK);
	rg_config c;
	rg_config_init(&c);
	rg_diags d = {0};
	rg_notes n;
	assert_true(rg_gitsrc_notes(g, &n, &c, &d));
	assert_int_equal(n.nfiles, 4); /* tmpl/t.md: no settings read */
	assert_true(
		has_diag(&d, 0, RG_WARNING, "git submodule not read; skipped"));
	assert_string_equal(d.items.v[d.items.n - 1].path, "mod");
	rg_notes_free(&n);
	rg_config_free(&c);
	rg_diags_free(&d);
	rg_gitsrc_free(g);
	free(root);
}

static void test_usage_errors(void **state)
{
	(void)state;
	char *root = rg_asprintf("%s/w/notes", tmp);
	rg_gitsrc *g;
	char *why = NULL;
	assert_int_equal(rg_gitsrc_open(&g, root, "nosuchrev", &why),
			 RG_EXIT_USAGE);
	assert_non_null(strstr(why, "'nosuchrev' names no revision"));
	free(why);
	assert_int_equal(rg_gitsrc_open(&g, "/", "HEAD", &why), RG_EXIT_USAGE);
	assert_non_null(strstr(why, "not in a git repository"));
	free(why);
	free(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_as_folder),
		cmocka_unit_test(test_bare_and_limits),
		cmocka_unit_test(test_submodule),
		cmocka_unit_test(test_usage_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
