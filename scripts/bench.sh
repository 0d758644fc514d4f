#!/usr/bin/env bash
# scripts/bench.sh: every performance goal of issues 7 and 13, each measured against a baseline in
# the same run on the same machine, printed as one Markdown table (the rows are kept in
# $OUT/rows.tsv). `make bench` runs it; BENCHMARKS.md says what each row measures. Only loopback
# traffic. Needs Chromium, nginx with Debian's brotli_static module, wrk, node (Lighthouse, pinned in
# bench/package.json) and ../shared/corpora; as root it installs what is missing through apt and npm.
#
#   BENCH_ONLY="wasm parse"   run a subset of: wasm parse scale browser lighthouse server library
#   BENCH_OUT=DIR             where builds, logs and reports go (default: a new temp folder)
#   BENCH_RUNS=N              page loads in Chromium and Lighthouse runs per page (default 3; medians)
#   BENCH_FCP_RUNS=N          untouched loads of each page for the first-paint goal row (default 3× BENCH_RUNS)
#   BENCH_LH_EMBED_RUNS=N     Lighthouse runs of each partner page for the embed TBT goal row (default 3× BENCH_RUNS)
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
ONLY=${BENCH_ONLY:-wasm parse scale browser lighthouse server library}
RUNS=${BENCH_RUNS:-3}
FCP_RUNS=${BENCH_FCP_RUNS:-$((3 * RUNS))}
LH_EMBED_RUNS=${BENCH_LH_EMBED_RUNS:-$((3 * RUNS))}
OUT=${BENCH_OUT:-$(mktemp -d /tmp/verbatim-bench.XXXXXX)}
mkdir -p "$OUT"
chmod 755 "$OUT"
ROWS=$OUT/rows.tsv
: > "$ROWS"
WASMFLAGS=(-trimpath -ldflags=-s) # the Makefile's wasm flags, for both apps
want() { [[ " $ONLY " == *" $1 "* ]]; }
say() { echo "bench: $*" >&2; }
freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
report() { $GO run ./cmd/benchreport "$@"; }
# need PACKAGE TEST…: run TEST; when it fails, install PACKAGE through apt as root (as
# scripts/test-env.sh does for Chromium), or say what to install and stop.
need() {
	local pkg=$1
	shift
	if "$@" >/dev/null 2>&1; then return; fi
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		say "installing $pkg through apt"
		export DEBIAN_FRONTEND=noninteractive
		apt-get install -y -qq "$pkg" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$pkg" >/dev/null; }
	else
		echo "bench: make bench needs $pkg; install it (Debian: sudo apt-get install -y $pkg) and run make bench again" >&2
		exit 1
	fi
}
BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if want server; then
	need wrk command -v wrk
	# Without brotli_static nginx sends app.wasm and the JSON uncompressed or gzipped while ours sends
	# brotli: unlike things (issue 13).
	need libnginx-mod-http-brotli-static test -f "$BROTLI_MODULE"
fi
LH=$PWD/bench/node_modules/.bin/lighthouse
if want lighthouse; then
	pin=$(sed -n 's/.*"lighthouse": "\(.*\)".*/\1/p' bench/package.json)
	if ! grep -qs "\"version\": \"$pin\"" bench/node_modules/lighthouse/package.json; then
		say "installing Lighthouse $pin (npm ci --prefix bench)"
		npm ci --prefix bench --no-audit --no-fund --loglevel=error >&2
	fi
fi

