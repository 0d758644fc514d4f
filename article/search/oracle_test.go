package search

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"verbatim/article/model"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// benchQueries are the queries of the oracle test and the benchmark: words, a frequent word, a
// prefix, a phrase, German words, and filters.
var benchQueries = []Query{
	{Text: "kremlin sanctions"},
	{Text: "the"},
	{Text: "neg*"},
	{Text: `"said the"`},
	{Text: "müller straße"},
	{Text: "talks", Speaker: "Peskov"},
	{Text: "government", Site: "spiegel.de"},
	{Text: "election vote", From: day("2022-01-01"), To: day("2022-12-31")},
	{Speaker: "Ryan"},
}

// TestIndexAgreesWithLinearScan checks the index against the plain scan on a generated library:
// the same hits, whatever their order (the scan ranks by a simpler score).
func TestIndexAgreesWithLinearScan(t *testing.T) {
	t.Parallel()
	arts := generate(1, 300)
	notes := genNotes(arts, 1)
	ix := build(arts, notes)
	for _, q := range benchQueries {
		if q.Text == "" {
			continue // a bare filter lists what the scan does not
		}
		var speakers map[string]bool
		if q.Speaker != "" {
			speakers = ix.speakerNames(q.Speaker, q.People)
		}
		q.Limit = MaxLimit
		res := ix.Search(q)
		want := linearScan(arts, notes, speakers, q)
		var got []linearKey
		m := newMatcher(parse(q.Text))
		for _, h := range res.Hits {
			got = append(got, keyOf(h))
			if h.Kind == KindQuote { // the index's snippet, from its tokens, is the text's
				if want := m.snippet(quoteText(arts, h)); !slices.Equal(h.Snippet, want) {
					t.Errorf("%+v: snippet of %v = %+v, from the text %+v", q, keyOf(h), h.Snippet, want)
				}
			}
		}
		if res.Total < len(got) || res.Total != len(want) {
			t.Errorf("%+v: Total %d, the scan found %d", q, res.Total, len(want))
		}
		if len(want) > MaxLimit {
			continue // only the first MaxLimit hits are returned; the totals agree
		}
		sortKeys := func(k []linearKey) {
			slices.SortFunc(k, func(a, b linearKey) int {
				return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
			})
		}
		sortKeys(got)
		sortKeys(want)
		if !slices.Equal(got, want) {
			t.Errorf("%+v: index found %d hits, the scan %d; they differ", q, len(got), len(want))
		}
		if len(want) == 0 {
			t.Errorf("%+v: no hit in the generated library; the query tests nothing", q)
		}
	}
}

// TestSnippets renders snippets as text with [marks] against testdata/snippets.golden.
func TestSnippets(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Filler words about nothing at all. ", 20) +
		"Then the Kremlin spokesman, Dmitry Peskov, said the talks had stalled. " +
		strings.Repeat("More filler to pad the text. ", 20)
	cases := []struct{ query, text string }{
		{"peskov", "Dmitry Peskov said: “No.”"},
		{"kremlin talks", long},
		{"talk*", long},
		{"strasse", "Die Straße\n\n  in   Köln, die STRASSE."},
		{"absent", long},
	}
	var b strings.Builder
	for _, c := range cases {
		fmt.Fprintf(&b, "%s\n\t", c.query)
		for _, s := range newMatcher(parse(c.query)).snippet(c.text) {
			if s.Mark {
				fmt.Fprintf(&b, "[%s]", s.Text)
			} else {
				b.WriteString(s.Text)
			}
		}
		b.WriteString("\n")
	}
	path := filepath.Join("testdata", "snippets.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("snippets differ from %s (go test -update rewrites it):\n%s", path, b.String())
	}
}

