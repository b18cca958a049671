/*
 * test_scratch: the readers' scratch, kept by each thread from file to
 * file.  A file reads the same whatever was read before it on the thread
 * (A, then B, C and a huge file, then A again: A's records, places and
 * diagnostics the same each time, and the same as on a new thread), the
 * scratch keeps its room from one file to the next, and one huge file
 * leaves less than RG_SCRATCH_KEEP behind.  The same for the YAML and
 * Markdown readers' own scratch, used alone.
 */
#include "testlib.h"

#include <pthread.h>
#include <stdio.h>

#include "dumplib.h"
#include "refgraph/md_scan.h"
#include "refgraph/yaml_rec.h"

/* Front matter, tasks, fields, links, a line that is not UTF-8 (the
 * patterns then match a copy) and a long body. */
static const char note_a_head[] =
	"---\nname: Ann Lee\naliases: [Annie, \"A. Lee\"]\nrole: client\n"
	"since: 2026-01-01\ntags: [vip, Friend]\n"
	"referred_by: \"[[Bob Roy]]\"\n---\n"
	"met [[Bob Roy]] and [[Cid|C]] today\n"
	"thanked:: [[Bob Roy]] 2026-01-05\n"
	"- [ ] call [[Annie]] due:2026-02-01 \xe2\x9c\x85 2026-02-03\n"
	"- [x] send (due:: 2026-03-01) notes to [[Dee#h]]\n"
	"[(asked:: [[Eve]])] and [with:: [[Fay]]]\n"
	"caf\xc3 bad byte [[Zed]]\n";
static const char note_a_line[] =
	"A paragraph with [[Gus]], referral:: Bob Roy -> Hal, and "
	"- [ ] not a task (inside a line) [[Ivy]]\n";

/* Anchors and aliases (libyaml, not yfast), documents, a syntax error. */
static const char note_b[] =
	"- from: &b Bob Roy\n  prospect: Dee Fox\n  date: 2026-03-01\n"
	"  status: won\n  value: 1200\n- from: *b\n  prospect: Cid\n"
	"  date: 2026-04-01\n---\ntype: contact\nname: X\n---\na: [b\n";

/* Code, HTML and a nested list: md4c's pass; nested flow mappings. */
static const char note_c[] =
	"---\nname: C\nx: {a: {b: {c: {d: {e: {f: {g: {h: {i: {j: 1}}}}}}}}}}"
	"\n---\n"
	"```\n[[Not]] read\n```\n<b>[[Html]]</b> `[[Code]]`\n"
	"- a\n  - [ ] nested [[Kim]] due:2026-05-01\n"
	"> thanked:: [[Bob Roy]]\n";

static char *note_a(void)
{
	rg_buf b = {0};
	rg_buf_puts(&b, note_a_head);
	for (int i = 0; i < 200; i++)
		rg_buf_puts(&b, note_a_line);
	return b.s;
}

/* A note larger than RG_SCRATCH_KEEP in every part the readers keep. */
static char *note_huge(void)
{
	rg_buf b = {0};
	rg_buf_puts(&b, "---\n");
	for (int i = 0; i < 60000; i++)
		rg_buf_printf(&b, "k%d: value %d\n", i, i);
	rg_buf_puts(&b, "---\n");
	for (int i = 0; i < 200000; i++)
		rg_buf_puts(&b, "- [ ] [[P]]\n");
	return b.s;
}

static char *read_dump(const char *path, const char *text)
{
	rg_file *f = parse(path, text);
	char *d = dump_file(f);
	rg_file_free(f);
	return d;
}

/* f and g hold the same records and diagnostics; both are freed. */
static void same_files(rg_file *f, rg_file *g)
{
	char *x = dump_file(f), *z = dump_file(g);
	assert_string_equal(x, z);
	free(x);
	free(z);
	rg_file_free(f);
	rg_file_free(g);
}

typedef struct fresh {
	const char *path, *text;
	char *dump;
} fresh;

static void *read_fresh(void *arg)
{
	fresh *j = arg;
	j->dump = read_dump(j->path, j->text);
	return NULL;
}

/* The dump of path read on a thread of its own, with a new scratch. */
static char *fresh_dump(const char *path, const char *text)
{
	fresh j = {path, text, NULL};
	pthread_t th;
	assert_int_equal(pthread_create(&th, NULL, read_fresh, &j), 0);
	assert_int_equal(pthread_join(th, NULL), 0);
	return j.dump;
}

