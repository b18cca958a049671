#!/bin/sh
# The adversarial suite: hostile notes folders made here, each beside a good
# note (the canary) that must still be read.  For each case:
#   - no crash, hang or runaway memory: exit 0 or 1 (as the case says)
#     within the case's time limit, under a memory cap (plain builds; the
#     sanitizers reserve vast address space, so they are not capped);
#   - the canary is read, and the JSON report is valid;
#   - every line on standard error is one diagnostic, path:line:col:
#     level: message, with no control characters, and the diagnostics
#     the case expects are there;
#   - nothing inside the notes folder is created, removed or changed.
# Some cases check more (the output formats for hostile names, above all).
#   sh tests/adversarial/run.sh BINARY [FAULT-SHIM]
# FAULT-SHIM (tests/faults/shim.c built) simulates an unreadable file when
# running as root, who can read a chmod 000 file; without it that case is
# skipped.  ADVERSARIAL_TIMEOUT (s) and ADVERSARIAL_MAX_MB change the limits;
# ADVERSARIAL_CASES='deep huge' runs some cases only.
#
# KNOWN_FAILING: cases that fail for a defect in a module outside this
# suite's own (walk, notes, -o), one per line: the case, a tab, the module
# and what it must do.  They run with a time limit cut to
# ADVERSARIAL_KNOWN_TIMEOUT seconds (5; 0 keeps the case's own), are
# reported as XFAIL and do not fail the suite; one that passes is reported
# as XPASS, to be taken off the list.
KNOWN_FAILING=''
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shim=
if [ $# -ge 2 ] && [ -f "$2" ]; then shim=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); fi
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
pass=0 fail=0 skip=0 xfail=0
KNOWN_LIMIT=${ADVERSARIAL_KNOWN_TIMEOUT:-5}
known() { # known CASE: the owner's note when CASE is known to fail
	printf '%s\n' "$KNOWN_FAILING" | awk -F '\t' -v n="$1" '$1 == n { print $2 }'
}
export NO_COLOR=1 TZ=UTC
LIMIT=${ADVERSARIAL_TIMEOUT:-60}
MAXMB=${ADVERSARIAL_MAX_MB:-1024}
# under the sanitizers a report must not pass for exit status 1, and their
# memory is bounded by RSS instead (the sanitizers' overhead allowed)
san="exitcode=86:hard_rss_limit_mb=$((MAXMB * 3))"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0:$san"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=86"
export TSAN_OPTIONS="${TSAN_OPTIONS:+$TSAN_OPTIONS:}$san"
if grep -q -a -e __asan_init -e __tsan_init -e __msan_init "$bin"; then memcap=""; else memcap=$((MAXMB * 1024)); fi
command -v python3 >/dev/null 2>&1 || { echo "adversarial: python3 is needed (tests/deps.sh installs it)"; exit 1; }
py() { python3 - "$@"; }
cntrl=$(printf '[\001-\010\013-\037\177]')

# the refgraph command, time- and memory-limited: rg TIME ARGS...
rg() {
	t=$1
	shift
	(
		[ -n "$memcap" ] && ulimit -v "$memcap"
		exec timeout -k 5 "$t" "$bin" "$@"
	)
}

want_case() {
	[ -z "${ADVERSARIAL_CASES:-}" ] && return 0
	case " $ADVERSARIAL_CASES " in *" $1 "*) return 0 ;; esac
	return 1
}

# finish: count the case that ran last
pending=""
why=""
finish() {
	[ -n "$pending" ] || return 0
	k=$(known "$pending")
	if [ -z "$why" ]; then
		pass=$((pass + 1))
		[ -z "$k" ] || echo "XPASS $pending: take it off KNOWN_FAILING"
	elif [ -n "$k" ]; then
		echo "XFAIL $pending ($k)"
		xfail=$((xfail + 1))
	else
		echo "FAIL $pending:$why"
		sed 's/^/    /' "$tmp/err" | cut -c1-200 | head -5
		fail=$((fail + 1))
	fi
	pending=""
	why=""
}

