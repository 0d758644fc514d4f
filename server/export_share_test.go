package server

import (
	"context"
	"image"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"verbatim/article"
	"verbatim/article/model"
)

// TestExportShareLinks exports cardServer's library (an article with quotes, one with none) and reads
// it as a preview crawler reads a static site: every quote's share page is the page the server sends
// for it, byte for byte, and its og:image, and the og:image of each article page, name a card of the
// export that is the card the server draws there, a 1200×630 PNG. The article with no quote has its
// title card and no share page; no square card is written (no page names one).
func TestExportShareLinks(t *testing.T) {
	t.Parallel()
	s := cardServer(t)
	dir := t.TempDir()
	if _, err := s.Export(context.Background(), dir, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	const base = "https://verbatim.example"
	read := func(urlPath string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(exportFile(urlPath))))
		if err != nil {
			t.Fatalf("the export has no file for %s: %v", urlPath, err)
		}
		return string(b)
	}
	// checkCard checks that the export holds the card at image (an absolute URL) as the server draws it.
	checkCard := func(page, imageURL string) {
		t.Helper()
		p, ok := strings.CutPrefix(imageURL, base+"/card/")
		if !ok {
			t.Errorf("%s: og:image %q is not a card of the site", page, imageURL)
			return
		}
		p = "/card/" + p
		got := read(p)
		res, sent := do(t, s.Handler(), "GET", p, nil)
		if res.StatusCode != 200 || got != sent {
			t.Errorf("%s: the exported %s is not the card the server sends (%d)", page, p, res.StatusCode)
		}
		img, err := png.Decode(strings.NewReader(got))
		if err != nil || img.Bounds().Size() != image.Pt(1200, 630) {
			t.Errorf("%s: %s: %v, %v", page, p, err, img)
		}
	}
	a, err := s.lib.Get(t.Context(), "ferry")
	if err != nil || len(a.Quotes) < 3 {
		t.Fatalf("the test article: %v, %d quotes", err, len(a.Quotes))
	}
	for _, q := range a.Quotes {
		self, ok := model.SharePath(a.ID, q.ID)
		if !ok {
			t.Fatalf("%s has no share link", q.ID)
		}
		got := read(self)
		res, sent := do(t, s.Handler(), "GET", self, map[string]string{"Accept-Encoding": "br, gzip"})
		if res.StatusCode != 200 || got != sent {
			t.Errorf("the exported %s is not the page the server sends (%d)", self, res.StatusCode)
		}
		meta := metaOf(t, got)
		if want := "0; url=" + model.ArticlePath(a.ID) + "#" + model.QuoteFragment(q.ID); meta["refresh"] != want {
			t.Errorf("%s: refresh %q, want %q", self, meta["refresh"], want)
		}
		checkCard(self, meta["og:image"])
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(exportFile(self)+".gz"))); err == nil || res.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s has a compressed form, which the server never sends", self)
		}
	}
	for _, id := range []string{"ferry", "plain"} {
		page := model.ArticlePath(model.ArticleID(id))
		checkCard(page, metaOf(t, read(page))["og:image"])
	}
	if got := metaOf(t, read("/article/plain"))["og:image"]; got != base+"/card/plain/title.png" {
		t.Errorf("/article/plain: og:image %q, want its title card", got)
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if strings.HasSuffix(rel, "-square.png") || rel == "article/plain" {
			t.Errorf("the export has %s", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestExportShareIncremental edits an article's quotes and deletes an article between exports: a
// quote whose text changed has its share page and card written again, an unchanged quote's are
// left alone (bytes and mtime), a quote the article no longer has loses its share page and card,
// and -prune removes a deleted article's share pages, cards and their folders.
func TestExportShareIncremental(t *testing.T) {
	// Not parallel: go-app prerenders from one library per process (prerenderLibraries), which
	// renders / from the newest server's listing, so another test's server started between two
	// exports would change index.html and fail the comparison of the two.
	content, web := t.TempDir(), fakeWebDir(t)
	dir := filepath.Join(t.TempDir(), "site")
	ferry := "The ferry stays\n\n“We keep the ferry, whatever the council's budget says about it,” said Anna Voss, the mayor of the island.\n\n" +
		"“It is a lifeline and we keep it,” Voss said.\n\n“Nobody asked us,” said Ana Ribeiro, a councillor."
	writeFiles(t, content, map[string]string{
		"ferry.txt":  ferry,
		"bridge.txt": "The bridge opens\n\n“It opens on Monday, a year late,” said Ben Okafor, the engineer.",
	})
	export := func(opt ExportOptions) ExportReport {
		t.Helper()
		return exportOnce(t, content, web, dir, article.Parse, opt)
	}
	export(ExportOptions{})
	first := exportSnapshot(t, dir)
	for _, name := range []string{"article/ferry/q/1.html", "article/ferry/q/2.html", "article/ferry/q/3.html", "card/ferry/q1.png", "card/ferry/q2.png", "card/ferry/q3.png", "article/bridge/q/1.html", "card/bridge/q1.png"} {
		if _, ok := first[name]; !ok {
			t.Fatalf("the first export lacks %s", name)
		}
	}
	checkManifest(t, dir)

	// The first quote reworded, the third gone.
	edited := strings.Replace(ferry, "whatever the council's budget", "whatever the budget", 1)
	edited = edited[:strings.LastIndex(edited, "\n\n")]
	writeFiles(t, content, map[string]string{"ferry.txt": edited})
	if rep := export(ExportOptions{}); rep.Rendered != 1 {
		t.Errorf("export after an edit: %+v", rep)
	}
	second := exportSnapshot(t, dir)
	changed := changedFiles(t, first, second) // fails for a file written again with the same bytes
	for _, name := range []string{"article/ferry/q/1.html", "card/ferry/q1.png"} {
		if !slices.Contains(changed, name) {
			t.Errorf("the reworded quote's %s was not written again (changed: %q)", name, changed)
		}
	}
	for _, name := range changed {
		if id, ok := articleOfFile(name); ok && id == "bridge" {
			t.Errorf("export after an edit of ferry rewrote %s", name)
		}
	}
	if second["article/ferry/q/2.html"].sum != first["article/ferry/q/2.html"].sum {
		t.Errorf("the unchanged quote's share page changed")
	}
	for _, name := range []string{"article/ferry/q/3.html", "card/ferry/q3.png"} {
		if _, ok := second[name]; ok {
			t.Errorf("the removed quote's %s is still there", name)
		}
	}
	checkManifest(t, dir)

	// The bridge deleted: its files stay until -prune, which removes them and their folders.
	if err := os.Remove(filepath.Join(content, "bridge.txt")); err != nil {
		t.Fatal(err)
	}
	export(ExportOptions{})
	if _, err := os.Stat(filepath.Join(dir, "article/bridge/q/1.html")); err != nil {
		t.Errorf("without -prune, the deleted article's share page went: %v", err)
	}
	rep := export(ExportOptions{Prune: true})
	if rep.Removed == 0 || len(rep.Unknown) != 0 {
		t.Errorf("export with -prune: %+v", rep)
	}
	for _, name := range []string{"article/bridge", "card/bridge", "article/bridge.html"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("-prune left %s", name)
		}
	}
	for name := range exportSnapshot(t, dir) {
		if id, ok := articleOfFile(name); ok && id == "bridge" {
			t.Errorf("-prune left %s", name)
		}
	}
	checkManifest(t, dir)
}

// TestArticleOfFile names the article of each kind of per-article file, share pages included, and
// no article for other files, so that -prune and the unknown-file report treat them right.
func TestArticleOfFile(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		want model.ArticleID
	}{
		{"article/ferry.html", "ferry"},
		{"article/ferry.html.br", "ferry"},
		{"embed/ferry.html.gz", "ferry"},
		{"articles/ferry.json", "ferry"},
		{"oembed/ferry.json", "ferry"},
		{"article/ferry/q/2.html", "ferry"},
		{"article/ferry/q/12.html.br", "ferry"},
		{"card/ferry/q2.png", "ferry"},
		{"card/ferry/title.png", "ferry"},
		{"article/ferry/q/0.html", ""},
		{"article/ferry/q/2", ""},
		{"article/ferry/x/2.html", ""},
		{"card/ferry/q2.jpg", ""},
		{"index.html", ""},
	} {
		got, ok := articleOfFile(tc.name)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("articleOfFile(%q) = %q, %v, want %q", tc.name, got, ok, tc.want)
		}
	}
}
