package app

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"verbatim/article/model"
)

// newRecord encodes a for a Store.
func newRecord(a *model.Article, origin Origin, now time.Time) (record, error) {
	if a == nil || a.ID == "" {
		return record{}, fmt.Errorf("saving article: it has no id")
	}
	body, err := json.Marshal(a)
	if err != nil {
		return record{}, fmt.Errorf("saving article %s: %w", a.ID, err)
	}
	sum, _ := json.Marshal(SummaryOf(a)) // cannot fail: strings and ints
	return record{
		ID: string(a.ID), Origin: string(origin), SavedAt: now.UTC().Format(time.RFC3339),
		Summary: string(sum), Article: string(body),
	}, nil
}

// decode returns the article of rec, or ErrCorrupt.
func (rec record) decode() (*model.Article, Origin, error) {
	var a model.Article
	if err := json.Unmarshal([]byte(rec.Article), &a); err != nil || a.ID == "" {
		return nil, "", ErrCorrupt
	}
	return &a, Origin(rec.Origin), nil
}

// entriesOf lists recs newest first, skipping and counting the ones that cannot be decoded.
func entriesOf(recs []record) ([]Entry, int, error) {
	var out []Entry
	corrupt := 0
	for _, rec := range recs {
		var e Entry
		t, terr := time.Parse(time.RFC3339, rec.SavedAt)
		if json.Unmarshal([]byte(rec.Summary), &e.Summary) != nil || e.ID == "" || terr != nil {
			corrupt++
			continue
		}
		e.Origin, e.SavedAt = Origin(rec.Origin), t
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SavedAt.After(out[j].SavedAt) })
	return out, corrupt, nil
}
