package search

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"

	"verbatim/article/model"
)

// MaxPhraseChecks caps how many candidates one search reads again to check its phrases.
const MaxPhraseChecks = 2_000

// BM25's parameters.
const (
	k1 = 1.2
	b  = 0.75
)

// Hit is one thing a search found: an article, a quotation or a note.
type Hit struct {
	Kind      Kind            `json:"kind"`
	Article   model.ArticleID `json:"article"`
	Title     string          `json:"title"`
	Site      string          `json:"site,omitempty"`
	Published string          `json:"published,omitempty"`
	Quote     model.QuoteID   `json:"quote,omitempty"`   // a quotation's id (KindQuote)
	Speaker   string          `json:"speaker,omitempty"` // a quotation's speaker, as the article names them (KindQuote)
	Note      string          `json:"note,omitempty"`    // a note's highlight id (KindNote)
	Snippet   []Segment       `json:"snippet"`           // the matched text around the best match, its matches marked
	Score     float64         `json:"score"`
}

// Segment is a piece of a snippet: plain text, marked when it matched the query.
type Segment struct {
	Text string `json:"text"`
	Mark bool   `json:"mark,omitempty"`
}

// Result is what Search found: the best hits, and how many there are in all.
type Result struct {
	Hits    []Hit `json:"hits"`
	Total   int   `json:"total"`             // how many hits matched, the Hits included
	AtLeast bool  `json:"atLeast,omitempty"` // Total is a lower bound: phrases were checked in MaxPhraseChecks candidates only
	Cut     bool  `json:"cut,omitempty"`     // the query was longer than MaxQueryBytes or had more than MaxTerms terms
}

// bitset is a set of units.
type bitset []uint64

func newBitset(n int) bitset      { return make(bitset, (n+63)/64) }
func (s bitset) set(i int32)      { s[i>>6] |= 1 << (uint(i) & 63) }
func (s bitset) has(i int32) bool { return s[i>>6]&(1<<(uint(i)&63)) != 0 }
func (s bitset) and(o bitset) {
	for i := range s {
		s[i] &= o[i]
	}
}
func (s bitset) each(f func(int32)) {
	for w, x := range s {
		for x != 0 {
			f(int32(w*64 + bits.TrailingZeros64(x)))
			x &= x - 1
		}
	}
}

// expand returns the ids of the terms that term t matches: its own, or a prefix's (at most
// MaxPrefixTerms of them, the first in sorted order).
func (ix *Index) expand(t term) []uint32 {
	if !t.prefix {
		if id, ok := ix.ids[t.text]; ok {
			return []uint32{id}
		}
		return nil
	}
	var out []uint32
	i, _ := slices.BinarySearchFunc(ix.sorted, t.text, func(id uint32, s string) int { return strings.Compare(ix.terms[id], s) })
	for ; i < len(ix.sorted) && strings.HasPrefix(ix.terms[ix.sorted[i]], t.text) && len(out) < MaxPrefixTerms; i++ {
		out = append(out, ix.sorted[i])
	}
	return out
}

