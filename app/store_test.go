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
	a := &model.Article{ID: "a", Title: "One", Quotes: []model.Quote{{ID: "q1"}}, Speakers: []model.Speaker{{ID: "s1"}, {ID: "s2"}}}
	b := &model.Article{ID: "my-b", Title: "Two"}
	if err := s.Put(ctx, a, OriginSaved); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Millisecond) // b is newer, whatever the clock's resolution
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
	if list[0].ID != "my-b" || list[0].Origin != OriginImported || list[1].Summary != SummaryOf(a) {
		t.Errorf("List = %+v, want my-b first, then a with its summary", list)
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
