package benchbrowser

import (
	"encoding/json"
	"fmt"
	"time"
)

// The DOM the measurements wait for. They name go-app's own signals and the ids and attributes of
// Verbatim's pages (docs/architecture.md); a change there is a change here.
const (
	// goRunning holds once a go-app wasm's main has run: it replaced app.js's placeholder goappNav
	// with a Go function (wasm_exec.js's wrapper), and app.js removed its loader after go.run. The
	// same for Verbatim's pages and for the minimal go-app app.
	goRunning = `typeof goappNav === "function" && String(goappNav).includes("_pendingEvent") && !document.getElementById("app-wasm-loader")`
	// importReady: the import page's form, rendered by app.wasm, can take a paste.
	importReady = goRunning + ` && !!document.getElementById("import-text") && !!document.getElementById("import-submit")`
	// importDone: the imported article is open in the reader with its quotes marked.
	importDone = `location.pathname.startsWith("/article/my-") && document.querySelectorAll("mark[data-quote-id]").length > 0`
)

// measureImport opens the import page, waits until it can take a paste, then pastes text as plain
// text and submits, and returns the time until the imported article shows its marks, in ms: the
// parse worker's start (parse.wasm fetched and compiled, unless the page did that before), the
// parse, the store and the reader. The time is read in Go, around the paste and the page's answer
// to a poll every 10 ms, since the reader may be a new document.
func (t *tab) measureImport(importURL, text string) (float64, error) {
	t.probe.reset()
	t.net.reset()
	if err := t.navigate(importURL); err != nil {
		return 0, err
	}
	if err := poll(t, loadWait, 50*time.Millisecond, "the import page to take a paste", importReady); err != nil {
		return 0, err
	}
	quoted, _ := json.Marshal(text)
	paste := fmt.Sprintf(`(() => {
		const t = document.getElementById("import-text");
		t.value = %s;
		t.dispatchEvent(new Event("input", {bubbles: true}));
		const f = document.getElementById("import-format");
		if (f) { f.value = "text"; f.dispatchEvent(new Event("change", {bubbles: true})); }
		document.getElementById("import-submit").click();
		return true;
	})()`, quoted)
	t0 := time.Now()
	if _, err := eval[bool](t, loadWait, paste); err != nil {
		return 0, fmt.Errorf("pasting into the import page: %w", err)
	}
	if err := poll(t, loadWait, 10*time.Millisecond, "the imported article with its marks", importDone); err != nil {
		return 0, err
	}
	return float64(time.Since(t0).Microseconds()) / 1000, nil
}
