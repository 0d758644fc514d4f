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
// rule: every string of a set built from the characters that matter is judged the same by both.
func TestIDPatternAgreesWithValidID(t *testing.T) {
	t.Parallel()
	re := regexp.MustCompile(`^` + idPattern + `$`)
	agreeUpTo(t, "ValidID", ValidID, re, []string{"a", "Z", "5", ".", "_", "-", "/", " ", "é", "%"}, 3)
	for _, n := range []int{127, 128, 129} {
		s := strings.Repeat("a", n)
		if got, want := ValidID(s), re.MatchString(s); got != want {
			t.Errorf("%d bytes: ValidID %v, route pattern %v", n, got, want)
		}
	}
	for _, c := range []struct {
		route, path string
		want        bool
	}{
		{ArticleRoute, "/article/zakaria-peskov", true},
		{ArticleRoute, "/article/", false},
		{ArticleRoute, "/article/a/b", false},
		{ArticleRoute, "/embed/a", false},
		{EmbedRoute, "/embed/zakaria-peskov", true},
		{EmbedRoute, "/embed/-x", false},
	} {
		if got := regexp.MustCompile(c.route).MatchString(c.path); got != c.want {
			t.Errorf("%s matches %q: %v, want %v", c.route, c.path, got, c.want)
		}
	}
}

// agreeUpTo checks that valid and the regular expression re judge alike every string of up to depth
// pieces of alphabet.
func agreeUpTo(t *testing.T, name string, valid func(string) bool, re *regexp.Regexp, alphabet []string, depth int) {
	t.Helper()
	var walk func(prefix string, depth int)
	walk = func(prefix string, depth int) {
		if got, want := valid(prefix), re.MatchString(prefix); got != want {
			t.Errorf("%q: %s %v, route pattern %v", prefix, name, got, want)
		}
		if depth == 0 {
			return
		}
		for _, c := range alphabet {
			walk(prefix+c, depth-1)
		}
	}
	walk("", depth)
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
// ValidSpeakerSlug one rule, over every string of a set built from the characters that matter.
func TestSpeakerSlugPatternAgreesWithValidSpeakerSlug(t *testing.T) {
	t.Parallel()
	re := regexp.MustCompile(`^` + speakerSlugPattern + `$`)
	agreeUpTo(t, "ValidSpeakerSlug", ValidSpeakerSlug, re, []string{"a", "z", "5", "-", "A", "_", ".", "/", "é"}, 4)
	for _, n := range []int{79, 80, 81} {
		s := strings.Repeat("a", n)
		if got, want := ValidSpeakerSlug(s), re.MatchString(s); got != want || got != (n <= 80) {
			t.Errorf("%d bytes: ValidSpeakerSlug %v, route pattern %v", n, got, want)
		}
	}
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
		for _, r := range []struct {
			route string
			kind  PathKind
		}{{SpeakersRoute, PathSpeakers}, {SpeakerRoute, PathSpeaker}} {
			if got, want := regexp.MustCompile(r.route).MatchString(c.path), c.ok && c.kind == r.kind; got != want {
				t.Errorf("%s matches %q: %v, want %v", r.route, c.path, got, want)
			}
		}
	}
	for _, slug := range []string{"a", "dmitry-peskov", "p-0a1b"} {
		if got, kind, ok := ParseSpeakerPath(SpeakerPath(slug)); !ok || got != slug || kind != PathSpeaker {
			t.Errorf("ParseSpeakerPath(SpeakerPath(%q)) = %q, %q, %v", slug, got, kind, ok)
		}
	}
}
