package article

import (
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"verbatim/article/model"
)

// scaleSizes are the text sizes of the benchmark table's scale rows (BENCHMARKS.md, budget 7), up
// to the input limit.
var scaleSizes = []struct {
	name string
	n    int
}{{"1KB", 1 << 10}, {"10KB", 10 << 10}, {"100KB", 100 << 10}, {"1MiB", 1 << 20}, {"10MiB", model.MaxInputBytes}}

// BenchmarkScale parses plain texts from 1 KB to 10 MiB (PolNeAR dev articles joined) with Parse
// and runs bluemonday's UGC policy over the same bytes, interleaved (see versus), so that the cost
// per byte against the baseline shows how Parse scales with length. Each size also reports the
// peak heap of one warm parse, in MB and against the input's size (budget 1: under 20× at 10 MiB).
// scripts/bench.sh runs it as BENCH_ONLY=scale, on one core, and cmd/benchreport makes the table's
// rows of it.
func BenchmarkScale(b *testing.B) {
	for _, sz := range scaleSizes {
		b.Run(sz.name, func(b *testing.B) {
			text := textOfSize(b, sz.n)
			parse := func(int) {
				if _, err := Parse(strings.NewReader(text), Options{Format: model.FormatText}); err != nil {
					b.Fatal(err)
				}
			}
			versus(b, 1, int64(len(text)), func(int) { ugc.Sanitize(text) }, parse)
			peak := peakHeap(func() { parse(0) })
			b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
			b.ReportMetric(float64(peak)/float64(len(text)), "peak-heap-x-input")
		})
	}
}

// textOfSize returns PolNeAR dev articles joined into a plain text of at most n bytes, cut at a
// paragraph break.
func textOfSize(tb testing.TB, n int) string {
	one := strings.Join(polnearTexts(tb, "dev"), "\n\n")
	s := strings.Repeat(one+"\n\n", n/len(one)+1)[:n]
	if i := strings.LastIndex(s, "\n\n"); i > 0 {
		s = s[:i]
	}
	return s
}

// peakHeap runs f and returns the most heap its objects held at once above what they held before,
// sampled every 100µs.
func peakHeap(f func()) uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	runtime.GC()
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			if v := read(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-time.After(100 * time.Microsecond):
			}
		}
	}()
	f()
	if v := read(); v > peak.Load() {
		peak.Store(v)
	}
	close(done)
	<-stopped
	if p := peak.Load(); p > base {
		return p - base
	}
	return 0
}
