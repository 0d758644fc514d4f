package search

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"verbatim/article/model"
)

// The caps on what one article adds to an index (see the package comment).
const (
	MaxFieldRunes = 200_000
	MaxQuotes     = 2_000
	MaxNotes      = 2_000
)

// Kind says what a hit is: an article (its title, byline, site and body), one of its quotations,
// or one of the reader's notes on it.
type Kind string

// The kinds of hits.
const (
	KindArticle Kind = "article"
	KindQuote   Kind = "quote"
	KindNote    Kind = "note"
)

// Note is one of the reader's highlights with its note, as web/page/offline.js's
// window.verbatimStore.highlights() gives it (only the fields search reads).
type Note struct {
	ID        string          `json:"id"`
	ArticleID model.ArticleID `json:"articleId"`
	Exact     string          `json:"exact"` // the highlighted text
	Note      string          `json:"note"`
}

// field is where in a hit a token is; its weight ranks a match there.
type field uint8

const (
	fTitle field = iota // the article's title
	fQuote              // a quotation's words
	fNote               // a note's words
	fMeta               // a byline, a site, a quotation's speaker
	fBody               // the article's body, a note's highlighted text
	nFields
)

// weights are the fields' weights in BM25's term frequency: title > quotation > note > byline and
// speaker > body.
var weights = [nFields]float32{fTitle: 4, fQuote: 2.5, fNote: 2, fMeta: 1.5, fBody: 1}

// posting says that a unit holds a term tf times in one field. A term's postings are in unit
// order, then field order.
type posting struct {
	unit  int32
	tf    uint16
	field field
}

// unit is one searchable thing: an article, a quotation or a note.
type unit struct {
	article int32
	item    int32 // the quotation's or note's index in its article; -1 for the article itself
	kind    Kind
	length  float32 // weighted token count, for BM25's length normalisation
	seqs    []seq   // its fields' tokens: title, byline, site, body; a quotation's text, speaker; a note's text, highlighted text
	raw     []byte  // seqs encoded, until seqsOf decodes them (a decoded index's)
}

// seq is a field's tokens in order: their term ids and where each starts in the field's text. It
// checks phrases and places snippets without reading the text again.
type seq struct {
	terms  []uint32
	starts []uint32
}

// quoteData is what the index keeps of one quotation.
type quoteData struct {
	id      model.QuoteID
	text    string
	speaker string
}

// articleData is what the index keeps of one article: its text, for snippets and phrases.
type articleData struct {
	id        model.ArticleID
	title     string
	byline    string
	site      string
	siteFold  string
	published string // as the article gives it
	day       string // its date, 2006-01-02, or "" when it has none
	body      string
	quotes    []quoteData
	notes     []Note
	speakers  []string // every speaker name in the article, as written
	units     []int32
	live      bool
}

// Index is an inverted index over articles, their quotations and notes. Add and Remove change it;
// Search reads it. It is safe for concurrent use: one call at a time holds it.
type Index struct {
	mu       sync.Mutex
	articles []articleData
	byID     map[model.ArticleID]int32
	units    []unit
	ids      map[string]uint32 // term → its id
	terms    []string          // id → term
	postings [][]posting       // id → its postings
	// id → its postings encoded, until postingsOf decodes them (a decoded index's); nil when none
	// are encoded.
	rawPostings [][]byte
	dead        int // units of removed articles still in postings

	// Derived, rebuilt on demand after a change.
	sorted  []uint32 // the term ids, by term, for prefixes
	sortOK  bool     // sorted holds every term (Decode reads it; a new term makes it stale)
	all     bitset   // the live units
	avgLen  [3]float32
	live    int
	people  *people
	changed bool
}

// New returns an empty index.
func New() *Index {
	return &Index{byID: map[model.ArticleID]int32{}, ids: map[string]uint32{}}
}

// Len returns how many articles the index holds.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.byID)
}

