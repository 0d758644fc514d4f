package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"

	"verbatim/article/model"
	"verbatim/internal/articlecheck"
	"verbatim/internal/shared"
)

// dataPNG is a one-pixel PNG as a data: URI, which the URL policy refuses (see package safe).
const dataPNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

func TestSanitize(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"http link gets rel and target", `<a href="https://example.com/x">t</a>`,
			`<a href="https://example.com/x" rel="nofollow noreferrer noopener" target="_blank">t</a>`},
		{"mailto link gets rel", `<a href="mailto:desk@example.com">m</a>`,
			`<a href="mailto:desk@example.com" rel="nofollow noreferrer">m</a>`},
		{"rel and target from the article are replaced", `<a href="http://example.com/" rel="opener" target="_top">t</a>`,
			`<a href="http://example.com/" rel="nofollow noreferrer noopener" target="_blank">t</a>`},
		{"id name class style dropped", `<p id="i" name="n" class="c" style="color:red" title="t">p</p>`, `<p>p</p>`},
		{"javascript link dropped", `<a href="javascript:alert(1)">t</a>`, `t`},
		{"javascript link with space and case", `<a href=" JaVaScRiPt:alert(1)">t</a>`, `t`},
		{"relative link dropped", `<a href="/news/1">t</a>`, `t`},
		{"data link dropped", `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">t</a>`, `t`},
		{"vbscript link dropped", `<a href="vbscript:msgbox(1)">t</a>`, `t`},
		{"http image kept", `<img src="http://example.com/a.png" alt="A">`, `<img src="http://example.com/a.png" alt="A">`},
		{"alt text with quotes kept, escaped", `<img src="https://example.com/a.png" alt='He said: "no" &amp; left'>`,
			`<img src="https://example.com/a.png" alt="He said: &#34;no&#34; &amp; left">`},
		{"alt injection stays inside the attribute", `<img src="https://example.com/a.png" alt="&quot; autofocus onfocus=alert(1) x=&quot;">`,
			`<img src="https://example.com/a.png" alt="&#34; autofocus onfocus=alert(1) x=&#34;">`},
		{"data png image dropped", `<img src="` + dataPNG + `">`, ``},
		{"data png image with alt loses its src", `<img src="` + dataPNG + `" alt="A">`, `<img alt="A">`},
		{"user and password in a link dropped", `<a href="https://user:pw@example.com/">t</a>`, `t`},
		{"link with a space in its host dropped", `<a href="https://exa mple.com/">t</a>`, `t`},
		{"data svg image dropped", `<img src="data:image/svg+xml;base64,PHN2Zy8+">`, ``},
		{"data html image dropped", `<img src="data:text/html,hi">`, ``},
		{"javascript image dropped", `<img src="javascript:alert(1)">`, ``},
		{"relative image dropped", `<img src="a.png">`, ``},
		{"onerror dropped with the image", `<img src=x onerror=alert(1)>`, ``},
		{"event handler dropped", `<div onclick="alert(1)">d</div>`, `<div>d</div>`},
		{"script removed with content", `<p>a<script>alert(1)</script>b</p>`, `<p>ab</p>`},
		{"style removed with content", `<style>p{color:red}</style><p>x</p>`, `<p>x</p>`},
		{"iframe removed", `<iframe src="https://evil.example/"></iframe>x`, `x`},
		{"form and input removed", `<form action="https://evil.example/"><input name="q" value="v"></form>x`, `x`},
		{"svg script removed", `<svg><script>alert(1)</script></svg>x`, `x`},
		{"lang and dir kept", `<p lang="fr" dir="rtl">p</p>`, `<p lang="fr" dir="rtl">p</p>`},
		{"bad lang dropped", `<p lang="x&quot; onmouseover=&quot;alert(1)">p</p>`, `<p>p</p>`},
		{"cite url dropped", `<blockquote cite="javascript:alert(1)">q</blockquote>`, `<blockquote>q</blockquote>`},
		{"image map dropped", `<map name="m"><area href="https://example.com/" shape="rect"></map>x`, `x`},
		{"text escaped", `a < b & c`, `a &lt; b &amp; c`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Sanitize(tt.in)
			if got != tt.want {
				t.Fatalf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Sanitize(got); again != got {
				t.Fatalf("Sanitize is not idempotent: %q, then %q", got, again)
			}
			if bad := liveMarkup(t, got); bad != "" {
				t.Fatalf("Sanitize(%q) lets through %s", tt.in, bad)
			}
		})
	}
}

