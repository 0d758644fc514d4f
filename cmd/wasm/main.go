// Command wasm is the browser main of Verbatim: compiled to web/app.wasm, it registers the app's
// routes, loads the article of a reader URL (so the takeover renders it at once), and hands the page
// over to go-app. It links no server code.
//
//	GOOS=js GOARCH=wasm go build -o web/app.wasm ./cmd/wasm
package main

import (
	"runtime/debug"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/app"
	"verbatim/components"
)

func main() {
	// The start allocates a few megabytes that stay live (go-app, the article, the DOM's Go side):
	// collecting every 100% of growth would run the collector several times on the main thread
	// before the reader is interactive.
	debug.SetGCPercent(400)
	// The article's request goes first: the wasm's first run (instantiation, the runtime's start,
	// the packages' initialisers) ends as soon as Preload waits for the browser's store, and the
	// browser paints the loader's removal during that wait rather than on the way to the takeover.
	app.Preload()
	// Give the browser the main thread between decoding the article and the routes (their regular
	// expressions) and go-app's start, which would otherwise be one long task.
	components.YieldToBrowser()
	app.Register()
	goapp.RunWhenOnBrowser()
}
