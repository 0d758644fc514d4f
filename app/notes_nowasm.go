//go:build !(js && wasm)

package app

import (
	"context"

	"verbatim/article/search"
)

// storeNotes returns no notes outside the browser: the memory store keeps no highlights.
func storeNotes(context.Context) []search.Note { return nil }