# new_case NAME: a fresh notes folder with the canary in it; returns false
# (and the case is not run) when ADVERSARIAL_CASES leaves it out
new_case() {
	finish
	name=$1
	n=$tmp/$name
	case_limit=$LIMIT
	env_pre=""
	want_case "$name" || return 1
	pending=$name
	mkdir -p "$n/people"
	printf -- '---\nname: Canary Bird\nrole: client\nsince: 2026-01-01\n---\n' \
		>"$n/people/Canary Bird.md"
	return 0
}

snapshot() { # the folder's names, kinds, sizes, times and file contents
	(cd "$n" && find . -exec ls -ld --time-style=+%s {} + 2>/dev/null | sort &&
		find . -type f -exec cksum {} + 2>/dev/null | sort)
}

# expect STATUS-LIST GREP...: run uncredited --format json on $n and check
expect() {
	want=$1
	shift
	if [ -n "$(known "$name")" ] && [ "$KNOWN_LIMIT" != 0 ] &&
		[ "$case_limit" -gt "$KNOWN_LIMIT" ]; then
		case_limit=$KNOWN_LIMIT
	fi
	snapshot >"$tmp/before"
	if [ -n "$env_pre" ]; then
		# shellcheck disable=SC2086
		env $env_pre sh -c '
			[ -n "$1" ] && ulimit -v "$1"
			shift
			exec "$@"' sh "$memcap" timeout -k 5 "$case_limit" "$bin" \
			uncredited --format json --today=2026-11-22 "$n" >"$tmp/out" 2>"$tmp/err"
	else
		rg "$case_limit" uncredited --format json --today=2026-11-22 "$n" \
			>"$tmp/out" 2>"$tmp/err"
	fi
	st=$?
	snapshot >"$tmp/after"
	case " $want " in
	*" $st "*) ;;
	*)
		case $st in
		124 | 137) why="$why; timed out after ${case_limit}s" ;;
		3) why="$why; exit 3: $(grep -v -E '^.+:[0-9]+:[0-9]+: ' "$tmp/err" | head -1)" ;;
		*) why="$why; exit $st (want $want)" ;;
		esac
		;;
	esac
	grep -q '"contact": "Canary Bird"' "$tmp/out" || why="$why; the canary was not read"
	cmp -s "$tmp/before" "$tmp/after" || why="$why; the notes folder changed"
	py "$tmp/out" 2>/dev/null <<'EOF' || why="$why; the output is not valid JSON"
import json, sys
json.load(open(sys.argv[1], encoding="utf-8"))
EOF
	# one diagnostic per line, each with its place
	bad=$(grep -c -v -E '^.+:[0-9]+:[0-9]+: (error|warning): .' "$tmp/err")
	[ "$bad" = 0 ] || why="$why; $bad stderr lines are not path:line:col diagnostics"
	LC_ALL=C grep -q "$cntrl" "$tmp/err" && why="$why; control characters on stderr"
	for pat in "$@"; do
		grep -q -- "$pat" "$tmp/err" || why="$why; no diagnostic /$pat/"
	done
}

# more_fail MESSAGE: a further check of the case failed
more_fail() { why="$why; $1"; }
skipped() { echo "SKIP $1"; skip=$((skip + 1)); pending=""; }

if new_case nul; then
	printf -- '---\nname: N\000ul\n---\n' >"$n/a.md"
	printf 'name: N\000ul\n' >"$n/b.yaml"
	printf 'body \000 referral:: A -> B\n\000\000\000' >"$n/c.md"
	printf '\000\000\000\000' >"$n/d.md"
	expect "1" '^a.md:2:[0-9]*: error: YAML' '^b.yaml:1:[0-9]*: error: YAML'
fi

if new_case bad-utf8; then
	printf -- '---\nname: "Bad \377 Name"\nrole: client\n---\n' >"$n/a.md"
	printf 'Caf\351 [[Bad \377 Name]]\n' >"$n/b.md"
	printf 'name: Caf\351\n' >"$n/c.yaml"
	printf 'ok\n\355\240\200 surrogate \300\200 overlong \364\220\200\200 too big\n' >"$n/d.md"
	expect "1" '^a.md:[0-9]*:[0-9]*: error: YAML' '^b.md:1:4: warning: invalid UTF-8' \
		'^c.yaml:1:[0-9]*: error: YAML' '^d.md:2:1: warning: invalid UTF-8'
