package server

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gorilla/css/scanner"
)

// pagesOnlyNames are the class and id names of verbatim.css that only the reader's own pages
// render: the site's header and banners, the library, the import and search pages, the speakers'
// pages, and the reader's settings, progress, quote panel, quote cards, corrections, exports and
// highlights (their ::highlight() names too), none of which an embed has. A name ending in "-"
// stands for every name it begins.
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
	"search", "search-", "verbatim-highlight", "verbatim-highlight-",
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

// embedStyleSheet returns the style sheet of /embed/ pages: css (verbatim.css) without its comments,
// without the selectors that name one of pagesOnlyNames, and without the rules left with no
// selector. An embed frame often runs on the partner's main thread, which then parses and matches
// every rule of the sheet it inlines; more than half of verbatim.css styles what no embed renders,
// and a fifth of the rest was comments. At-rules other than @media and @supports (@font-face) are
// kept whole; those two are filtered inside.
//
// Trust boundary: css is the operator's build. A sheet whose braces, comments or strings do not
// close is an error, not a guess.
func embedStyleSheet(css string) (string, error) {
	toks, err := cssTokens(css)
	if err != nil {
		return "", err
	}
	out, _ := filterRules(dropComments(toks))
	return out, nil
}

// dropComments returns toks without their comments. A comment between two tokens that would run
// together without it (a/**/b) is kept.
func dropComments(toks []*scanner.Token) []*scanner.Token {
	apart := func(i int) bool { // toks[i] keeps its neighbours apart by itself, or there is none
		return i < 0 || i >= len(toks) || toks[i].Type == scanner.TokenS || toks[i].Type == scanner.TokenChar
	}
	out := make([]*scanner.Token, 0, len(toks))
	for i, t := range toks {
		if t.Type == scanner.TokenComment && (apart(i-1) || apart(i+1)) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// cssTokens splits css into CSS tokens with github.com/gorilla/css/scanner: braces and commas in
// strings and comments are part of those tokens. The tokens' values put together give css back,
// but for CR, FF and NUL, which the scanner normalizes (newPageAssets has turned CR into LF and
// refuses a NUL). A comment, string or block that does not close is an error, and so is a } that
// closes none.
func cssTokens(css string) ([]*scanner.Token, error) {
	var toks, open []*scanner.Token // open: the { of the blocks not closed yet
	for s := scanner.New(css); ; {
		t := s.Next()
		switch {
		case t.Type == scanner.TokenError:
			return nil, errorAt(t, t.Value) // "unclosed comment", "unclosed quotation mark"
		case t.Type == scanner.TokenEOF && len(open) > 0:
			return nil, errorAt(open[len(open)-1], "a block that does not close")
		case t.Type == scanner.TokenEOF:
			return toks, nil
		case isChar(t, "{"):
			open = append(open, t)
		case isChar(t, "}") && len(open) == 0:
			return nil, errorAt(t, "a } that closes no block")
		case isChar(t, "}"):
			open = open[:len(open)-1]
		}
		toks = append(toks, t)
	}
}

// filterRules returns the text of the rules of toks (a sheet, or the block of an @media or
// @supports) that embeds keep, and whether it keeps one.
func filterRules(toks []*scanner.Token) (string, bool) {
	var b strings.Builder
	some := false
	for len(toks) > 0 {
		open := slices.IndexFunc(toks, func(t *scanner.Token) bool { return isChar(t, "{;") })
		if open < 0 {
			b.WriteString(cssText(toks)) // what follows the last rule: space and comments
			break
		}
		if toks[open].Value == ";" { // a statement (@charset "x"; @layer a;), kept
			b.WriteString(cssText(toks[:open+1]))
			toks, some = toks[open+1:], true
			continue
		}
		end := blockEnd(toks, open)
		prelude, body, rule := toks[:open], toks[open+1:end], cssText(toks[:end+1])
		toks = toks[end+1:]
		sels, at := selectors(prelude), ""
		if first := sels[0]; len(first) > 0 && first[0].Type == scanner.TokenAtKeyword {
			at = strings.ToLower(first[0].Value)
		}
		switch {
		case at == "@media" || at == "@supports":
			if inner, kept := filterRules(body); kept {
				b.WriteString(cssText(prelude) + "{" + inner + "}")
				some = true
			}
		case at != "":
			b.WriteString(rule)
			some = true
		default:
			var kept []string
			for _, sel := range sels {
				if !slices.ContainsFunc(classesAndIDs(sel), pagesOnly) {
					kept = append(kept, strings.TrimSpace(cssText(sel)))
				}
			}
			switch len(kept) {
			case 0:
			case len(sels):
				b.WriteString(rule)
			default:
				b.WriteString("\n" + strings.Join(kept, ", ") + " {" + cssText(body) + "}")
			}
			some = some || len(kept) > 0
		}
	}
	return b.String(), some
}

// blockEnd returns the index in toks of the } that closes the block opened at toks[open] (cssTokens
// has checked that each block closes).
func blockEnd(toks []*scanner.Token, open int) int {
	for i, depth := open, 0; ; i++ {
		switch {
		case isChar(toks[i], "{"):
			depth++
		case isChar(toks[i], "}"):
			if depth--; depth == 0 {
				return i
			}
		}
	}
}

// selectors splits a rule's prelude (a selector list) at its commas, but for those in parentheses
// (:is(a, b)), and leaves out its comments and the space before each selector.
func selectors(prelude []*scanner.Token) [][]*scanner.Token {
	sels, depth := [][]*scanner.Token{nil}, 0
	for _, t := range prelude {
		switch {
		case t.Type == scanner.TokenComment, t.Type == scanner.TokenS && len(sels[len(sels)-1]) == 0:
			continue
		case t.Type == scanner.TokenFunction, isChar(t, "("):
			depth++
		case isChar(t, ")"):
			depth--
		case isChar(t, ",") && depth == 0:
			sels = append(sels, nil)
			continue
		}
		sels[len(sels)-1] = append(sels[len(sels)-1], t)
	}
	return sels
}

// classesAndIDs returns the class and id names that toks name (.name, #name), and the names of
// custom highlights (::highlight(name)), as written: a name
// spelled with an escape (.card\-x) is not matched to pagesOnlyNames, so its rule is kept, which
// costs an embed bytes where dropping it wrongly would leave an embed unstyled.
func classesAndIDs(toks []*scanner.Token) []string {
	var names []string
	for i, t := range toks {
		switch {
		case t.Type == scanner.TokenHash:
			names = append(names, t.Value[1:])
		case isChar(t, ".") && i+1 < len(toks) && toks[i+1].Type == scanner.TokenIdent:
			names = append(names, toks[i+1].Value)
		case t.Type == scanner.TokenFunction && strings.EqualFold(t.Value, "highlight(") && i+1 < len(toks) && toks[i+1].Type == scanner.TokenIdent:
			names = append(names, toks[i+1].Value)
		}
	}
	return names
}

// isChar reports whether t is a one-character token that is one of chars.
func isChar(t *scanner.Token, chars string) bool {
	return t.Type == scanner.TokenChar && strings.Contains(chars, t.Value)
}

// cssText returns the text of toks.
func cssText(toks []*scanner.Token) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.Value)
	}
	return b.String()
}

// errorAt returns an error that says what is wrong at t's place in the sheet.
func errorAt(t *scanner.Token, what string) error {
	return fmt.Errorf("line %d, column %d: %s", t.Line, t.Column, what)
}
