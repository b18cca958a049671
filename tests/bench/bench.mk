# make bench: how far refgraph is from the floor, the least work any reader
# of the notes must do (tests/bench/floor.c: read every note once, libyaml
# events over YAML and front matter, md4c with no-op callbacks over bodies,
# one thread).  The floor, `report --format json`, `check --jobs 1` and
# `report` are timed side by side in one hyperfine run per corpus size, on
# synthetic notes from ../shared/bench/gen-notes cached under build/bench/.
# The machine may be shared and noisy: compare ratios, not seconds.
#
#   BENCH_SIZES=...  corpus sizes in contacts (default 1000 10000 30000;
#                    10,000 contacts make about 92,000 files, 57 MB)
#   BENCH_LARGE=1    add 100000 contacts (about 900,000 files) to the
#                    default sizes
#   BENCH_RUNS=N     timed runs of each command per size (default 5)
#   GEN_NOTES=PATH   the corpus generator
#
# Prints one Markdown table, also written to build/bench/last.md: per size
# and command the median wall time, the median CPU time (user + sys), both
# as ratios to the floor, files/s, MB/s, peak memory (max RSS from one more
# run under /usr/bin/time -v), and with several sizes the scaling from each
# size to the next (time or memory ratio divided by the file-count ratio;
# 1.00 is linear).  Needs hyperfine 1.13 or later (for -N) and
# /usr/bin/time (apt-get install hyperfine time); not part of make check
# or CI.
BENCH_RUNS ?= 5
BENCH_SIZES ?= 1000 10000 30000 $(if $(BENCH_LARGE),100000)
BENCH_CORPORA = $(foreach n,$(BENCH_SIZES),build/bench/notes-$(n))
GEN_NOTES ?= ../shared/bench/gen-notes

.PHONY: bench bench-tools

bench-tools:
	@missing=; \
	command -v hyperfine >/dev/null 2>&1 || missing="$$missing hyperfine"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	if [ -n "$$missing" ]; then \
		echo "bench: missing$$missing (apt-get install hyperfine time)" >&2; \
		exit 1; \
	fi

# a folder is complete once it has its name: an interrupted run leaves .tmp
build/bench/notes-%: | bench-tools
	mkdir -p build/bench
	rm -rf $@.tmp
	python3 $(GEN_NOTES) --contacts $* --out $@.tmp
	mv $@.tmp $@

$(B)/floor: tests/bench/floor.c | $(B)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) $(PKG_LIBS)

bench: bench-tools $(B)/refgraph $(B)/floor $(BENCH_CORPORA)
	BENCH_RUNS=$(BENCH_RUNS) sh tests/bench/run.sh $(B)/floor \
		$(B)/refgraph build/bench/last.md $(BENCH_CORPORA)
