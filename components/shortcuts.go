package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// shortcuts is the keyboard shortcuts dialog, rendered hidden: reader.js opens it with ? or the
// shortcuts button and closes it with Escape, ? or its close button.
func shortcuts() app.UI {
	row := func(key, what string) app.UI {
		return app.Tr().Body(app.Th().Scope("row").Body(app.Kbd().Text(key)), app.Td().Text(what))
	}
	return app.Div().Class("dialog").ID("shortcuts").Hidden(true).
		Attr("role", "dialog").Aria("modal", "false").Aria("labelledby", "shortcuts-title").
		Body(
			app.H2().ID("shortcuts-title").Text("Keyboard shortcuts"),
			app.Table().Body(
				app.Caption().Class("visually-hidden").Text("Keys and what they do"),
				app.TBody().Body(
					row("n", "Next quote"),
					row("p", "Previous quote"),
					row("h", "Hide or show the highlights"),
					row("a", "Highlight the selected text"),
					row("Shift+A", "Highlight the selected text and add a note"),
					row("?", "Show or hide these shortcuts"),
					row("Esc", "Close this dialog"),
				),
			),
			app.Button().Class("button").ID("shortcuts-close").DataSet("action", "shortcuts-close").Text("Close"),
		)
}
