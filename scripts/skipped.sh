#!/usr/bin/env bash
# scripts/skipped.sh LOG: the end of make test. It prints the checks that internal/shared recorded in
# LOG (one line each, from every go test run of make test) as skipped or run on less because
# ../shared is missing, each once; or says that none was.
set -euo pipefail
log=$1
if [ ! -s "$log" ]; then
	echo "make test: every check that reads ../shared ran."
	exit 0
fi
n=$(sort -u "$log" | wc -l)
echo
echo "make test: $n checks skipped or ran on less, because they need ../shared (beside the repository:"
echo "the third-party corpora, which are never committed). Everything else ran. With ../shared in place"
echo "(or \$VERBATIM_SHARED naming it), they run too:"
sort -u "$log" | sed 's/^/  /'
