package benchbrowser

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// criticalRestPath is where BenchmarkReaderPageParts serves the rest of the sheet that the
// critical-css copy links.
const criticalRestPath = "/critical-rest.css"

// criticalCopy returns a copy of the reader's page whose inline style sheet holds only the rules
// the page's main column needs (splitCritical, by the class and id names in the body up to
// </main>), with the rest in a stylesheet linked from restPath at the end of the body, which blocks no paint of
// what comes before it; and that rest. It is the most a critical sheet can take off the head: on a
// wide screen the aside beside the article would restyle when the rest arrives.
func criticalCopy(page, restPath string) (out, rest string, err error) {
	open, end := strings.Index(page, "<style>"), strings.Index(page, "</style>")
	body := strings.Index(page, "<body")
	main := strings.Index(page, "</main>")
	if open < 0 || end < open || body < 0 || main < body || !strings.Contains(page, "</body>") {
		return "", "", fmt.Errorf("the reader's page has no inline style sheet, body or main column")
	}
	critical, rest := splitCritical(page[open+len("<style>"):end], page[body:main])
	out = page[:open+len("<style>")] + critical + page[end:]
	out = strings.Replace(out, "</body>", `<link rel="stylesheet" href="`+restPath+`"/></body>`, 1)
	return out, rest, nil
}

// cssComment matches a CSS comment.
var cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)

// cssBlocks splits css into its top-level statements (a rule or at-rule with its block, or an
// at-rule ended by ";"), comments dropped. Braces inside strings are not expected (verbatim.css
// has none).
func cssBlocks(css string) []string {
	css = cssComment.ReplaceAllString(css, "")
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(css); i++ {
		switch {
		case css[i] == '{':
			depth++
		case css[i] == '}':
			depth--
			if depth == 0 {
				out = append(out, strings.TrimSpace(css[start:i+1]))
				start = i + 1
			}
		case css[i] == ';' && depth == 0:
			out = append(out, strings.TrimSpace(css[start:i+1]))
			start = i + 1
		}
	}
	return out
}

// selectorName matches a class or id in a selector.
var selectorName = regexp.MustCompile(`[.#]([A-Za-z_][A-Za-z0-9_-]*)`)

// markupName matches an element's class or id attribute.
var markupName = regexp.MustCompile(`(?:class|id)="([^"]*)"`)

// splitCritical splits css into the rules that may apply to html, those with a selector whose
// every class and id occurs in html (rules naming none, at-rules other than @media and @supports
// among them), and the rest. @media and @supports blocks are split inside.
func splitCritical(css, html string) (critical, rest string) {
	names := map[string]bool{}
	for _, m := range markupName.FindAllStringSubmatch(html, -1) {
		for _, n := range strings.Fields(m[1]) {
			names[n] = true
		}
	}
	return splitRules(css, names)
}

func splitRules(css string, names map[string]bool) (critical, rest string) {
	var c, r []string
	for _, b := range cssBlocks(css) {
		open := strings.Index(b, "{")
		if open < 0 {
			c = append(c, b)
			continue
		}
		head := strings.TrimSpace(b[:open])
		switch {
		case strings.HasPrefix(head, "@media"), strings.HasPrefix(head, "@supports"):
			ic, ir := splitRules(b[open+1:len(b)-1], names)
			if ic != "" {
				c = append(c, head+"{"+ic+"}")
			}
			if ir != "" {
				r = append(r, head+"{"+ir+"}")
			}
			continue
		case strings.HasPrefix(head, "@"):
			c = append(c, b)
			continue
		}
		applies := false
		for _, sel := range strings.Split(head, ",") {
			all := true
			for _, m := range selectorName.FindAllStringSubmatch(sel, -1) {
				all = all && names[m[1]]
			}
			applies = applies || all
		}
		if applies {
			c = append(c, b)
		} else {
			r = append(r, b)
		}
	}
	return strings.Join(c, "\n"), strings.Join(r, "\n")
}

func TestSplitCritical(t *testing.T) {
	t.Parallel()
	html := `<body><div class="reader shell" id="main"><p class="article">x</p></div>`
	for _, c := range []struct {
		name, css, critical, rest string
	}{
		{"element and root rules stay", ":root { --a: 1; }\nbody { margin: 0; }", ":root { --a: 1; }\nbody { margin: 0; }", ""},
		{"a rule whose names are all in the markup stays", ".reader .article { x: 1; }", ".reader .article { x: 1; }", ""},
		{"a rule naming an absent class goes", ".reader .card { x: 1; }", "", ".reader .card { x: 1; }"},
		{"one selector of a list that applies keeps the rule", ".card, #main { x: 1; }", ".card, #main { x: 1; }", ""},
		{"comments go", "/* a { } */ .shell { x: 1; }", ".shell { x: 1; }", ""},
		{"@media is split inside", "@media (min-width: 64rem) { .reader { x: 1; } .aside { y: 2; } }",
			"@media (min-width: 64rem){.reader { x: 1; }}", "@media (min-width: 64rem){.aside { y: 2; }}"},
		{"@font-face stays", `@font-face { font-family: "A"; src: url("a.woff2"); }`, `@font-face { font-family: "A"; src: url("a.woff2"); }`, ""},
	} {
		critical, rest := splitCritical(c.css, html)
		if critical != c.critical || rest != c.rest {
			t.Errorf("%s: splitCritical(%q) = %q, %q; want %q, %q", c.name, c.css, critical, rest, c.critical, c.rest)
		}
	}
}
