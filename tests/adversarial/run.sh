#!/bin/sh
# The adversarial suite: hostile notes made here, each beside a good note
# (the canary) that must still be read.  For each: no crash or hang (exit
# 0 or 1 within the time limit), the expected diagnostic at its place, and
# nothing written inside the notes.
#   sh tests/adversarial/run.sh BINARY
set -u
bin=$1
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0 fail=0
export NO_COLOR=1
LIMIT=${ADVERSARIAL_TIMEOUT:-60}

# new_case NAME: a fresh notes folder with the canary in it
new_case() {
	name=$1
	n=$tmp/$name
	mkdir -p "$n/people"
	printf -- '---\nname: Canary Bird\nrole: client\nsince: 2026-01-01\n---\n' \
		>"$n/people/Canary Bird.md"
}
# expect STATUS-LIST GREP...: run uncredited --format json on $n and check
expect() {
	want=$1
	shift
	find "$n" -exec ls -ld --time-style=+%s {} + 2>/dev/null | sort >"$tmp/before"
	timeout "$LIMIT" "$bin" uncredited --format json --today=2026-11-22 "$n" \
		>"$tmp/out" 2>"$tmp/err"
	st=$?
	find "$n" -exec ls -ld --time-style=+%s {} + 2>/dev/null | sort >"$tmp/after"
	why=""
	case " $want " in *" $st "*) ;; *) why="exit $st (want $want)" ;; esac
	grep -q '"contact": "Canary Bird"' "$tmp/out" || why="$why; the canary was not read"
	cmp -s "$tmp/before" "$tmp/after" || why="$why; the notes folder changed"
	if command -v python3 >/dev/null 2>&1 &&
		! python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$tmp/out" 2>/dev/null; then
		why="$why; the output is not valid JSON"
	fi
	for pat in "$@"; do
		grep -q -- "$pat" "$tmp/err" || why="$why; no diagnostic /$pat/"
	done
	if [ -z "$why" ]; then pass=$((pass + 1)); else
		echo "FAIL $name:$why"
		sed 's/^/    /' "$tmp/err" | head -5
		fail=$((fail + 1))
	fi
}

new_case nul
printf -- '---\nname: N\000ul\n---\n' >"$n/a.md"
printf 'name: N\000ul\n' >"$n/b.yaml"
printf 'body \000 referral:: A -> B\n' >"$n/c.md"
expect "1" '^a.md:2:[0-9]*: error: YAML' '^b.yaml:1:[0-9]*: error: YAML'

new_case bad-utf8
printf -- '---\nname: "Bad \377 Name"\nrole: client\n---\n' >"$n/a.md"
printf 'Caf\351 [[Bad \377 Name]]\n' >"$n/b.md"
printf 'name: Caf\351\n' >"$n/c.yaml"
expect "1" '^a.md:[0-9]*:[0-9]*: error: YAML' '^b.md:1:4: warning: invalid UTF-8' '^c.yaml:1:[0-9]*: error: YAML'

new_case bom-crlf-cr
printf '\357\273\277---\r\nname: Bom\r\nrole: client\r\n---\r\n' >"$n/bom.md"
printf -- '---\rname: Cr\rrole: client\r---\r- [ ] t due:2026-01-01\r' >"$n/cr.md"
expect "0"
grep -q '"contact": "Bom"' "$tmp/out" && grep -q '"contact": "Cr"' "$tmp/out" ||
	{ echo "FAIL bom-crlf-cr: BOM or CR note not read"; fail=$((fail + 1)); }

new_case huge
dd if=/dev/zero of="$n/huge.md" bs=1 count=0 seek=100M 2>/dev/null
expect "1" '^huge.md:1:1: error: file larger than'

new_case deep
python3 -c 'print("a: " + "[" * 10000 + "]" * 10000)' >"$n/deep.yaml"
python3 -c 'print("---\n" + "".join("  " * i + "k%d:\n" % i for i in range(2000)) + "---")' >"$n/deep.md"
expect "1" '^deep.yaml:1:[0-9]*: error: YAML nested deeper than 64' '^deep.md:[0-9]*:[0-9]*: error: YAML nested deeper'

new_case alias-bomb
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
expect "0" '^bomb.yaml:[0-9]*:[0-9]*: warning: with: an alias'

