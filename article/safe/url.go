package safe

import (
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"verbatim/article/model"
)

// maxURLBytes bounds a URL the policy admits: a longer one is data, not a link a reader follows
// (servers commonly refuse request lines past 8 KiB).
const maxURLBytes = 8 << 10

// URL is a URL the policy admits for one attribute, normalised and escaped. Its zero value is no
// URL: the attribute is left out.
type URL struct{ s string }

// String returns the URL as it is written in the attribute.
func (u URL) String() string { return u.s }

// URLAttr is an attribute that holds a URL.
type URLAttr string

// The URL attributes of an article.
const (
	HrefAttr URLAttr = "href" // a link: http, https or mailto
	SrcAttr  URLAttr = "src"  // an image: http or https
	CiteAttr URLAttr = "cite" // a quotation's source: http or https
)

// Schemes returns the schemes a admits, in lower case; none for an attribute the policy does not
// know.
func (a URLAttr) Schemes() []string {
	switch a {
	case HrefAttr:
		return []string{"http", "https", "mailto"}
	case SrcAttr, CiteAttr:
		return []string{"http", "https"}
	}
	return nil
}

// SchemePattern returns a regular expression that matches a raw attribute value starting with one
// of a's schemes (after ASCII white space, in any case). It is for a sanitizer that admits
// attributes by pattern before it parses their URLs (bluemonday's Matching), and then asks Admits
// about the parsed URL.
func (a URLAttr) SchemePattern() string {
	return `^\s*(?i:` + strings.Join(a.Schemes(), "|") + `):`
}

// URL returns raw as a URL for attribute a, or false when the policy refuses it. The URL is
// parsed with net/url and written again (its scheme in lower case), with what an attribute must
// not hold percent-encoded: `"`, `'`, `<`, `>`, `\`, the backtick and every non-ASCII byte (a
// non-ASCII host too, which browsers read as its IDNA form). So its String is printable ASCII.
//
// Trust boundary: raw is untrusted; see the package comment for what is admitted.
func (a URLAttr) URL(raw string) (URL, bool) {
	s, ok := clean(raw, a.Schemes())
	if !ok {
		return URL{}, false
	}
	return URL{s}, true
}

// Href returns raw as a link's URL (HrefAttr.URL).
func Href(raw string) (URL, bool) { return HrefAttr.URL(raw) }

// Src returns raw as an image's URL (SrcAttr.URL).
func Src(raw string) (URL, bool) { return SrcAttr.URL(raw) }

// Cite returns raw as a quotation's source URL (CiteAttr.URL).
func Cite(raw string) (URL, bool) { return CiteAttr.URL(raw) }

// ArticlePath returns the reader's path of article id (model.ArticlePath), or false when id is not
// a valid id (model.ValidID). It is the one way an app route built from an article's id becomes a
// URL: ids come from stored records and JSON, which are untrusted.
func ArticlePath(id model.ArticleID) (URL, bool) {
	if !model.ValidID(string(id)) {
		return URL{}, false
	}
	return URL{model.ArticlePath(id)}, true
}

// JSONPath returns the path of article id's JSON (model.JSONPath), or false when id is not a valid
// id (model.ValidID), for the reader's data-json: the scripts fetch the article there to keep it.
func JSONPath(id model.ArticleID) (URL, bool) {
	if !model.ValidID(string(id)) {
		return URL{}, false
	}
	return URL{model.JSONPath(id)}, true
}

// QuoteLink returns the link to quote id in its article's page, "#" and its fragment
// (model.QuoteFragment), for the quote panel: a plain fragment link that reaches the quote with no
// script at all. It is the zero URL for an empty id.
//
// Trust boundary: id comes from an article; model.QuoteFragment keeps only ASCII letters, digits, "-"
// and "_".
func QuoteLink(id model.QuoteID) URL {
	if id == "" {
		return URL{}
	}
	return URL{"#" + model.QuoteFragment(id)}
}

