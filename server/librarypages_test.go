package server

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// datedLibrary writes a content folder of n articles, article-00000 the oldest, each published a day
// after the one before, and returns it with the ids in library order (newest first).
func datedLibrary(t testing.TB, n int) (dir string, ids []string) {
	t.Helper()
	dir = t.TempDir()
	for i := range n {
		id := fmt.Sprintf("article-%05d", i)
		published := time.Date(2000, 1, 1, 9, 0, 0, 0, time.UTC).AddDate(0, 0, i).Format(time.RFC3339)
		body := fmt.Sprintf("Article %d\n\nPublished: %s\n\nThe body of article %d.", i, published, i)
		if err := os.WriteFile(filepath.Join(dir, id+".txt"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	slices.Reverse(ids)
	return dir, ids
}

// libraryView is what a prerendered library page shows: its title, its cards' ids, its pagination
// links (rel to href) and text, the head's rel links, and whether it has the script-only button.
type libraryView struct {
	title      string
	cards      []string
	navLinks   map[string]string
	navText    string
	count      string
	headLinks  map[string]string
	moreButton bool
}

// viewLibrary parses a prerendered library page.
func viewLibrary(t *testing.T, page string) libraryView {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	v := libraryView{navLinks: map[string]string{}, headLinks: map[string]string{}}
	for n := range elements(doc) {
		switch {
		case n.DataAtom == atom.Title:
			v.title = text(n)
		case n.DataAtom == atom.Li && attr(n.Parent, "id") == "samples":
			v.cards = append(v.cards, attr(n, "data-article-id"))
		case n.DataAtom == atom.Nav && attr(n, "aria-label") == "Library pages":
			v.navText = text(n)
			for a := range elements(n) {
				if a.DataAtom == atom.A {
					v.navLinks[attr(a, "rel")] = attr(a, "href")
				}
			}
		case n.DataAtom == atom.P && hasClass(n, "library-count"):
			v.count = text(n)
		case n.DataAtom == atom.Link && (attr(n, "rel") == "prev" || attr(n, "rel") == "next"):
			v.headLinks[attr(n, "rel")] = attr(n, "href")
		case n.DataAtom == atom.Button && attr(n, "id") == "load-more":
			v.moreButton = true
		}
	}
	return v
}

// text is the text content of n, its text nodes joined by spaces.
func text(n *html.Node) string {
	var words []string
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			words = append(words, strings.Fields(d.Data)...)
		}
	}
	return strings.Join(words, " ")
}

func hasClass(n *html.Node, class string) bool {
	return slices.Contains(strings.Fields(attr(n, "class")), class)
}

// TestLibraryPagesArePrerendered pages through a library of 105 articles as a browser with no script
// would: each page lists its 50 articles (5 on the last) in library order, its pagination links and
// the head's rel links go to the pages around it, its title names its number, and it has no button
// that only app.wasm could run. It is not parallel: the prerender lists the newest server's library.
func TestLibraryPagesArePrerendered(t *testing.T) {
	dir, ids := datedLibrary(t, 105)
	const base = "https://news.example"
	s, _ := newTestServer(t, Config{ContentDir: dir, BaseURL: base})
	cases := []struct {
		path, title, navText string
		cards                []string
		nav, head            map[string]string
	}{
		{"/", "Library — Verbatim", "Page 1 of 3 Older articles", ids[:50],
			map[string]string{"next": "/library/2"}, map[string]string{"next": base + "/library/2"}},
		{"/library/2", "Library, page 2 of 3 — Verbatim", "Newer articles Page 2 of 3 Older articles", ids[50:100],
			map[string]string{"prev": "/", "next": "/library/3"}, map[string]string{"prev": base + "/", "next": base + "/library/3"}},
		{"/library/3", "Library, page 3 of 3 — Verbatim", "Newer articles Page 3 of 3", ids[100:],
			map[string]string{"prev": "/library/2"}, map[string]string{"prev": base + "/library/2"}},
	}
	for _, c := range cases {
		res, page := do(t, s.Handler(), "GET", c.path, nil)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s = %d", c.path, res.StatusCode)
		}
		v := viewLibrary(t, page)
		if v.title != c.title {
			t.Errorf("%s: title %q, want %q", c.path, v.title, c.title)
		}
		if !slices.Equal(v.cards, c.cards) {
			t.Errorf("%s: cards\n%v\nwant\n%v", c.path, v.cards, c.cards)
		}
		if v.navText != c.navText {
			t.Errorf("%s: pagination reads %q, want %q", c.path, v.navText, c.navText)
		}
		if fmt.Sprint(v.navLinks) != fmt.Sprint(c.nav) {
			t.Errorf("%s: pagination links %v, want %v", c.path, v.navLinks, c.nav)
		}
		if fmt.Sprint(v.headLinks) != fmt.Sprint(c.head) {
			t.Errorf("%s: head links %v, want %v", c.path, v.headLinks, c.head)
		}
		if !strings.HasPrefix(v.count, "105 articles") {
			t.Errorf("%s: the count reads %q, want 105 articles first", c.path, v.count)
		}
		if v.moreButton {
			t.Errorf("%s: the prerendered page has the Show more button, which needs app.wasm", c.path)
		}
	}
}

