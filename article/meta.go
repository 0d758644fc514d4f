package article

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"verbatim/article/model"
)

// WordsPerMinute is the reading speed behind ReadingMinutes.
const WordsPerMinute = 230

// maxExcerpt is the length, in code points, that a derived excerpt is cut to.
const maxExcerpt = 200

// fillMeta sets the derived metadata: the word count and reading time of the body, which has
// words words (blockWords of every text block but the headline, which the quote engine counts as
// it reads them: see findQuotes), and an excerpt from the first paragraph when the source gave
// none.
func fillMeta(a *model.Article, words int) {
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
// without allocating. Eight ASCII bytes are taken at once (see asciiSpaces8).
func blockWords(s string) int {
	n := 0
	prev := uint64(1) // 1 when the character before is a space (or there is none)
	for i := 0; i < len(s); {
		if ascii8(s, i) {
			var k int
			k, prev = wordStarts8(load64(s[i:i+8]), prev)
			n += k
			i += 8
			continue
		}
		var cur uint64
		if c := s[i]; c < utf8.RuneSelf { // ASCII: the same answer as unicode.IsSpace, faster
			cur = uint64(asciiSpace[c])
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

// wordStarts8 returns how many of the eight ASCII bytes of x start a word (a byte that is no space
// after one that is; prev is 1 when the byte before the first is a space), and 1 when the last is
// a space, 0 when not.
func wordStarts8(x, prev uint64) (int, uint64) {
	sp := asciiSpaces8(x)
	// The byte before each byte is sp shifted one byte up, with prev in the first.
	return bits.OnesCount64(^sp & (sp<<8 | prev<<7) & highBits), sp >> 63
}

// asciiSpaces8 returns the high bit of each byte of x that is an ASCII space as unicode.IsSpace
// says (' ', or '\t' to '\r'), for eight ASCII bytes (each below 0x80, so no sum below carries
// into the next byte).
func asciiSpaces8(x uint64) uint64 {
	return zeroBytes8(x^' '*ones8) | inRange8(x, '\t', '\r')
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
