//go:build js && wasm

package app

import (
	"context"
	"encoding/json"
	"syscall/js"

	"verbatim/article/search"
)

// storeNotes returns the reader's highlights that have notes, from window.verbatimStore.highlights()
// (web/page/offline.js; every record sorted by article, then start). It returns none when the
// store has no such method (a build before highlights) or it fails: search then covers articles
// and quotations only.
//
// Trust boundary: the records are the browser's storage, which anyone with the origin could have
// written: they are decoded with encoding/json into search.Note (strings only) and searched as
// text.
func storeNotes(ctx context.Context) []search.Note {
	s, err := storeObject(ctx)
	if err != nil || s.Get("highlights").Type() != js.TypeFunction {
		return nil
	}
	v, err := call(ctx, "highlights")
	if err != nil || v.Type() != js.TypeObject {
		return nil
	}
	var notes []search.Note
	if json.Unmarshal([]byte(js.Global().Get("JSON").Call("stringify", v).String()), &notes) != nil {
		return nil
	}
	return notes
}
