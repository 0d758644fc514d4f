package app

import (
	"sync"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
)

// The paths of the app's routes.
const (
	PathLibrary = "/"
	PathImport  = "/import"
	// PathLibraryPages is the prefix of the library's pages after the first: /library/2, /library/3…
	PathLibraryPages = "/library/"
)

// libraryPagesRoute is the go-app route of the library's pages after the first (/library/2…); the
// page itself reads its number with LibraryPageOf (nine digits at most: the route has no bound, which
// would compile to one copy per digit before go-app's main runs) and shows "Page not found" for a
// path it refuses, and the server answers 404 for a page the library does not have, or a path
// LibraryPageOf refuses, before go-app renders anything (serveLibraryPage).
const libraryPagesRoute = "^" + PathLibraryPages + "[0-9]+$"

var registerOnce sync.Once

// Register registers every route of the app with go-app. Both the wasm main and the server call it,
// so a route renders the same component on the server (prerender) and in the browser. It is safe to
// call more than once.
//
// go-app compiles each regular expression here, in the browser before the app's main hands over
// (the library page's takeover): exact paths are routed as paths, and the patterns have no bounded
// repetition. The bounds are the pages' own (model.ParseArticlePath, model.ParseSpeakerPath,
// LibraryPageOf), checked by the server before it renders and by the pages in the browser.
func Register() {
	registerOnce.Do(func() {
		goapp.Route(PathLibrary, &LibraryPage{})
		goapp.RouteWithRegexp(libraryPagesRoute, &LibraryPage{})
		goapp.Route(PathImport, &ImportPage{})
		goapp.Route(PathSearch, &SearchPage{})
		goapp.RouteWithRegexp(model.ArticleRoute, &ReaderPage{})
		goapp.RouteWithRegexp(model.EmbedRoute, &EmbedPage{})
		goapp.Route(model.SpeakersPath, &SpeakersPage{})
		goapp.RouteWithRegexp(model.SpeakerRoute, &SpeakersPage{})
	})
}
