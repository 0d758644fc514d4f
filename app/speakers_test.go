package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"verbatim/article/crossref"
	"verbatim/article/model"
)

// names builds NameStats: each "Name:quotes:id@published,…" adds a name with its quotes and
// articles.
func names(specs ...string) []NameStat {
	var t NameTable
	for _, s := range specs {
		parts := strings.SplitN(s, ":", 3)
		var q int
		fmt.Sscan(parts[1], &q)
		for i, a := range strings.Split(parts[2], ",") {
			id, published, _ := strings.Cut(a, "@")
			n := 0
			if i == 0 {
				n = q
			}
			t.Add(ArticleRef{ID: model.ArticleID(id), Published: published}, []SpeakerCount{{Name: parts[0], Quotes: n, Role: "role of " + parts[0]}})
		}
	}
	return t.Stats()
}

func TestPeople(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name  string
		stats []NameStat
		ds    []crossref.Decision
		want  []string // each person: slug=Name[names]/quotes/articles
	}{
		{"transliterations and a bare surname merge",
			names("Dmitry Peskov:7:a@2026-01-01T00:00:00Z", "Dmitri Peskov:2:b", "Peskov:1:c@2026-03-01T00:00:00Z"),
			// Of two names as specific, the more quoted is shown.
			nil, []string{"dmitry-peskov=Dmitry Peskov[Dmitry Peskov Dmitri Peskov Peskov]/10/c,a,b"}},
		{"Ryan and Rand stay apart",
			names("Paul Ryan:2:a", "Paul Rand:3:b"),
			nil, []string{"paul-rand=Paul Rand[Paul Rand]/3/b", "paul-ryan=Paul Ryan[Paul Ryan]/2/a"}},
		{"a hand split wins over the rules",
			names("Dmitry Peskov:7:a", "Peskov:1:c"),
			[]crossref.Decision{{A: "Peskov", B: "Dmitry Peskov"}},
			[]string{"dmitry-peskov=Dmitry Peskov[Dmitry Peskov]/7/a", "peskov=Peskov[Peskov]/1/c"}},
		{"a later hand merge wins over the split",
			names("Dmitry Peskov:7:a", "Peskov:1:c"),
			[]crossref.Decision{{A: "Peskov", B: "Dmitry Peskov"}, {A: "Dmitry Peskov", B: "Peskov", Merge: true}},
			[]string{"dmitry-peskov=Dmitry Peskov[Dmitry Peskov Peskov]/8/a,c"}},
		{"two people whose names slug alike",
			names("Jon O'Neil:2:a", "Jon ONeil:1:b"),
			nil, []string{"jon-oneil=Jon O'Neil[Jon O'Neil]/2/a", "jon-oneil-2=Jon ONeil[Jon ONeil]/1/b"}},
		{"the same article under two names counts once",
			names("Dmitry Peskov:2:a", "Peskov:1:a"),
			nil, []string{"dmitry-peskov=Dmitry Peskov[Dmitry Peskov Peskov]/3/a"}},
	} {
		var got []string
		for _, p := range People(c.stats, c.ds) {
			var ids []string
			for _, a := range p.Articles {
				ids = append(ids, string(a.ID))
			}
			got = append(got, fmt.Sprintf("%s=%s%v/%d/%s", p.Slug, p.Name, p.Names, p.Quotes, strings.Join(ids, ",")))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestSpeakerTableFind(t *testing.T) {
	t.Parallel()
	tab := NewSpeakerTable(names("Dmitry Peskov:7:a", "Peskov:1:c", "Paul Ryan:1:d"), nil)
	for _, c := range []struct {
		slug, want string
		ok         bool
	}{
		{"dmitry-peskov", "Dmitry Peskov", true},
		{"peskov", "Dmitry Peskov", true}, // one of his names
		{"paul-ryan", "Paul Ryan", true},
		{"paul-rand", "", false},
		{"", "", false},
	} {
		p, ok := tab.Find(c.slug)
		if ok != c.ok || p.Name != c.want {
			t.Errorf("Find(%q) = %q, %v; want %q, %v", c.slug, p.Name, ok, c.want, c.ok)
		}
	}
}

func TestNameTableBounds(t *testing.T) {
	t.Parallel()
	var tab NameTable
	for i := range MaxSpeakerArticles + 7 {
		tab.Add(ArticleRef{ID: model.ArticleID(fmt.Sprintf("a%03d", i)), Published: fmt.Sprintf("2026-01-01T00:%02d:00Z", i%60)},
			[]SpeakerCount{{Name: "Busy Speaker", Role: fmt.Sprintf("role %d", i), Quotes: 1}})
	}
	st := tab.Stats()
	if len(st) != 1 || len(st[0].Articles) != MaxSpeakerArticles || st[0].More != 7 || st[0].Quotes != MaxSpeakerArticles+7 {
		t.Fatalf("stats %d names, %d articles, %d more, %d quotes", len(st), len(st[0].Articles), st[0].More, st[0].Quotes)
	}
	if len(st[0].Roles) != maxRoles {
		t.Errorf("%d roles kept, want %d", len(st[0].Roles), maxRoles)
	}
	if !slices.IsSortedFunc(st[0].Articles, compareRefs) {
		t.Error("the articles are not newest first")
	}
}

func TestSpeakerCountsAndQuotesOf(t *testing.T) {
	t.Parallel()
	art := func(id, published string, quotes ...string) ArticleWith {
		a := &model.Article{ID: model.ArticleID(id), Title: "T " + id, Published: published,
			Speakers: []model.Speaker{{ID: "s1", Name: "Dmitry Peskov", Role: "spokesman"}}}
		for i, s := range quotes {
			speaker, text, _ := strings.Cut(s, "|")
			a.Quotes = append(a.Quotes, model.Quote{ID: model.QuoteID(fmt.Sprintf("q%d", i+1)), Text: text, Speaker: speaker, SpeakerID: "s1"})
		}
		return ArticleWith{Article: a}
	}
	old := art("old", "2025-01-01T00:00:00Z", "Dmitry Peskov|one", "|nobody's", "Peskov|two")
	undated := art("undated", "", "Peskov|three")
	recent := art("recent", "2026-01-01T00:00:00Z", "Paul Ryan|other", " Dmitry Peskov |four")
	if got, want := fmt.Sprint(SpeakerCountsOf(old.Article)), "[{Dmitry Peskov spokesman 1} {Peskov spokesman 1}]"; got != want {
		t.Errorf("SpeakerCountsOf = %s, want %s", got, want)
	}
	p := Person{Name: "Dmitry Peskov", Names: []string{"Dmitry Peskov", "Peskov"}}
	var got []string
	for _, q := range QuotesOf(p, []ArticleWith{undated, old, recent, old}) {
		got = append(got, string(q.Article)+"#"+string(q.Quote.ID)+":"+q.Quote.Text)
	}
	want := []string{"recent#q2:four", "old#q1:one", "old#q3:two", "undated#q1:three"}
	if !slices.Equal(got, want) {
		t.Errorf("QuotesOf = %q, want %q (newest first, undated last, each article once)", got, want)
	}
}

// TestDescribedSpeakersStayInTheirArticle: a described speaker (model.Speaker.Described, "The
// spokesman") is no person of the library: its quotes count for no name, so that the spokesmen of
// two articles are not one person, and a person whose name is the same words gets none of them.
func TestDescribedSpeakersStayInTheirArticle(t *testing.T) {
	t.Parallel()
	art := func(id string) ArticleWith {
		return ArticleWith{Article: &model.Article{ID: model.ArticleID(id), Title: "T " + id,
			Speakers: []model.Speaker{
				{ID: "s1", Name: "The spokesman", Quotes: 2, Described: true},
				{ID: "s2", Name: "Tom Baker", Role: "mayor", Quotes: 1},
			},
			Quotes: []model.Quote{
				{ID: "q1", Text: "one", Speaker: "The spokesman", SpeakerID: "s1"},
				{ID: "q2", Text: "two", Speaker: "Tom Baker", SpeakerID: "s2"},
				{ID: "q3", Text: "three", Speaker: "The spokesman", SpeakerID: "s1"},
			}}}
	}
	a, b := art("a"), art("b")
	if got, want := fmt.Sprint(SpeakerCountsOf(a.Article)), "[{Tom Baker mayor 1}]"; got != want {
		t.Errorf("SpeakerCountsOf = %s, want %s", got, want)
	}
	var tab NameTable
	tab.Add(ArticleRef{ID: a.ID}, SpeakerCountsOf(a.Article))
	tab.Add(ArticleRef{ID: b.ID}, SpeakerCountsOf(b.Article))
	for _, s := range tab.Stats() {
		if s.Name != "Tom Baker" {
			t.Errorf("the library's names hold %q", s.Name)
		}
	}
	p := Person{Name: "The spokesman", Names: []string{"The spokesman"}}
	if got := QuotesOf(p, []ArticleWith{a, b}); len(got) != 0 {
		t.Errorf("QuotesOf a person named like a described speaker = %d quotes, want none", len(got))
	}
}

func TestHandDecisions(t *testing.T) {
	t.Parallel()
	p := Person{Name: "Dmitry Peskov", Names: []string{"Dmitry Peskov", "Dmitri Peskov", "Peskov"}}
	q := Person{Name: "D. Peskov", Names: []string{"D. Peskov"}}
	if got, want := fmt.Sprint(splitDecisions(p, "Peskov")), "[{Peskov Dmitry Peskov false} {Peskov Dmitri Peskov false}]"; got != want {
		t.Errorf("splitDecisions = %s, want %s", got, want)
	}
	if got, want := fmt.Sprint(mergeDecisions(q, p)), "[{D. Peskov Dmitry Peskov true} {D. Peskov Dmitri Peskov true} {D. Peskov Peskov true}]"; got != want {
		t.Errorf("mergeDecisions = %s, want %s", got, want)
	}
	ds := []crossref.Decision{{A: "Peskov", B: "Paul Ryan"}, {A: "Paul Rand", B: "Paul Ryan"}, {A: " x ", B: "x"}, {A: "", B: "y"}}
	if got, want := fmt.Sprint(forgetDecisions(ds, p)), "[{Paul Rand Paul Ryan false} { x  x false} { y false}]"; got != want {
		t.Errorf("forgetDecisions = %s, want %s", got, want)
	}
	if got, want := fmt.Sprint(cleanDecisions(ds)), "[{Peskov Paul Ryan false} {Paul Rand Paul Ryan false}]"; got != want {
		t.Errorf("cleanDecisions = %s, want %s (trimmed; empty and same-name pairs dropped)", got, want)
	}
	many := make([]crossref.Decision, crossref.MaxDecisions+5)
	for i := range many {
		many[i] = crossref.Decision{A: fmt.Sprint("a", i), B: "b"}
	}
	if got := cleanDecisions(many); len(got) != crossref.MaxDecisions || got[0].A != "a5" {
		t.Errorf("cleanDecisions kept %d from %s, want the latest %d", len(got), got[0].A, crossref.MaxDecisions)
	}
}
