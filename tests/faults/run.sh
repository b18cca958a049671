#!/bin/sh
# Injected I/O faults (tests/faults/shim.c through LD_PRELOAD): each gives
# the right diagnostic and exit status, and loses nothing else: the other
# notes are read, every diagnostic is printed once, an old -o report is
# left whole and no temporary file is left behind.
#   sh tests/faults/run.sh BINARY SHIM
#
# KNOWN_FAILING: tests that fail for a defect outside what this suite's
# modules can fix, one per line: the test's name, a tab, the module and
# what it must do.  They are reported as XFAIL and do not fail the suite;
# one that passes is reported as XPASS, to be taken off the list.
KNOWN_FAILING=''
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shim=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
pass=0 fail=0 xfail=0
ulimit -c 0 # the signal tests end the process by SIGXFSZ, which dumps core
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
known() { # known NAME: the owner's note when NAME is known to fail
	printf '%s\n' "$KNOWN_FAILING" | awk -F '\t' -v n="$1" '$1 == n { print $2 }'
}
done_() {
	wellformed
	k=$(known "$name")
	if [ -z "$why" ]; then
		pass=$((pass + 1))
		[ -z "$k" ] || echo "XPASS $name: take it off KNOWN_FAILING"
	elif [ -n "$k" ]; then
		echo "XFAIL $name ($k)"
		xfail=$((xfail + 1))
	else
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

# enough notes for several threads; none can start: one warning, same report
mkdir -p "$tmp/many/people"
i=0
while [ $i -lt 40 ]; do
	printf -- '---\nname: Person %s\nrole: client\nsince: 2026-01-01\n---\n' $i >"$tmp/many/people/p$i.md"
	i=$((i + 1))
done
NO_COLOR=1 "$bin" report --format json $day --jobs 1 "$tmp/many" >"$tmp/many.json" 2>/dev/null
t "threads cannot start" FAULT_THREAD=1 -- report --format json $day --jobs 4 "$tmp/many"
status 0
diag "many:1:1: warning: cannot start a thread (Resource temporarily unavailable); the notes are read on 1$"
cmp -s "$tmp/out" "$tmp/many.json" || need "the report differs from the one read on one thread"
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
diag "^$n:1:1: error: cannot read notes directory: Permission denied"
grep -q 'refgraph.yaml' "$tmp/err" && need "the settings file is blamed, not the folder"
done_

# the same for real: a folder that can be listed but not searched (mode
# 644), as a user other than its owner; root reads anything, so root
# runs it as nobody
name="the notes folder cannot be searched"
why=""
u=$tmp/u
mkdir -p "$u/notes"
cp "$n/people/Ann.md" "$u/notes/"
chmod 755 "$tmp" "$u"
chmod 644 "$u/notes"
as=""
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null 2>&1 && as="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ "$(id -u)" != 0 ] || [ -n "$as" ]; then
	$as "$bin" check "$u/notes" >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ "$st" = 126 ] || [ "$st" = 127 ]; then
		echo "SKIP $name: the binary cannot be run as nobody"
	else
		status 3
		diag "^$u/notes:1:1: error: cannot read notes directory: Permission denied"
		grep -q 'refgraph.yaml' "$tmp/err" && need "the settings file is blamed, not the folder"
		done_
	fi
else
	echo "SKIP $name: root without setpriv"
fi
chmod 755 "$u/notes"
chmod 700 "$tmp"

# ---- a tree changed while it is read ----
# a folder swapped for a link to outside the notes between the walk and
# the read (FAULT_SWAP_NTH=2), or while the walk opens it (1): nothing
# outside is read
for nth in 1 2; do
	rm -rf "$tmp/sw"
	mkdir -p "$tmp/sw/notes/swapped" "$tmp/sw/outside"
	cp "$n/people/Ann.md" "$tmp/sw/notes/"
	printf -- '---\nname: Inside\nrole: client\n---\n' >"$tmp/sw/notes/swapped/x.md"
	printf -- '---\nname: Outside\nrole: client\n---\n' >"$tmp/sw/outside/x.md"
	t "a folder swapped for a link (open $nth)" FAULT_SWAP="$tmp/sw/notes/swapped" \
		FAULT_SWAP_TO="$tmp/sw/outside" FAULT_SWAP_AT=swapped FAULT_SWAP_NTH=$nth -- \
		uncredited --format json $day "$tmp/sw/notes"
	[ -L "$tmp/sw/notes/swapped" ] || need "the shim did not swap the folder"
	unread Outside
	read_ Ann
	status 1
	if [ $nth = 1 ]; then
		diag '^swapped:1:1: error: cannot read directory: Not a directory'
	else
		diag '^swapped/x.md:1:1: error: cannot read: Not a directory'
	fi
	done_