// Search runs q over the index and returns its best hits, best first: by BM25 score with the
// fields' weights, then newest, then by article id and place in the article. A query with no words
// but a filter lists what the filter keeps: the articles, and with a speaker the quotations too.
func (ix *Index) Search(q Query) Result {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.refresh()
	p := parse(q.Text)
	res := Result{Cut: p.cut}
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	n := len(ix.units)
	keep := ix.filter(q, len(p.terms) == 0)
	if keep == nil {
		return res
	}
	scores := make([]float32, n)
	var cand bitset
	if len(p.terms) > 0 {
		tfw := make([]float32, n)
		var touched []int32
		lists := make([][]uint32, len(p.terms))
		cand = keep
		for i, t := range p.terms {
			lists[i] = ix.expand(t)
			has := newBitset(n)
			for _, id := range lists[i] {
				for _, po := range ix.postingsOf(id) {
					has.set(po.unit)
				}
			}
			cand.and(has)
		}
		for _, ls := range lists {
			touched = touched[:0]
			df := 0
			for _, id := range ls {
				l := ix.postingsOf(id)
				df = max(df, len(l))
				for _, po := range l {
					if cand.has(po.unit) {
						if tfw[po.unit] == 0 {
							touched = append(touched, po.unit)
						}
						tfw[po.unit] += weights[po.field] * float32(po.tf)
					}
				}
			}
			idf := float32(math.Log(1 + (float64(ix.live)-float64(df)+0.5)/(float64(df)+0.5)))
			for _, u := range touched {
				f := tfw[u]
				norm := 1 - b + b*ix.units[u].length/ix.avgLen[kindIndex(ix.units[u].kind)]
				scores[u] += idf * f * (k1 + 1) / (f + k1*norm)
				tfw[u] = 0
			}
		}
	} else {
		cand = keep
	}
	var hits []int32
	cand.each(func(u int32) { hits = append(hits, u) })
	slices.SortFunc(hits, func(x, y int32) int {
		if c := cmp.Compare(scores[y], scores[x]); c != 0 {
			return c
		}
		ax, ay := &ix.articles[ix.units[x].article], &ix.articles[ix.units[y].article]
		if c := cmp.Compare(ay.day, ax.day); c != 0 {
			return c
		}
		if c := cmp.Compare(ax.id, ay.id); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	if len(p.phrases) > 0 {
		hits, res.AtLeast = ix.checkPhrases(hits, p)
	}
	res.Total = len(hits)
	m := ix.termMatcher(p)
	for _, u := range hits[:min(limit, len(hits))] {
		res.Hits = append(res.Hits, ix.hit(u, float64(scores[u]), m))
	}
	return res
}

// filter returns the units that q's filters keep (nil when none can match). bare says the query
// has no words: then only articles are kept, and with a speaker filter that person's quotations.
func (ix *Index) filter(q Query, bare bool) bitset {
	var speakers map[string]bool
	if strings.TrimSpace(q.Speaker) != "" {
		speakers = ix.speakerNames(q.Speaker, q.People)
		if len(speakers) == 0 {
			return nil
		}
	}
	site := ""
	if strings.TrimSpace(q.Site) != "" {
		if site = Fold(q.Site); site == "" {
			return nil
		}
	}
	from, to := "", ""
	if !q.From.IsZero() {
		from = q.From.Format("2006-01-02")
	}
	if !q.To.IsZero() {
		to = q.To.Format("2006-01-02")
	}
	if speakers == nil && site == "" && from == "" && to == "" {
		if bare {
			return nil
		}
		return slices.Clone(ix.all)
	}
	keep := newBitset(len(ix.units))
	for _, d := range ix.articles {
		if !d.live || site != "" && d.siteFold != site && !strings.HasSuffix(d.siteFold, " "+site) {
			continue
		}
		if (from != "" || to != "") && (d.day == "" || from != "" && d.day < from || to != "" && d.day > to) {
			continue
		}
		quoted := speakers == nil
		for _, n := range d.speakers {
			quoted = quoted || speakers[n]
		}
		if !quoted {
			continue
		}
		for _, u := range d.units {
			un := ix.units[u]
			switch {
			case un.kind == KindQuote:
				if speakers != nil && !speakers[d.quotes[un.item].speaker] || bare && speakers == nil {
					continue
				}
			case bare && un.kind == KindNote:
				continue
			}
			keep.set(u)
		}
	}
	return keep
}

// checkPhrases keeps the hits that hold every phrase of p, reading at most MaxPhraseChecks of them;
// atLeast says some were not read (they are dropped).
func (ix *Index) checkPhrases(hits []int32, p parsed) (kept []int32, atLeast bool) {
	for i, u := range hits {
		if i == MaxPhraseChecks {
			return kept, true
		}
		ok := true
		for _, ph := range p.phrases {
			if !ix.unitHasPhrase(u, p, ph) {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, u)
		}
	}
	return kept, false
}

// unitHasPhrase reports whether one of unit u's fields holds the words of phrase ph in order.
func (ix *Index) unitHasPhrase(u int32, p parsed, ph []int) bool {
	want := make([]uint32, len(ph))
	for i, ti := range ph {
		id, ok := ix.ids[p.terms[ti].text]
		if !ok {
			return false
		}
		want[i] = id
	}
	for _, sq := range ix.seqsOf(u) {
	next:
		for i := 0; i+len(want) <= len(sq.terms); i++ {
			for j, id := range want {
				if sq.terms[i+j] != id {
					continue next
				}
			}
			return true
		}
	}
	return false
}

// idMatcher tells which query term a term id matches: the ids of the terms that a query's terms
// match (prefixes expanded), as a set for speed and a map to the query term's index.
type idMatcher struct {
	set  bitset
	term map[uint32]int
}

func (ix *Index) termMatcher(p parsed) idMatcher {
	m := idMatcher{set: newBitset(len(ix.terms)), term: map[uint32]int{}}
	for i, t := range p.terms {
		for _, id := range ix.expand(t) {
			if _, ok := m.term[id]; !ok {
				m.term[id] = i
				m.set.set(int32(id))
			}
		}
	}
	return m
}

// match returns the index of the query term that term id matches, or -1.
func (m idMatcher) match(id uint32) int {
	if !m.set.has(int32(id)) {
		return -1
	}
	return m.term[id]
}

// seqSnippet is the snippet of text from its tokens sq.
func seqSnippet(text string, sq seq, m idMatcher) []Segment {
	return snippet(text, len(sq.terms), func(i int) int { return m.match(sq.terms[i]) }, func(i int) (int, int) {
		start := int(sq.starts[i])
		return start, wordEnd(text, start)
	})
}

// hit makes the Hit of unit u, with its snippet.
func (ix *Index) hit(u int32, score float64, m idMatcher) Hit {
	un := ix.units[u]
	un.seqs = ix.seqsOf(u)
	d := &ix.articles[un.article]
	h := Hit{Kind: un.kind, Article: d.id, Title: d.title, Site: d.site, Published: d.published, Score: score}
	switch un.kind {
	case KindQuote:
		q := d.quotes[un.item]
		h.Quote, h.Speaker = q.id, q.speaker
		h.Snippet = seqSnippet(q.text, un.seqs[0], m)
	case KindNote:
		n := d.notes[un.item]
		h.Note = n.ID
		h.Snippet = seqSnippet(n.Note, un.seqs[0], m)
	default:
		h.Snippet = seqSnippet(d.body, un.seqs[3], m)
	}
	return h
}
