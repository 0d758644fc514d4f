package components

import (
	"net/url"
	"strings"
	"unicode"
)

// idPrefix starts every element id derived from article data, so that an article can never clobber
// one of the app's own ids ("main", "app-wasm-loader") or a global DOM property.
const idPrefix = "art-"

// SafeAttr returns value made safe to write as the attribute name of an element, or "" when it must
// be dropped. It is the one gate for every attribute value that comes from an article (href, src, alt,
// title, cite, lang, dir, ids): callers omit the attribute when it returns "".
//
// Trust boundary: value is untrusted. go-app's server prerender writes attribute values with
// strconv.Quote, which is not HTML escaping, so a `"` in value would end the attribute and open a new
// one (an onfocus handler, say). SafeAttr guarantees its result holds no `"`, `<`, `>`, backslash,
// backtick or control character, and:
//   - href, src, cite: an absolute http or https URL (href may also be mailto), re-serialized with
//     the dangerous characters percent-encoded; anything else (javascript:, data:, relative or
//     protocol-relative URLs) is dropped, so article links can never drive the app's own routes;
//   - id: prefixed with "art-" and reduced to letters, digits, "-" and "_";
//   - data-quote-id, data-speaker-id, data-article-id: reduced to letters, digits, "-" and "_";
//   - lang: a language tag of letters, digits and "-"; dir: ltr, rtl or auto;
//   - any other attribute (alt, title, aria-label…): text with `"` turned to `'`, `<` `>` to ‹ ›,
//     `&` to ＆, backslashes to ∖ and control characters to spaces.
func SafeAttr(name, value string) string {
	value = strings.TrimSpace(value)
	if value == "" {
		return ""
	}
	switch name {
	case "href":
		return safeURL(value, true)
	case "src", "cite":
		return safeURL(value, false)
	case "id":
		if t := token(value); t != "" {
			return idPrefix + t
		}
		return ""
	case "data-quote-id", "data-speaker-id", "data-article-id":
		return token(value)
	case "lang":
		if len(value) > 35 {
			return ""
		}
		for _, r := range value {
			if !(r == '-' || r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
				return ""
			}
		}
		return value
	case "dir":
		switch v := strings.ToLower(value); v {
		case "ltr", "rtl", "auto":
			return v
		}
		return ""
	default:
		return safeText(value)
	}
}

// token keeps ASCII letters, digits, "-" and "_", and turns every other rune into "-".
func token(s string) string {
	if len(s) > 128 {
		s = s[:128]
	}
	return strings.Map(func(r rune) rune {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, s)
}

var textReplacer = strings.NewReplacer(`"`, `'`, `<`, `‹`, `>`, `›`, `&`, `＆`, `\`, `∖`, "`", `'`)

func safeText(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(textReplacer.Replace(s))
}

// urlEscaper percent-encodes what url.URL.String leaves in place but an attribute must not hold.
var urlEscaper = strings.NewReplacer(`"`, "%22", `'`, "%27", `<`, "%3C", `>`, "%3E", `\`, "%5C", "`", "%60", " ", "%20")

func safeURL(raw string, allowMailto bool) string {
	for _, r := range raw {
		if unicode.IsControl(r) || unicode.IsSpace(r) {
			return ""
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" || u.User != nil {
			return ""
		}
	case "mailto":
		if !allowMailto || u.Opaque == "" {
			return ""
		}
	default:
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	return urlEscaper.Replace(u.String())
}
