package article

import (
	"strings"
	"testing"
	"verbatim/article/model"
)

// TestHiddenHeadings checks that a heading the page hides for screen readers only is left out of
// a page's body, while a visible heading, and other screen-reader text, stay.
func TestHiddenHeadings(t *testing.T) {
	t.Parallel()
	text := "The island ferry will run four crossings a day instead of seven from Monday, the operator said on Tuesday, after a third of its deck crew left for better-paid work on the mainland."
	para := "<p>" + text + "</p>"
	tests := []struct {
		name, body string
		want       []string // the body's blocks, as kind:text
	}{
		{"hidden heading", `<article>` + para + `<section><h2 class="whats-next visually-hidden">What's Next</h2></section></article>`,
			[]string{"p:" + text}},
		{"sr-only heading mid-article", `<article><h2 class="SR-Only">Skip</h2>` + para + `<h2>Reactions</h2>` + para + `</article>`,
			[]string{"p:" + text, "h2:Reactions", "p:" + text}},
		{"hidden label kept", `<article>` + para + `<p><span class="visually-hidden">Photo</span> A ferry at the quay.</p></article>`,
			[]string{"p:" + text, "p:Photo A ferry at the quay."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, err := Parse(strings.NewReader("<!DOCTYPE html><html><head><title>Ferry cut</title></head><body>"+tt.body+"</body></html>"), Options{Format: model.FormatHTML})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range a.Blocks {
				got = append(got, string(b.Kind)+":"+b.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
