package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"verbatim/app"
	"verbatim/article/model"
)

// pageSite is a loopback site serving the sample page, a picture and a redirect to the metadata
// address, for the fetch endpoint's tests.
func pageSite(t *testing.T) *httptest.Server {
	t.Helper()
	page, err := os.ReadFile("samples/library-reopens.html")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/news/library", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/photo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	})
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts
}

// postFetch posts body to /api/fetch with the given headers (Content-Type application/json unless
// given) and returns the response and its body.
func postFetch(t *testing.T, h http.Handler, body string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, app.FetchPath, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result(), rec.Body.String()
}

func jsonURL(u string) string {
	b, _ := json.Marshal(map[string]string{"url": u})
	return string(b)
}

func TestFetchAPI(t *testing.T) {
	t.Parallel()
	site := pageSite(t)
	s, _ := newTestServer(t, Config{Fetch: true, FetchAllow: "127.0.0.1", fetchEvery: time.Hour, fetchBurst: 1000})
	h := s.Handler()

	res, body := postFetch(t, h, jsonURL(site.URL+"/news/library"), nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d, body %s", res.StatusCode, body)
	}
	var a model.Article
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatalf("not an Article: %v", err)
	}
	if a.Title != "After Two Years of Repairs, the Old Library Reopens Its Doors" || a.URL != site.URL+"/news/library" || len(a.Quotes) == 0 {
		t.Errorf("article = %q at %q with %d quotes", a.Title, a.URL, len(a.Quotes))
	}
	for name, want := range map[string]string{"Content-Type": "application/json", "Cache-Control": "no-store",
		"Cross-Origin-Resource-Policy": "same-origin", "X-Content-Type-Options": "nosniff"} {
		if got := res.Header.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}

	cases := []struct {
		name   string
		body   string
		header map[string]string
		status int
		msg    string
	}{
		{"a picture", jsonURL(site.URL + "/photo.png"), nil, http.StatusUnsupportedMediaType,
			"the page is image/png, not a web page or text; Verbatim reads HTML, plain text and Markdown"},
		{"a redirect to the metadata address", jsonURL(site.URL + "/metadata"), nil, http.StatusForbidden,
			"169.254.169.254 is the cloud metadata address, which Verbatim does not fetch from"},
		{"a private address", jsonURL("http://10.0.0.1/"), nil, http.StatusForbidden,
			"10.0.0.1 is a private address, which Verbatim does not fetch from"},
		{"a missing page", jsonURL(site.URL + "/nope"), nil, http.StatusBadGateway,
			strings.TrimPrefix(site.URL, "http://") + " answered 404 Not Found, not the page"},
		{"a file URL", jsonURL("file:///etc/passwd"), nil, http.StatusBadRequest,
			`"file:///etc/passwd" is not an http or https address; Verbatim fetches web pages only`},
		{"not JSON", "url=http://x", nil, http.StatusBadRequest, `send {"url": "…"}, a JSON object of at most 8 KiB`},
		{"a huge request", jsonURL("http://example.com/" + strings.Repeat("a", 9<<10)), nil, http.StatusBadRequest,
			`send {"url": "…"}, a JSON object of at most 8 KiB`},
		{"a form post", jsonURL(site.URL), map[string]string{"Content-Type": "application/x-www-form-urlencoded"},
			http.StatusUnsupportedMediaType, `send {"url": "…"} as application/json`},
		{"another site's page", jsonURL(site.URL), map[string]string{"Sec-Fetch-Site": "cross-site"},
			http.StatusForbidden, "only Verbatim's own pages may ask this server to fetch a link"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			res, body := postFetch(t, h, c.body, c.header)
			var e struct{ Error string }
			if err := json.Unmarshal([]byte(body), &e); err != nil {
				t.Fatalf("body %q is not {error}: %v", body, err)
			}
			if res.StatusCode != c.status || e.Error != c.msg {
				t.Errorf("got %d %q\n  want %d %q", res.StatusCode, e.Error, c.status, c.msg)
			}
		})
	}
}

