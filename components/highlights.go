package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// maxNote bounds a highlight's note, in characters; web/page/highlights.js and offline.js hold the
// same bound (MAX_NOTE).
const maxNote = 10000

// highlightsPanel is the quote panel's "Highlights" tab (rendered hidden; quotePanel's tabs show
// it): the reader's own highlights of this article, which web/page/highlights.js lists from the
// browser's store by cloning the item template (highlightItem) and filling in text, the ones it can
// no longer find in this version of the article apart, and the JSON-LD export and import of the
// article's highlights and speaker corrections (HighlightsIO). Go renders every element;
// highlights.js only fills in text, hides and shows.
func highlightsPanel() app.UI {
	return app.Div().ID("panel-highlights").Class("tab-panel").Attr("role", "tabpanel").Aria("labelledby", "tab-highlights").Hidden(true).
		Body(
			app.H2().ID("highlights-title").Text("Your highlights"),
			app.P().Class("hl-empty").DataSet("hl-empty", true).
				Text("No highlights yet. Select text in the article, then choose Highlight, or press a."),
			app.Ul().Class("hl-list").DataSet("hl-list", "found"),
			app.H3().DataSet("hl-lost-title", true).Hidden(true).Text("Not found in this version"),
			app.P().Class("panel-why").DataSet("hl-lost-note", true).Hidden(true).
				Text("The article changed, and these passages are no longer in it. They are kept: delete them or export them."),
			app.Ul().Class("hl-list").DataSet("hl-list", "lost"),
			HighlightsIO("article"),
			app.Template().DataSet("hl-template", true).Body(highlightItem()),
		)
}

// highlightItem is the template of one highlight in the list: a button that goes to the passage,
// the note, and buttons that edit the note and delete the highlight. highlights.js clones it per
// highlight and sets its text (textContent) and its data-highlight-id, and the buttons' labels.
func highlightItem() app.UI {
	return app.Li().Class("hl-item").Body(
		app.Button().Class("hl-go").DataSet("action", "hl-go").Body(app.Span().DataSet("hl-text", true)),
		app.P().Class("hl-note").DataSet("hl-note", true).Hidden(true),
		app.Button().Class("panel-copy").DataSet("action", "hl-edit").Aria("haspopup", "dialog").Text("Note…"),
		app.Button().Class("panel-copy").DataSet("action", "hl-delete").Text("Delete"),
	)
}

// HighlightsIO renders the export and import of highlights as W3C Web Annotation JSON-LD: a button
// that downloads them (highlights.js adds a hidden link to the file it made on the first export, so
// the page holds no link without an address before then), a file field
// that imports them back, and a status line. scope is "article" in the reader (the article's
// highlights and corrections) and "all" on the library page (every one kept in this browser).
// web/page/highlights.js handles both by their data- attributes.
func HighlightsIO(scope string) app.UI {
	export := app.Button().Class("button").DataSet("action", "hl-export")
	box := app.Div().Class("hl-io")
	var field app.UI
	if scope == "all" {
		box = box.DataSet("hl-scope", "all")
		export = export.Text("Export all highlights and corrections (JSON-LD)")
		field = app.Div().Class("control").Body(
			app.Label().For("hl-import-all").Text("Import highlights (JSON-LD)"),
			app.Input().Type("file").ID("hl-import-all").DataSet("hl-import", true).Accept(jsonLDTypes),
		)
	} else {
		box = box.DataSet("hl-scope", "article")
		export = export.Text("Export this article's highlights (JSON-LD)")
		field = app.Div().Class("control").Body(
			app.Label().For("hl-import-article").Text("Import highlights (JSON-LD)"),
			app.Input().Type("file").ID("hl-import-article").DataSet("hl-import", true).Accept(jsonLDTypes),
		)
	}
	return box.Body(
		export,
		field,
		app.P().Class("hl-message").DataSet("hl-message", true).Attr("role", "status"),
	)
}

// jsonLDTypes is what the import's file field offers: JSON-LD files, and JSON.
const jsonLDTypes = ".jsonld,.json,application/ld+json,application/json"

// highlightPopup is the small bar of buttons that highlights.js shows beside the text the reader
// selects in the article body (rendered hidden): highlight it, or highlight it with a note. It is
// how touch and mouse users highlight; the keys a and Shift+A do the same on the selection.
func highlightPopup() app.UI {
	return app.Div().Class("hl-popup").DataSet("hl-popup", true).Hidden(true).Attr("role", "group").Aria("label", "Selected text").
		Body(
			app.Button().Class("button").DataSet("action", "hl-add").Aria("keyshortcuts", "a").Text("Highlight"),
			app.Button().Class("button").DataSet("action", "hl-add-note").Aria("keyshortcuts", "Shift+A").Aria("haspopup", "dialog").
				Text("Highlight with note…"),
		)
}

// highlightDialog is the dialog in which a reader writes or edits a highlight's note (rendered
// hidden): the highlighted passage, the note, and save, delete and cancel. highlights.js opens it
// from the selection bar, Shift+A, or a highlight's "Note…" button.
func highlightDialog() app.UI {
	return app.Div().Class("dialog", "correct").ID("hl-dialog").Hidden(true).
		Attr("role", "dialog").Aria("modal", "false").Aria("labelledby", "hl-dialog-title").
		Body(
			app.H2().ID("hl-dialog-title").Text("Note on your highlight"),
			app.P().Class("correct-quote").DataSet("hl-quote", true),
			app.Div().Class("control").Body(
				app.Label().For("hl-note-text").Text("Note"),
				app.Textarea().ID("hl-note-text").Rows(4).MaxLength(maxNote),
			),
			app.Div().Class("correct-buttons").Body(
				app.Button().Class("button").DataSet("action", "hl-note-save").Text("Save"),
				app.Button().Class("button").DataSet("action", "hl-note-delete").Text("Delete the highlight"),
				app.Button().Class("button").DataSet("action", "hl-note-close").Text("Cancel"),
			),
		)
}
