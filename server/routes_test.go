package server

import (
	"maps"
	"net/http/httptest"
	"slices"
	"testing"
)

// TestAssetsFirstAgreesWithMux: the assets' shortcut (assetsFirst) takes only requests the mux would
// route unchanged, and answers them byte for byte as the mux's route does; every other request
// still reaches the mux (a redirect, an escape, another method).
func TestAssetsFirstAgreesWithMux(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{ContentDir: fakeContentDir(t)})
	viaMux := s.secure(s.mux())
	cases := []struct {
		method, target string
		header         map[string]string
		fast           bool // assetsFirst takes it
	}{
		{"GET", "/articles/harbour-ferry.json", nil, true},
		{"GET", "/articles/harbour-ferry.json", map[string]string{"Accept-Encoding": "gzip, deflate, br, zstd"}, true},
		{"GET", "/articles/harbour-ferry.json", map[string]string{"Accept-Encoding": "gzip;q=1, br;q=0"}, true},
		{"GET", "/articles/harbour-ferry.json", map[string]string{"Range": "bytes=0-9"}, true},
		{"HEAD", "/articles/harbour-ferry.json", map[string]string{"Accept-Encoding": "br"}, true},
		{"GET", "/articles/harbour-ferry.json?v=1", nil, true},
		{"GET", "/articles/index.json", nil, true},
		{"GET", "/articles/index-1.json", nil, false},
		{"GET", "/articles/index-9.json", nil, false},
		{"GET", "/articles/speakers.json", nil, true},
		{"GET", "/articles/nope.json", nil, false},
		{"GET", "/articles/harbour-ferry", nil, false},
		{"GET", "/articles/a%25b.json", nil, false},
		{"GET", "/articles/", nil, false},
		{"GET", "/articles", nil, false},
		{"GET", "/articles/.", nil, false},
		{"GET", "/articles/..", nil, false},
		{"GET", "/articles/./harbour-ferry.json", nil, false},
		{"GET", "/articles/../articles/harbour-ferry.json", nil, false},
		{"GET", "/articles//harbour-ferry.json", nil, false},
		{"GET", "//articles/harbour-ferry.json", nil, false},
		{"GET", "/articles/a/b.json", nil, false},
		{"GET", "/articles/a%2Fb.json", nil, false},
		{"GET", "/articles/harbour%2Dferry.json", nil, false},
		{"POST", "/articles/harbour-ferry.json", nil, false},
		{"PUT", "/articles/harbour-ferry.json", nil, false},
	}
	for _, c := range cases {
		t.Run(c.method+" "+c.target, func(t *testing.T) {
			if _, fast := s.assetRequest(httptest.NewRequest(c.method, c.target, nil)); fast != c.fast {
				t.Errorf("assetsFirst takes it: %v, want %v", fast, c.fast)
			}
			res, body := do(t, s.Handler(), c.method, c.target, c.header)
			want, wantBody := do(t, viaMux, c.method, c.target, c.header)
			if res.StatusCode != want.StatusCode || body != wantBody {
				t.Errorf("got %d %q, the mux %d %q", res.StatusCode, body, want.StatusCode, wantBody)
			}
			if !maps.EqualFunc(res.Header, want.Header, slices.Equal) {
				t.Errorf("headers %v, the mux's %v", res.Header, want.Header)
			}
		})
	}
}