func TestFetchAPIRateLimit(t *testing.T) {
	t.Parallel()
	site := pageSite(t)
	s, _ := newTestServer(t, Config{Fetch: true, FetchAllow: "127.0.0.1", fetchEvery: time.Hour, fetchBurst: 2})
	h := s.Handler()
	for i := range 2 {
		if res, body := postFetch(t, h, jsonURL(site.URL+"/news/library"), nil); res.StatusCode != http.StatusOK {
			t.Fatalf("fetch %d: status %d %s", i+1, res.StatusCode, body)
		}
	}
	res, body := postFetch(t, h, jsonURL(site.URL+"/news/library"), nil)
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") != "3600" {
		t.Fatalf("third fetch: %d, Retry-After %q, want 429 and 3600", res.StatusCode, res.Header.Get("Retry-After"))
	}
	if want := `{"error":"too many links fetched from your address: try again in 3600 seconds"}`; body != want {
		t.Errorf("body = %s, want %s", body, want)
	}
	// Another client has its own bucket.
	req := httptest.NewRequest(http.MethodPost, app.FetchPath, strings.NewReader(jsonURL(site.URL+"/news/library")))
	req.Header.Set("Content-Type", "application/json")
	req.RemoteAddr = "[2001:db8::1]:5555"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Errorf("another client: status %d %s", rec.Code, rec.Body.String())
	}
}

// TestFetchOff: without -fetch, the endpoint says so, the pages carry no fetch meta, and POST goes
// nowhere else.
func TestFetchOff(t *testing.T) {
	t.Parallel()
	off, _ := newTestServer(t, Config{})
	on, _ := newTestServer(t, Config{Fetch: true})
	res, body := postFetch(t, off.Handler(), jsonURL("https://example.com/"), nil)
	if res.StatusCode != http.StatusNotFound || !strings.Contains(body, "does not fetch links") {
		t.Errorf("without -fetch: %d %s", res.StatusCode, body)
	}
	if res, _ := do(t, on.Handler(), http.MethodPost, "/import", nil); res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /import: %d, want 405", res.StatusCode)
	}
	meta := `<meta name="` + app.FetchMeta + `" content="` + app.FetchPath + `"/>`
	for _, path := range []string{"/import", "/"} {
		_, page := do(t, on.Handler(), http.MethodGet, path, nil)
		if !strings.Contains(page, meta) {
			t.Errorf("%s with -fetch lacks %s", path, meta)
		}
		_, page = do(t, off.Handler(), http.MethodGet, path, nil)
		if strings.Contains(page, app.FetchMeta) {
			t.Errorf("%s without -fetch names %s", path, app.FetchMeta)
		}
	}
	if _, page := do(t, on.Handler(), http.MethodGet, "/embed/"+string(on.lib.snap.Load().order[0].ID), nil); strings.Contains(page, app.FetchMeta) {
		t.Error("an embed, which boots no app.wasm, names the fetch endpoint")
	}
}

// TestFetchConfig: a bad allow list, or one without -fetch, is refused at start with a clear error.
func TestFetchConfig(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		cfg  Config
		want string
	}{
		{Config{Fetch: true, FetchAllow: "10.0.0.0/99"}, `fetch allow list: "10.0.0.0/99" is neither a host name, an IP address nor a CIDR range (10.0.0.0/8)`},
		{Config{FetchAllow: "127.0.0.1"}, `-fetch-allow "127.0.0.1" opens addresses to fetches, but fetching is off: add -fetch, or drop -fetch-allow`},
	} {
		c.cfg.WebDir, c.cfg.Logger = fakeWebDir(t), newTestLogger(io.Discard)
		c.cfg.parse = stubParse
		if _, err := NewServer(c.cfg); err == nil || err.Error() != c.want {
			t.Errorf("NewServer(%+v) = %v, want %q", c.cfg, err, c.want)
		}
	}
}

// TestBookmarkletImportKeepsOpener: the import page the bookmarklet opens is served without
// Cross-Origin-Opener-Policy, which would cut it from the page that opened it, and so is the page of
// an article the library has (public text: COOP would cost a phone a renderer process, headers.go);
// every other page keeps it, /import with another query and an article the server lacks too.
func TestBookmarkletImportKeepsOpener(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	for path, coop := range map[string]string{
		app.BookmarkletImport:             "",
		"/import":                         "same-origin",
		"/import?from=bookmarklet&x=1":    "same-origin",
		"/import?text=from%3Dbookmarklet": "same-origin",
		"/":                               "same-origin",
		"/article/harbour-council":        "",
		"/article/nope":                   "same-origin",
		"/speakers":                       "same-origin",
	} {
		res, _ := do(t, s.Handler(), http.MethodGet, path, nil)
		if got := res.Header.Get("Cross-Origin-Opener-Policy"); got != coop {
			t.Errorf("%s: Cross-Origin-Opener-Policy %q, want %q", path, got, coop)
		}
		if res.Header.Get("Content-Security-Policy") == "" || res.Header.Get("X-Frame-Options") == "" {
			t.Errorf("%s lost its CSP or X-Frame-Options", path)
		}
	}
}
