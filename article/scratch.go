package article

import (
	"slices"
	"sync"
	"verbatim/article/model"
)

// scratch is what FindQuotes keeps between calls, in a pool: the memory an engine cuts an
// article's paragraph states, runes, tokens, spans and segments from, and the words it has
// interned; Parse takes one for parseText's lines and paragraphs too, and one around FindQuotes for
// the text blocks, their paragraphs and the quote marker's scratch. Nothing in it means anything for an
// article: the memory is cleared before it goes back to the pool (keep, release, releaseText), and
// a word says the same in every article (its lower case, its capital and its lexicon flags; see
// internTable.trim). The registry of names keeps only its maps, emptied, and the slabs of its
// entities, cleared (see registry.reset). What an article means (its paragraphs, quotations, names
// and speakers, the last speaker a pronoun may name) lives in its engine, which FindQuotes makes new
// for every call, so that nothing of it can outlive the article. The pool is there for throughput:
// without it, or without the words it keeps, a plain-text parse falls under the 50 MB/s budget
// (BENCHMARKS.md gives the measurement).
type scratch struct {
	words  internTable
	ps     []*paraState
	pstore []paraState
	segs   []seg
	runes  []rune
	spans  []span
	ints   []int
	bytes  []uint8
	marks  []mark
	stack  []int
	toks   []tok
	qwords []word
	caps   []int32
	wide   []wideRune
	subjs  []subjectAt
	buf    []byte   // the tokenizer's space for lower-casing a word
	rg     registry // its maps, emptied (see registry.reset)
	// eng is the engine of the article being read, here rather than on the heap of its own (the
	// sieve's table hands it to its rules through function values, so it would escape); keep
	// clears it.
	eng engine
	// What Parse's finish needs around the engine, and lets go of once the quotes are marked (see
	// release): the article's text blocks, their paragraphs and the quote marker's scratch.
	tbs    []*model.Block
	paras  []Paragraph
	lens   []int // the code points of each paragraph's text, as the engine decoded it (see findQuotes)
	marker quoteMarker
	// text is parseText's space for the input's lines and paragraphs (see releaseText).
	text textScratch
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// Past these lengths, a slab is let go rather than kept for the next article.
const (
	maxKeptRunes  = 1 << 18
	maxKeptTokens = 1 << 15
	maxKeptSpans  = 1 << 12
	maxKeptParas  = 1 << 12
	// maxKeptWordBytes is the tokenizer's space for one word: a longer word's is let go.
	maxKeptWordBytes = 4 * internInline
)

// newEngine returns an engine for one article, which cuts its memory from sc (and hands it back
// with sc.keep).
func newEngine(sc *scratch) *engine {
	sc.rg.reset()
	sc.eng = engine{
		rg: &sc.rg, ps: sc.ps, pstore: sc.pstore, segs: sc.segs, runes: sc.runes,
		spans: sc.spans, ints: sc.ints, bytes: sc.bytes, marks: sc.marks, stack: sc.stack, subjs: sc.subjs, caps: sc.caps, wide: sc.wide,
		tz: tokenizer{words: sc.words, slab: sc.toks, qwords: sc.qwords, buf: sc.buf},
	}
	return &sc.eng
}

// keep takes back the memory and the interned words of e, which newEngine(sc) made. Every slab is
// cleared, and the engine with it, so that it holds on to nothing of the article. The caller puts
// sc back in the pool.
func (sc *scratch) keep(e *engine) {
	sc.ps = keep(e.ps, maxKeptParas)
	sc.pstore = keep(e.pstore, maxKeptParas)
	sc.segs = keep(e.segs, maxKeptSpans)
	sc.runes = keep(e.runes, maxKeptRunes)
	sc.spans = keep(e.spans, maxKeptSpans)
	sc.ints = keep(e.ints, maxKeptSpans)
	sc.bytes = keep(e.bytes, maxKeptSpans)
	sc.marks = keep(e.marks, maxKeptSpans)
	sc.stack = keep(e.stack, maxKeptSpans)
	sc.toks = keep(e.tz.slab, maxKeptTokens)
	sc.qwords = keep(e.tz.qwords, maxKeptSpans)
	sc.caps = keep(e.caps, maxKeptTokens)
	sc.wide = keep(e.wide, maxKeptSpans)
	sc.subjs = keep(e.subjs, maxKeptSpans)
	sc.buf = keep(e.tz.buf[:cap(e.tz.buf)], maxKeptWordBytes) // every byte written, not just the last word's
	sc.words = e.tz.words
	sc.words.trim()
	sc.rg.reset()
	sc.eng = engine{}
}

// release clears what finish cut from sc (the text blocks, their paragraphs and the quote
// marker's scratch), so that sc holds on to nothing of the article, and puts sc in the pool.
func (sc *scratch) release() {
	sc.tbs = keep(sc.tbs, maxKeptParas)
	sc.paras = keep(sc.paras, maxKeptParas)
	sc.lens = keep(sc.lens, maxKeptParas)
	sc.marker.reset()
	scratches.Put(sc)
}

// releaseText clears what parseText cut from sc (the input's lines and paragraphs), so that sc
// holds on to nothing of the article, and puts sc in the pool.
func (sc *scratch) releaseText() {
	ts := &sc.text
	ts.all = keep(ts.all, maxKeptParas)
	ts.paras = keep(ts.paras, maxKeptParas)
	ts.lines = keep(ts.lines, maxKeptParas)
	scratches.Put(sc)
}

// keep returns s emptied, its elements cleared so that they hold on to nothing, or nil when its
// array is longer than limit. Only s's elements are cleared: the slabs are only ever written up to
// their length, so the rest of their arrays is still zero.
func keep[T any](s []T, limit int) []T {
	if cap(s) > limit {
		return nil
	}
	clear(s)
	return s[:0]
}

// growLen returns s with n elements: its first ones kept, the new ones zero.
func growLen[T any](s []T, n int) []T {
	old := len(s)
	if n <= old {
		return s[:n]
	}
	s = slices.Grow(s, n-old)[:n]
	clear(s[old:])
	return s
}

// textBytes returns the number of bytes of the paragraphs' texts.
func textBytes(paras []Paragraph) int {
	n := 0
	for _, p := range paras {
		n += len(p.Text)
	}
	return n
}

// textRunes returns the number of code points of the paragraphs' texts.
func textRunes(paras []Paragraph) int {
	n := 0
	for _, p := range paras {
		n += runeCount(p.Text)
	}
	return n
}
