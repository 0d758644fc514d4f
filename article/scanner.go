package article

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// This file is the quotation-mark scanner. It reads untrusted text: it never assumes marks are
// balanced, it never lets a quotation cross a paragraph except by the newspaper rule, and it runs
// in time linear in the paragraph's length whatever the marks.

// family groups the marks that pair with each other.
type family uint8

const (
	famDouble     family = iota // “ ” „ ‟ " '' ``
	famGuillemet                // « » (French «…», German »…«)
	famSingle                   // ‘ ’ ‚ '
	famSingleGuil               // ‹ ›
	numFamilies
)

// role says what a mark may do.
type role uint8

const (
	roleOpen role = iota + 1
	roleClose
	roleEither
)

// mark is one quotation mark found in a paragraph. Pos and Width are in runes.
type mark struct {
	pos, width int
	fam        family
	role       role
	weak       bool // a closing ’ after s (students’), which may be a possessive
}

// span is one quotation inside a paragraph: content [start, end) in runes, marks excluded.
// open is the rune index of the opening mark; closed is false when the quotation runs to the
// paragraph's end under the newspaper rule.
type span struct {
	open, start, end int
	closeEnd         int  // rune index just after the closing mark (end when not closed)
	first, last      rune // the content's first and last non-space runes, 0 when empty
	fam              family
	closed           bool
}

// isOpenPunct reports whether r may stand right before an opening mark.
func isOpenPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', '“', '‘', '„', '‚', '«', '»', '‹', '"', '\'', ':', '\u00a0':
		return true
	}
	return false
}

// isSpaceRune reports whether r separates words (including no-break spaces). It is small enough
// to be inlined: ASCII is looked up in a table.
func isSpaceRune(r rune) bool {
	if r < 0x80 {
		return asciiSpace[r] != 0
	}
	return isSpaceRuneNonASCII(r)
}

// isSpaceRuneNonASCII is isSpaceRune for the rest of Unicode, kept out of line so that
// isSpaceRune inlines.
//
//go:noinline
func isSpaceRuneNonASCII(r rune) bool { return unicode.IsSpace(r) || r == '\u202f' || r == '\u2009' }

// isWordRune reports whether r is a letter or a digit. It is small enough to be inlined: ASCII is
// looked up in a table.
func isWordRune(r rune) bool {
	if r < 0x80 {
		return asciiWord[r]
	}
	return isWordRuneNonASCII(r)
}

