package server

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"verbatim/app"
)

// searchContent is a content directory of three articles (the stub parser's format: title, then
// paragraphs, "Published: " sets the date).
func searchContent(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"ferry-one.txt":   "Ferry one\n\nThe night ferry runs in winter.\n\nPublished: 2024-03-01T08:00:00Z",
		"budget-two.txt":  "Budget two\n\nThe council passed its budget.\n\nPublished: 2025-06-01T08:00:00Z",
		"ferry-three.txt": "Ferry budget three\n\nThe ferry budget doubled.\n\nPublished: 2026-01-10T08:00:00Z",
	})
	return dir
}

func apiSearch(t *testing.T, s *Server, v url.Values) app.SearchAnswer {
	t.Helper()
	res, body := do(t, s.Handler(), "GET", app.SearchAPIPath+"?"+v.Encode(), nil)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/json" ||
		res.Header.Get("Cache-Control") != "no-store" || res.Header.Get("Cross-Origin-Resource-Policy") != "same-origin" {
		t.Fatalf("GET %s: %d, headers %v", v.Encode(), res.StatusCode, res.Header)
	}
	var ans app.SearchAnswer
	if err := json.Unmarshal([]byte(body), &ans); err != nil {
		t.Fatalf("GET %s: %v in %s", v.Encode(), err, body)
	}
	return ans
}

func answerIDs(ans app.SearchAnswer) string {
	var ids []string
	for _, h := range ans.Hits {
		ids = append(ids, string(h.Article))
	}
	return strings.Join(ids, " ")
}

// TestSearchAPI asks /api/search with words, filters and no query: the library's hits as JSON,
// with how much of the library the index holds.
func TestSearchAPI(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{ContentDir: searchContent(t)})
	cases := []struct {
		q    url.Values
		want string
	}{
		{url.Values{"q": {"ferry"}}, "ferry-three ferry-one"},
		{url.Values{"q": {"FERRY Budget"}}, "ferry-three"},
		{url.Values{"q": {"ferry"}, "from": {"2025-01-01"}}, "ferry-three"},
		{url.Values{"q": {"ferry"}, "to": {"2024-12-31"}}, "ferry-one"},
		{url.Values{"q": {"ferry"}, "from": {"not a date"}}, "ferry-three ferry-one"},
		{url.Values{"q": {"budg*"}, "site": {"Test Site"}}, "ferry-three budget-two"},
		{url.Values{"q": {"ferry"}, "site": {"elsewhere.example"}}, ""},
		{url.Values{}, ""},
	}
	for _, c := range cases {
		ans := apiSearch(t, s, c.q)
		if got := answerIDs(ans); got != c.want {
			t.Errorf("%s: hits %q, want %q", c.q.Encode(), got, c.want)
		}
		if !ans.Ready || ans.Indexed != 3 || ans.Library != 3 {
			t.Errorf("%s: ready %v, indexed %d of %d; want ready, 3 of 3", c.q.Encode(), ans.Ready, ans.Indexed, ans.Library)
		}
	}
}

// TestSearchIndexCapAndChanges checks that the server's index holds the newest articles up to its
// cap, and follows the library: a new file is found after a scan, a deleted one no longer.
func TestSearchIndexCapAndChanges(t *testing.T) {
	t.Parallel()
	dir := searchContent(t)
	s, _ := newTestServer(t, Config{ContentDir: dir})
	ls := newLibrarySearch(s.lib)
	ls.max = 2
	s.lib.search.once.Do(func() { s.lib.search.s = ls })
	ans := apiSearch(t, s, url.Values{"q": {"ferry"}})
	if got := answerIDs(ans); got != "ferry-three" || ans.Indexed != 2 || ans.Library != 3 {
		t.Errorf("capped at 2: hits %q, indexed %d of %d; want ferry-three (the oldest left out), 2 of 3", got, ans.Indexed, ans.Library)
	}
	writeFiles(t, dir, map[string]string{"ferry-four.txt": "Ferry four\n\nA new ferry.\n\nPublished: 2026-02-01T08:00:00Z"})
	if err := os.Remove(filepath.Join(dir, "ferry-three.txt")); err != nil {
		t.Fatal(err)
	}
	if err := s.lib.rescan(); err != nil {
		t.Fatal(err)
	}
	if got := answerIDs(apiSearch(t, s, url.Values{"q": {"ferry"}})); got != "ferry-four" {
		t.Errorf("after a new file and a deleted one: hits %q, want ferry-four", got)
	}
}

// TestSearchPagePrerender renders /search with a query: the server's hits with their matched words
// marked, the live region's count, and a hostile query that stays text in the field.
func TestSearchPagePrerender(t *testing.T) {
	s, _ := newTestServer(t, Config{ContentDir: searchContent(t)})
	res, body := do(t, s.Handler(), "GET", "/search?q=ferry&speaker=", nil)
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{
		`role="search"`, `<label for="search-q">`, `id="search-server"`, `<mark>ferry</mark>`,
		`href="/article/ferry-one"`, `Results: 2 results on this server.`, `data-article-id="ferry-three"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	_, body = do(t, s.Handler(), "GET", "/search?q="+url.QueryEscape(`"><img src=x onerror=alert(1)>\"`), nil)
	if strings.Contains(body, "<img src=x") || !strings.Contains(body, `value="“&gt;&lt;img src=x onerror=alert(1)&gt;”"`) {
		t.Errorf("a hostile query left the field: %s", body[strings.Index(body, `id="search-q"`)-80:][:300])
	}
}
