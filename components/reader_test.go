package components

import (
	"net/url"
	"regexp"
	"slices"
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

// fragment is a link to a quote in the page: "#" and the quote's fragment, its first mark's id.
var fragment = regexp.MustCompile(`^#(q[1-9][0-9]{0,5}|art-quote-[A-Za-z0-9_-]+)$`)

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
				if (k == "href" || k == "src") && !strings.HasPrefix(a.Val, "https://") && !strings.HasPrefix(a.Val, "/") && !fragment.MatchString(a.Val) {
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

// ariaTrue reports whether an ARIA state attribute's prerendered value is true. go-app's server
// writes the value "true" as a bare attribute (html.go, writeHTMLAttribute), which parses as "".
func ariaTrue(v string, present bool) bool { return present && (v == "true" || v == "") }

// byAttr returns the elements of doc that carry attribute key, by its value.
func byAttr(doc *html.Node, key string) map[string][]*html.Node {
	out := map[string][]*html.Node{}
	walk(doc, func(n *html.Node) {
		if v, ok := attr(n, key); ok {
			out[v] = append(out[v], n)
		}
	})
	return out
}

// present returns the elements of doc that carry attribute key, whatever its value.
func present(doc *html.Node, key string) []*html.Node {
	var out []*html.Node
	for _, ns := range byAttr(doc, key) {
		out = append(out, ns...)
	}
	return out
}

// TestReaderMarkup renders the Reader as the server prerenders it and checks the markup the page's
// scripts read (docs/architecture.md, "The reader's markup"), for an article, an embed and an
// imported article: the root's data attributes, every data-action, the legend's filters, the quote
// panel, the settings, the hidden shortcuts dialog, the live regions and the progress bar.
func TestReaderMarkup(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name            string
		reader          *Reader
		actions         map[string]int // data-action → how many
		embed, imported bool
	}{
		{"article", &Reader{Article: sample()},
			map[string]int{"highlights": 1, "copy": 1 + 3, "save": 1, "shortcuts": 1, "shortcuts-close": 1, "size-down": 1, "size-up": 1,
				"correct": 3, "correct-save": 1, "correct-undo": 1, "correct-close": 1, "card": 3, "card-share": 1, "card-close": 1, "export": 2,
				"hl-add": 1, "hl-add-note": 1, "hl-go": 1, "hl-edit": 1, "hl-delete": 1, "hl-export": 1,
				"hl-note-save": 1, "hl-note-delete": 1, "hl-note-close": 1}, false, false},
		{"embed", &Reader{Article: sample(), Embed: true},
			map[string]int{"highlights": 1, "copy": 1, "shortcuts-close": 1}, true, false},
		{"imported", &Reader{Article: sample(), Imported: true},
			map[string]int{"highlights": 1, "copy": 1 + 3, "save": 1, "shortcuts": 1, "shortcuts-close": 1, "size-down": 1, "size-up": 1,
				"correct": 3, "correct-save": 1, "correct-undo": 1, "correct-close": 1, "card": 3, "card-share": 1, "card-close": 1, "export": 2,
				"hl-add": 1, "hl-add-note": 1, "hl-go": 1, "hl-edit": 1, "hl-delete": 1, "hl-export": 1,
				"hl-note-save": 1, "hl-note-delete": 1, "hl-note-close": 1}, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := prerender(t, tc.reader)
			roots := present(doc, "data-reader")
			if len(roots) != 1 || roots[0].Data != "div" || !strings.Contains(" "+classOf(roots[0])+" ", " reader ") {
				t.Fatalf("want one div.reader[data-reader], got %d", len(roots))
			}
			root := roots[0]
			for key, want := range map[string]string{"data-article-id": "zakaria-peskov", "data-json": "/articles/zakaria-peskov.json"} {
				if got, _ := attr(root, key); got != want {
					t.Errorf("the root's %s = %q, want %q", key, got, want)
				}
			}
			if _, ok := attr(root, "data-embed"); ok != tc.embed {
				t.Errorf("the root has data-embed %v, want %v", ok, tc.embed)
			}
			if _, ok := attr(root, "data-imported"); ok != tc.imported {
				t.Errorf("the root has data-imported %v, want %v", ok, tc.imported)
			}

			actions := byAttr(doc, "data-action")
			for action, n := range tc.actions {
				if got := len(actions[action]); got != n {
					t.Errorf("%d elements with data-action=%q, want %d", got, action, n)
				}
				for _, e := range actions[action] {
					if e.Data != "button" {
						t.Errorf("data-action=%q is on a <%s>, want a button", action, e.Data)
					}
				}
			}
			if len(actions) != len(tc.actions) {
				t.Errorf("data-actions %v, want exactly %v", keys(actions), tc.actions)
			}
			if b := actions["highlights"]; len(b) == 1 {
				if v, ok := attr(b[0], "aria-pressed"); !ariaTrue(v, ok) {
					t.Errorf("the highlights button starts with aria-pressed=%q (%v), want pressed: shown", v, ok)
				}
			}
			if b := actions["save"]; len(b) == 1 {
				v, ok := attr(b[0], "aria-pressed")
				if ariaTrue(v, ok) != tc.imported || !ok {
					t.Errorf("the save button has aria-pressed=%q (%v), want pressed only for an imported article", v, ok)
				}
				if want := map[bool]string{false: "Save for offline", true: "Keep in this browser"}[tc.imported]; text(b[0]) != want {
					t.Errorf("the save button says %q, want %q", text(b[0]), want)
				}
			}
			if b := actions["shortcuts"]; len(b) == 1 {
				exp, _ := attr(b[0], "aria-expanded")
				ctl, _ := attr(b[0], "aria-controls")
				if exp != "false" || ctl != "shortcuts" {
					t.Errorf("the shortcuts button has aria-expanded=%q aria-controls=%q, want false and shortcuts", exp, ctl)
				}
			}

			// The shortcuts dialog is always there, hidden; in an embed too (? opens it).
			var dialog *html.Node
			walk(doc, func(n *html.Node) {
				if id, _ := attr(n, "id"); id == "shortcuts" {
					dialog = n
				}
			})
			if dialog == nil {
				t.Fatal("no #shortcuts dialog")
			}
			if role, _ := attr(dialog, "role"); role != "dialog" {
				t.Errorf("#shortcuts has role %q", role)
			}
			if _, hidden := attr(dialog, "hidden"); !hidden {
				t.Errorf("#shortcuts is not hidden")
			}

			// The legend: all speakers, then each speaker, with aria-pressed.
			filters := byAttr(doc, "data-speaker-filter")
			if len(filters) != 3 || len(filters[""]) != 1 || len(filters["s1"]) != 1 || len(filters["s2"]) != 1 {
				t.Errorf("legend filters %v, want \"\", s1 and s2 once each", keys(filters))
			}
			for f, ns := range filters {
				for _, n := range ns {
					v, ok := attr(n, "aria-pressed")
					if n.Data != "button" || ariaTrue(v, ok) != (f == "") || !ok {
						t.Errorf("legend filter %q: <%s aria-pressed=%q (%v)>, want a button pressed only for all speakers", f, n.Data, v, ok)
					}
				}
			}

			// The quote panel: one item per quote with a plain fragment link and a copy button.
			items := 0
			walk(doc, func(n *html.Node) {
				if n.Data != "li" || !strings.Contains(" "+classOf(n)+" ", " panel-quote ") {
					return
				}
				items++
				q, _ := attr(n, "data-quote-id")
				var link, copyFor string
				walk(n, func(c *html.Node) {
					if c.Data == "a" && classOf(c) == "panel-go" {
						link, _ = attr(c, "href")
					}
					if a, _ := attr(c, "data-action"); a == "copy" {
						copyFor, _ = attr(c, "data-quote-id")
					}
				})
				if link != "#"+q || copyFor != q {
					t.Errorf("panel item %s: link %q, copy button for %q", q, link, copyFor)
				}
				if sp, ok := attr(n, "data-speaker-id"); ok != (q != "q3") || ok && sp == "" {
					t.Errorf("panel item %s: data-speaker-id %q (%v)", q, sp, ok)
				}
			})
			if want := map[bool]int{false: 3, true: 0}[tc.embed]; items != want {
				t.Errorf("%d quote panel items, want %d", items, want)
			}

			// The settings, the live regions and the progress bar.
			settings := byAttr(doc, "data-setting")
			if n := len(settings); n != map[bool]int{false: 5, true: 0}[tc.embed] {
				t.Errorf("%d settings controls (%v)", n, keys(settings))
			}
			if s := present(doc, "data-status"); len(s) != 1 || s[0].Data != "p" || attrOf(s[0], "role") != "status" {
				t.Errorf("want one p[data-status][role=status], got %d", len(s))
			}
			if s := present(doc, "data-notice"); len(s) != 1 || attrOf(s[0], "role") != "alert" || !hasAttr(s[0], "hidden") {
				t.Errorf("want one p[data-notice][role=alert][hidden], got %d", len(s))
			}
			progress := 0
			walk(doc, func(n *html.Node) {
				if n.Data == "progress" && classOf(n) == "reading-progress" && attrOf(n, "max") == "100" {
					progress++
				}
			})
			if want := map[bool]int{false: 1, true: 0}[tc.embed]; progress != want {
				t.Errorf("%d progress bars, want %d", progress, want)
			}
		})
	}
}

