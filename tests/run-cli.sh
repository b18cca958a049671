#!/bin/sh
# The command line where a golden case cannot look: the files that -o,
# --output-dir and check -o write; a standard error that cannot be
# written; and what only a terminal shows (source lines under diagnostics,
# colour), through script(1).
#   sh tests/run-cli.sh BINARY
set -u
if [ $# -ne 1 ]; then
	echo "usage: sh tests/run-cli.sh BINARY" >&2
	exit 2
fi
case $1 in
/*) bin=$1 ;;
*) bin=$(pwd)/$1 ;;
esac
top=$(cd "$(dirname "$0")/.." && pwd)
# the demo notes: what is checked here is where output goes, not what the
# notes say, so status 1 (errors in the notes) is as good as 0
notes=$top/examples/notes
errs=$top/tests/cases/diag-refs/notes # one error, two warnings
day=2026-11-22
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
export TZ=UTC
unset NO_COLOR
pass=0 fail=0
# t NAME CONDITION...: one check, passed when the condition holds
t() {
	name=$1
	shift
	if "$@"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name"
		sed 's/^/    stderr: /' "$tmp/err" | head -5
	fi
}
run() { "$bin" "$@" >"$tmp/out" 2>"$tmp/err"; st=$?; }
# on a terminal: standard output and error both a pseudo-terminal
tty_run() {
	TERM=${TTY_TERM:-xterm} script -qec "$*" /dev/null </dev/null |
		tr -d '\r' >"$tmp/out"
	: >"$tmp/err"
}
first() { head -1 "$1"; }

# ---- check -o: the summary goes to the file, not to standard output ----
run check -o "$tmp/check.txt" "$notes"
t "check -o writes the summary to the file" \
	sh -c '[ '$st' -le 1 ] && [ ! -s "$1" ] && grep -q "files read (" "$2"' \
	- "$tmp/out" "$tmp/check.txt"
run check --format json -o "$tmp/check.json" "$errs"
t "check --format json -o: one object, the diagnostics in it, status 1" \
	sh -c '[ '$st' = 1 ] && [ ! -s "$1" ] && [ ! -s "$3" ] &&
		grep -q "\"errors\": 1," "$2" && grep -q "\"level\": \"error\"" "$2"' \
	- "$tmp/out" "$tmp/check.json" "$tmp/err"

# ---- -o: the format from the extension ----
for pair in txt:Follow-ups json:'{' md:'#' html:'<!DOCTYPE' htm:'<!DOCTYPE' \
	dot:digraph gv:digraph ics:BEGIN:VCALENDAR; do
	ext=${pair%%:*} want=${pair#*:}
	run report --today $day -o "$tmp/r.$ext" "$notes"
	t "-o r.$ext is $want..." \
		sh -c '[ '$st' -le 1 ] && grep -q -F -e "$2" "$1"' - "$tmp/r.$ext" "$want"
done
run sources --today $day -o "$tmp/s.csv" "$notes"
t "-o s.csv is csv" sh -c '[ "$(head -1 "$1")" = "contact,referrals,introductions,leads,open,won,lost,conversion,won_value,downstream_value,thanked_share" ]' - "$tmp/s.csv"
run report --today $day -o "$tmp/r.pdf" "$notes"
t "-o r.pdf is a usage error and writes nothing" \
	sh -c '[ '$st' = 2 ] && [ ! -e "$1" ]' - "$tmp/r.pdf"

# ---- --output-dir ----
run report --today $day --output-dir "$tmp/all" "$notes"
t "--output-dir writes nine files, nothing else" \
	sh -c '[ '$st' -le 1 ] && [ "$(ls "$1" | tr "\n" " ")" = "asks.csv followups.csv reciprocity.csv report.html report.json report.md sources.csv summary.csv uncredited.csv " ]' \
	- "$tmp/all"
t "--output-dir: report.json is the json report" \
	sh -c '"$1" report --today '$day' --format json "$2" 2>/dev/null | cmp -s - "$3"' \
	- "$bin" "$notes" "$tmp/all/report.json"
t "--output-dir: followups.csv holds the followups table alone" \
	sh -c 'head -1 "$1" | grep -q "^reason,contact," && ! grep -q "^\$" "$1" &&
		! grep -q "^contact,referrals" "$1"' - "$tmp/all/followups.csv"
t "--output-dir: sources.csv is what sources --format csv prints" \
	sh -c '"$1" sources --today '$day' --format csv "$2" 2>/dev/null | cmp -s - "$3"' \
	- "$bin" "$notes" "$tmp/all/sources.csv"
run report --today $day --output-dir "$tmp/none/all" "$notes"
t "--output-dir under a missing folder: status 3, says why" \
	sh -c '[ '$st' = 3 ] && grep -q "none/all: cannot create: No such file" "$1"' - "$tmp/err"
run report --strict --output-dir "$tmp/strict" "$errs"
t "--output-dir with --strict and errors: status 1, nothing written" \
	sh -c '[ '$st' = 1 ] && [ -z "$(ls -A "$1" 2>/dev/null)" ]' - "$tmp/strict"

# ---- standard error that fails: status 3 whatever the notes ----
"$bin" check "$errs" >/dev/null 2>/dev/full
st=$?
: >"$tmp/err"
t "standard error fails: status 3, not 1" [ $st = 3 ]
"$bin" check --quiet "$top/tests/cases/cli-diag-control/notes" >/dev/null 2>/dev/full
st=$?
t "--quiet with only warnings writes nothing to standard error: status 0" [ $st = 0 ]

# ---- a terminal: source lines and carets; colour ----
if command -v script >/dev/null 2>&1; then
	tty_run "'$bin' check '$errs'"
	t "on a terminal: the source line and a caret under the column" \
		sh -c 'grep -q "^m.md:4:14: error: .Sam Park. is ambiguous" "$1" &&
			grep -q "^ 4 | referral:: \\[\\[Sam Park\\]\\] -> \\[\\[Olu Ade\\]\\]\$" "$1" &&
			grep -q "^   |              ^\$" "$1"' - "$tmp/out"
	run check "$errs"
	t "redirected: no source lines" sh -c '! grep -q " | " "$1"' - "$tmp/err"
	tty_run "'$bin' sources --today $day '$notes'"
	t "on a terminal: colour" grep -q "$(printf '\033')\\[" "$tmp/out"
	TTY_TERM=dumb tty_run "'$bin' sources --today $day '$notes'"
	t "TERM=dumb: no colour" sh -c '! grep -q "$(printf "\033")" "$1"' - "$tmp/out"
	tty_run "NO_COLOR=1 '$bin' sources --today $day '$notes'"
	t "NO_COLOR: no colour" sh -c '! grep -q "$(printf "\033")" "$1"' - "$tmp/out"
	tty_run "'$bin' sources --color never --today $day '$notes'"
	t "--color never: no colour" sh -c '! grep -q "$(printf "\033")" "$1"' - "$tmp/out"
else
	echo "FAIL script(1) not found: the terminal checks cannot run"
	fail=$((fail + 1))
fi
run sources --color always --today $day "$notes"
t "--color always, redirected: colour" grep -q "$(printf '\033')\\[" "$tmp/out"
NO_COLOR=1 TERM=dumb "$bin" sources --color=always --today $day "$notes" >"$tmp/out" 2>"$tmp/err"
t "--color always wins over NO_COLOR and TERM=dumb" grep -q "$(printf '\033')\\[" "$tmp/out"
run sources --color always --format json --today $day "$notes"
t "--color always: json has no colour" sh -c '! grep -q "$(printf "\033")" "$1"' - "$tmp/out"

# ---- libraries loaded on first use (src/dynlib.c) ----
# A folder that holds, under each soname the binary loads, a file that is
# no library: the loader looks there first (LD_LIBRARY_PATH), and fails.
mkdir "$tmp/nolib"
for so in $(grep -ao 'lib\(gvc\|ical\|git2\)\.so\.[0-9.]*' "$bin" | sort -u); do
	echo "not a library" >"$tmp/nolib/$so"
done
t "the binary names the three sonames it loads" \
	[ "$(ls "$tmp/nolib" | wc -l)" -eq 3 ]
nolib() { LD_LIBRARY_PATH=$tmp/nolib "$bin" "$@" >"$tmp/out" 2>"$tmp/err"; st=$?; }
nolib report --format json --today $day "$notes"
t "none of them is loaded by a run that does not need it" \
	sh -c '[ '$st' -le 1 ] && grep -q "\"today\": \"$2\"" "$1"' \
	- "$tmp/out" $day
nolib report --format ics --today $day "$notes"
t "--format ics without libical: status 3, says which library, no output" \
	sh -c '[ '$st' = 3 ] && [ ! -s "$1" ] &&
		grep -q "^refgraph: --format ics needs the library libical\.so\.[0-9]*, which cannot be loaded (" "$2"' \
	- "$tmp/out" "$tmp/err"
nolib report --rev HEAD --today $day "$top"
t "--rev without libgit2: status 3, says which library" \
	sh -c '[ '$st' = 3 ] &&
		grep -q "^refgraph: reading a git revision (--rev, --previous-rev) needs the library libgit2\.so\.[0-9.]*, which cannot be loaded (" "$1"' \
	- "$tmp/err"
nolib report --format html --today $day "$notes"
t "html without Graphviz's library: the page says so, no picture" \
	sh -c '[ '$st' -le 1 ] && ! grep -q "<svg" "$1" &&
		grep -q "id=\"nopicture\">Graphviz.s library, which draws the network, cannot be loaded" "$1"' \
	- "$tmp/out"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
