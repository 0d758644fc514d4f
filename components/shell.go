package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Frame is the frame of the app's pages: a skip link, the site header with its navigation, the
// service worker's banners (hidden until web/page/offline.js shows one), and the page's content
// (which holds the page's one main landmark). current names the page ("library", "import",
// "reader") so its link is marked as current. The chosen theme is not the Frame's: the inline
// settings script (web/page/settings.js) puts it on <html> before the first paint.
func Frame(current string, content ...app.UI) app.UI {
	link := func(a app.HTMLA, label, name string) app.UI {
		a = a.Text(label)
		if current == name {
			a = a.Aria("current", "page")
		}
		return app.Li().Body(a)
	}
	return app.Div().Class("shell").Body(
		app.A().Class("skip-link").Href("#main").Text("Skip to content"),
		app.Header().Class("site-header").Body(
			app.A().Class("brand").Href("/").Body(
				app.Img().Src("/web/icons/icon-192.png").Alt("").Width(28).Height(28),
				app.Span().Text("Verbatim"),
			),
			app.Nav().Aria("label", "Site").Body(
				app.Ul().Body(
					link(app.A().Href("/"), "Library", "library"),
					link(app.A().Href("/import"), "Import", "import"),
					link(app.A().Href("/speakers"), "Speakers", "speakers"),
					link(app.A().Href("/search"), "Search", "search"),
				),
			),
		),
		banners(),
		app.Div().Class("page").Body(content...),
	)
}
