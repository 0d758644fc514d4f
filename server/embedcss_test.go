package server

import (
	"os"
	"path/filepath"
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
		{"comments go", "/* Banners. */\n.banner { a: b; }\n/* Text. */\np { c: d; }", "\n\np { c: d; }"},
		{"an embed's rule stays whole", ".toolbar, mark.quote:target { a: b; }", ".toolbar, mark.quote:target { a: b; }"},
		{"a list loses the pages' selectors", ".button, .card h3, #app-wasm-loader p { a: b; }", "\n.button { a: b; }"},
		{"a prefix stands for its names", ".panel-go, .panel-quote.dim { a: b; } .panel { c: d; }", " .panel { c: d; }"},
		{"a name is matched whole", ".cards-x, .said-text, .person-name { a: b; }", "\n.cards-x { a: b; }"},
		{"@media is filtered inside", "@media (min-width: 1px) { .card { a: b; } p { c: d; } }", "@media (min-width: 1px) { p { c: d; } }"},
		{"@media left empty goes", "@media print { .card { a: b; } }\np { c: d; }", "\np { c: d; }"},
		{"@font-face stays", "@font-face { src: url(\"x{.woff2\"); }", "@font-face { src: url(\"x{.woff2\"); }"},
		{"a comma in parentheses", ":is(.card, .x) p, q { a: b; }", "\nq { a: b; }"},
		{"braces in strings and comments", "/* { */ p::after { content: \"}\"; } .card { a: b; }", " p::after { content: \"}\"; }"},
		{"the tail is kept", "p { a: b; }\n/* end */\n", "p { a: b; }\n\n"},
		{"nested blocks are filtered inside", "@media screen { @supports (display: grid) { .card { a: b; } p { c: d; } } }", "@media screen { @supports (display: grid) { p { c: d; } } }"},
		{"nested blocks left empty go", "@media screen { @supports (display: grid) { .card { a: b; } } /* x */ }\np { c: d; }", "\np { c: d; }"},
		{"an at-keyword in any case", "@MEDIA print { .card { a: b; } p { c: d; } }", "@MEDIA print { p { c: d; } }"},
		{"a statement is kept", "@charset \"utf-8\";\n.card { a: b; }\np { c: d; }", "@charset \"utf-8\";\np { c: d; }"},
		{"braces and commas in a selector's string", "a[title=\"{,}\"], .card { a: b; }", "\na[title=\"{,}\"] { a: b; }"},
		{"a name in a string is no class", "a[href=\".card\"] { a: b; }", "a[href=\".card\"] { a: b; }"},
		{"a comment in a selector list", ".card, /* { , } */ p { a: b; }", "\np { a: b; }"},
		{"a comment in a block", "p { a: b; /* } */ } .card { c: d; }", "p { a: b;  }"},
		{"a comment that keeps two tokens apart stays", "p { margin: 1px/**/2px; }", "p { margin: 1px/**/2px; }"},
		{"custom highlights of the pages go", "::highlight(verbatim-highlight-note), p::highlight(x) { a: b; }", "\np::highlight(x) { a: b; }"},
		{"a string in a block", "p::after { content: \"} .card {\"; } .card { a: b; }", "p::after { content: \"} .card {\"; }"},
		{"an escape is part of the name", ".card\\:hover, .a\\,b, .x\\.card { a: b; }", ".card\\:hover, .a\\,b, .x\\.card { a: b; }"},
		{"an escaped name is kept", ".a\\:b, .c\\61rd, .card { a: b; }", "\n.a\\:b, .c\\61rd { a: b; }"},
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
}

func TestEmbedStyleSheetRefusesWhatDoesNotClose(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ css, want string }{
		{"p {\n  a: b;", "line 1, column 3: a block that does not close"},
		{"@media x { p { a: b; }", "line 1, column 10: a block that does not close"},
		{"@media x { @supports (y: z) { p { a: b; } }", "line 1, column 10: a block that does not close"},
		{"p { a: b; }\n}", "line 2, column 1: a } that closes no block"},
		{"@media x { p { a: b; } } } q { c: d; }", "line 1, column 26: a } that closes no block"},
		{"p { a: b; }\n/* open", "line 2, column 1: unclosed comment"},
		{"@media x { p { a: b; } /* } */", "line 1, column 10: a block that does not close"},
		{"p { content: \"x }", "line 1, column 14: unclosed quotation mark"},
		{"p { content: 'x\n' }", "line 1, column 14: unclosed quotation mark"},
		{"a[title=\"}] { a: b; }", "line 1, column 9: unclosed quotation mark"},
	} {
		if got, err := embedStyleSheet(tc.css); err == nil || err.Error() != tc.want {
			t.Errorf("embedStyleSheet(%q) = %q, %v; want the error %q", tc.css, got, err, tc.want)
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

	toks, err := cssTokens(string(full))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, name := range classesAndIDs(toks) {
		names[name] = true
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
