package search

import (
	"strings"

	"verbatim/article/crossref"
)

// people indexes the index's speaker names by their last folded word, the only names that
// crossref.GroupNames can take for the same person as a name with that last word.
type people struct {
	byLast map[string][]string
	names  []string // every name once, and its fold
	folded []string
}

func (ix *Index) peopleIndex() *people {
	if ix.people != nil {
		return ix.people
	}
	p := &people{byLast: map[string][]string{}}
	seen := map[string]bool{}
	for _, d := range ix.articles {
		if !d.live {
			continue
		}
		for _, n := range d.speakers {
			if seen[n] {
				continue
			}
			seen[n] = true
			f := Fold(n)
			if w := lastWord(f); w != "" {
				p.byLast[w] = append(p.byLast[w], n)
				p.names, p.folded = append(p.names, n), append(p.folded, f)
			}
		}
	}
	ix.people = p
	return p
}

func lastWord(folded string) string {
	return folded[strings.LastIndexByte(folded, ' ')+1:]
}

// speakerNames returns the set of the index's speaker names that name the person name names: those
// crossref.GroupNames puts in one person with it ("Peskov", "Dmitry Peskov" and "Dmitri Peskov"
// when no other Peskov is quoted, or the reader's hand decisions ds say so), and those that hold
// every word of it ("Peskov" finds both Peskovs when there are two). It returns nil when name has
// no words.
func (ix *Index) speakerNames(name string, ds []crossref.Decision) map[string]bool {
	name = strings.TrimSpace(name)
	if len(name) > MaxQueryBytes {
		name = name[:MaxQueryBytes]
	}
	folded := Fold(name)
	if folded == "" {
		return nil
	}
	words := strings.Fields(folded)
	if len(words) > MaxTerms {
		words = words[:MaxTerms]
	}
	pi := ix.peopleIndex()
	candidates := pi.byLast[lastWord(folded)]
	candidates = append(candidates[:len(candidates):len(candidates)], name)
	if len(ds) > crossref.MaxDecisions {
		ds = ds[len(ds)-crossref.MaxDecisions:]
	}
	// A hand merge may join names with different last words: the names the decisions mention
	// are candidates too (GroupNames ignores decisions on names it is not given).
	for _, d := range ds {
		candidates = append(candidates, d.A, d.B)
	}
	set := map[string]bool{}
	for _, p := range crossref.GroupNames(candidates, ds) {
		for _, n := range p.Names {
			if n == name {
				for _, m := range p.Names {
					set[m] = true
				}
			}
		}
	}
	for i, n := range pi.names {
		if !set[n] && hasWords(pi.folded[i], words) {
			set[n] = true
		}
	}
	return set
}

// hasWords reports whether every word of words is a word of the folded name.
func hasWords(folded string, words []string) bool {
	have := strings.Fields(folded)
	for _, w := range words {
		found := false
		for _, h := range have {
			if h == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
