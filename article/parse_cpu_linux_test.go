package article

import (
	"strings"
	"syscall"
	"testing"
	"time"
	"verbatim/article/model"
)

// BenchmarkTextCPU is BenchmarkText's ratio in the process's CPU time rather than the wall clock:
// on a host whose cores other work shares, a call is often descheduled for longer than it runs,
// which the wall clock counts and the interleaving does not cancel. The loop is the same, Parse
// and bluemonday's UGC policy over PolNeAR's dev articles in turn.
func BenchmarkTextCPU(b *testing.B) {
	texts := polnearTexts(b, "dev")
	var size int64
	for _, s := range texts {
		size += int64(len(s))
	}
	var tOurs, tBase time.Duration
	for b.Loop() {
		for i := range texts {
			t0 := processCPU(b)
			ugc.Sanitize(texts[i])
			t1 := processCPU(b)
			if _, err := Parse(strings.NewReader(texts[i]), Options{Format: model.FormatText}); err != nil {
				b.Fatal(err)
			}
			tOurs += processCPU(b) - t1
			tBase += t1 - t0
		}
	}
	b.ReportMetric(float64(tOurs)/float64(tBase), "x-baseline")
	b.ReportMetric(float64(size)*float64(b.N)/tOurs.Seconds()/1e6, "Parse-MB/s")
	b.ReportMetric(float64(size)*float64(b.N)/tBase.Seconds()/1e6, "baseline-MB/s")
}

// processCPU returns the CPU time the process has used, its threads' user and system time (to the
// microsecond).
func processCPU(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
