package components

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
	"verbatim/article/safe"
)

// legend lists the speakers with their colour, role and number of quotes, each a button whose
// data-speaker-filter names the speaker, after "All speakers" (an empty filter). reader.js runs the
// filter: choosing a speaker dims every other speaker's quotes, and n and p move through the chosen
// speaker's; choosing it again, or "All speakers", shows them all. aria-pressed says which is chosen.
// A described speaker (model.Speaker.Described: "The spokesman") shows its label in italics and,
// in words that a screen reader reads too, that the article names no one (describedNote); the
// label alone stays in .legend-name, which reader.js reads as the speaker's name.
func legend(v *bodyView) app.UI {
	a := v.a
	if len(a.Speakers) == 0 {
		return app.Section().Class("legend").Aria("labelledby", "legend-title").Body(
			app.H2().ID("legend-title").Text("Speakers"),
			app.P().Text(noSpeakersText(a)),
		)
	}
	items := make([]app.UI, 0, len(a.Speakers)+1)
	items = append(items, app.Li().Body(
		app.Button().Class("legend-item", "legend-all").DataSet("speaker-filter", "").Aria("pressed", "true").
			Text(fmt.Sprintf("All speakers (%d quotes)", len(a.Quotes))),
	))
	for _, s := range a.Speakers {
		var role, note app.UI
		if s.Role != "" {
			role = app.Span().Class("legend-role").Text(s.Role)
		}
		name := app.Span().Class("legend-name").Text(s.Name)
		if s.Described {
			name = app.Span().Class("legend-name", "described").Text(s.Name)
			note = app.Span().Class("legend-described").Text(describedNote)
		}
		items = append(items, app.Li().Body(
			Data(Class(app.Button().Class("legend-item"), v.speakerClass(s.ID)), "speaker-filter", safe.TokenFrom(string(s.ID))).
				Aria("pressed", "false").
				Body(
					Class(app.Span().Class("swatch"), v.speakerClass(s.ID)).Aria("hidden", "true"),
					name,
					role,
					note,
					app.Span().Class("legend-count").Text(quotesCount(s.Quotes)),
				),
		))
	}
	return app.Section().Class("legend").Aria("labelledby", "legend-title").Body(
		app.H2().ID("legend-title").Text("Speakers"),
		app.Ul().Class("legend-list").Body(items...),
	)
}

// describedNote says, under a described speaker's label in the legend and the quote panel, that
// the label is the article's description of someone it does not name.
const describedNote = "not named in the article"

// describedAside is describedNote in brackets, after a described speaker's label where it follows
// on the same line: the quote panel's group heading and the correction dialog's option.
const describedAside = "(" + describedNote + ")"

func quotesCount(n int) string {
	if n == 1 {
		return "1 quote"
	}
	return fmt.Sprintf("%d quotes", n)
}

func noSpeakersText(a *model.Article) string {
	if len(a.Quotes) == 0 {
		return "No quotations were found in this article."
	}
	return "No speaker could be named for the quotations in this article."
}
