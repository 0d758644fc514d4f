package article

import (
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"verbatim/internal/longtest"
	"verbatim/internal/shared"
)

// devParagraphs returns the PolNeAR dev articles cut into paragraphs, and their size in bytes.
func devParagraphs(b *testing.B, copies int) ([][]Paragraph, int) {
	texts := corpusTexts(b, shared.Require(b, "corpora/polnear/dev.jsonl.gz"), 0)
	var out [][]Paragraph
	n := 0
	for c := 0; c < copies; c++ {
		for _, t := range texts {
			out = append(out, splitParagraphs(t))
			n += len(t)
		}
	}
	return out, n
}

// BenchmarkFindQuotes measures detection and attribution over the dev articles, in MB/s of text.
func BenchmarkFindQuotes(b *testing.B) {
	arts, n := devParagraphs(b, 1)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, paras := range arts {
			FindQuotes(paras)
		}
	}
}

// BenchmarkFindQuotesSize runs one long article made of the dev texts at two sizes: MB/s that
// stays the same shows time linear in the input's length.
func BenchmarkFindQuotesSize(b *testing.B) {
	texts := corpusTexts(b, shared.Require(b, "corpora/polnear/dev.jsonl.gz"), 0)
	one := strings.Join(texts, "\n\n")
	for _, size := range []struct {
		name   string
		copies int
	}{{"1x", 1}, {"8x", 8}} {
		text := strings.Repeat(one+"\n\n", size.copies)
		paras := splitParagraphs(text)
		b.Run(size.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				FindQuotes(paras)
			}
		})
	}
}

// hostile returns texts of about n bytes built to defeat a quotation scanner: unbalanced marks of
// every kind, deep nesting, marks without words, and one endless paragraph.
func hostile(n int) map[string]string {
	rep := func(unit string) string { return strings.Repeat(unit, n/len(unit)+1)[:n/len(unit)*len(unit)] }
	return map[string]string{
		"openers":       rep("“„«‘‚\"'"),
		"closers":       rep("”“»’‘\"'"),
		"nested":        rep("“ ‘ « ") + rep(" » ’ ”"),
		"words":         rep("He said “no and ‘yes’ and «maybe "),
		"paragraphs":    rep("“Open,” he said, “and never closed.\n\n“"),
		"said chains":   rep(`"A," said Bo Smith, "b," he said; `),
		"capitals":      rep("Bo Bo Bo Bo said “x” "),
		"newspaper":     rep("''a ''b '' ' ' '' ''' "),
		"no breaks":     rep("““““””””"),
		"spaces inside": "“" + rep(" ") + "”",
	}
}

// TestHostileInput runs the engine on 10 MiB texts of unbalanced marks: it must finish (in time
// linear in the input, which the benchmark shows), keep its invariants, and allocate in proportion
// to the input, not its square. It parses each text once and counts that parse's allocations
// (testing.AllocsPerRun would parse it twice, its first run a warm-up not counted, and this test
// was half of the article package's long pass): the count then includes what a first parse makes
// once (the pooled scratch), so the bound is checked on at least as many allocations. It does not
// run in parallel: the count is the whole process's.
func TestHostileInput(t *testing.T) {
	longtest.Skip(t, "10 MiB inputs")
	size := 10 << 20
	if raceEnabled {
		size = 1 << 20
	}
	for name, text := range hostile(size) {
		t.Run(name, func(t *testing.T) {
			paras := splitParagraphs("Headline\n\n" + text)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			qs, sp := FindQuotes(paras)
			runtime.ReadMemStats(&after)
			allocs := after.Mallocs - before.Mallocs
			checkQuotes(t, paras, qs, sp)
			if runes := utf8.RuneCountInString(text); allocs > uint64(runes) {
				t.Fatalf("%v allocations for %d runes", allocs, runes)
			}
			for _, q := range qs {
				if strings.Contains(q.Text, "\n\n") {
					t.Fatalf("a quotation crosses a paragraph: %.40q", q.Text)
				}
			}
		})
	}
}