fi

if new_case bom-crlf-cr; then
	printf '\357\273\277---\r\nname: Bom\r\nrole: client\r\n---\r\n' >"$n/bom.md"
	printf -- '---\r\nname: Crlf\r\nrole: client\r\n---\r\n- [ ] t due:2026-01-01\r\n' >"$n/crlf.md"
	printf -- '---\rname: Cr\rrole: client\r---\r- [ ] t due:2026-01-01\r' >"$n/cr.md"
	printf '\357\273\277- name: BomYaml\r\n  role: client\r\n' >"$n/bom.yaml"
	printf '\357\273\277' >"$n/only-bom.md"
	printf -- '---\r\nname: Mixed\rrole: client\n---\r\nbad:: \r\n' >"$n/mixed.md"
	expect "0"
	for who in Bom Crlf Cr BomYaml Mixed; do
		grep -q "\"contact\": \"$who\"" "$tmp/out" || more_fail "the note of $who was not read"
	done
fi

if new_case huge; then
	# 100 MB without writing it (sparse): rejected by its size, unread
	dd if=/dev/zero of="$n/huge.md" bs=1 count=0 seek=100M 2>/dev/null
	case_limit=10
	expect "1" '^huge.md:1:1: error: file larger than [0-9]* bytes'
	if [ -n "$shim" ]; then
		# with every read of it failing, the message is still its size
		env_pre="LD_PRELOAD=$shim FAULT_READ=huge.md"
		expect "1" '^huge.md:1:1: error: file larger than'
	fi
fi

if new_case deep; then
	py "$n" <<'EOF'
import sys
n = sys.argv[1]
open(n + "/deep.yaml", "w").write("a: " + "[" * 10000 + "]" * 10000 + "\n")
open(n + "/deep2.yaml", "w").write("a: " + "{a: " * 10000 + "}" * 10000 + "\n")
open(n + "/deep.md", "w").write("---\n" + "".join("  " * i + "k%d:\n" % i for i in range(2000)) + "---\n")
open(n + "/deep-flow.md", "w").write("---\nx: " + "[" * 10000 + "]" * 10000 + "\n---\nbody\n")
# the body: 10,000 nested quotes, lists and brackets
open(n + "/quotes.md", "w").write("> " * 10000 + "referral:: A -> B\n")
open(n + "/lists.md", "w").write("- " * 10000 + "[ ] task [[X]]\n")
open(n + "/brackets.md", "w").write("[" * 10000 + "referral:: A -> B" + "]" * 10000 + "\n"
                                    + "(" * 10000 + "x:: y" + ")" * 10000 + "\n"
                                    + "[[" * 10000 + "]]" * 10000 + "\n")
open(n + "/emph.md", "w").write("*_" * 10000 + "x" + "_*" * 10000 + "\n")
EOF
	case_limit=20
	expect "1" '^deep.yaml:1:[0-9]*: error: YAML nested deeper than 64' \
		'^deep2.yaml:1:[0-9]*: error: YAML nested deeper than 64' \
		'^deep.md:[0-9]*:[0-9]*: error: YAML nested deeper' \
		'^deep-flow.md:2:[0-9]*: error: YAML nested deeper'
fi

if new_case alias-bomb; then
	{
		echo 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
		i=1
		while [ $i -le 12 ]; do
			p=$((i - 1))
			echo "a$i: &a$i [*a$p,*a$p,*a$p,*a$p,*a$p,*a$p,*a$p,*a$p,*a$p]"
			i=$((i + 1))
		done
		echo 'date: 2026-01-01'
		echo 'with: *a12'
		echo 'referrals: *a12'
	} >"$n/bomb.yaml"
	case_limit=10
	expect "0" '^bomb.yaml:[0-9]*:[0-9]*: warning: with: an alias'
fi

if new_case alias-scalar-bomb; then
	# one large scalar used through many aliases: each use must not cost
	# a copy of it (3,000 x 1 MB would be 3 GB)
	py "$n" <<'EOF'
