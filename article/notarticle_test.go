package article

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"verbatim/article/model"
)

// TestNotArticle checks that pages of this project's making that are not articles (in
// testdata/notarticle: a search results page, a login wall, a paywall of sign-in links) are
// refused with ErrNotArticle, with or without their URL, and that every article the project ships
// (the golden inputs, and the server's sample library) is not.
func TestNotArticle(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"search", "login", "paywall"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(filepath.Join("testdata", "notarticle", name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			for _, opts := range []Options{{}, {URL: "https://courier.example/" + name}, {Format: model.FormatHTML}} {
				a, err := Parse(bytes.NewReader(src), opts)
				if !errors.Is(err, model.ErrNotArticle) {
					t.Fatalf("%+v: Parse = %v, %v; want ErrNotArticle", opts, a, err)
				}
				if want := "parsing article: this page does not look like an article"; !strings.HasPrefix(err.Error(), want) {
					t.Errorf("error %q does not start with %q", err, want)
				}
			}
		})
	}
	articles := []string{filepath.Join("..", "server", "samples")}
	for _, g := range goldens {
		articles = append(articles, filepath.Join("testdata", g.input))
	}
	for _, p := range articles {
		files := []string{p}
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			entries, err := os.ReadDir(p)
			if err != nil {
				t.Fatal(err)
			}
			files = files[:0]
			for _, e := range entries {
				files = append(files, filepath.Join(p, e.Name()))
			}
		}
		if len(files) == 0 {
			t.Errorf("%s holds no article", p)
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Parse(bytes.NewReader(src), Options{}); err != nil {
				t.Errorf("%s: %v", f, err)
			}
		}
	}
}

// TestCheckArticleLike checks each rule of checkArticleLike on small pages, and that a page that
// is merely short, or an article with a sign-in form in its header, is not refused.
func TestCheckArticleLike(t *testing.T) {
	t.Parallel()
	para := "<p>The island ferry will run four crossings a day instead of seven from Monday, the operator said on Tuesday, after a third of its deck crew left for better-paid work on the mainland.</p>"
	result := `<li><a href="/a">A headline of a story</a> A blurb under it that says a little more about the story.</li>`
	tests := []struct {
		name, body string
		refused    bool
	}{
		{"an article", "<article><h1>Ferry cut</h1>" + para + para + para + "</article>", false},
		{"a short page", "<article><p>The ferry is cut.</p></article>", false},
		{"an article with a sign-in form", `<header><form><input type="password"></form></header><article>` + para + para + para + para + "</article>", false},
		{"mostly links", `<main><p><a href="/a">Subscribe to read the rest of this story today</a></p><p>Or not.</p></main>`, true},
		{"a list of results", "<main><ol>" + strings.Repeat(result, minLinkLedItems) + "</ol></main>", true},
		{"one result too few", "<main><ol>" + strings.Repeat(result, minLinkLedItems-1) + "</ol></main>", false},
		{"a short article holding a password form", `<article><p>The council voted to rebuild the wall.</p><form><input name="password" type="password"></form></article>`, false},
		{"a login wall", `<main><h1>Sign in</h1><p>This story is for subscribers only.</p><form><input type="password"></form></main>`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse(strings.NewReader("<!DOCTYPE html><html><head><title>T</title></head><body>"+tt.body+"</body></html>"), Options{})
			if got := errors.Is(err, model.ErrNotArticle); got != tt.refused {
				t.Errorf("refused = %v (%v), want %v", got, err, tt.refused)
			}
		})
	}
}
