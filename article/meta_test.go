package article

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestBlockWords checks blockWords, and the count decodeRunes takes as it decodes, against
// len(strings.Fields(s)): a table of edge cases, every
// ASCII byte at every position of a 16-byte text (so each lands in the first and the second
// eight-byte word, after a space and after a letter), and random texts of ASCII spaces, letters,
// control bytes, Unicode spaces and invalid bytes.
func TestBlockWords(t *testing.T) {
	t.Parallel()
	check := func(s string) {
		t.Helper()
		_, _, decoded := decodeRunes(make([]rune, len(s)), s)
		if got, want := blockWords(s), len(strings.Fields(s)); got != want || decoded != want {
			t.Fatalf("blockWords(%q) = %d, decodeRunes counts %d, want %d", s, got, decoded, want)
		}
	}
	for _, s := range []string{
		"", " ", "a", "a b", "  a  b  ", "abcdefgh", "abcdefgh ijklmnop", "abcdefg hijklmno", "       a",
		"a       b", "\t\n\v\f\r \x1c\x1d\x1e\x1f", "one\u00a0two\u2003three\u0085four", "é\xffé \xff", "     ébcdefghijklm",
	} {
		check(s)
	}
	for _, base := range []string{"abcdefghijklmnop", "a b c d e f g h ", "                "} {
		for pos := range len(base) {
			for v := range 0x80 {
				b := []byte(base)
				b[pos] = byte(v)
				check(string(b))
			}
		}
	}
	pieces := []string{" ", "\t", "\n", "\r", "\v", "\f", "\x1f", "!", "a", "Z", "0", "\x7f", "\u00a0", "\u2003", "\u0085", "é", "\xff"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		s := randomText(r, pieces, 40)
		check(s)
	}
}