// TestLibraryPageAddresses checks the answers to addresses that are no library page: 404 as for any
// unknown path, and a permanent redirect from /library/1 to /, where page 1 lives.
func TestLibraryPageAddresses(t *testing.T) {
	dir, _ := datedLibrary(t, 105)
	s, _ := newTestServer(t, Config{ContentDir: dir})
	for _, p := range []string{"/library/0", "/library/4", "/library/999999", "/library/999999999", "/library/9999999999",
		"/library/abc", "/library/02", "/library/-2", "/library/2.5", "/library/", "/library", "/library/2/", "/library/2/x"} {
		for _, method := range []string{"GET", "HEAD"} {
			if res, _ := do(t, s.Handler(), method, p, nil); res.StatusCode != http.StatusNotFound {
				t.Errorf("%s %s = %d, want 404", method, p, res.StatusCode)
			}
		}
	}
	res, _ := do(t, s.Handler(), "GET", "/library/1", nil)
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/" {
		t.Errorf("GET /library/1 = %d to %q, want 301 to /", res.StatusCode, res.Header.Get("Location"))
	}
	// A library of one page has no /library/2.
	small, _ := newTestServer(t, Config{})
	if res, _ := do(t, small.Handler(), "GET", "/library/2", nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("GET /library/2 on the samples = %d, want 404", res.StatusCode)
	}
}

// TestExportWritesLibraryPages exports a library of three pages: library/2.html and library/3.html
// are the pages the server sends, and no file stands for a page the server answers 404 or redirects.
// checkExported checks that the export in out has the file of each path, with what the server sends.
func checkExported(t *testing.T, s *Server, out string, paths ...string) {
	t.Helper()
	for _, p := range paths {
		file, err := os.ReadFile(filepath.Join(out, exportFile(p)))
		if err != nil {
			t.Errorf("export lacks %s: %v", p, err)
			continue
		}
		if _, sent := do(t, s.Handler(), "GET", p, nil); string(file) != sent {
			t.Errorf("the exported %s is not what the server sends", p)
		}
	}
}

func TestExportWritesLibraryPages(t *testing.T) {
	dir, _ := datedLibrary(t, 105)
	s, _ := newTestServer(t, Config{ContentDir: dir, BaseURL: "https://news.example"})
	out := t.TempDir()
	if _, err := s.Export(context.Background(), out, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	checkExported(t, s, out, "/library/2", "/library/3")
	for _, name := range []string{"library/1.html", "library/4.html", "library.html"} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			t.Errorf("export has %s", name)
		}
	}
}
