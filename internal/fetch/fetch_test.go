package fetch

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"verbatim/article"
	"verbatim/article/model"
	"verbatim/internal/shared"
)

// stubResolver answers lookups from a table: each host has a list of answers, one per lookup, the
// last repeated. It stands in for DNS, which the tests never reach.
type stubResolver struct {
	mu      sync.Mutex
	answers map[string][][]netip.Addr
	calls   map[string]int
}

func (r *stubResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	as, ok := r.answers[strings.ToLower(host)]
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	n := r.calls[host]
	r.calls[host] = n + 1
	return as[min(n, len(as)-1)], nil
}

func resolver(m map[string][]string) *stubResolver {
	r := &stubResolver{answers: map[string][][]netip.Addr{}, calls: map[string]int{}}
	for host, seq := range m {
		for _, s := range seq {
			var as []netip.Addr
			for _, a := range strings.Split(s, ",") {
				as = append(as, netip.MustParseAddr(a))
			}
			r.answers[host] = append(r.answers[host], as)
		}
	}
	return r
}

const sampleDir = "../../server/samples"

// pageServer is the loopback page server: real pages, a redirect chain, a huge body, a slow drip, a
// binary, and redirects to internal addresses. The headers of /hop/check's requests are recorded.
type pageServer struct {
	*httptest.Server
	mu      sync.Mutex
	headers []http.Header
}

