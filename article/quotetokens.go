package article

import (
	"unicode"
	"unicode/utf8"
)

// tokKind says what a token is.
type tokKind uint8

const (
	tWord  tokKind = iota + 1
	tPunct         // one punctuation rune
	tQuote         // a whole quotation, standing for its marks and content
)

// tok is one token of a paragraph: a word, a punctuation rune, or a whole quotation. S and E are
// rune offsets in the paragraph.
type tok struct {
	s, e  int32
	q     int32 // index of the quotation in the paragraph's spans, for tQuote
	kind  tokKind
	cap   bool   // a word whose first rune is upper case
	lower string // the word in lower case, or the punctuation rune
}

// maxIntern bounds the table of distinct lower-case words shared by an article's tokens.
const maxIntern = 1 << 16

// abbrevs keep their final period inside the word, so it does not end a sentence.
var abbrevs = setOf("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "st", "jr", "sr",
	"prof", "rev", "vs", "inc", "co", "corp", "no", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "adm",
	"mt", "ft", "pres", "atty", "supt", "cmdr", "maj", "msgr", "mme", "ltd", "etc", "approx", "dept", "univ", "gov't")

func isInnerRune(r rune) bool {
	return r == '.' || r == '\'' || r == '’' || r == '-' || r == '&' || r == '‐'
}

// tokenize splits the paragraph rs into tokens; each span in spans (outermost quotations, in
// order) becomes one tQuote token covering its marks. buf is scratch space for lower-casing.
func tokenize(dst []tok, rs []rune, spans []span, buf []byte, intern map[string]string) ([]tok, []byte) {
	si := 0
	n := len(rs)
	for i := 0; i < n; {
		if si < len(spans) && i >= spans[si].open {
			sp := spans[si]
			dst = append(dst, tok{s: int32(sp.open), e: int32(sp.closeEnd), kind: tQuote, q: int32(si)})
			i = sp.closeEnd
			si++
			continue
		}
		limit := n
		if si < len(spans) {
			limit = spans[si].open
		}
		r := rs[i]
		switch {
		case r == '\n':
			// A line break inside a block ends a sentence for the rules: lines are often
			// paragraphs that lost their blank line.
			dst = append(dst, tok{s: int32(i), e: int32(i + 1), kind: tPunct, lower: "\n"})
			i++
		case isSpaceRune(r):
			i++
		case isWordRune(r):
			j := i + 1
			for j < limit {
				if isWordRune(rs[j]) {
					j++
					continue
				}
				if isInnerRune(rs[j]) && j+1 < limit && isWordRune(rs[j+1]) {
					j += 2
					continue
				}
				break
			}
			buf = buf[:0]
			for _, c := range rs[i:j] {
				buf = utf8.AppendRune(buf, unicode.ToLower(c))
			}
			// An abbreviation or an initial keeps its period.
			if j < limit && rs[j] == '.' && (j-i == 1 && unicode.IsUpper(r) || abbrevs[string(buf)] || hasDot(rs[i:j]) ||
				j+1 < limit && (rs[j+1] == ',' || rs[j+1] == ')')) {
				j++
				buf = append(buf, '.')
			}
			lower, ok := intern[string(buf)]
			if !ok {
				lower = string(buf)
				if len(intern) < maxIntern {
					intern[lower] = lower
				}
			}
			dst = append(dst, tok{s: int32(i), e: int32(j), kind: tWord, cap: unicode.IsUpper(r), lower: lower})
			i = j
		default:
			dst = append(dst, tok{s: int32(i), e: int32(i + 1), kind: tPunct, lower: punctName(r)})
			i++
		}
	}
	return dst, buf
}

func hasDot(rs []rune) bool {
	for _, r := range rs {
		if r == '.' {
			return true
		}
	}
	return false
}

// isPunct reports whether t is the punctuation p.
func (t tok) isPunct(p string) bool { return t.kind == tPunct && t.lower == p }

// isSentenceEnd reports whether t ends a sentence.
func (t tok) isSentenceEnd() bool {
	return t.kind == tPunct && (t.lower == "." || t.lower == "?" || t.lower == "!" || t.lower == ";" || t.lower == "\n")
}

// punctName returns the punctuation the rules look for as a string without allocating, and ""
// for any other rune.
func punctName(r rune) string {
	switch r {
	case ',', '.', '?', '!', ';', ':', '(', ')', '-':
		return string(rune(byte(r)))
	case '—':
		return "—"
	case '–':
		return "–"
	case '―':
		return "―"
	}
	return ""
}