new_case long-line
python3 -c 'print("x" * (1 << 20) + " referral:: A -> B")' >"$n/long.md"
expect "0" '^long.md:1:1: warning: line longer than 65536 bytes'

new_case unclosed
printf -- '---\nname: U\nrole: client\n' >"$n/u.md"
expect "1" '^u.md:1:1: error: front matter is never closed'

new_case links
ln -s loop.md "$n/loop.md"
mkdir -p "$tmp/outside"
printf -- '---\nname: Outside\nrole: client\n---\n' >"$tmp/outside/o.md"
ln -s "$tmp/outside" "$n/out"
ln -s "$tmp/outside/o.md" "$n/o.md"
expect "0" '^loop.md:1:1: warning: symbolic link' '^out:1:1: warning: symbolic link' '^o.md:1:1: warning: symbolic link'
grep -q Outside "$tmp/out" && { echo "FAIL links: followed a link out of the tree"; fail=$((fail + 1)); }

new_case dir-fifo-empty
mkdir -p "$n/x.md"
printf -- '---\nname: Inside\nrole: client\n---\n' >"$n/x.md/in.md"
mkfifo "$n/f.md"
: >"$n/empty.md"
: >"$n/empty.yaml"
expect "0" '^f.md:1:1: warning: not a regular file'
grep -q '"contact": "Inside"' "$tmp/out" || { echo "FAIL dir-fifo-empty: x.md/ not walked"; fail=$((fail + 1)); }

new_case bad-name
printf -- '---\nname: Odd\nrole: client\n---\n' >"$n/$(printf 'caf\351.md')"
expect "0"
grep -q '"file": "caf\\ufffd.md"' "$tmp/out" || { echo "FAIL bad-name: file name not shown as U+FFFD"; fail=$((fail + 1)); }

new_case binary
head -c 300000 /dev/urandom >"$n/noise.md"
head -c 300000 /dev/urandom >"$n/noise.yaml"
expect "0 1"

new_case many-records
python3 -c 'print("\n".join("- name: P%d" % i for i in range(100001)))' >"$n/many.yaml"
expect "1" '^many.yaml:[0-9]*:[0-9]*: error: more than 100000 records'

new_case hostile-names
cat >"$n/log.yaml" <<'YAML'
- from: "=HYPERLINK(\"http://x\")"
  prospect: "<script>alert(1)</script>"
  date: 2026-01-01
- from: "+cmd|' /C calc'!A0"
  prospect: "@SUM(1+1)\u0007 bell | pipe"
  date: 2026-01-02
- from: "-2+3"
  prospect: "line\nbreak \"quoted\""
  date: 2026-01-03
YAML
expect "0"
for f in text csv md html dot; do
	"$bin" report --format $f --today=2026-11-22 "$n" >"$tmp/$f" 2>/dev/null
done
if grep -q '<script>' "$tmp/html" || ! grep -q '&lt;script&gt;' "$tmp/html"; then
	echo "FAIL hostile-names: html not escaped"; fail=$((fail + 1)); fi
if grep -q '^=\|,=\|,+\|,-2\|,@' "$tmp/csv"; then
	echo "FAIL hostile-names: csv formula not defused"; fail=$((fail + 1)); fi
if [ "$(grep -c 'break' "$tmp/text")" != "$(grep -c 'line.break' "$tmp/text")" ] || grep -q "$(printf '\007')" "$tmp/text"; then
	echo "FAIL hostile-names: text row split or control byte"; fail=$((fail + 1)); fi
if grep -q '^break' "$tmp/md"; then
	echo "FAIL hostile-names: md row split"; fail=$((fail + 1)); fi

# parallel parsing changes nothing: one thread against four, byte for byte
gen=$(dirname "$0")/../../../shared/bench/gen-notes
if [ -f "$gen" ] && command -v python3 >/dev/null 2>&1; then
	python3 "$gen" --contacts 300 --seed 7 --out "$tmp/gen" >/dev/null
	for j in 1 4; do
		"$bin" report --format json --today=2026-11-22 --jobs $j "$tmp/gen" \
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
echo "adversarial: $pass passed, $fail failed"
[ $fail = 0 ]
