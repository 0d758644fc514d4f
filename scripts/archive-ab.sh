#!/usr/bin/env bash
# scripts/archive-ab.sh A_DIR B_DIR [ROUNDS] [ARTICLES]: issue 17's archive figures for two builds,
# taking turns, for a quiet host. A_DIR and B_DIR are checkouts after `make build` (bin/verbatim and
# web/, as `make build` leaves them): main's and a branch's, say. Each round runs cmd/benchstore once
# on each build at ARTICLES generated articles (default 100,000), A then B in odd rounds and B then A
# in even ones (ROUNDS, default 3); each run's row gives the first start on a fresh state directory
# (and the parse on all cores it is measured against), the restart until /healthz answers on the
# state that start left, resident memory, and cold and warm article pages' p50 and p99, with the
# host's load average before and after the run: a row whose load is not near 0 is not a quiet one.
#
# The binaries are copied first, so a build meanwhile changes nothing; the library is generated once
# (400 MB at 100,000, kept between runs in ARCHIVE_AB_OUT, default /tmp/verbatim-archive-ab) and
# both builds read it. Run time, measured only on a loaded host: one round at 100,000 (the library
# generated, then a run of each build) took 6 minutes at load 28 to 35 on 2 cores, so the defaults
# (3 rounds) take about 15 minutes there, and less on a quiet host. Not part of make test.
set -euo pipefail
if [ $# -lt 2 ]; then
	sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
fi
a=$(cd "$1" && pwd)
b=$(cd "$2" && pwd)
rounds=${3:-3}
n=${4:-100000}
out=${ARCHIVE_AB_OUT:-/tmp/verbatim-archive-ab}
here=$(cd "$(dirname "$0")/.." && pwd)
for d in "$a" "$b"; do
	if [ ! -x "$d/bin/verbatim" ] || [ ! -f "$d/web/app.wasm" ]; then
		echo "archive-ab: $d has no bin/verbatim or web/app.wasm: run make build there" >&2
		exit 2
	fi
done
mkdir -p "$out/a" "$out/b" "$out/libs"
(cd "$here" && go build -o "$out/benchstore" ./cmd/benchstore)
cp "$a/bin/verbatim" "$out/a/verbatim"
cp "$b/bin/verbatim" "$out/b/verbatim"
rm -rf "$out/a/web" "$out/b/web" # benchstore's copies of the web folders, made again from each build's
label() { if [ "$1" = a ]; then echo "A $(git -C "$a" rev-parse --short HEAD 2>/dev/null || echo "$a")"; else echo "B $(git -C "$b" rev-parse --short HEAD 2>/dev/null || echo "$b")"; fi; }
load() { cut -d' ' -f1 /proc/loadavg; }
rows=()
start=$(date +%s)
for r in $(seq 1 "$rounds"); do
	order="a b"
	[ $((r % 2)) -eq 0 ] && order="b a"
	for v in $order; do
		web=$a/web
		[ "$v" = b ] && web=$b/web
		l0=$(load)
		echo "archive-ab: round $r, $(label $v), load $l0, $(date -u +%H:%M:%SZ)" >&2
		row=$("$out/benchstore" -bin "$out/$v/verbatim" -web "$web" -out "$out/$v" -libs "$out/libs" -sizes "$n" -requests 300 | tail -1)
		rows+=("| $r | $(label $v) | $l0 → $(load) $row")
	done
done
echo
echo "$((rounds * 2)) runs at $n articles in $(($(date +%s) - start)) s; A = $a, B = $b"
echo
echo "| round | build | load before → after | articles | first start (parse on all cores) | its CPU (the parse's) | restart to ready (walk+stat) | RSS after requests (peak) | RSS after restart | index.json | cold page p50 / p99 | warm page p50 / p99 | static file p50 / p99 |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
