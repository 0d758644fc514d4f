package app

import (
	"cmp"
	"context"
	"strconv"
	"strings"
	"time"

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
	Published      string          `json:"published,omitempty"` // RFC 3339, or empty when unknown
}

// PageSize is how many articles one page of the library lists, in /articles/index.json and its
// following pages, and on the library page.
const PageSize = 50

// Listing is one page of the library: the body of /articles/index.json (page 1) and of
// /articles/index-N.json (page N ≥ 2). Pages are in library order (see CompareSummaries) and numbered
// from 1; a library with no article has one empty page.
type Listing struct {
	Articles []Summary `json:"articles"`
	Page     int       `json:"page"`
	Pages    int       `json:"pages"`
	Total    int       `json:"total"`
	// Next is the path of the next page's JSON, or empty on the last page.
	Next string `json:"next,omitempty"`
}

// PageCount returns how many pages a library of total articles has: at least one.
func PageCount(total int) int { return max(1, (total+PageSize-1)/PageSize) }

// IndexPath returns the path of page n of the library's JSON listing: /articles/index.json for page 1,
// /articles/index-N.json after it. Both are plain files, so a static export serves them as they are.
func IndexPath(n int) string {
	if n <= 1 {
		return "/articles/index.json"
	}
	return "/articles/index-" + strconv.Itoa(n) + ".json"
}

// LibraryPath returns the path of page n of the library page: / for page 1, /library/N after it.
func LibraryPath(n int) string {
	if n <= 1 {
		return PathLibrary
	}
	return PathLibraryPages + strconv.Itoa(n)
}

// LibraryPageOf returns the number of the library page at path: 1 for /, N for /library/N with N ≥ 2
// written as the library's links write it (LibraryPath: digits, no leading zero, at most nine). It
// returns false for any other path, /library/1 (page 1 lives at /), /library/02 and /library/abc among
// them. It says nothing of whether the library has that many pages.
func LibraryPageOf(path string) (int, bool) {
	if path == PathLibrary {
		return 1, true
	}
	s, ok := strings.CutPrefix(path, PathLibraryPages)
	if !ok || s == "" || len(s) > 9 || s[0] == '0' || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 2 {
		return 0, false
	}
	return n, true
}

// CompareSummaries is the library's order: newest published first, then articles with no (or no
// readable) published date; ties by id. It is a total order on distinct ids, so pages are stable.
func CompareSummaries(a, b Summary) int {
	ta, oka := publishedTime(a.Published)
	tb, okb := publishedTime(b.Published)
	switch {
	case oka && okb:
		if c := tb.Compare(ta); c != 0 {
			return c
		}
	case oka:
		return -1
	case okb:
		return 1
	}
	return cmp.Compare(a.ID, b.ID)
}

func publishedTime(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339, s)
	return t, err == nil
}

// ListingOf returns page n of a library whose summaries are already in library order, or false when
// there is no such page.
func ListingOf(sorted []Summary, n int) (Listing, bool) {
	l, lo, hi, ok := ListingFrame(len(sorted), n)
	if ok {
		l.Articles = sorted[lo:hi:hi]
	}
	return l, ok
}

// ListingFrame returns page n of a library of total articles without its articles, and the range
// [lo, hi) of the articles it lists in library order, or false when there is no such page. A server
// that keeps the summaries on disk reads only those.
func ListingFrame(total, n int) (l Listing, lo, hi int, ok bool) {
	pages := PageCount(total)
	if n < 1 || n > pages {
		return Listing{}, 0, 0, false
	}
	lo = (n - 1) * PageSize
	hi = min(lo+PageSize, total)
	l = Listing{Articles: []Summary{}, Page: n, Pages: pages, Total: total}
	if n < pages {
		l.Next = IndexPath(n + 1)
	}
	return l, lo, hi, true
}

// Library is where articles come from. On the server it is the parsed content directory (or the
// embedded samples), set once with SetServerLibrary before serving, so that prerendering reads
// articles synchronously. In the browser the app fetches /articles/index.json and /articles/{id}.json
// instead. Articles in a Library have already been through article.Parse, so they are trusted as
// sanitized; their attribute values still go through the components' attribute guard when rendered.
type Library interface {
	// Page returns page n of the library, numbered from 1, or an error for a page that does not exist.
	Page(ctx context.Context, n int) (Listing, error)
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
		Published: a.Published,
	}
}
