// parse-worker.js: the import page's parser, a dedicated Web Worker that runs web/parse.wasm (built
// from cmd/parsewasm), so that the reader's app.wasm links no parser and an import never blocks the
// page. The page (app/parse_wasm.go) starts one worker per import and terminates it after the answer
// or a timeout.
//
// Protocol: the page posts {bytes: Uint8Array, format: string, url: string} (url is the page's address
// when the bookmarklet handed it over, else ""); the worker answers once with
// {article: Uint8Array} (the article's JSON) or {kind, message} (kinds in internal/parsejob; "start"
// when parse.wasm could not be loaded or run).
//
// Trust boundary: the bytes are untrusted and only ever reach the Go parser, which sanitizes them;
// this script never evaluates or renders them. It loads only same-origin scripts and wasm: its
// response's Content-Security-Policy (server/headers.go) allows script-src 'self' 'wasm-unsafe-eval'.
// Offline, both files and /wasm_exec.js come from the service worker's shell cache
// (web/worker/service-worker.js).
"use strict";

// go-app serves Go's wasm_exec.js at the root (its package resources have no prefix here).
importScripts("/wasm_exec.js");

// parse.wasm sits in the web folder, beside app.wasm, one level above this script (web/worker/), under
// the same versioned /v/{version}/web/ prefix, which the service worker precaches.
const PARSE_WASM = new URL("../parse.wasm", self.location.href).href;

const started = (async () => {
  const response = await fetch(PARSE_WASM);
  if (!response.ok) {
    throw new Error("parse.wasm: the server answered " + response.status);
  }
  const go = new Go();
  const { instance } = await WebAssembly.instantiate(await response.arrayBuffer(), go.importObject);
  go.run(instance); // main registers verbatimParse, then waits for calls
  if (typeof self.verbatimParse !== "function") {
    throw new Error("parse.wasm did not register its parser");
  }
})();
started.catch(() => {}); // reported to the page with the first request, not as an unhandled rejection

self.addEventListener("message", async (event) => {
  const request = event.data || {};
  try {
    await started;
  } catch (err) {
    self.postMessage({ kind: "start", message: String((err && err.message) || err) });
    return;
  }
  let answer;
  try {
    answer = self.verbatimParse(request.bytes, String(request.format || "auto"), String(request.url || ""));
  } catch (err) {
    // The Go program exited (a fatal error), or the call itself failed.
    answer = { kind: "internal", message: String((err && err.message) || err) };
  }
  if (answer.article) {
    self.postMessage(answer, [answer.article.buffer]);
  } else {
    self.postMessage({ kind: String(answer.kind), message: String(answer.message) });
  }
});
