package server

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"verbatim/internal/genlib"
)

// BenchmarkExportIncrementalScaling measures how the incremental export grows with the library: for
// each size in $VERBATIM_EXPORT_SIZES (ascending, comma-separated, e.g. 500,1000,2000), it grows one
// generated library to that size (an export that renders only the new articles, not measured), then
// changes one article and exports again, as BenchmarkExport's incremental export does. Each size
// reports the incremental export's seconds (incremental-s) and the library's load before it
// (incremental-load-s), the bytes of the export's manifest read and written (manifest-read-B,
// manifest-written-B), and the detail records the speaker table read (speaker-details-read), the
// parts of the incremental export that grow with the library.
func BenchmarkExportIncrementalScaling(b *testing.B) {
	v := os.Getenv("VERBATIM_EXPORT_SIZES")
	if v == "" {
		b.Skip("minutes of work: give the sizes in VERBATIM_EXPORT_SIZES (e.g. 500,1000,2000)")
	}
	var sizes []int
	for f := range strings.SplitSeq(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 2 || (len(sizes) > 0 && n <= sizes[len(sizes)-1]) {
			b.Fatalf("VERBATIM_EXPORT_SIZES=%q: give ascending numbers of articles", v)
		}
		sizes = append(sizes, n)
	}
	web := benchWeb(b)
	content, dir, state := b.TempDir(), filepath.Join(b.TempDir(), "site"), b.TempDir()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	export := func(b *testing.B) (ExportReport, time.Duration, int) {
		start := time.Now()
		s, err := NewServer(Config{ContentDir: content, StateDir: state, WebDir: web, BaseURL: "https://verbatim.example", StaticOEmbed: true, Logger: logger})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		load := time.Since(start)
		rep, err := s.Export(context.Background(), dir, ExportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		return rep, load, s.lib.snap.Load().speakerReads
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			if err := genlib.Write(content, n); err != nil {
				b.Fatal(err)
			}
			export(b) // grow to n: renders the new articles
			var incS, loadS, read, written, reads float64
			edit := 0
			for b.Loop() {
				edit++
				correct(b, content, n/2, edit)
				rep, load, r := export(b)
				if rep.Rendered != 1 || rep.Articles != n {
					b.Fatalf("incremental export: %+v", rep)
				}
				incS += rep.Duration.Seconds()
				loadS += load.Seconds()
				read += float64(rep.ManifestRead)
				written += float64(rep.ManifestWritten)
				reads += float64(r)
			}
			runs := float64(edit)
			b.ReportMetric(incS/runs, "incremental-s")
			b.ReportMetric(loadS/runs, "incremental-load-s")
			b.ReportMetric(read/runs, "manifest-read-B")
			b.ReportMetric(written/runs, "manifest-written-B")
			b.ReportMetric(reads/runs, "speaker-details-read")
		})
	}
}

