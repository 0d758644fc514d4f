package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	brrr "github.com/molecule-man/go-brrr"
)

func decode(t *testing.T, enc, body string) string {
	t.Helper()
	if enc != "br" && enc != "gzip" {
		return body // identity
	}
	r, err := decoder(enc, []byte(body))
	if err != nil {
		t.Fatalf("%s: %v", enc, err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s: %v", enc, err)
	}
	return string(b)
}

func TestEncodingsAndETags(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	h := s.Handler()
	v := s.Version()
	for _, path := range []string{
		"/v/" + v + "/web/app.wasm", "/web/verbatim.css", "/app.js", "/wasm_exec.js", "/articles/index.json",
		"/articles/harbour-council.json", "/manifest.webmanifest", "/", "/article/harbour-council",
	} {
		t.Run(path, func(t *testing.T) {
			cases := []struct{ accept, want string }{
				{"br, gzip", "br"},
				{"gzip, deflate, br;q=0", "gzip"},
				{"gzip", "gzip"},
				{"", ""},
				{"identity", ""},
				{"br;q=0, gzip;q=0", ""},
				{"*", "br"},
			}
			etags := map[string]string{}
			var plain string
			for _, c := range cases {
				res, body := do(t, h, "GET", path, map[string]string{"Accept-Encoding": c.accept})
				if res.StatusCode != 200 {
					t.Fatalf("Accept-Encoding %q: status %d", c.accept, res.StatusCode)
				}
				if got := res.Header.Get("Content-Encoding"); got != c.want {
					t.Errorf("Accept-Encoding %q: Content-Encoding=%q, want %q", c.accept, got, c.want)
				}
				if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
					t.Errorf("Accept-Encoding %q: no Vary: Accept-Encoding", c.accept)
				}
				if cl := res.Header.Get("Content-Length"); cl != fmt.Sprint(len(body)) {
					t.Errorf("Accept-Encoding %q: Content-Length=%q for %d bytes", c.accept, cl, len(body))
				}
				got := decode(t, c.want, body)
				if plain == "" {
					plain = got
				} else if got != plain {
					t.Errorf("Accept-Encoding %q: decoded body differs from the identity body", c.accept)
				}
				et := res.Header.Get("ETag")
				if prev, ok := etags[c.want]; ok && prev != et {
					t.Errorf("encoding %q has two ETags: %s and %s", c.want, prev, et)
				}
				etags[c.want] = et

				// The same representation is not sent again.
				res, body = do(t, h, "GET", path, map[string]string{"Accept-Encoding": c.accept, "If-None-Match": et})
				if res.StatusCode != http.StatusNotModified || body != "" {
					t.Errorf("Accept-Encoding %q, If-None-Match %s: status %d with %d bytes, want 304 and none", c.accept, et, res.StatusCode, len(body))
				}
			}
			if len(etags) != 3 || etags["br"] == etags["gzip"] || etags["br"] == etags[""] || etags["gzip"] == etags[""] {
				t.Errorf("want three distinct ETags (identity, br, gzip), got %v", etags)
			}
			// Another representation's ETag does not validate this one.
			res, _ := do(t, h, "GET", path, map[string]string{"Accept-Encoding": "gzip", "If-None-Match": etags["br"]})
			if res.StatusCode != 200 {
				t.Errorf("gzip request with the br ETag: status %d, want 200", res.StatusCode)
			}
		})
	}
}

