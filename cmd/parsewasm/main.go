// Command parsewasm is the parser of the import page, compiled to web/parse.wasm and run in a Web
// Worker (web/worker/parse-worker.js), so that the reader's app.wasm links no parser (readability,
// goldmark, bluemonday and the rest stay here) and an import never blocks the page.
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags=-s -o web/parse.wasm ./cmd/parsewasm
//
// It exposes one function to the worker's JavaScript, verbatimParse(bytes, format), which returns
// {article: Uint8Array} (the article's JSON) or {kind, message} (see internal/parsejob).
//
// Trust boundary: the bytes are untrusted input from the page; they go through runner.Run, that
// is article.Parse, which sanitizes them. Nothing here touches the DOM (a worker has none).
package main
