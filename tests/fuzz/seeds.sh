#!/bin/sh
# Seed corpora for the harnesses, from the demo notes, the golden cases and
# the YAML test suite.  fuzz_note's first byte picks the file kind.
#   sh tests/fuzz/seeds.sh BUILD_DIR
set -eu
b=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
suite=$top/../shared/yaml-test-suite
for n in note md values config; do rm -rf "$b/seed-$n"; mkdir -p "$b/seed-$n"; done
i=0
find "$top/examples" "$top/tests/cases" -type f \( -name '*.md' -o -name '*.yaml' -o -name '*.yml' \) |
	sort | while IFS= read -r f; do
	i=$((i + 1))
	case $f in
	*/.refgraph.yaml) cp "$f" "$b/seed-config/$i" ;;
	*.md)
		{ printf '\000'; cat "$f"; } >"$b/seed-note/$i"
		{ printf '\001'; sed '1,/^---$/d' "$f"; } >"$b/seed-md/$i" ;;
	*) { printf '\001'; cat "$f"; } >"$b/seed-note/$i" ;;
	esac
done
if [ -d "$suite" ]; then
	find "$suite" -name in.yaml | sort | while IFS= read -r f; do
		i=$(echo "$f" | cksum | cut -d' ' -f1)
		{ printf '\001'; cat "$f"; } >"$b/seed-note/y$i"
		{ printf '\000---\n'; cat "$f"; printf '\n---\nbody\n'; } >"$b/seed-note/f$i"
		cp "$f" "$b/seed-config/y$i"
	done
fi
for v in "2026-11-03" "2026-02-29" "2024-02-29T10:00:00Z" "2001-11-23 15:03:17 -5" \
	"14d" "2w" "1M" "0d" "1,200.50" "-3_000" "[[Ann Lee|Ann]]" "[[a/b/Zoë#h]]" \
	"Strauß" "Zoë" "  plain name  "; do
	printf '%s' "$v" >"$b/seed-values/$(printf '%s' "$v" | cksum | cut -d' ' -f1)"
done
