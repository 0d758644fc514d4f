package article

import "testing"

// TestHonorificsAreTitles checks the guard honorificGender passes tokens over by: every honorific
// it knows is one of the titles, so its word carries lxTitle.
func TestHonorificsAreTitles(t *testing.T) {
	t.Parallel()
	for _, w := range []string{"mr", "mr.", "mrs", "mrs.", "ms", "ms."} {
		if lexFlagsOf(w, wordHash(w))&lxTitle == 0 {
			t.Errorf("%q is an honorific but not a title", w)
		}
	}
}

// TestIsContraction checks isContraction, whose first test is for an apostrophe: contractions
// with either apostrophe are found, names and words without one are not.
func TestIsContraction(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"she’ll", true}, {"they're", true}, {"we’ve", true}, {"i'd", true}, {"don’t", true}, {"i’m", true},
		{"can't", true}, {"trump", false}, {"o'neill", false}, {"o’brien", false}, {"federal", false}, {"", false},
	} {
		if got := isContraction(c.w); got != c.want {
			t.Errorf("isContraction(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}
