package server

import (
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"verbatim/app"
	"verbatim/article/model"
	"verbatim/components"
)

// TestEmbedScriptRules checks that the partner script's copies of Go's rules are Go's: its id
// pattern accepts exactly model.ValidID's ids (a looser one asked the server for frames it never
// routes, a stricter one refused ids with dots), and its theme pattern names components.Themes.
// The script runs on partners' pages, so it cannot ask Go; this test keeps the copies in step.
func TestEmbedScriptRules(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../web/partner/embed.js")
	if err != nil {
		t.Fatal(err)
	}
	pattern := func(name string) *regexp.Regexp {
		t.Helper()
		m := regexp.MustCompile(name + ` = /(\^[^/]+\$)/[,;]`).FindSubmatch(src)
		if m == nil {
			t.Fatalf("embed.js has no %s regular expression", name)
		}
		return regexp.MustCompile(string(m[1]))
	}
	idOK, themeOK := pattern("idOK"), pattern("themeOK")

	ids := []string{"a", "zakaria-peskov", "my-2026.12.04_x", "9", strings.Repeat("a", 128), strings.Repeat("a", 129),
		"", "-a", "_a", ".a", "a/b", "a b", "café", "a\u00e9", "a\n", "<script>", "a%2Fb", "A-Z.0_9"}
	for c := byte(0); c < 128; c++ {
		ids = append(ids, "a"+string(c), string(c)+"a")
	}
	for _, id := range ids {
		if got, want := idOK.MatchString(id), model.ValidID(id); got != want {
			t.Errorf("embed.js accepts %q: %v, model.ValidID: %v", id, got, want)
		}
	}

	for _, theme := range components.Themes {
		if !themeOK.MatchString(theme) {
			t.Errorf("embed.js refuses the theme %q", theme)
		}
	}
	for _, theme := range []string{"", "Dark", "blue", "dark ", "light|dark"} {
		if themeOK.MatchString(theme) && !slices.Contains(components.Themes, theme) {
			t.Errorf("embed.js accepts the theme %q, which components.Themes does not have", theme)
		}
	}
}

// TestScriptRoutePrefixes checks the route prefixes that the scripts in web/ write out against
// article/model's: the page, partner and worker scripts cannot import Go, so a change of the URL
// rules in model/paths.go fails here and names each script that still has the old prefix.
func TestScriptRoutePrefixes(t *testing.T) {
	t.Parallel()
	prefix := func(path string) string { return strings.TrimSuffix(path, "x") }
	uses := []struct {
		file, prefix string
	}{
		{"page/offline.js", prefix(model.ArticlePath("x"))},
		{"page/offline.js", prefix(model.EmbedPath("x"))},
		{"page/settings.js", prefix(model.EmbedPath("x"))},
		{"partner/embed.js", prefix(model.EmbedPath("x"))},
		{"worker/service-worker.js", strings.TrimSuffix(model.JSONPath("x"), "x.json")},
	}
	for _, u := range uses {
		src, err := os.ReadFile("../web/" + u.file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), `"`+u.prefix+`"`) {
			t.Errorf("web/%s does not use the route prefix %q of article/model: update its copy", u.file, u.prefix)
		}
	}
}

// TestBookmarkletRules checks the bookmarklet's copies of Go's values (web/partner/bookmarklet.js runs
// on other sites' pages, so it cannot ask Go): the origin placeholder the import page replaces, the
// page it opens, the two message types of the handoff, and the article size limit.
func TestBookmarkletRules(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../web/partner/bookmarklet.js")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"verbatim":   `"` + app.BookmarkletOrigin + `"`,
		"importPath": `"` + app.BookmarkletImport + `"`,
		"maxBytes":   strconv.Itoa(model.MaxInputBytes),
	} {
		m := regexp.MustCompile(`var ` + name + ` = ([^;]+);`).FindSubmatch(src)
		if m == nil || string(m[1]) != want {
			t.Errorf("bookmarklet.js: %s = %q, want %s", name, m, want)
		}
	}
	for _, typ := range []string{app.BookmarkletReady, app.BookmarkletPage} {
		if !strings.Contains(string(src), `"`+typ+`"`) {
			t.Errorf("bookmarklet.js does not use the message type %q", typ)
		}
	}
}