// cut returns s cut to at most MaxFieldRunes runes, at a rune boundary.
func cut(s string) string {
	if len(s) <= MaxFieldRunes {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxFieldRunes {
			return s[:i]
		}
		n++
	}
	return s
}

// Add indexes article a with its notes (those whose ArticleID is a's), replacing any earlier copy
// of a. Fields and lists beyond the caps are cut.
func (ix *Index) Add(a *model.Article, notes []Note) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.remove(a.ID)
	d := articleData{
		id: a.ID, title: cut(a.Title), byline: cut(a.Byline), site: cut(a.Site),
		published: a.Published, day: dayOf(a.Published), body: cut(a.Text()), live: true,
	}
	d.siteFold = Fold(d.site)
	seen := map[string]bool{}
	addName := func(n string) {
		if n != "" && !seen[n] && utf8.RuneCountInString(n) <= 200 {
			seen[n] = true
			d.speakers = append(d.speakers, n)
		}
	}
	for _, s := range a.Speakers {
		addName(s.Name)
		for _, al := range s.Aliases {
			addName(al)
		}
	}
	for _, q := range a.Quotes {
		if len(d.quotes) == MaxQuotes {
			break
		}
		if q.Kind == model.QuoteScare || strings.TrimSpace(q.Text) == "" {
			continue
		}
		addName(q.Speaker)
		d.quotes = append(d.quotes, quoteData{id: q.ID, text: cut(q.Text), speaker: cut(q.Speaker)})
	}
	for _, n := range notes {
		if len(d.notes) == MaxNotes {
			break
		}
		if n.ArticleID == a.ID && strings.TrimSpace(n.Note) != "" {
			d.notes = append(d.notes, Note{ID: n.ID, ArticleID: n.ArticleID, Exact: cut(n.Exact), Note: cut(n.Note)})
		}
	}
	ix.addData(d)
}

// Remove forgets article id, if the index holds it.
func (ix *Index) Remove(id model.ArticleID) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.remove(id)
}

func (ix *Index) remove(id model.ArticleID) {
	ai, ok := ix.byID[id]
	if !ok {
		return
	}
	delete(ix.byID, id)
	d := &ix.articles[ai]
	d.live = false
	ix.dead += len(d.units)
	for _, u := range d.units {
		ix.units[u].seqs, ix.units[u].raw = nil, nil
	}
	d.body, d.quotes, d.notes, d.units = "", nil, nil, nil
	ix.changed = true
	if ix.dead > 1024 && ix.dead > len(ix.units)/2 {
		ix.compact()
	}
}

// compact drops removed articles' units and postings by indexing the live articles again.
func (ix *Index) compact() {
	old := ix.articles
	ix.articles, ix.units, ix.dead = nil, nil, 0
	ix.byID, ix.ids, ix.terms, ix.postings, ix.rawPostings = map[model.ArticleID]int32{}, map[string]uint32{}, nil, nil, nil
	ix.sortOK = false
	for _, d := range old {
		if d.live {
			ix.addData(d)
		}
	}
}

// addData indexes d: a new article (Add), or one that compact keeps.
func (ix *Index) addData(d articleData) {
	ai := int32(len(ix.articles))
	ix.byID[d.id] = ai
	b := &builder{ix: ix, tf: map[uint32]*[nFields]uint16{}}
	d.units = d.units[:0]
	d.units = append(d.units, b.unit(ai, -1, KindArticle,
		fieldText{fTitle, d.title}, fieldText{fMeta, d.byline}, fieldText{fMeta, d.site}, fieldText{fBody, d.body}))
	for i, q := range d.quotes {
		d.units = append(d.units, b.unit(ai, int32(i), KindQuote, fieldText{fQuote, q.text}, fieldText{fMeta, q.speaker}))
	}
	for i, n := range d.notes {
		d.units = append(d.units, b.unit(ai, int32(i), KindNote, fieldText{fNote, n.Note}, fieldText{fBody, n.Exact}))
	}
	ix.articles = append(ix.articles, d)
	ix.changed = true
}