// QuoteInArticle returns the link to quote q in article id's reader, /article/{id}#{fragment}
// (model.ArticlePath, model.QuoteFragment), or false when id is not a valid id or q is empty.
func QuoteInArticle(id model.ArticleID, q model.QuoteID) (URL, bool) {
	if !model.ValidID(string(id)) || q == "" {
		return URL{}, false
	}
	return URL{model.ArticlePath(id) + "#" + model.QuoteFragment(q)}, true
}

// SpeakerPath returns the page of the person with slug (model.SpeakerPath), or false when slug is
// not a valid slug (model.ValidSpeakerSlug).
func SpeakerPath(slug string) (URL, bool) {
	if !model.ValidSpeakerSlug(slug) {
		return URL{}, false
	}
	return URL{model.SpeakerPath(slug)}, true
}

// Schemes returns every scheme the policy admits in some URL attribute.
func Schemes() []string { return HrefAttr.Schemes() }

// Admits reports whether the policy admits u, as net/url parsed it, in an attribute that allows its
// scheme. It is for a sanitizer that parses URLs itself (bluemonday's AllowURLSchemeWithCustomPolicy);
// the sanitizer must check the scheme against the attribute first (SchemePattern).
func Admits(u *url.URL) bool {
	_, ok := clean(u.String(), Schemes())
	return ok
}

// clean is the URL policy: raw, trimmed of ASCII white space (as HTML trims URL attributes), parsed
// and checked, then written again and escaped.
func clean(raw string, schemes []string) (string, bool) {
	raw = strings.Trim(raw, " \t\n\f\r")
	if raw == "" || len(raw) > maxURLBytes {
		return "", false
	}
	for _, r := range raw {
		if unicode.IsControl(r) || unicode.IsSpace(r) || r == utf8.RuneError {
			return "", false
		}
	}
	u, err := url.Parse(raw)
	if err != nil || !slices.Contains(schemes, u.Scheme) || u.User != nil {
		return "", false
	}
	var prefix string
	switch u.Scheme {
	case "http", "https":
		// url.URL.String percent-encodes a non-ASCII host, and validHost admits nothing else
		// that needs escaping, so escapeURL leaves the host as it is.
		prefix = u.Scheme + "://"
		if u.Opaque != "" || !validHost(u.Hostname()) {
			return "", false
		}
	case "mailto":
		// The address is u.Opaque, or u.Path when it starts with "/" (mailto:/dev/null@jwz.org).
		prefix = "mailto:"
		if u.Opaque == "" && u.Path == "" || u.Host != "" {
			return "", false
		}
	default:
		return "", false
	}
	s := u.String()
	if !strings.HasPrefix(s, prefix) {
		return "", false
	}
	if s = prefix + escapeURL(s[len(prefix):]); len(s) > maxURLBytes {
		return "", false
	}
	return s, true
}

// validHost reports whether h (a host name without port or brackets) is a DNS name or an IP
// address: letters (any script), digits, marks, ".", "-" and "_", or an IPv6 address's hex digits,
// ":" and ".". None of these needs escaping in an attribute.
func validHost(h string) bool {
	if h == "" {
		return false
	}
	for _, r := range h {
		ok := r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			r == '.' || r == '-' || r == '_' || r == ':') ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
		if !ok {
			return false
		}
	}
	return true
}

// escapeURL percent-encodes what url.URL.String leaves in place but an attribute must not hold,
// and every non-ASCII byte (url.URL.String leaves them in the query), so that the result is
// printable ASCII.
func escapeURL(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf || escapeByte(byte(r)) }) {
		return s
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || escapeByte(c) {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// escapeByte reports whether escapeURL percent-encodes the ASCII byte c.
func escapeByte(c byte) bool {
	switch c {
	case '"', '\'', '<', '>', '\\', '`':
		return true
	}
	return c <= ' ' || c == 0x7f
}
