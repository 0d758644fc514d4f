package crossref

import (
	"sort"
	"strings"

	"verbatim/article/model"
)

// Caps that bound FindVariants' time and memory on a large library or long quotations.
const (
	// MaxQuoteWords is how many words of a quotation are compared; a longer one is compared on its
	// first MaxQuoteWords words, so one diff costs at most MaxQuoteWords² table cells.
	MaxQuoteWords = 200
	// MaxCandidates is how many other quotations one quotation is compared with at most.
	MaxCandidates = 64
	// maxPostings is how many quotations one word's index entry is read for at most; a word that
	// many quotations of one person share is no rare word.
	maxPostings = 256
	// rareWords is how many of a quotation's rarest words look up its candidates.
	rareWords = 4
)

// The thresholds of "the same quotation, largely the same words".
const (
	// MinSharedWords is the fewest words in common (in order) that make two quotations one.
	MinSharedWords = 4
	// MinContainment is the least share of the shorter version's words that the longer holds in
	// order (the LCS over the shorter's length).
	MinContainment = 0.6
	// MaxSpread bounds how thinly the shared words may be spread in either version: they must
	// stand within MaxSpread·shared + MinSharedWords words. A short quotation whose common words
	// are strewn across a long speech is another quotation; an excerpt or an ellipsis is not.
	MaxSpread = 2
	// MaxSubstituted bounds the words put in place of others (changed, on both sides together) as
	// a share of the shared words: a changed word or two is a misquotation, "We are going to
	// replace Obamacare with something so much better" and "We are going to win so much" are two
	// sentences that start alike.
	MaxSubstituted = 0.5
)

// Quoted is one quotation of the library with the person who said it, after name merging.
type Quoted struct {
	Article model.ArticleID
	Quote   model.Quote
	Person  string // the person's key, e.g. Person.Name from GroupNames; empty: unknown
}

// Variant is a pair of quotations that are the same quotation by the same person in different
// words: indices into FindVariants' input, and the diff from A's words to B's.
type Variant struct {
	A, B int
	Diff Diff
}

// Attribute lists every quotation of arts that has a speaker, with the person it belongs to after
// GroupNames over all the quotations' speaker names with the hand decisions ds.
func Attribute(arts []model.Article, ds []Decision) []Quoted {
	var names []string
	for _, a := range arts {
		for _, q := range a.Quotes {
			names = append(names, q.Speaker)
		}
	}
	person := map[string]string{}
	for _, p := range GroupNames(names, ds) {
		for _, n := range p.Names {
			person[n] = p.Name
		}
	}
	var out []Quoted
	for _, a := range arts {
		for _, q := range a.Quotes {
			if p, ok := person[strings.TrimSpace(q.Speaker)]; ok {
				out = append(out, Quoted{Article: a.ID, Quote: q, Person: p})
			}
		}
	}
	return out
}

// FindVariants finds the pairs of qs that are one quotation by one person reported in different
// words, in two different articles: the same non-empty Person, at least MinSharedWords words in
// common (in order, or in a moved clause), those at least MinContainment of the shorter version,
// not spread thinner than MaxSpread allows, and no more words substituted than MaxSubstituted.
// Identical versions are no variant. Pairs come sorted by A, then B.
//
// It does not compare every pair: an index by person and word gives each quotation the others of
// its person that hold one of its rareWords rarest words (rarest across the library; a word more
// than maxPostings of the person's quotations hold is skipped), at most MaxCandidates of them, and
// only those are diffed. Time is so at most MaxCandidates·MaxQuoteWords² per quotation, and memory
// linear in the library's words.
func FindVariants(qs []Quoted) []Variant {
	toks := make([][]token, len(qs))
	distinct := make([][]string, len(qs))
	df := map[string]int{}
	index := map[string][]int{}
	for i, q := range qs {
		if q.Person == "" {
			continue
		}
		toks[i] = tokenize(q.Quote.Text, MaxQuoteWords)
		distinct[i] = distinctWords(toks[i])
		for _, w := range distinct[i] {
			df[w]++
			k := q.Person + "\x00" + w
			index[k] = append(index[k], i)
		}
	}
	seen := map[[2]int]bool{}
	var out []Variant
	for i, q := range qs {
		if len(toks[i]) < MinSharedWords {
			continue
		}
		cands := 0
		for _, w := range rarest(distinct[i], df) {
			posts := index[q.Person+"\x00"+w]
			if len(posts) > maxPostings {
				continue
			}
			for _, j := range posts {
				if cands == MaxCandidates {
					break
				}
				k := [2]int{min(i, j), max(i, j)}
				if j == i || seen[k] || qs[j].Article == q.Article {
					continue
				}
				seen[k] = true
				cands++
				if v, ok := compare(toks, k[0], k[1]); ok {
					out = append(out, v)
				}
			}
		}
	}
	sort.Slice(out, func(x, y int) bool {
		if out[x].A != out[y].A {
			return out[x].A < out[y].A
		}
		return out[x].B < out[y].B
	})
	return out
}

