#!/bin/sh
# run-git: --rev and --previous-rev against a repository made here with
# git(1): two commits of a notes folder (a folder of the work tree, so ROOT
# is not the repository's top), and a bare clone of it.
#   - --rev HEAD~1 gives exactly what the folder of a checkout of HEAD~1
#     gives (standard output, diagnostics, status), from the work tree and
#     from the bare clone, in json and text;
#   - --previous-rev HEAD~1 marks new exactly the rows that the second
#     commit added (worked out here from the two checkouts' JSON reports),
#     and the digest's day is the first commit's;
#   - a revision that is not there, and a folder in no repository, are
#     usage errors.
# Ends with one line: "git: N passed, M failed".
#   sh tests/run-git.sh BINARY
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL git: $1"; fail=$((fail + 1)); }
export GIT_AUTHOR_NAME=T GIT_AUTHOR_EMAIL=t@example.org
export GIT_COMMITTER_NAME=T GIT_COMMITTER_EMAIL=t@example.org
export TZ=UTC NO_COLOR=1
today=2026-11-22

set -e
git init -q "$tmp/w"
mkdir -p "$tmp/w/notes/people" "$tmp/w/notes/.obsidian" "$tmp/w/notes/tmpl"
cd "$tmp/w/notes"
printf 'me: Pat\nexclude: [tmpl]\n' >.refgraph.yaml
cat >people/ann.md <<'N'
---
type: person
name: Ann
role: [partner]
---
N
cat >people/bo.md <<'N'
---
type: person
name: Bo
role: [client]
since: 2026-06-01
referred_by: "[[Ann]]"
---
N
cat >2026-06-01.md <<'N'
---
type: meeting
date: 2026-06-01
with: "[[Bo]]"
referrals:
  - from: "[[Ann]]"
    prospect: "[[Bo]]"
    status: won
    thanked: true
---
N
printf 'x\n' >.obsidian/cache.md
printf -- '---\nkind: contact\nname: Template\n---\n' >tmpl/t.md
ln -s people/ann.md link.md
git add -A
GIT_COMMITTER_DATE='2026-11-15T23:30:00-0500' git commit -q -m one
cat >people/cy.md <<'N'
---
type: person
name: Cy
role: [client]
since: 2026-10-01
---
N
cat >2026-11-02.md <<'N'
---
type: meeting
date: 2026-11-02
with: "[[Ann]]"
referrals:
  - from: "[[Ann]]"
    prospect: "[[Dee]]"
    status: new
---
- [ ] send Cy the deck due:2026-11-10
N
git add -A
GIT_COMMITTER_DATE='2026-11-20T12:00:00+0000' git commit -q -m two
git clone -q --bare "$tmp/w" "$tmp/bare.git"
git -C "$tmp/w" archive --prefix=one/ HEAD~1 | tar -x -C "$tmp"
# the checkout has the link the archive keeps
set +e

# compare CASE ARGS...: --rev HEAD~1 on ROOT_REV vs the folder ROOT_DIR
same() {
	name=$1 rootrev=$2 rootdir=$3
	shift 3
	(cd "$tmp" && "$bin" "$@" --today $today --rev HEAD~1 "$rootrev" \
		>"$tmp/a.out" 2>"$tmp/a.err")
	echo $? >"$tmp/a.st"
	(cd "$tmp" && "$bin" "$@" --today $today "$rootdir" \
		>"$tmp/b.out" 2>"$tmp/b.err")
	echo $? >"$tmp/b.st"
	for k in out err st; do
		if ! cmp -s "$tmp/a.$k" "$tmp/b.$k"; then
			bad "$name: $k differs"
			diff -u "$tmp/b.$k" "$tmp/a.$k" | head -20
			return
		fi
	done
	[ -s "$tmp/a.out" ] || { bad "$name: no output"; return; }
	ok
}
same "work tree, json" w/notes one/notes report --format json
same "work tree, text" w/notes one/notes report
same "work tree, check" w/notes one/notes check --verbose
same "bare clone, json" bare.git one report --format json
grep -q 'link.md:1:1: warning: symbolic link not followed' "$tmp/a.err" ||
	bad "the link in the revision is not warned about"

# --previous-rev: the rows of HEAD that HEAD~1 had not
(cd "$tmp" && "$bin" report --format json --today $today \
	--previous-rev HEAD~1 w/notes >"$tmp/marked.json" 2>/dev/null)
st=$?
(cd "$tmp" && "$bin" report --format json --today $today w/notes \
	>"$tmp/two.json" 2>/dev/null)
(cd "$tmp" && "$bin" report --format json --today $today one/notes \
	>"$tmp/one.json" 2>/dev/null)
if python3 - "$tmp/one.json" "$tmp/two.json" "$tmp/marked.json" <<'PY'; then ok; else bad "--previous-rev marks other rows"; fi
import json, sys
one, two, marked = (json.load(open(p)) for p in sys.argv[1:])
ids = {"followups": ("reason", "contact", "file", "line"),
       "sources": ("contact",),
       "uncredited": ("reason", "contact", "source", "file", "line"),
       "reciprocity": ("contact", "file", "line"),
       "asks": ("contact", "file", "line")}
added = 0
for k, f in ids.items():
    before = {tuple(r[x] for x in f) for r in one[k]}
    want = [tuple(r[x] for x in f) not in before for r in two[k]]
    got = [r["new"] for r in marked[k]]
    if want != got:
        sys.exit("%s: want %s, got %s" % (k, want, got))
    added += sum(want)
    if marked["digest"][k] != sum(want):
        sys.exit("digest of %s" % k)
if added < 3 or marked["digest"]["since"] != "2026-11-15":
    sys.exit("added %d since %s" % (added, marked["digest"]["since"]))
PY
[ "$st" = 0 ] || bad "--previous-rev: status $st"

# usage errors
(cd "$tmp" && "$bin" report --rev nosuch w/notes >/dev/null 2>"$tmp/e")
st=$?
if [ $st = 2 ] && grep -q "'nosuch' names no revision" "$tmp/e"; then ok; else bad "unknown revision: status $st"; fi
(cd "$tmp" && "$bin" report --previous-rev nosuch w/notes >/dev/null 2>"$tmp/e")
st=$?
if [ $st = 2 ]; then ok; else bad "unknown previous revision: status $st"; fi
(cd "$tmp" && "$bin" report --rev HEAD one/notes >/dev/null 2>"$tmp/e")
st=$?
if [ $st = 2 ] && grep -q "not in a git repository" "$tmp/e"; then ok; else bad "no repository: status $st"; fi

[ -n "${KEEP:-}" ] && echo "kept $tmp"
echo "git: $pass passed, $fail failed"
[ $fail = 0 ]
