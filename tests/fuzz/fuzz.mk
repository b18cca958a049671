# libFuzzer harnesses, built with clang into build/fuzz with ASan+UBSan
# (and LeakSanitizer, on by default with ASan).
#   make fuzz          each harness for FUZZ_SECONDS (default 600), one after
#                      another; FUZZ_NAMES='md yaml' picks some
#   make fuzz-smoke    every saved regression input, then each harness for
#                      FUZZ_SMOKE_SECONDS (default 20) from its seeds (CI)
#   make adversarial   hostile notes folders (tests/adversarial/run.sh)
#   make faults        injected I/O faults (tests/faults/run.sh) and a
#                      sample of the out-of-memory sweep (oom.sh)
#   make oom-sweep     the whole out-of-memory sweep
# Harnesses (tests/fuzz/fuzz_NAME.c):
#   note    one file through rg_note_parse: BOM, line ends, front matter
#           split, YAML records, the Markdown body; and what a read file
#           keeps, checked against a read on a new thread
#   yaml    the YAML record reader alone, with small limits
#   yfast   the fast path for flat YAML against libyaml, tree for tree
#           (seeded with yaml's seeds: the same flags byte)
#   near    the "did you mean" index against the rules written plainly
#           (tests/unit/near_ref.h): known names, an empty line, queries
#   md      the Markdown body scanner: inline fields, tasks, wiki-links
#   values  dates, durations, numbers, counts, references, folding
#   config  the settings reader and exclude patterns
#   report  a whole folder in one input: graph, reports, all six formats,
#           each output checked (JSON valid, HTML/CSV/MD/DOT escaped)
# Corpora grow in build/fuzz/corpus-NAME, seeded (tests/fuzz/seeds.sh) from
# examples/, the golden cases and ../shared/yaml-test-suite.  A crash, leak
# or timeout is written to build/fuzz/crash-NAME-*; keep the input as
# tests/fuzz/regress/NAME/WHAT, and fuzz-smoke runs it every time.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 20
FUZZ_TIMEOUT ?= 10
FUZZ_RSS_MB ?= 2048
FUZZ_B = build/fuzz
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-fno-omit-frame-pointer
FUZZ_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DREFGRAPH_VERSION='"$(VERSION)"' -Iinclude -g -O1 $(PKG_CFLAGS) $(FUZZ_SAN)
FUZZ_NAMES ?= note yaml md values config report yfast near
FUZZ_BINS = $(FUZZ_NAMES:%=$(FUZZ_B)/fuzz_%)
FUZZ_OBJ = $(LIB_SRC:src/%.c=$(FUZZ_B)/%.o)
FUZZ_FLAGS = -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=$(FUZZ_RSS_MB) \
	-max_len=65536 -dict=tests/fuzz/refgraph.dict -print_final_stats=1
export UBSAN_OPTIONS ?= print_stacktrace=1

.PHONY: fuzz fuzz-smoke fuzz-build fuzz-seeds fuzz-regress
.SECONDARY: $(FUZZ_OBJ)

$(FUZZ_B)/%.o: src/%.c $(wildcard include/refgraph/*.h)
	@mkdir -p $(FUZZ_B)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_B)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) \
		$(PKG_LIBS) -lpthread -lm

fuzz-build: $(FUZZ_BINS)

fuzz-seeds:
	@sh tests/fuzz/seeds.sh $(FUZZ_B)
	@rm -rf $(FUZZ_B)/seed-yfast && cp -R $(FUZZ_B)/seed-yaml $(FUZZ_B)/seed-yfast
	@mkdir -p $(FUZZ_B)/seed-near && printf '%s\n' 'Ann Lee' 'Bob Diaz' \
		'Zoë Park' '' 'Ann Le' 'bob diaz' 'Zoe Park' 'Ann Lee (note)' \
		>$(FUZZ_B)/seed-near/names

# Saved inputs that still fail for a defect in another module, as
# HARNESS/INPUT: reported as XFAIL (XPASS once fixed: take them off).
FUZZ_KNOWN_FAILING =

# Every saved input once, each within the time and memory limits.
fuzz-regress: fuzz-build
	@pass=0; fail=0; xfail=0; for n in $(FUZZ_NAMES); do \
		[ -d tests/fuzz/regress/$$n ] || continue; \
		for f in tests/fuzz/regress/$$n/*; do \
			[ -f "$$f" ] || continue; \
			case " $(FUZZ_KNOWN_FAILING) " in \
			*" $$n/$${f##*/} "*) known=1 ;; *) known=0 ;; esac; \
			if $(FUZZ_B)/fuzz_$$n -timeout=$(FUZZ_TIMEOUT) \
				-rss_limit_mb=$(FUZZ_RSS_MB) "$$f" \
				>$(FUZZ_B)/regress.log 2>&1; then pass=$$((pass + 1)); \
				[ $$known = 0 ] || echo "XPASS fuzz_$$n $$f: take it off FUZZ_KNOWN_FAILING"; \
			elif [ $$known = 1 ]; then echo "XFAIL fuzz_$$n $$f"; \
				xfail=$$((xfail + 1)); \
			else echo "FAIL fuzz_$$n $$f"; \
				grep -E 'ERROR|SUMMARY|#[0-9]+ 0x' $(FUZZ_B)/regress.log | head -12; \
				fail=$$((fail + 1)); fi; \
		done; \
	done; echo "fuzz-regress: $$pass passed, $$fail failed, $$xfail known failing"; \
	[ $$fail = 0 ]

