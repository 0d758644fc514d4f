package article

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"verbatim/article/model"

	"verbatim/internal/shared"
)

// historyInput is one article of TestParseIsIndependentOfHistory, in the format it is parsed as.
type historyInput struct {
	name   string
	text   string
	format model.Format
}

// historyInputs returns the server's sample articles (in the repository), PolNeAR dev when the
// shared corpora are there, and last an article of more distinct words than a scratch keeps
// (maxKeptWords), in quotations with speakers.
func historyInputs(t *testing.T) []historyInput {
	var in []historyInput
	for _, s := range []struct {
		file   string
		format model.Format
	}{
		{"zakaria-peskov.txt", model.FormatText},
		{"harbour-council.md", model.FormatMarkdown},
		{"library-reopens.html", model.FormatHTML},
	} {
		b, err := os.ReadFile(filepath.Join("..", "server", "samples", s.file))
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, historyInput{s.file, string(b), s.format})
	}
	for i, text := range namesThatCarry {
		in = append(in, historyInput{fmt.Sprintf("short article %d", i+1), text, model.FormatText})
	}
	if p, err := shared.Path("corpora/polnear/dev.jsonl.gz"); err != nil {
		t.Logf("without PolNeAR dev (%v): the repository's articles only", err)
	} else {
		texts, err := readPolNeAR(p)
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range texts {
			in = append(in, historyInput{fmt.Sprintf("PolNeAR dev %d", i), s, model.FormatText})
		}
	}
	var big strings.Builder
	for i := range 2 * maxKeptWords {
		fmt.Fprintf(&big, "“Word%dx is here,” said Speaker%dy.\n\n", i, i%97)
	}
	return append(in, historyInput{"many distinct words", big.String(), model.FormatText})
}

// namesThatCarry are four short articles whose speakers an engine that remembered the article
// before would change: a name, a pronoun with nobody before it, another name, and a surname alone.
var namesThatCarry = []string{
	"The vote\n\n“We will win,” said Anna Berg, the mayor.",
	"After the vote\n\n“It is over,” she said.",
	"A reply\n\n“No,” said Carl Dahl.",
	"The count\n\n“Good,” Berg said.",
}

// TestParseIsIndependentOfHistory checks that an article parses the same whatever was parsed
// before it and on whatever goroutine. FindQuotes makes a new engine for every article, but keeps
// memory and interned words between calls in a pool (scratch.go); none of it may change what an
// article parses to. The articles are parsed in order, then each again after every other in reverse
// order (the first after an article of more distinct words than a scratch keeps), then on four
// goroutines at once; every article's JSON must be the same each time, and the articles of the
// first pass, kept, must not change while the others are parsed. A scratch that carried something
// an article means into the next (a name, the last speaker) fails it, and so does a result that
// shares memory with a scratch.
func TestParseIsIndependentOfHistory(t *testing.T) {
	t.Parallel()
	in := historyInputs(t)
	parse := func(h historyInput) (*model.Article, string) {
		a, err := Parse(strings.NewReader(h.text), Options{Format: h.format})
		if err != nil {
			return nil, "error: " + err.Error()
		}
		b, err := json.Marshal(a)
		if err != nil {
			return nil, "error: " + err.Error()
		}
		return a, string(b)
	}
	// Right after an article that names Anna Berg, a pronoun with nobody before it names nobody,
	// and a surname alone is that surname, not her.
	speaker := func(text string) string {
		a, got := parse(historyInput{text: text, format: model.FormatText})
		if a == nil || len(a.Quotes) != 1 {
			t.Fatalf("%q: want one quotation, got %.300s", text, got)
		}
		return a.Quotes[0].Speaker
	}
	for range 3 {
		speaker(namesThatCarry[0])
		if got := speaker(namesThatCarry[1]); got != "" {
			t.Errorf("“It is over,” she said: the speaker is %q, from the article before", got)
		}
		if got := speaker(namesThatCarry[3]); got != "Berg" {
			t.Errorf("“Good,” Berg said: the speaker is %q, want Berg", got)
		}
	}
	want := make([]string, len(in))
	kept := make([]*model.Article, len(in))
	for i, h := range in {
		kept[i], want[i] = parse(h)
		if kept[i] == nil {
			t.Fatalf("%s: %s", h.name, want[i])
		}
	}
	check := func(how string, i int, got string) {
		t.Helper()
		if got != want[i] {
			t.Errorf("%s: %s parses differently:\n got %.300s\nwant %.300s", how, in[i].name, got, want[i])
		}
	}
	for i := len(in) - 1; i >= 0; i-- {
		_, got := parse(in[i])
		check("in reverse", i, got)
	}
	for i, a := range kept {
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		check("kept while the others were parsed", i, string(b))
	}
	var wg sync.WaitGroup
	got := make([]string, len(in))
	for g := range 4 {
		wg.Go(func() {
			for i := g; i < len(in); i += 4 {
				_, got[i] = parse(in[i])
			}
		})
	}
	wg.Wait()
	for i := range in {
		check("on four goroutines", i, got[i])
	}
}
