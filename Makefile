# refgraph: see the referral network in plain-text notes.
#
#   make            build ./refgraph
#   make demo       install missing packages, build, report on examples/notes
#   make check      unit tests, golden cases, YAML suite, man page examples,
#                   the html page in headless Chromium (make browser)
#   make ci         everything CI runs (deps, -Werror, check, valgrind,
#                   sanitizers, fuzz smoke)
#   make asan ubsan tsan valgrind fuzz bench format install uninstall clean

VERSION = 0.1.0
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DESTDIR ?=

CC ?= cc
PKGS = yaml-0.1 md4c libpcre2-8 libutf8proc jansson
# Loaded when a run first needs them (src/dynlib.c), not linked: their
# headers, and the sonames of the libraries a link would have used.
DYN_PKGS = libical libgit2
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) $(DYN_PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -ldl
soname = $(shell objdump -p "$$($(CC) -print-file-name=lib$(1).so)" \
	2>/dev/null | awk '$$1 == "SONAME" {print $$2}')
# and the Debian package that holds each, for the message when a run
# cannot load it ("" elsewhere)
debpkg = $(shell dpkg -S "$$(readlink -f "$$($(CC) -print-file-name=lib$(1).so)")" \
	2>/dev/null | sed -n '1s/:.*//p')
SONAME_GIT2 := $(call soname,git2)
SONAME_ICAL := $(call soname,ical)
PKG_CFLAGS += -DRG_SONAME_GIT2='"$(SONAME_GIT2)"' \
	      -DRG_SONAME_ICAL='"$(SONAME_ICAL)"' \
	      -DRG_DEBPKG_GIT2='"$(call debpkg,git2)"' \
	      -DRG_DEBPKG_ICAL='"$(call debpkg,ical)"'
CMOCKA_CFLAGS := $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null)
# Graphviz's library draws the network in html; without it (or with
# GVC=no) the page says how to get the picture.
GVC ?= $(shell pkg-config --exists libgvc 2>/dev/null && echo yes)
ifeq ($(GVC),yes)
# loaded when a page first draws the network (src/dynlib.c), not linked
GVC_CFLAGS := -DRG_HAVE_GVC $(shell pkg-config --cflags libgvc) \
	      -DRG_SONAME_GVC='"$(call soname,gvc)"' \
	      -DRG_DEBPKG_GVC='"$(call debpkg,gvc)"'
endif

WARN = -Wall -Wextra -Wmissing-prototypes -Wstrict-prototypes \
       -Wwrite-strings -Wshadow -Wpointer-arith -Wformat=2 -Wvla
OPT ?= -O2 -g
WERROR ?=
CFLAGS ?= $(OPT)
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DREFGRAPH_VERSION='"$(VERSION)"' -Iinclude $(WARN) $(WERROR) \
	$(PKG_CFLAGS) $(GVC_CFLAGS) $(CFLAGS) $(SAN)
ALL_LDFLAGS = $(LDFLAGS) $(SAN)
LIBS = $(PKG_LIBS) -lpthread -lm

# Build products go to a directory per flavour, so plain and sanitizer
# builds never mix objects.
B ?= build/plain

