package article

import (
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"verbatim/article/model"
	"verbatim/internal/longtest"
)

// badInput is one hostile input of the bad-input table, with the formats it applies to.
type badInput struct {
	name    string
	src     func() string
	formats []model.Format
	// wantErr is the error every format must end in; nil means output, or any clear Parse error.
	wantErr error
}

var allFormats = []model.Format{model.FormatAuto, model.FormatText, model.FormatHTML, model.FormatFragment, model.FormatMarkdown}

// badInputs are the cases of issue 6: each must end in a clear error, or in output with bounded time
// and memory. They are built lazily: some are megabytes long.
//
// Under the race detector, which makes parsing about ten times slower and bigger, the inputs are cut
// to a tenth (scale) and memory is not asserted.
func badInputs() []badInput {
	n := 100_000 / scale
	return []badInput{
		{"empty", func() string { return "" }, allFormats, model.ErrEmpty},
		{"10 MiB + 1 byte", func() string {
			return strings.Repeat("Lorem ipsum dolor sit amet. ", model.MaxInputBytes/28+1)[:model.MaxInputBytes+1]
		}, allFormats, model.ErrTooLarge},
		{"NUL bytes", func() string {
			return strings.Repeat("A paragraph of words\x00 with NUL bytes.\n\n", 1000)
		}, allFormats, model.ErrBinary},
		{"invalid UTF-8", func() string {
			return "Headline \xff\xfe\n\n" + strings.Repeat("A para\xc3graph “with\xe2\x80 bad” bytes\xed\xa0\x80 in it.\n\n", 2000)
		}, allFormats, nil},
		{"100,000 nested elements", func() string {
			return strings.Repeat("<div>", n) + "deep text" + strings.Repeat("</div>", n)
		}, allFormats, nil},
		{"100,000 nested blockquotes (Markdown)", func() string {
			return strings.Repeat(">", n) + " deep text"
		}, []model.Format{model.FormatMarkdown}, nil},
		{"one 5 MiB paragraph", func() string {
			return "Headline\n\n" + strings.Repeat("word “said” he, ", (5<<20)/16/scale)
		}, allFormats, nil},
		{"100,000 unbalanced quotation marks", func() string {
			var sb strings.Builder
			sb.WriteString("Headline\n\n")
			marks := []string{"“", "\"", "„", "«", "‘", "'", "”", "»"}
			for i := range n {
				sb.WriteString(marks[i%len(marks)])
				sb.WriteString("word ")
				if i%1000 == 999 {
					sb.WriteString("she said.\n\n")
				}
			}
			return sb.String()
		}, allFormats, nil},
		{"10,000 links (HTML)", func() string {
			var sb strings.Builder
			sb.WriteString("<h1>Links</h1><p>")
			for i := range 10_000 / scale {
				fmt.Fprintf(&sb, `<a href="https://example.com/%d">link %d</a> `, i, i)
			}
			return sb.String()
		}, []model.Format{model.FormatAuto, model.FormatText, model.FormatHTML, model.FormatFragment}, nil},
		{"10,000 links (Markdown)", func() string {
			var sb strings.Builder
			sb.WriteString("# Links\n\n")
			for i := range 10_000 / scale {
				fmt.Fprintf(&sb, "[link %d](https://example.com/%d) ", i, i)
			}
			return sb.String()
		}, []model.Format{model.FormatMarkdown, model.FormatAuto}, nil},
		{"an 8 MiB data: image (HTML)", func() string {
			return `<h1>Picture</h1><p>A caption for the picture.</p><img alt="x" src="data:image/png;base64,` + bigBase64() + `">`
		}, []model.Format{model.FormatAuto, model.FormatText, model.FormatHTML, model.FormatFragment}, nil},
		{"an 8 MiB data: image (Markdown)", func() string {
			return "# Picture\n\nA caption for the picture.\n\n![x](data:image/png;base64," + bigBase64() + ")\n"
		}, []model.Format{model.FormatMarkdown}, nil},
	}
}

// scale divides the size of the big inputs: 10 under the race detector, else 1.
var scale = map[bool]int{true: 10, false: 1}[raceEnabled]

// bigBase64 is 8 MiB of base64 (6 MiB of PNG-ish bytes), over scale.
func bigBase64() string {
	raw := make([]byte, (6<<20)/scale)
	copy(raw, "\x89PNG\r\n\x1a\n")
	for i := 8; i < len(raw); i++ {
		raw[i] = byte(i * 7)
	}
	return base64.StdEncoding.EncodeToString(raw)
}

// memoryFloor is the input size under which the memory bound is taken as 50× this instead: a tiny
// input still builds a policy walk, a tree and an Article.
const memoryFloor = 256 << 10

// measurement is what parsing one input cost.
type measurement struct {
	took  time.Duration
	alloc uint64 // bytes allocated while parsing (TotalAlloc)
	peak  uint64 // the highest live heap seen while parsing, over the heap before it
}