func TestContentTypesAndCaching(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	v := s.Version()
	cases := []struct{ path, ctype, cache string }{
		{"/v/" + v + "/web/app.wasm", "application/wasm", cacheImmutable},
		{"/v/" + v + "/web/verbatim.css", "text/css; charset=utf-8", cacheImmutable},
		{"/v/" + v + "/web/icons/icon.svg", "image/svg+xml", cacheImmutable},
		{"/v/" + v + "/web/icons/icon-192.png", "image/png", cacheImmutable},
		{"/v/stale000000000/web/verbatim.css", "text/css; charset=utf-8", cacheRevalidate},
		{"/web/app.wasm", "application/wasm", cacheRevalidate},
		{"/app.wasm", "application/wasm", cacheRevalidate},
		{"/manifest.webmanifest", "application/manifest+json", cacheRevalidate},
		{"/manifest.json", "application/manifest+json", cacheRevalidate},
		{"/app.js", "text/javascript; charset=utf-8", cacheRevalidate},
		{"/app-worker.js", "text/javascript; charset=utf-8", cacheRevalidate},
		{"/embed.js", "text/javascript; charset=utf-8", cacheRevalidate},
		{"/embed-frame.js", "text/javascript; charset=utf-8", cacheRevalidate},
		{"/app.css", "text/css; charset=utf-8", cacheRevalidate},
		{"/articles/index.json", "application/json", cacheRevalidate},
		{"/", "text/html; charset=utf-8", cacheRevalidate},
		{"/article/harbour-council", "text/html; charset=utf-8", cacheRevalidate},
		{"/robots.txt", "text/plain; charset=utf-8", cacheRevalidate},
	}
	for _, c := range cases {
		res, _ := do(t, s.Handler(), "GET", c.path, map[string]string{"Accept-Encoding": "br"})
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d", c.path, res.StatusCode)
			continue
		}
		if got := res.Header.Get("Content-Type"); got != c.ctype {
			t.Errorf("%s: Content-Type=%q, want %q", c.path, got, c.ctype)
		}
		if got := res.Header.Get("Cache-Control"); got != c.cache {
			t.Errorf("%s: Cache-Control=%q, want %q", c.path, got, c.cache)
		}
		// go-app's loader reads the decoded size of app.wasm for its progress; no other response
		// carries it.
		wasm := c.ctype == wasmType && res.Header.Get("Content-Encoding") == "br"
		if got := res.Header.Get(uncompressedLengthHeader); wasm != (got != "") {
			t.Errorf("%s (Content-Encoding %q): %s=%q", c.path, res.Header.Get("Content-Encoding"), uncompressedLengthHeader, got)
		}
	}
}

func TestPagesReferenceVersionedAssets(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	_, page := do(t, s.Handler(), "GET", "/", nil)
	for _, want := range []string{
		`href="/v/` + s.Version() + `/web/icons/icon-192.png"`,
		`url("/v/` + s.Version() + `/web/fonts/fake-400.woff2")`, // in the inline style sheet
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page does not reference %s", want)
		}
	}
	_, appJS := do(t, s.Handler(), "GET", "/app.js", nil)
	if !strings.Contains(appJS, `"/v/`+s.Version()+`/web/app.wasm"`) {
		t.Errorf("app.js does not load the versioned app.wasm")
	}
}

// TestAppJSEdits checks the server's edits of go-app's app.js: the error text when app.wasm cannot
// load, one task boundary between the instantiation and go.run, the progress written only when it
// changes, and no service worker registered (offline.js registers it, and never in a partner's
// frame).
func TestAppJSEdits(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	_, js := do(t, s.Handler(), "GET", "/app.js", nil)
	rest := js
	for _, want := range []string{"instantiateStreaming(", "await new Promise((resolve) => setTimeout(resolve, 0));", "go.run(wasm.instance);", "Reload to try again"} {
		i := strings.Index(rest, want)
		if i < 0 {
			t.Errorf("no %q after the previous step", want)
			break
		}
		rest = rest[i+len(want):]
	}
	if strings.Contains(js, showProgress) || strings.Count(js, showProgressOnce) != 1 {
		t.Errorf("app.js writes the progress as go-app does (%v), or not once as the server does (%d)", strings.Contains(js, showProgress), strings.Count(js, showProgressOnce))
	}
	if strings.Count(js, "go.run(") != 1 || strings.Contains(js, loaderError) {
		t.Errorf("%d go.run calls, bare error text %v", strings.Count(js, "go.run("), strings.Contains(js, loaderError))
	}
	if strings.Contains(js, swRegistration) || !strings.Contains(js, "\ngoappInitWebAssembly();\n") {
		t.Errorf("app.js registers the service worker (%v), or no longer starts app.wasm", strings.Contains(js, swRegistration))
	}
}

func TestVersionIsStableAndFollowsContent(t *testing.T) {
	t.Parallel()
	web := fakeWebDir(t)
	s1, _ := newTestServer(t, Config{WebDir: web})
	s2, _ := newTestServer(t, Config{WebDir: web})
	if s1.Version() != s2.Version() {
		t.Errorf("two servers on the same build have versions %s and %s", s1.Version(), s2.Version())
	}
	writeFiles(t, web, map[string]string{"app.wasm": fakeWasm + "changed"})
	s3, _ := newTestServer(t, Config{WebDir: web})
	if s3.Version() == s1.Version() {
		t.Errorf("the version did not change with app.wasm")
	}
}

