package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The shape of a snippet: a text up to wholeRunes runes is shown whole; a longer one is cut to a
// window of windowTokens words around its best match.
const (
	wholeRunes   = 280
	windowTokens = 32
)

// matcher tells whether a folded token matches one of a query's terms.
type matcher struct {
	exact    map[string]int // term → its index
	prefixes []term
	index    map[string]int // prefix → its index
}

func newMatcher(p parsed) matcher {
	m := matcher{exact: map[string]int{}, index: map[string]int{}}
	for i, t := range p.terms {
		if t.prefix {
			m.prefixes = append(m.prefixes, t)
			m.index[t.text] = i
		} else {
			m.exact[t.text] = i
		}
	}
	return m
}

// match returns the index of the query term that token t matches, or -1.
func (m matcher) match(t []byte) int {
	if i, ok := m.exact[string(t)]; ok {
		return i
	}
	for _, p := range m.prefixes {
		if len(t) >= len(p.text) && string(t[:len(p.text)]) == p.text {
			return m.index[p.text]
		}
	}
	return -1
}

// snippet returns text as segments with the words that match the query marked: all of it when it
// is short, else the window of windowTokens words that holds the most different query terms (the
// first such), with "…" where it is cut. The text has n tokens; termAt(i) is the index of the query
// term that token i matches, or -1, and span(i) its byte offsets.
func snippet(text string, n int, termAt func(i int) int, span func(i int) (int, int)) []Segment {
	lo, hi, first, last := 0, len(text), 0, n
	if n > windowTokens && (len(text) > 4*wholeRunes || len(text) > wholeRunes && utf8.RuneCountInString(text) > wholeRunes) {
		best, bestAt := -1, 0
		counts := make([]int, MaxTerms)
		distinct := 0
		for i := range n {
			if t := termAt(i); t >= 0 {
				if counts[t] == 0 {
					distinct++
				}
				counts[t]++
			}
			if j := i - windowTokens; j >= 0 {
				if t := termAt(j); t >= 0 {
					if counts[t]--; counts[t] == 0 {
						distinct--
					}
				}
			}
			if distinct > best {
				best, bestAt = distinct, max(0, i-windowTokens+1)
			}
		}
		// Start a few words before the window's first match, so a match is read in context.
		for bestAt < n && termAt(bestAt) < 0 {
			bestAt++
		}
		first = max(0, min(bestAt-4, n-windowTokens))
		if best == 0 {
			first = 0 // nothing matched here (the hit matched in another field): the start
		}
		last = min(n, first+windowTokens)
		if first > 0 {
			lo, _ = span(first)
		}
		if last < n {
			_, hi = span(last - 1)
		}
	}
	var out []Segment
	if lo > 0 {
		out = append(out, Segment{Text: "… "})
	}
	pos := lo
	for i := first; i < last; i++ {
		if termAt(i) < 0 {
			continue
		}
		start, end := span(i)
		if start < pos {
			continue // overlaps the word before: only a forged index's tokens can (Decode)
		}
		out = gap(out, text[pos:start])
		out = append(out, Segment{Text: text[start:end], Mark: true})
		pos = end
	}
	out = gap(out, text[pos:hi])
	if hi < len(text) {
		out = append(out, Segment{Text: " …"})
	}
	return out
}

// snippet is the snippet of text for a matcher, reading the text's tokens.
func (m matcher) snippet(text string) []Segment {
	type tok struct{ start, end, term int }
	var toks []tok
	tokenize(text, -1, nil, func(t []byte, start, end int) bool {
		toks = append(toks, tok{start, end, m.match(t)})
		return true
	})
	return snippet(text, len(toks), func(i int) int { return toks[i].term },
		func(i int) (int, int) { return toks[i].start, toks[i].end })
}

// wordEnd returns where the token that starts at start ends.
func wordEnd(text string, start int) int {
	i := start
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	return i
}

// gap appends the text between two marks to out, each run of white space made one space.
func gap(out []Segment, s string) []Segment {
	if s == "" {
		return out
	}
	body := strings.Join(strings.Fields(s), " ")
	if len(strings.TrimLeftFunc(s, unicode.IsSpace)) != len(s) && body != "" {
		body = " " + body
	}
	if len(strings.TrimRightFunc(s, unicode.IsSpace)) != len(s) {
		body += " "
	}
	return append(out, Segment{Text: body})
}
