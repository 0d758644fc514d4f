// Command wasm is the browser main of Verbatim: compiled to web/app.wasm, it registers the app's
// routes, loads the article of a reader URL (so the takeover renders it at once), and hands the page
// over to go-app. It links no server code.
//
//	GOOS=js GOARCH=wasm go build -o web/app.wasm ./cmd/wasm
package main

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/app"
)

func main() {
	app.Register()
	app.Preload()
	goapp.RunWhenOnBrowser()
}
