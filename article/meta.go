package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"verbatim/article/model"
)

// WordsPerMinute is the reading speed behind ReadingMinutes.
const WordsPerMinute = 230

// maxExcerpt is the length, in code points, that a derived excerpt is cut to.
const maxExcerpt = 200

// fillMeta sets the derived metadata: the word count and reading time of the body (the headline
// block excluded), and an excerpt from the first paragraph when the source gave none.
func fillMeta(a *model.Article) {
	words := 0
	for _, b := range textBlocks(a.Blocks) {
		if b.Kind != model.KindHeadline {
			words += blockWords(b.Text)
		}
	}
	a.Words = words
	a.ReadingMinutes = max(1, (words+WordsPerMinute/2)/WordsPerMinute)
	if a.Excerpt == "" {
		for _, b := range a.Blocks {
			if b.Kind == model.KindParagraph && strings.TrimSpace(b.Text) != "" {
				a.Excerpt = excerpt(b.Text)
				break
			}
		}
	}
}

// blockWords counts the runs of non-space characters in s, as len(strings.Fields(s)) would,
// without allocating. ASCII bytes are classified by a table, without branching on the result.
func blockWords(s string) int {
	n := 0
	prev := uint8(1) // 1 when the character before is a space (or there is none)
	for i := 0; i < len(s); {
		var cur uint8
		if c := s[i]; c < utf8.RuneSelf { // ASCII: the same answer as unicode.IsSpace, faster
			cur = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				cur = 1
			}
			i += size
		}
		n += int(prev &^ cur)
		prev = cur
	}
	return n
}

// asciiSpace holds 1 for the ASCII characters unicode.IsSpace reports as space.
var asciiSpace = [utf8.RuneSelf]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// excerpt collapses white space in s and cuts it at a word boundary near maxExcerpt code points,
// marking the cut with an ellipsis.
func excerpt(s string) string {
	s = oneLine(s)
	if runeCount(s) <= maxExcerpt {
		return s
	}
	cut := byteOffset(s, maxExcerpt)
	if i := strings.LastIndexByte(s[:cut], ' '); i > cut/2 {
		cut = i
	}
	return strings.TrimRight(s[:cut], " ,;:—–-") + "…"
}
