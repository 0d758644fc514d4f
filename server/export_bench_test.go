package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	kgzip "github.com/klauspost/compress/gzip"

	"verbatim/article/model"
	"verbatim/internal/genlib"
)

// BenchmarkExport exports a generated library of $VERBATIM_EXPORT_ARTICLES plain-text articles
// (make bench-export, 10,000 by default; 100,000 for issue 17's goal) with the real parser: a full
// export into an empty folder, then, after one article changed, an incremental one into the same
// folder. Both load the library with a state dir, as `verbatim export` does (-state): the full one
// builds the index, the incremental one reads it and parses only the changed file. It reports the
// full export's articles per second (full-articles/s), the processor time it took per article in all
// the process's threads (full-cpu-ms/article: what the export needs of the cores when they are its
// own, which a shared host's wall time hides), the incremental export's seconds (incremental-s), and
// the library's loads (NewServer: parse or read the index, and start), which each pays before it
// exports: load-s for the full one, incremental-load-s for the incremental one.
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
		cpu := cpuTime(b)
		full, err := s.Export(context.Background(), dir, ExportOptions{})
		cpu = cpuTime(b) - cpu
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
		b.ReportMetric(float64(cpu.Milliseconds())/float64(n), "full-cpu-ms/article")
		b.ReportMetric(inc.Duration.Seconds(), "incremental-s")
		b.ReportMetric(load.Seconds(), "load-s")
		b.ReportMetric(incLoad.Seconds(), "incremental-load-s")
	}
}

