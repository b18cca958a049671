#!/bin/sh
# Install what refgraph needs to build and test, when it is missing.
# Debian packages through apt-get, with sudo when not root.
set -eu
need=""
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
command -v cc >/dev/null 2>&1 || need="$need gcc"
command -v make >/dev/null 2>&1 || need="$need make"
have_pc yaml-0.1 || need="$need libyaml-dev"
have_pc md4c || need="$need libmd4c-dev"
have_pc libpcre2-8 || need="$need libpcre2-dev"
have_pc libutf8proc || need="$need libutf8proc-dev"
have_pc cmocka || need="$need libcmocka-dev"
have_pc libical || need="$need libical-dev"
have_pc jansson || need="$need libjansson-dev"
have_pc libgit2 || need="$need libgit2-dev"
have_pc libgvc || need="$need libgraphviz-dev"
# tests: libFuzzer and the sanitizers' runtime, valgrind, mandoc (lint)
command -v clang >/dev/null 2>&1 || need="$need clang"
[ -e /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a ] ||
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 ||
	need="$need libclang-rt-dev"
command -v valgrind >/dev/null 2>&1 || need="$need valgrind"
command -v git >/dev/null 2>&1 || need="$need git"
command -v mandoc >/dev/null 2>&1 || need="$need mandoc"
command -v python3 >/dev/null 2>&1 || need="$need python3"
# script(1) gives tests/run-cli.sh a terminal
command -v script >/dev/null 2>&1 || need="$need bsdutils"
# tests: a second calendar parser reads the ics output back
{ python3 -c "import icalendar" || /usr/bin/python3 -c "import icalendar"; } 2>/dev/null ||
	need="$need python3-icalendar"
command -v chromium >/dev/null 2>&1 || need="$need chromium"
[ -z "$need" ] && exit 0
echo "deps: installing$need"
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $need
