package model

import (
	"regexp"
	"strings"
	"testing"
)

func TestValidID(t *testing.T) {
	t.Parallel()
	good := []string{"a", "0", "zakaria-peskov", "my-zakaria-peskov", "A.b_c-d", "x..y", strings.Repeat("a", 128)}
	bad := []string{"", "-a", ".a", "_a", "a/b", "a b", "a%20", "café", "a\x00", "a?b", "a#b", strings.Repeat("a", 129), "..", "<x>"}
	for _, s := range good {
		if !ValidID(s) {
			t.Errorf("ValidID(%q) = false, want true", s)
		}
	}
	for _, s := range bad {
		if ValidID(s) {
			t.Errorf("ValidID(%q) = true, want false", s)
		}
	}
}

// TestIDPatternAgreesWithValidID keeps the routes' regular expressions (go-app's) and ValidID one
// rule but for the length: over every string of a set built from the characters that matter, and
// around the bound, what ValidID accepts the pattern accepts, and what the pattern accepts that
// ValidID refuses is longer than the bound and otherwise valid.
func TestIDPatternAgreesWithValidID(t *testing.T) {
	t.Parallel()
	re := regexp.MustCompile(`^` + idPattern + `$`)
	agreeUpTo(t, "ValidID", ValidID, idChars, maxIDBytes, re, []string{"a", "Z", "5", ".", "_", "-", "/", " ", "é", "%"}, 3)
	checkAround(t, "ValidID", ValidID, idChars, maxIDBytes, re, []boundCase{
		{strings.Repeat("a", 127), true, true},
		{strings.Repeat("a", 128), true, true},
		{strings.Repeat("a", 129), false, true},
		{"a" + strings.Repeat("-", 200), false, true},
		{strings.Repeat("a", 200) + "/", false, false},
		{"-" + strings.Repeat("a", 200), false, false},
	})
	for _, c := range []struct {
		route, path string
		want        bool
	}{
		{ArticleRoute, "/article/zakaria-peskov", true},
		{ArticleRoute, "/article/", false},
		{ArticleRoute, "/article/a/b", false},
		{ArticleRoute, "/embed/a", false},
		{ArticleRoute, "/article/" + strings.Repeat("a", 129), true},
		{EmbedRoute, "/embed/zakaria-peskov", true},
		{EmbedRoute, "/embed/-x", false},
		{EmbedRoute, "/embed/" + strings.Repeat("a", 129), true},
	} {
		if got := regexp.MustCompile(c.route).MatchString(c.path); got != c.want {
			t.Errorf("%s matches %.40q: %v, want %v", c.route, c.path, got, c.want)
		}
	}
}

// agreeUpTo checks valid against the route pattern re over every string of up to depth pieces of
// alphabet: what valid accepts, re accepts; what re accepts and valid refuses is longer than bound
// bytes and taken by chars, valid without its length bound (checkBound).
func agreeUpTo(t *testing.T, name string, valid, chars func(string) bool, bound int, re *regexp.Regexp, alphabet []string, depth int) {
	t.Helper()
	var walk func(prefix string, depth int)
	walk = func(prefix string, depth int) {
		checkBound(t, name, valid, chars, bound, re, prefix)
		if depth == 0 {
			return
		}
		for _, c := range alphabet {
			walk(prefix+c, depth-1)
		}
	}
	walk("", depth)
}

// boundCase is a string around a length bound, and whether the rule and the route pattern take it.
type boundCase struct {
	s            string
	valid, route bool
}

// checkAround checks valid and the route pattern re on each case, as agreeUpTo does and against the
// case's answers.
func checkAround(t *testing.T, name string, valid, chars func(string) bool, bound int, re *regexp.Regexp, cases []boundCase) {
	t.Helper()
	for _, c := range cases {
		if ok, route := valid(c.s), re.MatchString(c.s); ok != c.valid || route != c.route {
			t.Errorf("%d bytes %.3q…: %s %v, route pattern %v; want %v, %v", len(c.s), c.s, name, ok, route, c.valid, c.route)
		}
		checkBound(t, name, valid, chars, bound, re, c.s)
	}
}

