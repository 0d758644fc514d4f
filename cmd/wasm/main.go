// Command wasm is the browser main of Verbatim: compiled to web/app.wasm, it registers the app's
// routes, loads the article of a reader URL (so go-app's first render is the article), and hands the
// page over to go-app. It links no server code.
//
//	GOOS=js GOARCH=wasm go build -o web/app.wasm ./cmd/wasm
package main

import (
	"runtime/debug"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/app"
)

func main() {
	// The start allocates a few megabytes that stay live (go-app, the article, the DOM's Go side):
	// collecting every 100% of growth would run the collector several times on the main thread
	// before the reader is interactive.
	debug.SetGCPercent(400)
	// The article's request goes first, so that go-app's first render of a reader's URL is the
	// article (see app.Preload).
	app.Preload()
	app.Register()
	goapp.RunWhenOnBrowser()
}
