package search

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"verbatim/article/crossref"
	"verbatim/article/model"
)

// article makes a one-paragraph article with quotations (speaker, text) that the body holds.
func article(id, title, site, published, body string, quotes ...[2]string) *model.Article {
	a := &model.Article{ID: model.ArticleID(id), Title: title, Site: site, Published: published}
	text := body
	for i, q := range quotes {
		a.Quotes = append(a.Quotes, model.Quote{ID: model.QuoteID(fmt.Sprintf("q%d", i+1)), Text: q[1], Speaker: q[0], Kind: model.QuoteDirect})
		text += " “" + q[1] + "”, " + q[0] + " said."
	}
	a.Blocks = []model.Block{{ID: "b1", Kind: model.KindParagraph, Text: text}}
	return a
}

var fixture = []*model.Article{
	article("kremlin", "Kremlin denies talks", "reuters.com", "2024-03-01T08:00:00Z",
		"Moscow said on Friday that no talks were planned.",
		[2]string{"Dmitry Peskov", "We have nothing to say about the talks"},
		[2]string{"Dmitri Peskov", "The sanctions will not work"}),
	article("strasse", "Müller über die Straße", "www.spiegel.de", "2024-05-10T12:00:00+02:00",
		"Die Regierung sprach über die Größe der Straße in Köln.",
		[2]string{"Peskov", "Das ist eine Lüge"},
		[2]string{"Jürgen Müller", "Wir bauen die Straße neu"}),
	article("budget", "Budget vote delayed", "apnews.com", "2023-11-20T15:00:00-05:00",
		"The Kremlin was not mentioned in the budget debate, where talks stalled.",
		[2]string{"Paul Ryan", "The budget is a moral document"},
		[2]string{"Paul Rand", "This budget spends too much"}),
	article("undated", "Talks about talks", "", "", "Nothing to report about the kremlin talks."),
}

var fixtureNotes = []Note{
	{ID: "h-1", ArticleID: "kremlin", Exact: "no talks were planned", Note: "Check this against the TASS wire"},
	{ID: "h-2", ArticleID: "budget", Exact: "budget debate", Note: ""}, // no note: not indexed
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// hitNames names hits as kind:article[:item], in order.
func hitNames(hs []Hit) []string {
	var out []string
	for _, h := range hs {
		s := string(h.Kind) + ":" + string(h.Article)
		if item := string(h.Quote) + h.Note; item != "" {
			s += ":" + item
		}
		out = append(out, s)
	}
	return out
}

func TestSearch(t *testing.T) {
	t.Parallel()
	ix := build(fixture, fixtureNotes)
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"title beats body", Query{Text: "kremlin"}, []string{"article:kremlin", "article:undated", "article:budget"}},
		{"case and diacritics fold", Query{Text: "MULLER strasse"}, []string{"article:strasse", "quote:strasse:q2"}},
		{"German umlaut in a quotation", Query{Text: "lüge"}, []string{"quote:strasse:q1", "article:strasse"}},
		{"every word must occur", Query{Text: "kremlin müller"}, nil},
		{"prefix", Query{Text: "sanc*"}, []string{"quote:kremlin:q2", "article:kremlin"}},
		{"phrase in order", Query{Text: `"nothing to say"`}, []string{"quote:kremlin:q1", "article:kremlin"}},
		{"phrase out of order", Query{Text: `"say nothing to"`}, nil},
		{"note", Query{Text: "tass"}, []string{"note:kremlin:h-1"}},
		{"speaker by surname finds every form", Query{Speaker: "Peskov"}, []string{
			"article:strasse", "quote:strasse:q1", "article:kremlin", "quote:kremlin:q1", "quote:kremlin:q2"}},
		{"speaker with words", Query{Text: "sanctions", Speaker: "Dmitry Peskov"}, []string{"quote:kremlin:q2", "article:kremlin"}},
		{"Ryan is not Rand", Query{Text: "budget", Speaker: "Paul Ryan"}, []string{"article:budget", "quote:budget:q1"}},
		{"a hand merge joins Ryan and Rand", Query{Text: "budget", Speaker: "Paul Ryan", People: []crossref.Decision{{A: "Paul Rand", B: "Paul Ryan", Merge: true}}},
			[]string{"article:budget", "quote:budget:q2", "quote:budget:q1"}},
		{"a hand merge across surnames", Query{Speaker: "Paul Rand", People: []crossref.Decision{{A: "Jürgen Müller", B: "Paul Rand", Merge: true}}},
			[]string{"article:strasse", "quote:strasse:q2", "article:budget", "quote:budget:q2"}},
		{"a hand split of a surname", Query{Speaker: "Dmitry Peskov", People: []crossref.Decision{{A: "Dmitry Peskov", B: "Dmitri Peskov", Merge: false}}},
			[]string{"article:kremlin", "quote:kremlin:q1"}},
		{"the later decision wins", Query{Text: "budget", Speaker: "Paul Ryan", People: []crossref.Decision{
			{A: "Paul Rand", B: "Paul Ryan", Merge: true}, {A: "Paul Ryan", B: "Paul Rand", Merge: false}}},
			[]string{"article:budget", "quote:budget:q1"}},
		{"site, with or without www", Query{Text: "strasse", Site: "spiegel.de"}, []string{"article:strasse", "quote:strasse:q2"}},
		{"site excludes", Query{Text: "talks", Site: "apnews.com"}, []string{"article:budget"}},
		{"date range", Query{Text: "talks", From: day("2024-01-01"), To: day("2024-12-31")}, []string{"article:kremlin", "quote:kremlin:q1", "note:kremlin:h-1"}},
		{"date range leaves out undated", Query{Text: "report", From: day("2000-01-01")}, nil},
		{"no words, no filter", Query{Text: "  "}, nil},
		{"unknown speaker", Query{Text: "talks", Speaker: "Nobody Known"}, nil},
		{"punctuation only", Query{Text: `"" * -- ,`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := ix.Search(tt.q)
			if got := hitNames(res.Hits); !slices.Equal(got, tt.want) {
				t.Errorf("Search(%+v) = %q, want %q", tt.q, got, tt.want)
			}
			if res.Total != len(tt.want) {
				t.Errorf("Total = %d, want %d", res.Total, len(tt.want))
			}
		})
	}
}