import sys
n = sys.argv[1]
with open(n + "/bomb.yaml", "w") as f:
    f.write('- name: &big "' + "x" * (1 << 20) + '"\n')
    f.write('  aliases: [' + ",".join(["*big"] * 3000) + ']\n')
    f.write('  role: [' + ",".join(["*big"] * 3000) + ']\n')
with open(n + "/bomb2.yaml", "w") as f:
    f.write('- {date: &d "' + "y" * (1 << 20) + '"}\n')
    for i in range(3000):
        f.write("- {date: *d}\n")
EOF
	case_limit=30
	expect "1" '^bomb2.yaml:1:[0-9]*: error: date:'
fi

if new_case anchors; then
	# many anchors and aliases: each lookup must not scan every anchor
	py "$n" <<'EOF'
import sys
n = sys.argv[1]
with open(n + "/anchors.yaml", "w") as f:
    for i in range(300000):
        f.write("- {name: &a%d P%d, org: *a%d}\n" % (i, i, i))
EOF
	case_limit=30
	expect "1" '^anchors.yaml:[0-9]*:[0-9]*: error: more than 100000 records'
fi

if new_case long-line; then
	py "$n" <<'EOF'
import sys
n = sys.argv[1]
open(n + "/long.md", "w").write("x" * (1 << 20) + " referral:: A -> B\nreferral:: C -> D\n")
open(n + "/long-task.md", "w").write("- [ ] " + "[[x]] " * 200000 + "\n")
open(n + "/long.yaml", "w").write("- name: " + "y" * (1 << 20) + "\n  role: client\n")
EOF
	case_limit=20
	expect "0" '^long.md:1:1: warning: line longer than 65536 bytes'
fi

if new_case slow-brackets; then
	# lines just under the line limit made of unclosed fields: the
	# reader must stay near-linear in the line length
	py "$n" <<'EOF'
import sys
n = sys.argv[1]
open(n + "/paren-links.md", "w").write("(a::[[" * 10000 + "\n")
open(n + "/brackets.md", "w").write(("[a::" * 16000 + "\n") * 64)
EOF
	case_limit=20
	expect "0"
fi

if new_case unclosed; then
	printf -- '---\nname: U\nrole: client\n' >"$n/u.md"
	printf -- '---' >"$n/only-marker.md"
	printf -- '---\n---\nempty front matter\n' >"$n/empty-fm.md"
	printf -- '---\n- a list\n---\n' >"$n/list-fm.md"
	expect "1" '^u.md:1:1: error: front matter is never closed' \
		'^only-marker.md:1:1: error: front matter is never closed' \
		'^list-fm.md:2:[0-9]*: warning: front matter is not a mapping'
fi

if new_case front-matter-error; then
	# a first document read, then a syntax error in the same front matter
	printf -- '---\n role: c\n1\n---\n' >"$n/a.md"
	printf -- '---\nname: Named\nrole: client\n--- x: [\n---\n' >"$n/b.md"
	expect "1" '^a.md:3:1: error: YAML syntax error' '^b.md:[0-9]*:[0-9]*: error: YAML syntax error'
fi

if new_case links; then
	ln -s loop.md "$n/loop.md"
	ln -s b.md "$n/a.md"
	ln -s a.md "$n/b.md"
	ln -s . "$n/self"
	mkdir -p "$tmp/outside"
	printf -- '---\nname: Outside\nrole: client\n---\n' >"$tmp/outside/o.md"
	ln -s "$tmp/outside" "$n/out"
	ln -s "$tmp/outside/o.md" "$n/o.md"
	ln -s /dev/zero "$n/zero.md"
	ln -s nowhere "$n/dangling.md"
	expect "0" '^loop.md:1:1: warning: symbolic link' '^out:1:1: warning: symbolic link' \
		'^o.md:1:1: warning: symbolic link' '^self:1:1: warning: symbolic link' \
		'^zero.md:1:1: warning: symbolic link' '^dangling.md:1:1: warning: symbolic link'
	grep -q Outside "$tmp/out" && more_fail "followed a link out of the tree"
