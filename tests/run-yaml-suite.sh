#!/bin/sh
# Every case of the public YAML test suite (../shared/yaml-test-suite)
# goes through the reader as a .yaml file and as the front matter of a .md
# note, one notes folder per case.  Must hold: no crash (status 0 or 1),
# and for each file exactly one error when libyaml rejects its YAML (at a
# line and column inside the file), no error when libyaml accepts it.
#   sh tests/run-yaml-suite.sh BINARY [YAMLOK]
set -u
bin=$1
top=$(cd "$(dirname "$0")/.." && pwd)
yamlok=${2:-$(dirname "$bin")/yamlok}
suite=${YAML_SUITE:-$top/../shared/yaml-test-suite}
# A missing suite is a failure, not a pass with nothing run: set YAML_SUITE
# to where it is.
if [ ! -d "$suite" ] || [ -z "$(find "$suite" -name in.yaml | head -1)" ]; then
	echo "FAIL yaml-suite: no in.yaml under $suite (set YAML_SUITE)"
	echo "yaml-suite: 0 passed, 1 failed"
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
# Cases libyaml accepts whose values refgraph(5) rejects: there, only a
# syntax error is the reader's.  RZT7 writes a zone of one hour digit
# (2001-11-23 15:03:17 -5), which is no date in the notes format.
value_errors=" RZT7 "
# check FILE (the note), YAMLTEXT (what libyaml sees), ERRFILE (stderr)
check() {
	note=$1 ytext=$2 err=$3 label=$4
	"$yamlok" "$ytext"
	ok=$?
	name=$(basename "$note")
	n=$(grep -c "^$name:[0-9]*:[0-9]*: error: " "$err")
	case $value_errors in *" $id "*)
		n=$(grep -c "^$name:[0-9]*:[0-9]*: error: YAML syntax" "$err") ;;
	esac
	if [ "$ok" = 0 ] && [ "$n" != 0 ]; then
		echo "FAIL $label: libyaml accepts, but $n error(s):"
		grep "^$name:" "$err" | sed 's/^/    /' | head -5
		return 1
	fi
	if [ "$ok" = 1 ]; then
		if [ "$n" != 1 ]; then
			echo "FAIL $label: libyaml rejects, but $n error(s)"
			grep "^$name:" "$err" | sed 's/^/    /' | head -5
			return 1
		fi
		place=$(grep "^$name:[0-9]*:[0-9]*: error: " "$err" | head -1 |
			sed "s/^$name:\([0-9]*\):\([0-9]*\):.*/\1 \2/")
		set -- $place
		line=$1 col=$2
		nlines=$(awk 'END { print NR }' "$note")
		[ "$nlines" -ge 1 ] || nlines=1
		len=$(awk -v l="$line" 'NR == l { print length($0) + 1; found = 1 }
			END { if (!found) print 1 }' "$note")
		if [ "$line" -lt 1 ] || [ "$line" -gt "$nlines" ] ||
			[ "$col" -lt 1 ] || [ "$col" -gt "$len" ]; then
			echo "FAIL $label: error at $line:$col is outside the file ($nlines lines)"
			return 1
		fi
	fi
	return 0
}
for dir in $(find "$suite" -name in.yaml | sort); do
	case_dir=$(dirname "$dir")
	id=$(echo "${case_dir#"$suite"/}" | tr / _)
	v=$tmp/v
	rm -rf "$v"
	mkdir -p "$v"
	cp "$dir" "$v/case.yaml"
	{ printf -- '---\n'; cat "$dir"; printf '\n---\nbody\n'; } >"$v/note.md"
	# what the reader gives libyaml as front matter: up to the first
	# closing line
	awk 'NR == 1 { next } /^(---|\.\.\.)[ \t\r]*$/ { exit } { print }' \
		"$v/note.md" >"$tmp/fm.yaml"
	NO_COLOR=1 timeout 20 "$bin" check "$v" >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ "$st" != 0 ] && [ "$st" != 1 ]; then
		echo "FAIL $id: exit status $st"
		sed 's/^/    /' "$tmp/err" | tail -5
		fail=$((fail + 1))
		continue
	fi
	if check "$v/case.yaml" "$v/case.yaml" "$tmp/err" "$id (yaml)" &&
		check "$v/note.md" "$tmp/fm.yaml" "$tmp/err" "$id (front matter)"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done
echo "yaml-suite: $pass passed, $fail failed"
[ $fail = 0 ]
