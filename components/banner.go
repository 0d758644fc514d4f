package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// banners are the service worker's two banners, squoosh style, rendered hidden in the Frame:
// "Ready to work offline" once the first worker takes control, and "Update available" with a
// Reload button when a new version waits. The markup is Go's; the behaviour is
// web/page/offline.js's, which shows them (hidden) and handles their buttons by data-action. They
// sit in one live region, so that a banner shown is announced.
func banners() app.UI {
	return app.Div().Class("banner-slot").Attr("role", "status").Body(
		app.Div().ID("offline-ready").Class("banner").Hidden(true).Body(
			app.Span().Text("Ready to work offline."),
			app.Button().Type("button").Class("button").DataSet("action", "dismiss-banner").Text("Dismiss"),
		),
		app.Div().ID("update-banner").Class("banner").Hidden(true).Body(
			app.Span().Text("Update available."),
			app.Button().Type("button").Class("button").DataSet("action", "update-reload").Text("Reload"),
		),
	)
}
