package model

import (
	"net/url"
	"strings"
)

// The URL rules of an article live here and nowhere else: the app's routes, the server's pages,
// oEmbed, the export and the reader's links all build and read their paths with these functions, so
// that a route change is one edit.
const (
	articlePrefix = "/article/"
	embedPrefix   = "/embed/"
	jsonPrefix    = "/articles/"
	// idPattern is ValidID's characters as a regular expression, for go-app's routes (ArticleRoute,
	// EmbedRoute), without its length bound: a bounded repetition ({0,127}) compiles to one copy per
	// repetition, 173 µs and 1,721 allocations against 9 µs and 74 natively, and go-app compiles
	// every route before its main runs. TestIDPatternAgreesWithValidID keeps the two one rule but for
	// the length.
	idPattern = `[A-Za-z0-9][A-Za-z0-9._-]*`
	// maxIDBytes bounds an id: it is a path segment, a file name in an export and a cache key.
	maxIDBytes = 128
)

// PathKind says which of an article's pages a path names.
type PathKind string

// The pages of an article.
const (
	PathArticle PathKind = "article" // /article/{id}: the reader
	PathEmbed   PathKind = "embed"   // /embed/{id}: the chrome-less reader for partners' iframes
)

// The pages of the people quoted across the library (issue 15): these are no article's pages, so
// ParseArticlePath never returns them; ParseSpeakerPath does.
const (
	PathSpeakers PathKind = "speakers" // /speakers: everyone quoted, with quote counts and roles
	PathSpeaker  PathKind = "speaker"  // /speaker/{slug}: everything one person said
)

// ArticleRoute and EmbedRoute are the regular expressions go-app routes /article/{id} and
// /embed/{id} with: the paths ParseArticlePath accepts, and the same paths with an id longer than
// ValidID's bound, which ParseArticlePath refuses. The server answers those as a path with no route
// before go-app renders anything (RefusedPagePath), and the reader shows them as an unknown article.
const (
	ArticleRoute = `^/article/` + idPattern + `$`
	EmbedRoute   = `^/embed/` + idPattern + `$`
)

// The speaker pages' paths and go-app's route of a person's page (SpeakersPath is an exact path,
// routed as one). SpeakerRoute matches the paths ParseSpeakerPath accepts, and the same paths with a
// slug longer than ValidSpeakerSlug's bound, which ParseSpeakerPath refuses: the server answers
// those as a path with no route before go-app renders anything (RefusedPagePath), and the speakers
// page shows them as an unknown person.
const (
	SpeakersPath  = "/speakers"
	speakerPrefix = "/speaker/"
	// speakerSlugPattern is ValidSpeakerSlug's characters as a regular expression, without its
	// length bound (see idPattern: {0,79} cost 202 µs and 1,810 allocations, this 10 µs and 82);
	// TestSpeakerSlugPatternAgreesWithValidSpeakerSlug keeps the two one rule but for the length.
	speakerSlugPattern = `[a-z0-9](?:-?[a-z0-9])*`
	// maxSpeakerSlugBytes bounds a speaker's slug, a path segment and a file name in an export.
	maxSpeakerSlugBytes = 80
	SpeakerRoute        = `^/speaker/` + speakerSlugPattern + `$`
)

// RefusedPagePath reports whether path is under the prefix of an article's or a person's page
// (/article/, /embed/, /speaker/) but ParseArticlePath and ParseSpeakerPath refuse it: it names no
// page, though go-app's routes take some such paths (an id or slug over its length bound). Whoever
// renders a route checks it first; the server answers such a path as one with no route.
//
// Trust boundary: path is untrusted (a request path); it is only compared.
func RefusedPagePath(path string) bool {
	for _, prefix := range []string{articlePrefix, embedPrefix, speakerPrefix} {
		if strings.HasPrefix(path, prefix) {
			_, _, article := ParseArticlePath(path)
			_, _, speaker := ParseSpeakerPath(path)
			return !article && !speaker
		}
	}
	return false
}