// TestDataImagesAreDropped checks the URL policy's decision on data: images (see package safe)
// through Parse: an image whose only source is a data: URI gives no block, a figure of one keeps
// its caption as a paragraph with no empty figure, and an http image beside it is kept.
func TestDataImagesAreDropped(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name   string
		format model.Format
		in     string
	}{
		{"fragment", model.FormatFragment, `<p>Peskov spoke to CNN on Sunday about the talks.</p>` +
			`<figure><img src="` + dataPNG + `" alt="A placeholder"><figcaption>Dmitry Peskov on CNN.</figcaption></figure>` +
			`<p>An image: <img src="` + dataPNG + `" alt="x"></p><img src="https://example.com/a.png" alt="Kept">`},
		{"markdown", model.FormatMarkdown, "Peskov spoke to CNN on Sunday about the talks.\n\n![A placeholder](" + dataPNG +
			")\n\nDmitry Peskov on CNN.\n\n![Kept](https://example.com/a.png)\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, err := Parse(strings.NewReader(tt.in), Options{Format: tt.format})
			if err != nil {
				t.Fatal(err)
			}
			var images, caption int
			for _, b := range a.Blocks {
				if strings.HasPrefix(b.Src, "data:") || (b.Kind == model.KindFigure || b.Kind == model.KindImage) && b.Src == "" {
					t.Errorf("block %s (%s) keeps a data: image or none: %+v", b.ID, b.Kind, b)
				}
				if b.Src == "https://example.com/a.png" {
					images++
				}
				if b.Kind == model.KindParagraph && strings.Contains(b.Text, "Dmitry Peskov on CNN.") {
					caption++
				}
			}
			if images != 1 || caption != 1 {
				t.Errorf("got %d http images and %d caption paragraphs, want 1 and 1: %+v", images, caption, a.Blocks)
			}
		})
	}
}

// allowedAttrs are the only attributes sanitized HTML may carry.
var allowedAttrs = map[string]bool{"href": true, "src": true, "alt": true, "rel": true, "target": true,
	"lang": true, "dir": true, "colspan": true, "rowspan": true}

