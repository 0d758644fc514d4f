//go:build !(js && wasm)

package app

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"verbatim/article/model"
	"verbatim/article/search"
)

// keepingStore is the memory store with what offline.js adds for the search index: a generation
// that each Put and Delete (and the test, for a note) changes, a kept index, and one read of many
// articles, which it counts.
type keepingStore struct {
	*memoryStore
	gen         int
	keptGen     string
	kept        []byte
	read, saves int
}

func newKeepingStore() *keepingStore { return &keepingStore{memoryStore: NewStore().(*memoryStore)} }

func (s *keepingStore) Put(ctx context.Context, a *model.Article, o Origin) error {
	s.gen++
	return s.memoryStore.Put(ctx, a, o)
}

func (s *keepingStore) Delete(ctx context.Context, id model.ArticleID) error {
	s.gen++
	return s.memoryStore.Delete(ctx, id)
}

func (s *keepingStore) SearchGeneration(context.Context) (string, error) {
	return strconv.Itoa(s.gen), nil
}

func (s *keepingStore) LoadSearchIndex(context.Context) (string, string, []byte, error) {
	return strconv.Itoa(s.gen), s.keptGen, s.kept, nil
}

func (s *keepingStore) SaveSearchIndex(_ context.Context, gen string, data []byte) error {
	s.keptGen, s.kept = gen, data
	s.saves++
	return nil
}

func (s *keepingStore) ArticleTexts(_ context.Context, ids []model.ArticleID) ([]string, error) {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = s.records[id].article
		s.read++
	}
	return out, nil
}

// TestLocalIndexIsKept builds the browser's index from a store that keeps it, then "reloads" (a
// new localSearch) several times: with nothing changed the kept index answers and no article is
// read; a new generation that changed no article is kept anew, reading none; after a removal, a new article and a changed note only the two changed articles are read
// and the hits follow; a damaged kept index is built again from the store, and replaced.
func TestLocalIndexIsKept(t *testing.T) {
	ctx := context.Background()
	st := newKeepingStore()
	notes := withNote(t)
	put := putter(t, st)
	// load is a page load: a new index, brought up to date and kept; it returns the hits of q and
	// how many articles it read.
	load := func(q string) (string, int) {
		t.Helper()
		l, before := newLocalSearch(), st.read
		ix, _, _, err := l.update(ctx, st, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := l.save(ctx, st); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range ix.Search(search.Query{Text: q}).Hits {
			out = append(out, string(h.Kind)+":"+string(h.Article))
		}
		return strings.Join(out, " "), st.read - before
	}
	put("my-ferry", "Ferry", "The ferry runs to the harbour.")
	put("my-budget", "Budget", "The budget passed.")
	put("my-bridge", "Bridge", "The bridge to the harbour.")
	if got, read := load("harbour"); read != 3 || got != "note:my-ferry article:my-bridge article:my-ferry" {
		t.Fatalf("first load: %q, %d read", got, read)
	}
	saves := st.saves
	if got, read := load("harbour"); read != 0 || got != "note:my-ferry article:my-bridge article:my-ferry" || st.saves != saves {
		t.Errorf("a reload with nothing changed: %q, %d articles read, %d saves (want none)", got, read, st.saves-saves)
	}
	st.gen++ // a write that changes no indexed article (a highlight with no note)
	if got, read := load("harbour"); read != 0 || got != "note:my-ferry article:my-bridge article:my-ferry" || st.saves != saves+1 || st.keptGen != strconv.Itoa(st.gen) {
		t.Errorf("a new generation with no article changed: %q, %d read, %d saves (want 1, at the new generation)", got, read, st.saves-saves)
	}
	if err := st.Delete(ctx, "my-bridge"); err != nil {
		t.Fatal(err)
	}
	put("my-vote", "Vote", "The budget vote at the harbour.")
	notes[0].Note = "ask the captain"
	st.gen++ // offline.js changes the generation with a note
	if got, read := load("harbour"); read != 2 || got != "article:my-ferry article:my-vote" {
		t.Errorf("after a removal, a new article and a changed note: %q, %d read (want 2)", got, read)
	}
	if got, _ := load("captain"); got != "note:my-ferry" {
		t.Errorf("the changed note: %q", got)
	}
	st.kept[len(st.kept)/2] ^= 0xFF
	if got, read := load("budget"); read != 3 || got != "article:my-budget article:my-vote" {
		t.Errorf("a damaged kept index: %q, %d read (want all 3)", got, read)
	}
	if _, _, _, err := decodeLocal(st.kept); err != nil {
		t.Errorf("the damaged index was not replaced: %v", err)
	}
}

// TestDecodeLocal round-trips the kept index with its keys, and refuses a damaged header, another
// version and keys that name other articles than the index holds.
func TestDecodeLocal(t *testing.T) {
	t.Parallel()
	ix := search.New()
	ix.Add(&model.Article{ID: "a", Title: "Ferry"}, nil)
	keys := map[model.ArticleID]uint64{"a": 42}
	data, err := encodeLocal(ix, keys, 3)
	if err != nil {
		t.Fatal(err)
	}
	got, gotKeys, corrupt, err := decodeLocal(data)
	if err != nil || gotKeys["a"] != 42 || len(gotKeys) != 1 || corrupt != 3 || got.Search(search.Query{Text: "ferry"}).Total != 1 {
		t.Fatalf("round trip: %v %v %d %v", got, gotKeys, corrupt, err)
	}
	other, _ := encodeLocal(ix, map[model.ArticleID]uint64{"b": 1}, 0)
	damaged := append([]byte(nil), data...)
	damaged[3] ^= 1
	version := []byte(strings.Replace(string(data), localMagic+"\x01", localMagic+"\x02", 1))
	for name, d := range map[string][]byte{"empty": nil, "damaged header": damaged, "other keys": other, "another version": version, "truncated": data[:len(data)-3]} {
		if _, _, _, err := decodeLocal(d); err == nil {
			t.Errorf("%s: no error", name)
		} else if !errors.Is(err, errLocalIndex) && !errors.Is(err, search.ErrEncoding) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
