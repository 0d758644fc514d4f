package crossref

import (
	"strings"
	"unicode"
)

// Change says how a word of one version of a quotation differs from the other version.
type Change uint8

// The changes a word can carry.
const (
	Same     Change = iota // in both versions, in the same order
	Dropped                // only in this version (A): the other left it out
	Inserted               // only in this version (B): the other has nothing there
	Changed                // this version has other words at this place
	Elided                 // cut with an ellipsis: the elided words in A, the "…" in B
	Moved                  // in both versions, at another place (reordered clauses)
)

var changeNames = [...]string{"same", "dropped", "inserted", "changed", "elided", "moved"}

// String names c.
func (c Change) String() string {
	if int(c) < len(changeNames) {
		return changeNames[c]
	}
	return "unknown"
}

// Word is one word of a version of a quotation, with how it differs from the other version.
type Word struct {
	Text   string `json:"text"`
	Change Change `json:"change"`
}

// Diff is the word-level diff of two versions of a quotation: each version's words, in order, each
// flagged with its change. Words with Change Same are the same in both; every other word differs.
type Diff struct {
	A, B []Word
}

// Differs reports whether any word of the two versions differs.
func (d Diff) Differs() bool {
	for _, side := range [][]Word{d.A, d.B} {
		for _, w := range side {
			if w.Change != Same {
				return true
			}
		}
	}
	return false
}

// ellipsis is the normal form of "…" and "...".
const ellipsis = "…"

// token is one word of a quotation: its text as written and its normal form for comparing.
type token struct {
	text, norm string
}

// tokenize splits a quotation into words: runs of letters and digits with inner apostrophes, dots
// and hyphens ("don't", "U.S.", "well-known"), a possessive "'s" left out of the normal form, and
// an ellipsis ("…" or "...") as a word of its own.
// Other punctuation and the quotation marks are dropped. At most max words are kept.
func tokenize(s string, max int) []token {
	var out []token
	rs := []rune(s)
	for i := 0; i < len(rs) && len(out) < max; {
		r := rs[i]
		switch {
		case r == '…' || (r == '.' && i+2 < len(rs) && rs[i+1] == '.' && rs[i+2] == '.'):
			out = append(out, token{ellipsis, ellipsis})
			for i < len(rs) && (rs[i] == '.' || rs[i] == '…') {
				i++
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + 1
			for j < len(rs) {
				if unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || unicode.Is(unicode.Mn, rs[j]) {
					j++
					continue
				}
				if strings.ContainsRune("'’-.", rs[j]) && j+1 < len(rs) && (unicode.IsLetter(rs[j+1]) || unicode.IsDigit(rs[j+1])) {
					j++
					continue
				}
				break
			}
			w := string(rs[i:j])
			n := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
			if len(n) > 2 {
				n = strings.TrimSuffix(n, "'s") // "ISIS's" and "ISIS’" are one word
			}
			out = append(out, token{w, n})
			i = j
		default:
			i++
		}
	}
	return out
}

// lcsTable is the longest-common-subsequence table of a and b by normal form: t[i][j] is the
// length of the LCS of a[i:] and b[j:]. Its size is (len(a)+1)·(len(b)+1), bounded by the callers'
// cap on words.
func lcsTable(a, b []token) [][]int32 {
	t := make([][]int32, len(a)+1)
	cells := make([]int32, (len(a)+1)*(len(b)+1))
	for i := range t {
		t[i] = cells[i*(len(b)+1) : (i+1)*(len(b)+1)]
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i].norm == b[j].norm {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	return t
}

// minMove is the fewest words in a row that count as a moved clause rather than a coincidence.
const minMove = 2

// diffTokens is the word-level diff of a and b: an LCS alignment (the classic dynamic programme),
// whose gaps become dropped, inserted, changed or elided words, and whose dropped and inserted runs
// that hold the same words in a row become moved. It also returns the LCS length.
func diffTokens(a, b []token) (Diff, int) {
	t := lcsTable(a, b)
	ka, kb := make([]Change, len(a)), make([]Change, len(b))
	var gapA, gapB []int
	flush := func() {
		onlyEllipsis := len(gapB) > 0
		for _, j := range gapB {
			onlyEllipsis = onlyEllipsis && b[j].norm == ellipsis
		}
		ca, cb := Dropped, Inserted
		switch {
		case len(gapA) > 0 && onlyEllipsis:
			ca, cb = Elided, Elided
		case len(gapA) > 0 && len(gapB) > 0:
			ca, cb = Changed, Changed
		}
		for _, i := range gapA {
			ka[i] = ca
		}
		for _, j := range gapB {
			kb[j] = cb
		}
		gapA, gapB = gapA[:0], gapB[:0]
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i].norm == b[j].norm && t[i][j] == t[i+1][j+1]+1:
			flush()
			i, j = i+1, j+1
		case j == len(b) || (i < len(a) && t[i+1][j] >= t[i][j+1]):
			gapA = append(gapA, i)
			i++
		default:
			gapB = append(gapB, j)
			j++
		}
	}
	flush()
	markMoves(a, b, ka, kb)
	d := Diff{A: make([]Word, len(a)), B: make([]Word, len(b))}
	for i, tk := range a {
		d.A[i] = Word{tk.text, ka[i]}
	}
	for j, tk := range b {
		d.B[j] = Word{tk.text, kb[j]}
	}
	return d, int(t[0][0])
}

// markMoves marks as Moved the runs of at least minMove words that stand, not aligned, in both a
// and b: a clause that the other version put elsewhere. It takes the longest such run first.
func markMoves(a, b []token, ka, kb []Change) {
	movable := func(c Change) bool { return c == Dropped || c == Inserted || c == Changed }
	for {
		bestLen, bi, bj := 0, 0, 0
		for i := range a {
			if !movable(ka[i]) || a[i].norm == ellipsis {
				continue
			}
			for j := range b {
				n := 0
				for i+n < len(a) && j+n < len(b) && movable(ka[i+n]) && movable(kb[j+n]) && a[i+n].norm == b[j+n].norm {
					n++
				}
				if n > bestLen {
					bestLen, bi, bj = n, i, j
				}
			}
		}
		if bestLen < minMove {
			return
		}
		for n := range bestLen {
			ka[bi+n], kb[bj+n] = Moved, Moved
		}
	}
}