fi

if new_case special-files; then
	mkdir -p "$n/x.md"
	printf -- '---\nname: Inside\nrole: client\n---\n' >"$n/x.md/in.md"
	mkfifo "$n/f.md"
	py "$n" <<'EOF'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1] + "/s.md")
EOF
	: >"$n/empty.md"
	: >"$n/empty.yaml"
	printf '\n\n\n' >"$n/blank.yml"
	printf -- '---\n...\n' >"$n/dots.md"
	case_limit=10 # a FIFO opened for reading would block forever
	expect "0" '^f.md:1:1: warning: not a regular file' '^s.md:1:1: warning: not a regular file'
	grep -q '"contact": "Inside"' "$tmp/out" || more_fail "x.md/ not walked"
fi

if new_case unreadable; then
	printf -- '---\nname: Secret\nrole: client\n---\n' >"$n/secret.md"
	chmod 000 "$n/secret.md"
	mkdir -p "$n/locked"
	printf -- '---\nname: Locked\nrole: client\n---\n' >"$n/locked/l.md"
	chmod 000 "$n/locked"
	if cat "$n/secret.md" >/dev/null 2>&1; then
		# root reads anything: make the open fail instead
		if [ -n "$shim" ]; then
			env_pre="LD_PRELOAD=$shim FAULT_OPEN=secret.md"
			expect "1" '^secret.md:1:1: error: cannot read: Permission denied'
		else
			skipped "unreadable: running as root and no fault shim given"
		fi
	else
		expect "1" '^secret.md:1:1: error: cannot read: Permission denied' \
			'^locked:1:1: error: cannot read directory: Permission denied'
	fi
	chmod -R u+rwx "$n"
fi

if new_case bad-name; then
	printf -- '---\nrole: client\n---\n' >"$n/$(printf 'caf\351.md')"
	mkdir "$n/$(printf 'dir\377')"
	printf -- '---\nname: InBadDir\nrole: client\n---\n' >"$n/$(printf 'dir\377')/x.md"
	expect "0"
	grep -q '"file": "caf\\ufffd.md"' "$tmp/out" || more_fail "file name not shown as U+FFFD"
	grep -q '"contact": "caf\\ufffd"' "$tmp/out" || more_fail "the contact named by the file is not caf\\ufffd"
	grep -q '"contact": "InBadDir"' "$tmp/out" || more_fail "a folder with a bad name was not read"
fi

if new_case binary; then
	head -c 300000 /dev/urandom >"$n/noise.md"
	head -c 300000 /dev/urandom >"$n/noise.yaml"
	{ printf -- '---\n'; head -c 100000 /dev/urandom; } >"$n/noise-fm.md"
	expect "0 1"
fi

if new_case many-records; then
	py "$n" <<'EOF'
import sys
open(sys.argv[1] + "/many.yaml", "w").write("\n".join("- name: P%d" % i for i in range(100001)) + "\n")
EOF
	case_limit=30
	expect "1" '^many.yaml:[0-9]*:[0-9]*: error: more than 100000 records'
fi

if new_case deep-dirs; then
	p=$n
	i=0
	while [ $i -lt 300 ]; do
		p=$p/d
		i=$((i + 1))
	done
	mkdir -p "$p"
	printf 'referral:: A -> B\n' >"$p/deep.md"
	expect "0" ': warning: directory nested deeper than 256 levels; skipped'
fi

if new_case many-files; then
	mkdir -p "$n/many"
	(cd "$n/many" && i=0 && while [ $i -lt 3000 ]; do
		printf 'referral:: A%d -> B%d\n' $i $i >"n$i.md"
		i=$((i + 1))
	done)
	case_limit=20
	expect "0"
fi

