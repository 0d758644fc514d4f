package article

import (
	"encoding/json"
	"os"
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

// LoadSample returns the sample article's text from the shared folder (the test is skipped, saying so,
// when it is missing). It is exported for the external tests of this package.
func LoadSample(tb testing.TB) []byte {
	tb.Helper()
	text, err := os.ReadFile(shared.Require(tb, "samples/zakaria-peskov.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return text
}

// CheckSampleQuotes compares quotes found in the sample with its hand annotation
// (zakaria-peskov.expected.json): the same number, and each at its offsets with its text and speaker.
func CheckSampleQuotes(tb testing.TB, quotes []model.Quote) {
	tb.Helper()
	raw, err := os.ReadFile(shared.Require(tb, "samples/zakaria-peskov.expected.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var exp struct {
		Quotes []struct {
			Start, End    int
			Text, Speaker string
		}
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		tb.Fatal(err)
	}
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
