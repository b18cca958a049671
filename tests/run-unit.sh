#!/bin/sh
# Run every cmocka unit test binary given; one summary line at the end.
#   sh tests/run-unit.sh BIN...
set -u
pass=0 fail=0
for t in "$@"; do
	if "$t"; then pass=$((pass + 1)); else
		echo "FAIL $t"
		fail=$((fail + 1))
	fi
done
echo "unit: $pass passed, $fail failed"
[ $fail = 0 ]