// loadingPage stands for a page that renders the Reader before its article is loaded, as the
// reader page does in the browser.
type loadingPage struct {
	app.Compo
	article *model.Article
	embed   bool
}

func (p *loadingPage) Render() app.UI {
	return &Reader{Article: p.article, Embed: p.embed, Imported: p.embed}
}

// TestReaderMarkupAfterLoading renders the Reader first without an article (the loading line), then
// updates it in place with one, as app.wasm does when an article arrives: go-app then changes the
// elements it has instead of writing new ones, and the root must still carry every attribute the
// scripts look for (go-app drops an attribute that an update adds with the value "").
func TestReaderMarkupAfterLoading(t *testing.T) {
	p := &loadingPage{}
	d := app.NewServerTester(p)
	defer d.Close()
	if got := present(parseHTML(t, app.HTMLString(p)), "data-reader"); len(got) != 0 {
		t.Fatalf("the loading line is a [data-reader] root")
	}
	p.article, p.embed = sample(), true
	p.Update()
	d.Consume()
	doc := parseHTML(t, app.HTMLString(p))
	roots := present(doc, "data-reader")
	if len(roots) != 1 {
		t.Fatalf("after the article arrived: %d [data-reader] roots, want 1", len(roots))
	}
	for _, key := range []string{"data-article-id", "data-json", "data-embed", "data-imported"} {
		if !hasAttr(roots[0], key) {
			t.Errorf("after the article arrived, the root lacks %s", key)
		}
	}
	for _, key := range []string{"data-status", "data-notice"} {
		if len(present(doc, key)) != 1 {
			t.Errorf("after the article arrived, no element has %s", key)
		}
	}
}

