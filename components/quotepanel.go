package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
	"verbatim/article/safe"
)

// quotePanel lists every quote grouped by speaker, in the legend's order, then the quotes with no
// known speaker. Choosing a quote scrolls to it and focuses it; each has a copy button.
func (r *Reader) quotePanel(v *bodyView) app.UI {
	a := r.Article
	if len(a.Quotes) == 0 {
		return nil
	}
	groups := make([]app.UI, 0, len(a.Speakers)+1)
	group := func(title string, id model.SpeakerID, known bool) {
		var items []app.UI
		for _, q := range a.Quotes {
			if q.SpeakerID != id && (known || q.SpeakerID != "") {
				continue
			}
			if !known && v.speakers[q.SpeakerID].ID != "" {
				continue
			}
			q := q
			items = append(items, Class(app.Li().Class("panel-quote"), v.speakerClass(q.SpeakerID)).Body(
				Data(app.Button().Class("panel-go"), "quote-id", safe.TokenFrom(string(q.ID))).
					OnClick(func(ctx app.Context, e app.Event) { r.focusQuote(ctx, q.ID, true) }).
					Text("“"+excerpt(q.Text, 140)+"”"),
				AriaLabel(app.Button().Class("panel-copy"), safe.TextFrom("Copy quote: "+excerpt(q.Text, 60))).
					OnClick(func(ctx app.Context, e app.Event) { r.copyQuote(ctx, q) }).
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
