package server

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
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
