# Verbatim's build. The two set-up commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
GO ?= go
# GOTOOLCHAIN: Go 1.26.10, which the go command fetches from the module proxy on first use. Go 1.26.8
# (on the machines here) has standard-library vulnerabilities that govulncheck reports (make vulncheck).
export GOTOOLCHAIN ?= go1.26.10
ADDR ?= localhost:8080
FUZZTIME ?= 10m
# A count, not a duration: a duration races the fuzz coordinator's own deadline on go1.26
# (golang/go#75804, fixed in go1.27), which fails a run with a bare "context deadline exceeded".
FUZZTIME_CI ?= 10000x

.PHONY: all build wasm native run test deps lint vet staticcheck fmt eval bench bench-export bench-archive gobench fuzz fuzz-short load vulncheck screenshots test-env clean

all: build

## build: bin/verbatim (native), web/app.wasm (built from its own main, no server code linked in) and
## web/parse.wasm (the import page's parser, run in a Web Worker; app.wasm links no parser)
## and, beside each compressible file of web/, its .br and .gz with their record (web/.precompressed),
## which the server takes without compressing or decoding, and go-app's generated files' encodings in
## web/.encodings/ (verbatim precompress)
build: native wasm
	./bin/verbatim precompress web

native:
	$(GO) build -trimpath -o bin/verbatim ./cmd/verbatim

wasm:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags=-s -o web/app.wasm ./cmd/wasm
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags=-s -o web/parse.wasm ./cmd/parsewasm

## run: serve the sample library on http://localhost:8080
run: build
	./bin/verbatim serve -addr $(ADDR)

## test: everything CI checks; installs Chromium through apt when root and it is missing.
## The unit tests run with the race detector; the long tests (headless Chromium, the bad-input
## table, 10 MiB hostile inputs, a 2,000-article export) skip under -short there, and
## internal/longtest writes each one to $(LONGLOG); the second pass (scripts/longpass.sh) runs just
## those, without the race detector, the server's in two processes side by side. Then each fuzz
## target fuzzes for FUZZTIME_CI. Last, it lists the checks that skipped or ran on less because
## ../shared (the third-party corpora, never committed) is missing: go test shows a skip only with
## -v, so internal/shared writes each one to $(SKIPLOG) as well.
SKIPLOG := $(CURDIR)/bin/skipped.txt
LONGLOG := $(CURDIR)/bin/long.txt
test: export VERBATIM_SKIPLOG := $(SKIPLOG)
test: export VERBATIM_LONGLOG := $(LONGLOG)
test: test-env build deps lint vulncheck
	@mkdir -p $(dir $(SKIPLOG)) && : > $(SKIPLOG) && : > $(LONGLOG)
	$(GO) test -race -short -count=1 -timeout 20m ./...
	GO=$(GO) bash scripts/longpass.sh $(LONGLOG) -count=1 -timeout 30m
	$(MAKE) --no-print-directory fuzz-short
	@bash scripts/skipped.sh $(SKIPLOG)

## test-env: make sure the tools the tests need are here (Chromium for the browser tests)
test-env:
	@bash scripts/test-env.sh

## deps: fail when a package imports across the architecture's one-way line
deps:
	@bash scripts/deps.sh

lint: fmt vet staticcheck

fmt:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./article/... ./components/... ./app/... ./cmd/wasm/... ./cmd/parsewasm/... ./internal/parsejob/...

# staticcheck runs as a host binary, also when it checks the js/wasm build.
staticcheck:
	$(GO) tool staticcheck ./...
	SC=$$($(GO) tool -n staticcheck) && GOOS=js GOARCH=wasm $$SC ./article/... ./components/... ./app/... ./cmd/wasm/... ./cmd/parsewasm/... ./internal/parsejob/...

## eval: score the quote engine on PolNeAR dev, German Wikinews dev and the sample (needs
## ../shared/corpora): P/R/F1, the scare rate, and each rule's and confidence's share and precision.
## EVAL_SPLIT=train scores the train splits instead.
EVAL_SPLIT ?= dev
eval:
	$(GO) run ./cmd/eval -split $(EVAL_SPLIT)

## bench: every performance goal as a ratio against a baseline measured in the same run, one table
## (BENCH_ONLY="wasm parse scale browser lighthouse server library" picks a subset; see BENCHMARKS.md).
## As root it installs what it needs and lacks: wrk and nginx's brotli_static module (apt), Lighthouse (npm)
bench: test-env
	@bash scripts/bench.sh

## bench-export: the static export of a generated library (EXPORT_ARTICLES, default 10,000; issue 17's
## goal is 100,000 in 10 minutes), full then incremental, in articles per second. Outside make test.
EXPORT_ARTICLES ?= 10000
bench-export:
	VERBATIM_EXPORT_ARTICLES=$(EXPORT_ARTICLES) $(GO) test -run '^$$' -bench '^BenchmarkExport$$' -benchtime 1x -timeout 60m ./server

## bench-archive: issue 17's archive goals on generated libraries (BENCH_ARCHIVE_SIZES, default
## 10,1000,10000,100000; kept in BENCH_ARCHIVE_OUT between runs): the real binary's first start,
## restart, memory, index.json and cold and warm pages, against same-run baselines. Not in `make test`.
BENCH_ARCHIVE_SIZES ?= 10,1000,10000,100000
BENCH_ARCHIVE_OUT ?= /tmp/verbatim-bench-archive
bench-archive: build
	$(GO) run ./cmd/benchstore -sizes $(BENCH_ARCHIVE_SIZES) -out $(BENCH_ARCHIVE_OUT)

## gobench: only the Go benchmarks
gobench:
	$(GO) test -run '^$$' -bench . -benchmem -count=1 ./...

## fuzz: long fuzz runs (FUZZTIME each); make test fuzzes each target for FUZZTIME_CI (fuzz-short)
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 10s ./article
	$(GO) test -run '^$$' -fuzz '^FuzzQuotes$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 10s ./article

fuzz-short:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME_CI) -fuzzminimizetime 5s ./article
	$(GO) test -run '^$$' -fuzz '^FuzzQuotes$$' -fuzztime $(FUZZTIME_CI) -fuzzminimizetime 5s ./article

## screenshots: the README's images, from the end-to-end harness
screenshots: build test-env
	VERBATIM_SCREENSHOTS=$(CURDIR)/docs $(GO) test -count=1 -run 'Screenshot' ./server

clean:
	rm -rf bin web/app.wasm web/parse.wasm web/.precompressed web/.encodings
	find web -name '*.br' -delete -o -name '*.gz' -delete

## load: a bounded wrk run (30 s, 64 connections, loopback only) against the real server; prints p99
load: build
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "install wrk (apt-get install wrk)"; exit 1; }
	VERBATIM_LOAD=1 $(GO) test -count=1 -run '^TestLoadWrk$$' -v ./server

## vulncheck: govulncheck (native and wasm) against a vulnerability database built offline
vulncheck:
	@bash scripts/vulncheck.sh