// isWordRuneNonASCII reports whether r, a rune past ASCII, is a letter or a digit. The block of
// General Punctuation (U+2000–U+206F: spaces, dashes, quotation marks, the ellipsis) holds
// neither, and most runes past ASCII in English news are there: those are answered without
// unicode's tables, which IsLetter searches for any rune past Latin-1.
func isWordRuneNonASCII(r rune) bool {
	if 0x2000 <= r && r <= 0x206f {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiWord holds the ASCII letters and digits.
var asciiWord = func() (t [0x80]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// elisions are the words that an apostrophe may start: 'n' (rock 'n' roll), 'em, 'til…
var elisions = map[string]bool{
	"n": true, "em": true, "til": true, "tis": true, "twas": true, "cause": true, "bout": true,
	"nuff": true, "round": true, "s": true, "cos": true, "ello": true, "re": true, "ve": true,
	"ll": true, "d": true, "m": true, "t": true,
}

// isElision reports whether the apostrophe at i starts an elided word ('90s, 'em, 'n').
func isElision(rs []rune, i, width int) bool {
	j := i + width
	if j+1 < len(rs) && unicode.IsDigit(rs[j]) && unicode.IsDigit(rs[j+1]) && (j+2 >= len(rs) || !unicode.IsDigit(rs[j+2])) {
		return true
	}
	k := j
	for k < len(rs) && k-j < 6 && unicode.IsLetter(rs[k]) {
		k++
	}
	if k == j || (k < len(rs) && unicode.IsLetter(rs[k])) {
		return false
	}
	w := make([]rune, 0, 6)
	for _, r := range rs[j:k] {
		w = append(w, unicode.ToLower(r))
	}
	return elisions[string(w)]
}

// scanMarks appends to dst every quotation mark of the paragraph rs, classified by its context.
// Apostrophes (don’t, Clinton’s, ’90s, rock ’n’ roll) are not marks. text is the paragraph's
// string, whose runes rs are (as decodeRunes reads them: an invalid byte is one U+FFFD). The runes
// that cannot be marks are skipped in text eight bytes at a time (see nextMarkByte): the bytes
// skipped are ASCII, each a rune, so the rune they reach is counted as they go.
//
// It appends to wide the runes of more than one byte, which it passes on the way (every byte past
// ASCII may be a mark's), for runeText: at most most of them. A paragraph that has more appends
// none (see maxWideShare).
func scanMarks(dst []mark, rs []rune, text string, wide []wideRune, most int) ([]mark, []wideRune) {
	b := 0                                 // the byte of text where rune i starts
	base, end := len(wide), len(wide)+most // the list's start, and the length it may reach
	for i := 0; i < len(rs); {
		next := nextMarkByte(text, b)
		if i += next - b; i >= len(rs) {
			break
		}
		b = next
		m, w, ok := markAt(rs, i)
		if ok {
			dst = append(dst, m)
		}
		for range w {
			size := runeSize(text, b)
			b += size
			i++
			if size > 1 && end >= 0 {
				if len(wide) == end {
					wide, end = wide[:base], -1 // too many: none listed
					continue
				}
				wide = append(wide, wideRune{r: int32(i - 1), extra: int32(b - i)})
			}
		}
	}
	return dst, wide
}

// runeSize returns the length in bytes of the rune that starts at byte b of s, as decodeRunes reads
// it (an invalid byte is one rune).
func runeSize(s string, b int) int {
	if s[b] < utf8.RuneSelf {
		return 1
	}
	_, size := utf8.DecodeRuneInString(s[b:])
	return size
}

// markAt classifies rune i of the paragraph rs by its context: it returns the quotation mark there
// and true, or false, and how many runes it read: 2 for a doubled single mark, which is one double
// mark, else 1.
func markAt(rs []rune, i int) (mark, int, bool) {
	n := len(rs)
	r := rs[i]
	if r < 0x80 && r != '"' && r != '\'' && r != '`' {
		return mark{}, 1, false // most runes: ASCII and no mark
	}
	switch r {
	case '“', '”', '„', '‟', '"', '«', '»', '‹', '›', '‘', '’', '‚', '\'', '`', '‛':
	default:
		return mark{}, 1, false
	}
	w := 1
	// Doubled single marks are one double mark: '' ’’ ‘‘ ``. Of three, the single one is
	// inside: ''' closes a single then a double quotation, and opens them the other way.
	if (r == '\'' || r == '’' || r == '‘' || r == '`') && i+1 < n && rs[i+1] == r {
		w = 2
		if i+2 < n && rs[i+2] == r && i > 0 && !isSpaceRune(rs[i-1]) {
			w = 1
		}
	}
	var prev, next rune = ' ', ' '
	hasPrev, hasNext := i > 0, i+w < n
	if hasPrev {
		prev = rs[i-1]
	}
	if hasNext {
		next = rs[i+w]
	}
	leftFlank := hasNext && !isSpaceRune(next) && (!hasPrev || isSpaceRune(prev) || isOpenPunct(prev))
	rightFlank := hasPrev && !isSpaceRune(prev) && (!hasNext || isSpaceRune(next) || !isWordRune(next))
	m := mark{pos: i, width: w}
	if w == 2 {
		m.fam = famDouble
		switch {
		case r == '`' || r == '‘':
			m.role = roleOpen
		case leftFlank && !rightFlank:
			m.role = roleOpen
		case rightFlank && !leftFlank:
			m.role = roleClose
		default:
			m.role = roleEither
		}
		return m, 2, true
	}
	switch r {
	case '„', '‟':
		m.fam, m.role = famDouble, roleOpen
	case '‚', '‛':
		m.fam, m.role = famSingle, roleOpen
	case '“', '”', '"':
		m.fam = famDouble
		switch {
		case leftFlank && !rightFlank:
			m.role = roleOpen
		case rightFlank && !leftFlank:
			m.role = roleClose
		case leftFlank && rightFlank:
			// Both sides touch: ‚Unsinn‘“, closes; ‘“Wir opens.
			if isWordRune(next) {
				m.role = roleOpen
			} else {
				m.role = roleClose
			}
		case r == '”' && hasPrev:
			m.role = roleClose // “… ” with a space before the closing mark
		case r == '“' && hasNext:
			m.role = roleOpen
		case !hasPrev || !hasNext:
			return mark{}, 1, false
		case r == '"' && i >= 3 && isSpaceRune(prev) && (rs[i-2] == '\'' || rs[i-2] == '’') && !isSpaceRune(rs[i-3]):
			// `… say, 'Well done,' " said Russell`: a space keeps the closing double mark from
			// the single one that closes the quotation inside.
			m.role = roleClose
		case isSpaceRune(prev) && isSpaceRune(next):
			return mark{}, 1, false
		default:
			m.role = roleEither
		}
	case '«', '»', '‹', '›':
		m.fam = famGuillemet
		if r == '‹' || r == '›' {
			m.fam = famSingleGuil
		}
		opening := r == '«' || r == '‹'
		strictLeft := hasNext && !isSpaceRune(next) && (!hasPrev || isSpaceRune(prev))
		strictRight := hasPrev && !isSpaceRune(prev) && (!hasNext || isSpaceRune(next) || !isWordRune(next))
		switch {
		case (!hasPrev || isSpaceRune(prev)) && (!hasNext || isSpaceRune(next)):
			m.role = roleEither // « non » and » non « alike
		case opening && strictRight && !strictLeft:
			m.role = roleClose // German »…«
		case !opening && strictLeft && !strictRight:
			m.role = roleOpen // German »…«
		case opening:
			m.role = roleOpen
		default:
			m.role = roleClose
		}
	case '‘':
		m.fam = famSingle
		switch {
		case rightFlank && !leftFlank:
			m.role = roleClose // German ‚…‘
		case leftFlank:
			if isElision(rs, i, 1) {
				return mark{}, 1, false
			}
			m.role = roleOpen
		default:
			return mark{}, 1, false
		}
	case '’', '\'', '`':
		m.fam = famSingle
		switch {
		case hasPrev && hasNext && isWordRune(prev) && isWordRune(next):
			return mark{}, 1, false // don’t, Clinton’s, rock’n’roll
		case leftFlank && !rightFlank:
			if r == '’' || isElision(rs, i, 1) {
				return mark{}, 1, false // ’90s, ’em, and a ’ that starts a word is an apostrophe
			}
			m.role = roleOpen
		case rightFlank && !leftFlank:
			if r == '`' {
				return mark{}, 1, false
			}
			m.role = roleClose
			m.weak = prev == 's' || prev == 'S'
		default:
			return mark{}, 1, false
		}
	}
	return m, 1, true
}

// nextMarkByte returns the index of the first byte of s from i on that may be a quotation mark or
// part of one (a double quote, an apostrophe, a backquote, or a byte past ASCII); len(s) when
// there is none.
func nextMarkByte(s string, i int) int {
	// Sixteen bytes a turn, the text sliced once for both loads (a slicing costs a bounds check
	// and the new pointer's arithmetic), then eight.
	for ; i+16 <= len(s); i += 16 {
		w := s[i : i+16]
		if m := markBytes8(load64(w[:8])); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		if m := markBytes8(load64(w[8:])); m != 0 {
			return i + 8 + bits.TrailingZeros64(m)/8
		}
	}
	for ; i+8 <= len(s); i += 8 {
		if m := markBytes8(load64(s[i : i+8])); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '"' || c == '\'' || c == '`' {
			return i
		}
	}
	return len(s)
}

// markBytes8 returns the high bit of each byte of x that nextMarkByte looks for, for eight bytes
// of which those up to the first such byte are to be read: a byte past ASCII is marked by its own
// high bit, and an ASCII byte y equal to none of the three marks has the high bit of y^m + 0x7f
// set for each mark m, a sum that carries into the next byte only from a byte past ASCII (see
// inRange8). Without zeroBytes8's masking of the high bits, the three tests take eleven
// operations, not twenty (nextMarkByte reads every paragraph so).
func markBytes8(x uint64) uint64 {
	const low = 0x7f * ones8
	return (x | ^(((x ^ '"'*ones8) + low) & ((x ^ '\''*ones8) + low) & ((x ^ '`'*ones8) + low))) & highBits
}

// pairMarks pairs the marks of one paragraph and returns its outermost quotations in order.
// When openAtEnd is true and a quotation is left open at the paragraph's end, the earliest
// such opening becomes a quotation that runs to the end (the newspaper rule, decided by the
// caller from the next paragraph). stack is scratch space. Linear in len(marks).
func pairMarks(dst []span, marks []mark, n int, openAtEnd bool, stack []int) ([]span, []int) {
	stack = stack[:0]
	var count [numFamilies]int
	base := len(dst)
	resolveWeak(marks)
	for i, m := range marks {
		r := m.role
		if r == 0 {
			continue
		}
		if r == roleEither {
			if count[m.fam] > 0 {
				r = roleClose
			} else {
				r = roleOpen
			}
		}
		if r == roleOpen {
			stack = append(stack, i)
			count[m.fam]++
			continue
		}
		if count[m.fam] == 0 {
			continue // a stray closing mark
		}
		for {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			count[marks[top].fam]--
			if marks[top].fam != m.fam {
				continue // an opening mark that never closed inside this one
			}
			o := marks[top]
			// Pairs closed since o opened are nested inside it: only the outermost is kept.
			for len(dst) > base && dst[len(dst)-1].open > o.pos {
				dst = dst[:len(dst)-1]
			}
			dst = append(dst, span{open: o.pos, start: o.pos + o.width, end: m.pos, closeEnd: m.pos + m.width, fam: m.fam, closed: true})
			break
		}
	}
	out := dst
	if openAtEnd && len(stack) > 0 {
		// The earliest unclosed double or guillemet opening runs to the paragraph's end.
		for _, idx := range stack {
			o := marks[idx]
			if o.fam == famSingle || o.fam == famSingleGuil {
				continue
			}
			k := len(out)
			for k > base && out[k-1].closeEnd > o.pos {
				k--
			}
			out = append(out[:k], span{open: o.pos, start: o.pos + o.width, end: n, closeEnd: n, fam: o.fam})
			break
		}
	}
	return out, stack
}

// resolveWeak drops each weak closing mark (students’) that is followed, before any other single
// mark opens, by another closing single mark: that one ends the quotation, so this is a possessive.
func resolveWeak(marks []mark) {
	laterClose := false
	for i := len(marks) - 1; i >= 0; i-- {
		m := &marks[i]
		if m.fam != famSingle {
			continue
		}
		if m.weak && laterClose {
			m.role = 0
			continue
		}
		laterClose = m.role == roleClose
	}
}

// startsWithMark reports whether the paragraph's first non-space rune opens a quotation.
func startsWithMark(rs []rune) bool {
	for _, r := range rs {
		if isSpaceRune(r) {
			continue
		}
		switch r {
		case '“', '"', '„', '‟', '«', '»', '‘', '\'', '‚', '`', '‹', '›':
			return true
		case '”':
			return true
		}
		return false
	}
	return false
}
