#!/bin/sh
# Injected I/O faults (tests/faults/shim.c through LD_PRELOAD): each gives
# the right diagnostic and exit status, and loses nothing else.
#   sh tests/faults/run.sh BINARY SHIM
set -u
bin=$1 shim=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $1"; sed 's/^/    /' "$tmp/err" 2>/dev/null | head -5; fail=$((fail + 1)); }
# ASan must otherwise come first among preloaded libraries
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export NO_COLOR=1
n=$tmp/notes
mkdir -p "$n/people"
printf -- '---\nname: Ann\nrole: client\nsince: 2026-01-01\n---\n' >"$n/people/Ann.md"
printf -- '---\nname: Bob\nrole: client\nsince: 2026-02-01\n---\n' >"$n/people/Bob.md"
run() { LD_PRELOAD=$shim "$@" >"$tmp/out" 2>"$tmp/err"; echo $?; }
day=--today=2026-11-22

# 1 a file that cannot be opened: an error naming it, the rest still read
st=$(FAULT_OPEN=Bob.md run "$bin" uncredited --format json $day "$n")
if [ "$st" = 1 ] && grep -q '^people/Bob.md:1:1: error: cannot read' "$tmp/err" &&
	grep -q '"contact": "Ann"' "$tmp/out"; then ok; else bad "open failure"; fi
# 2 a failing read: the same
st=$(FAULT_READ=Ann.md run "$bin" uncredited --format json $day "$n")
if [ "$st" = 1 ] && grep -q '^people/Ann.md:1:1: error: cannot read: Input/output error' "$tmp/err" &&
	grep -q '"contact": "Bob"' "$tmp/out"; then ok; else bad "read failure"; fi
# 3 short reads: nothing lost
st=$(FAULT_SHORT=1 run "$bin" uncredited --format json $day "$n")
if [ "$st" = 0 ] && grep -q '"contact": "Ann"' "$tmp/out" &&
	grep -q '"contact": "Bob"' "$tmp/out"; then ok; else bad "short reads"; fi
# 4-6 -o: a failing write, rename or fsync leaves the old report, status 3
for f in FAULT_WRITE=.tmp FAULT_RENAME=1 FAULT_FSYNC=1; do
	echo "old report" >"$tmp/report.json"
	st=$(env "$f" LD_PRELOAD="$shim" "$bin" report --format json $day -o "$tmp/report.json" "$n" >"$tmp/out" 2>"$tmp/err"; echo $?)
	if [ "$st" = 3 ] && [ "$(cat "$tmp/report.json")" = "old report" ] &&
		grep -q 'report.json: cannot write' "$tmp/err" &&
		[ -z "$(ls "$tmp" | grep 'report.json.tmp')" ]; then ok; else bad "-o with $f"; fi
done
# 7 -o that works replaces the file
echo "old report" >"$tmp/report.json"
st=$("$bin" report --format json $day -o "$tmp/report.json" "$n" 2>"$tmp/err"; echo $?)
if [ "$st" = 0 ] && grep -q '"today": "2026-11-22"' "$tmp/report.json"; then ok; else bad "-o replaces"; fi
# 8 -o into a folder that does not exist
st=$("$bin" report $day -o "$tmp/nowhere/r.txt" "$n" 2>"$tmp/err"; echo $?)
if [ "$st" = 3 ] && grep -q 'cannot write' "$tmp/err"; then ok; else bad "-o missing folder"; fi
# 8b a failed -o prints each diagnostic once, and says the write failed
mkdir -p "$tmp/n3"
printf 'name: [x\n' >"$tmp/n3/bad.yaml"
st=$("$bin" report $day -o "$tmp/nowhere/r.txt" "$tmp/n3" 2>"$tmp/err"; echo $?)
if [ "$st" = 3 ] && [ "$(grep -c '^bad.yaml:1:' "$tmp/err")" = 1 ] &&
	grep -q 'cannot write' "$tmp/err"; then ok; else bad "-o failure with notes errors ($st)"; fi
# 9 a closed standard output
st=$("$bin" report $day "$n" 2>"$tmp/err" >&-; echo $?)
if [ "$st" = 3 ] && grep -q 'cannot write the report' "$tmp/err"; then ok; else bad "closed stdout"; fi
# 10 a full standard output
if [ -w /dev/full ]; then
	st=$("$bin" report $day "$n" 2>"$tmp/err" >/dev/full; echo $?)
	if [ "$st" = 3 ]; then ok; else bad "stdout full"; fi
fi
# 11 a settings file that cannot be read (a directory by that name)
mkdir -p "$tmp/n2/.refgraph.yaml"
st=$("$bin" check "$tmp/n2" >"$tmp/out" 2>"$tmp/err"; echo $?)
if [ "$st" = 3 ] && grep -q '^.refgraph.yaml:1:1: error: cannot read: Is a directory' "$tmp/err"; then
	ok; else bad "settings unreadable ($st)"; fi
echo "faults: $pass passed, $fail failed"
[ $fail = 0 ]
