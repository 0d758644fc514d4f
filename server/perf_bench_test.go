package server

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestPerfLibrary measures budget 7's library scale for BENCHMARKS.md: the server's start (NewServer:
// parse, prerender index, assets) and the heap it keeps, for content directories of 10 to 10,000
// articles, each a distinct copy of the sample text. It measures and never asserts; it runs only
// when scripts/bench.sh sets VERBATIM_BENCH_ROWS.
func TestPerfLibrary(t *testing.T) {
	if os.Getenv("VERBATIM_BENCH_ROWS") == "" {
		t.Skip("a measurement for scripts/bench.sh (set VERBATIM_BENCH_ROWS)")
	}
	sample, err := samples.ReadFile("samples/" + sampleID + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	web := os.Getenv("VERBATIM_BENCH_WEB") // app.wasm precompressed: the start then measures the library
	if web == "" {
		web = filepath.Join("..", "web")
	}
	var first time.Duration
	var firstHeap float64
	for _, n := range []int{10, 100, 1000, 10000} {
		dir := t.TempDir()
		for i := range n {
			body := strings.Replace(string(sample), "\n", fmt.Sprintf(" (copy %d)\n", i), 1)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%05d.txt", i)), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		t0 := time.Now()
		s, err := NewServer(Config{Addr: "127.0.0.1:0", ContentDir: dir, WebDir: web, Logger: newTestLogger(io.Discard)})
		if err != nil {
			t.Fatal(err)
		}
		d := time.Since(t0)
		runtime.GC()
		runtime.ReadMemStats(&m1)
		heap := float64(m1.HeapAlloc) - float64(m0.HeapAlloc)
		runtime.KeepAlive(s)
		s.Close()
		perArticle := ""
		if n == 10 {
			first, firstHeap = d, heap
		} else {
			perArticle = fmt.Sprintf("; %.1f KB heap per article", (heap-firstHeap)/float64(n-10)/1e3)
		}
		perfRow(t, fmt.Sprintf("7 scale: library of %d", n), "server start; heap kept (web assets included)",
			fmt.Sprintf("%.2f s; %.1f MB", d.Seconds(), heap/1e6), fmt.Sprintf("%d × %.1f KB of text", n, float64(len(sample))/1e3),
			fmt.Sprintf("%.1f× the 10-article start%s", float64(d)/float64(first), perArticle), "linear", "report")
	}
}
