package article

import (
	"encoding/binary"
	"testing"
)

// TestInternKey checks internKey, and a keyBuilder fed the same bytes, against their definition,
// the word's first bytes zero past its end, for words of every length around the inline limit,
// with no room past them and with room that holds other bytes.
func TestInternKey(t *testing.T) {
	t.Parallel()
	word := []byte("abcdefghijklmnopqrstu")
	for n := range len(word) {
		var kb [internInline]byte
		copy(kb[:], word[:n])
		want := [2]uint64{binary.LittleEndian.Uint64(kb[:8]), binary.LittleEndian.Uint64(kb[8:])}
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
		built := keyBuilder{ascii: true}
		for i, c := range word[:n] {
			built.add(i, c)
		}
		if got := built.of(tight); got != want {
			t.Errorf("keyBuilder over %q = %x, want %x", word[:n], got, want)
		}
	}
}
