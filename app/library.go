package app

import (
	"context"

	"verbatim/article/model"
)

// Summary is one entry of the library listing (/articles/index.json).
type Summary struct {
	ID             model.ArticleID `json:"id"`
	Title          string          `json:"title"`
	Byline         string          `json:"byline"`
	Site           string          `json:"site"`
	Excerpt        string          `json:"excerpt"`
	Words          int             `json:"words"`
	ReadingMinutes int             `json:"readingMinutes"`
	Quotes         int             `json:"quotes"`
	Speakers       int             `json:"speakers"`
}

// Library is where articles come from. On the server it is the parsed content directory (or the
// embedded samples), set once with SetServerLibrary before serving, so that prerendering reads
// articles synchronously. In the browser the app fetches /articles/index.json and /articles/{id}.json
// instead. Articles in a Library have already been through article.Parse, so they are trusted as
// sanitized; their attribute values still go through the components' attribute guard when rendered.
type Library interface {
	List(ctx context.Context) ([]Summary, error)
	Get(ctx context.Context, id model.ArticleID) (*model.Article, error)
}

// serverLibrary is the server-side library used while prerendering. It is nil in the browser.
var serverLibrary Library

// SetServerLibrary sets the library that prerendering reads from. The server calls it once, before it
// serves; it is not safe to call while requests are served.
func SetServerLibrary(l Library) { serverLibrary = l }

// SummaryOf returns the library entry for a.
func SummaryOf(a *model.Article) Summary {
	return Summary{
		ID: a.ID, Title: a.Title, Byline: a.Byline, Site: a.Site, Excerpt: a.Excerpt,
		Words: a.Words, ReadingMinutes: a.ReadingMinutes, Quotes: len(a.Quotes), Speakers: len(a.Speakers),
	}
}
