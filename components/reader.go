package components

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
	"verbatim/article/safe"
)

// Reader renders one article for reading: the headline, byline and reading time, the body with every
// quote highlighted in its speaker's colour, the extras in a footer apart from the body, the speaker
// legend, the quote panel, the toolbar and reading settings, a progress bar, the keyboard shortcuts
// dialog and the live regions.
//
// It is a render of its props and nothing else: it holds no state and handles no event. What the
// reader does with this markup (highlights on and off, the legend's filter, n / p / h / ?, deep
// links, copy with citation, the settings, the reading position, saving) is web/page/reader.js's and
// web/page/offline.js's, which find it by its data- attributes, the same whether the server
// prerendered it or app.wasm rendered it (see docs/architecture.md).
//
// Trust boundary: Article is untrusted data (see the package comment). The Reader renders text with
// app.Text only, and sets every article-derived attribute through the helpers of attr.go, which take
// only values package safe made.
type Reader struct {
	app.Compo

	Article  *model.Article // nil while loading
	Embed    bool           // chrome-less, for partners' iframes: no settings, save or quote panel
	Imported bool           // the user imported it: it exists only in this browser
}

// Render draws the reader, or a loading line while Article is nil. Only the drawn reader is a
// [data-reader] root: the scripts start on it when it appears.
func (r *Reader) Render() app.UI {
	if r.Article == nil {
		return app.Div().Class("reader", "loading").Body(
			app.P().Attr("role", "status").Text("Loading the article…"),
		)
	}
	a := r.Article
	v := newBodyView(a, r.Embed)
	lang, _ := safe.LangFrom(a.Lang)
	dir, _ := safe.DirFrom(a.Dir)
	art := Dir(Lang(app.Article().Class("article"), lang), dir).
		Body(
			app.Header().Class("article-head").Body(
				app.H1().ID("article-title").Body(v.headline()...),
				r.meta(),
			),
			app.Div().Class("article-body").Body(v.blocks()...),
			r.extras(),
		)
	var progress, panel, correct, card, hlPopup, hlDialog app.UI
	if !r.Embed {
		hlPopup, hlDialog = highlightPopup(), highlightDialog()
		progress = app.Progress().Class("reading-progress").Max(100).Value(0).Aria("label", "Reading progress")
		panel = quotePanel(v)
		correct = correctDialog(v)
		card = cardDialog(v)
	}
	return r.root().Body(
		app.Main().ID("main").Class("reader-main").Body(
			progress,
			r.toolbar(),
			app.P().Class("notice").DataSet("notice", true).Attr("role", "alert").Hidden(true),
			art,
		),
		app.Aside().Class("reader-side").Aria("label", "Speakers and quotes").Body(
			legend(v),
			panel,
		),
		app.P().Class("status", "visually-hidden").DataSet("status", true).Attr("role", "status").Aria("live", "polite"),
		shortcuts(),
		correct,
		card,
		hlPopup,
		hlDialog,
	)
}

// root is the reader's root element and its data attributes: data-reader, the article's id and the
// path of its JSON, data-embed in an embed and data-imported for an imported article.
//
// The scripts read data-reader, data-embed and data-imported (and the live regions' data-status and
// data-notice) by their presence. They are set to true, never to "": go-app adds an attribute whose
// value is "" to an element it updates (the loading line becoming the reader) as if it were there
// already (attributes.Update compares the value with the missing one's ""), and never writes it.
func (r *Reader) root() app.HTMLDiv {
	root := app.Div().Class("reader").DataSet("reader", true)
	if id, ok := safe.ArticleToken(r.Article.ID); ok {
		root = Data(root, "article-id", id)
	}
	if u, ok := safe.JSONPath(r.Article.ID); ok {
		root = DataURL(root, "json", u)
	}
	if r.Embed {
		root = root.Class("embed").DataSet("embed", true)
	}
	if r.Imported {
		root = root.DataSet("imported", true)
	}
	return root
}

// meta renders the byline, site, date and reading time.
func (r *Reader) meta() app.UI {
	a := r.Article
	var parts []app.UI
	add := func(ui app.UI) {
		if len(parts) > 0 {
			parts = append(parts, app.Text(" · "))
		}
		parts = append(parts, ui)
	}
	if a.Byline != "" {
		add(app.Span().Class("article-byline").Text("By " + a.Byline))
	}
	if a.Site != "" {
		add(app.Span().Class("article-site").Text(a.Site))
	}
	if t, shown, ok := PublishedDate(a); ok {
		add(DateTime(app.Time().Class("article-published"), t).Text(shown))
	}
	add(app.Span().Text(readingTime(a)))
	if u, ok := safe.Href(a.URL); ok {
		if host := sourceHost(a.URL); host != "" {
			add(Href(app.A(), u).Class("article-source").Target("_blank").Rel("noopener noreferrer nofollow").
				Text("Original at " + host))
		}
	}
	return app.P().Class("article-meta").Body(parts...)
}

// PublishedDate returns an article's published instant and the date the reader shows for it, in
// UTC ("26 March 2017"); false when the article has no readable date. Quote cards show the same.
func PublishedDate(a *model.Article) (time.Time, string, bool) {
	return PublishedDay(a.Published)
}

// PublishedDay is PublishedDate for a published time on its own (RFC 3339, as model.Article's
// Published and a search hit's carry it).
func PublishedDay(published string) (time.Time, string, bool) {
	t, err := time.Parse(time.RFC3339, published)
	if err != nil {
		return time.Time{}, "", false
	}
	return t, t.UTC().Format("2 January 2006"), true
}

// sourceHost returns the host an article's address names, without "www.", for the link to the
// original; "" when it names none.
func sourceHost(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// readingTime returns "4 min read", from the article or its word count at 230 words a minute.
func readingTime(a *model.Article) string {
	m := a.ReadingMinutes
	if m <= 0 {
		m = (a.Words + 229) / 230
	}
	if m < 1 {
		m = 1
	}
	return fmt.Sprintf("%d min read", m)
}

// extras renders what is not body (author bio, credits, tip line, tags) in a footer apart from it.
func (r *Reader) extras() app.UI {
	a := r.Article
	if len(a.Extras) == 0 {
		return nil
	}
	items := make([]app.UI, 0, len(a.Extras))
	for _, e := range a.Extras {
		var body app.UI = app.Text(e.Text)
		if u, ok := safe.Href(e.Href); ok {
			body = Href(app.A(), u).Target("_blank").Rel("noopener noreferrer nofollow").Text(e.Text)
		}
		items = append(items, Class(app.Li().Class("extra"), safe.TokenFrom("extra-"+string(e.Kind))).Body(
			app.Span().Class("extra-kind").Text(extraLabel(e.Kind)+": "),
			body,
		))
	}
	return app.Footer().Class("extras").Aria("labelledby", "extras-title").Body(
		app.H2().ID("extras-title").Text("About this article"),
		app.Ul().Body(items...),
	)
}

func extraLabel(k model.ExtraKind) string {
	switch k {
	case model.ExtraBio:
		return "About the author"
	case model.ExtraLinks:
		return "Author's links"
	case model.ExtraCredit:
		return "Credit"
	case model.ExtraTip:
		return "Tip line"
	case model.ExtraTags:
		return "Tags"
	default:
		return "Note"
	}
}
