package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/safe"
)

// The exports' markup. Each export button is button[data-action=export] with
// data-export-format (markdown or csv) and data-export-scope (article or library); web/page/offline.js
// loads web/page/export.js on the first press, which makes the file in the browser and hands it to
// the browser's download. Another format (the highlights' W3C Web Annotation JSON-LD) is one more
// button here and one more entry in export.js's run.

// exportButton is one export button.
func exportButton(scope, format, label string) app.UI {
	b := app.Button().Class("button").Type("button").DataSet("action", "export")
	return Data(Data(b, "export-format", safe.TokenFrom(format)), "export-scope", safe.TokenFrom(scope)).Text(label)
}

// exportMenu is the reader's "Export" disclosure in the toolbar (not in embeds): the article as a
// Markdown note, or its quotes as CSV. export.js speaks in the reader's status and notice regions.
func exportMenu() app.UI {
	return app.Details().Class("export-menu").Body(
		app.Summary().Class("button").Text("Export"),
		app.Div().Class("export-body").Attr("role", "group").Aria("label", "Export this article").Body(
			exportButton("article", "markdown", "Markdown note (.md)"),
			exportButton("article", "csv", "Quotes as CSV (.csv)"),
		),
	)
}

// LibraryExport is the library page's export group: every article (kept in this browser, and the
// server's) as a zip of Markdown notes, one per article, or all their quotes in one CSV, with the
// live regions export.js speaks in: a polite status, and an alert for what went wrong or was left
// out, rendered hidden.
func LibraryExport() app.UI {
	return app.Section().Class("library-export").DataSet("export", true).Aria("labelledby", "export-title").Body(
		app.H2().ID("export-title").Text("Export your library"),
		app.P().Class("export-hint").Text("Every article, made in this browser and downloaded as a file: nothing is sent anywhere. "+
			"The notes open in Obsidian and other Markdown note apps; the quotes open in a spreadsheet."),
		app.Div().Class("export-body").Attr("role", "group").Aria("labelledby", "export-title").Body(
			exportButton("library", "markdown", "Markdown notes (.zip)"),
			exportButton("library", "csv", "All quotes as CSV (.csv)"),
		),
		app.P().Class("export-status").DataSet("export-status", true).Attr("role", "status").Aria("live", "polite"),
		app.P().Class("notice").DataSet("export-notice", true).Attr("role", "alert").Hidden(true),
	)
}