if new_case diag-injection; then
	# text from the notes in a diagnostic must not forge another one, nor
	# reach the terminal as control characters
	printf 'date: "bad\\nforged.md:1:1: error: forged \\e[2J"\n' >"$n/a.yaml"
	printf -- '---\ndate: nope\n---\n' >"$n/$(printf 'esc\033[2J.md')"
	printf -- '---\ndate: nope\n---\n' >"$n/$(printf 'new\nline.md')"
	printf 'outcome:: X \033[31mwon\n' >"$n/2026-01-01 b.md"
	# a whole forged diagnostic in a file name, and a settings key that
	# would set the terminal's title
	printf -- '---\ndate: nope\n---\n' >"$n/$(printf 'x\nforged.md:1:1: error: forged.md')"
	printf '"k\\e]0;owned\\a": 1\n' >"$n/.refgraph.yaml"
	expect "1" '^a.yaml:1:[0-9]*: error: date:' '^.refgraph.yaml:1:1: warning: unknown setting'
	grep -q '^forged.md' "$tmp/err" && more_fail "a value forged a diagnostic line"
fi

if new_case config-hostile; then
	py "$n" <<'EOF'
import sys
n = sys.argv[1]
open(n + "/.refgraph.yaml", "w").write(
    "followup_days: [" + "[" * 10000 + "]" * 10000 + "]\n"
    "x: &a 5\n"
    "thank_days: *a\n"
    "inform_days: 3\n"
    "? [complex, key]\n"
    ": value\n"
    "client_touch_days: 4\n"
    "exclude: [" + ", ".join('"a%d"' % i for i in range(1000)) + "]\n"
    "unknown: 1\n")
EOF
	# every key after the alias and the complex key is still paired
	# with its own value: no diagnostic on the lines of inform_days and
	# client_touch_days
	expect "0" '^.refgraph.yaml:1:[0-9]*: warning: followup_days'
	grep -q -E '^\.refgraph\.yaml:(4|7):' "$tmp/err" &&
		more_fail "a key after an alias or a complex key lost its value"
fi

if new_case config-large; then
	# a settings file over the reader's 1 MiB limit: either it is read
	# whole, or a diagnostic says it was not; never cut without a word
	py "$n" <<'EOF'
import sys
n = sys.argv[1]
open(n + "/.refgraph.yaml", "w").write("# " + "x" * (2 << 20) + "\nexclude: \"*ghost.md\"\n")
open(n + "/2026-01-01 ghost.md", "w").write("referral:: Ghost Source -> Ghost Prospect\n")
EOF
	expect "0 1"
	if grep -q '"Ghost Prospect"' "$tmp/out" && ! grep -q '^\.refgraph\.yaml:' "$tmp/err"; then
		more_fail "the settings after 1 MiB were dropped without a diagnostic"
	fi
fi

if new_case limits-config; then
	# the limits set in .refgraph.yaml, each with its diagnostic
	printf 'max_file_size: 2000\nmax_depth: 3\nmax_line: 100\nmax_records: 2\n' >"$n/.refgraph.yaml"
	py "$n" <<'EOF'
import sys
n = sys.argv[1]
open(n + "/big.md", "w").write("x" * 3000 + "\n")
open(n + "/deep.yaml", "w").write("a: [[[[x]]]]\n")
open(n + "/line.md", "w").write("referral:: A -> " + "B" * 200 + "\n")
open(n + "/recs.yaml", "w").write("- name: A\n- name: B\n- name: C\n")
EOF
	expect "1" '^big.md:1:1: error: file larger than 2000 bytes (max_file_size)' \
		'^deep.yaml:1:[0-9]*: error: YAML nested deeper than 3' \
		'^line.md:1:1: warning: line longer than 100 bytes' \
		'^recs.yaml:3:[0-9]*: error: more than 2 records'
fi

if new_case places; then
	# a diagnostic points at the line and column of the text it is about
	printf -- '- [ ] a task\n  second line due:2026-13-45\n' >"$n/task.md"
	printf -- '---\ndate: 2026-01-01\n---\nline\n  thanked::\n' >"$n/field.md"
	expect "0" '^task.md:2:19: warning: task due date' '^field.md:5:3: warning: thanked::'
fi

if new_case hostile-names; then
	cat >"$n/log.yaml" <<'YAML'
- from: "=HYPERLINK(\"http://x\")"
  prospect: "<script>alert(1)</script>"
  date: 2026-01-01
