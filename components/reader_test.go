package components

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"golang.org/x/net/html"

	"verbatim/article/model"
)

// payloads are attribute-breaking strings placed in every article field that becomes an attribute.
var payloads = []string{
	`" autofocus onfocus=alert(1) x="`,
	`"><img src=x onerror=alert(1)>`,
	`javascript:alert(1)`,
	`' onmouseover='alert(1)`,
	"\" \\\" onclick=alert(1) \"",
}

func hostileArticle(p string) *model.Article {
	return &model.Article{
		ID: model.ArticleID(p), Title: p, Byline: p, Site: p, Lang: p, Dir: p,
		Blocks: []model.Block{
			{ID: "b1", Kind: model.KindHeadline, Text: p},
			{ID: "b2", Kind: model.KindParagraph, Text: p + p, Runs: []model.Run{
				{Text: p, Href: p},
				{Text: p, Href: "https://example.com/" + p, Quote: model.QuoteID(p), Speaker: model.SpeakerID(p)},
			}},
			{ID: model.BlockID(p), Kind: model.KindFigure, Src: "https://example.com/i.jpg?" + p, Alt: p, Caption: p},
			{ID: "b4", Kind: model.KindImage, Src: p, Alt: p},
			{ID: "b5", Kind: model.BlockKind(p), Text: p},
		},
		Quotes:   []model.Quote{{ID: model.QuoteID(p), Text: p, Speaker: p, SpeakerID: model.SpeakerID(p), Kind: model.QuoteKind(p)}},
		Speakers: []model.Speaker{{ID: model.SpeakerID(p), Name: p, Role: p, Quotes: 1}},
		Extras:   []model.Extra{{Kind: model.ExtraKind(p), Text: p, Href: p}},
	}
}

