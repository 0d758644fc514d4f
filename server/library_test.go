package server

import (
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"verbatim/article/model"
	"verbatim/internal/testlog"

	"verbatim/app"
	"verbatim/article"
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
	var list []app.Summary
	if err := json.Unmarshal([]byte(body), &list); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range list {
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
	list, _ := s.lib.List(context.Background())
	var ids []string
	for _, a := range list {
		ids = append(ids, string(a.ID))
	}
	if got, want := strings.Join(ids, " "), "harbour-council library-reopens zakaria-peskov"; got != want {
		t.Errorf("sample ids=%q, want %q", got, want)
	}
}

func TestSamplesParseWithTheRealParser(t *testing.T) {
	t.Parallel()
	logs := &testlog.Buffer{}
	lib, err := loadLibrary("", article.Parse, newTestLogger(logs))
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.order) != 3 {
		t.Fatalf("%d of 3 samples parsed: %s", len(lib.order), logs)
	}
	for _, id := range lib.order {
		if a := lib.articles[id]; a.Title == "" || len(a.Quotes) == 0 {
			t.Errorf("sample %s: title %q, %d quotes", id, a.Title, len(a.Quotes))
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
	lib, err := loadLibrary(dir, func(r io.Reader, o article.Options) (*model.Article, error) {
		if o.ID == "b" {
			panic("boom")
		}
		return stubParse(r, o)
	}, newTestLogger(logs))
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.order) != 1 || len(logs.Lines("b.txt", "panic")) != 1 {
		t.Errorf("library %v, log:\n%s", lib.order, logs)
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
