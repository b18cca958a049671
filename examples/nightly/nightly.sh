#!/bin/sh
# nightly.sh: one nightly refgraph run over a notes folder, for cron, a
# systemd timer or a CI job.  Writes every report into OUTDIR (report.html
# to read in the morning, report.md, report.json, one CSV per report),
# marks what is new since the last run, and fails on purpose when
# something needs a person.
#
#   nightly.sh NOTES OUTDIR
#
# Settings (environment):
#   REFGRAPH   the refgraph to run (default: refgraph on PATH)
#   FAIL_ON    --fail-on conditions (default: overdue=7; empty: none)
#   SINCE_REV  compare with the notes at this git revision (HEAD~1,
#              main@{yesterday}) rather than with the last run's report
#   TODAY      the report day, YYYY-MM-DD (default: today)
#
# Exit status: refgraph's: 0 fine, 1 errors in the notes, 2 usage, 3 I/O,
# 4 a FAIL_ON condition held.
set -u
usage="usage: nightly.sh NOTES OUTDIR"
notes=${1:?$usage}
out=${2:?$usage}
refgraph=${REFGRAPH:-refgraph}
fail_on=${FAIL_ON-overdue=7}

mkdir -p "$out" || exit 3
set -- report --output-dir "$out"
[ -n "${TODAY:-}" ] && set -- "$@" --today "$TODAY"
[ -n "$fail_on" ] && set -- "$@" --fail-on "$fail_on"
if [ -n "${SINCE_REV:-}" ]; then
	set -- "$@" --previous-rev "$SINCE_REV"
elif [ -f "$out/report.json" ]; then
	# the last run's report, kept aside: this run replaces it
	cp "$out/report.json" "$out/previous.json" || exit 3
	set -- "$@" --previous "$out/previous.json"
fi
"$refgraph" "$@" "$notes"
status=$?
case $status in
0) echo "nightly: $out/report.html written" ;;
1) echo "nightly: the notes have errors (listed above); reports written" >&2 ;;
4) echo "nightly: $out/report.html written; failing on purpose ($fail_on)" >&2 ;;
*) echo "nightly: refgraph failed with status $status" >&2 ;;
esac
exit $status
