package search

import (
	"verbatim/article/model"
	"verbatim/internal/searchcorpus"
)

// generate returns n articles of the generated library (internal/searchcorpus).
func generate(seed uint64, n int) []*model.Article { return searchcorpus.Articles(seed, n) }

// genNotes returns the generated library's notes on arts.
func genNotes(arts []*model.Article, seed uint64) []Note {
	var out []Note
	for _, n := range searchcorpus.Notes(arts, seed) {
		out = append(out, Note{ID: n.ID, ArticleID: model.ArticleID(n.ArticleID), Exact: n.Exact, Note: n.Note})
	}
	return out
}

// build indexes arts with notes.
func build(arts []*model.Article, notes []Note) *Index {
	ix := New()
	for _, a := range arts {
		ix.Add(a, notes)
	}
	return ix
}
