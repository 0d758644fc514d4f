//go:build !(js && wasm)

package app

import "context"

// awaitHandoff has no page to wait for outside the browser.
func awaitHandoff(context.Context) (string, string, error) { return "", "", errNoOpener }
