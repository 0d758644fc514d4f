package benchbrowser

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"verbatim/article/model"
)

// testWeb copies the repository's web folder without its wasm, which the site's pages do not need
// and which the server would compress at start.
func testWeb(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS("../../web")); err != nil {
		t.Fatal(err)
	}
	wasm, _ := filepath.Glob(filepath.Join(dst, "*.wasm*"))
	for _, p := range wasm {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func get(t *testing.T, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	// The default transport would ask for gzip and undo it; the site's pages are brotli or plain.
	res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, res.Status)
	}
	return res, string(b)
}

// TestSite starts the bench's site on the repository's web folder and checks that each page is the
// baseline its rows say: the plain article has the article's text and, on its own page only, the
// key handler; the partner pages, on another site, paste the embed snippet or a plain iframe for
// each of the two articles; and the verbatim server lets that partner frame its embeds.
func TestSite(t *testing.T) {
	ids := []model.ArticleID{"zakaria-peskov", "harbour-council"}
	s, err := StartSite(testWeb(t), ids)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !strings.HasPrefix(s.Partner, "http://localhost:") || !strings.HasPrefix(s.Reader, "http://127.0.0.1:") || s.Plain == s.Reader {
		t.Fatalf("origins: reader %s, plain %s, partner %s; want the partner on another site", s.Reader, s.Plain, s.Partner)
	}
	a, err := fetchArticle(s.Reader, ids[0])
	if err != nil {
		t.Fatal(err)
	}

	_, page := get(t, s.Plain+"/article/zakaria-peskov.html")
	for _, want := range []string{"<h1>" + a.Title + "</h1>", `<script defer src="/plain.js"></script>`, `<link rel="icon" href="data:,">`} {
		if !strings.Contains(page, want) {
			t.Errorf("the plain page lacks %s:\n%s", want, page)
		}
	}
	if n := strings.Count(page, "<p>"); n < len(a.Blocks)/2 {
		t.Errorf("the plain page has %d paragraphs for %d blocks", n, len(a.Blocks))
	}
	if strings.Contains(page, "<style") || strings.Count(page, "<script") != 1 {
		t.Errorf("the plain page has style or more than its one script:\n%s", page)
	}
	_, frame := get(t, s.Plain+"/frame/harbour-council.html")
	if strings.Contains(frame, "<script") || !strings.Contains(frame, "<h1>") {
		t.Errorf("the plain frame has a script, or no heading:\n%s", frame)
	}
	res, js := get(t, s.Plain+"/plain.js")
	if !strings.Contains(js, `"h"`) || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/javascript") {
		t.Errorf("plain.js (%s): %s", res.Header.Get("Content-Type"), js)
	}
	if res, _ := get(t, s.Plain+"/article/zakaria-peskov.html", "Accept-Encoding", "gzip, deflate, br"); res.Header.Get("Content-Encoding") != "br" {
		t.Errorf("the plain page is sent with Content-Encoding %q to a browser, want br as the reader's", res.Header.Get("Content-Encoding"))
	}

	_, embeds := get(t, s.Partner+"/embeds.html")
	for _, id := range ids {
		if !strings.Contains(embeds, `<blockquote class="verbatim-embed" data-article="`+string(id)+`">`) {
			t.Errorf("the partner page lacks the embed of %s:\n%s", id, embeds)
		}
	}
	if n := strings.Count(embeds, `<script async src="`+s.Reader+`/embed.js"></script>`); n != 2 {
		t.Errorf("the partner page loads embed.js %d times, want the snippet's twice:\n%s", n, embeds)
	}
	_, iframes := get(t, s.Partner+"/iframes.html")
	for _, id := range ids {
		if !strings.Contains(iframes, `<iframe src="`+s.Plain+`/frame/`+string(id)+`.html"`) {
			t.Errorf("the iframe page lacks the plain frame of %s:\n%s", id, iframes)
		}
	}
	if strings.Contains(iframes, "<script") {
		t.Errorf("the iframe page has a script:\n%s", iframes)
	}

	res, _ = get(t, s.Reader+model.EmbedPath(ids[0]))
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'self' "+s.Partner) {
		t.Errorf("the embed's CSP %q does not let the partner %s frame it", csp, s.Partner)
	}
}

// TestPageCopies builds every copy of the reader's page that BenchmarkReaderPageParts loads, from
// the site's own page: a part whose patterns no longer match the page (as settings-in-body's did
// once the page had its settings before main#main) fails here, in make test, rather than when
// someone runs the benchmark.
func TestPageCopies(t *testing.T) {
	s, err := StartSite(testWeb(t), []model.ArticleID{"zakaria-peskov", "harbour-council"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, page := get(t, s.Reader+model.ArticlePath("zakaria-peskov"))
	all := allPageParts()
	copies, names, css, err := pageCopies(page, all)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(all)+2 || len(copies) != len(all)+1 {
		t.Fatalf("%d names and %d copies for %d parts", len(names), len(copies), len(all))
	}
	for path, c := range copies {
		if path != "/reader" && c == page {
			t.Errorf("the copy at %s is the page itself", path)
		}
	}
	if css[criticalRestPath] == "" || css["/combined-rest.css"] == "" {
		t.Errorf("the critical copies' rests are missing: %d sheets", len(css))
	}
	if _, _, _, err := pageCopies(page, []string{"no-such-part"}); err == nil {
		t.Error("a part that is not one of the copies was taken")
	}
}

func TestSiteNeedsTwoArticles(t *testing.T) {
	if _, err := StartSite(t.TempDir(), []model.ArticleID{"zakaria-peskov"}); err == nil {
		t.Error("StartSite with one article succeeded, want an error: the partner page embeds two")
	}
}
