package article

import (
	"math/rand/v2"
	"testing"
)

// TestPlainASCII8 checks plainASCII8 against a byte-by-byte test: every value at every position
// of printable words, and random words.
func TestPlainASCII8(t *testing.T) {
	t.Parallel()
	slow := func(b []byte) bool {
		for _, c := range b[:8] {
			if c < 0x20 || c >= 0x7F {
				return false
			}
		}
		return true
	}
	b := []byte("abcdefgh")
	for pos := range 8 {
		for v := range 256 {
			c := append([]byte(nil), b...)
			c[pos] = byte(v)
			if got, want := plainASCII8(load64(string(c))), slow(c); got != want {
				t.Fatalf("plainASCII8(%q) = %v, want %v", c, got, want)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		c := make([]byte, 8)
		for i := range c {
			c[i] = byte(r.IntN(256))
			if r.IntN(2) == 0 {
				c[i] = byte(0x1E + r.IntN(0x64))
			}
		}
		if got, want := plainASCII8(load64(string(c))), slow(c); got != want {
			t.Fatalf("plainASCII8(%q) = %v, want %v", c, got, want)
		}
	}
}
