package server

import (
	"bytes"
	"fmt"
	"strings"
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

// TestColdPageUpgrade checks that a cold page is sent compressed at the cold level, that its upgrade
// puts the page compressed at the final level in the cache in its place, with the cache's byte
// count following, and that the requests after get it, decoding to the same HTML; a page another
// coding later completed (fullPage) is upgraded in every coding.
func TestColdPageUpgrade(t *testing.T) {
	t.Parallel()
	const path = "/article/harbour-council"
	cold := map[string]func([]byte) []byte{
		"br":   func(b []byte) []byte { return compressBrotli(b, brotliCold) },
		"gzip": func(b []byte) []byte { return compressGzipLevel(b, gzipCold) },
		"":     func(b []byte) []byte { return b },
	}
	final := map[string]func([]byte) []byte{
		"br":   func(b []byte) []byte { return compressBrotli(b, brotliFast) },
		"gzip": compressGzip,
		"":     func(b []byte) []byte { return b },
	}
	for _, tc := range []struct {
		name  string
		first string   // the coding of the request that renders the page
		later []string // the codings asked for after its upgrade (and that of the completed page)
	}{
		{"brotli", "br", []string{"br"}},
		{"gzip", "gzip", []string{"gzip"}},
		{"identity", "", []string{""}},
		{"brotli, then gzip", "br", []string{"gzip", "br", ""}},
		{"identity, then brotli", "", []string{"br", "gzip"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, _ := newTestServer(t, Config{})
			h := s.Handler()
			get := func(coding string) (etag string, plain, body []byte) {
				t.Helper()
				res, b := do(t, h, "GET", path, map[string]string{"Accept-Encoding": coding})
				if got := res.Header.Get("Content-Encoding"); res.StatusCode != 200 || got != coding {
					t.Fatalf("Accept-Encoding %q: status %d, Content-Encoding %q", coding, res.StatusCode, got)
				}
				return res.Header.Get("ETag"), []byte(decode(t, coding, b)), []byte(b)
			}
			etag, plain, body := get(tc.first)
			if want := cold[tc.first](plain); !bytes.Equal(body, want) {
				t.Errorf("cold %q: %d bytes, want the %d of the cold level", tc.first, len(body), len(want))
			}
			// A request for another coding completes the page at the cold level, then its upgrade runs.
			for _, c := range tc.later {
				if c == tc.first {
					continue
				}
				if _, p, b := get(c); !bytes.Equal(b, cold[c](p)) || !bytes.Equal(p, plain) {
					t.Errorf("completed %q: %d bytes, want the %d of the cold level of the same page", c, len(b), len(cold[c](p)))
				}
				break
			}
			waitUpgrades(t, s.upgrades)
			if err := s.lib.cache.Check(); err != nil {
				t.Error(err)
			}
			for _, c := range tc.later {
				e, p, b := get(c)
				if !bytes.Equal(p, plain) {
					t.Errorf("upgraded %q: decodes to another page", c)
				}
				if want := final[c](plain); !bytes.Equal(b, want) {
					t.Errorf("upgraded %q: %d bytes, want the %d of the final level", c, len(b), len(want))
				}
				if c == tc.first && e != etag {
					t.Errorf("upgraded %q: ETag %s, cold %s: a browser's revalidation would get the page again", c, e, etag)
				}
				if !strings.HasPrefix(e, `W/"`) {
					t.Errorf("upgraded %q: ETag %s is strong: If-Range could mix the cold and upgraded bytes", c, e)
				}
			}
			// Revalidating the cold page after its upgrade: 304; resuming it with a range: the whole page.
			res, _ := do(t, h, "GET", path, map[string]string{"Accept-Encoding": tc.first, "If-None-Match": etag})
			if res.StatusCode != 304 {
				t.Errorf("If-None-Match of the cold page after the upgrade: status %d, want 304", res.StatusCode)
			}
			res, _ = do(t, h, "GET", path, map[string]string{"Accept-Encoding": tc.first, "Range": "bytes=100-", "If-Range": etag})
			if res.StatusCode != 200 {
				t.Errorf("Range with If-Range of the cold page after the upgrade: status %d, want 200", res.StatusCode)
			}
			key := "page\x00" + s.pages.version(path) + "\x00" + "http://example.com" + path
			v, ok := s.lib.cache.Get(key)
			if !ok {
				t.Fatalf("no page under %q", key)
			}
			pg := v.(*renderedPage)
			if pg.cold {
				t.Error("the cached page is still cold")
			}
			cost, _ := s.lib.cache.Cost(key)
			if want := pg.cost() + int64(len(key)) + 64; cost != want {
				t.Errorf("the cached page costs %d, its asset %d", cost, want)
			}
		})
	}
}

// TestServerCloseStopsUpgrades checks that Close stops the pages' upgrader: nothing is queued after.
func TestServerCloseStopsUpgrades(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	s.Close()
	if s.upgrades.offer("x", func(string) { t.Error("a job ran after Close") }) {
		t.Error("the upgrader took a job after Close")
	}
}
