# make bench: time refgraph on synthetic notes from ../shared/bench/gen-notes.
# Commands are timed side by side in one hyperfine run (the machine is
# shared and noisy: compare ratios, not seconds).  BENCH_CONTACTS sets
# the size (default 10000 contacts, about 90,000 files).
BENCH_CONTACTS ?= 10000
BENCH_DIR = build/bench/notes-$(BENCH_CONTACTS)
GEN_NOTES ?= ../shared/bench/gen-notes

.PHONY: bench
$(BENCH_DIR):
	mkdir -p build/bench
	python3 $(GEN_NOTES) --contacts $(BENCH_CONTACTS) --out $(BENCH_DIR).tmp
	mv $(BENCH_DIR).tmp $(BENCH_DIR)

bench: $(B)/refgraph $(BENCH_DIR)
	sh tests/bench/run.sh $(B)/refgraph $(BENCH_DIR)
