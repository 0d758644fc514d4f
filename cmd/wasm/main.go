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
	// Give the browser the main thread back after the Go runtime's start and the packages'
	// initialisers, before the app's own start (its routes, the article's request): the wasm's
	// first run is otherwise one long task from its instantiation to the request.
	components.YieldToBrowser()
	app.Register()
	app.Preload()
	// Give the browser the main thread between decoding the article and go-app's first mount, two
	// stretches of work that would otherwise be one long task.
	components.YieldToBrowser()
	goapp.RunWhenOnBrowser()
}
