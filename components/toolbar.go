package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/safe"
)

// toolbar holds the reader's buttons and, outside embeds, the save button, the export menu
// (exportMenu), the shortcuts button and the settings. Each button says what it does with data-action, for the scripts, and its labels
// never change: aria-pressed and aria-expanded carry the state (verbatim.css marks a pressed button).
// Go renders the state a page starts in; the scripts change it.
func (r *Reader) toolbar() app.UI {
	highlights := app.Button().Class("button").ID("toggle-highlights").DataSet("action", "highlights").
		Aria("pressed", "true").Aria("keyshortcuts", "h").Text("Highlights (h)")
	// The embed has "Copy quote" too: embed.js gives its frame allow="clipboard-write".
	copyQuote := app.Button().Class("button").ID("copy-quote").DataSet("action", "copy").Text("Copy quote")
	if len(r.Article.Quotes) == 0 {
		copyQuote = copyQuote.Disabled(true) // go-app would prerender Disabled(false) as disabled="false"
	}
	if r.Embed {
		open, _ := safe.ArticlePath(r.Article.ID)
		return app.Div().Class("toolbar").Body(
			Href(app.A().Class("button"), open).Target("_blank").Rel("noopener").Text("Open in Verbatim"),
			highlights,
			copyQuote,
		)
	}
	// Saving is web/page/offline.js's: it finds the button by its data-action and sets aria-pressed
	// from the browser's store. An imported article is in the store already.
	save := app.Button().Class("button").ID("save").DataSet("action", "save").Aria("pressed", r.Imported)
	if r.Imported {
		save = save.Text("Keep in this browser")
	} else {
		save = save.Text("Save for offline")
	}
	return app.Div().Class("toolbar").Body(
		highlights,
		copyQuote,
		save,
		exportMenu(),
		app.Button().Class("button").ID("shortcuts-button").DataSet("action", "shortcuts").
			Aria("expanded", "false").Aria("controls", "shortcuts").Aria("keyshortcuts", "?").Text("Shortcuts (?)"),
		settingsForm(),
	)
}
