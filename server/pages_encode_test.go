package server

import (
	"fmt"
	"testing"
)

// TestColdPageEncodings checks that a cold page is compressed in the one encoding its request
// takes, and that each later request gets the encoding it prefers, in whatever order they come.
func TestColdPageEncodings(t *testing.T) {
	t.Parallel()
	const path = "/article/harbour-council"
	type step struct{ accept, want string }
	for _, order := range [][]step{
		{{"br, gzip", "br"}, {"gzip", "gzip"}, {"", ""}, {"br", "br"}},
		{{"gzip", "gzip"}, {"br, gzip", "br"}, {"gzip", "gzip"}},
		{{"", ""}, {"gzip", "gzip"}, {"br", "br"}, {"identity", ""}},
	} {
		s, _ := newTestServer(t, Config{})
		h := s.Handler()
		var plain string
		for i, st := range order {
			res, body := do(t, h, "GET", path, map[string]string{"Accept-Encoding": st.accept})
			if got := res.Header.Get("Content-Encoding"); res.StatusCode != 200 || got != st.want {
				t.Errorf("%v, request %d: status %d, Content-Encoding %q, want 200 and %q", order, i, res.StatusCode, got, st.want)
			}
			if cl := res.Header.Get("Content-Length"); cl != fmt.Sprint(len(body)) {
				t.Errorf("%v, request %d: Content-Length %q for %d bytes", order, i, cl, len(body))
			}
			got := decode(t, st.want, body)
			if plain == "" {
				plain = got
			} else if got != plain {
				t.Errorf("%v, request %d: the decoded page differs from the first", order, i)
			}
		}
	}
}