// compare diffs quotations a and b and reports whether they are variants of one quotation.
func compare(toks [][]token, a, b int) (Variant, bool) {
	ta, tb := toks[a], toks[b]
	short := min(words(ta), words(tb))
	if short < MinSharedWords || !mayShare(ta, tb, short) {
		return Variant{}, false
	}
	d, _ := diffTokens(ta, tb)
	shared, spanA, subA := kept(d.A)
	_, spanB, subB := kept(d.B)
	if shared < MinSharedWords || float64(shared) < MinContainment*float64(short) ||
		max(spanA, spanB) > MaxSpread*shared+MinSharedWords ||
		float64(subA+subB) > MaxSubstituted*float64(shared) || !d.Differs() {
		return Variant{}, false
	}
	return Variant{A: a, B: b, Diff: d}, true
}

// kept counts the words of one side of a diff that the other side holds too (same or moved), the
// span they stand in (from the first such word to the last), and the words changed for others.
func kept(ws []Word) (n, span, changed int) {
	first, last := -1, -1
	for i, w := range ws {
		if w.Change == Changed {
			changed++
		}
		if w.Change == Same || w.Change == Moved {
			n++
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if n == 0 {
		return 0, 0, changed
	}
	return n, last - first + 1, changed
}

// mayShare is a cheap bound before the diff: the LCS is at most the words the two share as a bag.
func mayShare(a, b []token, short int) bool {
	bag := map[string]int{}
	for _, t := range a {
		bag[t.norm]++
	}
	shared := 0
	for _, t := range b {
		if bag[t.norm] > 0 {
			bag[t.norm]--
			shared++
		}
	}
	return shared >= MinSharedWords && float64(shared) >= MinContainment*float64(short)
}

// words counts the words of ts that are not an ellipsis.
func words(ts []token) int {
	n := 0
	for _, t := range ts {
		if t.norm != ellipsis {
			n++
		}
	}
	return n
}

// distinctWords lists the distinct normal forms of ts, ellipses left out.
func distinctWords(ts []token) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range ts {
		if t.norm != ellipsis && !seen[t.norm] {
			seen[t.norm] = true
			out = append(out, t.norm)
		}
	}
	return out
}

// rarest lists the rareWords words of the distinct words ws with the lowest document frequency in df, ties broken by
// the longer word, then alphabetically. It keeps the best rareWords as it reads, so it costs one
// map look-up per word.
func rarest(ws []string, df map[string]int) []string {
	type cand struct {
		w  string
		df int
	}
	before := func(x, y cand) bool {
		if x.df != y.df {
			return x.df < y.df
		}
		if len(x.w) != len(y.w) {
			return len(x.w) > len(y.w)
		}
		return x.w < y.w
	}
	best := make([]cand, 0, rareWords+1)
	for _, w := range ws {
		c := cand{w, df[w]}
		k := len(best)
		for k > 0 && before(c, best[k-1]) {
			k--
		}
		if k < rareWords {
			best = append(best[:k], append([]cand{c}, best[k:]...)...)
			best = best[:min(len(best), rareWords)]
		}
	}
	out := make([]string, len(best))
	for i, c := range best {
		out[i] = c.w
	}
	return out
}

// pairwise is the plain way FindVariants avoids: every pair of quotations of one person in two
// articles is diffed. It is the baseline of the benchmark and the exhaustive answer the index is
// checked against.
func pairwise(qs []Quoted) []Variant {
	toks := make([][]token, len(qs))
	for i, q := range qs {
		toks[i] = tokenize(q.Quote.Text, MaxQuoteWords)
	}
	var out []Variant
	for a := range qs {
		for b := a + 1; b < len(qs); b++ {
			if qs[a].Person == "" || qs[a].Person != qs[b].Person || qs[a].Article == qs[b].Article {
				continue
			}
			if v, ok := compare(toks, a, b); ok {
				out = append(out, v)
			}
		}
	}
	return out
}
