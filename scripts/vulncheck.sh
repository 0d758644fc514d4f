#!/usr/bin/env bash
# vulncheck: govulncheck on the server and on the wasm build, with no access to vuln.go.dev.
#
# The vulnerability database is built locally from the OSV files of the golang.org/x/vulndb module
# (which the Go module proxy serves) by that module's own cmd/indexdb, into the v1 layout
# govulncheck reads (index/db.json, index/modules.json, index/vulns.json, ID/*.json), and cached.
# Pin a newer database with VULNDB_VERSION=v0.0.0-…; the cache is keyed by it.
set -euo pipefail
cd "$(dirname "$0")/.."

VULNDB_VERSION=${VULNDB_VERSION:-v0.0.0-20261105234957-e22db6528018}
GOVULNCHECK_VERSION=${GOVULNCHECK_VERSION:-v1.9.0}
GO=${GO:-go}
cache=${VULNDB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/verbatim/vulndb-$VULNDB_VERSION}

if [ ! -f "$cache/index/db.json" ]; then
	echo "vulncheck: building the vulnerability database golang.org/x/vulndb@$VULNDB_VERSION into $cache" >&2
	src=$($GO mod download -json "golang.org/x/vulndb@$VULNDB_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
	if [ ! -d "$src/data/osv" ]; then
		echo "vulncheck: golang.org/x/vulndb@$VULNDB_VERSION has no data/osv folder" >&2
		exit 1
	fi
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	$GO run "golang.org/x/vulndb/cmd/indexdb@$VULNDB_VERSION" -vulns "$src/data/osv" -out "$tmp/db"
	mkdir -p "$(dirname "$cache")"
	rm -rf "$cache"
	mv "$tmp/db" "$cache"
fi
echo "vulncheck: database golang.org/x/vulndb@$VULNDB_VERSION, $(ls "$cache/ID" | wc -l) entries; $($GO version)" >&2

bin=$cache-govulncheck-$GOVULNCHECK_VERSION
if [ ! -x "$bin" ]; then
	GOOS= GOARCH= GOBIN= $GO build -o "$bin" "golang.org/x/vuln/cmd/govulncheck@$GOVULNCHECK_VERSION" 2>/dev/null ||
		(tmp=$(mktemp -d) && GOBIN=$tmp GOOS= GOARCH= $GO install "golang.org/x/vuln/cmd/govulncheck@$GOVULNCHECK_VERSION" && mv "$tmp/govulncheck" "$bin")
fi
govulncheck=("$bin" -db "file://$cache")
status=0
echo "vulncheck: ./... (native)" >&2
"${govulncheck[@]}" ./... || status=$?
echo "vulncheck: the wasm build (GOOS=js GOARCH=wasm)" >&2
GOOS=js GOARCH=wasm "${govulncheck[@]}" ./cmd/wasm/... ./article/... ./components/... ./app/... || status=$?
exit $status