// liveMarkup parses sanitized HTML as a browser would and returns a description of the first
// element or attribute the policy should not let through, or "".
func liveMarkup(t *testing.T, out string) string {
	nodes, err := parseHTMLFragment(out)
	if err != nil {
		t.Fatalf("sanitized output does not parse: %v", err)
	}
	var bad string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if bad != "" {
			return
		}
		if n.Type == html.ElementNode {
			if _, ok := sanitizePolicyElements[n.Data]; !ok || n.Namespace != "" {
				bad = "element <" + n.Namespace + ":" + n.Data + ">"
				return
			}
			for _, a := range n.Attr {
				if !allowedAttrs[a.Key] || a.Namespace != "" {
					bad = "attribute " + a.Key + " on <" + n.Data + ">"
					return
				}
				if (a.Key == "href" && !safeHref(a.Val)) || (a.Key == "src" && !safeSrc(a.Val)) {
					bad = a.Key + "=" + a.Val
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return bad
}

// sanitizePolicyElements are the elements the policy allows, as the tests see it.
var sanitizePolicyElements = setOfStrings("article", "aside", "section", "figure", "figcaption", "summary",
	"details", "hgroup", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br", "div", "hr", "p",
	"span", "wbr", "a", "abbr", "acronym", "cite", "code", "dfn", "em", "mark", "s", "samp", "strong",
	"sub", "sup", "var", "q", "time", "b", "i", "pre", "small", "strike", "tt", "u", "kbd", "bdi", "bdo",
	"del", "ins", "rp", "rt", "ruby", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead",
	"tbody", "tfoot", "tr", "td", "th", "col", "colgroup", "img")

func setOfStrings(s ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(s))
	for _, x := range s {
		m[x] = struct{}{}
	}
	return m
}

// TestSanitizePayloads runs the 526 XSS and sanitizer-bypass payloads of the shared corpus through
// checkPayload, as TestXSSSubset runs the committed ones, concurrently so that -race sees the shared
// policy. It is skipped, saying so, when the corpus is missing.
func TestSanitizePayloads(t *testing.T) {
	t.Parallel()
	all, err := readXSSCorpus(shared.Require(t, "corpora/xss/payloads.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(all); got < 500 {
		t.Fatalf("read %d payloads, want the corpus's 526", got)
	}
	for _, p := range all {
		t.Run(p.ID, func(t *testing.T) {
			t.Parallel()
			checkPayload(t, p)
		})
	}
}

// checkURLs fails when an Article holds a link or image address the policy does not admit, or one
// outside the forms the Article contract allows whatever the policy says (articlecheck.BadURLs).
func checkURLs(t *testing.T, name string, a *model.Article) {
	t.Helper()
	for _, b := range articlecheck.BadURLs(a) {
		t.Errorf("%s: %s", name, b)
	}
}

// TestPolicyWithinUGC checks that the policy only tightens bluemonday's UGCPolicy: whatever it
// lets through, UGCPolicy lets through too, element for element and attribute for attribute.
// The exceptions are the ones the policy is built for: the rel and target it sets on links, and
// alt text, which UGCPolicy limits to letters and a little punctuation (the policy admits any text
// there; bluemonday escapes it), so an image with alt text and no source survives (it is inert,
// and the block walker skips it). The inputs are the committed XSS payloads and golden inputs, and
// with ../shared the corpus's payloads and Readability's pages.
func TestPolicyWithinUGC(t *testing.T) {
	t.Parallel()
	var inputs []string
	for _, p := range xssSubset(t) {
		inputs = append(inputs, p.Payload)
	}
	for _, g := range goldens {
		src, err := os.ReadFile(filepath.Join("testdata", g.input))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(src))
	}
	if p, ok := shared.Optional(t, "corpora/xss/payloads.jsonl", "on the committed payloads and golden inputs only"); ok {
		all, err := readXSSCorpus(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range all {
			inputs = append(inputs, x.Payload)
		}
	}
	for _, pg := range optionalReadabilityPages(t, "without Readability's expected pages") {
		inputs = append(inputs, string(pg.expected))
	}
	ugc := bluemonday.UGCPolicy()
	for _, in := range inputs {
		ours := Sanitize(in)
		theirs := ugc.Sanitize(ours)
		a, err := parseHTMLFragment(ours)
		if err != nil {
			t.Fatal(err)
		}
		b, err := parseHTMLFragment(theirs)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := treeShape(a), treeShape(b); got != want {
			t.Fatalf("UGCPolicy takes away from our output:\n ours %s\n  ugc %s\ninput %.300q", got, want, in)
		}
	}
}

// treeShape describes sanitized HTML as its elements and attributes, without the exceptions of
// TestPolicyWithinUGC.
func treeShape(nodes []*html.Node) string {
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			if n.Data == "img" && htmlAttr(n, "src") == "" {
				return
			}
			sb.WriteString("<" + n.Data)
			for _, a := range n.Attr {
				if a.Key != "rel" && a.Key != "target" && a.Key != "alt" {
					sb.WriteString(" " + a.Key + "=" + a.Val)
				}
			}
			sb.WriteString(">")
		case html.TextNode:
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			sb.WriteString("</" + n.Data + ">")
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return sb.String()
}