type fieldText struct {
	f    field
	text string
}

// builder adds units to an index, reusing its scratch space.
type builder struct {
	ix    *Index
	tf    map[uint32]*[nFields]uint16
	terms []uint32
	buf   []byte
}

// id returns term t's id, giving it one when it is new.
func (ix *Index) id(t []byte) uint32 {
	if id, ok := ix.ids[string(t)]; ok {
		return id
	}
	id := uint32(len(ix.terms))
	s := string(t)
	ix.ids[s] = id
	ix.terms = append(ix.terms, s)
	ix.sortOK = false
	ix.postings = append(ix.postings, nil)
	if ix.rawPostings != nil {
		ix.rawPostings = append(ix.rawPostings, nil)
	}
	return id
}

// unit adds one unit with the given fields' tokens and returns its index.
func (b *builder) unit(article, item int32, kind Kind, fields ...fieldText) int32 {
	clear(b.tf)
	b.terms = b.terms[:0]
	var length float32
	seqs := make([]seq, len(fields))
	for i, ft := range fields {
		sq := &seqs[i]
		b.buf = tokenize(ft.text, -1, b.buf, func(t []byte, start, _ int) bool {
			id := b.ix.id(t)
			sq.terms = append(sq.terms, id)
			sq.starts = append(sq.starts, uint32(start))
			c, ok := b.tf[id]
			if !ok {
				c = new([nFields]uint16)
				b.tf[id] = c
				b.terms = append(b.terms, id)
			}
			if c[ft.f] < 0xFFFF {
				c[ft.f]++
			}
			length += weights[ft.f]
			return true
		})
		sq.terms, sq.starts = slices.Clip(sq.terms), slices.Clip(sq.starts)
	}
	u := int32(len(b.ix.units))
	b.ix.units = append(b.ix.units, unit{article: article, item: item, kind: kind, length: length, seqs: seqs})
	for _, t := range b.terms {
		c := b.tf[t]
		for f := range nFields {
			if c[f] > 0 {
				b.ix.postings[t] = append(b.ix.postingsOf(t), posting{unit: u, tf: c[f], field: f})
			}
		}
	}
	return u
}

// refresh rebuilds what is derived from the postings, after a change.
func (ix *Index) refresh() {
	if !ix.changed {
		return
	}
	ix.changed = false
	if !ix.sortOK {
		ix.sorted = ix.sorted[:0]
		for id := range ix.terms {
			ix.sorted = append(ix.sorted, uint32(id))
		}
		slices.SortFunc(ix.sorted, func(a, b uint32) int { return strings.Compare(ix.terms[a], ix.terms[b]) })
		ix.sortOK = true
	}
	var sum [3]float32
	var n [3]int
	ix.live = 0
	ix.all = newBitset(len(ix.units))
	for i, u := range ix.units {
		if !ix.articles[u.article].live {
			continue
		}
		ix.all.set(int32(i))
		k := kindIndex(u.kind)
		sum[k] += u.length
		n[k]++
		ix.live++
	}
	for k := range sum {
		ix.avgLen[k] = 1
		if n[k] > 0 && sum[k] > 0 {
			ix.avgLen[k] = sum[k] / float32(n[k])
		}
	}
	ix.people = nil
}

func kindIndex(k Kind) int {
	switch k {
	case KindQuote:
		return 1
	case KindNote:
		return 2
	}
	return 0
}

// dayOf returns the date of an RFC 3339 time as 2006-01-02, or "" when s does not start with one.
func dayOf(s string) string {
	if len(s) < 10 {
		return ""
	}
	d := s[:10]
	for i := 0; i < 10; i++ {
		c := d[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return ""
			}
		} else if c < '0' || c > '9' {
			return ""
		}
	}
	return d
}

// Has reports whether the index holds article id.
func (ix *Index) Has(id model.ArticleID) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	_, ok := ix.byID[id]
	return ok
}