// BenchmarkExportIncrementalSynthetic measures the incremental export of one changed article at
// $VERBATIM_EXPORT_SYNTH_ARTICLES articles (100,000 for issue 17's goal) without paying for a full
// export first: the library is parsed with stubParse, and the export folder starts with a manifest
// made up for it (each article with syntheticFiles files of its own, none of them on disk), which
// says that every article was exported by this build. A first export then writes the site files (the
// listing pages, the sitemap…), and each measured one, after one article changed, renders that
// article and makes the site files again, as a real incremental export does. The articles have no
// quotes, so the speaker pages cost nothing here. It reports what BenchmarkExportIncrementalScaling
// reports but the speaker reads.
func BenchmarkExportIncrementalSynthetic(b *testing.B) {
	n := benchArticles(b, "VERBATIM_EXPORT_SYNTH_ARTICLES", "give the number of articles in VERBATIM_EXPORT_SYNTH_ARTICLES")
	const syntheticFiles = 24 // about what a real article has: pages, JSON, cards, each with .br and .gz
	web := benchWeb(b)
	content, dir, state := b.TempDir(), filepath.Join(b.TempDir(), "site"), b.TempDir()
	if err := genlib.Write(content, n); err != nil {
		b.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	newServer := func() (*Server, time.Duration) {
		start := time.Now()
		s, err := NewServer(Config{ContentDir: content, StateDir: state, WebDir: web, BaseURL: "https://verbatim.example", StaticOEmbed: true, Logger: logger, parse: stubParse})
		if err != nil {
			b.Fatal(err)
		}
		return s, time.Since(start)
	}
	s, _ := newServer()
	if err := writeSyntheticManifest(s, dir, syntheticFiles); err != nil {
		b.Fatal(err)
	}
	if rep, err := s.Export(context.Background(), dir, ExportOptions{}); err != nil || rep.Rendered != 0 || rep.Full {
		b.Fatalf("first export over the made-up manifest: %+v %v", rep, err)
	}
	s.Close()
	var incS, loadS, read, written float64
	edit := 0
	for b.Loop() {
		edit++
		correct(b, content, n/2, edit)
		s, load := newServer()
		rep, err := s.Export(context.Background(), dir, ExportOptions{})
		s.Close()
		if err != nil || rep.Rendered != 1 || rep.Articles != n {
			b.Fatalf("incremental export: %+v %v", rep, err)
		}
		incS += rep.Duration.Seconds()
		loadS += load.Seconds()
		read += float64(rep.ManifestRead)
		written += float64(rep.ManifestWritten)
	}
	runs := float64(edit)
	b.ReportMetric(incS/runs, "incremental-s")
	b.ReportMetric(loadS/runs, "incremental-load-s")
	b.ReportMetric(read/runs, "manifest-read-B")
	b.ReportMetric(written/runs, "manifest-written-B")
}

// writeSyntheticManifest writes into dir the manifest of a made-up export of s's library by this
// build: every article with files made-up files, and no site file.
func writeSyntheticManifest(s *Server, dir string, files int) error {
	build, err := s.exportBuild()
	if err != nil {
		return err
	}
	byShard := map[string][]libArticle{}
	for id, source := range s.lib.All() {
		p := shardOf(id)
		byShard[p] = append(byShard[p], libArticle{id, source})
	}
	if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(manifestShardDir)), 0o755); err != nil {
		return err
	}
	var shards []shardInfo
	for _, p := range slices.Sorted(maps.Keys(byShard)) {
		lib := byShard[p]
		slices.SortFunc(lib, func(a, b libArticle) int { return strings.Compare(string(a.id), string(b.id)) })
		w := newShardWriter(p)
		for _, a := range lib {
			rec := articleRecord{id: a.id, source: a.source}
			for k := range files {
				rec.files = append(rec.files, newFileEntry(fmt.Sprintf("article/%s/file-%d.html", a.id, k), []byte(a.source)))
			}
			w.article(rec, false)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(shardFile(p))), w.buf.Bytes(), 0o644); err != nil {
			return err
		}
		shards = append(shards, w.info(shardDigest(lib)))
	}
	var top bytes.Buffer
	if err := writeTopManifest(&top, build, s.version, shards, nil); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, filepath.FromSlash(manifestPath)), top.Bytes(), 0o644)
}

// benchArticles returns the number of articles in the environment variable name, skipping the
// benchmark with skip when it is not set.
func benchArticles(b *testing.B, name, skip string) int {
	b.Helper()
	v := os.Getenv(name)
	if v == "" {
		b.Skip(skip)
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 2 {
		b.Fatalf("%s=%q: give a number of articles (2 or more)", name, v)
	}
	return n
}

// benchWeb returns the web folder the export benchmarks serve: $VERBATIM_BENCH_WEB, or the
// repository's without app.wasm.
func benchWeb(b *testing.B) string {
	b.Helper()
	if web := os.Getenv("VERBATIM_BENCH_WEB"); web != "" {
		return web
	}
	return webWithoutWasm(b)
}

// correct changes generated article i in content: its text with edit corrections, so that each
// edit gives other bytes.
func correct(b *testing.B, content string, i, edit int) {
	b.Helper()
	if err := os.WriteFile(filepath.Join(content, genlib.Name(i)), []byte(genlib.Text(i)+strings.Repeat("A correction.\n", edit)), 0o644); err != nil {
		b.Fatal(err)
	}
}