# Both wasm binaries, built now with the same flags, and a web folder for this run's servers with
# app.wasm precompressed as a release build leaves it (brotli 11, gzip 9).
say "building app.wasm, parse.wasm and the minimal go-app app"
GOOS=js GOARCH=wasm $GO build "${WASMFLAGS[@]}" -o "$OUT/app.wasm" ./cmd/wasm
mkdir -p "$OUT/minimal/web"
GOOS=js GOARCH=wasm $GO build "${WASMFLAGS[@]}" -o "$OUT/minimal/web/app.wasm" ./internal/benchwasm/testdata/minimal
cp web/icons/icon-192.png web/icons/icon-512.png "$OUT/minimal/web/"
rm -rf "$OUT/web" && cp -r web "$OUT/web" && rm -f "$OUT"/web/*.wasm* && cp "$OUT/app.wasm" "$OUT/web/app.wasm"
# The import page's parser, run in a Web Worker: not in app.wasm, so not in its budget; reported.
GOOS=js GOARCH=wasm $GO build "${WASMFLAGS[@]}" -o "$OUT/web/parse.wasm" ./cmd/parsewasm

if want wasm; then
	say "2: wasm sizes and the per-package breakdown"
	# The same builds with their name sections, for the code of each package.
	GOOS=js GOARCH=wasm $GO build -trimpath -o "$OUT/app-named.wasm" ./cmd/wasm
	GOOS=js GOARCH=wasm $GO build -trimpath -o "$OUT/minimal-named.wasm" ./internal/benchwasm/testdata/minimal
	report wasm "$OUT/app.wasm" "$OUT/minimal/web/app.wasm" "$OUT/app-named.wasm" ./cmd/wasm \
		"$OUT/minimal-named.wasm" ./internal/benchwasm/testdata/minimal >> "$ROWS"
	report size "parse.wasm (import worker)" "$OUT/web/parse.wasm" >> "$ROWS"
fi

if want parse; then
	say "1: parse throughput on one core"
	$GO test -run '^$' -bench 'Benchmark(Page|Text)/ratio$' -benchtime "${BENCHTIME:-3s}" -cpu 1 -count=1 ./article | tee "$OUT/gobench.txt" >&2
	report gobench Page Text < "$OUT/gobench.txt" >> "$ROWS"
fi

if want scale; then
	say "1 and 7: peak memory and cost against article length"
	$GO test -run '^$' -bench '^BenchmarkScale$' -cpu 1 -count=1 -timeout 30m ./article | tee "$OUT/scale.txt" >&2
	report gobench Scale < "$OUT/scale.txt" >> "$ROWS"
fi

if want browser || want lighthouse || want server || want library; then
	report compress "$OUT/web/app.wasm"
	report compress "$OUT/web/parse.wasm"
	report compress "$OUT/minimal/web/app.wasm"
fi

if want browser || want lighthouse; then
	say "3, 4 and 6: Chromium at 4× CPU and Fast 4G, and Lighthouse (cmd/benchbrowser)"
	$GO build -o "$OUT/minimal-server" ./internal/benchwasm/testdata/minimal
	$GO build -o "$OUT/benchbrowser" ./cmd/benchbrowser
	mport=$(freeport)
	"$OUT/minimal-server" "127.0.0.1:$mport" "$OUT/minimal" 2> "$OUT/minimal.log" &
	pids+=($!)
	for i in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$mport/" && break; sleep 0.2; done
	measures="" lh=""
	if want browser; then measures="load takeover embed import"; fi
	if want lighthouse; then measures="$measures lighthouse" lh=$LH; fi
	"$OUT/benchbrowser" -web "$OUT/web" -text server/samples/zakaria-peskov.txt -minimal "http://127.0.0.1:$mport" \
		-lighthouse "$lh" -out "$OUT/lighthouse" -runs "$RUNS" -fcp-runs "$FCP_RUNS" -lighthouse-runs "$RUNS" -lighthouse-embed-runs "$LH_EMBED_RUNS" -only "$measures" \
		>> "$ROWS" 2> "$OUT/browser.log" || { tail -30 "$OUT/browser.log" >&2; say "browser measurements failed: see $OUT/browser.log"; }
fi

if want server; then
	say "5: the server against nginx with docs/deploy.md's configuration, loaded by wrk on loopback"
	$GO build -trimpath -o "$OUT/verbatim" ./cmd/verbatim
	rm -rf "$OUT/export"
	"$OUT/verbatim" export -web "$OUT/web" "$OUT/export" 2> "$OUT/export.log"
	vport=$(freeport)
	nport=$(freeport)
	"$OUT/verbatim" serve -addr "127.0.0.1:$vport" -web "$OUT/web" 2> "$OUT/serve.log" &
	pids+=($!)
	user=""
	if [ "$(id -u)" = 0 ]; then user="user root;"; fi
	# The server block is docs/deploy.md's, headers included, as the export test runs it: nginx
	# sends what the verbatim server sends. Neither server keeps an access log.
	block=$(report nginx docs/deploy.md "127.0.0.1:$nport" "$OUT/export" brotli)
	cat > "$OUT/nginx.conf" <<CONF
load_module $BROTLI_MODULE;
$user
daemon off;
worker_processes auto;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
events { worker_connections 1024; }
http {
	access_log off;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 1000000;
	default_type application/octet-stream;
	client_body_temp_path $OUT/nginx-tmp;
$block
}
CONF
	/usr/sbin/nginx -c "$OUT/nginx.conf" -e "$OUT/nginx-error.log" &
	pids+=($!)
	for i in $(seq 50); do
		curl -sf -o /dev/null "http://127.0.0.1:$vport/articles/index.json" && curl -sf -o /dev/null "http://127.0.0.1:$nport/articles/index.json" && break
		sleep 0.2
	done
	json=/articles/$(ls "$OUT/export/articles" | grep -v '^index' | grep '\.json$' | head -1)
	# The ceiling for any net/http server: the same bytes from memory, with no header but three.
	$GO build -o "$OUT/benchhttp" ./internal/benchhttp
	bport=$(freeport) bbport=$(freeport)
	"$OUT/benchhttp" "127.0.0.1:$bport" "$OUT/export$json" 2> "$OUT/benchhttp.log" &
	pids+=($!)
	"$OUT/benchhttp" "127.0.0.1:$bbport" "$OUT/export$json.br" 2>> "$OUT/benchhttp.log" &
	pids+=($!)
	for i in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$bport/" && curl -sf -o /dev/null "http://127.0.0.1:$bbport/" && break; sleep 0.2; done
	# What Chromium sends with every fetch.
	browser='Accept-Encoding: gzip, deflate, br, zstd'
	# Three rounds, the servers taking turns, so that both share the machine's noise.
	for round in 1 2 3; do
		for who in nginx:$nport ours:$vport bare:$bport barebr:$bbport; do
			name=${who%%:*} port=${who#*:}
			case $name in
			bare) wrk -t1 -c32 -d5s --latency "http://127.0.0.1:$port/" > "$OUT/wrk-json-id-$name-$round.txt" ;;
			barebr) wrk -t1 -c32 -d5s --latency -H "$browser" "http://127.0.0.1:$port/" > "$OUT/wrk-json-$name-$round.txt" ;;
			*)
				wrk -t1 -c32 -d5s --latency -H "$browser" "http://127.0.0.1:$port$json" > "$OUT/wrk-json-$name-$round.txt"
				wrk -t1 -c32 -d5s --latency "http://127.0.0.1:$port$json" > "$OUT/wrk-json-id-$name-$round.txt"
				wrk -t1 -c8 -d5s --latency -H 'Accept-Encoding: br' "http://127.0.0.1:$port/web/app.wasm" > "$OUT/wrk-wasm-$name-$round.txt"
				;;
			esac
		done
	done
	rounds() { echo "$OUT/$1-1.txt,$OUT/$1-2.txt,$OUT/$1-3.txt"; }
	# Like for like: both servers send each measured response in the same encoding, without the
	# headers that belong on documents only.
	for who in nginx:$nport ours:$vport; do
		name=${who%%:*} port=${who#*:}
		curl -s -D "$OUT/hdr-json-$name.txt" -o /dev/null -H "$browser" "http://127.0.0.1:$port$json"
		curl -s -D "$OUT/hdr-wasm-$name.txt" -o /dev/null -H 'Accept-Encoding: br' "http://127.0.0.1:$port/web/app.wasm"
	done
	report headers "small JSON ($json, $browser)" "$OUT/hdr-json-nginx.txt" "$OUT/hdr-json-ours.txt" >> "$ROWS"
	report headers "app.wasm (Accept-Encoding: br)" "$OUT/hdr-wasm-nginx.txt" "$OUT/hdr-wasm-ours.txt" >> "$ROWS"
	size=$(curl -s -H "$browser" -o /dev/null -w '%{size_download}' "http://127.0.0.1:$vport$json")
	report wrk "small JSON ($json as Chromium asks for it, $browser: $size bytes of br)" "$(rounds wrk-json-nginx)" "$(rounds wrk-json-ours)" >> "$ROWS"
	report wrk "bare net/http handler, the same br JSON from memory (internal/benchhttp)" "$(rounds wrk-json-nginx)" "$(rounds wrk-json-barebr)" >> "$ROWS"
	report wrk "the same JSON uncompressed (no Accept-Encoding: $(wc -c < "$OUT/export$json") bytes)" "$(rounds wrk-json-id-nginx)" "$(rounds wrk-json-id-ours)" >> "$ROWS"
	report wrk "bare net/http handler, the same uncompressed JSON from memory" "$(rounds wrk-json-id-nginx)" "$(rounds wrk-json-id-bare)" >> "$ROWS"
	report wrk "app.wasm (Accept-Encoding: br)" "$(rounds wrk-wasm-nginx)" "$(rounds wrk-wasm-ours)" >> "$ROWS"
	nb=$(curl -s -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "http://127.0.0.1:$nport/web/app.wasm")
	ob=$(curl -s -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "http://127.0.0.1:$vport/web/app.wasm")
	report bytes "app.wasm (Accept-Encoding: br)" "$nb" "$ob" >> "$ROWS"
fi

if want library; then
	say "7: server start and memory against library size"
	VERBATIM_BENCH_WEB=$OUT/web $GO test -run '^$' -bench '^BenchmarkLibraryStart$' -benchtime 1x -cpu 1 -count=1 -timeout 30m ./server | tee "$OUT/library.txt" >&2
	report gobench LibraryStart < "$OUT/library.txt" >> "$ROWS"
fi

echo "Made by: make bench (scripts/bench.sh, BENCH_ONLY=\"$ONLY\") on $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $($GO version | cut -d' ' -f3); files in $OUT"
echo
report table "$ROWS"
