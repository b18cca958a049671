#!/bin/sh
# run-nightly: every file of examples/nightly/ run as a person would:
#   - pre-commit, installed as a repository's hook, refuses a commit of a
#     note with an error and lets a good one (and one with warnings only)
#     through;
#   - nightly.sh on the demo notes: its --fail-on status (4 when a
#     follow-up is that late, 0 when none is), every report written, and
#     the second run compared with the first ("Nothing new since");
#   - ci.sh in a notes repository of two commits: the reports in public/,
#     compared with the previous commit;
#   - the crontab line and the systemd service, their commands run with
#     HOME a temporary folder; the timer starts that service.
# Ends with one line: "nightly: N passed, M failed".
#   sh tests/run-nightly.sh BINARY
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
ex=$top/examples/nightly
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # check NAME WANT GOT
	if [ "$2" = "$3" ]; then
		pass=$((pass + 1))
	else
		echo "FAIL nightly: $1: want $2, got $3"
		fail=$((fail + 1))
	fi
}
export REFGRAPH="$bin" TZ=UTC NO_COLOR=1
export GIT_AUTHOR_NAME=T GIT_AUTHOR_EMAIL=t@example.org
export GIT_COMMITTER_NAME=T GIT_COMMITTER_EMAIL=t@example.org

# ---- the pre-commit hook ----
r=$tmp/hooked
git init -q "$r"
cp "$ex/pre-commit" "$r/.git/hooks/pre-commit"
cat >"$r/ann.md" <<'N'
---
type: person
name: Ann
---
N
git -C "$r" add ann.md
git -C "$r" commit -q -m good >/dev/null 2>&1
check "hook lets a good note through" 0 $?
printf -- '---\ntype: meeting\ndate: 2026-13-45\n---\n' >"$r/bad.md"
git -C "$r" add bad.md
git -C "$r" commit -q -m bad >"$tmp/hook.out" 2>&1
check "hook refuses a note with an error" 1 $?
grep -q "bad.md:3:7: error" "$tmp/hook.out"
check "hook says where the error is" 0 $?
check "refused commit made nothing" 1 "$(git -C "$r" rev-list --count HEAD)"
# fixed in the work tree but not staged: the staged note is what counts
printf -- '---\ntype: meeting\ndate: 2026-11-12\n---\n' >"$r/bad.md"
git -C "$r" commit -q -m unstaged >/dev/null 2>&1
check "hook reads the staged note" 1 $?
git -C "$r" add bad.md
git -C "$r" commit -q -m fixed >/dev/null 2>&1
check "hook lets the fixed note through" 0 $?

# ---- nightly.sh on the demo notes ----
out=$tmp/out
TODAY=2026-11-22 FAIL_ON=overdue=150 sh "$ex/nightly.sh" \
	"$top/examples/notes" "$out" >/dev/null 2>"$tmp/n.err"
check "nightly.sh fails on a follow-up 150 days late" 4 $?
for f in report.html report.md report.json followups.csv summary.csv; do
	[ -s "$out/$f" ]
	check "nightly.sh wrote $f" 0 $?
done
grep -q 'failing on purpose (overdue=150)' "$tmp/n.err"
check "nightly.sh says why it failed" 0 $?
TODAY=2026-11-22 FAIL_ON=overdue=1000 sh "$ex/nightly.sh" \
	"$top/examples/notes" "$out" >/dev/null 2>&1
check "nightly.sh passes when nothing is that late" 0 $?
head -n 1 "$out/report.md" | grep -q '^Nothing new since 2026-11-22$'
check "the second run is compared with the first" 0 $?

# ---- ci.sh in a notes repository ----
c=$tmp/ci
git init -q "$c"
cp -R "$top/examples/notes/people" "$c/people"
git -C "$c" add -A
git -C "$c" commit -q -m one
cp -R "$top/examples/notes/meetings" "$c/meetings"
git -C "$c" add -A
git -C "$c" commit -q -m two
(cd "$c" && TODAY=2026-11-22 FAIL_ON= sh "$ex/ci.sh" >/dev/null 2>&1)
check "ci.sh passes with no FAIL_ON" 0 $?
[ -s "$c/public/report.html" ]
check "ci.sh publishes public/report.html" 0 $?
grep -q '"digest": {"since"' "$c/public/report.json"
check "ci.sh compares with the previous commit" 0 $?
grep -q '"new": true' "$c/public/report.json"
check "ci.sh marks what the last commit added" 0 $?

# ---- cron and systemd, with HOME a temporary folder ----
h=$tmp/home
mkdir -p "$h/bin"
cp "$ex/nightly.sh" "$h/bin/nightly.sh"
cp -R "$top/examples/notes" "$h/notes"
line=$(grep -v '^#' "$ex/crontab" | grep .)
set -f
# shellcheck disable=SC2086
set -- $line
set +f
check "crontab: five time fields and a command" 0 $([ $# -gt 5 ] && echo 0)
shift 5
(HOME=$h TODAY=2026-11-22 FAIL_ON= sh -c "$*" >/dev/null 2>&1)
check "crontab: the command runs" 0 $?
[ -s "$h/refgraph-report/report.html" ]
check "crontab: the report is written" 0 $?
cmd=$(sed -n 's/^ExecStart=//p' "$ex/refgraph-nightly.service" |
	sed "s|%h|$h|g")
fo=$(sed -n 's/^Environment=FAIL_ON=//p' "$ex/refgraph-nightly.service")
(HOME=$h TODAY=2026-11-22 FAIL_ON=$fo sh -c "$cmd" >/dev/null 2>&1)
check "service: runs and fails on purpose (FAIL_ON=$fo)" 4 $?
grep -q '^Unit=refgraph-nightly.service$' "$ex/refgraph-nightly.timer"
check "timer: starts the service" 0 $?
grep -q '^OnCalendar=' "$ex/refgraph-nightly.timer"
check "timer: has a calendar" 0 $?
echo "nightly: $pass passed, $fail failed"
[ $fail = 0 ]
