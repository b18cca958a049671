#!/bin/sh
# ci.sh: the CI job of a notes repository.  Run from the repository's top;
# writes the reports into public/ (publish that folder as the job's pages
# or artifact) and compares them with the notes of the previous commit, so
# the job needs no state between runs.
#
# Settings (environment): NOTES, the notes folder (default: .); and those
# of nightly.sh (REFGRAPH, FAIL_ON, TODAY).  The job's status is
# nightly.sh's: 4 when a FAIL_ON condition held.
set -u
here=$(cd "$(dirname "$0")" && pwd)
notes=${NOTES:-.}
if git rev-parse -q --verify HEAD~1 >/dev/null 2>&1; then
	SINCE_REV=HEAD~1
	export SINCE_REV
fi
exec sh "$here/nightly.sh" "$notes" public
