package app

import (
	"context"
	"errors"
	"testing"
	"time"
	"verbatim/article/model"
)

func TestStoreKeepsArticles(t *testing.T) {
	ctx := context.Background()
	s := NewStore()
	a := &model.Article{ID: "a", Title: "One", Quotes: []model.Quote{{ID: "q1"}}}
	b := &model.Article{ID: "my-b", Title: "Two"}
	if err := s.Put(ctx, a, OriginSaved); err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ctx, b, OriginImported); err != nil {
		t.Fatal(err)
	}
	got, origin, err := s.Get(ctx, "a")
	if err != nil || got.Title != "One" || origin != OriginSaved || len(got.Quotes) != 1 {
		t.Fatalf("Get(a) = %+v, %q, %v", got, origin, err)
	}
	list, corrupt, err := s.List(ctx)
	if err != nil || corrupt != 0 || len(list) != 2 {
		t.Fatalf("List = %+v, %d, %v", list, corrupt, err)
	}
	if err := s.Delete(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Get(ctx, "a"); !errors.Is(err, ErrNotStored) {
		t.Fatalf("Get after Delete: %v, want ErrNotStored", err)
	}
	if err := s.Put(ctx, &model.Article{}, OriginSaved); err == nil {
		t.Fatalf("Put of an article without id succeeded")
	}
}

// TestCorruptRecordsFailAlone checks that a damaged record is reported and skipped, and that the
// others stay readable.
func TestCorruptRecordsFailAlone(t *testing.T) {
	good, err := newRecord(&model.Article{ID: "good", Title: "Good"}, OriginSaved, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	recs := []record{
		good,
		{ID: "bad-summary", Origin: "saved", SavedAt: good.SavedAt, Summary: "{", Article: "{}"},
		{ID: "bad-date", Origin: "saved", SavedAt: "yesterday", Summary: good.Summary, Article: good.Article},
	}
	list, corrupt, err := entriesOf(recs)
	if err != nil || corrupt != 2 || len(list) != 1 || list[0].ID != "good" {
		t.Fatalf("entriesOf = %+v, %d, %v; want the good one and 2 corrupt", list, corrupt, err)
	}
	if _, _, err := (record{ID: "x", Article: `{"id": 3`}).decode(); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("decode of a damaged article: %v, want ErrCorrupt", err)
	}
	if got := sentence(ErrQuota); got[0] != 'T' || got[len(got)-1] != '.' {
		t.Errorf("sentence(ErrQuota) = %q, want a capitalised sentence", got)
	}
}
