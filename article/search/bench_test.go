package search

import (
	"testing"
	"time"
)

// BenchmarkSearch runs benchQueries, one query per iteration in turn, over 1,000 generated articles
// (about 700 words, 4 to 8 quotations each, and a note on every third): "index" through the
// Index, "linear" through the plain scan, and "ratio" both interleaved, reporting the index's time
// per query (ms-per-query) and its time over the scan's (x-baseline). Both make the same number of
// snippets. The index's build time is reported too (build-ms), once.
func BenchmarkSearch(b *testing.B) {
	arts := generate(1, 1000)
	notes := genNotes(arts, 1)
	t0 := time.Now()
	ix := build(arts, notes)
	ix.Search(Query{Text: "warm"})
	buildTime := time.Since(t0)
	speakers := map[string]map[string]bool{}
	for _, q := range benchQueries {
		if q.Speaker != "" {
			speakers[q.Speaker] = ix.speakerNames(q.Speaker, q.People)
		}
	}
	b.Run("index", func(b *testing.B) {
		i := 0
		for b.Loop() {
			ix.Search(benchQueries[i%len(benchQueries)])
			i++
		}
	})
	b.Run("linear", func(b *testing.B) {
		i := 0
		for b.Loop() {
			q := benchQueries[i%len(benchQueries)]
			linearScan(arts, notes, speakers[q.Speaker], q)
			i++
		}
	})
	b.Run("ratio", func(b *testing.B) {
		var tIndex, tLinear time.Duration
		i, n := 0, 0
		for b.Loop() {
			q := benchQueries[i%len(benchQueries)]
			t0 := time.Now()
			ix.Search(q)
			t1 := time.Now()
			linearScan(arts, notes, speakers[q.Speaker], q)
			tLinear += time.Since(t1)
			tIndex += t1.Sub(t0)
			i++
			n++
		}
		b.ReportMetric(float64(tIndex.Microseconds())/1000/float64(n), "ms-per-query")
		b.ReportMetric(float64(tIndex)/float64(tLinear), "x-baseline")
		b.ReportMetric(float64(buildTime.Milliseconds()), "build-ms")
	})
}

// BenchmarkIndexDecode measures reading a persisted index of the 1,000 generated articles back
// (Decode, and its first search) against building it from the articles (build, and its first
// search), interleaved: the time of Decode alone (decode-ms), with the first search
// (ms-per-decode), that over the build's (x-build), and the encoding's size (MB).
func BenchmarkIndexDecode(b *testing.B) {
	arts := generate(1, 1000)
	notes := genNotes(arts, 1)
	data, err := build(arts, notes).MarshalBinary()
	if err != nil {
		b.Fatal(err)
	}
	var tDecode, tBuild, tAlone time.Duration
	n := 0
	for b.Loop() {
		t0 := time.Now()
		ix, err := Decode(data)
		if err != nil {
			b.Fatal(err)
		}
		tAlone += time.Since(t0)
		ix.Search(Query{Text: "warm"})
		t1 := time.Now()
		build(arts, notes).Search(Query{Text: "warm"})
		tBuild += time.Since(t1)
		tDecode += t1.Sub(t0)
		n++
	}
	b.ReportMetric(float64(tAlone.Microseconds())/1000/float64(n), "decode-ms")
	b.ReportMetric(float64(tDecode.Microseconds())/1000/float64(n), "ms-per-decode")
	b.ReportMetric(float64(tDecode)/float64(tBuild), "x-build")
	b.ReportMetric(float64(len(data))/1e6, "MB")
}
