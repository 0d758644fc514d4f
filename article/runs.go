package article

import (
	"sort"
	"unicode/utf8"
)

// textBlocks returns the blocks that carry text of their own, in text-space order: every block
// but lists, images and rules, and the items of lists in their place.
func textBlocks(blocks []Block) []*Block {
	var out []*Block
	for i := range blocks {
		b := &blocks[i]
		switch {
		case b.Kind == KindList || b.Kind == KindOrdered:
			for j := range b.Items {
				out = append(out, &b.Items[j])
			}
		case b.Text != "":
			out = append(out, b)
		}
	}
	return out
}

// applyQuotes marks quotations in the runs of blocks. Each quote's span [Start, End) in the text
// space is cut out of the runs it covers, which get the quote's ID and speaker; a quote may cover
// several blocks. Quote.Block is set to the first block the quote touches. Where quotes overlap,
// the one that starts first (the longer on a tie) keeps the shared span. Quotes that touch no
// block are left unmarked.
func applyQuotes(blocks []Block, quotes []Quote) {
	tbs := textBlocks(blocks)
	ends := make([]int, len(tbs)) // end of each block in the text space
	for i, b := range tbs {
		ends[i] = b.Start + utf8.RuneCountInString(b.Text)
	}
	order := make([]int, len(quotes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		qi, qj := quotes[order[i]], quotes[order[j]]
		if qi.Start != qj.Start {
			return qi.Start < qj.Start
		}
		return qi.End > qj.End
	})
	for _, qi := range order {
		q := &quotes[qi]
		if q.End <= q.Start {
			continue
		}
		// The first block that ends after the quote starts.
		for i := sort.SearchInts(ends, q.Start+1); i < len(tbs) && tbs[i].Start < q.End; i++ {
			b := tbs[i]
			lo, hi := max(q.Start, b.Start)-b.Start, min(q.End, ends[i])-b.Start
			if lo >= hi {
				continue
			}
			if q.Block == "" {
				q.Block = b.ID
			}
			if len(b.Runs) == 0 {
				b.Runs = []Run{{Text: b.Text}}
			}
			b.Runs = splitRunsAt(splitRunsAt(b.Runs, lo), hi)
			pos := 0
			for k := range b.Runs {
				r := &b.Runs[k]
				n := utf8.RuneCountInString(r.Text)
				if pos >= lo && pos+n <= hi && r.Quote == "" {
					r.Quote, r.Speaker = q.ID, q.SpeakerID
				}
				pos += n
			}
		}
	}
}

// splitRunsAt makes sure a run boundary falls at code-point offset at of the runs' text.
func splitRunsAt(runs []Run, at int) []Run {
	pos := 0
	for i, r := range runs {
		n := utf8.RuneCountInString(r.Text)
		if at > pos && at < pos+n {
			cut := byteOffset(r.Text, at-pos)
			left, right := r, r
			left.Text, right.Text = r.Text[:cut], r.Text[cut:]
			out := make([]Run, 0, len(runs)+1)
			out = append(out, runs[:i]...)
			out = append(out, left, right)
			return append(out, runs[i+1:]...)
		}
		pos += n
	}
	return runs
}

// byteOffset returns the byte offset of the code point at index cp of s (len(s) past the end).
func byteOffset(s string, cp int) int {
	for i := range s {
		if cp == 0 {
			return i
		}
		cp--
	}
	return len(s)
}
