#!/bin/sh
# Time refgraph against the floor (tests/bench/floor.c) on one or more notes
# folders, and write one Markdown table of the results (see bench.mk).
#   sh tests/bench/run.sh FLOOR REFGRAPH OUT.md NOTES...
# Each folder gets one hyperfine run, in which the commands take turns: a
# warm-up round of every command first, then BENCH_RUNS (default 5) timed
# rounds, so a burst of load from elsewhere hits all of them alike.  Then one
# more run of each under /usr/bin/time -v for its peak memory.  Needs
# hyperfine and /usr/bin/time (make bench checks for them).
set -eu
floor=$1 bin=$2 out=$3
shift 3
runs=${BENCH_RUNS:-5}
day=--today=2026-11-22

case $runs in
'' | *[!0-9]* | 0) echo "bench: BENCH_RUNS must be a whole number >= 1" >&2; exit 1 ;;
esac

# The commands, as label|arguments; the floor is first and is the yardstick.
cmds() {
	printf '%s\n' \
		"floor|$floor $1" \
		"report --format json|$bin report --format json $day $1" \
		"check --jobs 1|$bin check --jobs 1 $1" \
		"report|$bin report $day $1"
}

dirs=
# (the list is expanded once: reusing "$@" for hyperfine below is safe)
for notes in "$@"; do
	size=${notes##*-}
	res=build/bench/run-$size
	rm -rf "$res"
	mkdir -p "$res"
	dirs="$dirs $res"
	echo "$notes" >"$res/notes"
	# what the floor must find: every note not under a hidden name
	find "$notes" -name '.*' -prune -o -type f \
		\( -name '*.md' -o -name '*.markdown' -o -name '*.yaml' \
		-o -name '*.yml' \) -print | wc -l >"$res/expected-files"
	cmds "$notes" >"$res/commands"

	echo "bench: $size contacts: peak memory, one run each" >&2
	i=0
	while IFS='|' read -r label cmd; do
		# shellcheck disable=SC2086 # cmd is split into words on purpose
		if ! /usr/bin/time -v -o "$res/mem-$i" $cmd >"$res/out-$i" \
			2>"$res/err-$i"; then
			echo "bench: '$cmd' failed:" >&2
			tail -n 5 "$res/err-$i" >&2
			exit 1
		fi
		i=$((i + 1))
	done <"$res/commands"

	echo "bench: $size contacts: $runs alternating rounds" >&2
	set --
	round=0
	while [ "$round" -le "$runs" ]; do
		name=
		[ "$round" -eq 0 ] && name="warm-up "
		while IFS='|' read -r label cmd; do
			set -- "$@" -n "$name$label" "$cmd"
		done <"$res/commands"
		round=$((round + 1))
	done
	if ! hyperfine -N --runs 1 --style basic --export-json "$res/times.json" \
		"$@" >"$res/hyperfine.log" 2>&1; then
		echo "bench: hyperfine failed:" >&2
		tail -n 5 "$res/hyperfine.log" >&2
		exit 1
	fi
done

# shellcheck disable=SC2086 # one argument per folder
python3 tests/bench/table.py "$out" $dirs
cat "$out"
