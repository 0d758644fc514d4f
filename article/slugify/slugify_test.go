package slugify

import (
	"strings"
	"testing"
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
