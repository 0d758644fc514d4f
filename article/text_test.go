package article

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestRuneCount checks runeCount against utf8.RuneCountInString, and decodeRunes against
// []rune(s), invalid UTF-8 included.
func TestRuneCount(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "a", "abcdefgh", "abcdefghi", "“quoted”", "ab\xffcdefghijk", "\xe2\x80", "abcdefg\xe2\x80\x9cxyz",
		strings.Repeat("x", 100) + "é" + strings.Repeat("y", 17), "\x80\x80\x80\x80\x80\x80\x80\x80\x80"} {
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
		}
		rs := make([]rune, len(s))
		if got := rs[:decodeRunes(rs, s)]; !slices.Equal(got, []rune(s)) {
			t.Errorf("decodeRunes(%q) = %q, want %q", s, got, []rune(s))
		}
	}
}