fuzz: fuzz-build fuzz-seeds
	@fail=0; for n in $(FUZZ_NAMES); do \
		mkdir -p $(FUZZ_B)/corpus-$$n; \
		echo "fuzz_$$n: $(FUZZ_SECONDS) s"; \
		if $(FUZZ_B)/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) $(FUZZ_FLAGS) \
			-artifact_prefix=$(FUZZ_B)/crash-$$n- \
			$(FUZZ_B)/corpus-$$n $(FUZZ_B)/seed-$$n \
			>$(FUZZ_B)/fuzz_$$n.log 2>&1; then :; \
		else echo "FAIL fuzz_$$n (log: $(FUZZ_B)/fuzz_$$n.log)"; \
			grep -E 'ERROR|SUMMARY|#[0-9]+ 0x|Test unit written' \
				$(FUZZ_B)/fuzz_$$n.log | head -20; \
			fail=$$((fail + 1)); fi; \
		grep -E "stat::number_of_executed_units|stat::peak_rss_mb" \
			$(FUZZ_B)/fuzz_$$n.log; \
	done; [ $$fail = 0 ]

fuzz-smoke: fuzz-build fuzz-seeds
	@$(MAKE) --no-print-directory fuzz-regress
	@pass=0; fail=0; for n in $(FUZZ_NAMES); do \
		rm -rf $(FUZZ_B)/smoke-$$n; mkdir -p $(FUZZ_B)/smoke-$$n; \
		if $(FUZZ_B)/fuzz_$$n -max_total_time=$(FUZZ_SMOKE_SECONDS) \
			$(FUZZ_FLAGS) -artifact_prefix=$(FUZZ_B)/crash-$$n- \
			$(FUZZ_B)/smoke-$$n $(FUZZ_B)/seed-$$n \
			>$(FUZZ_B)/smoke_$$n.log 2>&1; then \
			pass=$$((pass + 1)); \
		else echo "FAIL fuzz_$$n (log: $(FUZZ_B)/smoke_$$n.log)"; \
			grep -E 'ERROR|SUMMARY|#[0-9]+ 0x|Test unit written' \
				$(FUZZ_B)/smoke_$$n.log | head -20; \
			fail=$$((fail + 1)); fi; \
	done; echo "fuzz-smoke: $$pass passed, $$fail failed"; [ $$fail = 0 ]

# ---- the adversarial suite and injected I/O faults (part of make check) ----
#   make adversarial   hostile notes folders
#   make faults        injected I/O faults, signals, and a sample of the
#                      out-of-memory sweep (OOM_SAMPLE allocations, 40)
#   make oom-sweep     every allocation of a run made to fail, one by one
#                      (OOM_NOTES=DIR: on those notes)
.PHONY: adversarial faults oom-sweep
check: adversarial faults
OOM_SAMPLE ?= 40

$(B)/faults-shim.so: tests/faults/shim.c | $(B)
	$(CC) -shared -fPIC -O1 -g -o $@ $< -ldl

$(B)/oom-shim.so: tests/faults/oom.c | $(B)
	$(CC) -shared -fPIC -O1 -g -o $@ $<

adversarial: $(B)/refgraph $(B)/faults-shim.so
	@sh tests/adversarial/run.sh $(B)/refgraph $(B)/faults-shim.so

faults: $(B)/refgraph $(B)/faults-shim.so $(B)/oom-shim.so
	@sh tests/faults/run.sh $(B)/refgraph $(B)/faults-shim.so
	@sh tests/faults/oom.sh $(B)/refgraph $(B)/oom-shim.so $(OOM_SAMPLE)

oom-sweep: $(B)/refgraph $(B)/oom-shim.so
	@sh tests/faults/oom.sh $(B)/refgraph $(B)/oom-shim.so all $(OOM_NOTES)
