package crossref

import (
	"strings"
	"testing"

	"verbatim/article/model"
)

// TestAttributeAndFindVariants goes from articles to a flagged variant: two articles name one
// speaker differently and report one quotation in different words; an unrelated quotation of the
// same person and the same words by another person do not pair.
func TestAttributeAndFindVariants(t *testing.T) {
	t.Parallel()
	arts := []model.Article{
		{ID: "a1", Quotes: []model.Quote{
			{ID: "q1", Speaker: "Dmitry Peskov", Text: "We have no information about any such meeting, and we do not comment on rumours."},
			{ID: "q2", Speaker: "Dmitry Peskov", Text: "The president has a very busy schedule this week."},
		}},
		{ID: "a2", Quotes: []model.Quote{
			{ID: "q1", Speaker: "Peskov", Text: "We do not comment on rumours, we have no information about any such meeting."},
			{ID: "q2", Speaker: "Dmitri Peskov", Text: "We have no details about any such meeting"},
			{ID: "q3", Speaker: "Paul Ryan", Text: "We have no information about any such meeting, and we do not comment on rumours."},
		}},
	}
	qs := Attribute(arts, nil)
	if len(qs) != 5 {
		t.Fatalf("Attribute gave %d quotations, want 5", len(qs))
	}
	for _, q := range qs[:4] {
		if q.Person != qs[0].Person {
			t.Fatalf("Peskov's names went to different people: %q and %q", qs[0].Person, q.Person)
		}
	}
	got := map[string]string{}
	for _, v := range FindVariants(qs) {
		got[string(qs[v.A].Article)+"/"+string(qs[v.A].Quote.ID)+"~"+string(qs[v.B].Article)+"/"+string(qs[v.B].Quote.ID)] = marked(v.Diff.B)
	}
	want := map[string]string{
		"a1/q1~a2/q1": "We [moved:do] [moved:not] [moved:comment] [moved:on] [moved:rumours] [inserted:we] have no information about any such meeting",
		"a1/q1~a2/q2": "We have no [changed:details] about any such meeting",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("variant %s: got B side %q, want %q", k, got[k], w)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected variant %s: %s", k, got[k])
		}
	}
}

// TestFindVariantsBoundsLongQuotes checks that a quotation far past MaxQuoteWords is diffed on its
// first MaxQuoteWords words: its variant is still found, and no side of the diff is longer.
func TestFindVariantsBoundsLongQuotes(t *testing.T) {
	t.Parallel()
	var words []string
	for i := range 20 * MaxQuoteWords {
		words = append(words, "word"+strings.Repeat("x", i%7)+string(rune('a'+i%26)))
	}
	long := strings.Join(words, " ")
	changed := strings.Replace(long, words[3], "other", 1)
	qs := []Quoted{
		{Article: "a", Quote: model.Quote{Text: long}, Person: "P"},
		{Article: "b", Quote: model.Quote{Text: changed}, Person: "P"},
	}
	vs := FindVariants(qs)
	if len(vs) != 1 {
		t.Fatalf("found %d variants, want 1", len(vs))
	}
	if len(vs[0].Diff.A) > MaxQuoteWords || len(vs[0].Diff.B) > MaxQuoteWords {
		t.Errorf("the diff has %d and %d words, past the cap %d", len(vs[0].Diff.A), len(vs[0].Diff.B), MaxQuoteWords)
	}
}

// TestFindVariantsIgnoresUnknownSpeakersAndOneArticle checks the pairs that are never variants:
// quotations without a person, and two quotations of one article.
func TestFindVariantsIgnoresUnknownSpeakersAndOneArticle(t *testing.T) {
	t.Parallel()
	text := "We have no information about any such meeting at all"
	other := "We have no information about any such meeting"
	for _, qs := range [][]Quoted{
		{{Article: "a", Quote: model.Quote{Text: text}}, {Article: "b", Quote: model.Quote{Text: other}}},
		{{Article: "a", Quote: model.Quote{Text: text}, Person: "P"}, {Article: "a", Quote: model.Quote{Text: other}, Person: "P"}},
		{{Article: "a", Quote: model.Quote{Text: text}, Person: "P"}, {Article: "b", Quote: model.Quote{Text: other}, Person: "Q"}},
	} {
		if vs := FindVariants(qs); len(vs) != 0 {
			t.Errorf("FindVariants(%+v) = %d variants, want none", qs, len(vs))
		}
	}
	// the control: the same two in two articles by one person pair
	if vs := FindVariants([]Quoted{{Article: "a", Quote: model.Quote{Text: text}, Person: "P"}, {Article: "b", Quote: model.Quote{Text: other}, Person: "P"}}); len(vs) != 1 {
		t.Errorf("the control pair gave %d variants, want 1", len(vs))
	}
}
