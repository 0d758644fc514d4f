package app

import goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

// markMounted sets data-app="wasm" on <html>: app.wasm has taken the page over (the pages call it
// once mounted; the browser tests wait for it). It does nothing on the server.
func markMounted() {
	if goapp.IsClient {
		goapp.Window().Get("document").Get("documentElement").Call("setAttribute", "data-app", "wasm")
	}
}
