package article

import (
	"fmt"
	"testing"
)

// TestSlotTable checks the registry's table of name words' slots: a word asked for again gets the
// slot it got first, through the table's growth and for words that share a prefix or are longer
// than a hash key, an absent word none, and a reset empties the table, keeping its cells unless it
// held more slots than it keeps.
func TestSlotTable(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		words int
	}{
		{"none", 0},
		{"one", 1},
		{"below a growth", slotCells/2 - 1},
		{"past a growth", slotCells/2 + 1},
		{"past several", 5 * slotCells},
		{"past what a reset keeps", 2*maxKeptNames + 1},
	}
	word := func(i int) string {
		switch i % 3 {
		case 0:
			return fmt.Sprintf("w%d", i)
		case 1:
			return fmt.Sprintf("a-long-name-word-past-sixteen-bytes-%d", i)
		}
		return fmt.Sprintf("o’brien%d.", i)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			rg := newRegistry()
			for round := range 2 { // the second after a reset
				got := map[string]*nameSlot{}
				for i := range c.words {
					s := rg.slotFor(word(i))
					if s == nil || s.key != word(i) {
						t.Fatalf("round %d: slotFor(%q) = %v", round, word(i), s)
					}
					got[word(i)] = s
				}
				for i := range c.words {
					w := word(i)
					if s := rg.slotFor(w); s != got[w] {
						t.Errorf("round %d: slotFor(%q) again is another slot", round, w)
					}
					if s := rg.slot(w); s != got[w] {
						t.Errorf("round %d: slot(%q) is not slotFor's", round, w)
					}
				}
				for _, w := range []string{"absent", word(c.words), "w", ""} {
					if s := rg.slot(w); s != nil {
						t.Errorf("round %d: slot(%q) = %v, want none", round, w, s)
					}
				}
				if rg.words.n != c.words || 2*rg.words.n > len(rg.words.cells) {
					t.Errorf("round %d: %d slots in %d cells, want %d at most half full", round, rg.words.n, len(rg.words.cells), c.words)
				}
				rg.reset()
				if rg.words.n != 0 || rg.slot(word(0)) != nil {
					t.Errorf("round %d: a reset left %d slots", round, rg.words.n)
				}
				if kept := rg.words.cells != nil; kept != (c.words > 0 && c.words <= 2*maxKeptNames) {
					t.Errorf("round %d: cells kept %v after %d slots", round, kept, c.words)
				}
			}
		})
	}
}
