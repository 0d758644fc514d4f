package safe

import (
	"strings"

	"verbatim/article/model"
)

// maxTokenBytes bounds a token or an id made from article data.
const maxTokenBytes = 128

// Token is a value made of ASCII letters, digits, "-" and "_" only (and ".", in an article's id made
// by ArticleToken): a data-* value (a quote's, a speaker's or an article's id) or a class name.
type Token struct{ s string }

// String returns the token as it is written in the attribute.
func (t Token) String() string { return t.s }

// TokenFrom returns s, cut to 128 bytes, with every rune but ASCII letters, digits, "-" and "_"
// turned into "-"; the zero Token for an empty s.
//
// Trust boundary: s is untrusted. A token cannot split into two class names or end an attribute.
func TokenFrom(s string) Token { return Token{token(s)} }

// token keeps ASCII letters, digits, "-" and "_" of s, cut to maxTokenBytes, and turns every other
// rune into "-".
func token(s string) string {
	if len(s) > maxTokenBytes {
		s = s[:maxTokenBytes]
	}
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, s)
}

// ArticleToken returns article id as a data-* value (the reader's data-article-id), or false when
// id is not a valid id (model.ValidID). A valid id may hold "." besides what TokenFrom keeps, which
// needs no escaping in an attribute either; TokenFrom would turn it into "-" and name another
// article.
func ArticleToken(id model.ArticleID) (Token, bool) {
	if !model.ValidID(string(id)) {
		return Token{}, false
	}
	return Token{string(id)}, true
}

// ID is an element id. One made from article data can never be one of the app's own ids ("main",
// "app-wasm-loader") or shadow a global DOM property: it is prefixed (ElementID) or has the form
// only quotes take (QuoteElementID).
type ID struct{ s string }

// String returns the id as it is written in the attribute.
func (id ID) String() string { return id.s }

// idPrefix starts every element id ElementID makes.
const idPrefix = "art-"

// ElementID returns s as an element id: "art-" and TokenFrom(s); the zero ID for an empty s.
//
// Trust boundary: s is untrusted.
func ElementID(s string) ID {
	if t := token(s); t != "" {
		return ID{idPrefix + t}
	}
	return ID{}
}

// QuoteElementID returns the id of a quote's first element in the reader, which is its URL
// fragment (model.QuoteFragment), so that /article/{id}#q3 reaches it; the zero ID for an empty id.
//
// Trust boundary: id comes from an article; model.QuoteFragment keeps it only in the form q1 …
// q999999, and prefixes anything else with "art-quote-".
func QuoteElementID(id model.QuoteID) ID {
	if id == "" {
		return ID{}
	}
	return ID{model.QuoteFragment(id)}
}

// stringConstant is the type of IDFromConstant's argument. It is unexported, so only an untyped
// string constant converts to it: a variable of type string does not compile.
type stringConstant string

// IDFromConstant returns the app's own element id c, a constant in its source ("set-theme").
func IDFromConstant(c stringConstant) ID { return ID{string(c)} }
