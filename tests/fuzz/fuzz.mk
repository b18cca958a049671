# libFuzzer harnesses, built with clang into build/fuzz with ASan+UBSan.
#   make fuzz          each harness for FUZZ_SECONDS (default 600)
#   make fuzz-smoke    each harness briefly, and every saved regression input
# Corpora grow in build/fuzz/corpus-NAME, seeded from examples/, the golden
# cases and ../shared/yaml-test-suite; crashes found are kept as
# tests/fuzz/regress/NAME/* once fixed.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 20
FUZZ_B = build/fuzz
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DREFGRAPH_VERSION='"$(VERSION)"' -Iinclude -g -O1 $(PKG_CFLAGS) $(FUZZ_SAN)
FUZZ_NAMES = note md values config
FUZZ_BINS = $(FUZZ_NAMES:%=$(FUZZ_B)/fuzz_%)
FUZZ_OBJ = $(LIB_SRC:src/%.c=$(FUZZ_B)/%.o)

.PHONY: fuzz fuzz-smoke fuzz-build fuzz-seeds
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

fuzz: fuzz-build fuzz-seeds
	@for n in $(FUZZ_NAMES); do \
		mkdir -p $(FUZZ_B)/corpus-$$n; \
		echo "fuzz_$$n: $(FUZZ_SECONDS) s"; \
		$(FUZZ_B)/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
			-rss_limit_mb=2048 -max_len=65536 -dict=tests/fuzz/refgraph.dict \
			-artifact_prefix=$(FUZZ_B)/crash-$$n- -print_final_stats=1 \
			$(FUZZ_B)/corpus-$$n $(FUZZ_B)/seed-$$n 2>$(FUZZ_B)/fuzz_$$n.log || \
			{ tail -30 $(FUZZ_B)/fuzz_$$n.log; exit 1; }; \
		grep -E "stat::number_of_executed_units|stat::peak_rss_mb" $(FUZZ_B)/fuzz_$$n.log; \
	done

fuzz-smoke: fuzz-build fuzz-seeds
	@pass=0; fail=0; for n in $(FUZZ_NAMES); do \
		if [ -d tests/fuzz/regress/$$n ] && \
		   ! $(FUZZ_B)/fuzz_$$n tests/fuzz/regress/$$n/* >$(FUZZ_B)/regress_$$n.log 2>&1; then \
			echo "FAIL fuzz_$$n: a regression input fails"; tail -20 $(FUZZ_B)/regress_$$n.log; \
			fail=$$((fail + 1)); continue; fi; \
		mkdir -p $(FUZZ_B)/smoke-$$n; \
		if $(FUZZ_B)/fuzz_$$n -max_total_time=$(FUZZ_SMOKE_SECONDS) -timeout=10 \
			-rss_limit_mb=2048 -max_len=65536 -dict=tests/fuzz/refgraph.dict \
			-artifact_prefix=$(FUZZ_B)/crash-$$n- \
			$(FUZZ_B)/smoke-$$n $(FUZZ_B)/seed-$$n >$(FUZZ_B)/smoke_$$n.log 2>&1; then \
			pass=$$((pass + 1)); \
		else echo "FAIL fuzz_$$n"; tail -30 $(FUZZ_B)/smoke_$$n.log; fail=$$((fail + 1)); fi; \
	done; echo "fuzz-smoke: $$pass passed, $$fail failed"; [ $$fail = 0 ]

# ---- the adversarial suite and injected I/O faults (part of make check) ----
.PHONY: adversarial faults
check: adversarial faults

adversarial: $(B)/refgraph
	@sh tests/adversarial/run.sh $(B)/refgraph

$(B)/faults-shim.so: tests/faults/shim.c | $(B)
	$(CC) -shared -fPIC -O1 -g -o $@ $< -ldl

faults: $(B)/refgraph $(B)/faults-shim.so
	@sh tests/faults/run.sh $(B)/refgraph $(B)/faults-shim.so
