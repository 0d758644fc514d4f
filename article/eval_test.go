package article_test

import (
	"bytes"
	"testing"

	"verbatim/article"
	"verbatim/article/model"
	"verbatim/internal/eval"
	"verbatim/internal/shared"
)

// floors are just below the engine's scores on each corpus's dev split, so that a regression fails.
// Raise them when the engine improves; never lower them to make a change pass.
var floors = []struct {
	corpus                   string // eval.Corpus.Name
	directF1, directP, allF1 float64
	scare                    float64 // at most this share of scare quotes given a speaker
	spanP, spanR             float64
}{
	{"PolNeAR", 0.958, 0.962, 0.909, 0.03, 0.982, 0.991},
	{"German Wikinews", 0.838, 0.898, 0.838, 0.05, 0.84, 0.98},
}

// TestEvalDev scores the quote engine on each corpus's dev split with the corpus README's rules,
// each article's text through article.Parse as `make eval` (cmd/eval) scores it, so that the floors
// guard the figures the project reports. A corpus that is absent skips, saying so.
func TestEvalDev(t *testing.T) {
	t.Parallel()
	for _, f := range floors {
		var corpus eval.Corpus
		for _, c := range eval.Corpora {
			if c.Name == f.corpus {
				corpus = c
			}
		}
		t.Run(f.corpus, func(t *testing.T) {
			t.Parallel()
			if corpus.Dir == "" {
				t.Fatalf("no corpus %q in eval.Corpora", f.corpus)
			}
			path := shared.Require(t, corpus.File("dev"))
			arts, err := eval.ReadCorpusOf(corpus, path)
			if err != nil {
				t.Fatal(err)
			}
			var c eval.Counts
			for _, a := range arts {
				qs, speakers, fellBack := eval.Quotes(a.Text, true)
				if fellBack {
					t.Errorf("article %s: Parse refused its text", a.ID)
				}
				c.Add(eval.Score(a.Quotes, eval.Preds(qs, speakers)))
			}
			d, all, sp := c.DirectPRF(), c.AllPRF(), c.SpanPRF()
			t.Logf("dev: direct P %.4f R %.4f F1 %.4f; direct+mixed F1 %.4f; scare %.4f; spans P %.4f R %.4f",
				d.P, d.R, d.F, all.F, c.ScareRate(), sp.P, sp.R)
			checks := []struct {
				name       string
				got, floor float64
				below      bool
			}{
				{"direct F1", d.F, f.directF1, false},
				{"direct P", d.P, f.directP, false},
				{"direct+mixed F1", all.F, f.allF1, false},
				{"scare quotes given a speaker", c.ScareRate(), f.scare, true},
				{"span P", sp.P, f.spanP, false},
				{"span R", sp.R, f.spanR, false},
			}
			for _, ch := range checks {
				if ch.below && ch.got > ch.floor || !ch.below && ch.got < ch.floor {
					t.Errorf("%s=%.3f, floor %.3f", ch.name, ch.got, ch.floor)
				}
			}
		})
	}
}

// TestSampleThroughParse checks the sample's ten quotations as Parse gives them, so the quote
// engine and the text ingest agree on offsets and paragraphs.
func TestSampleThroughParse(t *testing.T) {
	text := article.LoadSample(t)
	a, err := article.Parse(bytes.NewReader(text), article.Options{Format: model.FormatText})
	if err != nil {
		t.Fatal(err)
	}
	article.CheckSampleQuotes(t, a.Quotes)
	if got, want := len(a.Speakers), 2; got != want {
		t.Fatalf("len(speakers)=%d, want %d", got, want)
	}
}
