// Package app is Verbatim's application layer: the one route registration shared by the wasm main
// and the server (Register), the configured go-app handler (NewHandler), the web manifest and service
// worker, the route pages that load articles and compose the components, and the browser-side
// stores (saved and imported articles, small settings).
//
// It imports go-app, the components and the article packages. It must not import the server, so the
// wasm binary stays free of server code. Browser-only code lives in _wasm.go/_nowasm.go pairs.
//
// Trust boundary: articles reach the pages from the server library, /articles/{id}.json, IndexedDB or
// an import parsed in the browser by article.Parse; all of them are rendered by components, whose
// attribute guard makes every article-derived attribute safe.
package app
