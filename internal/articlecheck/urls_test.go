package articlecheck

import (
	"strings"
	"testing"

	"verbatim/article/model"
)

func TestBadURLs(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		a    model.Article
		want []string // a piece of each entry, in order
	}{
		{"clean", model.Article{URL: "https://news.example/a", Blocks: []model.Block{
			{ID: "b1", Runs: []model.Run{{Text: "x", Href: "mailto:desk@news.example"}}, Src: "https://img.example/a.png"},
			{ID: "b2", Items: []model.Block{{ID: "b3", Runs: []model.Run{{Text: "y", Href: "http://news.example/b"}}}}},
		}, Extras: []model.Extra{{Href: "https://news.example/c"}}}, nil},
		{"script link", model.Article{Blocks: []model.Block{{ID: "b1", Runs: []model.Run{{Text: "x", Href: "javascript:alert(1)"}}}}}, []string{`"javascript:alert(1)" in block b1`}},
		{"nested data image", model.Article{Blocks: []model.Block{{ID: "b1", Items: []model.Block{{ID: "b2", Src: "data:image/png;base64,AAAA"}}}}}, []string{"an image from \"data:image/png;base64,AAAA\" in block b2"}},
		{"ftp extra", model.Article{Extras: []model.Extra{{Href: "ftp://news.example/c"}}}, []string{"in extra 0"}},
		{"control character", model.Article{URL: "https://news.example/\ta"}, []string{"the article's URL"}},
		{"mailto image", model.Article{Blocks: []model.Block{{ID: "b1", Src: "mailto:x@y.example"}}}, []string{"an image from"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := BadURLs(&c.a)
			if len(got) != len(c.want) {
				t.Fatalf("BadURLs = %q, want %d entries like %q", got, len(c.want), c.want)
			}
			for i, w := range c.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("entry %d = %q, want it to hold %q", i, got[i], w)
				}
			}
		})
	}
}