func newPageServer(t *testing.T, extra map[string][]byte) *pageServer {
	t.Helper()
	ps := &pageServer{}
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(sampleDir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	serve := func(ctype string, body []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header()["Content-Type"] = nil // no sniffing: an empty type stays empty
			if ctype != "" {
				w.Header().Set("Content-Type", ctype)
			}
			w.Write(body)
		}
	}
	redirect := func(to string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			http.SetCookie(w, &http.Cookie{Name: "session", Value: "secret", Path: "/"})
			w.Header().Set("Location", strings.ReplaceAll(to, "PORT", portOf(r)))
			w.WriteHeader(http.StatusFound)
		}
	}
	mux := http.NewServeMux()
	mux.Handle("/sample.html", serve("text/html; charset=utf-8", read("library-reopens.html")))
	mux.Handle("/sample.md", serve("text/markdown", read("harbour-council.md")))
	mux.Handle("/sample.txt", serve("text/plain; charset=utf-8", read("zakaria-peskov.txt")))
	mux.Handle("/latin1.txt", serve("text/plain; charset=iso-8859-1", []byte("Caf\xe9 reopens\n\n\xabWe are back,\xbb the owner said.\n")))
	mux.Handle("/canonical.html", serve("text/html", []byte(`<html><head><title>Canon</title><link rel="canonical" href="/news/canon?utm=no#top"></head><body><article><h1>Canon</h1><p>The council met on Monday. “We agreed,” the mayor said.</p></article></body></html>`)))
	mux.Handle("/foreign-canonical.html", serve("text/html", []byte(`<html><head><title>Other</title><link rel="canonical" href="https://elsewhere.example/news"></head><body><article><h1>Other</h1><p>The council met on Tuesday and adjourned.</p></article></body></html>`)))
	mux.Handle("/js-canonical.html", serve("text/html", []byte(`<html><head><title>Bad</title><link rel="canonical" href="javascript:alert(1)"></head><body><article><h1>Bad</h1><p>The council met on Wednesday and adjourned.</p></article></body></html>`)))
	for i := 1; i <= 6; i++ {
		mux.Handle(fmt.Sprintf("/hop/%d", i), redirect(fmt.Sprintf("/hop/%d", i+1)))
	}
	mux.Handle("/hop/7", serve("text/html", read("library-reopens.html")))
	mux.HandleFunc("/hop/check", func(w http.ResponseWriter, r *http.Request) {
		ps.mu.Lock()
		ps.headers = append(ps.headers, r.Header.Clone())
		ps.mu.Unlock()
		serve("text/plain", []byte("Checked\n\nThe headers were recorded."))(w, r)
	})
	mux.Handle("/to-check", redirect("http://pages.test:PORT/hop/check"))
	mux.Handle("/to-loopback", redirect("http://127.0.0.1:PORT/sample.html"))
	mux.Handle("/to-loopback6", redirect("http://[::1]:PORT/sample.html"))
	mux.Handle("/to-mapped", redirect("http://[::ffff:127.0.0.1]:PORT/sample.html"))
	mux.Handle("/to-metadata", redirect("http://169.254.169.254/latest/meta-data/"))
	mux.Handle("/to-private-name", redirect("http://intranet.test/"))
	mux.Handle("/to-file", redirect("file:///etc/passwd"))
	mux.Handle("/to-creds", redirect("http://user:pw@pages.test:PORT/sample.html"))
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		line := bytes.Repeat([]byte("All work and no play makes a dull article. "), 100)
		for n := 0; n < 20<<20; n += len(line) {
			if _, err := w.Write(line); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/huge-declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(20<<20))
		w.WriteHeader(http.StatusOK)
		w.Write(make([]byte, 1024))
	})
	mux.HandleFunc("/drip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for {
			if _, err := w.Write([]byte("a")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
	mux.HandleFunc("/stall", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	binary := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
	mux.Handle("/image.png", serve("image/png", binary))
	mux.Handle("/binary.bin", serve("application/octet-stream", binary))
	mux.Handle("/binary-as-html", serve("text/html", binary))
	mux.Handle("/untyped", serve("", []byte("Some text")))
	mux.Handle("/bad-charset", serve("text/plain; charset=klingon", []byte("Some text")))
	for name, body := range extra {
		mux.Handle("/"+name, serve("text/html", body))
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	ps.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(ps.Close)
	return ps
}

func portOf(r *http.Request) string {
	_, port, _ := net.SplitHostPort(r.Host)
	return port
}

func (ps *pageServer) port() string {
	_, port, _ := net.SplitHostPort(ps.Listener.Addr().String())
	return port
}

// testFetcher fetches from the page server as pages.test, the one name -fetch-allow opens.
func testFetcher(timeout time.Duration) *Fetcher {
	al, err := ParseAllow("pages.test")
	if err != nil {
		panic(err)
	}
	return New(Config{Allow: al, Timeout: timeout, Resolver: resolver(map[string][]string{
		"pages.test":    {"127.0.0.1"},
		"localhost":     {"127.0.0.1"},
		"intranet.test": {"10.0.0.7"},
		"dual.test":     {"10.0.0.7,::1"},
	})})
}

func TestFetchPages(t *testing.T) {
	t.Parallel()
	ps := newPageServer(t, nil)
	f := testFetcher(0)
	base := "http://pages.test:" + ps.port()
	cases := []struct {
		path   string
		format model.Format
		title  string // the parsed article's title
		url    string // the article's URL, relative to base
	}{
		{"/sample.html", model.FormatHTML, "After Two Years of Repairs, the Old Library Reopens Its Doors", "/sample.html"},
		{"/sample.md", model.FormatMarkdown, "", "/sample.md"},
		{"/sample.txt", model.FormatText, "", "/sample.txt"},
		{"/latin1.txt", model.FormatText, "Café reopens", "/latin1.txt"},
		{"/hop/3", model.FormatHTML, "After Two Years of Repairs, the Old Library Reopens Its Doors", "/hop/7"},
		{"/canonical.html", model.FormatHTML, "Canon", "/news/canon?utm=no"},
		{"/foreign-canonical.html", model.FormatHTML, "Other", "/foreign-canonical.html"},
		{"/js-canonical.html", model.FormatHTML, "Bad", "/js-canonical.html"},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			t.Parallel()
			a, err := f.Article(context.Background(), base+c.path+"#frag")
			if err != nil {
				t.Fatal(err)
			}
			if a.Format != c.format {
				t.Errorf("format = %q, want %q", a.Format, c.format)
			}
			if c.title != "" && a.Title != c.title {
				t.Errorf("title = %q, want %q", a.Title, c.title)
			}
			if a.URL != base+c.url {
				t.Errorf("URL = %q, want %q", a.URL, base+c.url)
			}
			if len(a.Blocks) == 0 {
				t.Error("no blocks")
			}
		})
	}
}

// TestFetchMatchesParse checks that a fetched page is the article article.Parse reads from the same
// bytes at the same address: the sample pages, and Mozilla's test pages when ../shared has them.
func TestFetchMatchesParse(t *testing.T) {
	t.Parallel()
	pages := map[string][]byte{}
	for _, name := range []string{"library-reopens.html"} {
		b, err := os.ReadFile(filepath.Join(sampleDir, name))
		if err != nil {
			t.Fatal(err)
		}
		pages["sample/"+name] = b
	}
	if tgz, ok := shared.Optional(t, "corpora/readability-test-pages.tar.gz", "the sample page only"); ok {
		for name, b := range mozillaPages(t, tgz) {
			pages[name] = b
		}
	}
	ps := newPageServer(t, pages)
	f := testFetcher(0)
	base := "http://pages.test:" + ps.port() + "/"
	names := make([]string, 0, len(pages))
	for n := range pages {
		names = append(names, n)
	}
	sort.Strings(names)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, name := range names {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			got, gotErr := f.Article(context.Background(), base+name)
			want, wantErr := article.Parse(bytes.NewReader(pages[name]), article.Options{Format: model.FormatHTML, URL: base + name})
			if (gotErr == nil) != (wantErr == nil) {
				t.Errorf("%s: fetch error %v, parse error %v", name, gotErr, wantErr)
				return
			}
			if wantErr != nil {
				if fe, ok := asError(gotErr); !ok || fe.Kind != KindArticle || !errors.Is(gotErr, errors.Unwrap(wantErr)) {
					t.Errorf("%s: fetch error %#v, want a KindArticle wrapping %v", name, gotErr, wantErr)
				}
				return
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("%s: fetched article differs from the parsed one (-parse +fetch):\n%.2000s", name, d)
			}
		}()
	}
	wg.Wait()
	t.Logf("%d pages fetched", len(names))
}

