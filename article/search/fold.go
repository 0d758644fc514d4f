package search

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxTokenRunes is the longest token indexed or searched: a longer run of letters is cut there.
const MaxTokenRunes = 64

// latinOnce and latinFold hold latin's table once it is built.
var (
	latinOnce sync.Once
	latinFold map[rune]string
)

// latin returns the fold of U+00C0…U+024F (Latin-1 Supplement and Latin Extended-A and -B), built
// from their canonical decomposition on the first fold of a non-ASCII letter, not at app.wasm's
// start (the library page's takeover waits for package initialisers); the fold of every other
// non-ASCII rune is its lowercase form.
func latin() map[rune]string {
	latinOnce.Do(func() { latinFold = buildLatin() })
	return latinFold
}

// buildLatin builds the fold latin returns.
func buildLatin() map[rune]string {
	m := map[rune]string{'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o",
		'Ø': "o", 'đ': "d", 'Đ': "d", 'ł': "l", 'Ł': "l", 'þ': "th", 'Þ': "th", 'ð': "d", 'Ð': "d", 'ı': "i"}
	for r := rune(0xC0); r <= 0x24F; r++ {
		if _, ok := m[r]; ok || !unicode.IsLetter(r) {
			continue
		}
		var b strings.Builder
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) {
				b.WriteRune(unicode.ToLower(d))
			}
		}
		m[r] = b.String()
	}
	return m
}

// isWordRune reports whether r belongs to a token: a letter, a digit or a combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// appendFolded appends the fold of r to b.
func appendFolded(b []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	case unicode.Is(unicode.Mn, r):
		return b
	}
	if s, ok := latin()[r]; ok {
		return append(b, s...)
	}
	return utf8.AppendRune(b, unicode.ToLower(r))
}

// Token is one word of a text: its fold, and where it is in the text (byte offsets).
type Token struct {
	Term       string
	Start, End int
}

// tokenize calls yield for each token of s in order, at most max tokens (max < 0: no limit), and
// stops early when yield returns false. buf is scratch space reused between calls.
func tokenize(s string, max int, buf []byte, yield func(term []byte, start, end int) bool) []byte {
	n := 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		if max >= 0 && n >= max {
			break
		}
		start, runes := i, 0
		buf = buf[:0]
		for i < len(s) {
			r, size = rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
			if !isWordRune(r) {
				break
			}
			if runes < MaxTokenRunes {
				buf = appendFolded(buf, r)
			}
			runes++
			i += size
		}
		n++
		if len(buf) > 0 && !yield(buf, start, i) {
			break
		}
	}
	return buf
}

// Tokens returns the tokens of s, at most max of them (max < 0: all).
func Tokens(s string, max int) []Token {
	var out []Token
	tokenize(s, max, nil, func(t []byte, start, end int) bool {
		out = append(out, Token{string(t), start, end})
		return true
	})
	return out
}

// Fold returns the folded words of s joined by single spaces: "Dmitry PESKOV’s" → "dmitry peskov s".
func Fold(s string) string {
	var b strings.Builder
	tokenize(s, -1, nil, func(t []byte, _, _ int) bool {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.Write(t)
		return true
	})
	return b.String()
}
