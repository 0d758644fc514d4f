// Package app is Verbatim's application layer: the one route registration shared by the wasm main
// and the server (Register), the configured go-app handler (NewHandler), the web manifest and service
// worker, the route pages that load articles and compose the components, and the browser-side
// store of saved and imported articles (an adapter of web/page/offline.js's store in the wasm).
//
// It imports go-app, the components, the Article contract (article/model), the attribute policy
// (article/safe) and the import's parse job (internal/parsejob). It must not import the server, so the
// wasm binary stays free of server code. Browser-only code lives in _wasm.go/_nowasm.go pairs.
//
// It never calls article.Parse itself: an import is parsed in the browser by a parse worker
// (web/worker/parse-worker.js running web/parse.wasm, built from cmd/parsewasm), so that app.wasm
// links no parser; scripts/deps.sh checks. Only its server-side build parses in place (parse_nowasm.go).
//
// Trust boundary: articles reach the pages from the server library, /articles/{id}.json, IndexedDB or
// an import parsed in the browser by article.Parse in the parse worker, whose answer is decoded with
// encoding/json; all of them are rendered by components, whose attribute guard makes every
// article-derived attribute safe.
package app
