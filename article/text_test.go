package article

import (
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
		n, valid := decodeRunes(rs, s)
		if got := rs[:n]; !slices.Equal(got, []rune(s)) {
			t.Errorf("decodeRunes(%q) = %q, want %q", s, got, []rune(s))
		}
		if want := utf8.ValidString(s); valid != want {
			t.Errorf("decodeRunes(%q) says valid %v, want %v", s, valid, want)
		}
	}
}
