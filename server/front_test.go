package server

import (
	"bufio"
	"context"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

// exchange sends one raw HTTP/1.1 request to addr and returns the response, its body read. The
// request is written as it is: targets with "..", escapes or odd headers reach the server unchanged.
func exchange(t *testing.T, addr, raw string) (*http.Response, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(20 * time.Second))
	if _, err := io.WriteString(c, raw); err != nil {
		t.Fatal(err)
	}
	method, _, _ := strings.Cut(raw, " ")
	res, err := http.ReadResponse(bufio.NewReader(c), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("reading the response: %v", err)
	}
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("reading the body: %v", err)
	}
	return res, string(body)
}

// rawRequest is a raw request of method and target with the given header lines.
func rawRequest(method, target string, lines ...string) string {
	var b strings.Builder
	b.WriteString(method + " " + target + " HTTP/1.1\r\nHost: verbatim.test\r\nUser-Agent: front-test\r\n")
	for _, l := range lines {
		b.WriteString(l + "\r\n")
	}
	b.WriteString("\r\n")
	return b.String()
}

// wireHeader is a response's header as the client sees it, without Date, which differs by the
// second.
func wireHeader(res *http.Response) http.Header {
	h := res.Header.Clone()
	h.Del("Date")
	return h
}

// decoded is body decoded with the response's Content-Encoding.
func decoded(t *testing.T, h http.Header, body string) string {
	t.Helper()
	r, err := decoder(h.Get("Content-Encoding"), []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding the body: %v", err)
	}
	return string(b)
}