- from: "+cmd|' /C calc'!A0"
  prospect: "@SUM(1+1)\u0007 bell | pipe\ttab\u001b[31m"
  date: 2026-01-02
- from: "-2+3 \\ back\\slash"
  prospect: "line\nbreak \"quoted\" \r cr \u2028 ls \u0085 nel"
  date: 2026-01-03
- from: "&amp; <!-- x --> ]]> `code` **b** [l](u) #h"
  prospect: "'single' \"double\" <img src=x onerror=alert(1)>"
  date: 2026-01-04
  status: won
  value: 12
YAML
	printf -- '---\nrole: client\nsince: 2026-01-01\n---\n- [ ] call [[<b>x|y</b>]] due:2026-01-02\n' \
		>"$n/people/=1+1|<b>\"x\" '&'.md"
	printf -- '---\nrole: client\n---\n' >"$n/people/$(printf 'new\nline, "q"')x.md"
	printf -- '---\nrole: client\n---\n' >"$n/people/$(printf 'esc\033[31m\tt')x.md"
	printf -- '---\nrole: client\n---\n' >"$n/people/@SUM(1).md"
	expect "0"
	for f in json md html dot; do
		rg 20 report --format $f --today=2026-11-22 "$n" >"$tmp/$f" 2>/dev/null ||
			more_fail "report --format $f failed"
	done
	# text and csv one report at a time: a CSV file holds one table
	for f in text csv; do
		for k in followups sources uncredited; do
			rg 20 $k --format $f --today=2026-11-22 "$n" >"$tmp/$f.$k" 2>/dev/null ||
				more_fail "$k --format $f failed"
		done
	done
	msg=$(py "$tmp" 2>&1 <<'EOF'

import csv, html.parser, io, json, re, sys
t = sys.argv[1]
def read(f):
    return open("%s/%s" % (t, f), "rb").read().decode("utf-8")
bad = []
rep = json.loads(read("json"))
tables = [rep["followups"], rep["sources"], rep["uncredited"]]
if len(rep["uncredited"]) < 8:
    bad.append("json: expected 8+ uncredited rows, got %d" % len(rep["uncredited"]))
ctl = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u2028\u2029]")
keys = ["followups", "sources", "uncredited"]
# text: no control characters; one line per row, title and header
for k, r in zip(keys, tables):
    text = read("text." + k)
    if ctl.search(text.replace("\n", "")) or "\t" in text:
        bad.append("text %s: control characters" % k)
    want = 1 + (len(r) + 1 if r else 0)
    got = len(text.rstrip("\n").split("\n"))
    if got != want:
        bad.append("text %s: %d lines for %d rows" % (k, got, len(r)))
# csv: every row of a table has the header's fields; no formula; no
# control characters (RFC 4180 text has none)
for k, key in enumerate(keys):
    c = read("csv." + key)
    if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", c):
        bad.append("csv: control characters")
    rows = list(csv.reader(io.StringIO(c)))
    if len(rows) != len(tables[k]) + 1:
        bad.append("csv table %d: %d rows for %d" % (k, len(rows) - 1, len(tables[k])))
    for r in rows:
        if len(r) != len(rows[0]):
            bad.append("csv: a row of %d fields under %d columns" % (len(r), len(rows[0])))
        for v in r:
            if v[:1] in ("=", "+", "@", "\t", "\r") or (v[:1] == "-" and not re.fullmatch(r"-[0-9.]+", v)):
                bad.append("csv: formula cell %r" % v)
# md: every table row has the header's cells, no raw control characters
m = read("md")
if ctl.search(m.replace("\n", "")):
    bad.append("md: control characters")
cells = None
for line in m.split("\n"):
    if line.startswith("|"):
        n = len(re.findall(r"(?<!\\)(?:\\\\)*\|", line))
        if cells is None:
            cells = n
        elif n != cells:
            bad.append("md: row with %d cells under %d: %r" % (n - 1, cells - 1, line))
    else:
        cells = None
# html: only the page's own tags; the names appear as text
class P(html.parser.HTMLParser):
    tags = set()
    text = ""
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for a, v in attrs:
            if a.startswith("on"):
                bad.append("html: event attribute %s" % a)
    def handle_data(self, d):
        self.text += d
