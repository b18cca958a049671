/*
 * floor: the least work any reader of a notes folder must do, as the
 * yardstick for refgraph's own speed (make bench).
 *
 * It picks the files refgraph picks (names ending in .md, .markdown, .yaml,
 * .yml; any path component starting with '.' skipped; links not followed),
 * reads each with one read into a reused buffer, runs libyaml's event parser
 * over YAML files and the front matter of Markdown files, and md4c with
 * no-op callbacks over Markdown bodies, on one thread.  Nothing is kept,
 * sorted or reported.  It prints what it read, so that a floor that reads
 * nothing cannot look fast unseen, and exits 1 when a file or directory
 * cannot be read or when there is no note at all.
 *
 *   floor NOTES
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <md4c.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <yaml.h>

/* refgraph's walk stops at the same depth */
#define MAX_DEPTH 256
#define BOM	  "\xEF\xBB\xBF"
#define BOM_LEN	  3
#define MARK_LEN  3
/* holds any note of the generated corpora in one read */
#define FIRST_BUF (1 << 16)

typedef struct tally {
	unsigned long long files, yaml_files, md_files, bytes;
	unsigned long long events, yaml_errors, failures;
	char *buf; /* reused for every file */
	size_t cap;
} tally;

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static void fail(tally *t, const char *what, const char *name)
{
	fprintf(stderr, "floor: %s %s: %s\n", what, name, strerror(errno));
	t->failures++;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (p == NULL) {
		fputs("floor: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

/* All events of all documents, or up to the first syntax error. */
static void yaml_events(tally *t, const char *s, size_t n)
{
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		fputs("floor: out of memory\n", stderr);
		exit(1);
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)s, n);
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			t->yaml_errors++;
			break;
		}
		t->events++;
		bool end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (end)
			break;
	}
	yaml_parser_delete(&p);
}

static int md_block(MD_BLOCKTYPE type, void *detail, void *user)
{
	(void)type, (void)detail, (void)user;
	return 0;
}

static int md_span(MD_SPANTYPE type, void *detail, void *user)
{
	(void)type, (void)detail, (void)user;
	return 0;
}

static int md_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size,
		   void *user)
{
	(void)type, (void)text, (void)size, (void)user;
	return 0;
}

/* A `---` (or `...` when closing) line with only blanks after it. */
static bool marker_line(const char *s, size_t n, bool closing)
{
	if (n < MARK_LEN || !(memcmp(s, "---", MARK_LEN) == 0 ||
			      (closing && memcmp(s, "...", MARK_LEN) == 0)))
		return false;
	for (size_t i = MARK_LEN; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

static size_t line_end(const char *s, size_t from, size_t n)
{
	const char *nl = memchr(s + from, '\n', n - from);
	return nl ? (size_t)(nl - s) : n;
}

/* Front matter through libyaml, the body (all of the file without front
 * matter, or after it) through md4c, with refgraph's parser flags. */
static void markdown(tally *t, const char *s, size_t n)
{
	if (n >= BOM_LEN && memcmp(s, BOM, BOM_LEN) == 0) {
		s += BOM_LEN;
		n -= BOM_LEN;
	}
	size_t body = 0, e1 = line_end(s, 0, n);
	if (marker_line(s, e1, false)) {
		bool closed = false;
		for (size_t p = e1 + 1; p < n && !closed;) {
			size_t e = line_end(s, p, n);
			if (marker_line(s + p, e - p, true)) {
				yaml_events(t, s + e1 + 1, p - (e1 + 1));
				body = e < n ? e + 1 : n;
				closed = true;
			}
			p = e + 1;
		}
		if (!closed)
			return; /* refgraph skips such a file */
	}
	static const MD_PARSER parser = {
		.flags = MD_FLAG_WIKILINKS | MD_FLAG_TASKLISTS,
		.enter_block = md_block,
		.leave_block = md_block,
		.enter_span = md_span,
		.leave_span = md_span,
		.text = md_text,
	};
	md_parse(s + body, (MD_SIZE)(n - body), &parser, NULL);
}

/*
 * One read into the reused buffer: a read of a regular file that returns
 * less than asked has reached the end, so only a file that fills the
 * buffer costs more reads (and a bigger buffer from then on).
 */
static void read_note(tally *t, int dfd, const char *name, bool yaml)
{
	int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		fail(t, "cannot read", name);
		return;
	}
	size_t n = 0;
	for (;;) {
		if (n == t->cap) {
			t->cap = t->cap ? t->cap * 2 : FIRST_BUF;
			t->buf = xrealloc(t->buf, t->cap);
		}
		ssize_t r = read(fd, t->buf + n, t->cap - n);
		if (r < 0) {
			fail(t, "cannot read", name);
			close(fd);
			return;
		}
		n += (size_t)r;
		if (n < t->cap)
			break;
	}
	close(fd);
	t->files++;
	t->bytes += n;
	if (yaml) {
		t->yaml_files++;
		yaml_events(t, t->buf, n);
	} else {
		t->md_files++;
		markdown(t, t->buf, n);
	}
}

static void walk(tally *t, int dfd, int depth)
{
	DIR *dir = fdopendir(dfd);
	if (dir == NULL) {
		fail(t, "cannot read directory", "");
		close(dfd);
		return;
	}
	struct dirent *de;
	while ((de = readdir(dir)) != NULL) {
		const char *name = de->d_name;
		if (name[0] == '.')
			continue; /* hidden, and . and .. */
		unsigned char type = de->d_type;
		if (type == DT_UNKNOWN) {
			struct stat st;
			if (fstatat(dirfd(dir), name, &st,
				    AT_SYMLINK_NOFOLLOW) != 0) {
				fail(t, "cannot stat", name);
				continue;
			}
			type = S_ISDIR(st.st_mode)   ? DT_DIR
			       : S_ISREG(st.st_mode) ? DT_REG
						     : DT_UNKNOWN;
		}
		if (type == DT_DIR && depth < MAX_DEPTH) {
			int fd = openat(dirfd(dir), name,
					O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
						O_CLOEXEC);
			if (fd < 0)
				fail(t, "cannot read directory", name);
			else
				walk(t, fd, depth + 1);
		} else if (type == DT_REG) {
			bool yaml = ends_with(name, ".yaml") ||
				    ends_with(name, ".yml");
			if (yaml || ends_with(name, ".md") ||
			    ends_with(name, ".markdown"))
				read_note(t, dirfd(dir), name, yaml);
		}
	}
	closedir(dir);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: floor NOTES\n", stderr);
		return 2;
	}
	int fd = open(argv[1], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "floor: cannot read %s: %s\n", argv[1],
			strerror(errno));
		return 1;
	}
	tally t = {0};
	walk(&t, fd, 0);
	free(t.buf);
	printf("floor: %llu files (%llu Markdown, %llu YAML), %llu bytes, "
	       "%llu YAML events, %llu YAML errors\n",
	       t.files, t.md_files, t.yaml_files, t.bytes, t.events,
	       t.yaml_errors);
	if (t.files == 0)
		fputs("floor: no notes found\n", stderr);
	return t.failures == 0 && t.files > 0 ? 0 : 1;
}