// TestFrontAgreesWithHandler sends the same raw requests to the real server (Start: the fasthttp
// front, its native asset path and the adaptor) and to the handler behind net/http's own server
// (httptest.NewServer), and compares status, headers but Date, and body: the front changes nothing
// a client sees, but where net/http's server limits differ (the header limit).
func TestFrontAgreesWithHandler(t *testing.T) {
	t.Parallel()
	web := fakeWebDir(t)
	big := strings.Repeat("0123456789abcdef", 96<<10) // 1.5 MB: a large asset (streamed, 10 min to write)
	writeFiles(t, web, map[string]string{"big.bin": big})
	s, _ := newTestServer(t, Config{Addr: "127.0.0.1:0", WebDir: web})
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	front := strings.TrimPrefix(s.URL(), "http://")
	ref := httptest.NewServer(s.Handler())
	t.Cleanup(ref.Close)
	netHTTP := strings.TrimPrefix(ref.URL, "http://")

	const json = "/articles/harbour-council.json"
	chromium := "Accept-Encoding: gzip, deflate, br, zstd"
	curl := "Accept-Encoding: deflate, gzip, br, zstd" // curl --compressed
	res, _ := exchange(t, netHTTP, rawRequest("GET", json, chromium))
	etag := res.Header.Get("Etag")
	if res.StatusCode != 200 || etag == "" {
		t.Fatalf("GET %s: %d, ETag %q", json, res.StatusCode, etag)
	}
	cases := []struct {
		name, raw string
		status    int // the front's status where net/http's server differs by design; 0: the same
		// how the front differs by design: "chunked" (it streams several ranges of a large
		// asset, net/http's server gave their length), "volatile" (the body changes between two
		// requests)
		differs string
	}{
		{"JSON, Chromium", rawRequest("GET", json, chromium), 0, ""},
		{"JSON, curl --compressed", rawRequest("GET", json, curl), 0, ""},
		{"JSON, no Accept-Encoding", rawRequest("GET", json), 0, ""},
		{"JSON, gzip", rawRequest("GET", json, "Accept-Encoding: gzip"), 0, ""},
		{"JSON, br refused", rawRequest("GET", json, "Accept-Encoding: gzip;q=1, br;q=0"), 0, ""},
		{"JSON with a query", rawRequest("GET", json+"?v=1", chromium), 0, ""},
		{"HEAD JSON, Chromium", rawRequest("HEAD", json, chromium), 0, ""},
		{"HEAD JSON, none", rawRequest("HEAD", json), 0, ""},
		{"JSON, If-None-Match matches", rawRequest("GET", json, chromium, "If-None-Match: "+etag), 0, ""},
		{"JSON, If-None-Match misses", rawRequest("GET", json, chromium, `If-None-Match: "nope"`), 0, ""},
		{"HEAD JSON, If-None-Match matches", rawRequest("HEAD", json, chromium, "If-None-Match: "+etag), 0, ""},
		{"HEAD JSON, If-None-Match misses", rawRequest("HEAD", json, chromium, `If-None-Match: "nope"`), 0, ""},
		{"JSON, If-None-Match list", rawRequest("GET", json, chromium, `If-None-Match: "a", `+etag), 0, ""},
		{"JSON, If-None-Match *", rawRequest("GET", json, chromium, "If-None-Match: *"), 0, ""},
		{"JSON, If-Match misses", rawRequest("GET", json, chromium, `If-Match: "nope"`), 0, ""},
		{"JSON, If-Modified-Since", rawRequest("GET", json, "If-Modified-Since: Sat, 01 Jan 2000 00:00:00 GMT"), 0, ""},
		{"JSON, Range", rawRequest("GET", json, "Range: bytes=0-9"), 0, ""},
		{"JSON, compressed Range", rawRequest("GET", json, chromium, "Range: bytes=5-"), 0, ""},
		{"JSON, Range unsatisfiable", rawRequest("GET", json, "Range: bytes=999999-"), 0, ""},
		{"JSON, If-Range misses", rawRequest("GET", json, "Range: bytes=0-9", `If-Range: "nope"`), 0, ""},
		{"JSON, nine ranges", rawRequest("GET", json, "Range: bytes=0-1,2-3,4-5,6-7,8-9,10-11,12-13,14-15,16-17"), 0, ""},
		{"JSON, two ranges", rawRequest("GET", json, "Range: bytes=0-9,20-29"), 0, ""},
		{"listing JSON", rawRequest("GET", "/articles/index.json", chromium), 0, ""},
		{"speakers JSON", rawRequest("GET", "/articles/speakers.json", chromium), 0, ""},
		{"article page", rawRequest("GET", "/article/harbour-council", chromium), 0, ""},
		{"home page", rawRequest("GET", "/"), 0, ""},
		{"embed", rawRequest("GET", "/embed/harbour-council", chromium), 0, ""},
		{"oEmbed", rawRequest("GET", "/oembed?url=http%3A%2F%2Fverbatim.test%2Farticle%2Fharbour-council"), 0, ""},
		{"healthz", rawRequest("GET", "/healthz"), 0, "volatile"},
		{"service worker", rawRequest("GET", "/app-worker.js", chromium), 0, ""},
		{"wasm_exec.js", rawRequest("GET", "/wasm_exec.js", chromium), 0, ""},
		{"web file", rawRequest("GET", "/web/verbatim.css", chromium), 0, ""},
		{"versioned web file", rawRequest("GET", "/v/"+s.Version()+"/web/verbatim.css", chromium), 0, ""},
		{"other version's web file", rawRequest("GET", "/v/0000/web/verbatim.css", chromium), 0, ""},
		{"partner script", rawRequest("GET", "/embed.js", chromium), 0, ""},
		{"worker script", rawRequest("GET", "/web/page/reader.js"), 0, ""},
		{"robots.txt", rawRequest("GET", "/robots.txt"), 0, ""},
		{"HEAD app.wasm", rawRequest("HEAD", "/app.wasm", "Accept-Encoding: br"), 0, ""},
		{"app.wasm", rawRequest("GET", "/app.wasm", "Accept-Encoding: br"), 0, ""},
		{"large asset", rawRequest("GET", "/web/big.bin"), 0, ""},
		{"large asset, Range", rawRequest("GET", "/web/big.bin", "Range: bytes=100-199"), 0, ""},
		{"HEAD large asset, Range", rawRequest("HEAD", "/web/big.bin", "Range: bytes=100-199"), 0, ""},
		{"large asset, two ranges", rawRequest("GET", "/web/big.bin", "Range: bytes=0-9,1000000-1500000"), 0, "chunked"},
		{"large asset, If-None-Match misses", rawRequest("GET", "/web/big.bin", `If-None-Match: "nope"`), 0, ""},
		{"404 article", rawRequest("GET", "/articles/nope.json"), 0, ""},
		{"404 web file", rawRequest("GET", "/web/nope.css"), 0, ""},
		{"dotfile", rawRequest("GET", "/web/.env"), 0, ""},
		{"405 POST to an asset", rawRequest("POST", json, "Content-Length: 2", "Content-Type: application/json") + "{}", 0, ""},
		{"405 PUT", rawRequest("PUT", "/web/verbatim.css", "Content-Length: 0"), 0, ""},
		{"dot-dot", rawRequest("GET", "/web/../articles/harbour-council.json"), 0, ""},
		{"escaped dot-dot", rawRequest("GET", "/web/%2e%2e/secret.txt"), 0, ""},
		{"escaped name", rawRequest("GET", "/articles/harbour%2Dcouncil.json", chromium), 0, ""},
		{"escaped slash", rawRequest("GET", "/web/icons%2Ficon.svg"), 0, ""},
		{"double slash", rawRequest("GET", "//articles/harbour-council.json"), 0, ""},
		{"symlink out of the web root", rawRequest("GET", "/web/escape.txt"), 0, ""},
		{"header over the limit", rawRequest("GET", json, "X-Big: "+strings.Repeat("a", 64<<10)), http.StatusRequestHeaderFieldsTooLarge, ""},
		{"no Host", "GET " + json + " HTTP/1.1\r\n\r\n", 0, ""},
		{"two Hosts", "GET " + json + " HTTP/1.1\r\nHost: a.test\r\nHost: b.test\r\n\r\n", 0, ""},
		{"bad Host", "GET " + json + " HTTP/1.1\r\nHost: a b\r\n\r\n", 0, ""},
		{"HTTP/1.0", "GET " + json + " HTTP/1.0\r\n\r\n", 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, gotBody := exchange(t, front, c.raw)
			if c.status != 0 {
				if got.StatusCode != c.status {
					t.Errorf("status %d, want %d", got.StatusCode, c.status)
				}
				return
			}
			want, wantBody := exchange(t, netHTTP, c.raw)
			switch c.differs {
			case "chunked":
				if len(got.TransferEncoding) == 0 || got.TransferEncoding[0] != "chunked" || want.ContentLength < 0 {
					t.Errorf("framing %v, net/http's server %v, length %d", got.TransferEncoding, want.TransferEncoding, want.ContentLength)
				}
				want.Header.Del("Content-Length")
			case "volatile":
				gotBody = wantBody
			}
			if got.StatusCode != want.StatusCode {
				t.Errorf("status %d, net/http's server %d", got.StatusCode, want.StatusCode)
			}
			g, w := wireHeader(got), wireHeader(want)
			if _, ok := w["Content-Length"]; !ok && want.Close {
				// net/http's server sends its own errors without a length, ended by the close.
				g.Del("Content-Length")
			}
			if gb, wb, ok := strings.Cut(g.Get("Content-Type"), "boundary="); ok {
				// A multipart body's boundary is random.
				_, wantBoundary, _ := strings.Cut(w.Get("Content-Type"), "boundary=")
				g.Set("Content-Type", gb+"boundary="+wantBoundary)
				gotBody = strings.ReplaceAll(gotBody, wb, wantBoundary)
			}
			if strings.HasPrefix(w.Get("Etag"), "W/") && w.Get("Content-Encoding") != "" {
				// A page is compressed fast first and better later, under the same weak ETag:
				// the two servers may send either encoding of the same page.
				gotBody, wantBody = decoded(t, g, gotBody), decoded(t, w, wantBody)
				g.Del("Content-Length")
				w.Del("Content-Length")
			}
			if !maps.EqualFunc(g, w, slices.Equal) {
				t.Errorf("headers\n%v\nnet/http's server\n%v", g, w)
			}
			if gotBody != wantBody {
				t.Errorf("body (%d bytes) differs from net/http's server's (%d bytes)", len(gotBody), len(wantBody))
			}
		})
	}
}

