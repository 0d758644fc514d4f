package article

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
	"verbatim/article/model"

	"verbatim/internal/shared"
)

// FuzzQuotes feeds arbitrary text to the quote engine: it must not panic, and every quotation and
// mention must lie inside the input, on rune boundaries, in order and without overlap.
func FuzzQuotes(f *testing.F) {
	for _, s := range []string{
		"Headline\n\n“We will win,” Smith said.",
		"H\n\n''a,'' said B.\n\n“c\n\n“d”",
		"„Wir schaffen das“, sagte Merkel. »gut« ‚ja‘",
		"« non » ‹ oui › don’t ’90s rock ’n’ roll students’ ‘x’",
		"\"\"\"'''‘’“”„«»",
		"X:\n\n“Whole paragraph.”",
		"\xff\xfe“bad utf8”",
	} {
		f.Add(s)
	}
	if p, ok := shared.Optional(f, "corpora/polnear/dev.jsonl.gz", "with fewer seeds"); ok {
		for _, text := range corpusTexts(f, p, 20) {
			f.Add(text)
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		paras := splitParagraphs(text)
		qs, sp := FindQuotes(paras)
		checkQuotes(t, paras, qs, sp)
	})
}

// checkQuotes asserts the engine's invariants on paras.
func checkQuotes(t testing.TB, paras []Paragraph, qs []model.Quote, sp []model.Speaker) {
	t.Helper()
	byBlock := map[model.BlockID]Paragraph{}
	runes := map[model.BlockID][]rune{}
	for _, p := range paras {
		byBlock[p.Block] = p
		runes[p.Block] = []rune(p.Text)
	}
	prevEnd := -1
	for i, q := range qs {
		p, ok := byBlock[q.Block]
		if !ok {
			t.Fatalf("quote %d in unknown block %q", i, q.Block)
		}
		rs := runes[q.Block]
		s, e := q.Start-p.Start, q.End-p.Start
		if s < 0 || e > len(rs) || s > e {
			t.Fatalf("quote %d at %d-%d outside its block %d-%d", i, q.Start, q.End, p.Start, p.Start+len(rs))
		}
		if got := string(rs[s:e]); got != q.Text {
			t.Fatalf("quote %d text %q, offsets give %q", i, q.Text, got)
		}
		if q.Start < prevEnd {
			t.Fatalf("quote %d starts at %d before the previous one ends at %d", i, q.Start, prevEnd)
		}
		prevEnd = q.End
		if q.Mention != nil {
			m := q.Mention
			if m.Start > m.End || m.Text == "" {
				t.Fatalf("quote %d has a bad mention %+v", i, *m)
			}
			// The mention's offsets give its text, in one paragraph (not necessarily the quote's).
			found := false
			for _, p := range paras {
				prs := runes[p.Block]
				if s, e := m.Start-p.Start, m.End-p.Start; s >= 0 && e <= len(prs) && string(prs[s:e]) == m.Text {
					found = true
					break
				}
			}
			if !found {
				t.Fatalf("quote %d: mention %q at %d-%d is not the text of any paragraph there", i, m.Text, m.Start, m.End)
			}
		}
		if q.Speaker != "" && q.SpeakerID == "" {
			t.Fatalf("quote %d has a speaker without an id", i)
		}
	}
	total := 0
	for _, s := range sp {
		total += s.Quotes
	}
	n := 0
	for _, q := range qs {
		if q.SpeakerID != "" {
			n++
		}
	}
	if total != n {
		t.Fatalf("speakers count %d quotes, %d quotes have a speaker", total, n)
	}
}

// corpusTexts returns up to n article texts of a PolNeAR file, to seed the fuzzer.
func corpusTexts(tb testing.TB, path string, n int) []string {
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() && (n <= 0 || len(out) < n) {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		out = append(out, a.Text)
	}
	return out
}