# Every module but main.c goes into the library the tool and the tests
# link, so a new module needs no edit here.
LIB_SRC = $(filter-out src/main.c,$(sort $(wildcard src/*.c)))
LIB_OBJ = $(LIB_SRC:src/%.c=$(B)/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/%)

.PHONY: all check unit golden yaml-suite man-examples headers cli ics-readback browser git-rev nightly asan ubsan tsan valgrind \
	fuzz fuzz-smoke bench format install uninstall clean deps demo ci

all: refgraph

refgraph: $(B)/refgraph
	cp $(B)/refgraph refgraph

$(B)/refgraph: $(B)/main.o $(B)/librefgraph.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(B)/main.o $(B)/librefgraph.a $(LIBS)

$(B)/librefgraph.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(B)/%.o: src/%.c $(wildcard include/refgraph/*.h) | $(B)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B):
	mkdir -p $(B)

$(B)/test_%: tests/unit/test_%.c tests/unit/testlib.h $(B)/librefgraph.a
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -o $@ $< $(B)/librefgraph.a \
		$(ALL_LDFLAGS) $(CMOCKA_LIBS) $(LIBS)

# ---- tests ----

check: unit golden yaml-suite man-examples headers cli ics-readback browser \
	git-rev nightly

# The html page in headless Chromium (skipped without it, unless CI=true).
browser: $(B)/refgraph
	@python3 tests/browser/run.py $(B)/refgraph

unit: $(UNIT_BIN)
	@sh tests/run-unit.sh $(UNIT_BIN)

golden: $(B)/refgraph
	@sh tests/run-golden.sh $(B)/refgraph

yaml-suite: $(B)/refgraph $(B)/yamlok
	@sh tests/run-yaml-suite.sh $(B)/refgraph $(B)/yamlok

$(B)/yamlok: tests/tools/yamlok.c | $(B)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) $(PKG_LIBS)

# --rev and --previous-rev against repositories made with git
git-rev: $(B)/refgraph
	@sh tests/run-git.sh $(B)/refgraph

# examples/nightly: the hook, the nightly script, the cron and systemd lines
nightly: $(B)/refgraph
	@sh tests/run-nightly.sh $(B)/refgraph

man-examples: $(B)/refgraph
	@sh tests/run-man-examples.sh $(B)/refgraph

cli: $(B)/refgraph
	@sh tests/run-cli.sh $(B)/refgraph

# Every header compiles by itself (it includes what it uses) and twice in
# one file (its include guard covers all of it).
HEADERS = $(sort $(wildcard include/refgraph/*.h))
headers:
	@pass=0; fail=0; for h in $(HEADERS); do \
		i=$${h#include/}; \
		if printf '#include "%s"\n#include "%s"\n' "$$i" "$$i" | \
			$(CC) $(ALL_CFLAGS) -Werror -fsyntax-only -x c - 2>$(B)/headers.err; \
		then pass=$$((pass + 1)); \
		else fail=$$((fail + 1)); echo "FAIL $$h"; sed 's/^/    /' $(B)/headers.err | head -5; fi; \
	done; echo "headers: $$pass passed, $$fail failed"; [ $$fail = 0 ]

# the calendars of the ics-* cases read back by python3-icalendar (Debian's,
# which a python3 of its own may not see)
ics-readback: $(B)/refgraph
	@py=python3; $$py -c 'import icalendar' 2>/dev/null || py=/usr/bin/python3; \
	$$py tests/tools/ics_readback.py $(B)/refgraph tests/cases/ics-*

asan:
	$(MAKE) B=build/asan SAN='-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' OPT='-O1 -g' check

ubsan:
	$(MAKE) B=build/ubsan SAN='-fsanitize=undefined -fno-sanitize-recover=all' OPT='-O1 -g' check

tsan:
	TSAN_OPTIONS="suppressions=$(CURDIR)/tests/tsan.supp" \
		$(MAKE) B=build/tsan SAN='-fsanitize=thread' OPT='-O1 -g' golden adversarial

valgrind: $(B)/refgraph
	@VALGRIND=1 sh tests/run-golden.sh $(B)/refgraph

include tests/fuzz/fuzz.mk
include tests/bench/bench.mk

# ---- set-up, CI ----

deps:
	@sh tests/deps.sh

demo: deps
	$(MAKE) refgraph
	./refgraph check examples/notes
	./refgraph report --today 2026-11-22 examples/notes

# ci cleans first, then builds ./refgraph again, so that `make demo` then
# `make ci` (the README's order) leave a working ./refgraph.
ci: deps
	$(MAKE) clean
	$(MAKE) WERROR=-Werror all check
	$(MAKE) valgrind
	$(MAKE) WERROR=-Werror asan
	$(MAKE) WERROR=-Werror tsan
	$(MAKE) WERROR=-Werror fuzz-smoke

format:
	clang-format -i src/*.c include/refgraph/*.h tests/unit/*.c tests/fuzz/*.c

install: refgraph
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 refgraph $(DESTDIR)$(BINDIR)/refgraph
	install -m 644 man/refgraph.1 $(DESTDIR)$(MANDIR)/man1/refgraph.1
	install -m 644 man/refgraph.5 $(DESTDIR)$(MANDIR)/man5/refgraph.5

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/refgraph $(DESTDIR)$(MANDIR)/man1/refgraph.1 \
		$(DESTDIR)$(MANDIR)/man5/refgraph.5

clean:
	rm -rf build refgraph
