package server

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchJSON is a 3 KB JSON body, the size the serving figures in the brief were measured on.
var benchJSON = `{"items":[` + strings.TrimSuffix(strings.Repeat(`{"id":"an-article-id","title":"A title of some length","words":1234},`, 45), ",") + `]}`

func benchServe(b *testing.B, h http.Handler, target, encoding string) {
	req := httptest.NewRequest("GET", target, nil)
	if encoding != "" {
		req.Header.Set("Accept-Encoding", encoding)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

// BenchmarkJSONFileServer is the baseline: http.FileServer reading the file from disk for each request.
func BenchmarkJSONFileServer(b *testing.B) {
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.json"), []byte(benchJSON), 0o644); err != nil {
		b.Fatal(err)
	}
	benchServe(b, http.FileServer(http.Dir(dir)), "/index.json", "")
}

// BenchmarkJSONAsset serves the same body from memory, as the server does.
func BenchmarkJSONAsset(b *testing.B) {
	a := newAsset("application/json", []byte(benchJSON))
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { a.serve(w, r, cacheRevalidate) })
	b.Run("identity", func(b *testing.B) { benchServe(b, h, "/index.json", "") })
	b.Run("br", func(b *testing.B) { benchServe(b, h, "/index.json", "gzip, deflate, br") })
}