p = P()
h = read("html")
p.feed(h)
# the page's own: tables, tiles, the legend and the network picture's SVG
extra = p.tags - {"html", "head", "meta", "title", "style", "body", "h1", "h2",
                  "section", "p", "table", "thead", "tbody", "tr", "th", "td",
                  "div", "strong", "span", "ul", "li", "code", "figure",
                  "figcaption", "svg", "g", "rect", "line", "path", "polygon",
                  "polyline", "ellipse", "text"}
if extra:
    bad.append("html: tags from the notes: %s" % sorted(extra))
if "<script>alert(1)</script>" not in p.text:
    bad.append("html: the name <script> is not shown as text")
if ctl.search(h.replace("\n", "")):
    bad.append("html: control characters")
# dot: every statement on its own line, strings closed on it
d = read("dot")
stmt = re.compile(r'^(digraph referrals \{|\}|  rankdir=LR;|  node \[shape=box, style=rounded\];|'
                  r'  n\d+ \[label="(?:[^"\\\n]|\\.)*"(?:, style="[^"]*")?\];|'
                  r'  n\d+ -> n\d+ \[(?:label="(?:[^"\\\n]|\\.)*"(?:, color=\w+)?|style=dashed)\];)$')
for line in d.rstrip("\n").split("\n"):
    if not stmt.match(line):
        bad.append("dot: %r" % line)
if ctl.search(d.replace("\n", "")):
    bad.append("dot: control characters")
print("; ".join(bad[:12]))
sys.exit(1 if bad else 0)
EOF
	) || more_fail "escaping: $msg"
fi

if new_case long-path; then
	# a note whose path is longer than PATH_MAX (4096): opened a folder at
	# a time, it is read
	py "$n" <<'EOF'
import os, sys
os.chdir(sys.argv[1])
for i in range(24):
    d = "%02d" % i + "d" * 198
    os.mkdir(d)
    os.chdir(d)
open("Far Away.md", "w").write("---\nname: Far Away\nrole: client\n---\n")
EOF
	expect "0"
	grep -q '"contact": "Far Away"' "$tmp/out" || more_fail "the note past PATH_MAX was not read"
fi

if new_case config-fifo; then
	# a settings file that is a FIFO is not opened for long (it would
	# block), and is named in a warning
	mkfifo "$n/.refgraph.yaml"
	case_limit=10
	expect "0" '^.refgraph.yaml:1:1: warning: not a regular file'
fi

if new_case config-link; then
	# a settings file that is a symbolic link is not followed, as a note
	# would not be
	mkdir -p "$tmp/outside-config"
	printf 'exclude: "people"\n' >"$tmp/outside-config/s.yaml"
	ln -s "$tmp/outside-config/s.yaml" "$n/.refgraph.yaml"
	expect "0" '^.refgraph.yaml:1:1: warning: symbolic link'
fi

finish

# parallel parsing changes nothing: one thread against four, byte for byte
gen=$(dirname "$0")/../../../shared/bench/gen-notes
if want_case parallel && [ -f "$gen" ]; then
	name=parallel
	python3 "$gen" --contacts 300 --seed 7 --out "$tmp/gen" >/dev/null
	for j in 1 4; do
		rg 60 report --format json --today=2026-11-22 --jobs $j "$tmp/gen" \
			>"$tmp/par$j.out" 2>"$tmp/par$j.err"
		echo $? >>"$tmp/par$j.err"
	done
	if cmp -s "$tmp/par1.out" "$tmp/par4.out" && cmp -s "$tmp/par1.err" "$tmp/par4.err" &&
		[ -s "$tmp/par1.out" ]; then pass=$((pass + 1)); else
		echo "FAIL parallel: --jobs 1 and --jobs 4 differ"
		diff "$tmp/par1.err" "$tmp/par4.err" | head -5
		fail=$((fail + 1))
	fi
fi
[ $skip = 0 ] || echo "adversarial: $skip skipped"
echo "adversarial: $pass passed, $fail failed, $xfail known failing"
[ $fail = 0 ]
