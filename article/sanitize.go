package article

import (
	"regexp"

	"github.com/microcosm-cc/bluemonday"

	"verbatim/article/safe"
)

// sanitizePolicy is the one sanitizer policy of Verbatim. It is built once, at package initialisation, and
// shared: a built bluemonday policy is safe for concurrent use. Nothing may change it after init.
var sanitizePolicy = newPolicy()

var (
	// linkURL and imageURL admit the raw values of href and src whose scheme the URL policy
	// (package safe) admits there; safe.Admits then judges the parsed URL.
	linkURL  = regexp.MustCompile(safe.HrefAttr.SchemePattern())
	imageURL = regexp.MustCompile(safe.SrcAttr.SchemePattern())
	// rxLangAttr admits language tags ("en", "pt-BR"), as safe.LangFrom does.
	rxLangAttr = regexp.MustCompile(safe.LangPattern)
	// altText admits any alternative text up to 1,000 bytes without control characters:
	// bluemonday escapes attribute values, and alt text often holds quotes and colons, which
	// bluemonday's Paragraph pattern refuses.
	altText = regexp.MustCompile(`^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F]{0,1000}$`)
)

// newPolicy builds the sanitizer policy. It is bluemonday's UGCPolicy, tightened:
//
//   - no id, name, class or style attribute from the article (nor title, which we never show);
//   - URLs only as the URL policy of package safe admits them, the one policy the renderer applies
//     too: links to absolute http, https and mailto addresses, images from absolute http and https
//     addresses, with a host and no user name or password; no data: URIs (the package comment of
//     safe says why), no relative URLs. Each link gets rel="nofollow noreferrer" and, when it
//     leaves for another host, target="_blank" with rel "noopener" added (bluemonday adds
//     noopener only beside target="_blank"; the HTML standard makes noreferrer imply noopener, so
//     every link opens with no opener and no referrer);
//   - no image maps, no cite URLs (the Article has no place for them), no forms, media, frames,
//     scripts or styles.
//
// One allowance goes past UGCPolicy: alt text with any characters, for accessibility (UGCPolicy's
// pattern drops alt text holding a colon or a quotation mark; bluemonday escapes attribute values,
// and the renderer makes them safe.Text). TestPolicyWithinUGC checks that nothing else goes past it.
//
// bluemonday's builder cannot take an allowance back, so UGCPolicy's element list is restated
// here without the allowances above rather than built on top of UGCPolicy().
func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowAttrs("dir").Matching(bluemonday.Direction).Globally()
	p.AllowAttrs("lang").Matching(rxLangAttr).Globally()

	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(false)
	for _, scheme := range safe.Schemes() {
		p.AllowURLSchemeWithCustomPolicy(scheme, safe.Admits)
	}
	p.RequireNoFollowOnLinks(true)
	p.RequireNoReferrerOnLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(true)

	p.AllowElements("article", "aside", "section", "figure", "figcaption", "summary", "details", "hgroup")
	p.AllowElements("h1", "h2", "h3", "h4", "h5", "h6")
	p.AllowElements("blockquote", "br", "div", "hr", "p", "span", "wbr")
	p.AllowAttrs("href").Matching(linkURL).OnElements("a")
	p.AllowElements("abbr", "acronym", "cite", "code", "dfn", "em", "mark", "s", "samp", "strong",
		"sub", "sup", "var", "q", "time", "b", "i", "pre", "small", "strike", "tt", "u", "kbd",
		"bdi", "bdo", "del", "ins", "rp", "rt", "ruby")
	p.AllowAttrs("dir").Matching(bluemonday.Direction).OnElements("bdi", "bdo")
	p.AllowElements("ul", "ol", "li", "dl", "dt", "dd")
	p.AllowElements("table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "col", "colgroup")
	p.AllowAttrs("colspan", "rowspan").Matching(bluemonday.Integer).OnElements("td", "th")
	p.AllowAttrs("alt").Matching(altText).OnElements("img")
	p.AllowAttrs("src").Matching(imageURL).OnElements("img")
	return p
}

// Sanitize runs untrusted HTML through the one sanitizer policy and returns HTML that holds only
// the allowed elements and attributes. It is the trust boundary of the package: everything Parse
// builds from HTML (full pages after readability, fragments, Markdown after goldmark) passes
// through it last, and only its output is walked into blocks. Sanitizing its output again
// returns the same string.
func Sanitize(untrusted string) string {
	return sanitizePolicy.Sanitize(untrusted)
}

// safeHref reports whether an href taken from sanitized HTML is one the URL policy admits for
// links. The walker checks again so that a change to the sanitizer cannot widen what reaches a Run.
func safeHref(s string) bool {
	_, ok := safe.Href(s)
	return ok
}

// safeSrc reports whether an image source taken from sanitized HTML is one the URL policy admits.
func safeSrc(s string) bool {
	_, ok := safe.Src(s)
	return ok
}
