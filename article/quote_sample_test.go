package article

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"verbatim/article/model"

	"verbatim/internal/shared"
)

// TestSampleQuotes checks the engine against the hand annotation of the sample article: all ten
// quotations, at their offsets, with their text and speaker, and the speakers' roles.
func TestSampleQuotes(t *testing.T) {
	t.Parallel()
	text := LoadSample(t)
	qs, sp := FindQuotes(splitParagraphs(string(text)))
	CheckSampleQuotes(t, qs)
	for i, q := range qs {
		if q.SpeakerID == "" || q.Mention == nil {
			t.Errorf("quote %d has no speaker id or mention", i)
		}
	}
	roles := map[string]string{}
	for _, s := range sp {
		roles[s.Name] = s.Role
	}
	if got, want := roles["Dmitry Peskov"], "Kremlin Press Secretary"; got != want {
		t.Errorf("Peskov's role=%q, want %q", got, want)
	}
	if got, want := roles["Fareed Zakaria"], "CNN"; got != want {
		t.Errorf("Zakaria's role=%q, want %q", got, want)
	}
}

// The sample article and its hand annotation, committed in testdata/ so that they are checked on
// any clone: the text is server/samples/zakaria-peskov.txt, and both are the project's own copies of
// ../shared/samples (TestSampleMatchesShared compares them when that is there).
const (
	sampleText       = "testdata/zakaria-peskov.txt"
	sampleAnnotation = "testdata/zakaria-peskov.expected.json"
)

// LoadSample returns the sample article's text. It is exported for the external tests of this
// package.
func LoadSample(tb testing.TB) []byte {
	tb.Helper()
	text, err := os.ReadFile(sampleText)
	if err != nil {
		tb.Fatal(err)
	}
	return text
}

// sampleExpected is the hand annotation of the sample: its metadata, the lines that are not body
// (not_body), and every quotation at its code-point offsets with its speaker.
type sampleExpected struct {
	Title, Byline, Site string
	NotBody             []string `json:"not_body"`
	Quotes              []struct {
		Start, End    int
		Text, Speaker string
	}
}

// loadSampleExpected reads the sample's hand annotation.
func loadSampleExpected(tb testing.TB) sampleExpected {
	tb.Helper()
	raw, err := os.ReadFile(sampleAnnotation)
	if err != nil {
		tb.Fatal(err)
	}
	var exp sampleExpected
	if err := json.Unmarshal(raw, &exp); err != nil {
		tb.Fatalf("%s: %v", sampleAnnotation, err)
	}
	return exp
}

// CheckSampleQuotes compares quotes found in the sample with its hand annotation
// (zakaria-peskov.expected.json): the same number, and each at its offsets with its text and speaker.
func CheckSampleQuotes(tb testing.TB, quotes []model.Quote) {
	tb.Helper()
	exp := loadSampleExpected(tb)
	if got, want := len(quotes), len(exp.Quotes); got != want {
		tb.Fatalf("len(quotes)=%d, want %d", got, want)
	}
	for i, e := range exp.Quotes {
		q := quotes[i]
		if q.Start != e.Start || q.End != e.End || q.Text != e.Text || q.Speaker != e.Speaker {
			tb.Errorf("quote %d = %d-%d %q by %q, want %d-%d %q by %q", i, q.Start, q.End, q.Text, q.Speaker, e.Start, e.End, e.Text, e.Speaker)
		}
	}
}

// TestSampleMatchesShared checks that the committed sample and annotation are the same as those in
// ../shared/samples, which `make eval` scores; it is skipped, saying so, without ../shared.
func TestSampleMatchesShared(t *testing.T) {
	t.Parallel()
	for _, f := range []string{sampleText, sampleAnnotation} {
		name := filepath.Base(f)
		theirs, err := os.ReadFile(shared.Require(t, "samples/"+name))
		if err != nil {
			t.Fatal(err)
		}
		ours, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(ours, theirs) {
			t.Errorf("%s differs from ../shared/samples/%s; copy the annotated one over the other", f, name)
		}
	}
}
