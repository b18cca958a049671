#!/bin/sh
# Injected I/O faults (tests/faults/shim.c through LD_PRELOAD): each gives
# the right diagnostic and exit status, and loses nothing else: the other
# notes are read, every diagnostic is printed once, an old -o report is
# left whole and no temporary file is left behind.
#   sh tests/faults/run.sh BINARY SHIM
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shim=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
pass=0 fail=0
# ASan must otherwise come first among preloaded libraries; a sanitizer
# report must not pass for an expected exit status
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0:exitcode=86"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=86"
export NO_COLOR=1 TZ=UTC
day=--today=2026-11-22

n=$tmp/notes
mkdir -p "$n/people"
printf -- '---\nname: Ann\nrole: client\nsince: 2026-01-01\n---\n' >"$n/people/Ann.md"
printf -- '---\nname: Bob\nrole: client\nsince: 2026-02-01\n---\n' >"$n/people/Bob.md"
printf -- '---\nname: Cid\nrole: client\nsince: 2026-03-01\nlast_contact: nope\n---\n' >"$n/people/Cid.md"
# the report and diagnostics with no fault, to compare with
"$bin" report --format json $day "$n" >"$tmp/good.json" 2>"$tmp/good.err"
[ $? = 0 ] || { echo "faults: the notes without faults do not give exit 0"; exit 1; }

# t NAME ENV... -- ARGS...: run refgraph with the shim and the fault
# variables given, stdout to out, stderr to err; sets st
t() {
	name=$1
	shift
	vars=""
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		vars="$vars $1"
		shift
	done
	shift
	# shellcheck disable=SC2086
	env LD_PRELOAD="$shim" $vars timeout -k 5 60 "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	st=$?
	why=""
}
need() { # need CONDITION-DESCRIPTION: mark the current test failed
	why="$why; $1"
}
status() { [ "$st" = "$1" ] || need "exit $st (want $1)"; }
diag() { grep -q -- "$1" "$tmp/err" || need "no diagnostic /$1/"; }
read_() { grep -q "\"contact\": \"$1\"" "$tmp/out" || need "$1 was not read"; }
unread() { grep -q "\"contact\": \"$1\"" "$tmp/out" && need "$1 was read (partly?)"; }
once() { # each diagnostic line of the run without faults is printed once
	while IFS= read -r l; do
		c=$(grep -c -F -x -- "$l" "$tmp/err")
		[ "$c" = 1 ] || need "printed $c times: $l"
	done <"$tmp/good.err"
}
wellformed() {
	bad=$(grep -c -v -E '^(.+:[0-9]+:[0-9]+: (error|warning): .|refgraph: .)' "$tmp/err")
	[ "$bad" = 0 ] || need "$bad stderr lines are not diagnostics"
}
notmp() { # no temporary file left beside the report
	left=$(ls -a "$(dirname "$1")" | grep -c "^$(basename "$1")\.tmp")
	[ "$left" = 0 ] || need "$left temporary files left beside $(basename "$1")"
}
done_() {
	wellformed
	if [ -z "$why" ]; then pass=$((pass + 1)); else
		echo "FAIL $name$why"
		sed 's/^/    /' "$tmp/err" | head -5
		fail=$((fail + 1))
	fi
}

# ---- reading the notes ----
t "open fails" FAULT_OPEN=Bob.md -- uncredited --format json $day "$n"
status 1
diag '^people/Bob.md:1:1: error: cannot read: Permission denied; skipped'
read_ Ann
read_ Cid
unread Bob
done_

t "read fails" FAULT_READ=Ann.md -- uncredited --format json $day "$n"
status 1
diag '^people/Ann.md:1:1: error: cannot read: Input/output error; skipped'
read_ Bob
unread Ann
done_

t "read fails midway" FAULT_READ=Ann.md FAULT_READ_AFTER=20 FAULT_SHORT=1 -- \
	uncredited --format json $day "$n"
status 1
diag '^people/Ann.md:1:1: error: cannot read: Input/output error; skipped'
read_ Bob
unread Ann
done_

t "short reads" FAULT_SHORT=1 -- report --format json $day "$n"
status 0
cmp -s "$tmp/out" "$tmp/good.json" || need "the report differs from the one without faults"
cmp -s "$tmp/err" "$tmp/good.err" || need "the diagnostics differ from the ones without faults"
done_

t "interrupted reads and writes" FAULT_EINTR=1 -- report --format json $day -o "$tmp/eintr.json" "$n"
status 0
cmp -s "$tmp/eintr.json" "$tmp/good.json" || need "the -o report differs from the one without faults"
done_

t "stat fails" FAULT_STAT=Bob.md -- uncredited --format json $day "$n"
status 1
diag '^people/Bob.md:1:1: error: cannot stat: Input/output error; skipped'
read_ Ann
unread Bob
done_

