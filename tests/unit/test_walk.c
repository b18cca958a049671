/*
 * test_walk: the walk in bytewise whole-path order (as it goes, too), hidden
 * and excluded entries, links and special files; and the diagnostics list's
 * order.
 */
#include "testlib.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "refgraph/walk.h"

static char root[64];

static void touch(const char *rel)
{
	char p[256];
	snprintf(p, sizeof p, "%s/%s", root, rel);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fclose(f);
}

static void dir(const char *rel)
{
	char p[256];
	snprintf(p, sizeof p, "%s/%s", root, rel);
	assert_int_equal(mkdir(p, 0755), 0);
}

static void walk_order(void **state)
{
	(void)state;
	strcpy(root, "/tmp/rgwalkXXXXXX");
	assert_non_null(mkdtemp(root));
	dir("people");
	dir(".obsidian");
	dir("templates");
	dir("x.md");
	touch("people.md");
	touch("people/a.md");
	touch("people/B.yaml");
	touch("people/c.txt");
	touch(".obsidian/w.md");
	touch("templates/t.md");
	touch("x.md/in.markdown");
	touch("z.yml");
	char p[256], t[256];
	snprintf(p, sizeof p, "%s/link.md", root);
	assert_int_equal(symlink("people.md", p), 0);
	snprintf(p, sizeof p, "%s/fifo.md", root);
	assert_int_equal(mkfifo(p, 0644), 0);

	rg_config c;
	rg_config_init(&c);
	const char *cfg = "exclude: templates\n";
	rg_diags d = {0};
	rg_config_parse(&c, cfg, strlen(cfg), ".refgraph.yaml", &d);
	rg_paths out = {0}, skipped = {0};
	assert_true(rg_walk(root, &c, &out, &d, &skipped));
	const char *want[] = {"people.md", "people/B.yaml", "people/a.md",
			      "x.md/in.markdown", "z.yml"};
	assert_int_equal(out.v.n, 5);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(out.v.v[i], want[i]);
	assert_int_equal(skipped.v.n, 1);
	assert_string_equal(skipped.v.v[0], "templates");
	rg_diags_sort(&d);
	assert_int_equal(d.items.n, 2);
	assert_string_equal(d.items.v[0].path, "fifo.md");
	assert_string_equal(d.items.v[1].path, "link.md");
	assert_true(strstr(d.items.v[1].msg, "symbolic link") != NULL);
	rg_paths_free(&out);
	rg_paths_free(&skipped);
	rg_diags_free(&d);
	rg_config_free(&c);
	snprintf(t, sizeof t, "rm -rf '%s'", root);
	assert_int_equal(system(t), 0);
}

static void collect_each(char *path, void *user)
{
	rg_paths *out = user;
	*RG_VEC_PUSH(out->v) = path;
}

/* The walk hands the notes over in whole-path bytewise order without
 * sorting them all: names where a folder's '/' decides the order. */
static void walk_each_order(void **state)
{
	(void)state;
	strcpy(root, "/tmp/rgwalkXXXXXX");
	assert_non_null(mkdtemp(root));
	dir("a");
	dir("a/b");
	dir("a0");
	dir("\xc3\xa9");
	const char *notes[] = {"a/b/z.md",    "a/b-z.md", "a/b.md",
			       "a/x.md",      "a-c.md",	  "a.md",
			       "a0/y.md",     "A.md",	  "\xc3\xa9/e.md",
			       "\xc3\xa9.md", "z.md"};
	const size_t n = sizeof notes / sizeof *notes;
	for (size_t i = 0; i < n; i++)
		touch(notes[i]);
	/* strcmp's order, written out: '-' < '.' < '/' < '0' < 'A' < 'a' */
	const char *want[] = {"A.md",	     "a-c.md",	     "a.md",
			      "a/b-z.md",    "a/b.md",	     "a/b/z.md",
			      "a/x.md",	     "a0/y.md",	     "z.md",
			      "\xc3\xa9.md", "\xc3\xa9/e.md"};

	rg_config c;
	rg_config_init(&c);
	rg_diags d = {0};
	rg_paths out = {0}, skipped = {0};
	int fd = open(root, O_RDONLY | O_DIRECTORY);
	assert_true(fd >= 0);
	assert_true(
		rg_walk_each(fd, root, &c, collect_each, &out, &d, &skipped));
	close(fd);
	assert_int_equal(out.v.n, n);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(out.v.v[i], want[i]);
		if (i)
			assert_true(strcmp(out.v.v[i - 1], out.v.v[i]) < 0);
	}
	assert_int_equal(d.items.n, 0);
	rg_paths_free(&out);
	rg_paths_free(&skipped);
	rg_diags_free(&d);
	rg_config_free(&c);
	char t[256];
	snprintf(t, sizeof t, "rm -rf '%s'", root);
	assert_int_equal(system(t), 0);
}

static void diag_order(void **state)
{
	(void)state;
	rg_diags d = {0}, e = {0};
	rg_diag(&d, "b.md", 2, 1, RG_WARNING, "w %d", 1);
	rg_diag(&d, "a.md", 10, 1, RG_ERROR, "e");
	rg_diag(&e, "a.md", 9, 5, RG_WARNING, "w2");
	rg_diag(&e, "a.md", 9, 5, RG_ERROR, "same place, later");
	rg_diags_append(&d, &e);
	assert_int_equal(e.items.n, 0);
	rg_diags_sort(&d);
	assert_int_equal(d.nerrors, 2);
	assert_int_equal(d.nwarnings, 2);
	assert_string_equal(d.items.v[0].msg, "w2");
	assert_string_equal(d.items.v[1].msg, "same place, later");
	assert_string_equal(d.items.v[2].msg, "e");
	assert_string_equal(d.items.v[3].msg, "w 1");
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(rg_diags_print(&d, f), 0);
	fclose(f);
	assert_string_equal(buf, "a.md:9:5: warning: w2\n"
				 "a.md:9:5: error: same place, later\n"
				 "a.md:10:1: error: e\n"
				 "b.md:2:1: warning: w 1\n");
	free(buf);
	rg_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(walk_order),
		cmocka_unit_test(walk_each_order),
		cmocka_unit_test(diag_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