// checkBound checks one string s as agreeUpTo does: the route pattern takes what chars, the rule
// without its length bound, takes; what the rule refuses and the pattern takes is longer than bound.
func checkBound(t *testing.T, name string, valid, chars func(string) bool, bound int, re *regexp.Regexp, s string) {
	t.Helper()
	ok, route := valid(s), re.MatchString(s)
	switch {
	case route != chars(s):
		t.Errorf("%.40q: the route pattern %v, %s but for the length %v", s, route, name, chars(s))
	case ok && !route:
		t.Errorf("%.40q: %s accepts it, the route pattern does not", s, name)
	case route && !ok && len(s) <= bound:
		t.Errorf("%.40q: the route pattern accepts it, %s refuses it for more than its length", s, name)
	}
}

func TestParseArticlePath(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		path string
		id   ArticleID
		kind PathKind
		ok   bool
	}{
		{"/article/zakaria-peskov", "zakaria-peskov", PathArticle, true},
		{"/embed/my-x.1", "my-x.1", PathEmbed, true},
		{"/article/", "", "", false},
		{"/article/a/b", "", "", false},
		{"/article/%41", "", "", false},
		{"/articles/a.json", "", "", false},
		{"/", "", "", false},
		{"/import", "", "", false},
		{"/embed/.hidden", "", "", false},
	} {
		id, kind, ok := ParseArticlePath(c.path)
		if id != c.id || kind != c.kind || ok != c.ok {
			t.Errorf("ParseArticlePath(%q) = %q, %q, %v; want %q, %q, %v", c.path, id, kind, ok, c.id, c.kind, c.ok)
		}
	}
}

