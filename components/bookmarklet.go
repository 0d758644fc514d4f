package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Bookmarklet is the import page's "Read in Verbatim" bookmarklet, to drag to the bookmarks bar,
// with its instructions. It is markup only: its href is a placeholder until the import page
// (app/import_bookmarklet.go) sets the bookmarklet's javascript: address, built from
// web/partner/bookmarklet.js and this server's origin, and keeps a click on it here from running it.
func Bookmarklet() app.UI {
	return app.Section().ID("bookmarklet-section").Class("bookmarklet").Aria("labelledby", "bookmarklet-title").Body(
		app.H2().ID("bookmarklet-title").Text("Read any page you are on"),
		app.P().Body(
			app.A().ID("bookmarklet").Class("button", "bookmarklet-link").Href("#bookmarklet-section").
				Aria("describedby", "bookmarklet-steps").Text("Read in Verbatim"),
		),
		app.Ol().ID("bookmarklet-steps").Body(
			app.Li().Text("Drag the “Read in Verbatim” button to your bookmarks bar (Ctrl+Shift+B shows the bar, ⌘+Shift+B on a Mac)."),
			app.Li().Text("On an article's page, click that bookmark. Verbatim opens in a new window with the article as you see it, so pages you are logged in to work too. Nothing is fetched; the page goes straight from your browser to this one."),
			app.Li().Text("If nothing happens, or Verbatim says the page did not hand the article over, that site blocks bookmarklets: copy the article's text and paste it here."),
		),
	)
}
