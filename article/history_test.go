package article

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"verbatim/article/model"

	"verbatim/internal/shared"
)

// TestParseIsIndependentOfHistory checks that an article parses the same whatever was parsed
// before it: FindQuotes keeps its engine, with its slabs and interned words, in a pool between
// articles (enginepool.go, intern.go's trim). PolNeAR dev is parsed in order, in reverse, after an
// article of more distinct words than the pool keeps, and on several goroutines at once; every
// article's JSON must be the same each time, and the articles of the first pass, kept, must not
// change while the others are parsed.
func TestParseIsIndependentOfHistory(t *testing.T) {
	texts := polnearTexts(t, "dev")
	sample, err := os.ReadFile(shared.Require(t, "samples/zakaria-peskov.txt"))
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, string(sample))
	// parse returns the article's JSON, or the error (safe on any goroutine).
	parse := func(s string) string {
		a, err := Parse(strings.NewReader(s), Options{Format: model.FormatText})
		if err != nil {
			return "error: " + err.Error()
		}
		b, err := json.Marshal(a)
		if err != nil {
			return "error: " + err.Error()
		}
		return string(b)
	}
	want := make([]string, len(texts))
	kept := make([]*model.Article, len(texts))
	for i, s := range texts {
		a, err := Parse(strings.NewReader(s), Options{Format: model.FormatText})
		if err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		want[i], kept[i] = string(b), a
	}
	check := func(how string, i int, got string) {
		t.Helper()
		if got != want[i] {
			t.Errorf("%s: article %d parses differently:\n got %.300s\nwant %.300s", how, i, got, want[i])
		}
	}
	for i := len(texts) - 1; i >= 0; i-- {
		check("in reverse", i, parse(texts[i]))
	}
	// More distinct words than a pooled engine keeps (maxKeptWords), in quotations with speakers.
	var big strings.Builder
	for i := range 2 * maxKeptWords {
		fmt.Fprintf(&big, "“Word%dx is here,” said Speaker%dy.\n\n", i, i%97)
	}
	for i, s := range texts {
		if i%8 == 0 {
			if got := parse(big.String()); strings.HasPrefix(got, "error: ") {
				t.Fatal(got)
			}
		}
		check("after a large article", i, parse(s))
	}
	// What a parse returned shares nothing with the pooled engine that later parses overwrite.
	for i, a := range kept {
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		check("kept while the others were parsed", i, string(b))
	}
	var wg sync.WaitGroup
	got := make([]string, len(texts))
	for g := range 4 {
		wg.Go(func() {
			for i := g; i < len(texts); i += 4 {
				got[i] = parse(texts[i])
			}
		})
	}
	wg.Wait()
	for i := range texts {
		check("on four goroutines", i, got[i])
	}
}
