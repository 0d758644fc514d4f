// Command minimal is the smallest go-app v9 app: one component on one route. The benchmark builds
// it in the same run as web/app.wasm, with the same flags, as the baseline for the wasm's size and
// for the time until the app is interactive. Natively it serves itself: minimal ADDR WEBDIR, where
// WEBDIR holds its app.wasm.
package main

import "github.com/maxence-charriere/go-app/v9/pkg/app"

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("Hello") }

func main() {
	app.Route("/", &hello{})
	app.RunWhenOnBrowser()
	serve()
}
