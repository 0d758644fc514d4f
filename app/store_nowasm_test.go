//go:build !(js && wasm)

package app

import (
	"context"
	"errors"
	"testing"
	"time"

	"verbatim/article/model"
)

// TestCorruptRecordsFailAlone checks that a damaged record is reported and skipped, and that the
// others stay readable.
func TestCorruptRecordsFailAlone(t *testing.T) {
	ctx := context.Background()
	s := NewStore().(*memoryStore)
	if err := s.Put(ctx, &model.Article{ID: "good", Title: "Good"}, OriginSaved); err != nil {
		t.Fatal(err)
	}
	s.records["bad"] = memoryRecord{origin: OriginSaved, savedAt: time.Now(), article: `{"id": 3`}
	s.records["no-id"] = memoryRecord{origin: OriginImported, savedAt: time.Now(), article: `{"title": "x"}`}
	list, corrupt, err := s.List(ctx)
	if err != nil || corrupt != 2 || len(list) != 1 || list[0].ID != "good" {
		t.Fatalf("List = %+v, %d, %v; want the good one and 2 corrupt", list, corrupt, err)
	}
	for _, id := range []model.ArticleID{"bad", "no-id"} {
		if _, _, err := s.Get(ctx, id); !errors.Is(err, ErrCorrupt) {
			t.Errorf("Get(%s) of a damaged article: %v, want ErrCorrupt", id, err)
		}
	}
	if got, _, err := s.Get(ctx, "good"); err != nil || got.Title != "Good" {
		t.Errorf("Get(good) beside damaged records = %+v, %v", got, err)
	}
	if got := sentence(ErrQuota); got[0] != 'T' || got[len(got)-1] != '.' {
		t.Errorf("sentence(ErrQuota) = %q, want a capitalised sentence", got)
	}
}
