package server

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// BenchmarkLibraryStart measures the library's scale (BENCHMARKS.md, budget 7): NewServer's start
// (parse, prerender index, assets) and the heap the server keeps, for content directories of 10 to
// 10,000 articles, each a distinct copy of the sample text. Each size reports, besides its time per
// start, the heap kept in MB (heap-MB) and the text per article (text-KB). $VERBATIM_BENCH_WEB names
// the web folder (scripts/bench.sh gives its build, app.wasm precompressed, so that the start
// measures the library, not brotli on app.wasm); without it, the repository's web folder less its
// wasm. scripts/bench.sh runs it once per size (-benchtime 1x) for the table.
func BenchmarkLibraryStart(b *testing.B) {
	sample, err := samples.ReadFile("samples/zakaria-peskov.txt")
	if err != nil {
		b.Fatal(err)
	}
	web := os.Getenv("VERBATIM_BENCH_WEB")
	if web == "" {
		web = webWithoutWasm(b)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, n := range []int{10, 100, 1000, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			for i := range n {
				body := strings.Replace(string(sample), "\n", fmt.Sprintf(" (copy %d)\n", i), 1)
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%05d.txt", i)), []byte(body), 0o644); err != nil {
					b.Fatal(err)
				}
			}
			var heap float64
			for b.Loop() {
				b.StopTimer()
				var m0, m1 runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&m0)
				b.StartTimer()
				s, err := NewServer(Config{Addr: "127.0.0.1:0", ContentDir: dir, WebDir: web, Logger: logger})
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				runtime.GC()
				runtime.ReadMemStats(&m1)
				heap = float64(m1.HeapAlloc) - float64(m0.HeapAlloc)
				runtime.KeepAlive(s)
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(heap/1e6, "heap-MB")
			b.ReportMetric(float64(len(sample))/1e3, "text-KB")
		})
	}
}

// webWithoutWasm copies the repository's web folder without its wasm files.
func webWithoutWasm(b *testing.B) string {
	dst := b.TempDir()
	if err := os.CopyFS(dst, os.DirFS(filepath.Join("..", "web"))); err != nil {
		b.Fatal(err)
	}
	wasm, _ := filepath.Glob(filepath.Join(dst, "*.wasm*"))
	for _, p := range wasm {
		if err := os.Remove(p); err != nil {
			b.Fatal(err)
		}
	}
	return dst
}