// ValidSpeakerSlug reports whether s can name a person in a URL: 1 to 80 lowercase ASCII letters,
// digits and single hyphens, starting and ending with a letter or digit (what crossref.Slug gives).
//
// Trust boundary: s is untrusted (a request path). A valid slug needs no escaping in a path, a file
// name or an HTML attribute.
func ValidSpeakerSlug(s string) bool { return len(s) <= maxSpeakerSlugBytes && speakerSlugChars(s) }

// speakerSlugChars is ValidSpeakerSlug but for the length bound: what SpeakerRoute's pattern takes.
func speakerSlugChars(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// SpeakerPath returns the page of the person with slug: /speaker/{slug}. slug must be valid
// (ValidSpeakerSlug); it is escaped anyway.
func SpeakerPath(slug string) string { return speakerPrefix + url.PathEscape(slug) }

// ParseSpeakerPath returns the slug and the page that path names: PathSpeakers for /speakers (slug
// empty), PathSpeaker for /speaker/{slug} with a valid slug; ok is false for any other path.
func ParseSpeakerPath(path string) (slug string, kind PathKind, ok bool) {
	if path == SpeakersPath {
		return "", PathSpeakers, true
	}
	if rest, found := strings.CutPrefix(path, speakerPrefix); found && ValidSpeakerSlug(rest) {
		return rest, PathSpeaker, true
	}
	return "", "", false
}

// ValidID reports whether s can name an article in a URL: 1 to 128 ASCII letters, digits, ".", "_"
// and "-", starting with a letter or digit. Every id the server or an import gives is valid (see
// article.Slug); an id that is not is never rendered, linked or stored (go-app's routes take an id
// over the length bound: see ArticleRoute).
//
// Trust boundary: s is untrusted (a request path, a stored record). A valid id needs no escaping in
// a path, a file name, an HTML attribute or a CSS selector.
func ValidID(s string) bool { return len(s) <= maxIDBytes && idChars(s) }

// idChars is ValidID but for the length bound: what ArticleRoute's and EmbedRoute's pattern takes.
func idChars(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || c != '.' && c != '_' && c != '-') {
			return false
		}
	}
	return true
}

// ArticlePath returns the reader's path of article id: /article/{id}.
func ArticlePath(id ArticleID) string { return articlePrefix + url.PathEscape(string(id)) }

// EmbedPath returns the embed page's path of article id: /embed/{id}.
func EmbedPath(id ArticleID) string { return embedPrefix + url.PathEscape(string(id)) }

// JSONPath returns the path of article id's JSON: /articles/{id}.json.
func JSONPath(id ArticleID) string { return jsonPrefix + url.PathEscape(string(id)) + ".json" }

// ParseArticlePath returns the article id and the page that path names, for /article/{id} and
// /embed/{id} with a valid id; ok is false for any other path.
func ParseArticlePath(path string) (id ArticleID, kind PathKind, ok bool) {
	for _, k := range []PathKind{PathArticle, PathEmbed} {
		if rest, found := strings.CutPrefix(path, "/"+string(k)+"/"); found && ValidID(rest) {
			return ArticleID(rest), k, true
		}
	}
	return "", "", false
}

// QuoteFragment returns the URL fragment, without "#", that links to quote id in its article's page,
// which is also the id of the quote's first element there: the quote id itself when it has the form
// article.Parse gives it ("q3"), so that /article/{id}#q3 reaches the quote before any script runs
// and CSS :target highlights it.
//
// Trust boundary: id comes from an article, which may be a stored or tampered copy. Only ids of the
// form q1 … q999999 are used as they are: they cannot clobber one of the app's own element ids. Any
// other id is reduced to ASCII letters, digits, "-" and "_" and prefixed with "art-quote-".
func QuoteFragment(id QuoteID) string {
	if isParsedQuoteID(string(id)) {
		return string(id)
	}
	s := string(id)
	if len(s) > maxIDBytes {
		s = s[:maxIDBytes]
	}
	return "art-quote-" + strings.Map(func(r rune) rune {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return r
		}
		return '-'
	}, s)
}

// isParsedQuoteID reports whether s is "q" and 1 to 6 digits, not starting with 0.
func isParsedQuoteID(s string) bool {
	if len(s) < 2 || len(s) > 7 || s[0] != 'q' || s[1] == '0' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
