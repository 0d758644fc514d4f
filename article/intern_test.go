package article

import (
	"encoding/binary"
	"math/rand/v2"
	"strconv"
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

// TestInternTable checks the intern table against a map: random words, short and past the key's
// length (sharing their first internInline bytes, so that only the whole word tells them apart),
// looked up again and again in both cases, give one word each with its lower case, its capital and
// its lexicon flags; past maxIntern words a new word gets a word of its own at each lookup; and a
// trimmed table starts again.
func TestInternTable(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(13, 14))
	var it internTable
	seen := map[string]*word{}
	lookup := func(w string, capital bool) *word {
		b := make([]byte, len(w), len(w)+internInline)
		copy(b, w)
		key := internKey(b)
		got := it.word(b, key, keyedHash(key, b), capital)
		if got.lower != w || got.cap != capital || got.kind != tWord || got.flags != lexFlagsOf(w, wordHash(w)) {
			t.Fatalf("word(%q, %v) = %+v", w, capital, *got)
		}
		return got
	}
	const long = "abcdefghijklmnopq" // past internInline bytes
	// "ab" and "ab\x00" share their key, so that only their lengths tell them apart; a word of
	// internInline bytes is the longest the cache of recent words holds.
	words := []string{"said", "the", "internationalisation", "ab", "ab\x00", long[:internInline]}
	for k := range 3000 {
		w := strconv.Itoa(k)
		if r.IntN(2) == 0 {
			w = long + w
		}
		words = append(words, w)
	}
	seen["said"] = lookup("said", false)
	for range 20000 {
		w := words[r.IntN(len(words))]
		capital := r.IntN(2) == 0
		got := lookup(w, capital)
		if capital {
			got = lookup(w, false) // the same word's other form
		}
		if prev, ok := seen[w]; ok && prev != got {
			t.Fatalf("word(%q) gave two words", w)
		}
		seen[w] = got
	}
	for k := it.n; k < maxIntern; k++ {
		lookup("x"+strconv.Itoa(k), false)
	}
	if a, b := lookup("pastthelimit", false), lookup("pastthelimit", false); a == b {
		t.Errorf("past maxIntern words, a new word was interned")
	}
	if lookup("said", false) != seen["said"] {
		t.Errorf("a word interned before the limit was not found past it")
	}
	it.trim()
	if it.n != 0 || it.recent != nil || it.slots != nil {
		t.Errorf("trim past maxKeptWords kept %d words", it.n)
	}
	lookup("said", false)
}
