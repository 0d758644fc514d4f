package server

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"verbatim/article"
)

func TestEmbedStyleSheetFilters(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, css, want string
	}{
		{"a rule of the pages goes", ".banner { a: b; }\np { c: d; }", "\np { c: d; }"},
		{"its comment goes with it", "/* Banners. */\n.banner { a: b; }\n/* Text. */\np { c: d; }", "\n/* Text. */\np { c: d; }"},
		{"an embed's rule stays whole", ".toolbar, mark.quote:target { a: b; }", ".toolbar, mark.quote:target { a: b; }"},
		{"a list loses the pages' selectors", ".button, .card h3, #app-wasm-loader p { a: b; }", "\n.button { a: b; }"},
		{"a prefix stands for its names", ".panel-go, .panel-quote.dim { a: b; } .panel { c: d; }", " .panel { c: d; }"},
		{"a name is matched whole", ".cards-x, .said-text, .person-name { a: b; }", "\n.cards-x { a: b; }"},
		{"@media is filtered inside", "@media (min-width: 1px) { .card { a: b; } p { c: d; } }", "@media (min-width: 1px) { p { c: d; } }"},
		{"@media left empty goes", "@media print { .card { a: b; } }\np { c: d; }", "\np { c: d; }"},
		{"@font-face stays", "@font-face { src: url(\"x{.woff2\"); }", "@font-face { src: url(\"x{.woff2\"); }"},
		{"a comma in parentheses", ":is(.card, .x) p, q { a: b; }", "\nq { a: b; }"},
		{"braces in strings and comments", "/* { */ p::after { content: \"}\"; } .card { a: b; }", "/* { */ p::after { content: \"}\"; }"},
		{"the tail is kept", "p { a: b; }\n/* end */\n", "p { a: b; }\n/* end */\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := embedStyleSheet(tc.css)
			if err != nil || got != tc.want {
				t.Errorf("embedStyleSheet(%q) = %q, %v; want %q", tc.css, got, err, tc.want)
			}
		})
	}
	for _, bad := range []string{"p { a: b;", "/* open", "p { content: \"x }", "@media x { p { a: b; }"} {
		if got, err := embedStyleSheet(bad); err == nil {
			t.Errorf("embedStyleSheet(%q) = %q with no error, want one", bad, got)
		}
	}
}

// TestEmbedPagesGetTheEmbedStyleSheet serves the sample library with the real verbatim.css: each
// embed inlines the embeds' part of the sheet, allowed by the CSP, and renders no class or id of
// pagesOnlyNames (the rules it went without); the reader's pages inline the whole sheet; and each
// name of pagesOnlyNames still names something in the sheet.
func TestEmbedPagesGetTheEmbedStyleSheet(t *testing.T) {
	t.Parallel()
	full, err := os.ReadFile(filepath.Join("..", "web", styleSheetFile))
	if err != nil {
		t.Fatal(err)
	}
	dir := fakeWebDir(t)
	if err := os.WriteFile(filepath.Join(dir, styleSheetFile), full, 0o644); err != nil {
		t.Fatal(err)
	}
	s, _ := newTestServer(t, Config{WebDir: dir, parse: article.Parse})

	names := map[string]bool{}
	for _, m := range regexp.MustCompile(`[.#]([A-Za-z][\w-]*)`).FindAllStringSubmatch(stripCSSComments(string(full)), -1) {
		names[m[1]] = true
	}
	for _, n := range pagesOnlyNames {
		found := false
		for name := range names {
			found = found || name == n || strings.HasSuffix(n, "-") && strings.HasPrefix(name, n)
		}
		if !found {
			t.Errorf("pagesOnlyNames has %q, which names nothing in verbatim.css", n)
		}
	}

	for _, id := range []string{"zakaria-peskov", "harbour-council", "library-reopens"} {
		res, body := do(t, s.Handler(), "GET", "/embed/"+id, nil)
		if res.StatusCode != 200 {
			t.Fatalf("/embed/%s: %d", id, res.StatusCode)
		}
		style, used := pageStyleAndNames(t, body)
		if style != s.pages.assets.embedStyle || len(style) == 0 || len(style) >= len(s.pages.assets.style)*2/3 {
			t.Errorf("/embed/%s inlines a sheet of %d bytes, want the embeds' part (%d of the whole %d)", id, len(style), len(s.pages.assets.embedStyle), len(s.pages.assets.style))
		}
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, cspHash(style)) {
			t.Errorf("/embed/%s: the CSP %q does not allow its style sheet (%s)", id, csp, cspHash(style))
		}
		for _, n := range used {
			if pagesOnly(n) {
				t.Errorf("/embed/%s renders %q, one of pagesOnlyNames, whose rules embeds go without", id, n)
			}
		}
		if _, body := do(t, s.Handler(), "GET", "/article/"+id, nil); !strings.Contains(body, "<style>"+s.pages.assets.style+"</style>") {
			t.Errorf("/article/%s does not inline the whole style sheet", id)
		}
	}
}

// pageStyleAndNames returns the text of a page's <style> and every class and id its elements have.
func pageStyleAndNames(t *testing.T, page string) (string, []string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var style string
	var names []string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if n.Data == "style" && n.FirstChild != nil {
			style = n.FirstChild.Data
		}
		for _, a := range n.Attr {
			switch a.Key {
			case "class":
				names = append(names, strings.Fields(a.Val)...)
			case "id":
				names = append(names, a.Val)
			}
		}
	}
	return style, names
}
