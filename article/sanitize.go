package article

import (
	"encoding/base64"
	"net/url"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
)

// sanitizePolicy is the one sanitizer policy of Verbatim. It is built once, at package initialisation, and
// shared: a built bluemonday policy is safe for concurrent use. Nothing may change it after init.
var sanitizePolicy = newPolicy()

var (
	// linkURL admits only absolute http, https and mailto links.
	linkURL = regexp.MustCompile(`^\s*(?i:https?://[^/?#\s]|mailto:)`)
	// imageURL admits only absolute http and https images and data:image URIs.
	imageURL = regexp.MustCompile(`^\s*(?i:https?://[^/?#\s]|data:image/)`)
	// dataImage is the only form of data URI that may pass: a base64 raster image.
	dataImage = regexp.MustCompile(`^image/(?:png|jpeg|gif|webp);base64,`)
	// rxLangAttr admits language tags ("en", "pt-BR").
	rxLangAttr = regexp.MustCompile(`^[a-zA-Z]{2,8}(?:-[a-zA-Z0-9]{1,8})*$`)
	// altText admits any alternative text up to 1,000 bytes without control characters:
	// bluemonday escapes attribute values, and alt text often holds quotes and colons, which
	// bluemonday's Paragraph pattern refuses.
	altText = regexp.MustCompile(`^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F]{0,1000}$`)
)

// newPolicy builds the sanitizer policy. It is bluemonday's UGCPolicy, tightened:
//
//   - no id, name, class or style attribute from the article (nor title, which we never show);
//   - links only to absolute http, https and mailto addresses, each with rel="nofollow noreferrer"
//     and, when they leave for another host, target="_blank" with rel "noopener" added
//     (bluemonday adds noopener only beside target="_blank"; the HTML standard makes noreferrer
//     imply noopener, so every link opens with no opener and no referrer);
//   - images only from absolute http and https addresses and base64 data:image URIs (png, jpeg,
//     gif, webp); data URIs anywhere else are refused;
//   - no image maps, no cite URLs, no forms, media, frames, scripts or styles.
//
// Two allowances go past UGCPolicy: data:image sources, which Verbatim's design asks for, and
// alt text with any characters, for accessibility (UGCPolicy's pattern drops alt text holding a
// colon or a quotation mark; bluemonday escapes attribute values, and the renderer passes them
// through its own attribute guard).
// TestPolicyWithinUGC checks that nothing else goes past it.
//
// bluemonday's builder cannot take an allowance back, so UGCPolicy's element list is restated
// here without the allowances above rather than built on top of UGCPolicy().
func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowAttrs("dir").Matching(bluemonday.Direction).Globally()
	p.AllowAttrs("lang").Matching(rxLangAttr).Globally()

	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(false)
	p.AllowURLSchemes("mailto")
	for _, scheme := range []string{"http", "https"} {
		p.AllowURLSchemeWithCustomPolicy(scheme, func(u *url.URL) bool { return u.Host != "" })
	}
	p.AllowURLSchemeWithCustomPolicy("data", func(u *url.URL) bool {
		if u.RawQuery != "" || u.Fragment != "" {
			return false
		}
		m := dataImage.FindString(u.Opaque)
		if m == "" {
			return false
		}
		_, err := base64.StdEncoding.DecodeString(u.Opaque[len(m):])
		return err == nil
	})
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

// safeHref reports whether an href taken from sanitized HTML is one the policy admits for links.
// The walker checks again so that a change to the policy cannot widen what reaches a Run.
func safeHref(s string) bool {
	return linkURL.MatchString(s) && !strings.ContainsAny(s, " \t\n\r\x00")
}

// safeSrc reports whether an image source taken from sanitized HTML is one the policy admits.
func safeSrc(s string) bool {
	return imageURL.MatchString(s)
}
