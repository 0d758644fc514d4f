package server

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"verbatim/internal/benchstore"
	corpus "verbatim/internal/eval"
	"verbatim/internal/shared"
)

// BenchmarkColdPage is an article page no request has asked for yet, through the server's whole
// handler as Chromium asks for it (brotli accepted): each request comes to another host name, so
// its page is rendered, post-processed and compressed afresh and kept in the cache (the article
// itself is parsed once). Work a request hands off (a page's upgrade) runs meanwhile, as it would
// in the server, but is not waited for.
func BenchmarkColdPage(b *testing.B) {
	h := newBenchServer(b).Handler()
	w := &discardWriter{h: http.Header{}}
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("GET", "/article/harbour-council", nil)
		req.Host = fmt.Sprintf("h%d.example", i)
		req.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
		i++
		clear(w.h)
		h.ServeHTTP(w, req)
		if w.code != http.StatusOK || w.h.Get("Content-Encoding") != "br" {
			b.Fatalf("status %d, Content-Encoding %q", w.code, w.h.Get("Content-Encoding"))
		}
	}
}

// BenchmarkColdArticle is an article's first page as a request finds it after a start: its content
// file read and parsed (library.Get), the page rendered and post-processed, and compressed in the
// coding the request takes at the cold level (brotliCold; none for identity), through the server's
// whole handler, each iteration another article of a library of real news (PolNeAR train, 840
// articles) or of generated ones (internal/benchstore's, as make bench-archive serves). The
// upgrader is closed, so the figure is the request's own work; …/upgrade is the work a cold page
// then hands off (upgraded: the same coding again at brotliFast), on the same pages. Run it with
// -benchtime Nx, N at most the library's articles.
func BenchmarkColdArticle(b *testing.B) {
	news := func(tb testing.TB) []string {
		arts, err := corpus.ReadCorpus(shared.Require(tb, "corpora/polnear/train.jsonl.gz"))
		if err != nil {
			tb.Fatal(err)
		}
		texts := make([]string, len(arts))
		for i, a := range arts {
			texts[i] = a.Text
		}
		return texts
	}
	generated := func(testing.TB) []string {
		texts := make([]string, 1000)
		for i := range texts {
			texts[i] = benchstore.Article(i)
		}
		return texts
	}
	for _, lib := range []struct {
		name  string
		texts func(testing.TB) []string
	}{{"polnear", news}, {"generated", generated}} {
		for _, coding := range []string{"br", "identity", "upgrade"} {
			b.Run(lib.name+"/"+coding, func(b *testing.B) {
				texts := lib.texts(b)
				dir := b.TempDir()
				for i, t := range texts {
					if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(t), 0o644); err != nil {
						b.Fatal(err)
					}
				}
				s, err := NewServer(Config{WebDir: "../web", ContentDir: dir, Logger: newTestLogger(io.Discard)})
				if err != nil {
					b.Fatal(err)
				}
				b.Cleanup(func() { s.Close() })
				s.upgrades.close()
				h := s.Handler()
				w := &discardWriter{h: http.Header{}}
				get := func(i int) {
					req := httptest.NewRequest("GET", fmt.Sprintf("/article/a%04d", i), nil)
					if coding != "identity" {
						req.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
					}
					clear(w.h)
					h.ServeHTTP(w, req)
					if w.code != http.StatusOK {
						b.Fatalf("article %d: status %d", i, w.code)
					}
				}
				pages := make([]*renderedPage, len(texts))
				if coding == "upgrade" {
					for i := range texts {
						req := httptest.NewRequest("GET", fmt.Sprintf("/article/a%04d", i), nil)
						req.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
						pg, ok := s.pages.render(w, req, s.pages.base(req), true)
						if !ok || !pg.cold {
							b.Fatalf("article %d: no cold page", i)
						}
						pages[i] = pg
					}
				}
				i := 0
				b.ReportAllocs()
				for b.Loop() {
					if i == len(texts) {
						b.Fatalf("more iterations than the library's %d articles", len(texts))
					}
					if coding == "upgrade" {
						upgraded(pages[i])
					} else {
						get(i)
					}
					i++
				}
			})
		}
	}
}
