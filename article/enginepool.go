package article

import (
	"slices"
	"sync"
)

// engines keeps FindQuotes' engines between calls, so that an article's scratch space (the runes,
// tokens and spans of its paragraphs) serves the next one instead of being allocated again, and
// the words interned for one article serve the next. Nothing FindQuotes returns points into an
// engine: quotations are cut from the paragraphs' text, and mentions, cues, names and roles are
// strings of their own.
var engines = sync.Pool{New: func() any { return new(engine) }}

// Past these lengths, a slab of an engine is let go rather than kept for the next article.
const (
	maxKeptRunes  = 1 << 18
	maxKeptTokens = 1 << 15
	maxKeptSpans  = 1 << 12
	maxKeptParas  = 1 << 12
)

// getEngine returns an empty engine.
func getEngine() *engine {
	e := engines.Get().(*engine)
	if e.reg.byName == nil {
		e.reg.reset()
	}
	e.rg = &e.reg
	return e
}

// putEngine empties e, dropping every reference to the article it read, and keeps it for another
// call.
func putEngine(e *engine) {
	e.reg.reset()
	e.rg, e.lastEnt, e.lastPara, e.lastTok = nil, nil, 0, 0
	e.ps = keep(e.ps, maxKeptParas)
	e.pstore = keep(e.pstore, maxKeptParas)
	e.segs = keep(e.segs, maxKeptSpans)
	e.spans = keep(e.spans, maxKeptSpans)
	e.ints = keep(e.ints, maxKeptSpans)
	e.bytes = keep(e.bytes, maxKeptSpans)
	e.marks = keep(e.marks, maxKeptSpans)
	e.stack = keep(e.stack, maxKeptSpans)
	e.runes = keep(e.runes, maxKeptRunes)
	// The tokens are not cleared: they point only at words, which the intern table keeps anyway
	// or which are a few bytes each.
	if cap(e.tz.slab) > maxKeptTokens {
		e.tz.slab = nil
	}
	e.tz.slab = e.tz.slab[:0]
	e.tz.qwords = keep(e.tz.qwords, maxKeptSpans)
	e.tz.words.trim()
	engines.Put(e)
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
