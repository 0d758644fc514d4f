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
