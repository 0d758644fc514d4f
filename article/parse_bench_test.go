package article

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
	"time"
	"verbatim/article/model"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
)

// ugc is the baseline sanitizer: bluemonday's UGC policy, built once.
var ugc = bluemonday.UGCPolicy()

const benchURL = "http://fakehost/test/page.html"

// baselinePage is what a page costs with the two libraries alone: readeck's extraction, then
// bluemonday on its output.
func baselinePage(tb testing.TB, src []byte, base *url.URL) {
	art, err := readability.FromReader(bytes.NewReader(src), base)
	if err != nil || art.Node == nil {
		return
	}
	var sb strings.Builder
	if err := html.Render(&sb, art.Node); err != nil {
		tb.Fatal(err)
	}
	ugc.Sanitize(sb.String())
}

// BenchmarkPage parses Mozilla's 130 Readability test pages with Parse (format html) and with
// readeck plus bluemonday alone, interleaved in the same process, and reports both speeds and
// their ratio (goal: at most 1.2).
func BenchmarkPage(b *testing.B) {
	pages := readabilityPages(b)
	base, _ := url.Parse(benchURL)
	var size int64
	for _, pg := range pages {
		size += int64(len(pg.source))
	}
	b.Run("Parse", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, pg := range pages {
				if _, err := Parse(bytes.NewReader(pg.source), Options{Format: model.FormatHTML, URL: benchURL}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("readeck+bluemonday", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, pg := range pages {
				baselinePage(b, pg.source, base)
			}
		}
	})
	b.Run("ratio", func(b *testing.B) {
		versus(b, len(pages), size, func(i int) { baselinePage(b, pages[i].source, base) }, func(i int) {
			if _, err := Parse(bytes.NewReader(pages[i].source), Options{Format: model.FormatHTML, URL: benchURL}); err != nil {
				b.Fatal(err)
			}
		})
	})
}

// BenchmarkText parses PolNeAR's dev articles as plain text with Parse (quotes included), and
// runs bluemonday's UGC policy alone over the same bytes, interleaved, reporting both speeds and
// their ratio.
func BenchmarkText(b *testing.B) {
	texts := polnearTexts(b, "dev")
	var size int64
	for _, s := range texts {
		size += int64(len(s))
	}
	b.Run("Parse", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, s := range texts {
				if _, err := Parse(strings.NewReader(s), Options{Format: model.FormatText}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("bluemonday", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, s := range texts {
				ugc.Sanitize(s)
			}
		}
	})
	b.Run("ratio", func(b *testing.B) {
		versus(b, len(texts), size, func(i int) { ugc.Sanitize(texts[i]) }, func(i int) {
			if _, err := Parse(strings.NewReader(texts[i]), Options{Format: model.FormatText}); err != nil {
				b.Fatal(err)
			}
		})
	})
}

// versus measures Parse against a baseline in the same process: each iteration runs base and then
// ours on each of n inputs in turn (size bytes in all), so that the machine's noise falls on both
// alike. It reports both speeds and their ratio, x-baseline (Parse's time over the baseline's).
func versus(b *testing.B, n int, size int64, base, ours func(i int)) {
	var tOurs, tBase time.Duration
	for b.Loop() {
		for i := range n {
			t0 := time.Now()
			base(i)
			t1 := time.Now()
			ours(i)
			tOurs += time.Since(t1)
			tBase += t1.Sub(t0)
		}
	}
	b.ReportMetric(float64(tOurs)/float64(tBase), "x-baseline")
	b.ReportMetric(float64(size)*float64(b.N)/tOurs.Seconds()/1e6, "Parse-MB/s")
	b.ReportMetric(float64(size)*float64(b.N)/tBase.Seconds()/1e6, "baseline-MB/s")
}
