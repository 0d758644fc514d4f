package app

import (
	"regexp"
	"testing"
)

// TestArticleRouteMatchesThePatterns checks Preload's route test against the routes' regular
// expressions, on paths that each should or should not take.
func TestArticleRouteMatchesThePatterns(t *testing.T) {
	t.Parallel()
	art, emb := regexp.MustCompile(ArticlePattern), regexp.MustCompile(EmbedPattern)
	for _, p := range []string{"/article/zakaria-peskov", "/embed/a.b_c-1", "/article/", "/article/-x", "/article/a/b",
		"/embed/x y", "/articles/x", "/article/x%2F", "/", "/import", "/article/Ä", "/embed/9"} {
		want := art.MatchString(p) || emb.MatchString(p)
		if got := articleRoute(p); got != want {
			t.Errorf("articleRoute(%q) = %v, the patterns say %v", p, got, want)
		}
	}
}
