#!/usr/bin/env bash
# deps.sh fails when a package imports across Verbatim's one-way dependency line:
# server → app → components → article. article/ is pure (no go-app, no syscall/js), components/ does
# not import app/ or server/, the wasm main links no server code and no parser (import parses in the
# parse worker's wasm, cmd/parsewasm), and article/model and article/safe, which the UI links,
# link the standard library only. cmd/verbatim, the binary, holds flags and wiring only.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
# check GOOS PACKAGES FORBIDDEN-REGEX WHY [FIELD]: FIELD is Deps (everything linked, the default) or
# Imports (direct imports only: on js/wasm the standard library itself reaches syscall/js).
check() {
	local goos=$1 pkgs=$2 bad=$3 why=$4 field=${5:-Deps} out
	local list errf
	errf=$(mktemp)
	if ! list=$(GOOS=$goos GOARCH=$([ "$goos" = js ] && echo wasm || go env GOARCH) \
		go list -f "{{.ImportPath}}{{range .$field}}
{{.}}{{end}}" $pkgs 2>"$errf"); then
		echo "deps: go list $pkgs ($goos) failed:"; sed 's/^/  /' "$errf"; rm -f "$errf"; fail=1; return
	fi
	rm -f "$errf"
	out=$(echo "$list" | grep -E "$bad" || true)
	if [ -n "$out" ]; then
		echo "deps: $why:"; echo "$out" | sed 's/^/  /'; fail=1
	fi
}
# stdonly GOOS PACKAGES ALLOWED-REGEX WHY: PACKAGES link the standard library and only those other
# packages that ALLOWED-REGEX matches.
stdonly() {
	local goos=$1 pkgs=$2 allowed=$3 why=$4 list out
	if ! list=$(GOOS=$goos GOARCH=$([ "$goos" = js ] && echo wasm || go env GOARCH) \
		go list -deps -f '{{if not .Standard}}{{.ImportPath}}{{end}}' $pkgs 2>&1); then
		echo "deps: go list $pkgs ($goos) failed:"; echo "$list" | sed 's/^/  /'; fail=1; return
	fi
	out=$(echo "$list" | grep -v '^$' | grep -vE "$allowed" || true)
	if [ -n "$out" ]; then
		echo "deps: $why:"; echo "$out" | sed 's/^/  /'; fail=1
	fi
}
for goos in linux js; do
	check $goos ./article/... '^(github.com/maxence-charriere/go-app|verbatim/(components|app|server))' \
		"article/ must stay pure ($goos build): it links"
	check $goos ./article/... '^syscall/js$' "article/ must not import syscall/js ($goos build)" Imports
	check $goos ./components/... '^verbatim/(app|server)(/|$)' "components/ must not import app/ or server/ ($goos build)"
	check $goos ./app/... '^verbatim/server(/|$)' "app/ must not import server/ ($goos build)"
done
check js ./cmd/wasm '^verbatim/server(/|$)' "the wasm main must not link server code"
check js ./cmd/parsewasm '^(github.com/maxence-charriere/go-app|verbatim/(components|app|server))' \
	"the parse worker's wasm must link the parser only"

# The reader's app.wasm must not link the parser: article.Parse runs in the import page's parse worker
# (cmd/parsewasm, web/parse.wasm). The reader uses the Article contract from article/model and the
# attribute policy from article/safe only, and so do the components it renders with.
parser='^verbatim/(article|internal/parsejob/runner)$|^(codeberg.org/readeck/go-readability|github.com/yuin/goldmark|github.com/microcosm-cc/bluemonday|golang.org/x/net/html|github.com/andybalholm/cascadia|github.com/itlightning/dateparse|github.com/gogs/chardet)(/|$)'
check js ./cmd/wasm "$parser" "the reader's app.wasm must not link the parser (import parses in web/parse.wasm; use article/model)"
for goos in linux js; do
	check $goos ./article/search "$parser" "article/search must not link the parser ($goos build: app.wasm searches with it; use article/model)"
	check $goos ./components/... "$parser" "components/ must not link the parser ($goos build; use article/model and article/safe)"
	stdonly $goos './article/model ./article/safe' '^verbatim/article/(model|safe)$' \
		"article/model and article/safe must link the standard library and each other only ($goos build)"
done

# cmd/verbatim holds flags and wiring only (STYLE.md: cmd/NAME only wires flags to packages): it
# imports the standard library's flag, signal, error and output packages and, of Verbatim, the
# server, the parse command's package and the article options it fills in; it declares no types.
# Anything with logic goes into a package that can be imported and tested.
wiring='^(context|errors|flag|fmt|io|log|log/slog|os|os/signal|syscall|verbatim/server|verbatim/internal/parsefile|verbatim/article|verbatim/article/model)$'
if ! imports=$(go list -f '{{join .Imports "\n"}}' ./cmd/verbatim 2>&1); then
	echo "deps: go list ./cmd/verbatim failed:"; echo "$imports" | sed 's/^/  /'; fail=1
elif out=$(echo "$imports" | grep -vE "$wiring"); then
	echo "deps: cmd/verbatim must only wire flags to packages; move what needs these into one:"; echo "$out" | sed 's/^/  /'; fail=1
fi
files=$(go list -f '{{range .GoFiles}}{{$.Dir}}/{{.}} {{end}}' ./cmd/verbatim)
if out=$(grep -nE '^[[:space:]]*type([[:space:]]|\()' $files); then
	echo "deps: cmd/verbatim must declare no types (they belong in an importable package):"; echo "$out" | sed 's/^/  /'; fail=1
fi
if [ "$fail" = 0 ]; then echo "deps: ok (server → app → components → article; cmd/verbatim only wires)"; fi
exit $fail
