package article

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
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

// TestCheckTextValid checks what checkText reports of an input's UTF-8, which parse trusts in
// place of utf8.ValidString: valid only when it read the whole input and it is valid, never for an
// input that is not; and ascii only when it read the whole input and it is ASCII without a NUL.
func TestCheckTextValid(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Plain words, and a few more of them. ", 2000) // past the 64 KB sample
	cases := []struct {
		name, text   string
		valid, ascii bool
	}{
		{"ASCII", "The mayor said the bridge would open in May.", true, true},
		{"ASCII with a NUL", "The mayor said\x00 the bridge would open in May.", true, false},
		{"ASCII but the last byte", "The mayor said the bridge would open in May\xe2\x80\xa6", true, false},
		{"runes past ASCII", "„Wir schaffen das“, sagte Merkel – café, naïve, 𝄞.", true, false},
		{"an invalid byte", "The mayor said \xff the bridge would open.", false, false},
		{"a sequence cut at the end", "The mayor said the bridge would open \xe2\x80", false, false},
		{"a stray continuation byte", "Curly \x80quotes", false, false},
		{"longer than the sample, valid", long, false, false},
		{"longer than the sample, invalid past it", long + "\xff", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			valid, ascii, err := checkText(c.text)
			if err != nil {
				t.Fatal(err)
			}
			if valid != c.valid {
				t.Errorf("valid = %v, want %v", valid, c.valid)
			}
			if ascii != c.ascii {
				t.Errorf("ascii = %v, want %v", ascii, c.ascii)
			}
			if valid && !utf8.ValidString(c.text) {
				t.Errorf("valid for an invalid input")
			}
		})
	}
}
