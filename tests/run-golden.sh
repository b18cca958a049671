#!/bin/sh
# Golden cases: each tests/cases/NAME/ holds a notes folder, `cmd` (the
# arguments, run from inside the case folder), and the expected standard
# output, diagnostics and exit status.  Every one is compared exactly.
#   sh tests/run-golden.sh BINARY [CASE...]
# With UPDATE=1 the expected files are rewritten from the actual output
# (review the diff before committing it).  With VALGRIND=1 each run goes
# through valgrind and a leak or error fails the case.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
top=$(cd "$(dirname "$0")/.." && pwd)
cases=${*:-$(ls -d "$top"/tests/cases/*/ | sed 's:/$::')}
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for c in $cases; do
	case $c in /*) ;; *) c=$top/tests/cases/$c ;; esac
	name=$(basename "$c")
	[ -f "$c/cmd" ] || continue
	args=$(cat "$c/cmd")
	run=$bin
	if [ "${VALGRIND:-}" = 1 ]; then
		run="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect $bin"
	fi
	# shellcheck disable=SC2086
	(cd "$c" && NO_COLOR=1 TZ=UTC eval "$run $args" >"$tmp/out" 2>"$tmp/err")
	echo $? >"$tmp/status"
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$tmp/out" "$c/expected.out"
		cp "$tmp/err" "$c/expected.err"
		cp "$tmp/status" "$c/expected.status"
	fi
	ok=1
	for k in out err status; do
		if [ ! -f "$c/expected.$k" ]; then
			echo "FAIL $name: expected.$k is missing"
			ok=0
		elif ! diff -u "$c/expected.$k" "$tmp/$k" >"$tmp/diff"; then
			echo "FAIL $name: $k differs"
			sed 's/^/    /' "$tmp/diff" | head -40
			ok=0
		fi
	done
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "golden: $pass passed, $fail failed"
[ $fail = 0 ]
