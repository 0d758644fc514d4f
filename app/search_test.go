package app

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"verbatim/article/model"
	"verbatim/article/search"
)

func TestSearchFormOf(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("é", maxParamBytes) // two bytes a rune: cut mid-rune, then made valid
	f := SearchFormOf(url.Values{"q": {"  ferry  ", "ignored"}, "speaker": {"Peskov"}, "site": {long}, "from": {"2024-01-01"}, "to": {"soon"}, "x": {"y"}})
	if f.Q != "ferry" || f.Speaker != "Peskov" || f.From != "2024-01-01" || f.To != "soon" {
		t.Errorf("SearchFormOf = %+v", f)
	}
	if len(f.Site) > maxParamBytes || !strings.HasPrefix(long, f.Site) || !strings.HasSuffix(f.Site, "é") {
		t.Errorf("a long value is cut to %d bytes, at a rune", len(f.Site))
	}
	if got := f.Values(); got.Get("x") != "" || got.Get("q") != "ferry" || len(got) != 5 {
		t.Errorf("Values = %v", got)
	}
	q, bad := f.Query(7)
	if q.Text != "ferry" || q.Limit != 7 || !q.From.Equal(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)) || !q.To.IsZero() || !slices.Equal(bad, []string{"to"}) {
		t.Errorf("Query = %+v, bad %v", q, bad)
	}
	if !(SearchForm{}).Empty() || (SearchForm{Site: "x"}).Empty() {
		t.Error("Empty is wrong")
	}
}

func TestFormValue(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		`"no talks" peskov`:    `“no talks” peskov`,
		`a\" b` + "\x01\x7f c": `a“ b c`,
		`„so“`:                 `„so“`,
	} {
		if got := formValue(in); got != want {
			t.Errorf("formValue(%q) = %q, want %q", in, got, want)
		}
	}
}

// withNote makes the reader's notes (readNotes) one note on my-ferry, for the test, and returns
// them to change.
func withNote(t *testing.T) []search.Note {
	notes := []search.Note{{ID: "h-1", ArticleID: "my-ferry", Exact: "ferry", Note: "ask the harbour master"}}
	readNotes = func(context.Context) []search.Note { return notes }
	t.Cleanup(func() { readNotes = storeNotes })
	return notes
}

// putter returns a function that puts an article of one paragraph into st.
func putter(t *testing.T, st Store) func(id, title, body string) {
	return func(id, title, body string) {
		t.Helper()
		a := &model.Article{ID: model.ArticleID(id), Title: title, Blocks: []model.Block{{ID: "b1", Kind: model.KindParagraph, Text: body}}}
		if err := st.Put(context.Background(), a, OriginImported); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLocalIndexFollowsTheStore indexes the memory store's articles with notes, then follows a
// removed article, a new one and a changed note.
func TestLocalIndexFollowsTheStore(t *testing.T) {
	ctx := context.Background()
	st := NewStore()
	notes := withNote(t)
	put := putter(t, st)
	hits := func(q string) string {
		t.Helper()
		ix, _, _, err := localIndex.update(ctx, st, nil)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range ix.Search(search.Query{Text: q}).Hits {
			out = append(out, string(h.Kind)+":"+string(h.Article))
		}
		return strings.Join(out, " ")
	}
	put("my-ferry", "Ferry", "The ferry runs.")
	put("my-budget", "Budget", "The budget passed.")
	if got := hits("harbour master"); got != "note:my-ferry" {
		t.Errorf("the note: %q", got)
	}
	if err := st.Delete(ctx, "my-budget"); err != nil {
		t.Fatal(err)
	}
	put("my-vote", "Vote", "The budget vote.")
	if got := hits("budget"); got != "article:my-vote" {
		t.Errorf("after a removal and a new article: %q", got)
	}
	notes[0].Note = "ask the captain"
	if got := hits("captain") + "|" + hits("master"); got != "note:my-ferry|" {
		t.Errorf("after the note changed: %q", got)
	}
}
