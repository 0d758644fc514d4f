package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
)

// ReadingProgress is the reader's progress bar. It follows the page's scrolling on its own, so a
// scroll re-renders the bar and not the article, and it remembers the reading position of ArticleID.
type ReadingProgress struct {
	app.Compo

	ArticleID model.ArticleID

	value   int
	release func()
}

// OnInit gives the browser the main thread back before the reader's elements are created. The bar
// is the first component of the Reader's tree, so go-app calls OnInit between the Reader's render
// and the build of its elements: during app.wasm's takeover, two stretches of one long task. The
// elements are built off the document (go-app swaps the page in once built), so the page on screen
// does not change meanwhile. It does nothing on the server.
func (p *ReadingProgress) OnInit() { YieldToBrowser() }

// OnMount listens to the window's scrolling.
func (p *ReadingProgress) OnMount(ctx app.Context) {
	if !app.IsClient {
		return
	}
	scroll := app.FuncOf(func(this app.Value, args []app.Value) any {
		frac := scrollFraction()
		if v := int(frac * 100); v != p.value {
			if p.ArticleID != "" {
				savePosition(ctx, p.ArticleID, frac)
			}
			ctx.Dispatch(func(app.Context) { p.value = v })
		}
		return nil
	})
	app.Window().Call("addEventListener", "scroll", scroll, map[string]any{"passive": true})
	p.release = func() {
		app.Window().Call("removeEventListener", "scroll", scroll)
		scroll.Release()
	}
}

// OnDismount stops listening.
func (p *ReadingProgress) OnDismount() {
	if p.release != nil {
		p.release()
	}
}

// Render draws the bar.
func (p *ReadingProgress) Render() app.UI {
	return app.Progress().
		Class("reading-progress").
		Max(100).
		Value(p.value).
		Aria("label", "Reading progress")
}
