package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// shortcuts is the keyboard shortcuts dialog, opened with ? and closed with Escape or its button.
func (r *Reader) shortcuts() app.UI {
	row := func(key, what string) app.UI {
		return app.Tr().Body(app.Th().Scope("row").Body(app.Kbd().Text(key)), app.Td().Text(what))
	}
	return app.Div().Class("dialog").ID("shortcuts").
		Attr("role", "dialog").Aria("modal", "false").Aria("labelledby", "shortcuts-title").
		Body(
			app.H2().ID("shortcuts-title").Text("Keyboard shortcuts"),
			app.Table().Body(
				app.Caption().Class("visually-hidden").Text("Keys and what they do"),
				app.TBody().Body(
					row("n", "Next quote"),
					row("p", "Previous quote"),
					row("h", "Hide or show the highlights"),
					row("?", "Show or hide these shortcuts"),
					row("Esc", "Close this dialog"),
				),
			),
			app.Button().Class("button").ID("shortcuts-close").Text("Close").
				OnClick(func(ctx app.Context, e app.Event) { r.toggleHelp(ctx) }),
		)
}
