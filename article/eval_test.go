package article_test

import (
	"bytes"
	"testing"
	"verbatim/article/model"

	"verbatim/article"
	"verbatim/internal/eval"
	"verbatim/internal/shared"
)

// Floors just below the engine's scores on PolNeAR dev, so that a regression fails. Raise them
// when the engine improves; never lower them to make a change pass.
const (
	floorDirectF1 = 0.94
	floorDirectP  = 0.95
	floorAllF1    = 0.86
	floorScare    = 0.09 // at most this share of scare quotes given a speaker
	floorSpanP    = 0.97
	floorSpanR    = 0.98
)

// TestEvalDev scores the quote engine on PolNeAR dev with the corpus README's rules (see
// internal/eval and `make eval`). It skips, saying so, when the corpus is absent.
func TestEvalDev(t *testing.T) {
	path := shared.Require(t, "corpora/polnear/dev.jsonl.gz")
	arts, err := eval.ReadCorpus(path)
	if err != nil {
		t.Fatal(err)
	}
	var c eval.Counts
	for _, a := range arts {
		qs, _ := article.FindQuotes(eval.Paragraphs(a.Text))
		c.Add(eval.Score(a.Quotes, eval.Preds(qs)))
	}
	d, all, sp := c.DirectPRF(), c.AllPRF(), c.SpanPRF()
	t.Logf("dev: direct P %.3f R %.3f F1 %.3f; direct+mixed F1 %.3f; scare %.3f; spans P %.3f R %.3f",
		d.P, d.R, d.F, all.F, c.ScareRate(), sp.P, sp.R)
	checks := []struct {
		name       string
		got, floor float64
		below      bool
	}{
		{"direct F1", d.F, floorDirectF1, false},
		{"direct P", d.P, floorDirectP, false},
		{"direct+mixed F1", all.F, floorAllF1, false},
		{"scare quotes given a speaker", c.ScareRate(), floorScare, true},
		{"span P", sp.P, floorSpanP, false},
		{"span R", sp.R, floorSpanR, false},
	}
	for _, ch := range checks {
		if ch.below && ch.got > ch.floor || !ch.below && ch.got < ch.floor {
			t.Errorf("%s=%.3f, floor %.3f", ch.name, ch.got, ch.floor)
		}
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
