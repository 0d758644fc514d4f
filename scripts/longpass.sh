#!/usr/bin/env bash
# scripts/longpass.sh LOG [go test flags...]: make test's second pass. The first pass (go test -race
# -short ./...) skipped the long tests, and internal/longtest recorded each in LOG: its package's
# folder, a tab, its top-level name. This runs exactly those tests, without the race detector, so the
# second pass does not run again what the first already ran. An empty LOG is an error: the module
# has long tests, so the first pass did not run or did not record them.
#
# A package with more than LONGPASS_SPLIT (default 8) long tests (the server's browser tests) runs
# them in LONGPASS_SHARDS (default 2) go test processes side by side, its tests dealt out in turn
# (the heaviest first, then by name), beside one go test for the other packages. A browser test spends much of its time waiting
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

# weight is a long test's time in units of a usual browser test's, for the few that take many
# (measured in one go test -json run of the server package, BENCHMARKS.md "make test's long pass in
# two processes"): the tests are dealt out longest first, each to the process with the least weight
# so far (a test not named here weighs 1). It only balances the work: a name here that no package has
# is passed over, and a new long test is dealt out with weight 1. TestE2EXSSCorpusPrerendered's and
# TestExportIncremental's weights were scaled down (from 22 and 19) by what their own A/B runs
# measured when they stopped loading every payload alone and reading the export twice per check.
# TestE2EStoreNoAnswer waits out the store's 30 s bound (app/store_wasm.go storeWait).
weight="TestE2EXSSCorpusPrerendered=9 TestE2EXSSCorpusImport=22 TestExportIncremental=11 TestE2EImportEachFormat=5 TestE2EXSSCorpusAppWasm=2 TestE2EStoreNoAnswer=7"

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
	# Each test's process, longest first, to the process with the least weight so far.
	deal=$(printf '%s\n' "${tests[@]}" | awk -v shards="$shards" -v weight="$weight" '
		BEGIN { n = split(weight, kv, " "); for (i = 1; i <= n; i++) { split(kv[i], p, "="); w[p[1]] = p[2] } }
		{ name[NR] = $0; wt[NR] = ($0 in w) ? w[$0] : 1 }
		END {
			for (i = 1; i <= NR; i++) { # a stable sort by weight, heaviest first
				for (j = i; j > 1 && wt[j] > wt[j - 1]; j--) {
					t = wt[j]; wt[j] = wt[j - 1]; wt[j - 1] = t; t = name[j]; name[j] = name[j - 1]; name[j - 1] = t
				}
			}
			for (i = 1; i <= NR; i++) {
				best = 0
				for (s = 1; s < shards; s++) if (load[s] < load[best]) best = s
				load[best] += wt[i]
				print best "\t" name[i]
			}
		}')
	for ((s = 0; s < shards; s++)); do
		mapfile -t part < <(awk -F'\t' -v s="$s" '$1 == s { print $2 }' <<<"$deal")
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
