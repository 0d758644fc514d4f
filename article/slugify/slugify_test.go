package slugify

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestASCII(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"Dmitri Peskov", "dmitri-peskov"},
		{"Café déjà vu — Ærø", "cafe-deja-vu-r"},
		{"Trump’s O'Brien", "trumps-obrien"},
		{"  --a--b--  ", "a-b"},
		{"日本語", ""},
		{"", ""},
		{strings.Repeat("abcdefghi ", 20), strings.TrimSuffix(strings.Repeat("abcdefghi-", 6), "-")},
		{strings.Repeat("x", 100), strings.Repeat("x", MaxBytes)},
	} {
		if got := ASCII(c.in); got != c.want {
			t.Errorf("ASCII(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestNoASCIIMark checks the guard ASCII asks before unicode.Mn: no ASCII rune is a mark.
func TestNoASCIIMark(t *testing.T) {
	t.Parallel()
	for r := rune(0); r < utf8.RuneSelf; r++ {
		if unicode.Is(unicode.Mn, r) {
			t.Errorf("%U is a mark", r)
		}
	}
}
