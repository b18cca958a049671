#!/bin/sh
# run-unit: run every cmocka unit test binary given, showing its output,
# and end with one summary line counting binaries:
#     unit: N passed, M failed
# The exit status is 0 when every binary passed, 1 when any failed (a
# failed assertion, a crash, or a binary that is missing), 2 on usage.
#   sh tests/run-unit.sh BIN...
set -u
if [ $# -eq 0 ]; then
	echo "usage: sh tests/run-unit.sh BIN..." >&2
	exit 2
fi
pass=0
fail=0
failed=
for t in "$@"; do
	case $t in
	*/*) run=$t ;;
	*) run=./$t ;;
	esac
	echo "== $t"
	if [ ! -f "$run" ] || [ ! -x "$run" ]; then
		echo "FAIL $t (not an executable file)"
		fail=$((fail + 1))
		failed="$failed $t"
		continue
	fi
	"$run" </dev/null
	rc=$?
	if [ $rc -eq 0 ]; then
		pass=$((pass + 1))
	else
		if [ $rc -gt 128 ]; then
			echo "FAIL $t (killed by signal $((rc - 128)))"
		else
			echo "FAIL $t (exit status $rc)"
		fi
		fail=$((fail + 1))
		failed="$failed $t"
	fi
done
[ -n "$failed" ] && echo "failed:$failed"
echo "unit: $pass passed, $fail failed"
[ $fail -eq 0 ]
