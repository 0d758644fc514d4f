package article

import (
	"slices"
	"strings"
	"testing"
)

// TestReadWordsCaps checks the list of capitalised words that readWords makes of each paragraph
// against the tokens themselves: the index of every token whose word is capitalised, in order, and
// no other, whether the paragraph's marks were all counted on the way, in part or not at all (past
// maxLangWords).
func TestReadWordsCaps(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Lorem ipsum, “Dolor” sit. ", maxLangWords/3)
	cases := []struct{ name, declared, text string }{
		{"English", "", "Headline Of It\n\nThe mayor, Jane Baker, said “We Will” and left.\n\nShe said: “no.” Then Tom spoke."},
		{"German", "", "Überschrift\n\nDie Bürgermeisterin Anna Müller sagte, dass der Plan „Gut“ ist.\n\nÄrger gab es nicht."},
		{"declared", "de", "Headline\n\nThe mayor said “Yes” to Tom Baker."},
		{"past the counted words", "", "Headline\n\n" + long + "\n\n" + long + "\n\nAnd Then Some words."},
		{"no words", "", "Headline\n\n“” ... !"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			e := langSet(c.text, c.declared)
			for pi, ps := range e.ps {
				var want []int32
				for i, tk := range ps.toks {
					if tk.kind() == tWord && tk.cap() {
						want = append(want, int32(i))
					}
				}
				if !slices.Equal(ps.caps, want) {
					t.Errorf("paragraph %d: caps %v, want %v", pi, ps.caps, want)
				}
			}
		})
	}
}