// TestPathsRoundTrip checks that every path built for a valid id parses back to it.
func TestPathsRoundTrip(t *testing.T) {
	t.Parallel()
	for _, id := range []ArticleID{"a", "zakaria-peskov", "my-a.b_c"} {
		for _, c := range []struct {
			path string
			kind PathKind
		}{{ArticlePath(id), PathArticle}, {EmbedPath(id), PathEmbed}} {
			got, kind, ok := ParseArticlePath(c.path)
			if !ok || got != id || kind != c.kind {
				t.Errorf("ParseArticlePath(%q) = %q, %q, %v; want %q, %q", c.path, got, kind, ok, id, c.kind)
			}
		}
		if got, want := JSONPath(id), "/articles/"+string(id)+".json"; got != want {
			t.Errorf("JSONPath(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestQuoteFragment(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		id   QuoteID
		want string
	}{
		{"q1", "q1"},
		{"q999999", "q999999"},
		{"q3", "q3"},
		{"q", "art-quote-q"},
		{"q0", "art-quote-q0"},
		{"q03", "art-quote-q03"},
		{"q1234567", "art-quote-q1234567"},
		{"q3x", "art-quote-q3x"},
		{"Q3", "art-quote-Q3"},
		{"main", "art-quote-main"},
		{`x" onfocus="alert(1)`, "art-quote-x--onfocus--alert-1-"},
		{"", "art-quote-"},
	} {
		if got := QuoteFragment(c.id); got != c.want {
			t.Errorf("QuoteFragment(%q) = %q, want %q", c.id, got, c.want)
		}
	}
}

// TestSpeakerSlugPatternAgreesWithValidSpeakerSlug keeps the speaker route's regular expression and
// ValidSpeakerSlug one rule but for the length (see agreeUpTo), over every string of a set built
// from the characters that matter and around the bound.
func TestSpeakerSlugPatternAgreesWithValidSpeakerSlug(t *testing.T) {
	t.Parallel()
	re := regexp.MustCompile(`^` + speakerSlugPattern + `$`)
	agreeUpTo(t, "ValidSpeakerSlug", ValidSpeakerSlug, speakerSlugChars, maxSpeakerSlugBytes, re, []string{"a", "z", "5", "-", "A", "_", ".", "/", "é"}, 4)
	checkAround(t, "ValidSpeakerSlug", ValidSpeakerSlug, speakerSlugChars, maxSpeakerSlugBytes, re, []boundCase{
		{strings.Repeat("a", 79), true, true},
		{strings.Repeat("a", 80), true, true},
		{strings.Repeat("a", 81), false, true},
		{strings.Repeat("a-", 60) + "a", false, true},
		{strings.Repeat("a", 100) + "-", false, false},
		{strings.Repeat("a", 100) + "--a", false, false},
		{strings.Repeat("a", 100) + "A", false, false},
	})
}

func TestParseSpeakerPath(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		path string
		slug string
		kind PathKind
		ok   bool
	}{
		{"/speakers", "", PathSpeakers, true},
		{"/speaker/dmitry-peskov", "dmitry-peskov", PathSpeaker, true},
		{"/speaker/p-3f2a9c", "p-3f2a9c", PathSpeaker, true},
		{"/speakers/", "", "", false},
		{"/speaker/", "", "", false},
		{"/speaker/Peskov", "", "", false},
		{"/speaker/a--b", "", "", false},
		{"/speaker/-a", "", "", false},
		{"/speaker/a-", "", "", false},
		{"/speaker/a/b", "", "", false},
		{"/speaker/%3Cx%3E", "", "", false},
		{"/article/dmitry-peskov", "", "", false},
		{"/", "", "", false},
	} {
		slug, kind, ok := ParseSpeakerPath(c.path)
		if slug != c.slug || kind != c.kind || ok != c.ok {
			t.Errorf("ParseSpeakerPath(%q) = %q, %q, %v; want %q, %q, %v", c.path, slug, kind, ok, c.slug, c.kind, c.ok)
		}
		if got, want := regexp.MustCompile(SpeakerRoute).MatchString(c.path), c.ok && c.kind == PathSpeaker; got != want {
			t.Errorf("%s matches %q: %v, want %v", SpeakerRoute, c.path, got, want)
		}
	}
	for _, slug := range []string{"a", "dmitry-peskov", "p-0a1b"} {
		if got, kind, ok := ParseSpeakerPath(SpeakerPath(slug)); !ok || got != slug || kind != PathSpeaker {
			t.Errorf("ParseSpeakerPath(SpeakerPath(%q)) = %q, %q, %v", slug, got, kind, ok)
		}
	}
}

// TestRefusedPagePath checks, path by path, the routes of an article's and a person's pages against
// ParseArticlePath and ParseSpeakerPath: a path they accept, its route takes; a path its route takes
// and they refuse has an id or slug over the bound, and RefusedPagePath says so, as it does for every
// refused path under those prefixes.
func TestRefusedPagePath(t *testing.T) {
	t.Parallel()
	routes := []*regexp.Regexp{regexp.MustCompile(ArticleRoute), regexp.MustCompile(EmbedRoute), regexp.MustCompile(SpeakerRoute)}
	id129, slug81 := strings.Repeat("a", 129), strings.Repeat("a", 81)
	for _, c := range []struct {
		path            string
		routed, refused bool
	}{
		{"/article/zakaria-peskov", true, false},
		{"/article/" + strings.Repeat("a", 128), true, false},
		{"/article/" + id129, true, true},
		{"/article/a" + strings.Repeat(".", 128), true, true},
		{"/embed/" + strings.Repeat("A", 128), true, false},
		{"/embed/" + id129, true, true},
		{"/speaker/dmitry-peskov", true, false},
		{"/speaker/" + strings.Repeat("a", 80), true, false},
		{"/speaker/" + slug81, true, true},
		{"/speaker/" + strings.Repeat("a-", 50) + "a", true, true},
		{"/speakers", true, false},
		{"/article/", false, true},
		{"/article/-a", false, true},
		{"/article/a/b", false, true},
		{"/article/a/q/1", false, true},
		{"/embed/" + id129 + "/", false, true},
		{"/speaker/", false, true},
		{"/speaker/Peskov", false, true},
		{"/speaker/" + slug81 + "-", false, true},
		{"/articles/a.json", false, false},
		{"/speakers/" + slug81, false, false},
		{"/", false, false},
		{"/library/2", false, false},
		{"/articlex/" + id129, false, false},
	} {
		routed := c.path == SpeakersPath // routed as an exact path
		for _, re := range routes {
			routed = routed || re.MatchString(c.path)
		}
		_, _, article := ParseArticlePath(c.path)
		_, _, speaker := ParseSpeakerPath(c.path)
		parsed := article || speaker
		if routed != c.routed || RefusedPagePath(c.path) != c.refused {
			t.Errorf("%.40q: routed %v, RefusedPagePath %v; want %v, %v", c.path, routed, RefusedPagePath(c.path), c.routed, c.refused)
		}
		if parsed && !routed {
			t.Errorf("%.40q: parsed, but no route takes it", c.path)
		}
		if routed && !parsed && !RefusedPagePath(c.path) {
			t.Errorf("%.40q: routed and refused by the parsers, but RefusedPagePath is false", c.path)
		}
	}
}
