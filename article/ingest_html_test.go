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
			checkPageBlocks(t, tt.body, tt.want)
		})
	}
}

// TestCaptionsOfNothing checks that a page's figure left with only its caption (its video player
// taken out) is left out, while a figure with an image, even one the sanitizer refuses, or with
// other text, keeps its caption.
func TestCaptionsOfNothing(t *testing.T) {
	t.Parallel()
	text := "The island ferry will run four crossings a day instead of seven from Monday, the operator said on Tuesday, after a third of its deck crew left for better-paid work on the mainland."
	para := "<p>" + text + "</p>"
	tests := []struct {
		name, figure string
		want         []string // the body's blocks, as kind:text
	}{
		{"a video's caption", `<figure><div class="player"><iframe src="https://player.example/1"></iframe></div><figcaption><span>Media caption</span> The operator explains the cut</figcaption></figure>`,
			[]string{"p:" + text, "p:" + text}},
		{"a refused image's caption", `<figure><img src="data:image/png;base64,iVBORw0KGgo=" alt="x"><figcaption>The ferry at the quay.</figcaption></figure>`,
			[]string{"p:" + text, "p:The ferry at the quay.", "p:" + text}},
		{"a pull quote", `<figure><blockquote>We will sail again.</blockquote><figcaption>The operator</figcaption></figure>`,
			[]string{"p:" + text, "blockquote:We will sail again.", "p:The operator", "p:" + text}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkPageBlocks(t, "<article>"+para+tt.figure+para+"</article>", tt.want)
		})
	}
}

// checkPageBlocks parses a page with body as its <body> and checks its blocks, as kind:text.
func checkPageBlocks(t *testing.T, body string, want []string) {
	t.Helper()
	a, err := Parse(strings.NewReader("<!DOCTYPE html><html><head><title>Ferry cut</title></head><body>"+body+"</body></html>"), Options{Format: model.FormatHTML})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range a.Blocks {
		got = append(got, string(b.Kind)+":"+b.Text)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCanonicalURL checks which address a page's Article keeps as its URL: the canonical address
// the page declares when it is on the host it was read from, else the address it was read from; with
// no address, the declared one only for the operator's own content (Options.OwnContent).
func TestCanonicalURL(t *testing.T) {
	t.Parallel()
	const from = "https://www.courier.example/news/ferry?utm_source=feed#top"
	tests := []struct {
		name, head, url, want string
		own                   bool
	}{
		{"canonical", `<link rel="canonical" href="https://courier.example/news/2026/03/ferry">`, from, "https://courier.example/news/2026/03/ferry", false},
		{"relative canonical", `<link rel="Canonical" href="/news/2026/03/ferry#x">`, from, "https://www.courier.example/news/2026/03/ferry", false},
		{"og:url", `<meta property="og:url" content="https://courier.example/news/2026/03/ferry">`, from, "https://courier.example/news/2026/03/ferry", false},
		{"another site", `<link rel="canonical" href="https://evil.example/news/ferry">`, from, from, false},
		{"a script", `<link rel="canonical" href="javascript:alert(1)">`, from, from, false},
		{"user info", `<link rel="canonical" href="https://me@courier.example/news">`, from, from, false},
		{"none", ``, from, from, false},
		{"no address given", `<link rel="canonical" href="https://courier.example/news/2026/03/ferry">`, "", "", false},
		{"own content", `<link rel="canonical" href="https://courier.example/news/2026/03/ferry#top">`, "", "https://courier.example/news/2026/03/ferry", true},
		{"own content, og:url", `<meta property="og:url" content="http://courier.example/news/ferry">`, "", "http://courier.example/news/ferry", true},
		{"own content, relative", `<link rel="canonical" href="/news/ferry">`, "", "", true},
		{"own content, a script", `<link rel="canonical" href="javascript:alert(1)">`, "", "", true},
		{"own content, user info", `<link rel="canonical" href="https://me@courier.example/news">`, "", "", true},
		{"own content, read from elsewhere", `<link rel="canonical" href="https://evil.example/news/ferry">`, from, from, true},
	}
	para := "<p>The island ferry will run four crossings a day instead of seven from Monday, the operator said on Tuesday, after a third of its deck crew left for better-paid work on the mainland.</p>"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := "<!DOCTYPE html><html><head><title>Ferry cut</title>" + tt.head + "</head><body><article>" + para + para + "</article></body></html>"
			a, err := Parse(strings.NewReader(src), Options{URL: tt.url, OwnContent: tt.own})
			if err != nil {
				t.Fatal(err)
			}
			if a.URL != tt.want {
				t.Errorf("URL = %q, want %q", a.URL, tt.want)
			}
		})
	}
}
