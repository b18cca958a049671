/*
 * test_notes: reading files the safe way: rg_read_settings (regular files
 * only, no link followed, no FIFO waited on, the folder blamed when it is
 * the folder's fault) and rg_open_beneath (a component at a time, never
 * through a link, past PATH_MAX).
 */
#include "testlib.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "refgraph/walk.h"

#define BIG 64

static char root[64];

static char *at(const char *rel)
{
	static char p[512];
	snprintf(p, sizeof p, "%s/%s", root, rel);
	return p;
}

static void put(const char *rel, const char *text)
{
	FILE *f = fopen(at(rel), "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	strcpy(root, "/tmp/rgnotesXXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd);
}

/* read path; the errno value, and the text or NULL */
static int rd(const char *path, char **text, bool *big, bool *dir_failed)
{
	size_t len;
	return rg_read_settings(path, BIG, text, &len, big, dir_failed);
}

static void settings_kinds(void **state)
{
	(void)state;
	char *t;
	bool big, dirf;
	put("s.yaml", "me: Ann\n");
	assert_int_equal(rd(at("s.yaml"), &t, &big, &dirf), 0);
	assert_string_equal(t, "me: Ann\n");
	free(t);

	/* a FIFO with no writer: refused at once, never waited on */
	assert_int_equal(mkfifo(at("fifo.yaml"), 0644), 0);
	assert_int_equal(rd(at("fifo.yaml"), &t, &big, &dirf), EINVAL);
	assert_null(t);
	assert_false(dirf);

	/* a link, even to a good file, is not followed */
	assert_int_equal(symlink("s.yaml", at("link.yaml")), 0);
	assert_int_equal(rd(at("link.yaml"), &t, &big, &dirf), ELOOP);
	assert_false(dirf);

	assert_int_equal(mkdir(at("d.yaml"), 0755), 0);
	assert_int_equal(rd(at("d.yaml"), &t, &big, &dirf), EISDIR);

	assert_int_equal(rd(at("none.yaml"), &t, &big, &dirf), ENOENT);
	assert_false(dirf);

	/* the folder is missing: its fault, not the file's */
	assert_int_equal(rd(at("nodir/.refgraph.yaml"), &t, &big, &dirf),
			 ENOENT);
	assert_true(dirf);

	char text[BIG * 2 + 1];
	memset(text, 'x', sizeof text - 1);
	text[sizeof text - 1] = '\0';
	put("big.yaml", text);
	assert_int_equal(rd(at("big.yaml"), &t, &big, &dirf), EFBIG);
	assert_true(big);
	assert_null(t);
}

static void open_beneath(void **state)
{
	(void)state;
	assert_int_equal(mkdir(at("a"), 0755), 0);
	assert_int_equal(mkdir(at("a/b"), 0755), 0);
	put("a/b/x.md", "in");
	assert_int_equal(mkdir(at("out"), 0755), 0);
	put("out/x.md", "out");
	assert_int_equal(symlink("../out", at("a/l")), 0);
	int dfd = open(root, O_RDONLY | O_DIRECTORY);
	assert_true(dfd >= 0);
	int fd = rg_open_beneath(dfd, "a/b/x.md", O_RDONLY);
	assert_true(fd >= 0);
	close(fd);
	/* a link in the middle of the path is not gone through */
	assert_int_equal(rg_open_beneath(dfd, "a/l/x.md", O_RDONLY), -1);
	assert_true(errno == ENOTDIR || errno == ELOOP);
	assert_int_equal(rg_open_beneath(dfd, "a//x.md", O_RDONLY), -1);

	/* past PATH_MAX: 20 folders of 250 bytes */
	char name[251], rel[20 * 251 + 16] = "";
	memset(name, 'd', 250);
	name[250] = '\0';
	int cur = dup(dfd);
	for (int i = 0; i < 20; i++) {
		assert_int_equal(mkdirat(cur, name, 0755), 0);
		int next = openat(cur, name, O_RDONLY | O_DIRECTORY);
		assert_true(next >= 0);
		close(cur);
		cur = next;
		strcat(rel, name);
		strcat(rel, "/");
	}
	int w = openat(cur, "far.md", O_WRONLY | O_CREAT, 0644);
	assert_true(w >= 0);
	close(w);
	close(cur);
	strcat(rel, "far.md");
	assert_true(strlen(rel) > PATH_MAX);
	char *t;
	size_t len;
	bool big;
	assert_int_equal(rg_read_file(dfd, rel, BIG, &t, &len, &big), 0);
	assert_int_equal(len, 0);
	free(t);
	close(dfd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(settings_kinds, setup,
						teardown),
		cmocka_unit_test_setup_teardown(open_beneath, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
