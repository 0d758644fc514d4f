package app

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// LibraryPage is the route "/": the sample articles, the saved and imported ones, and an import action.
type LibraryPage struct{ goapp.Compo }

// Render shows the library.
func (p *LibraryPage) Render() goapp.UI { return goapp.Main().ID("main").Text("Library") }

// ImportPage is the route "/import".
type ImportPage struct{ goapp.Compo }

// Render shows the import form.
func (p *ImportPage) Render() goapp.UI { return goapp.Main().ID("main").Text("Import") }

// ReaderPage is the route "/article/{id}".
type ReaderPage struct{ goapp.Compo }

// Render shows the article.
func (p *ReaderPage) Render() goapp.UI { return goapp.Main().ID("main").Text("Reader") }

// EmbedPage is the route "/embed/{id}".
type EmbedPage struct{ goapp.Compo }

// Render shows the article without the app's chrome.
func (p *EmbedPage) Render() goapp.UI { return goapp.Main().ID("main").Text("Embed") }
