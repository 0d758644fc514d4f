// Package articlecheck holds checks that tests in several packages run on a parsed model.Article.
// It is for tests: nothing in a binary imports it.
package articlecheck

import (
	"fmt"
	"strings"

	"verbatim/article/model"
	"verbatim/article/safe"
)

// BadURLs lists the links and image sources of a, and its own URL, that the URL policy
// (article/safe) refuses or that fall outside the Article contract's forms whatever the policy
// says: links to http, https and mailto, images from http and https (the policy drops data:
// images), the article's URL http or https, none with white space or a control character. Each
// entry says what and where; an Article the sanitizer made gives none.
//
// Trust boundary: a is untrusted (parsed from hostile input); BadURLs only reads it.
func BadURLs(a *model.Article) []string {
	var bad []string
	link := func(where, href string) {
		if _, ok := safe.Href(href); !ok || !contractURL(href, "http://", "https://", "mailto:") {
			bad = append(bad, fmt.Sprintf("a link to %q in %s", href, where))
		}
	}
	var check func(b model.Block)
	check = func(b model.Block) {
		for _, r := range b.Runs {
			if r.Href != "" {
				link("block "+string(b.ID), r.Href)
			}
		}
		if _, ok := safe.Src(b.Src); b.Src != "" && (!ok || !contractURL(b.Src, "http://", "https://")) {
			bad = append(bad, fmt.Sprintf("an image from %q in block %s", b.Src, b.ID))
		}
		for _, it := range b.Items {
			check(it)
		}
	}
	for _, b := range a.Blocks {
		check(b)
	}
	for i, e := range a.Extras {
		if e.Href != "" {
			link(fmt.Sprintf("extra %d", i), e.Href)
		}
	}
	if a.URL != "" && !contractURL(a.URL, "http://", "https://") {
		bad = append(bad, fmt.Sprintf("the article's URL %q", a.URL))
	}
	return bad
}

// contractURL reports whether u starts with one of prefixes, in any case, and holds no white space
// or control character (which a browser would strip, joining what is around them).
func contractURL(u string, prefixes ...string) bool {
	if strings.ContainsFunc(u, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return false
	}
	for _, p := range prefixes {
		if len(u) >= len(p) && strings.EqualFold(u[:len(p)], p) {
			return true
		}
	}
	return false
}
