package article

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestRuneCount checks runeCount against utf8.RuneCountInString, and decodeRunes against
// []rune(s) and utf8.ValidString, invalid UTF-8 included.
func TestRuneCount(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "a", "abcdefgh", "abcdefghi", "“quoted”", "ab\xffcdefghijk", "\xe2\x80", "abcdefg\xe2\x80\x9cxyz",
		strings.Repeat("x", 100) + "é" + strings.Repeat("y", 17), "\x80\x80\x80\x80\x80\x80\x80\x80\x80",
		"\uFFFD", "abcdefgh\uFFFDij", "\xed\xa0\x80", "abcdefghé\xf4\x90\x80\x80"} {
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
		}
		rs := make([]rune, len(s))
		n, valid, words := decodeRunes(rs, s)
		if got := rs[:n]; !slices.Equal(got, []rune(s)) {
			t.Errorf("decodeRunes(%q) = %q, want %q", s, got, []rune(s))
		}
		if want := utf8.ValidString(s); valid != want {
			t.Errorf("decodeRunes(%q) says valid %v, want %v", s, valid, want)
		}
		if want := len(strings.Fields(s)); words != want {
			t.Errorf("decodeRunes(%q) counts %d words, want %d", s, words, want)
		}
	}
}

// TestSkipRunes checks skipRunes against a walk of []rune(s), from every byte a rune starts at and
// for every count, past the end too, in ASCII runs of eight and more, other runes and invalid bytes.
func TestSkipRunes(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "a", "abcdefgh", "abcdefghijklmnopq", "“quoted” text that runs on", "ab\xffcdefghijk",
		"\xe2\x80", "abcdefg\xe2\x80\x9cxyzabcdefgh", strings.Repeat("x", 19) + "é" + strings.Repeat("y", 17) + "日本",
		"\x80\x80\x80\x80\x80\x80\x80\x80\x80", "abcdefgh\uFFFDijklmnopqrstu", "abcdefghé\xf4\x90\x80\x80"} {
		// The byte where each rune starts, as range reads them (an invalid byte is one rune), and len(s).
		var at []int
		for b := range s {
			at = append(at, b)
		}
		at = append(at, len(s))
		for r0 := range at {
			for n := 0; n <= len(at)+9; n++ {
				wantK := min(n, len(at)-1-r0)
				if b, k := skipRunes(s, at[r0], n); b != at[r0+wantK] || k != wantK {
					t.Errorf("skipRunes(%q, %d, %d) = %d, %d, want %d, %d", s, at[r0], n, b, k, at[r0+wantK], wantK)
				}
			}
		}
	}
}

// TestSkipRunesRandom checks skipRunes against decoding a code point at a time, on random strings
// of ASCII runs longer and shorter than eight bytes, runes past ASCII and invalid bytes, from any
// byte (a rune's continuation bytes too) and for any count, so that its sixteen- and eight-byte
// steps meet every boundary.
func TestSkipRunesRandom(t *testing.T) {
	t.Parallel()
	slow := func(s string, b, n int) (int, int) {
		k := 0
		for ; k < n && b < len(s); k++ {
			_, size := utf8.DecodeRuneInString(s[b:])
			b += size
		}
		return b, k
	}
	pieces := []string{"a", "bc", " ", "é", "“", "\xff", "\xe2\x80", "abcdefgh", "0123456789abcdef", "𝄞", "abcdefghijklmnopqrstu"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		s := randomText(r, pieces, 16)
		b, n := r.IntN(len(s)+1), r.IntN(len(s)+3)
		gb, gk := skipRunes(s, b, n)
		if wb, wk := slow(s, b, n); gb != wb || gk != wk {
			t.Fatalf("skipRunes(%q, %d, %d) = %d, %d, want %d, %d", s, b, n, gb, gk, wb, wk)
		}
	}
}

// TestValidRuneCount checks validRuneCount against utf8.RuneCountInString on random valid UTF-8 of
// ASCII runs longer and shorter than eight bytes and runes of two, three and four bytes, so that
// its sixteen- and eight-byte steps meet every boundary.
func TestValidRuneCount(t *testing.T) {
	t.Parallel()
	pieces := []string{"a", "bc", " ", "é", "“", "’", "abcdefgh", "0123456789abcdef", "𝄞", "\u07ff", "\uffff", "\U0010ffff"}
	r := rand.New(rand.NewPCG(11, 12))
	for range 50000 {
		s := randomText(r, pieces, 16)
		if got, want := validRuneCount(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("validRuneCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestSplitParasASCII checks that splitParas told that its input is ASCII (see checkText) gives
// the lines it gives when it counts their code points: a byte each.
func TestSplitParasASCII(t *testing.T) {
	t.Parallel()
	for _, src := range []string{"Headline\n\nOne line.\nTwo lines.\n\n  Indented, and trailing  \n\n\n\nLast",
		"A\r\nB\r\n\r\nC\rD\n", "", "\n\n\n", "one paragraph"} {
		got := slices.Clone(splitParas(src, &textScratch{}, true))
		want := splitParas(src, &textScratch{}, false)
		if !slices.EqualFunc(got, want, func(a, b textPara) bool { return slices.Equal(a, b) }) {
			t.Errorf("splitParas(%q, ascii) = %v, counted %v", src, got, want)
		}
	}
}
