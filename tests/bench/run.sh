#!/bin/sh
# Time refgraph on a notes folder: parsing on one thread against two, and
# each report against the bare check, in one hyperfine run.
#   sh tests/bench/run.sh BINARY NOTES
set -eu
bin=$1 notes=$2
command -v hyperfine >/dev/null 2>&1 || { echo "bench: hyperfine is not installed (apt-get install hyperfine)"; exit 1; }
day=--today=2026-11-22
hyperfine -N --warmup 1 --runs "${BENCH_RUNS:-5}" \
	--export-markdown build/bench/last.md \
	"$bin check --jobs 1 $notes" \
	"$bin check --jobs 2 $notes" \
	"$bin report --format json $day --jobs 2 $notes" \
	"$bin report --format text $day --jobs 2 $notes" \
	2>/dev/null || true
echo "bench: results in build/bench/last.md"
