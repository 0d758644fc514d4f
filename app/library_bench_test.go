package app

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"verbatim/article/model"
)

// memLibrary is a Library of generated summaries held in memory, already in library order: what the
// library page costs with the listing itself out of the way.
type memLibrary struct{ sorted []Summary }

func newMemLibrary(n int) memLibrary {
	l := memLibrary{sorted: make([]Summary, n)}
	for i := range l.sorted {
		l.sorted[i] = Summary{
			ID: model.ArticleID(fmt.Sprintf("article-%06d", i)), Title: fmt.Sprintf("Article number %d of the archive", i),
			Byline: "A. Reporter", Site: "news.example", Excerpt: "The first lines of the article, as its card shows them.",
			Words: 800, ReadingMinutes: 4, Quotes: 6, Speakers: 3,
			Published: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(i) * time.Hour).Format(time.RFC3339),
		}
	}
	return l
}

func (l memLibrary) Page(_ context.Context, n int) (Listing, error) {
	if p, ok := ListingOf(l.sorted, n); ok {
		return p, nil
	}
	return Listing{}, fmt.Errorf("page %d: not in the library", n)
}

func (l memLibrary) Get(context.Context, model.ArticleID) (*model.Article, error) {
	return nil, fmt.Errorf("no articles, only their summaries")
}

// prerender renders path through h with lib as the server library, and returns the page's size.
func prerender(tb testing.TB, h http.Handler, lib Library, path string) int {
	SetServerLibrary(lib)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	body, _ := io.ReadAll(rec.Result().Body)
	if rec.Code != http.StatusOK {
		tb.Fatalf("GET %s = %d", path, rec.Code)
	}
	return len(body)
}

// TestLibraryPageSizeIsFlat prerenders the first page of a library of 100 articles and the first, a
// middle and the last pages of one of 10,000: each page lists 50 cards, so the pages differ only by
// the numbers they print and the pagination links they have, within 2% of page 1 of 100.
func TestLibraryPageSizeIsFlat(t *testing.T) {
	t.Cleanup(func() { SetServerLibrary(nil) })
	h := NewHandler(HandlerConfig{Version: "v-test", WebDir: "../web"})
	small, large := newMemLibrary(100), newMemLibrary(10000)
	base := prerender(t, h, small, "/")
	for _, path := range []string{"/", "/library/100", "/library/200"} {
		if got := prerender(t, h, large, path); got < base-base/50 || got > base+base/50 {
			t.Errorf("%s of 10,000 articles is %d bytes; page 1 of 100 is %d", path, got, base)
		}
	}
}

// BenchmarkLibraryPage prerenders the library page (go-app's render of LibraryPage, no server
// post-processing) for an in-memory library of 100 and of 10,000 articles, the first page and, for
// the larger, the last, and a middle page of 100,000. The ratio run renders page 1 of each in turn and reports the larger's time
// and size over the smaller's (x-baseline, size-x-baseline): both stay near 1 as the library grows,
// because a page renders its 50 cards and nothing of the rest.
func BenchmarkLibraryPage(b *testing.B) {
	b.Cleanup(func() { SetServerLibrary(nil) })
	h := NewHandler(HandlerConfig{Version: "v-bench", WebDir: "../web"})
	small, large := newMemLibrary(100), newMemLibrary(10000)
	for _, c := range []struct {
		name string
		lib  Library
		path string
	}{{"articles=100", small, "/"}, {"articles=10000", large, "/"}, {"articles=10000/last", large, "/library/200"},
		{"articles=100000/middle", newMemLibrary(100000), "/library/1000"}} {
		b.Run(c.name, func(b *testing.B) {
			var size int
			for b.Loop() {
				size = prerender(b, h, c.lib, c.path)
			}
			b.ReportMetric(float64(size), "page-bytes")
		})
	}
	b.Run("ratio", func(b *testing.B) {
		var tSmall, tLarge time.Duration
		var sSmall, sLarge int
		for b.Loop() {
			t0 := time.Now()
			sSmall = prerender(b, h, small, "/")
			t1 := time.Now()
			sLarge = prerender(b, h, large, "/")
			tLarge += time.Since(t1)
			tSmall += t1.Sub(t0)
		}
		b.ReportMetric(float64(tLarge)/float64(tSmall), "x-baseline")
		b.ReportMetric(float64(sLarge)/float64(sSmall), "size-x-baseline")
	})
}