// TestFrontRequestStringsAreTheHandlers: what a handler keeps of a request (its path, host, query,
// header values) stays as it was after the connection's next request, which fasthttp reads into
// the same buffer.
func TestFrontRequestStringsAreTheHandlers(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{Addr: "127.0.0.1:0"})
	type kept struct{ method, path, query, host, probe, uri string }
	var got []kept
	h := s.handler
	s.handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, kept{r.Method, r.URL.Path, r.URL.RawQuery, r.Host, r.Header.Get("X-Probe"), r.RequestURI})
		h.ServeHTTP(w, r)
	})
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	c, err := net.Dial("tcp", strings.TrimPrefix(s.URL(), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(20 * time.Second))
	br := bufio.NewReader(c)
	for _, raw := range []string{
		"GET /healthz?first=1 HTTP/1.1\r\nHost: first.test\r\nX-Probe: first-value\r\n\r\n",
		"POST /zzzzzzzzzzzzzz?second=2 HTTP/1.1\r\nHost: second.test\r\nX-Probe: second-value\r\nContent-Length: 0\r\n\r\n",
	} {
		io.WriteString(c, raw)
		res, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
	want := kept{"GET", "/healthz", "first=1", "first.test", "first-value", "/healthz?first=1"}
	if len(got) != 2 || got[0] != want {
		t.Errorf("the first request's strings, after the second: %+v, want %+v", got, want)
	}
}
