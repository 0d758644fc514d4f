package article

import (
	"encoding/json"
	"os"
	"testing"

	"verbatim/internal/shared"
)

// TestSampleQuotes checks the engine against the hand annotation of the sample article: all ten
// quotations, at their offsets, with their text and speaker, and the speakers' roles.
func TestSampleQuotes(t *testing.T) {
	t.Parallel()
	text, err := os.ReadFile(shared.Require(t, "samples/zakaria-peskov.txt"))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(shared.Require(t, "samples/zakaria-peskov.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Quotes []struct {
			Start, End    int
			Text, Speaker string
		}
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	qs, sp := FindQuotes(splitParagraphs(string(text)))
	if got, want := len(qs), len(exp.Quotes); got != want {
		t.Fatalf("len(quotes)=%d, want %d", got, want)
	}
	for i, e := range exp.Quotes {
		q := qs[i]
		if q.Start != e.Start || q.End != e.End || q.Text != e.Text || q.Speaker != e.Speaker {
			t.Errorf("quote %d = %d-%d %q by %q, want %d-%d %q by %q", i, q.Start, q.End, q.Text, q.Speaker, e.Start, e.End, e.Text, e.Speaker)
		}
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