// mozillaPages reads the source.html of each of Mozilla's test pages from the tarball.
func mozillaPages(t *testing.T, tgz string) map[string][]byte {
	t.Helper()
	fh, err := os.Open(tgz)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	zr, err := gzip.NewReader(fh)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	out := map[string][]byte{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if path.Base(h.Name) != "source.html" {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		out["mozilla/"+path.Base(path.Dir(h.Name))+".html"] = b
	}
	if len(out) == 0 {
		t.Fatalf("%s holds no test pages", tgz)
	}
	return out
}

func TestFetchRefusals(t *testing.T) {
	t.Parallel()
	ps := newPageServer(t, nil)
	// The drip and the stall meet a 1 s deadline; the rest the default one, which a 10 MiB read under
	// the race detector on a busy machine needs.
	f, short := testFetcher(0), testFetcher(time.Second)
	port := ps.port()
	base := "http://pages.test:" + port
	cases := []struct {
		url  string
		kind Kind
		msg  string // the whole one-line message (its start when it ends in …); PORT is the page server's port
	}{
		{"", KindURL, "give the address of a page, such as https://example.com/news/1"},
		{"ftp://pages.test/a.txt", KindURL, `"ftp://pages.test/a.txt" is not an http or https address; Verbatim fetches web pages only`},
		{"file:///etc/passwd", KindURL, `"file:///etc/passwd" is not an http or https address; Verbatim fetches web pages only`},
		{"javascript:alert(1)", KindURL, `"javascript:alert(1)" is not an http or https address; Verbatim fetches web pages only`},
		{"pages.test/sample.html", KindURL, `"pages.test/sample.html" is not an http or https address; Verbatim fetches web pages only`},
		{"http://", KindURL, `"http:" names no host; give one such as https://example.com/news/1`},
		{"http://%zz", KindURL, `"http://%zz" is not a valid address: give one such as https://example.com/news/1`},
		{"http://user:pw@pages.test:PORT/sample.html", KindURL, "the address carries a user name or password, which Verbatim never sends; remove them"},
		{"http://127.0.0.1:PORT/sample.html", KindRefused, "127.0.0.1 is a loopback address, which Verbatim does not fetch from"},
		{"http://[::1]:PORT/sample.html", KindRefused, "::1 is a loopback address, which Verbatim does not fetch from"},
		{"http://[::ffff:127.0.0.1]:PORT/", KindRefused, "::ffff:127.0.0.1 is a loopback address, which Verbatim does not fetch from"},
		{"http://localhost:PORT/sample.html", KindRefused, "localhost resolves to 127.0.0.1, a loopback address, which Verbatim does not fetch from"},
		{"http://169.254.169.254/latest/meta-data/", KindRefused, "169.254.169.254 is the cloud metadata address, which Verbatim does not fetch from"},
		{"http://[fd00:ec2::254]/", KindRefused, "fd00:ec2::254 is a private address, which Verbatim does not fetch from"},
		{"http://100.64.0.1/", KindRefused, "100.64.0.1 is a reserved or internal address (100.64.0.0/10), which Verbatim does not fetch from"},
		{"http://224.0.0.1/", KindRefused, "224.0.0.1 is a multicast address, which Verbatim does not fetch from"},
		{"http://0.0.0.0:PORT/", KindRefused, "0.0.0.0 is an unspecified address, which Verbatim does not fetch from"},
		{"http://[fe80::1]/", KindRefused, "fe80::1 is a link-local address, which Verbatim does not fetch from"},
		{"http://intranet.test/", KindRefused, "intranet.test resolves to 10.0.0.7, a private address, which Verbatim does not fetch from"},
		{"http://dual.test:PORT/", KindRefused, "dual.test resolves to 10.0.0.7, a private address, which Verbatim does not fetch from"},
		{"http://nowhere.test/", KindUpstream, "nowhere.test could not be found (no such host); check the address"},
		{base + "/to-loopback", KindRefused, "127.0.0.1 is a loopback address, which Verbatim does not fetch from"},
		{base + "/to-loopback6", KindRefused, "::1 is a loopback address, which Verbatim does not fetch from"},
		{base + "/to-mapped", KindRefused, "::ffff:127.0.0.1 is a loopback address, which Verbatim does not fetch from"},
		{base + "/to-metadata", KindRefused, "169.254.169.254 is the cloud metadata address, which Verbatim does not fetch from"},
		{base + "/to-private-name", KindRefused, "intranet.test resolves to 10.0.0.7, a private address, which Verbatim does not fetch from"},
		{base + "/to-file", KindURL, `the page redirected to a forbidden address: "file:///etc/passwd" is not an http or https address; Verbatim fetches web pages only`},
		{base + "/to-creds", KindURL, "the page redirected to a forbidden address: the address carries a user name or password, which Verbatim never sends; remove them"},
		{base + "/hop/1", KindUpstream, "the page redirected more than 5 times; open it in the browser and give the final address"},
		{base + "/huge", KindTooLarge, "the page is too large: more than 10.0 MiB, the limit is 10 MiB"},
		{base + "/huge-declared", KindTooLarge, "the page is too large: 20.0 MiB, the limit is 10 MiB"},
		{base + "/drip", KindTimeout, "pages.test:PORT did not send the page within 1s, so Verbatim stopped"},
		{base + "/stall", KindTimeout, "pages.test:PORT did not send the page within 1s, so Verbatim stopped"},
		{base + "/image.png", KindType, "the page is image/png, not a web page or text; Verbatim reads HTML, plain text and Markdown"},
		{base + "/binary.bin", KindType, "the page is application/octet-stream, not a web page or text; Verbatim reads HTML, plain text and Markdown"},
		{base + "/binary-as-html", KindArticle, "the page was fetched, but " + model.ErrBinary.Error() + "…"},
		{base + "/untyped", KindType, "the page did not say what it is (no Content-Type); Verbatim reads HTML, plain text and Markdown"},
		{base + "/bad-charset", KindType, `the page's charset "klingon" is not one Verbatim knows`},
		{base + "/missing", KindUpstream, "pages.test:PORT answered 404 Not Found, not the page"},
	}
	for _, c := range cases {
		t.Run(c.url, func(t *testing.T) {
			t.Parallel()
			fetcher := f
			if c.kind == KindTimeout {
				fetcher = short
			}
			_, err := fetcher.Article(context.Background(), strings.ReplaceAll(c.url, "PORT", port))
			fe, ok := asError(err)
			if !ok {
				t.Fatalf("err = %v (%T), want a *fetch.Error", err, err)
			}
			want := strings.ReplaceAll(c.msg, "PORT", port)
			match := fe.Msg == want
			if prefix, ok := strings.CutSuffix(want, "…"); ok {
				match = strings.HasPrefix(fe.Msg, prefix)
			}
			if fe.Kind != c.kind || !match {
				t.Errorf("err = %d %q\n  want %d %q", fe.Kind, fe.Msg, c.kind, want)
			}
			if strings.Contains(fe.Msg, "\n") {
				t.Errorf("message spans lines: %q", fe.Msg)
			}
		})
	}
}

func TestFetchSendsNoCookiesAndNamesVerbatim(t *testing.T) {
	t.Parallel()
	ps := newPageServer(t, nil)
	f := testFetcher(0)
	if _, err := f.Fetch(context.Background(), "http://pages.test:"+ps.port()+"/to-check"); err != nil {
		t.Fatal(err)
	}
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if len(ps.headers) != 1 {
		t.Fatalf("the checked page was requested %d times, want 1", len(ps.headers))
	}
	h := ps.headers[0]
	if !strings.HasPrefix(h.Get("User-Agent"), "Verbatim/") {
		t.Errorf("User-Agent = %q, want one naming Verbatim", h.Get("User-Agent"))
	}
	for _, name := range []string{"Cookie", "Authorization", "Referer"} {
		if v := h.Get(name); v != "" {
			t.Errorf("the redirected request sent %s: %q", name, v)
		}
	}
}

// TestFetchDNSRebinding: rebind.test resolves to an allowed address the first time and to loopback
// the second. The first request's redirect back to rebind.test dials again, resolves again, and is
// refused on the address it would have dialled; nothing reaches 127.0.0.1.
func TestFetchDNSRebinding(t *testing.T) {
	t.Parallel()
	var first, second atomic.Int64
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Fatal(err)
	}
	allowed := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		first.Add(1)
		http.Redirect(w, r, "/again", http.StatusFound)
	}))
	allowed.Listener = ln
	allowed.Start()
	t.Cleanup(allowed.Close)
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	ln2, err := net.Listen("tcp", "127.0.0.1:"+port)
	if err != nil {
		t.Fatal(err)
	}
	internal := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		second.Add(1)
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Internal secret\n\nNever to be fetched."))
	}))
	internal.Listener = ln2
	internal.Start()
	t.Cleanup(internal.Close)

	al, err := ParseAllow("127.0.0.2")
	if err != nil {
		t.Fatal(err)
	}
	res := resolver(map[string][]string{"rebind.test": {"127.0.0.2", "127.0.0.1"}})
	f := New(Config{Allow: al, Resolver: res})
	_, err = f.Fetch(context.Background(), "http://rebind.test:"+port+"/")
	fe, ok := asError(err)
	want := "rebind.test resolves to 127.0.0.1, a loopback address, which Verbatim does not fetch from"
	if !ok || fe.Kind != KindRefused || fe.Msg != want {
		t.Fatalf("err = %v, want the refusal %q", err, want)
	}
	if first.Load() != 1 || second.Load() != 0 {
		t.Errorf("the allowed server got %d requests and the internal one %d; want 1 and 0", first.Load(), second.Load())
	}
	if res.calls["rebind.test"] != 2 {
		t.Errorf("rebind.test was resolved %d times, want 2 (once per connection)", res.calls["rebind.test"])
	}
}
