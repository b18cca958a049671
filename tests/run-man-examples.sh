#!/bin/sh
# The EXAMPLES of refgraph(1) run as tests, so that they cannot rot.
#   sh tests/run-man-examples.sh BINARY
#
# In the EXAMPLES section of man/refgraph.1:
#   .Dl refgraph ARGS      is an example command;
#   .Bd -literal ... .Ed   right after it is its exact standard output
#                          (the mdoc escapes \e \& \- \(xx are undone).
# Each command runs from examples/, where `notes` is the demo vault, with
# BINARY in place of `refgraph`, NO_COLOR=1, TZ=UTC, TMPDIR set to a fresh
# temporary directory (an example writes files under ${TMPDIR:-/tmp}, never
# inside examples/), and `--today 2026-11-22` put first when it gives no
# --today.  A command fails when it exits with a status other than 0 or 1,
# when its output differs from the one shown, or when it changed anything
# under examples/.
set -u
if [ $# -ne 1 ]; then
	echo "usage: sh tests/run-man-examples.sh BINARY" >&2
	exit 2
fi
case $1 in
/*) bin=$1 ;;
*) bin=$(pwd)/$1 ;;
esac
top=$(cd "$(dirname "$0")/.." && pwd)
man=$top/man/refgraph.1
day=2026-11-22
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir "$tmp/ex"

# Split the examples: N.cmd (the arguments), N.exp (the output shown, if
# any), N.bad (an escape this script cannot undo).
LC_ALL=C awk -v dir="$tmp/ex" '
function unesc(s, n,    out, i, c) {
	out = ""
	i = 1
	while (i <= length(s)) {
		c = substr(s, i, 1)
		if (c != "\\") {
			out = out c
			i++
			continue
		}
		c = substr(s, i + 1, 1)
		if (c == "e") {
			out = out "\\"
			i += 2
		} else if (c == "&") {
			i += 2
		} else if (c == "-") {
			out = out "-"
			i += 2
		} else if (c == "(" && (substr(s, i + 2, 2) in chr)) {
			out = out chr[substr(s, i + 2, 2)]
			i += 4
		} else {
			printf "unsupported escape in: %s\n", s > (dir "/" n ".bad")
			out = out "\\" c
			i += 2
		}
	}
	return out
}
BEGIN {
	chr[":a"] = "ä"; chr[":e"] = "ë"; chr[":o"] = "ö"; chr[":u"] = "ü"
	chr["ss"] = "ß"; chr[sprintf("%c", 39) "e"] = "é"; chr["->"] = "→"
	chr["dq"] = "\""
}
/^\.Sh / { inex = ($2 == "EXAMPLES"); state = ""; next }
!inex { next }
state == "lit" {
	if ($0 ~ /^\.Ed/) { state = ""; next }
	print unesc($0, n) > (dir "/" n ".exp")
	next
}
state == "cmd" {
	state = ""
	if ($0 ~ /^\.Bd -literal/) {
		state = "lit"
		printf "" > (dir "/" n ".exp")
		next
	}
}
/^\.Dl refgraph( |$)/ {
	n++
	print unesc(substr($0, 14), n) > (dir "/" n ".cmd")
	state = "cmd"
}
' "$man"

# What is under examples/, to see that no example writes there.
snapshot() {
	(cd "$top/examples" && find . -print | sort && find . -type f -exec cksum {} + | sort)
}

pass=0 fail=0
i=1
while [ -f "$tmp/ex/$i.cmd" ]; do
	args=$(cat "$tmp/ex/$i.cmd")
	case " $args " in
	*" --today "* | *" --today="*) ;;
	*) args="--today $day $args" ;;
	esac
	work=$tmp/work$i
	mkdir "$work"
	snapshot >"$tmp/before"
	touch "$tmp/stamp"
	(
		cd "$top/examples" || exit 99
		NO_COLOR=1 TZ=UTC TMPDIR=$work
		export NO_COLOR TZ TMPDIR
		# split ARGS as the shell would, ${TMPDIR:-/tmp} expanded
		eval "set -- $args"
		"$bin" "$@"
	) >"$tmp/out" 2>"$tmp/err"
	st=$?
	snapshot >"$tmp/after"
	why=""
	if [ -f "$tmp/ex/$i.bad" ]; then
		why="$(cat "$tmp/ex/$i.bad")"
	fi
	case $st in
	0 | 1) ;;
	*) why="${why:+$why; }exit status $st" ;;
	esac
	if [ -f "$tmp/ex/$i.exp" ] && ! diff -u "$tmp/ex/$i.exp" "$tmp/out" >"$tmp/diff"; then
		why="${why:+$why; }output differs from the man page"
	fi
	if ! cmp -s "$tmp/before" "$tmp/after" ||
		[ -n "$(find "$top/examples" -newer "$tmp/stamp" -print | head -1)" ]; then
		why="${why:+$why; }it changed files under examples/"
	fi
	if [ -z "$why" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL refgraph $args: $why"
		case $why in
		*differs*) sed 's/^/    /' "$tmp/diff" | head -40 ;;
		esac
		sed 's/^/    stderr: /' "$tmp/err" | head -5
	fi
	i=$((i + 1))
done
if [ $((pass + fail)) -eq 0 ]; then
	echo "FAIL no '.Dl refgraph' example found in $man"
	fail=1
fi
echo "man-examples: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
