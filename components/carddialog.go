package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// cardDialog is the dialog in which a reader makes a quote card, rendered hidden: a box for the
// preview image (reader.js puts in an img of the drawn card),
// a download link for each size (1200×630 and 1080×1080), a share button, shown only where the
// browser can share files, and close. Until a card is drawn its link has no address: it is marked
// a disabled link (role link, aria-disabled), which is what assistive technology announces and
// what keeps crawlers from taking it for a broken one; reader.js gives it the card's blob: URL and
// enables it. reader.js opens it from a quote panel item's "Card" button
// and draws the card in the page, offline, with the bundled font, by the rules of
// internal/quotecard, which draws the same card on the server for social previews. It renders
// nothing for an article without quotes; the Reader leaves it out of embeds.
func cardDialog(v *bodyView) app.UI {
	if len(v.a.Quotes) == 0 {
		return nil
	}
	return app.Div().Class("dialog", "card-dialog").ID("card").Hidden(true).
		Attr("role", "dialog").Aria("modal", "false").Aria("labelledby", "card-title").
		Body(
			app.H2().ID("card-title").Text("Quote card"),
			app.Div().Class("card-preview-box").DataSet("card-preview", true),
			app.P().Class("card-short").DataSet("card-short", true).Hidden(true),
			app.Div().Class("correct-buttons").Body(
				app.A().Class("button").Attr("role", "link").Aria("disabled", "true").DataSet("card-size", "landscape").Text("Download 1200×630"),
				app.A().Class("button").Attr("role", "link").Aria("disabled", "true").DataSet("card-size", "square").Text("Download 1080×1080"),
				app.Button().Class("button").DataSet("action", "card-share").Hidden(true).Text("Share…"),
				app.Button().Class("button").DataSet("action", "card-close").Text("Close"),
			),
		)
}
