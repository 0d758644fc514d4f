package components

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
	"verbatim/article/safe"
)

// legend lists the speakers with their colour, role and number of quotes. Choosing one dims every
// other speaker's quotes; choosing it again, or "All speakers", shows them all.
func (r *Reader) legend(v *bodyView) app.UI {
	a := r.Article
	if len(a.Speakers) == 0 {
		return app.Section().Class("legend").Aria("labelledby", "legend-title").Body(
			app.H2().ID("legend-title").Text("Speakers"),
			app.P().Text(noSpeakersText(a)),
		)
	}
	items := make([]app.UI, 0, len(a.Speakers)+1)
	items = append(items, app.Li().Body(
		app.Button().Class("legend-item", "legend-all").
			Aria("pressed", r.selected == "").
			Text(fmt.Sprintf("All speakers (%d quotes)", len(a.Quotes))).
			OnClick(func(ctx app.Context, e app.Event) { r.choose(ctx, "") }),
	))
	for _, s := range a.Speakers {
		s := s
		role := app.UI(nil)
		if s.Role != "" {
			role = app.Span().Class("legend-role").Text(s.Role)
		}
		items = append(items, app.Li().Body(
			Data(Class(app.Button().Class("legend-item"), v.speakerClass(s.ID)), "speaker-id", safe.TokenFrom(string(s.ID))).
				Aria("pressed", r.selected == s.ID).
				OnClick(func(ctx app.Context, e app.Event) { r.choose(ctx, s.ID) }).
				Body(
					Class(app.Span().Class("swatch"), v.speakerClass(s.ID)).Aria("hidden", true),
					app.Span().Class("legend-name").Text(s.Name),
					role,
					app.Span().Class("legend-count").Text(quotesCount(s.Quotes)),
				),
		))
	}
	return app.Section().Class("legend").Aria("labelledby", "legend-title").Body(
		app.H2().ID("legend-title").Text("Speakers"),
		app.Ul().Class("legend-list").Body(items...),
	)
}

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

// choose selects speaker id in the legend, or clears the choice when it is already selected.
func (r *Reader) choose(ctx app.Context, id model.SpeakerID) {
	if r.selected == id {
		id = ""
	}
	r.selected = id
	if id == "" {
		r.status = "Showing every speaker's quotes."
		return
	}
	for _, s := range r.Article.Speakers {
		if s.ID == id {
			r.status = fmt.Sprintf("Showing %s's quotes; the others are dimmed.", s.Name)
		}
	}
}
