package article

import (
	"cmp"
	"slices"
	"sort"
	"verbatim/article/model"
)

// appendTextBlocks appends to out the blocks that carry text of their own, in text-space order,
// and returns it: every block but lists, images and rules, and the items of lists in their place.
func appendTextBlocks(out []*model.Block, blocks []model.Block) []*model.Block {
	for i := range blocks {
		b := &blocks[i]
		switch {
		case b.Kind == model.KindList || b.Kind == model.KindOrdered:
			for j := range b.Items {
				out = append(out, &b.Items[j])
			}
		case b.Text != "":
			out = append(out, b)
		}
	}
	return out
}

// quoteMarker is apply's scratch space, which Parse keeps in its pooled scratch between
// articles (see reset): nothing in it outlives a call but its arrays. The marked blocks' runs are
// the article's, allocated anew for every call.
type quoteMarker struct {
	order []int       // the quotes' indexes, by start
	spans []blockSpan // the spans the blocks must mark
	ss    []quoteSpan // the spans of one block
	ms    markScratch
}

// apply marks quotations in the runs of tbs, an article's text blocks (appendTextBlocks), with
// the arrays of m. lens holds the code points of each block's text, as the quote engine decoded
// them (the text of a block is its runs' text), so that no block is counted again. Each quote's span [Start, End) in the text space is cut out of the runs it
// covers, which get the quote's ID and speaker; a quote may cover several blocks. Quote.Block is
// set to the first block the quote touches. Where quotes overlap, the one that starts first (the
// longer on a tie) keeps the shared span. Quotes that touch no block are left unmarked.
//
// It takes time and memory linear in the text and the quotes (times a log): a 5 MiB paragraph
// with hundreds of thousands of quotes is cut in one pass, not once per quote.
func (m *quoteMarker) apply(tbs []*model.Block, lens []int, quotes []model.Quote) {
	blockEnd := func(i int) int { return tbs[i].Start + lens[i] }
	order := growLen(m.order[:0], len(quotes))
	m.order = order
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		qi, qj := &quotes[i], &quotes[j]
		if qi.Start != qj.Start {
			return cmp.Compare(qi.Start, qj.Start)
		}
		return cmp.Compare(qj.End, qi.End)
	})
	// The spans the blocks must mark, in code points of each block's text: in the order above,
	// then grouped by block (a stable sort keeps that order within a block).
	spans := slices.Grow(m.spans[:0], len(quotes)) // most quotes lie in one block
	for _, qi := range order {
		q := &quotes[qi]
		if q.End <= q.Start {
			continue
		}
		// From the last block that starts where the quote does or before it: blocks do not
		// overlap, so none before it reaches the quote.
		first := max(0, sort.Search(len(tbs), func(i int) bool { return tbs[i].Start > q.Start })-1)
		for i := first; i < len(tbs) && tbs[i].Start < q.End; i++ {
			b := tbs[i]
			lo, hi := max(q.Start, b.Start)-b.Start, min(q.End, blockEnd(i))-b.Start
			if lo >= hi {
				continue
			}
			if q.Block == "" {
				q.Block = b.ID
			}
			spans = append(spans, blockSpan{block: i, quoteSpan: quoteSpan{lo: lo, hi: hi, q: q}})
		}
	}
	m.spans = spans
	slices.SortStableFunc(spans, func(a, b blockSpan) int { return cmp.Compare(a.block, b.block) })
	// The marked blocks' runs are cut from one array, with room for each block's runs and two
	// pieces more for every span (see splitRunsAtAll); the scratch of one block needs no more than
	// the room of the largest.
	room, most := 0, 0
	for k := 0; k < len(spans); {
		i := spans[k].block
		r := max(1, len(tbs[i].Runs))
		for ; k < len(spans) && spans[k].block == i; k++ {
			r += 2
		}
		room, most = room+r, max(most, r)
	}
	sc := &m.ms
	sc.runs = make([]model.Run, 0, room)
	sc.cuts, sc.starts, sc.next = slices.Grow(sc.cuts[:0], most), slices.Grow(sc.starts[:0], most+1), slices.Grow(sc.next[:0], most+1)
	ss := slices.Grow(m.ss[:0], len(spans))
	for k := 0; k < len(spans); {
		i := spans[k].block
		ss = ss[:0]
		for ; k < len(spans) && spans[k].block == i; k++ {
			ss = append(ss, spans[k].quoteSpan)
		}
		markRuns(tbs[i], lens[i], ss, sc)
	}
	m.ss = ss
	sc.runs = nil // the article's
}

// reset readies m for another article: its arrays are kept, cleared, unless they grew past their
// bounds.
func (m *quoteMarker) reset() {
	m.order = keep(m.order, maxKeptSpans)
	m.spans = keep(m.spans, maxKeptSpans)
	m.ss = keep(m.ss[:cap(m.ss)], maxKeptSpans) // every span written, not just the last block's
	m.ms = markScratch{cuts: keep(m.ms.cuts, maxKeptSpans), starts: keep(m.ms.starts, maxKeptSpans), next: keep(m.ms.next, maxKeptSpans)}
}