// prerender renders ui the way the server does for first paint and parses the result as a browser would.
func prerender(t *testing.T, ui app.UI) *html.Node {
	t.Helper()
	d := app.NewServerTester(ui)
	defer d.Close()
	out := app.HTMLString(ui)
	doc, err := html.Parse(strings.NewReader("<!DOCTYPE html><html><body>" + out + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func walk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func TestPrerenderedReaderHasNoInjectedAttributes(t *testing.T) {
	for _, p := range payloads {
		doc := prerender(t, &Reader{Article: hostileArticle(p)})
		walk(doc, func(n *html.Node) {
			if n.Data == "img" && n.Parent != nil && n.Parent.Data != "figure" {
				t.Errorf("payload %q: an image with an unsafe src was rendered", p)
			}
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				if strings.HasPrefix(k, "on") || k == "autofocus" || strings.ContainsAny(k, `"'\/`) {
					t.Errorf("payload %q: <%s> carries attribute %q=%q", p, n.Data, a.Key, a.Val)
				}
				if (k == "href" || k == "src") && !strings.HasPrefix(a.Val, "https://") && !strings.HasPrefix(a.Val, "/") {
					t.Errorf("payload %q: <%s %s=%q> is not a safe URL", p, n.Data, a.Key, a.Val)
				}
				if k == "id" && !strings.HasPrefix(a.Val, "art-") && strings.Contains(p, a.Val) && a.Val != "" {
					t.Errorf("payload %q: unprefixed article id %q", p, a.Val)
				}
			}
		})
	}
}

// sample is a small article shaped like the shared sample: a quote in the headline, a quote split
// over two runs (one of them a link), a quote with no speaker, and extras.
func sample() *model.Article {
	return &model.Article{
		ID: "zakaria-peskov", Title: "Was There Any ‘Serious Communication’?", Site: "Mediaite", Byline: "Josh Feldman",
		Words: 460, ReadingMinutes: 2,
		Blocks: []model.Block{
			{ID: "b1", Kind: model.KindHeadline, Text: "Was There Any ‘Serious Communication’?", Runs: []model.Run{
				{Text: "Was There Any ‘"}, {Text: "Serious Communication", Quote: "q1", Speaker: "s1"}, {Text: "’?"},
			}},
			{ID: "b2", Kind: model.KindParagraph, Text: "Peskov said, “This is simply impossible.”", Runs: []model.Run{
				{Text: "Peskov said, “"},
				{Text: "This is ", Quote: "q2", Speaker: "s2"},
				{Text: "simply impossible.", Quote: "q2", Speaker: "s2", Href: "https://www.cnn.com/"},
				{Text: "”"},
			}},
			{ID: "b3", Kind: model.KindParagraph, Text: "A so-called “deal”.", Runs: []model.Run{
				{Text: "A so-called “"}, {Text: "deal", Quote: "q3"}, {Text: "”."},
			}},
		},
		Quotes: []model.Quote{
			{ID: "q1", Block: "b1", Text: "Serious Communication", Speaker: "Fareed Zakaria", SpeakerID: "s1", Kind: model.QuotePartial},
			{ID: "q2", Block: "b2", Text: "This is simply impossible.", Speaker: "Dmitry Peskov", SpeakerID: "s2", Kind: model.QuoteDirect},
			{ID: "q3", Block: "b3", Text: "deal", Kind: model.QuoteScare},
		},
		Speakers: []model.Speaker{
			{ID: "s1", Name: "Fareed Zakaria", Role: "CNN host", Quotes: 1},
			{ID: "s2", Name: "Dmitry Peskov", Role: "Kremlin Press Secretary", Quotes: 1},
		},
		Extras: []model.Extra{{Kind: model.ExtraCredit, Text: "Watch above, via CNN."}, {Kind: model.ExtraTip, Text: "Have a tip we should know? tips@mediaite.com"}},
	}
}

func text(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return b.String()
}

func TestPrerenderedReaderMarksEveryQuoteElement(t *testing.T) {
	doc := prerender(t, &Reader{Article: sample()})
	quotes := map[string]string{}
	speakers := map[string]bool{}
	var says []string
	walk(doc, func(n *html.Node) {
		if n.Data == "span" && strings.Contains(classOf(n), "visually-hidden") {
			says = append(says, text(n))
		}
		if n.Data != "mark" {
			return
		}
		id, ok := attr(n, "data-quote-id")
		if !ok {
			t.Errorf("a mark has no data-quote-id: %q", text(n))
		}
		quotes[id] += text(n)
		if sp, ok := attr(n, "data-speaker-id"); ok {
			speakers[sp] = true
		} else if id != "q3" {
			t.Errorf("quote %s has an element without data-speaker-id", id)
		}
		walk(n, func(c *html.Node) {
			if c.Data == "a" {
				if v, _ := attr(c, "rel"); v != "noopener noreferrer nofollow" {
					t.Errorf("a link in a quote has rel=%q", v)
				}
			}
		})
	})
	if got, want := len(quotes), 3; got != want {
		t.Fatalf("quotes marked = %d, want %d", got, want)
	}
	if got, want := quotes["q2"], "This is simply impossible."; got != want {
		t.Errorf("q2 text = %q, want %q", got, want)
	}
	if got, want := len(speakers), 2; got != want {
		t.Errorf("speakers marked = %d, want %d", got, want)
	}
	if got, want := strings.Join(says, "|"), "Fareed Zakaria says: |Dmitry Peskov says: |Quote: "; got != want {
		t.Errorf("screen reader cues = %q, want %q", got, want)
	}
	body := text(doc)
	for _, want := range []string{"Watch above, via CNN.", "2 min read", "Kremlin Press Secretary"} {
		if !strings.Contains(body, want) {
			t.Errorf("the prerendered reader lacks %q", want)
		}
	}
}

// TestRefusedImagesLeaveNoEmptyFigure renders a stored Article whose images the URL policy refuses
// (data: URIs, which the sanitizer kept before it refused them too): no img is rendered, and a
// figure's caption stays as a paragraph instead of an empty figure.
func TestRefusedImagesLeaveNoEmptyFigure(t *testing.T) {
	const data = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="
	a := sample()
	a.Blocks = append(a.Blocks,
		model.Block{ID: "b4", Kind: model.KindFigure, Src: data, Alt: "A placeholder", Text: "Peskov on CNN.", Caption: "Peskov on CNN."},
		model.Block{ID: "b5", Kind: model.KindFigure, Src: data, Alt: "No caption"},
		model.Block{ID: "b6", Kind: model.KindImage, Src: data, Alt: "Alone"},
		model.Block{ID: "b7", Kind: model.KindFigure, Src: "https://example.com/kept.jpg", Alt: "Kept", Text: "Kept.", Caption: "Kept."},
	)
	doc := prerender(t, &Reader{Article: a})
	var figures, images int
	var caption bool
	walk(doc, func(n *html.Node) {
		switch n.Data {
		case "figure":
			figures++
		case "img":
			if src, _ := attr(n, "src"); strings.HasPrefix(src, "https://example.com/") {
				images++
			} else if strings.HasPrefix(src, "data:") || src == "" {
				t.Errorf("an image with src %q was rendered", src)
			}
		case "p":
			caption = caption || text(n) == "Peskov on CNN."
		}
	})
	if figures != 1 || images != 1 || !caption {
		t.Errorf("got %d figures, %d article images and caption paragraph %v; want 1, 1 and true", figures, images, caption)
	}
}

func classOf(n *html.Node) string { v, _ := attr(n, "class"); return v }

func TestCitation(t *testing.T) {
	a := sample()
	if got, want := Citation(a, a.Quotes[1]), `“This is simply impossible.” — Dmitry Peskov, in "Was There Any ‘Serious Communication’?", Mediaite`; got != want {
		t.Errorf("Citation = %q, want %q", got, want)
	}
	if got, want := Citation(a, a.Quotes[2]), `“deal” — in "Was There Any ‘Serious Communication’?", Mediaite`; got != want {
		t.Errorf("Citation = %q, want %q", got, want)
	}
}

// TestEmbedKeepsTheQuoteTools checks that the chrome-less embed keeps what a partner's readers use:
// the legend, the highlight switch and "Copy quote", without the reader's settings or save button.
func TestEmbedKeepsTheQuoteTools(t *testing.T) {
	for _, tc := range []struct {
		embed bool
		want  map[string]bool
	}{
		{true, map[string]bool{"copy-quote": true, "toggle-highlights": true, "save": false, "shortcuts-button": false}},
		{false, map[string]bool{"copy-quote": true, "toggle-highlights": true, "save": true, "shortcuts-button": true}},
	} {
		doc := prerender(t, &Reader{Article: sample(), Embed: tc.embed})
		ids := map[string]bool{}
		legend := false
		walk(doc, func(n *html.Node) {
			if id, ok := attr(n, "id"); ok {
				ids[id] = true
			}
			if n.Data == "aside" && strings.Contains(classOf(n), "reader-side") {
				legend = true
			}
		})
		for id, want := range tc.want {
			if ids[id] != want {
				t.Errorf("embed=%v: #%s present=%v, want %v", tc.embed, id, ids[id], want)
			}
		}
		if !legend {
			t.Errorf("embed=%v: no speaker legend", tc.embed)
		}
	}
}
