package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/valyala/fasthttp"
)

// discardWriter is the least a ResponseWriter can be: a header map reused between requests, the
// body dropped. It keeps the recorder's own allocations out of the handler's figures.
type discardWriter struct {
	h    http.Header
	code int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(code int)        { w.code = code }

// BenchmarkArticleJSONHandler is a small article JSON through the server's whole handler (mux,
// secure, the resource headers, the cache, the encoding pick), as Chromium asks for it; its
// allocations per request are the figure to watch (budget 5: the small JSON against nginx).
func BenchmarkArticleJSONHandler(b *testing.B) {
	h := newBenchServer(b).Handler()
	req := httptest.NewRequest("GET", "/articles/harbour-council.json", nil)
	req.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
	w := &discardWriter{h: http.Header{}}
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		h.ServeHTTP(w, req)
		if w.code != http.StatusOK {
			b.Fatalf("status %d", w.code)
		}
	}
}

// newBenchServer returns a server on the built web folder and the embedded samples, closed when b
// ends.
func newBenchServer(b *testing.B) *Server {
	b.Helper()
	s, err := NewServer(Config{WebDir: "../web", Logger: newTestLogger(io.Discard)})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkArticleJSONFront is the same request through the fasthttp front's native path
// (front.serve), which Start serves: the request's checks, assetRoute, the headers and the body,
// without the socket.
func BenchmarkArticleJSONFront(b *testing.B) {
	s := newBenchServer(b)
	f := newFront(s, context.Background())
	var req fasthttp.Request
	req.SetRequestURI("/articles/harbour-council.json")
	req.Header.SetHost("verbatim.test")
	req.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
	var ctx fasthttp.RequestCtx
	ctx.Init(&req, nil, nil)
	b.ReportAllocs()
	for b.Loop() {
		ctx.Response.Reset()
		f.serve(&ctx)
		if ctx.Response.StatusCode() != http.StatusOK || len(ctx.Response.Header.Peek("Etag")) == 0 {
			b.Fatalf("status %d", ctx.Response.StatusCode())
		}
	}
}
