package server

import (
	"fmt"
	"strings"
)

// pagesOnlyNames are the class and id names of verbatim.css that only the reader's own pages
// render: the site's header and banners, the library, the import and search pages, the speakers'
// pages, and the reader's settings, progress, quote panel, quote cards, corrections, exports and
// highlights, none of which an embed has. A name ending in "-" stands for every name it begins.
// TestEmbedPagesGetTheEmbedStyleSheet checks that no embed page of the sample library renders one
// of them, and that each still names something in verbatim.css.
var pagesOnlyNames = []string{
	"site-header", "brand", "skip-link", "banner", "page-main",
	"library-", "cards", "card", "card-", "badge", "load-more", "pager", "pager-",
	"import", "import-", "link-form", "bookmarklet", "bookmarklet-",
	"reading-progress", "controls", "controls-", "control", "size-buttons",
	"quote-panel", "panel-", "tab-panel", "correct", "correct-", "export-", "hl-",
	"app-wasm-loader", "people", "person", "person-", "said", "said-", "variant", "variant-",
	"diff", "diff-", "decisions", "merge-form", "split-", "speakers-", "speaker-status",
	"search", "search-",
}

// pagesOnly reports whether name (a class or id) is one of pagesOnlyNames.
func pagesOnly(name string) bool {
	for _, n := range pagesOnlyNames {
		if name == n || strings.HasSuffix(n, "-") && strings.HasPrefix(name, n) {
			return true
		}
	}
	return false
}

// embedStyleSheet returns the style sheet of /embed/ pages: css (verbatim.css) without the
// selectors that name one of pagesOnlyNames, and without the rules left with no selector. An embed
// frame often runs on the partner's main thread, which then parses and matches every rule of the
// sheet it inlines; more than half of verbatim.css styles what no embed renders. At-rules other
// than @media and @supports (@font-face) are kept whole; those two are filtered inside.
//
// Trust boundary: css is the operator's build. A sheet whose braces, comments or strings do not
// close is an error, not a guess.
func embedStyleSheet(css string) (string, error) {
	var b strings.Builder
	for len(css) > 0 {
		open, err := scanCSS(css, '{')
		if err != nil {
			return "", err
		}
		if open < 0 {
			b.WriteString(css) // what follows the last rule: space and comments
			break
		}
		end, err := blockEnd(css, open)
		if err != nil {
			return "", err
		}
		prelude, body := css[:open], css[open+1:end]
		css = css[end+1:]
		head := strings.TrimSpace(stripCSSComments(prelude))
		switch {
		case strings.HasPrefix(head, "@media"), strings.HasPrefix(head, "@supports"):
			inner, err := embedStyleSheet(body)
			if err != nil {
				return "", err
			}
			if strings.TrimSpace(stripCSSComments(inner)) != "" {
				b.WriteString(prelude + "{" + inner + "}")
			}
		case strings.HasPrefix(head, "@"):
			b.WriteString(prelude + "{" + body + "}")
		default:
			var kept []string
			sels := splitSelectors(head)
			for _, sel := range sels {
				if !namesPagesOnly(sel) {
					kept = append(kept, strings.TrimSpace(sel))
				}
			}
			switch len(kept) {
			case 0:
			case len(sels):
				b.WriteString(prelude + "{" + body + "}")
			default:
				b.WriteString("\n" + strings.Join(kept, ", ") + " {" + body + "}")
			}
		}
	}
	return b.String(), nil
}

// splitSelectors splits a selector list at its commas, but for those in parentheses (:is(a, b)).
func splitSelectors(list string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(list); i++ {
		switch list[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, list[start:i])
				start = i + 1
			}
		}
	}
	return append(out, list[start:])
}

// namesPagesOnly reports whether a selector names a class or id of pagesOnlyNames.
func namesPagesOnly(sel string) bool {
	for i := 0; i < len(sel); i++ {
		if sel[i] != '.' && sel[i] != '#' {
			continue
		}
		j := i + 1
		for j < len(sel) && (sel[j] == '-' || sel[j] == '_' || sel[j] >= 'a' && sel[j] <= 'z' || sel[j] >= 'A' && sel[j] <= 'Z' || sel[j] >= '0' && sel[j] <= '9') {
			j++
		}
		if j > i+1 && pagesOnly(sel[i+1:j]) {
			return true
		}
		i = j - 1
	}
	return false
}

// scanCSS returns the index in css of the first c outside comments and strings, or -1.
func scanCSS(css string, c byte) (int, error) {
	for i := 0; i < len(css); i++ {
		switch css[i] {
		case c:
			return i, nil
		case '/':
			if strings.HasPrefix(css[i:], "/*") {
				end := strings.Index(css[i+2:], "*/")
				if end < 0 {
					return 0, fmt.Errorf("a comment at byte %d does not close", i)
				}
				i += end + 3
			}
		case '"', '\'':
			end := strings.IndexByte(css[i+1:], css[i])
			if end < 0 {
				return 0, fmt.Errorf("a string at byte %d does not close", i)
			}
			i += end + 1
		}
	}
	return -1, nil
}

// blockEnd returns the index of the brace that closes the block opened at css[open].
func blockEnd(css string, open int) (int, error) {
	depth, i := 1, open+1
	for {
		next, err := scanCSS(css[i:], '}')
		if err != nil {
			return 0, err
		}
		if next < 0 {
			return 0, fmt.Errorf("the block at byte %d does not close", open)
		}
		inner, err := scanCSS(css[i:i+next], '{')
		if err != nil {
			return 0, err
		}
		if inner >= 0 {
			depth++
			i += inner + 1
			continue
		}
		depth--
		i += next
		if depth == 0 {
			return i, nil
		}
		i++
	}
}

// stripCSSComments returns s without its comments (s is a prelude: no strings in it that matter).
func stripCSSComments(s string) string {
	for {
		start := strings.Index(s, "/*")
		if start < 0 {
			return s
		}
		end := strings.Index(s[start+2:], "*/")
		if end < 0 {
			return s[:start]
		}
		s = s[:start] + s[start+2+end+2:]
	}
}