// parseMeasured parses src and returns the result and what it cost. The peak heap is sampled from
// runtime/metrics every 200 µs (a sampler that reads as often as it can finds the same peaks on
// this table, within 1%), with the collector set to run at 10% growth (GOGC=10) so that the peak
// is close to the live memory parsing needs, not to garbage awaiting collection: it is the bound
// of issue 6. At the default GOGC=100 a process holds more, up to twice that (about 1.5× on the
// largest cases of the table). It must not run in parallel with other tests: the figures count
// the whole process.
func parseMeasured(src string, format model.Format) (*model.Article, measurement, error) {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	heap := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := heap()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	stop, peakc := make(chan struct{}), make(chan uint64)
	go func() {
		peak := base
		tick := time.NewTicker(200 * time.Microsecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				peakc <- max(peak, heap())
				return
			case <-tick.C:
				peak = max(peak, heap())
			}
		}
	}()
	start := time.Now()
	a, err := Parse(strings.NewReader(src), Options{Format: format})
	took := time.Since(start)
	close(stop)
	peak := <-peakc
	runtime.ReadMemStats(&after)
	return a, measurement{took: took, alloc: after.TotalAlloc - before.TotalAlloc, peak: peak - base}, err
}

// TestBadInput runs the bad-input table through every format that applies. Each case ends in a clear
// error (a full sentence that says what to do) or in an Article that keeps its invariants; and the
// heap's peak growth while parsing (sampled) stays under 50× the input (or 50× memoryFloor for
// small inputs), measured once more when the first measure is over (see the check). The bytes
// allocated in all (TotalAlloc) and the time per MiB are logged, never asserted: BenchmarkBadInput
// reports the time as s/MiB.
//
// It does not run in parallel: the memory figures count the whole process. A short article is first
// parsed in every format, so that what a process does once (compiling the lazily built regular
// expressions, about 2 MiB; making the quote engine's pooled scratch) is not counted against the
// first input of the table.
func TestBadInput(t *testing.T) {
	longtest.Skip(t, "the bad-input table parses about 100 MiB")
	const warmUp = "A Headline\n\n“A quotation,” Jane Smith said. See https://example.com or write to tips@example.com.\n\nReporting by Tom Baker"
	for _, format := range allFormats {
		if _, err := Parse(strings.NewReader(warmUp), Options{Format: format}); err != nil {
			t.Fatalf("warming up %s: %v", format, err)
		}
	}
	for _, c := range badInputs() {
		src := c.src()
		for _, format := range c.formats {
			t.Run(c.name+"/"+string(format), func(t *testing.T) {
				a, m, err := parseMeasured(src, format)
				mib := float64(len(src)) / (1 << 20)
				bound := uint64(50 * max(len(src), memoryFloor))
				in := float64(max(len(src), 1))
				t.Logf("%s: %d bytes: %.3f s/MiB; peak heap %.1f× the input (%.1f MiB), allocated %.1f×; err=%v", t.Name(),
					len(src), m.took.Seconds()/max(mib, 1.0/1024), float64(m.peak)/in, float64(m.peak)/(1<<20), float64(m.alloc)/in, err)
				if m.peak > bound && !raceEnabled {
					// The peak is sampled while the collector runs concurrently: on a machine whose
					// cores are busy elsewhere (make test runs the server's browser tests beside
					// this), a cycle can end late and the peak overshoot (50.0× once in CI where
					// 25–35× is usual). A second parse measures again; a real excess repeats.
					_, m2, _ := parseMeasured(src, format)
					t.Logf("measured again: peak heap %.1f× the input", float64(m2.peak)/in)
					if m2.peak > bound {
						t.Errorf("the heap grew by %d and %d bytes for %d bytes of input: over 50× (%d) twice", m.peak, m2.peak, len(src), bound)
					}
				}
				if c.wantErr != nil {
					if !errors.Is(err, c.wantErr) {
						t.Fatalf("err = %v, want %v", err, c.wantErr)
					}
				}
				if err != nil {
					msg := err.Error()
					if !strings.HasPrefix(msg, "parsing article: ") || len(msg) < 40 {
						t.Errorf("error %q is not a clear sentence", msg)
					}
					if !errors.Is(err, model.ErrEmpty) && !errors.Is(err, model.ErrTooLarge) && !errors.Is(err, model.ErrBinary) && !errors.Is(err, model.ErrNoText) && !errors.Is(err, model.ErrNotArticle) {
						t.Errorf("error %q is none of the documented errors", msg)
					}
					return
				}
				checkArticle(t, a)
			})
		}
	}
}

// TestVoidElementWithChildren is a page whose <keygen> the parser gives children (a payload of the
// XSS corpus): html.Render refused to write it, and the whole page failed to parse.
func TestVoidElementWithChildren(t *testing.T) {
	t.Parallel()
	src := "<!doctype html><html><head><title>Keygen</title></head><body><article><h1>Keygen</h1>" +
		"<p>A paragraph with enough words of its own that the reader keeps it, before the payload.</p>" +
		"<image name=body><img src=x><svg onload=alert(1); autofocus>, <keygen onfocus=alert(1); autofocus>" +
		"<p>A paragraph after the payload, with enough words that the reader keeps it too.</p></article></body></html>"
	for _, f := range []model.Format{model.FormatHTML, model.FormatAuto, model.FormatFragment} {
		a, err := Parse(strings.NewReader(src), Options{Format: f, URL: "https://example.com/a"})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		checkArticle(t, a)
		if !strings.Contains(a.Text(), "after the payload") {
			t.Errorf("%s: lost the text after <keygen>: %q", f, a.Text())
		}
	}
}
