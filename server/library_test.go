package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"verbatim/app"
	"verbatim/article"
	"verbatim/article/model"
	"verbatim/internal/testlog"
)

func TestContentDirBadFileIsLoggedAndSkipped(t *testing.T) {
	t.Parallel()
	s, logs := newTestServer(t, Config{ContentDir: fakeContentDir(t)})
	lines := logs.Lines("skipping content file", "broken.html", "the parser refused this test file")
	if len(lines) != 1 {
		t.Errorf("want one log line naming broken.html and the reason, got %q\nlog:\n%s", lines, logs)
	}
	if !strings.Contains(lines[0], "level=WARN") {
		t.Errorf("log line %q is not a warning", lines[0])
	}
	res, body := do(t, s.Handler(), "GET", "/articles/index.json", nil)
	if res.StatusCode != 200 {
		t.Fatalf("index: status %d", res.StatusCode)
	}
	var list app.Listing
	if err := json.Unmarshal([]byte(body), &list); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range list.Articles {
		ids = append(ids, string(a.ID))
	}
	// Harbour Ferry.md and harbour-ferry.txt share a slug; file names sort "H" before "h".
	if got, want := strings.Join(ids, " "), "harbour-ferry harbour-ferry-2"; got != want {
		t.Errorf("ids=%q, want %q", got, want)
	}
	res, body = do(t, s.Handler(), "GET", "/articles/harbour-ferry-2.json", nil)
	var a model.Article
	if err := json.Unmarshal([]byte(body), &a); err != nil || res.StatusCode != 200 {
		t.Fatalf("article JSON: status %d, %v", res.StatusCode, err)
	}
	if a.ID != "harbour-ferry-2" || a.Title != "Harbour ferry, again" || a.Format != model.FormatText {
		t.Errorf("article = %q %q %q", a.ID, a.Title, a.Format)
	}
	for _, p := range []string{"/articles/broken.json", "/articles/hidden.json", "/articles/notes.json", "/articles/nope"} {
		if res, _ := do(t, s.Handler(), "GET", p, nil); res.StatusCode != 404 {
			t.Errorf("%s = %d, want 404", p, res.StatusCode)
		}
	}
}

func TestSamplesAreServedWithoutContentDir(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	list, _ := s.lib.Page(context.Background(), 1)
	var ids []string
	for _, a := range list.Articles {
		ids = append(ids, string(a.ID))
	}
	if got, want := strings.Join(ids, " "), "harbour-council library-reopens zakaria-peskov"; got != want {
		t.Errorf("sample ids=%q, want %q", got, want)
	}
}

func TestSamplesParseWithTheRealParser(t *testing.T) {
	t.Parallel()
	logs := &testlog.Buffer{}
	lib, err := openLibrary(libraryOptions{parse: article.Parse, log: newTestLogger(logs)})
	if err != nil {
		t.Fatal(err)
	}
	if lib.Len() != 3 {
		t.Fatalf("%d of 3 samples parsed: %s", lib.Len(), logs)
	}
	for id := range lib.All() {
		if a, err := lib.Get(context.Background(), id); err != nil || a.Title == "" || len(a.Quotes) == 0 {
			t.Errorf("sample %s: %v", id, err)
		}
	}
}

func TestMissingContentDirIsAnError(t *testing.T) {
	t.Parallel()
	_, err := NewServer(Config{ContentDir: t.TempDir() + "/nope", WebDir: fakeWebDir(t), parse: stubParse, Logger: newTestLogger(&testlog.Buffer{})})
	if err == nil || !strings.Contains(err.Error(), "loading content") {
		t.Errorf("err=%v, want loading content …", err)
	}
}

func TestParserPanicSkipsTheFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "Fine\n\nbody", "b.txt": "PANIC"})
	logs := &testlog.Buffer{}
	lib, err := openLibrary(libraryOptions{dir: dir, parse: func(r io.Reader, o article.Options) (*model.Article, error) {
		if o.ID == "b" {
			panic("boom")
		}
		return stubParse(r, o)
	}, log: newTestLogger(logs)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(lib.close)
	if lib.Len() != 1 || len(logs.Lines("b.txt", "panic")) != 1 {
		t.Errorf("library of %d, log:\n%s", lib.Len(), logs)
	}
}

func TestSlugs(t *testing.T) {
	t.Parallel()
	cases := map[string]model.ArticleID{
		"Zakaria Peskov.txt":        "zakaria-peskov",
		"dir/Élysée – Macron!.html": "elysee-macron",
		"___.md":                    "article",
		"2024-05-01_report.md":      "2024-05-01-report",
		"Путин.txt":                 "article",
		"Путин 2024.txt":            "2024",
		"Index.txt":                 "index-article", // /articles/index.json is the listing
		"index 2.md":                "index-2-article",
		"index-two.md":              "index-two",
	}
	for in, want := range cases {
		if got := fileSlug(in); got != want {
			t.Errorf("fileSlug(%q) = %q, want %q", in, got, want)
		}
	}
	used := map[model.ArticleID]bool{"a": true, "a-2": true}
	if got := uniqueSlug("a", used); got != "a-3" {
		t.Errorf("uniqueSlug = %q, want a-3", got)
	}
}

// TestLibraryIsPaginated lists a library of three pages through /articles/index.json and the pages it
// links to: newest published first, then the undated articles by id, each article once, and no page
// beyond the last.
func TestLibraryIsPaginated(t *testing.T) {
	t.Parallel()
	files := make(map[string]string)
	var want []string
	for i := range 60 { // dated: day 1…60 of 2026, listed newest first
		id := fmt.Sprintf("dated-%02d", i)
		files[id+".txt"] = fmt.Sprintf("Dated %d\n\nPublished: %s\n\nBody.", i, time.Date(2026, 1, 1+i, 9, 0, 0, 0, time.UTC).Format(time.RFC3339))
		want = append([]string{id}, want...)
	}
	for i := range 45 { // undated, after the dated ones, by id
		id := fmt.Sprintf("undated-%02d", i)
		files[id+".txt"] = "Undated\n\nBody."
		want = append(want, id)
	}
	dir := t.TempDir()
	writeFiles(t, dir, files)
	s, _ := newTestServer(t, Config{ContentDir: dir})

	var got []string
	next := "/articles/index.json"
	for n := 1; next != ""; n++ {
		res, body := do(t, s.Handler(), "GET", next, nil)
		var page app.Listing
		if err := json.Unmarshal([]byte(body), &page); err != nil || res.StatusCode != 200 {
			t.Fatalf("GET %s = %d, %v", next, res.StatusCode, err)
		}
		if page.Page != n || page.Pages != 3 || page.Total != 105 || len(page.Articles) > app.PageSize {
			t.Fatalf("GET %s: page %d of %d, %d articles of %d", next, page.Page, page.Pages, len(page.Articles), page.Total)
		}
		for _, a := range page.Articles {
			got = append(got, string(a.ID))
		}
		next = page.Next
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("listed\n%v\nwant\n%v", got, want)
	}
	for _, p := range []string{"/articles/index-1.json", "/articles/index-4.json", "/articles/index-0.json"} {
		if res, _ := do(t, s.Handler(), "GET", p, nil); res.StatusCode != 404 {
			t.Errorf("GET %s = %d, want 404", p, res.StatusCode)
		}
	}
}

// TestGCForScan checks the collector's setting around scans that overlap: it is scanGCPercent
// while any runs, and what it was once the last ends.
func TestGCForScan(t *testing.T) {
	old := debug.SetGCPercent(150)
	defer debug.SetGCPercent(old)
	percent := func() int { p := debug.SetGCPercent(-1); debug.SetGCPercent(p); return p }
	a := gcForScan()
	b := gcForScan()
	if p := percent(); p != scanGCPercent {
		t.Errorf("during two scans: %d, want %d", p, scanGCPercent)
	}
	a()
	a() // a second call changes nothing
	if p := percent(); p != scanGCPercent {
		t.Errorf("after the first scan ended: %d, want %d", p, scanGCPercent)
	}
	b()
	if p := percent(); p != 150 {
		t.Errorf("after both: %d, want the setting before them, 150", p)
	}
}