func parseHTML(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<!DOCTYPE html><html><body>" + s + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attrOf(n *html.Node, key string) string { v, _ := attr(n, key); return v }

func hasAttr(n *html.Node, key string) bool { _, ok := attr(n, key); return ok }

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestQuoteMarksCarryTheirCitation checks the quote marks: every mark has its quote's id, and only
// the first mark of each quote has the quote's fragment as its id, tabindex -1 and its citation,
// which decodes (as reader.js does, with decodeURIComponent) to Citation's text exactly, quotes,
// ampersands and all.
func TestQuoteMarksCarryTheirCitation(t *testing.T) {
	t.Parallel()
	a := sample()
	a.Title = `Was There Any "Serious Communication" at AT&T? <b>`
	a.Quotes[0].ID, a.Blocks[0].Runs[1].Quote = "quote one", "quote one" // not of article.Parse's form
	want := map[string]string{}
	for _, q := range a.Quotes {
		want[string(q.ID)] = Citation(a, q)
	}
	doc := prerender(t, &Reader{Article: a})
	firsts := map[string]int{}
	walk(doc, func(n *html.Node) {
		if n.Data != "mark" {
			return
		}
		q := attrOf(n, "data-quote-id")
		id, hasID := attr(n, "id")
		cite, hasCite := attr(n, "data-citation")
		tab, hasTab := attr(n, "tabindex")
		if !hasID && !hasCite && !hasTab {
			return
		}
		firsts[q]++
		orig := "quote one"
		if q != "quote-one" {
			orig = q
		}
		if id != model.QuoteFragment(model.QuoteID(orig)) || tab != "-1" {
			t.Errorf("quote %s's first mark: id %q, tabindex %q; want %q and -1", q, id, tab, model.QuoteFragment(model.QuoteID(orig)))
		}
		got, err := url.PathUnescape(cite)
		if err != nil || got != want[orig] {
			t.Errorf("quote %s's data-citation %q decodes to %q (%v), want %q", q, cite, got, err, want[orig])
		}
	})
	if len(firsts) != 3 {
		t.Errorf("first marks %v, want one for each of 3 quotes", firsts)
	}
	for q, n := range firsts {
		if n != 1 {
			t.Errorf("quote %s has %d marks with an id, tabindex or citation, want 1", q, n)
		}
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