mkdir -p "$tmp/many/people"
i=0
while [ $i -lt 20 ]; do
	printf -- '---\nname: P%02d\nrole: client\nsince: 2026-01-01\n---\n' $i >"$tmp/many/people/p$i.md"
	i=$((i + 1))
done
t "listing a folder fails" FAULT_READDIR=5 -- uncredited --format json $day "$tmp/many"
status 1
diag '^people:1:1: error: cannot read directory: Input/output error'
done_

t "the notes folder cannot be opened" FAULT_OPEN="$n" -- report $day "$n"
status 3
diag 'cannot read notes directory: Permission denied'
done_

# ---- writing the report with -o ----
for f in FAULT_WRITE=.tmp FAULT_RENAME=1 FAULT_FSYNC=1 FAULT_CLOSE=.tmp FAULT_MKSTEMP=1; do
	echo "old report" >"$tmp/report.json"
	t "-o with $f" "$f" -- report --format json $day -o "$tmp/report.json" "$n"
	status 3
	[ "$(cat "$tmp/report.json")" = "old report" ] || need "the old report was not kept"
	diag 'report.json: cannot write'
	notmp "$tmp/report.json"
	once
	[ -s "$tmp/out" ] && need "the report went to standard output instead"
	done_
done

echo "old report" >"$tmp/report.json"
t "-o with short writes" FAULT_SHORTWRITE=1 -- report --format json $day -o "$tmp/report.json" "$n"
status 0
cmp -s "$tmp/report.json" "$tmp/good.json" || need "the -o report differs from the one without faults"
notmp "$tmp/report.json"
done_

echo "old report" >"$tmp/report.json"
t "-o replaces the old report" -- report --format json $day -o "$tmp/report.json" "$n"
status 0
cmp -s "$tmp/report.json" "$tmp/good.json" || need "the -o report differs from standard output's"
[ -s "$tmp/out" ] && need "the report went to standard output too"
mode=$(stat -c %a "$tmp/report.json")
[ "$mode" = "$(printf '%o' $((0666 & ~$(umask))))" ] || need "mode $mode ignores the umask $(umask)"
notmp "$tmp/report.json"
done_

t "-o into a folder that does not exist" -- report $day -o "$tmp/nowhere/r.txt" "$n"
status 3
diag 'r.txt: cannot write'
once
done_

mkdir -p "$tmp/adir"
t "-o names a folder" -- report $day -o "$tmp/adir" "$n"
status 3
diag 'adir: cannot write'
[ -d "$tmp/adir" ] || need "the folder was replaced"
notmp "$tmp/adir"
done_

# a failed -o with errors in the notes: each diagnostic once, and status 3
mkdir -p "$tmp/n3"
printf 'name: [x\n' >"$tmp/n3/bad.yaml"
t "-o fails and the notes have errors" -- report $day -o "$tmp/nowhere/r.txt" "$tmp/n3"
status 3
[ "$(grep -c '^bad.yaml:1:' "$tmp/err")" = 1 ] || need "the notes' error is not printed once"
diag 'cannot write'
done_

# ---- standard output and standard error ----
name="closed standard output"
"$bin" report $day "$n" 2>"$tmp/err" >&-
st=$?
why=""
status 3
diag 'cannot write the report'
once
done_

name="closed standard output (check)"
"$bin" check "$n" 2>"$tmp/err" >&-
st=$?
why=""
status 3
diag 'cannot write'
done_

if [ -w /dev/full ]; then
	name="full standard output"
	"$bin" report $day "$n" 2>"$tmp/err" >/dev/full
	st=$?
	why=""
	status 3
	diag 'cannot write the report: No space left on device'
	done_

	# diagnostics that cannot be written are an I/O failure, whether the
	# notes have errors or only warnings: status 3 both times
	name="full standard error, notes with warnings"
	"$bin" check "$n" >"$tmp/out" 2>/dev/full
	st=$?
	: >"$tmp/err"
	why=""
	status 3
	done_
	name="full standard error, notes with errors"
	"$bin" check "$tmp/n3" >"$tmp/out" 2>/dev/full
	st=$?
	: >"$tmp/err"
	why=""
	status 3
	done_
fi

# ---- the settings file ----
mkdir -p "$tmp/n2/.refgraph.yaml"
cp "$n/people/Ann.md" "$tmp/n2/"
t "settings file unreadable (a folder)" -- check "$tmp/n2"
status 3
diag '^.refgraph.yaml:1:1: error: cannot read: Is a directory'
done_

t "settings file given does not exist" -- check --config "$tmp/none.yaml" "$n"
status 3
diag 'none.yaml:1:1: error: cannot read: No such file or directory'
done_

echo "faults: $pass passed, $fail failed"
[ $fail = 0 ]
