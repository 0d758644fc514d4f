package article

import (
	"strconv"
	"testing"
)

// TestNumberedID checks numberedID against its definition for every number it keeps ready, the
// ones around the bound, and a prefix it keeps none for.
func TestNumberedID(t *testing.T) {
	t.Parallel()
	for _, p := range []byte{'b', 'q', 's', 'x'} {
		for n := 0; n <= smallIDs+2; n++ {
			if got, want := numberedID(p, n), string(p)+strconv.Itoa(n); got != want {
				t.Errorf("numberedID(%q, %d) = %q, want %q", p, n, got, want)
			}
		}
		if got, want := numberedID(p, 100000), string(p)+"100000"; got != want {
			t.Errorf("numberedID(%q, 100000) = %q, want %q", p, got, want)
		}
	}
}
