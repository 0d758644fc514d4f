package article

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"verbatim/article/model"

	"golang.org/x/tools/txtar"
)

// xssPayload is one XSS or sanitizer-bypass payload, from the committed subset or the shared corpus.
type xssPayload struct{ ID, Payload string }

// xssSubsetFile holds the XSS payloads of the project's own making, one txtar file each.
const xssSubsetFile = "testdata/xss.txtar"

// xssSubset returns the payloads of testdata/xss.txtar.
func xssSubset(tb testing.TB) []xssPayload {
	tb.Helper()
	ar, err := txtar.ParseFile(xssSubsetFile)
	if err != nil {
		tb.Fatal(err)
	}
	var out []xssPayload
	for _, f := range ar.Files {
		out = append(out, xssPayload{ID: f.Name, Payload: strings.TrimSuffix(string(f.Data), "\n")})
	}
	if len(out) < 97 {
		tb.Fatalf("%s holds %d payloads, want its 97", xssSubsetFile, len(out))
	}
	return out
}

// readXSSCorpus reads the payloads of the shared corpus's payloads.jsonl.
func readXSSCorpus(path string) ([]xssPayload, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []xssPayload
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p xssPayload
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, p)
	}
	return out, sc.Err()
}

// TestXSSSubset runs every payload of testdata/xss.txtar through checkPayload, in parallel so that
// -race sees the shared policy used at once. It needs nothing outside the repository.
func TestXSSSubset(t *testing.T) {
	t.Parallel()
	for _, p := range xssSubset(t) {
		t.Run(p.ID, func(t *testing.T) {
			t.Parallel()
			checkPayload(t, p)
		})
	}
}

// xssOwnText is the paragraph an article around a payload holds: it must come through whatever the
// payload does after it.
const xssOwnText = "The harbour council voted on Tuesday to rebuild the north wall before winter, after the January storms cracked it in three places."

// xssArticles put a payload inside an article, after a paragraph of its own, in three formats.
var xssArticles = []struct {
	format model.Format
	wrap   func(payload string) string
}{
	{model.FormatHTML, func(p string) string {
		return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Harbour wall</title></head><body><article><h1>Harbour wall</h1><p>" +
			xssOwnText + "</p>\n" + p + "\n<p>Work starts in October.</p></article></body></html>"
	}},
	{model.FormatFragment, func(p string) string { return "<p>" + xssOwnText + "</p>\n" + p + "\n<p>Work starts in October.</p>" }},
	{model.FormatMarkdown, func(p string) string {
		return "# Harbour wall\n\n" + xssOwnText + "\n\n" + p + "\n\nWork starts in October.\n"
	}},
}

// checkPayload checks what must hold for any payload: Sanitize's output holds no element,
// attribute or URL the policy does not allow (liveMarkup) and is stable when sanitized again; Parse
// in every format either finds no text or gives an Article that keeps the contract's invariants
// (checkArticle), whose links and images are all addresses the policy admits (checkURLs); and an
// article around the payload, in HTML, a fragment and Markdown, with a base URL that relative
// addresses resolve against, parses and keeps its own paragraph.
func checkPayload(t *testing.T, p xssPayload) {
	t.Helper()
	out := Sanitize(p.Payload)
	if bad := liveMarkup(t, out); bad != "" {
		t.Errorf("%s: sanitized output holds %s: %q", p.ID, bad, out)
	}
	if again := Sanitize(out); again != out {
		t.Errorf("%s: sanitizing again changed the output:\n%q\n%q", p.ID, out, again)
	}
	for _, format := range allFormats {
		a, err := Parse(strings.NewReader(p.Payload), Options{Format: format})
		if errors.Is(err, model.ErrNoText) || errors.Is(err, model.ErrEmpty) || errors.Is(err, model.ErrNotArticle) {
			continue
		}
		if err != nil {
			t.Errorf("%s as %s: %v", p.ID, format, err)
			continue
		}
		checkArticle(t, a)
	}
	for _, w := range xssArticles {
		a, err := Parse(strings.NewReader(w.wrap(p.Payload)), Options{Format: w.format, URL: "https://news.example/2026/harbour-wall"})
		if err != nil {
			t.Errorf("%s inside an article (%s): %v", p.ID, w.format, err)
			continue
		}
		checkArticle(t, a)
		if !strings.Contains(a.Text(), xssOwnText) {
			t.Errorf("%s inside an article (%s): the article's own paragraph is gone; its text is %q", p.ID, w.format, a.Text())
		}
	}
}
