package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/safe"
)

// maxCorrectedName bounds the name a reader types as a quote's speaker, in characters.
const maxCorrectedName = 120

// correctDialog is the dialog in which a reader corrects a quote's speaker, rendered hidden: the
// article's speakers to choose from (each option's value is the speaker's id, whose legend button
// carries the speaker's colour), "Someone else" with a name to type, and save, undo and cancel.
// reader.js opens it from a quote panel item's "Speaker…" button, fills in the quote, keeps the
// correction in the browser's storage and shows it on the quote, in the panel and in the quote's
// citation (data-citation-as). It renders nothing for an article without quotes, and the Reader
// leaves it out of embeds, which store nothing.
func correctDialog(v *bodyView) app.UI {
	if len(v.a.Quotes) == 0 {
		return nil
	}
	options := make([]app.UI, 0, len(v.a.Speakers)+1)
	for _, s := range v.a.Speakers {
		label := s.Name
		if s.Described {
			label += " " + describedAside // a described speaker is one of the article's too
		}
		options = append(options, Value(app.Option(), safe.TokenFrom(string(s.ID))).Text(label))
	}
	options = append(options, app.Option().Value("").Text("Someone else (type the name)"))
	return app.Div().Class("dialog", "correct").ID("correct").Hidden(true).
		Attr("role", "dialog").Aria("modal", "false").Aria("labelledby", "correct-title").
		Body(
			app.H2().ID("correct-title").Text("Who said this?"),
			app.P().Class("correct-quote").DataSet("correct-quote", true),
			app.Div().Class("control").Body(
				app.Label().For("correct-speaker").Text("Speaker"),
				app.Select().ID("correct-speaker").Body(options...),
			),
			app.Div().Class("control").Body(
				app.Label().For("correct-name").Text("Name, for someone else"),
				app.Input().Type("text").ID("correct-name").MaxLength(maxCorrectedName).AutoComplete(false),
			),
			app.P().Class("correct-was").DataSet("correct-was", true).Hidden(true),
			app.Div().Class("correct-buttons").Body(
				app.Button().Class("button").DataSet("action", "correct-save").Text("Save"),
				app.Button().Class("button").DataSet("action", "correct-undo").Hidden(true).Text("Undo the correction"),
				app.Button().Class("button").DataSet("action", "correct-close").Text("Cancel"),
			),
		)
}
