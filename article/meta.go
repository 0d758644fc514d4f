package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// WordsPerMinute is the reading speed behind ReadingMinutes.
const WordsPerMinute = 230

// maxExcerpt is the length, in code points, that a derived excerpt is cut to.
const maxExcerpt = 200

// fillMeta sets the derived metadata: the word count and reading time of the body (the headline
// block excluded), and an excerpt from the first paragraph when the source gave none.
func fillMeta(a *Article) {
	words := 0
	for _, b := range textBlocks(a.Blocks) {
		if b.Kind != KindHeadline {
			words += blockWords(b.Text)
		}
	}
	a.Words = words
	a.ReadingMinutes = max(1, (words+WordsPerMinute/2)/WordsPerMinute)
	if a.Excerpt == "" {
		for _, b := range a.Blocks {
			if b.Kind == KindParagraph && strings.TrimSpace(b.Text) != "" {
				a.Excerpt = excerpt(b.Text)
				break
			}
		}
	}
}

// blockWords counts the runs of non-space characters in s, as len(strings.Fields(s)) would,
// without allocating.
func blockWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf { // ASCII: the same answer as unicode.IsSpace, faster
			space = c == ' ' || c-'\t' <= '\r'-'\t'
			i++
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += n
		}
		if space {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// excerpt collapses white space in s and cuts it at a word boundary near maxExcerpt code points,
// marking the cut with an ellipsis.
func excerpt(s string) string {
	s = oneLine(s)
	if utf8.RuneCountInString(s) <= maxExcerpt {
		return s
	}
	cut := byteOffset(s, maxExcerpt)
	if i := strings.LastIndexByte(s[:cut], ' '); i > cut/2 {
		cut = i
	}
	return strings.TrimRight(s[:cut], " ,;:—–-") + "…"
}