func TestRanges(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	path := "/v/" + s.Version() + "/web/app.wasm"
	res, body := do(t, s.Handler(), "GET", path, map[string]string{"Range": "bytes=0-3"})
	if res.StatusCode != http.StatusPartialContent || body != "\x00asm" {
		t.Errorf("Range 0-3: status %d body %q, want 206 and the wasm magic", res.StatusCode, body)
	}
	res, body = do(t, s.Handler(), "GET", path, map[string]string{"Range": "bytes=0-1,4-5"})
	if res.StatusCode != http.StatusPartialContent || !strings.HasPrefix(res.Header.Get("Content-Type"), "multipart/byteranges") || !strings.Contains(body, "\x00a") {
		t.Errorf("two ranges: status %d type %q, want 206 multipart", res.StatusCode, res.Header.Get("Content-Type"))
	}
	res, _ = do(t, s.Handler(), "GET", path, map[string]string{"Range": fmt.Sprintf("bytes=%d-", len(fakeWasm)+10)})
	if res.StatusCode != http.StatusRequestedRangeNotSatisfiable {
		t.Errorf("range past the end: status %d, want 416", res.StatusCode)
	}

	var many []string
	for i := range 900 {
		many = append(many, fmt.Sprintf("%d-%d", i*2, i*2))
	}
	res, body = do(t, s.Handler(), "GET", path, map[string]string{"Range": "bytes=" + strings.Join(many, ",")})
	if res.StatusCode != 200 || body != fakeWasm {
		t.Errorf("900 ranges: status %d with %d bytes, want 200 and the whole body (%d)", res.StatusCode, len(body), len(fakeWasm))
	}
	// A compressed representation is ranged over its own bytes, under its own ETag.
	res, body = do(t, s.Handler(), "GET", path, map[string]string{"Range": "bytes=0-9", "Accept-Encoding": "br"})
	full, _ := do(t, s.Handler(), "GET", path, map[string]string{"Accept-Encoding": "br"})
	if res.StatusCode != http.StatusPartialContent || len(body) != 10 || res.Header.Get("Content-Encoding") != "br" || full.Header.Get("ETag") != res.Header.Get("ETag") {
		t.Errorf("br range: status %d, %d bytes, encoding %q", res.StatusCode, len(body), res.Header.Get("Content-Encoding"))
	}
}

func TestAcceptsEncoding(t *testing.T) {
	t.Parallel()
	cases := []struct {
		header, coding string
		want           bool
	}{
		{"gzip, br", "br", true},
		{"GZIP", "gzip", true},
		{"br;q=0", "br", false},
		{"br; q=0.0, *", "br", false},
		{"*;q=0.5", "gzip", true},
		{"*;q=0", "gzip", false},
		{"deflate", "gzip", false},
		{"", "br", false},
	}
	for _, c := range cases {
		if got := acceptsEncoding(c.header, c.coding); got != c.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v, want %v", c.header, c.coding, got, c.want)
		}
	}
}

func TestSmallAndIncompressibleBodiesStayIdentity(t *testing.T) {
	t.Parallel()
	a := newAsset("image/png", bytes.Repeat([]byte("x"), 5000))
	if len(a.variants) != 1 || a.compressed {
		t.Errorf("a PNG got %d variants", len(a.variants))
	}
	a = newAsset("application/json", []byte(`{"a":1}`))
	if len(a.variants) != 1 {
		t.Errorf("a 7-byte JSON got %d variants", len(a.variants))
	}
}

func TestPrecompressedSidecarsAreUsedOnlyWhenRight(t *testing.T) {
	t.Parallel()
	web := fakeWebDir(t)
	good, err := brrr.Compress([]byte(fakeWasm), 1) // not what the server would make: its bytes tell it apart
	if err != nil {
		t.Fatal(err)
	}
	var stale bytes.Buffer
	zw := gzip.NewWriter(&stale)
	zw.Write([]byte("an app.wasm from another build"))
	zw.Close()
	writeFiles(t, web, map[string]string{"app.wasm.br": string(good), "app.wasm.gz": stale.String()})
	s, _ := newTestServer(t, Config{WebDir: web})
	path := "/v/" + s.Version() + "/web/app.wasm"

	_, body := do(t, s.Handler(), "GET", path, map[string]string{"Accept-Encoding": "br"})
	if body != string(good) {
		t.Errorf("the server did not send the app.wasm.br it was given")
	}
	res, body := do(t, s.Handler(), "GET", path, map[string]string{"Accept-Encoding": "gzip"})
	if res.Header.Get("Content-Encoding") != "gzip" || decode(t, "gzip", body) != fakeWasm {
		t.Errorf("a stale app.wasm.gz was served instead of a fresh encoding")
	}
	for _, p := range []string{"/web/app.wasm.br", "/web/app.wasm.gz"} {
		if res, _ := do(t, s.Handler(), "GET", p, nil); res.StatusCode != 404 {
			t.Errorf("%s = %d, want 404: sidecars are encodings, not files", p, res.StatusCode)
		}
	}
}

