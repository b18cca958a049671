#!/bin/sh
# Seed corpora for the harnesses, from the demo notes, the golden cases and
# the YAML test suite (../shared/yaml-test-suite, when it is there).  The
# first byte of an input is the harness's flags byte (see each fuzz_*.c).
#   sh tests/fuzz/seeds.sh BUILD_DIR
set -eu
b=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
suite=${YAML_TEST_SUITE:-$top/../shared/yaml-test-suite}
for n in note md values config yaml report; do
	rm -rf "$b/seed-$n"
	mkdir -p "$b/seed-$n"
done
# name a seed by its content, so the same text is one seed
put() { # DIR: stdin -> DIR/CKSUM
	t=$(mktemp "$b/seed.XXXXXX")
	cat >"$t"
	mv "$t" "$1/$(cksum <"$t" | cut -d' ' -f1)"
}
# the front matter of a Markdown file (between the --- lines), and its body
front() { awk 'NR==1 && /^---/ {on=1; next} on && /^(---|\.\.\.)/ {exit} on {print}' "$1"; }
body() { awk 'NR==1 && !/^---/ {on=1} on {print} !on && NR>1 && /^(---|\.\.\.)/ {on=1}' "$1"; }

find "$top/examples" "$top/tests/cases" -type f \
	\( -name '*.md' -o -name '*.markdown' -o -name '*.yaml' -o -name '*.yml' \) |
	sort | while IFS= read -r f; do
	# a name with a line break in it (a hostile case) arrives in pieces
	[ -f "$f" ] || continue
	case $f in
	*/.refgraph.yaml | */tests/cases/*/other.yaml)
		put "$b/seed-config" <"$f"
		;;
	*.md | *.markdown)
		{ printf '\000'; cat "$f"; } | put "$b/seed-note"
		{ printf '\002'; cat "$f"; } | put "$b/seed-note"
		{ printf '\001'; body "$f"; } | put "$b/seed-md"
		{ printf '\035'; front "$f"; } | put "$b/seed-yaml"
		;;
	*)
		{ printf '\001'; cat "$f"; } | put "$b/seed-note"
		{ printf '\034'; cat "$f"; } | put "$b/seed-yaml"
		;;
	esac
done

# whole folders for fuzz_report: settings, then "=== PATH" and each file
for d in "$top/examples/notes" "$top"/tests/cases/*/notes; do
	[ -d "$d" ] || continue
	{
		printf '\000'
		[ -f "$d/.refgraph.yaml" ] && cat "$d/.refgraph.yaml"
		(cd "$d" && find . -type f ! -path '*/.*' | sed 's:^\./::' | LC_ALL=C sort) |
			while IFS= read -r p; do
				[ -f "$d/$p" ] || continue
				printf '\n=== %s\n' "$p"
				cat "$d/$p"
			done
	} | put "$b/seed-report"
done
# hostile names for every column of every format
printf '\004me: Me\n=== log.yaml\n- from: "=HYPERLINK(\\"http://x\\")"\n  prospect: "<script>alert(1)</script>"\n  date: 2026-01-01\n- from: "+cmd|'"'"' /C calc'"'"'!A0"\n  prospect: "@SUM(1+1)\\u0007 bell | pipe\\ttab"\n  date: 2026-01-02\n  status: won\n  value: 1,000\n- from: "-2+3 \\\\ back"\n  prospect: "line\\nbreak \\"quoted\\" \\r cr \\u2028 ls"\n  date: 2026-01-03\n=== people/<b>x|y "z".md\n---\nrole: client\nsince: 2026-01-01\n---\n- [ ] call [[=1+1]] due:2026-01-02\n' |
	put "$b/seed-report"

if [ -d "$suite" ]; then
	find "$suite" -name in.yaml | sort | while IFS= read -r f; do
		{ printf '\001'; cat "$f"; } | put "$b/seed-note"
		{ printf '\000---\n'; cat "$f"; printf '\n---\nbody\n'; } | put "$b/seed-note"
		{ printf '\034'; cat "$f"; } | put "$b/seed-yaml"
		{ printf '\002'; cat "$f"; } | put "$b/seed-yaml"
		put "$b/seed-config" <"$f"
	done
fi

for v in "2026-11-03" "2026-02-29" "2024-02-29T10:00:00Z" "2001-11-23 15:03:17 -5" \
	"0000-01-01" "9999-12-31" "2026-11-03t23:59:59.999+05:30" " 2026-01-31 " \
	"14d" "2w" "1M" "0d" "100000y" "1,200.50" "-3_000" "99999999999999999999.5" \
	"0.1" "-0" "123456789012345678" "new" " Won " "UNREACHABLE" "12" "000000" \
	"[[Ann Lee|Ann]]" "[[a/b/Zoë#h]]" "[[x]] [[y]]" "Strauß" "Zoë" "Zoë" \
	"  plain name  " "ǅ ﬃ İ" "$(printf 'a\tb\033[31m\342\200\250')"; do
	printf '%s' "$v" | put "$b/seed-values"
done
rm -f "$b"/seed.??????
