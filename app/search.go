package app

import (
	"context"
	"net/url"
	"strings"
	"time"

	"verbatim/article/search"
)

// PathSearch is the search page's path; its query is in the URL (SearchForm.Values), so a search
// is a link. SearchAPIPath is the server's JSON answer to the same query, which the page asks when
// app.wasm runs it.
const (
	PathSearch    = "/search"
	SearchAPIPath = "/api/search"
)

// SearchForm is a search as the page's form and URL hold it: the words and the filters, as typed.
type SearchForm struct {
	Q, Speaker, Site, From, To string
}

// The query parameters of a search, in SearchForm's order.
var searchParams = []string{"q", "speaker", "site", "from", "to"}

// maxParamBytes bounds each parameter a search reads from a URL; longer values are cut.
const maxParamBytes = search.MaxQueryBytes

// SearchFormOf reads a search from URL query values: each parameter's first value, cut to
// maxParamBytes. Trust boundary: the values are untrusted text, used only as search input and
// rendered as text.
func SearchFormOf(v url.Values) SearchForm {
	get := func(k string) string {
		s := strings.TrimSpace(v.Get(k))
		if len(s) > maxParamBytes {
			s = strings.ToValidUTF8(s[:maxParamBytes], "")
		}
		return s
	}
	return SearchForm{Q: get("q"), Speaker: get("speaker"), Site: get("site"), From: get("from"), To: get("to")}
}

// Values returns the form as URL query values, without the empty ones.
func (f SearchForm) Values() url.Values {
	v := url.Values{}
	for i, s := range []string{f.Q, f.Speaker, f.Site, f.From, f.To} {
		if s != "" {
			v.Set(searchParams[i], s)
		}
	}
	return v
}

// Empty reports whether the form asks nothing: no words and no filter.
func (f SearchForm) Empty() bool { return len(f.Values()) == 0 }

// Query returns the search the form asks for at most limit hits. A date that is not 2006-01-02 is
// ignored, and bad says which (for the page to say so).
func (f SearchForm) Query(limit int) (q search.Query, bad []string) {
	q = search.Query{Text: f.Q, Speaker: f.Speaker, Site: f.Site, Limit: limit}
	for _, d := range []struct {
		s, name string
		t       *time.Time
	}{{f.From, "from", &q.From}, {f.To, "to", &q.To}} {
		if d.s == "" {
			continue
		}
		t, err := time.Parse("2006-01-02", d.s)
		if err != nil {
			bad = append(bad, d.name)
			continue
		}
		*d.t = t
	}
	return q, bad
}

// SearchAnswer is the server's answer to a search (the body of SearchAPIPath): the hits of its
// library's index and how much of the library that index holds.
type SearchAnswer struct {
	search.Result
	Indexed int  `json:"indexed"` // articles in the server's index so far
	Library int  `json:"library"` // articles in the library
	Ready   bool `json:"ready"`   // the index holds every article it will (Indexed may be < Library: see server.MaxSearchArticles)
}

// Searcher searches the server's library. The server sets one (SetServerSearch) so that the search
// page prerenders the library's hits; it is nil in the browser.
type Searcher interface {
	Search(ctx context.Context, q search.Query) SearchAnswer
}

var serverSearch Searcher

// SetServerSearch sets the searcher that prerendering asks. The server calls it once, before it
// serves.
func SetServerSearch(s Searcher) { serverSearch = s }