done

# a note swapped for a link (to a note outside) after the walk saw it
rm -rf "$tmp/sw"
mkdir -p "$tmp/sw/notes/swapped" "$tmp/sw/outside"
cp "$n/people/Ann.md" "$tmp/sw/notes/"
printf -- '---\nname: Inside\nrole: client\n---\n' >"$tmp/sw/notes/swapped/x.md"
printf -- '---\nname: Outside\nrole: client\n---\n' >"$tmp/sw/outside/x.md"
t "a note swapped for a link" FAULT_SWAP="$tmp/sw/notes/swapped/x.md" \
	FAULT_SWAP_TO="$tmp/sw/outside/x.md" FAULT_SWAP_AT=x.md -- \
	uncredited --format json $day "$tmp/sw/notes"
[ -L "$tmp/sw/notes/swapped/x.md" ] || need "the shim did not swap the note"
unread Outside
read_ Ann
status 0
diag '^swapped/x.md:1:1: warning: symbolic link not followed; skipped'
done_

# ---- file descriptors and stack ----
# a tree 255 folders deep (the deepest read): the walk holds one folder
# open at a time, and keeps the folders to read in a list, not on the
# stack (the recursive walk needed 48 KiB of stack here)
p=$tmp/deep
i=0
while [ $i -lt 255 ]; do
	p=$p/d
	i=$((i + 1))
done
mkdir -p "$p"
cp "$n/people/Ann.md" "$p/"
name="a deep tree with 16 descriptors"
why=""
(
	ulimit -n 16
	exec "$bin" uncredited --format json $day "$tmp/deep"
) >"$tmp/out" 2>"$tmp/err"
st=$?
status 0
read_ Ann
done_

if grep -q -a -e __asan_init -e __tsan_init "$bin"; then
	echo "SKIP a deep tree with a 40 KiB stack: the sanitizers need more"
else
	name="a deep tree with a 40 KiB stack"
	why=""
	{
		(
			ulimit -s 40
			exec "$bin" uncredited --format json --jobs 1 $day "$tmp/deep"
		) >"$tmp/out" 2>"$tmp/err"
		st=$?
	} 2>/dev/null
	status 0
	read_ Ann
	done_
fi

# too few descriptors to read the notes at all: a resource failure, not
# errors in the notes; no report, and an old -o report kept
echo "old report" >"$tmp/report.json"
name="out of file descriptors"
why=""
(
	ulimit -n 5
	exec "$bin" report --format json $day -o "$tmp/report.json" "$n"
) >"$tmp/out" 2>"$tmp/err"
st=$?
status 3
diag 'Too many open files'
[ "$(cat "$tmp/report.json")" = "old report" ] || need "the old report was not kept"
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
t "-o names a folder" -- report $day --format text -o "$tmp/adir" "$n"
status 3
diag 'adir: cannot write'
[ -d "$tmp/adir" ] || need "the folder was replaced"
notmp "$tmp/adir"
done_

# ---- what -o names when it is not a regular file (write through, as
# tee(1) does; never replaced) ----
echo "old report" >"$tmp/private.json"
chmod 600 "$tmp/private.json"
t "-o keeps the old report's mode" -- report --format json $day -o "$tmp/private.json" "$n"
status 0
cmp -s "$tmp/private.json" "$tmp/good.json" || need "the -o report differs from standard output's"
[ "$(stat -c %a "$tmp/private.json")" = 600 ] || need "mode $(stat -c %a "$tmp/private.json"), not 600"
done_

