package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
	"verbatim/article/safe"
)

// quotePanel is the reader's side panel: two tabs (an ARIA tablist; web/page/highlights.js switches
// them, with the arrow keys too), "Quotes", the article's quotes (quoteList), and "Highlights", the
// reader's own highlights and notes (highlightsPanel). The Reader leaves it out of embeds.
func quotePanel(v *bodyView) app.UI {
	quotes := quoteList(v)
	if quotes == nil {
		quotes = app.P().Class("panel-why").Text("This article has no quotes.")
	}
	return app.Section().Class("quote-panel").Aria("label", "Quotes and highlights").Body(
		app.Div().Class("panel-tabs").Attr("role", "tablist").Aria("label", "Quotes and highlights").Body(
			app.Button().ID("tab-quotes").Class("panel-tab").Attr("role", "tab").Aria("controls", "panel-quotes").
				Aria("selected", "true").Text("Quotes"),
			app.Button().ID("tab-highlights").Class("panel-tab").Attr("role", "tab").Aria("controls", "panel-highlights").
				Aria("selected", "false").TabIndex(-1).Text("Highlights"),
		),
		app.Div().ID("panel-quotes").Class("tab-panel").Attr("role", "tabpanel").Aria("labelledby", "tab-quotes").Body(
			app.H2().ID("panel-title").Text("Quotes by speaker"),
			quotes,
		),
		highlightsPanel(),
	)
}

// quoteList lists every quote grouped by speaker, in the legend's order, then the quotes with no
// known speaker. A described speaker's group says, as the legend does, that the article names no
// one (describedAside). Each item carries the quote's and the speaker's ids (the legend's filter
// dims it too) and holds a plain link to the quote (#q3, which works with no script at all;
// reader.js focuses the quote and keeps the link out of go-app's router), why the quote has its
// speaker (whyText), links to the quote in the original (sourceLinks), a copy button, a button that
// opens the quote card dialog (cardDialog), and a button that opens the correction dialog
// (correctDialog), with a hidden line where reader.js says that the reader corrected the speaker.
// It renders nothing for an article without quotes.
func quoteList(v *bodyView) app.UI {
	a := v.a
	if len(a.Quotes) == 0 {
		return nil
	}
	groups := make([]app.UI, 0, len(a.Speakers)+1)
	group := func(title string, id model.SpeakerID, known, described bool) {
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
			var why app.UI
			if w := whyText(q); known && w != "" {
				why = app.P().Class("panel-why").Text(w)
			}
			items = append(items, item.Body(
				Href(app.A().Class("panel-go"), safe.QuoteLink(q.ID)).Text("“"+excerpt(q.Text, 140)+"”"),
				why,
				v.sourceLinks(q),
				app.P().Class("panel-corrected").DataSet("corrected-note", true).Hidden(true),
				Data(AriaLabel(app.Button().Class("panel-copy"), safe.TextFrom("Copy quote: "+excerpt(q.Text, 60))).
					DataSet("action", "copy"), "quote-id", quote).
					Text("Copy"),
				Data(AriaLabel(app.Button().Class("panel-copy"), safe.TextFrom("Card of: "+excerpt(q.Text, 60))).
					DataSet("action", "card").Aria("haspopup", "dialog"), "quote-id", quote).
					Text("Card"),
				Data(AriaLabel(app.Button().Class("panel-copy"), safe.TextFrom("Correct the speaker of: "+excerpt(q.Text, 60))).
					DataSet("action", "correct").Aria("haspopup", "dialog"), "quote-id", quote).
					Text("Speaker…"),
			))
		}
		if len(items) == 0 {
			return
		}
		head := app.H3().Text(title)
		if described {
			head = app.H3().Body(
				app.Span().Class("described").Text(title),
				app.Span().Class("panel-described").Text(describedAside),
			)
		}
		groups = append(groups, app.Li().Class("panel-group").Body(
			head,
			app.Ul().Body(items...),
		))
	}
	for _, s := range a.Speakers {
		group(s.Name, s.ID, true, s.Described)
	}
	group("Unattributed", "", false, false)
	return app.Ul().Class("panel-groups").Body(groups...)
}

// sourceLinks renders, when the article names its http(s) original, a link that opens the original
// at q (a text fragment, model.SourceLink; it works with no script) and a button that copies that
// link (web/page/reader.js). It is nil otherwise.
func (v *bodyView) sourceLinks(q model.Quote) app.UI {
	host := sourceHost(v.a.URL)
	u, ok := safe.Href(model.SourceLink(v.a.URL, q.Text))
	if !ok || host == "" {
		return nil
	}
	return app.P().Class("panel-source").Body(
		AriaLabel(Href(app.A(), u).Class("panel-source-link"), safe.TextFrom("Open this quote at "+host+", in a new tab")).
			Target("_blank").Rel("noopener noreferrer nofollow").Text("At "+host),
		app.Text(" "),
		Data(AriaLabel(app.Button().Class("panel-copy"), safe.TextFrom("Copy source link to this quote at "+host+": "+excerpt(q.Text, 60))).
			DataSet("action", "copy-source"), "quote-id", safe.TokenFrom(string(q.ID))).
			Text("Copy source link"),
	)
}

// whyText says why q has its speaker and how sure the engine is: "Why: said, after the quotation.
// High confidence." It is "" for a quote without a rule.
func whyText(q model.Quote) string {
	w := q.Why()
	if w == "" {
		return ""
	}
	out := "Why: " + w + "."
	switch q.Confidence {
	case model.ConfidenceHigh:
		out += " High confidence."
	case model.ConfidenceMedium:
		out += " Medium confidence."
	case model.ConfidenceLow:
		out += " Low confidence: check it."
	}
	return out
}

// excerpt shortens s to at most n runes, ending with an ellipsis when it cuts.
func excerpt(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}
