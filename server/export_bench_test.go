package server

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"verbatim/internal/genlib"
)

// BenchmarkExport exports a generated library of $VERBATIM_EXPORT_ARTICLES plain-text articles
// (make bench-export, 10,000 by default; 100,000 for issue 17's goal) with the real parser: a full
// export into an empty folder, then, after one article changed, an incremental one into the same
// folder. Both load the library with a state dir, as `verbatim export` does (-state): the full one
// builds the index, the incremental one reads it and parses only the changed file. It reports the
// full export's articles per second (full-articles/s), the incremental export's seconds
// (incremental-s), and the library's loads (NewServer: parse or read the index, and start), which
// each pays before it exports: load-s for the full one, incremental-load-s for the incremental one.
func BenchmarkExport(b *testing.B) {
	v := os.Getenv("VERBATIM_EXPORT_ARTICLES")
	if v == "" {
		b.Skip("minutes of work: run it with make bench-export (VERBATIM_EXPORT_ARTICLES)")
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		b.Fatalf("VERBATIM_EXPORT_ARTICLES=%q: give a number of articles", v)
	}
	web := os.Getenv("VERBATIM_BENCH_WEB")
	if web == "" {
		web = webWithoutWasm(b)
	}
	content := b.TempDir()
	if err := genlib.Write(content, n); err != nil {
		b.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	newServer := func(state string) (*Server, time.Duration) {
		start := time.Now()
		s, err := NewServer(Config{ContentDir: content, StateDir: state, WebDir: web, BaseURL: "https://verbatim.example", StaticOEmbed: true, Logger: logger})
		if err != nil {
			b.Fatal(err)
		}
		return s, time.Since(start)
	}
	for b.Loop() {
		dir := filepath.Join(b.TempDir(), "site")
		state := filepath.Join(b.TempDir(), "state")
		s, load := newServer(state)
		full, err := s.Export(context.Background(), dir, ExportOptions{})
		s.Close()
		if err != nil || full.Rendered != n {
			b.Fatalf("full export: %+v %v", full, err)
		}
		if err := os.WriteFile(filepath.Join(content, genlib.Name(n/2)), []byte(genlib.Text(n/2)+"A correction.\n"), 0o644); err != nil {
			b.Fatal(err)
		}
		s, incLoad := newServer(state)
		inc, err := s.Export(context.Background(), dir, ExportOptions{})
		s.Close()
		if err != nil || inc.Rendered != 1 {
			b.Fatalf("incremental export: %+v %v", inc, err)
		}
		b.ReportMetric(float64(n)/full.Duration.Seconds(), "full-articles/s")
		b.ReportMetric(full.Duration.Seconds(), "full-s")
		b.ReportMetric(inc.Duration.Seconds(), "incremental-s")
		b.ReportMetric(load.Seconds(), "load-s")
		b.ReportMetric(incLoad.Seconds(), "incremental-load-s")
	}
}
