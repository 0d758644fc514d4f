package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// LinkForm is the import page's "Read from a link" field, shown only when the server fetches links
// (`verbatim serve -fetch`): a URL input and its button. It is markup only; the import page
// (app.ImportPage) binds the form's submit, reads the input's value and posts it to /api/fetch.
// busy disables the button while a fetch is in flight.
func LinkForm(busy bool) app.HTMLForm {
	return app.Form().ID("link-form").Class("link-form").Body(
		app.Div().Class("field").Body(
			app.Label().For("import-link").Text("Read from a link"),
			app.Input().Type("url").ID("import-link").Name("url").Required(true).
				Placeholder("https://news.example/2026/12/article").AutoComplete(false).
				Aria("describedby", "import-link-hint"),
			app.P().ID("import-link-hint").Class("hint").Text("This server fetches the page for you. Pages behind a login or a paywall need the bookmarklet below, or a paste."),
		),
		app.Button().Type("submit").Class("button", "primary").ID("import-link-submit").Disabled(busy).Text("Read from the link"),
	)
}