static void same_whatever_before(void **state)
{
	(void)state;
	char *a = note_a(), *huge = note_huge();
	const char *const paths[] = {"people/Ann Lee.md", "log.yaml", "c.md",
				     "huge.md"};
	const char *const texts[] = {a, note_b, note_c, huge};
	char *want[4];
	for (int i = 0; i < 3; i++)
		want[i] = fresh_dump(paths[i], texts[i]);
	/* the readers' paths are all taken, and the dumps say so */
	assert_non_null(strstr(want[0], "task 11:3 0 'call Annie'"));
	assert_non_null(strstr(want[0], "invalid UTF-8"));
	assert_non_null(strstr(want[1], "YAML syntax error"));
	assert_non_null(strstr(want[2], "nested Kim"));
	assert_null(strstr(want[2], "<Not@"));
	assert_null(strstr(want[2], "<Code@"));
	/* A, B, A, C, A, huge, A, C, B: each as on a new thread */
	static const int order[] = {0, 1, 0, 2, 0, 3, 0, 2, 1};
	for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
		int i = order[k];
		char *got = read_dump(paths[i], texts[i]);
		if (i < 3)
			assert_string_equal(got, want[i]);
		free(got);
	}
	for (int i = 0; i < 3; i++)
		free(want[i]);
	free(a);
	free(huge);
}

static void room_kept_and_bounded(void **state)
{
	(void)state;
	char *a = note_a(), *huge = note_huge();
	/* (arenas grow their chunks to what a file needs: twice) */
	free(read_dump("people/Ann Lee.md", a));
	free(read_dump("people/Ann Lee.md", a));
	size_t room = rg_note_scratch_room();
	assert_true(room > 0);
	/* the same note again needs no more room: it is reused */
	free(read_dump("people/Ann Lee.md", a));
	assert_int_equal(rg_note_scratch_room(), room);
	/* a huge note needs many times RG_SCRATCH_KEEP, and leaves less */
	free(read_dump("huge.md", huge));
	assert_true(rg_note_scratch_room() < RG_SCRATCH_KEEP);
	free(read_dump("people/Ann Lee.md", a));
	assert_true(rg_note_scratch_room() < RG_SCRATCH_KEEP);
	free(a);
	free(huge);
}

/* The YAML reader's scratch, alone: documents read with one scratch
 * after another are read as by a new one. */
static void yaml_scratch(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		bool fm;
	} cases[] = {
		{note_b, false},
		{"name: Ann\nrole: client\nsince: 2026-01-01\n", true},
		{"a: &x [1, 2]\nb: *x\nc: *x\n", true},
		{"- type: meeting\n  date: 2026-01-02\n  with: [A, B]\n",
		 false},
		{"name: [unclosed\n", true},
	};
	rg_limits lim;
	rg_limits_default(&lim);
	rg_yaml_rec_scratch *y = rg_yaml_rec_scratch_new();
	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
			const char *t = cases[i].text;
			rg_file *f = rg_file_new("x.md"),
				*g = rg_file_new("x.md");
			int df, dg;
			bool okf = rg_yaml_rec_read(f, t, strlen(t), 2,
						    cases[i].fm, &lim, &df);
			bool okg = rg_yaml_rec_read_with(
				y, g, t, strlen(t), 2, cases[i].fm, &lim, &dg);
			assert_int_equal(okf, okg);
			assert_int_equal(df, dg);
			same_files(f, g);
		}
	}
	assert_true(rg_yaml_rec_scratch_room(y) > 0);
	rg_yaml_rec_scratch_free(y);
	rg_yaml_rec_scratch_free(NULL);
}

/* The Markdown reader's scratch, alone, through a body whose line is
 * too long for pcre2's frames to be kept, and a huge one. */
static void md_scratch(void **state)
{
	(void)state;
	rg_buf longline = {0};
	for (int i = 0; i < 600; i++)
		rg_buf_puts(&longline, "[key:: [[V]]] ");
	rg_buf_puts(&longline, "\nthanked:: [[W]]\n");
	char *a = note_a(), *huge = note_huge();
	const char *const bodies[] = {a, note_c, longline.s, huge, "", a};
	rg_limits lim;
	rg_limits_default(&lim);
	rg_md_scan_scratch *sc = rg_md_scan_scratch_new();
	for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
		const char *s = bodies[i];
		rg_file *f = rg_file_new("2026-01-01.md"),
			*g = rg_file_new("2026-01-01.md");
		rg_md_scan(f, s, strlen(s), 3, day("2026-01-01"), &lim);
		size_t wf = rg_md_scan_work();
		rg_md_scan_with(sc, g, s, strlen(s), 3, day("2026-01-01"),
				&lim);
		assert_int_equal(rg_md_scan_work(), wf);
		same_files(f, g);
		assert_true(rg_md_scan_scratch_room(sc) < RG_SCRATCH_KEEP);
	}
	assert_true(rg_md_scan_scratch_room(sc) > 0);
	rg_md_scan_scratch_free(sc);
	rg_md_scan_scratch_free(NULL);
	rg_buf_free(&longline);
	free(a);
	free(huge);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_whatever_before),
		cmocka_unit_test(room_kept_and_bounded),
		cmocka_unit_test(yaml_scratch),
		cmocka_unit_test(md_scratch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