// TestDecodesTo checks the check of a precompressed file against its file, which compares a chunk
// at a time: only an encoding of exactly the file's bytes passes, however the bytes fall across
// chunks.
func TestDecodesTo(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	chunk := 64 << 10
	body := make([]byte, 3*chunk+17)
	for i := range body {
		body[i] = "abcdefgh"[r.IntN(8)]
	}
	other := bytes.Clone(body)
	other[2*chunk+5] ^= 1
	br := compressBrotli(body, 1)
	for _, c := range []struct {
		name   string
		coding string
		enc    []byte
		want   []byte
		ok     bool
	}{
		{"brotli of the file", "br", br, body, true},
		{"gzip of the file", "gzip", compressGzip(body), body, true},
		{"a chunk exactly", "br", compressBrotli(body[:chunk], 1), body[:chunk], true},
		{"empty", "gzip", compressGzip(nil), nil, true},
		{"one byte differs in the third chunk", "br", br, other, false},
		{"the file is longer", "br", compressBrotli(body[:2*chunk], 1), body, false},
		{"the file is shorter", "br", br, body[:2*chunk], false},
		{"the file is a chunk shorter", "gzip", compressGzip(body[:2*chunk]), body[:chunk], false},
		{"truncated encoding", "br", br[:len(br)/2], body, false},
		{"not brotli", "br", []byte("not brotli at all"), body, false},
		{"not gzip", "gzip", []byte("not gzip at all"), body, false},
		{"unknown coding", "zstd", br, body, false},
	} {
		if got := decodesTo(c.coding, c.enc, c.want); got != c.ok {
			t.Errorf("%s: decodesTo = %v, want %v", c.name, got, c.ok)
		}
	}
}

func TestLargeAssetsAreCompressedOncePerProcess(t *testing.T) {
	t.Parallel()
	body := []byte(strings.Repeat("a large body that compresses well; ", (memoMin/35)+1))
	a1, a2 := newAsset("application/wasm", body), newAsset("application/wasm", append([]byte(nil), body...))
	if a1 != a2 {
		t.Errorf("the same large body was compressed twice")
	}
	if a3 := newAsset("text/plain; charset=utf-8", body); a3 == a1 {
		t.Errorf("a body served with another type shares the asset")
	}
}

