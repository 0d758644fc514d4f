// Package runner runs the parse job of the import page: article.Parse on untrusted bytes, answered as
// the article's JSON or a *parsejob.Error. cmd/parsewasm runs it in the browser's parse worker; the
// server-side build of package app runs it in place. The reader's app.wasm must never import it:
// it links the whole parser (scripts/deps.sh checks).
//
// Trust boundary: Run's input is untrusted (whatever was pasted, dropped, shared or opened) and goes
// through article.Parse, which sanitizes it; the JSON it returns holds only what Parse let through.
package runner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"verbatim/article/model"

	"verbatim/article"
	"verbatim/internal/parsejob"
)

// Run parses src in the given format ("" or "auto" to detect it), at the page address pageURL when
// it is not "" (a page handed over by the bookmarklet), and returns the article as JSON,
// or a *parsejob.Error. It never panics: a panic in the parser becomes a KindInternal error, so the worker
// stays alive for the page to terminate.
func Run(src []byte, format, pageURL string) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, &parsejob.Error{Kind: parsejob.KindInternal, Message: fmt.Sprintf("the parser failed: %v", r)}
		}
	}()
	a, perr := article.Parse(bytes.NewReader(src), article.Options{Format: model.Format(format), URL: pageURL})
	if perr != nil {
		return nil, &parsejob.Error{Kind: parsejob.KindOf(perr), Message: perr.Error()}
	}
	out, jerr := json.Marshal(a)
	if jerr != nil {
		return nil, &parsejob.Error{Kind: parsejob.KindInternal, Message: "encoding the article: " + jerr.Error()}
	}
	return out, nil
}
