#!/usr/bin/env bash
# scripts/longpass.sh LOG [go test flags...]: make test's second pass. The first pass (go test -race
# -short ./...) skipped the long tests, and internal/longtest recorded each in LOG: its package's
# folder, a tab, its top-level name. This runs exactly those tests, without the race detector, so the
# second pass does not run again what the first already ran. An empty LOG is an error: the module
# has long tests, so the first pass did not run or did not record them.
#
# A package with more than LONGPASS_SPLIT (default 8) long tests (the server's browser tests) runs
# them in LONGPASS_SHARDS (default 2) go test processes side by side, its tests dealt out in turn by
# name, beside one go test for the other packages. A browser test spends much of its time waiting
# (for Chromium to compile app.wasm, for a page, for its server), so two of them keep two cores busier
# than one. Processes and not t.Parallel: go-app prerenders from one library per process, so two
# tests' servers in one process see each other's articles on /. Each process's output is shown whole,
# one process after another; the pass fails when any process fails.
set -euo pipefail
log=$1
shift
if [ ! -s "$log" ]; then
	echo "longpass: $log names no long test; run the first pass (go test -short) with \$VERBATIM_LONGLOG=$log first" >&2
	exit 1
fi
go=${GO:-go}
split=${LONGPASS_SPLIT:-8}
shards=${LONGPASS_SHARDS:-2}
mapfile -t dirs < <(cut -f1 "$log" | sort -u)
echo "longpass: $(cut -f2 "$log" | sort -u | wc -l) long tests in ${#dirs[@]} packages"

# Build and link each package's test binary once, running none of its tests, so that the processes
# below find it in the build cache instead of each compiling it.
"$go" test "$@" -run '^$' "${dirs[@]}" >/dev/null

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pids=()
names=()
whole=() # the packages run whole, in one go test
for d in "${dirs[@]}"; do
	mapfile -t tests < <(awk -F'\t' -v d="$d" '$1 == d { print $2 }' "$log" | sort -u)
	if [ "${#tests[@]}" -le "$split" ]; then
		whole+=("$d")
		continue
	fi
	for ((s = 0; s < shards; s++)); do
		part=()
		for ((i = s; i < ${#tests[@]}; i += shards)); do part+=("${tests[i]}"); done
		[ "${#part[@]}" -gt 0 ] || continue
		[ "${#part[@]}" -gt 0 ] || continue
		name="$(basename "$d") part $((s + 1)) of $shards (${#part[@]} tests)"
		"$go" test "$@" -run "^($(IFS='|'; echo "${part[*]}"))\$" "$d" >"$out/${#pids[@]}" 2>&1 &
		pids+=($!)
		names+=("$name")
	done
done
if [ "${#whole[@]}" -gt 0 ]; then
	regex=$(awk -F'\t' 'NR == FNR { keep[$0] = 1; next } ($1 in keep) { print $2 }' <(printf '%s\n' "${whole[@]}") "$log" | sort -u | paste -sd'|')
	"$go" test "$@" -run "^(${regex})\$" "${whole[@]}" >"$out/${#pids[@]}" 2>&1 &
	pids+=($!)
	names+=("${#whole[@]} packages whole")
fi
status=0
for i in "${!pids[@]}"; do
	if wait "${pids[i]}"; then
		echo "longpass: ${names[i]}: ok"
	else
		echo "longpass: ${names[i]}: FAILED"
		status=1
	fi
	cat "$out/$i"
done
exit "$status"