ln -s private.json "$tmp/link.json"
echo "old report" >"$tmp/private.json"
t "-o at a link to a report" -- report --format json $day -o "$tmp/link.json" "$n"
status 0
[ -L "$tmp/link.json" ] || need "the link was replaced"
cmp -s "$tmp/private.json" "$tmp/good.json" || need "the link's target does not hold the report"
[ "$(stat -c %a "$tmp/private.json")" = 600 ] || need "the target's mode changed"
notmp "$tmp/private.json"
done_

ln -s /dev/stdout "$tmp/stdout-link"
t "-o at a link to /dev/stdout" -- report --format json $day -o "$tmp/stdout-link" "$n"
status 0
[ -L "$tmp/stdout-link" ] || need "the link was replaced"
cmp -s "$tmp/out" "$tmp/good.json" || need "the report did not reach standard output"
done_

# standard output appended to a file: the report is appended too, the
# file neither replaced nor written over from its start
echo "first line" >"$tmp/appended"
name="-o at a link to /dev/stdout, appended to a file"
why=""
"$bin" report --format json $day -o "$tmp/stdout-link" "$n" >>"$tmp/appended" 2>"$tmp/err"
st=$?
status 0
{ echo "first line"; cat "$tmp/good.json"; } | cmp -s - "$tmp/appended" ||
	need "the report was not appended to standard output's file"
done_

ln -s /dev/null "$tmp/null-link"
t "-o at a link to /dev/null" -- report --format json $day -o "$tmp/null-link" "$n"
status 0
[ -L "$tmp/null-link" ] || need "the link was replaced"
[ -c /dev/null ] || need "/dev/null is no longer a device"
done_

if mknod "$tmp/null" c 1 3 2>/dev/null; then
	t "-o at a character device" -- report --format json $day -o "$tmp/null" "$n"
	status 0
	[ -c "$tmp/null" ] || need "the device was replaced by a file"
	notmp "$tmp/null"
	done_
fi

mkfifo "$tmp/fifo"
timeout 10 cat "$tmp/fifo" >"$tmp/from-fifo" &
reader=$!
t "-o at a FIFO" -- report --format json $day -o "$tmp/fifo" "$n"
wait $reader
status 0
[ -p "$tmp/fifo" ] || need "the FIFO was replaced by a file"
cmp -s "$tmp/from-fifo" "$tmp/good.json" || need "the reader of the FIFO did not get the report"
notmp "$tmp/fifo"
done_

# a name as long as a name can be: the temporary name is shortened
long=$(printf '%0250d' 0).json
t "-o at a 255-byte name" -- report --format json $day -o "$tmp/$long" "$n"
status 0
cmp -s "$tmp/$long" "$tmp/good.json" || need "the report was not written"
[ "$(ls -a "$tmp" | grep -c '\.tmp')" = 0 ] || need "a temporary file was left"
done_

# ---- signals while -o writes: the temporary file goes, the old report
# stays, and the status is the signal's (128 + its number) ----
for sig in INT:2 TERM:15 HUP:1 XFSZ:25; do
	echo "old report" >"$tmp/report.json"
	t "SIG${sig%:*} while -o writes" FAULT_SIGNAL=${sig#*:} -- \
		report --format json $day -o "$tmp/report.json" "$n"
	status $((128 + ${sig#*:}))
	# the shell's own line about the signal is not refgraph's
	sed -i '/^\(Interrupt\|Terminated\|Hangup\|File size limit exceeded\)\( (core dumped)\)\?$/d' "$tmp/err"
	[ "$(cat "$tmp/report.json")" = "old report" ] || need "the old report was not kept"
	notmp "$tmp/report.json"
	done_
done

# a real SIGXFSZ: the report is larger than the file size limit (ulimit
# -f counts 512-byte blocks in sh, 1024-byte ones in some shells)
echo "old" >"$tmp/report.json"
name="-o over the file size limit"
why=""
{
	(
		ulimit -f 1
		exec "$bin" report --format json $day -o "$tmp/report.json" \
			"$(dirname "$0")/../../examples/notes"
	) >"$tmp/out" 2>"$tmp/err"
	st=$?
} 2>/dev/null
status 153
[ "$(cat "$tmp/report.json")" = "old" ] || need "the old report was not kept"
notmp "$tmp/report.json"
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

echo "faults: $pass passed, $fail failed, $xfail known failing"
[ $fail = 0 ]
