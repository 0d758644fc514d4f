package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
	"verbatim/article/safe"
)

// quotePanel lists every quote grouped by speaker, in the legend's order, then the quotes with no
// known speaker. Each item carries the quote's and the speaker's ids (the legend's filter dims it
// too) and holds a plain link to the quote (#q3, which works with no script at all; reader.js
// focuses the quote and keeps the link out of go-app's router) and a copy button. It renders nothing
// for an article without quotes.
func quotePanel(v *bodyView) app.UI {
	a := v.a
	if len(a.Quotes) == 0 {
		return nil
	}
	groups := make([]app.UI, 0, len(a.Speakers)+1)
	group := func(title string, id model.SpeakerID, known bool) {
		var items []app.UI
		for _, q := range a.Quotes {
			if known && q.SpeakerID != id || !known && v.speakers[q.SpeakerID].ID != "" {
				continue
			}
			quote := safe.TokenFrom(string(q.ID))
			item := Data(Class(app.Li().Class("panel-quote"), v.speakerClass(q.SpeakerID)), "quote-id", quote)
			if known {
				item = Data(item, "speaker-id", safe.TokenFrom(string(id)))
			}
			items = append(items, item.Body(
				Href(app.A().Class("panel-go"), safe.QuoteLink(q.ID)).Text("“"+excerpt(q.Text, 140)+"”"),
				Data(AriaLabel(app.Button().Class("panel-copy"), safe.TextFrom("Copy quote: "+excerpt(q.Text, 60))).
					DataSet("action", "copy"), "quote-id", quote).
					Text("Copy"),
			))
		}
		if len(items) == 0 {
			return
		}
		groups = append(groups, app.Li().Class("panel-group").Body(
			app.H3().Text(title),
			app.Ul().Body(items...),
		))
	}
	for _, s := range a.Speakers {
		group(s.Name, s.ID, true)
	}
	group("Unattributed", "", false)
	return app.Section().Class("quote-panel").Aria("labelledby", "panel-title").Body(
		app.H2().ID("panel-title").Text("Quotes by speaker"),
		app.Ul().Class("panel-groups").Body(groups...),
	)
}

// excerpt shortens s to at most n runes, ending with an ellipsis when it cuts.
func excerpt(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}
