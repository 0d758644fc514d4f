package article

import (
	"encoding/binary"
	"strings"
	"testing"
)

// TestInternKey checks internKey, and the key lowerWord gathers, against their definition, the
// word's first bytes zero past its end, for words of every length around the inline limit, with
// no room past them and with room that holds other bytes.
func TestInternKey(t *testing.T) {
	t.Parallel()
	word := []byte("abcdefghijklmnopqrstu")
	for n := range len(word) {
		var kb [internInline]byte
		copy(kb[:], word[:n])
		want := wordKey{binary.LittleEndian.Uint64(kb[:8]), binary.LittleEndian.Uint64(kb[8:])}
		tight := append([]byte(nil), word[:n]...)[:n:n]
		roomy := make([]byte, n, n+2*internInline)
		copy(roomy, word[:n])
		for i := n; i < cap(roomy); i++ {
			roomy[:cap(roomy)][i] = 0xff // bytes past the word that the key must not take in
		}
		for _, tt := range []struct {
			name string
			b    []byte
		}{{"tight", tight}, {"roomy", roomy}} {
			if got := internKey(tt.b); got != want {
				t.Errorf("internKey(%q, %s) = %x, want %x", word[:n], tt.name, got, want)
			}
		}
		for _, w := range []string{string(word[:n]), strings.ToUpper(string(word[:n]))} {
			lower, key, h := lowerWord(make([]byte, 0, 4*internInline), []rune(w))
			if string(lower) != string(word[:n]) || key != want || h != wordHash(word[:n]) {
				t.Errorf("lowerWord(%q) = %q, %x, %x, want %q, %x, %x", w, lower, key, h, word[:n], want, wordHash(word[:n]))
			}
		}
	}
}
