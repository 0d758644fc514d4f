#!/usr/bin/env bash
# scripts/longpass.sh LOG [go test flags...]: make test's second pass. The first pass (go test -race
# -short ./...) skipped the long tests, and internal/longtest recorded each in LOG: its package's
# folder, a tab, its top-level name. This runs exactly those tests, without the race detector, so the
# second pass does not run again what the first already ran. An empty LOG is an error: the module
# has long tests, so the first pass did not run or did not record them.
set -euo pipefail
log=$1
shift
if [ ! -s "$log" ]; then
	echo "longpass: $log names no long test; run the first pass (go test -short) with \$VERBATIM_LONGLOG=$log first" >&2
	exit 1
fi
mapfile -t dirs < <(cut -f1 "$log" | sort -u)
names=$(cut -f2 "$log" | sort -u | paste -sd'|')
echo "longpass: $(cut -f2 "$log" | sort -u | wc -l) long tests in ${#dirs[@]} packages"
exec "${GO:-go}" test "$@" -run "^(${names})\$" "${dirs[@]}"
