package article

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"verbatim/article/model"
)

// The benchmark table's memory and scale rows (BENCHMARKS.md, budgets 1 and 7). They measure and
// never assert: TestPerfScale runs only when scripts/bench.sh sets VERBATIM_BENCH_ROWS to the file
// that collects the table's rows.

// perfRow appends one row of the benchmark table to $VERBATIM_BENCH_ROWS: budget, measure, value,
// baseline, ratio, goal and verdict, tab-separated.
func perfRow(tb testing.TB, fields ...string) {
	f, err := os.OpenFile(os.Getenv("VERBATIM_BENCH_ROWS"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if _, err := fmt.Fprintln(f, strings.Join(fields, "\t")); err != nil {
		tb.Fatal(err)
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

// TestPerfScale measures Parse on plain texts from 1 KB to 10 MiB: time per byte (against
// bluemonday's UGC policy on the same bytes) and peak heap against the input's size.
func TestPerfScale(t *testing.T) {
	if os.Getenv("VERBATIM_BENCH_ROWS") == "" {
		t.Skip("a measurement for scripts/bench.sh (set VERBATIM_BENCH_ROWS)")
	}
	sizes := []struct {
		name string
		n    int
	}{{"1 KB", 1 << 10}, {"10 KB", 10 << 10}, {"100 KB", 100 << 10}, {"1 MiB", 1 << 20}, {"10 MiB", model.MaxInputBytes}}
	for _, sz := range sizes {
		text := textOfSize(t, sz.n)
		reps := max(1, (4<<20)/len(text))
		var ours, lib time.Duration
		for range reps {
			t0 := time.Now()
			ugc.Sanitize(text)
			t1 := time.Now()
			if _, err := Parse(strings.NewReader(text), Options{Format: model.FormatText}); err != nil {
				t.Fatal(err)
			}
			ours += time.Since(t1)
			lib += t1.Sub(t0)
		}
		mbps := float64(len(text)) * float64(reps) / ours.Seconds() / 1e6
		peak := peakHeap(func() {
			if _, err := Parse(strings.NewReader(text), Options{Format: model.FormatText}); err != nil {
				t.Fatal(err)
			}
		})
		mem := float64(peak) / float64(len(text))
		t.Logf("%s: %.1f MB/s, %.2f× bluemonday, peak heap %.1f× input", sz.name, mbps, float64(ours)/float64(lib), mem)
		perfRow(t, "7 scale: text "+sz.name, "Parse MB/s; peak heap", fmt.Sprintf("%.1f MB/s; %.1f× input", mbps, mem),
			fmt.Sprintf("bluemonday %.0f MB/s", float64(len(text))*float64(reps)/lib.Seconds()/1e6),
			fmt.Sprintf("%.2f×", float64(ours)/float64(lib)), "linear", "report")
		if sz.n == model.MaxInputBytes {
			verdict := "pass"
			if mem >= 20 {
				verdict = "FAIL"
			}
			perfRow(t, "1 parse: peak memory, 10 MiB text", "peak heap", fmt.Sprintf("%.0f MB", float64(peak)/1e6),
				fmt.Sprintf("input %.1f MB", float64(len(text))/1e6), fmt.Sprintf("%.1f×", mem), "< 20×", verdict)
		}
	}
}
