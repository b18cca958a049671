#!/bin/sh
# The EXAMPLES of refgraph(1) run as tests, so they cannot rot: every
# `.Dl refgraph ...` line there runs from examples/ (where `notes` is the
# demo vault) with the binary under test, and must exit 0.
#   sh tests/run-man-examples.sh BINARY
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' "$top/man/refgraph.1" |
	sed -n 's/^\.Dl refgraph //p' >"$tmp/cmds"
[ -s "$tmp/cmds" ] || { echo "man-examples: no examples found; 0 passed, 1 failed"; exit 1; }
while IFS= read -r args; do
	# shellcheck disable=SC2086
	(cd "$top/examples" && NO_COLOR=1 eval "\"$bin\" $args" >"$tmp/out" 2>"$tmp/err")
	st=$?
	if [ "$st" = 0 ] && [ -s "$tmp/out" ]; then
		pass=$((pass + 1))
	else
		echo "FAIL refgraph $args: exit $st"
		sed 's/^/    /' "$tmp/err" | head -5
		fail=$((fail + 1))
	fi
done <"$tmp/cmds"
echo "man-examples: $pass passed, $fail failed"
[ $fail = 0 ]
