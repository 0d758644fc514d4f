package article

import (
	"strings"
	"testing"
)

// TestLexFlags checks that the flags of a word say what the lexicons and the shape tests say of it,
// for every lexicon word, with and without a final period, and for words that only look like one.
func TestLexFlags(t *testing.T) {
	t.Parallel()
	words := []string{"", "\n", ",", "-", "co-anchor", "innenminister", "grünen-chefin", "trump's", "clinton’s",
		"monday", "mr.", "sen.", "president.", "chair", "xchair", "s", "'s", "’s", "ministerin-", "ly", "quickly",
		"positives", "ives", "gutes", "wichtiges", "charles"}
	for _, s := range lexSets {
		for w := range s.set {
			words = append(words, w)
		}
	}
	for w := range roleWords.set {
		words = append(words, w)
	}
	for _, w := range words {
		for _, w := range []string{w, w + ".", strings.TrimSuffix(w, "."), "x" + w, w + "s"} {
			f := allFlags(w, wordHash(w))
			var tw word
			tw.lower, tw.flags = w, lexFlagsOf(w, wordHash(w))
			for _, fl := range []lexFlag{lxRole, lxTitleNoDot, lxRoleNoDot, lxNominalDe} {
				if got := (tok{w: &tw}).shape(fl); got != (f&fl != 0) {
					t.Errorf("%q: shape(%b) is %v, allFlags says %v", w, fl, got, f&fl != 0)
				}
			}
			for _, s := range lexSets {
				if got := f&s.flag != 0; got != s.set[w] {
					t.Errorf("%q: flag %b is %v, the lexicon says %v", w, s.flag, got, s.set[w])
				}
			}
			nd := strings.TrimSuffix(w, ".")
			for _, c := range []struct {
				flag lexFlag
				want bool
			}{
				{lxRole, isRoleWord(w)}, {lxTitleNoDot, titles.has(nd)}, {lxRoleNoDot, isRoleWord(nd)},
				{lxPossessive, isPossessive(w)}, {lxDay, isDay(w)}, {lxNominalDe, isNominalAdjectiveDe(w)},
			} {
				if got := f&c.flag != 0; got != c.want {
					t.Errorf("%q: flag %b is %v, want %v", w, c.flag, got, c.want)
				}
			}
		}
	}
}

// TestGivenNamesApart checks that no given name is in both lexicons: givenNameGender would tell
// the man's gender of a name given to both, which tells none.
func TestGivenNamesApart(t *testing.T) {
	t.Parallel()
	for w := range givenNamesMen.set {
		if givenNamesWomen.has(w) {
			t.Errorf("%q is a given name of a man and of a woman", w)
		}
	}
}