// TestHostileInput checks the caps: a huge article, a huge query, thousands of quotations and
// a prefix that matches every term are cut, and search still answers.
func TestHostileInput(t *testing.T) {
	t.Parallel()
	huge := article("huge", strings.Repeat("title ", 100_000), "", "", strings.Repeat("word kremlin ", 500_000))
	for i := range 3 * MaxQuotes {
		huge.Quotes = append(huge.Quotes, model.Quote{ID: model.QuoteID(fmt.Sprintf("q%d", i+1)), Text: "kremlin quote", Kind: model.QuoteDirect})
	}
	ix := New()
	ix.Add(huge, nil)
	d := ix.articles[0]
	if n := len([]rune(d.body)); n > MaxFieldRunes {
		t.Errorf("body kept %d runes, cap %d", n, MaxFieldRunes)
	}
	if n := len([]rune(d.title)); n > MaxFieldRunes {
		t.Errorf("title kept %d runes, cap %d", n, MaxFieldRunes)
	}
	if len(d.quotes) != MaxQuotes {
		t.Errorf("kept %d quotations, cap %d", len(d.quotes), MaxQuotes)
	}
	res := ix.Search(Query{Text: strings.Repeat("kremlin ", 100_000)})
	if !res.Cut || res.Total != 1+MaxQuotes || len(res.Hits) != DefaultLimit {
		t.Errorf("huge query: cut %v, total %d, %d hits; want cut, %d, %d", res.Cut, res.Total, len(res.Hits), 1+MaxQuotes, DefaultLimit)
	}
	for _, h := range res.Hits[:1] {
		n := 0
		for _, s := range h.Snippet {
			n += len([]rune(s.Text))
		}
		if n > wholeRunes+windowTokens*(MaxTokenRunes+1) {
			t.Errorf("snippet of %d runes", n)
		}
	}
	many := New()
	for i := range 500 {
		many.Add(article(fmt.Sprintf("a%d", i), fmt.Sprintf("k%dx common", i), "", "", "body"), nil)
	}
	many.Search(Query{Text: "common"}) // refreshes the sorted terms
	if got := len(many.expand(term{text: "k", prefix: true})); got != MaxPrefixTerms {
		t.Errorf("prefix k* expanded to %d terms, cap %d", got, MaxPrefixTerms)
	}
	if res := many.Search(Query{Text: "common", Limit: 10_000}); len(res.Hits) != MaxLimit {
		t.Errorf("limit 10000 gave %d hits, cap %d", len(res.Hits), MaxLimit)
	}
}

// TestReplaceAndRemove checks that adding an article again replaces it, and that removed articles
// stop matching, through compaction too.
func TestReplaceAndRemove(t *testing.T) {
	t.Parallel()
	ix := build(fixture, fixtureNotes)
	ix.Add(article("kremlin", "Renamed", "reuters.com", "", "Only new words here."), nil)
	if got := hitNames(ix.Search(Query{Text: "sanctions"}).Hits); got != nil {
		t.Errorf("old copy still found: %q", got)
	}
	if got := hitNames(ix.Search(Query{Text: "renamed"}).Hits); !slices.Equal(got, []string{"article:kremlin"}) {
		t.Errorf("new copy: %q", got)
	}
	ix.Remove("strasse")
	if got := ix.Search(Query{Text: "straße"}).Total; got != 0 {
		t.Errorf("removed article found %d times", got)
	}
	if got := hitNames(ix.Search(Query{Speaker: "Peskov"}).Hits); got != nil {
		t.Errorf("Peskov is quoted in no article left, found %q", got)
	}
	for i := range 2000 { // enough removed units to compact
		id := fmt.Sprintf("tmp%d", i)
		ix.Add(article(id, "temporary", "", "", "gone"), nil)
		ix.Remove(model.ArticleID(id))
	}
	if ix.Len() != 3 || ix.Search(Query{Text: "gone"}).Total != 0 {
		t.Errorf("after compaction: %d articles, %d hits for removed ones", ix.Len(), ix.Search(Query{Text: "gone"}).Total)
	}
	if got := hitNames(ix.Search(Query{Text: "budget", Speaker: "Ryan"}).Hits); !slices.Equal(got, []string{"article:budget", "quote:budget:q1"}) {
		t.Errorf("after compaction: %q", got)
	}
}

func quoteText(arts []*model.Article, h Hit) string {
	for _, a := range arts {
		if a.ID == h.Article {
			for _, q := range a.Quotes {
				if q.ID == h.Quote {
					return q.Text
				}
			}
		}
	}
	return ""
}