// BenchmarkExportArticle exports the files of one article an iteration (exportArticle: its page,
// embed page, JSON and oEmbed with their compressed forms, its share pages and cards), each iteration
// another article of a generated library of 64, into one folder: the export's work an article
// without the library's load and the site's pages around it. It is for instruction counts
// (cachegrind at 1x and at 31x, whose difference over 30 is one article), which a loaded host does
// not move as it moves BenchmarkExport's processor time. Up to 48 iterations, the cards' caches see
// each article once, as in a full export. $VERBATIM_EXPORT_CONTENT, a folder of at least 64 articles
// (a real archive's, whose quotations do not repeat as genlib's do), takes the generated library's
// place: all but its first 48 articles warm the caches, where 16 of genlib's do, since a real card's
// blank runs (blankRun: one deflate at BestCompression for each new length, a few hundred lengths in
// all) take many more articles to find; the loop exports the first 48 in order.
func BenchmarkExportArticle(b *testing.B) {
	content := os.Getenv("VERBATIM_EXPORT_CONTENT")
	if content == "" {
		content = b.TempDir()
		if err := genlib.Write(content, 64); err != nil {
			b.Fatal(err)
		}
	}
	s, err := NewServer(Config{ContentDir: content, WebDir: webWithoutWasm(b), BaseURL: "https://verbatim.example", StaticOEmbed: true, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var ids []model.ArticleID
	for id := range s.lib.All() {
		ids = append(ids, id)
	}
	n := len(ids)
	if n < 64 {
		b.Fatalf("%s: %d articles, fewer than the 64 the benchmark needs", content, n)
	}
	root, err := os.OpenRoot(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer root.Close()
	w := &exportWriter{root: root}
	defer w.dirs.close()
	ctx := context.Background()
	// The caches a long export keeps warm (the cards' glyphs, blank runs and segments): filled by
	// articles the loop does not export (it exports at most the first n-warm once each).
	warm := 16
	if n > 64 {
		warm = n - 48
	}
	for _, id := range ids[n-warm:] {
		if _, err := s.exportArticle(ctx, w, id, nil); err != nil {
			b.Fatal(err)
		}
	}
	i := 0
	for b.Loop() {
		if _, err := s.exportArticle(ctx, w, ids[i%len(ids)], nil); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// cpuTime returns the processor time (user and system) the process has used so far.
func cpuTime(b *testing.B) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		b.Fatal(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// BenchmarkExportCompression compresses the bodies an export compresses for each article (its page,
// embed page, JSON and oEmbed JSON, of 40 generated articles) with each brotli quality and gzip level
// an export might choose, one sub-benchmark per kind of body. Each iteration compresses one body with
// every choice in turn, on one locked thread, and adds up the thread's processor time per choice, so
// that a loaded host's waits count in none of them. Per choice it reports that time per body
// (µs/body) and the mean size of its output (bytes/body), beside the bodies' own (raw-bytes/body).
// It measures what a lower brotli quality or gzip level than the export's would save in time and cost
// in bytes (and a higher brotli quality the reverse), and what the export's gzip (klauspost/compress at exportGzipLevel) saves beside the
// server's (compress/gzip at BestCompression).
func BenchmarkExportCompression(b *testing.B) {
	kinds := exportBodies(b)
	gzip6, err := gzip.NewWriterLevel(nil, gzip.DefaultCompression)
	if err != nil {
		b.Fatal(err)
	}
	kgzip8, err := kgzip.NewWriterLevel(nil, 8)
	if err != nil {
		b.Fatal(err)
	}
	codecs := []struct {
		name     string
		compress func([]byte) []byte
	}{
		{"br4", func(x []byte) []byte { return compressBrotli(x, 4) }},
		{"br5", func(x []byte) []byte { return compressBrotli(x, brotliFast) }}, // the export's
		{"br6", func(x []byte) []byte { return compressBrotli(x, 6) }},
		{"gzip6", compressWith(gzip6)},
		{"gzip9", compressGzip},        // the server's
		{"kgzip6", compressGzipExport}, // the export's (klauspost/compress)
		{"kgzip8", compressWith(kgzip8)},
	}
	for _, k := range kinds {
		b.Run("kind="+k.name, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			cpu := make([]time.Duration, len(codecs))
			size := make([]int, len(codecs))
			raw, n := 0, 0
			for b.Loop() {
				x := k.bodies[n%len(k.bodies)]
				for i, c := range codecs {
					start := threadTime(b)
					out := c.compress(x)
					cpu[i] += threadTime(b) - start
					size[i] += len(out)
				}
				raw += len(x)
				n++
			}
			for i, c := range codecs {
				b.ReportMetric(float64(cpu[i].Microseconds())/float64(n), c.name+"-µs/body")
				b.ReportMetric(float64(size[i])/float64(n), c.name+"-bytes/body")
			}
			b.ReportMetric(float64(raw)/float64(n), "raw-bytes/body")
		})
	}
}

// bodyKind is one kind of body an export compresses for each article, and the bodies of that kind.
type bodyKind struct {
	name   string
	bodies [][]byte
}

// exportBodies returns the four bodies an export compresses for each article (its page, embed page,
// JSON and oEmbed JSON) of 40 generated articles, by kind, in that order.
func exportBodies(b *testing.B) []bodyKind {
	content := b.TempDir()
	if err := genlib.Write(content, 40); err != nil {
		b.Fatal(err)
	}
	s, err := NewServer(Config{ContentDir: content, WebDir: webWithoutWasm(b), BaseURL: "https://verbatim.example", StaticOEmbed: true, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	kinds := []bodyKind{{name: "page"}, {name: "embed"}, {name: "json"}, {name: "oembed"}}
	for id := range s.lib.All() {
		a, err := s.lib.Get(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		page, err := s.renderExportPage(ctx, model.ArticlePath(id))
		if err != nil {
			b.Fatal(err)
		}
		embed, err := s.renderExportPage(ctx, model.EmbedPath(id))
		if err != nil {
			b.Fatal(err)
		}
		js, err := marshalJSON(a)
		if err != nil {
			b.Fatal(err)
		}
		oembed, err := marshalJSON(newOEmbed(s.cfg.BaseURL, a, oembedWidth, oembedHeight))
		if err != nil {
			b.Fatal(err)
		}
		for i, body := range [][]byte{page, embed, js, oembed} {
			kinds[i].bodies = append(kinds[i].bodies, body)
		}
	}
	return kinds
}

// compressWith returns a function that compresses a body with w, reset for each body.
func compressWith(w interface {
	io.WriteCloser
	Reset(io.Writer)
}) func([]byte) []byte {
	return func(x []byte) []byte {
		var out bytes.Buffer
		w.Reset(&out)
		w.Write(x)
		w.Close()
		return out.Bytes()
	}
}

// threadTime returns the processor time (user and system) the calling thread has used so far: the
// benchmark locks its goroutine to the thread.
func threadTime(b *testing.B) time.Duration {
	const rusageThread = 1 // RUSAGE_THREAD, Linux's
	var u syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &u); err != nil {
		b.Fatal(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