// TestLibraryJSONIsCompressedRight builds a library whose article JSON the server compresses on
// first request at brotliFast: every article is served in brotli and gzip that decode to the
// identity body, smaller than it, each with its own ETag.
func TestLibraryJSONIsCompressedRight(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	para := strings.Repeat("The council met again and said nothing new about the ferry. ", 40)
	const n = 100
	for i := range n {
		body := fmt.Sprintf("Story %d\n\n%s\n\n%s %d", i, para, para, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%03d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, _ := newTestServer(t, Config{ContentDir: dir})
	h := s.Handler()
	for i := range n {
		path := fmt.Sprintf("/articles/s%03d.json", i)
		_, plain := do(t, h, "GET", path, nil)
		etags := map[string]bool{}
		for _, enc := range []string{"br", "gzip"} {
			res, body := do(t, h, "GET", path, map[string]string{"Accept-Encoding": enc})
			if got := res.Header.Get("Content-Encoding"); got != enc {
				t.Fatalf("%s with %s: Content-Encoding %q", path, enc, got)
			}
			if decode(t, enc, body) != plain || len(body) >= len(plain) {
				t.Fatalf("%s in %s: %d bytes that do not decode to the %d-byte body", path, enc, len(body), len(plain))
			}
			etags[res.Header.Get("ETag")] = true
		}
		if len(etags) != 2 {
			t.Errorf("%s: brotli and gzip share an ETag", path)
		}
	}
}

// TestPlainGetAnswersAsServeContent checks the fast path for requests with no precondition and no
// range against http.ServeContent's answer to the same request with a precondition that does not
// apply (an If-None-Match of another ETag): same status, headers and body, for GET and HEAD, in every
// encoding. The one difference is meant: a body of advertisedRanges or less does not advertise
// Accept-Ranges on the fast path, yet still answers a Range request with its bytes.
func TestPlainGetAnswersAsServeContent(t *testing.T) {
	t.Parallel()
	large := make([]byte, advertisedRanges+1)
	rand.NewChaCha8([32]byte{1}).Read(large)
	for _, tc := range []struct {
		name       string
		body       []byte
		advertised bool
	}{
		{"small JSON", []byte(benchJSON), false},
		{"large body", large, true},
	} {
		a := newAsset("application/json", tc.body)
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { a.serve(w, r, cacheRevalidate) })
		for _, method := range []string{"GET", "HEAD"} {
			for _, enc := range []string{"", "gzip", "br"} {
				fast, fastBody := do(t, h, method, "/x.json", map[string]string{"Accept-Encoding": enc})
				slow, slowBody := do(t, h, method, "/x.json", map[string]string{"Accept-Encoding": enc, "If-None-Match": `"another"`})
				if fast.StatusCode != 200 || slow.StatusCode != 200 {
					t.Fatalf("%s: %s %q: status %d and %d, want 200", tc.name, method, enc, fast.StatusCode, slow.StatusCode)
				}
				if fastBody != slowBody {
					t.Errorf("%s: %s %q: bodies differ (%d and %d bytes)", tc.name, method, enc, len(fastBody), len(slowBody))
				}
				for _, k := range []string{"Content-Type", "Content-Length", "Content-Encoding", "ETag", "Cache-Control", "Vary"} {
					if f, s := fast.Header.Values(k), slow.Header.Values(k); strings.Join(f, ",") != strings.Join(s, ",") {
						t.Errorf("%s: %s %q: %s is %q on the fast path, %q through ServeContent", tc.name, method, enc, k, f, s)
					}
				}
				want := ""
				if tc.advertised {
					want = "bytes"
				}
				if got := fast.Header.Get("Accept-Ranges"); got != want {
					t.Errorf("%s: %s %q: Accept-Ranges %q on the fast path, want %q", tc.name, method, enc, got, want)
				}
			}
		}
		res, body := do(t, h, "GET", "/x.json", map[string]string{"Range": "bytes=0-9"})
		if res.StatusCode != http.StatusPartialContent || body != string(tc.body[:10]) {
			t.Errorf("%s: Range 0-9: status %d body %q, want 206 and the first ten bytes", tc.name, res.StatusCode, body)
		}
	}
}

// TestStoredAssetsHashOnce: the sums the encoding store and the builds share (knownSums) give the
// same representations and ETags as an asset made on its own, whether its encodings are made and
// stored (a first start), loaded (a restart), or made again after a damaged file.
func TestStoredAssetsHashOnce(t *testing.T) {
	t.Parallel()
	body := []byte(strings.Repeat("const verbatim = 'quotes';\n", 200))
	small := []byte("tiny")
	st := newEncodingStore(t.TempDir(), "", slog.New(slog.NewTextHandler(io.Discard, nil)))
	for _, c := range []struct {
		what, contentType string
		body              []byte
		damage            bool
	}{
		{"first", "text/javascript; charset=utf-8", body, false},
		{"loaded", "text/javascript; charset=utf-8", body, false},
		{"damaged", "text/javascript; charset=utf-8", body, true},
		{"not compressible", "image/png", body, false},
		{"too small", "text/css; charset=utf-8", small, false},
	} {
		if c.damage {
			stored, _ := filepath.Glob(filepath.Join(st.dir, "*.gz"))
			for _, p := range stored {
				if err := os.WriteFile(p, []byte("damaged"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		want := buildAsset(c.contentType, c.body, nil, 0)
		got := st.asset(c.contentType, c.body, 0, &knownSums{}, func(sums *knownSums) *asset {
			return newAssetSums(c.contentType, c.body, nil, 0, sums)
		})
		if len(got.variants) != len(want.variants) {
			t.Fatalf("%s: %d representations, want %d", c.what, len(got.variants), len(want.variants))
		}
		for i, v := range got.variants {
			w := want.variants[i]
			sum := sha256.Sum256(v.body)
			if v.name != w.name || !bytes.Equal(v.body, w.body) || v.etag != w.etag || v.etag != etagFrom(&sum, etagSuffix[v.name]) {
				t.Errorf("%s: representation %q, ETag %s; want %q, %s", c.what, v.name, v.etag, w.name, w.etag)
			}
		}
	}
}