// oneRuns gives each of tbs that has no runs its text as one run, the runs cut from one array. A
// plain-text input's blocks come without runs (see parseText): each gets its run here, or from
// quoteMarker.apply when it holds a quotation.
func oneRuns(tbs []*model.Block) {
	n := 0
	for _, b := range tbs {
		if b.Runs == nil {
			n++
		}
	}
	runs := make([]model.Run, 0, n)
	for _, b := range tbs {
		if b.Runs == nil {
			runs = append(runs, model.Run{Text: b.Text})
			b.Runs = runs[len(runs)-1 : len(runs) : len(runs)]
		}
	}
}

// blockSpan is a quoteSpan of the block numbered block.
type blockSpan struct {
	block int
	quoteSpan
}

// markScratch is the scratch space markRuns reuses from one block to the next, and the array it
// cuts the blocks' runs from.
type markScratch struct {
	cuts, starts, next []int
	runs               []model.Run
}

// quoteSpan is the part [lo, hi) of a block's text, in code points, that a quote covers.
type quoteSpan struct {
	lo, hi int
	q      *model.Quote
}

// markRuns cuts b's runs at every span's ends, then gives each piece that is not yet part of a
// quote to the first span (in the order given) that covers it. n is the code points of b's text.
func markRuns(b *model.Block, n int, spans []quoteSpan, sc *markScratch) {
	runs := b.Runs
	if len(runs) == 0 {
		runs = []model.Run{{Text: b.Text}}
	}
	cuts := sc.cuts[:0]
	for _, s := range spans {
		cuts = append(cuts, s.lo, s.hi)
	}
	sort.Ints(cuts)
	var starts []int // starts[k] is where piece k starts; the last is the end
	base := len(sc.runs)
	sc.runs, starts = splitRunsAtAll(sc.runs, runs, n, cuts, sc.starts[:0])
	b.Runs = sc.runs[base:len(sc.runs):len(sc.runs)]
	sc.cuts, sc.starts = cuts, starts
	// next[k] is the first piece at or after k that may still be marked (path-halving union-find),
	// so that each piece is marked once however the spans overlap.
	next := slices.Grow(sc.next[:0], len(b.Runs)+1)[:len(b.Runs)+1]
	sc.next = next
	for k := range next {
		next[k] = k
	}
	find := func(k int) int {
		for next[k] != k {
			next[k] = next[next[k]]
			k = next[k]
		}
		return k
	}
	for _, s := range spans {
		k := sort.SearchInts(starts[:len(b.Runs)], s.lo)
		for k = find(k); k < len(b.Runs) && starts[k] < s.hi; k = find(k) {
			if r := &b.Runs[k]; r.Quote == "" && starts[k+1] <= s.hi {
				r.Quote, r.Speaker = s.q.ID, s.q.SpeakerID
			}
			next[k] = k + 1
		}
	}
}

// splitRunsAtAll makes sure a run boundary falls at each code-point offset of the runs' text in
// cuts, which is sorted; it makes one pass over the runs. It appends the runs so cut to out, at
// most len(runs)+len(cuts) of them, and the code-point offset where each starts, with the end of
// the last after them, to starts. n is the code points of the runs' text, which the quote engine
// counted as it decoded it.
//
// Text of a byte a code point (n is its length in bytes, as in most paragraphs of English news) is
// cut at the cuts themselves. Other text is read once, from one cut to the next, and the rest of a
// run after its last cut is counted, but the last run's, whose code points are what n leaves.
func splitRunsAtAll(out, runs []model.Run, n int, cuts, starts []int) ([]model.Run, []int) {
	size := 0
	for _, r := range runs {
		size += len(r.Text)
	}
	oneByte := size == n
	pos, c := 0, 0
	for ri, r := range runs {
		for c < len(cuts) && cuts[c] <= pos {
			c++
		}
		text, at := r.Text, pos // text is what is left of r; at is where it starts
		left := -1              // the code points of text, once counted
		for c < len(cuts) {
			var cut, k int
			if oneByte {
				cut = min(cuts[c]-at, len(text))
				k = cut
			} else {
				cut, k = skipRunes(text, 0, cuts[c]-at)
			}
			if cut == len(text) {
				left = k // the cut is at the run's end or past it
				break
			}
			piece := r
			piece.Text = text[:cut]
			out = append(out, piece)
			starts = append(starts, at)
			text, at = text[cut:], cuts[c]
			for c < len(cuts) && cuts[c] <= at {
				c++
			}
		}
		switch {
		case left >= 0:
		case oneByte:
			left = len(text)
		case ri == len(runs)-1:
			left = n - at
		default:
			left = runeCount(text)
		}
		rest := r
		rest.Text = text
		out = append(out, rest)
		starts = append(starts, at)
		pos = at + left
	}
	return out, append(starts, pos)
}

// byteOffset returns the byte offset of the code point at index cp of s (len(s) past the end).
func byteOffset(s string, cp int) int {
	b, _ := skipRunes(s, 0, cp)
	return b
}
