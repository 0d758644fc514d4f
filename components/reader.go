package components

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
	"verbatim/article/safe"
)

// The actions the Reader emits for the app to handle; their value is the article's ArticleID.
const (
	ActionSave   = "verbatim/save"   // keep the article for offline reading
	ActionUnsave = "verbatim/unsave" // stop keeping it
)

// Reader renders one article for reading: the headline, byline and reading time, the body with every
// quote highlighted in its speaker's colour, the extras in a footer apart from the body, the speaker
// legend, the quote panel, the reader controls, a progress bar and the keyboard shortcuts.
//
// Trust boundary: Article is untrusted data (see the package comment). The Reader renders text with
// app.Text only, and sets every article-derived attribute through the helpers of attr.go, which take
// only values package safe made.
type Reader struct {
	app.Compo

	Article  *model.Article // nil while loading
	Embed    bool           // chrome-less, for iframes: no controls, no quote panel
	Saved    bool           // the article is kept for offline reading
	Imported bool           // the user imported it: it exists only in this browser
	Notice   string         // a message from the app (saving failed, the quota is full…)

	settings   Settings
	selected   model.SpeakerID
	hidden     bool
	current    model.QuoteID
	help       bool
	status     string
	shownFor   model.ArticleID
	release    []func()
	positioned bool
	panelOn    bool // in the browser, the quote panel is mounted after the reader (see OnMount)
}

// OnMount loads the settings, listens for keys and scrolling, and opens the article at the quote
// named in the URL fragment (#q3) or at the remembered reading position.
func (r *Reader) OnMount(ctx app.Context) {
	r.settings = LoadSettings(ctx)
	ApplySettings(r.settings)
	if app.IsClient && !r.panelOn {
		// The reader is on screen, styled, and app.wasm has taken over: what follows (the
		// listeners, the reading position, the page's OnMount and go-app's first update of
		// every mounted component) goes in a task of its own, and the quote panel in another.
		YieldToBrowser()
		ctx.Async(func() {
			YieldToBrowser()
			ctx.Dispatch(func(app.Context) { r.panelOn = true })
		})
	}
	r.listen(ctx)
	r.arrive(ctx)
}

// OnUpdate runs when the page hands the Reader a (new) article.
func (r *Reader) OnUpdate(ctx app.Context) { r.arrive(ctx) }

// OnNav follows a change of the URL fragment to a quote (a deep link to another quote); other
// fragments (the skip link's #main) are the browser's.
func (r *Reader) OnNav(ctx app.Context) {
	if r.Article != nil && r.hasQuote(model.QuoteID(ctx.Page().URL().Fragment)) {
		r.positioned = false
	}
	r.arrive(ctx)
}

// OnDismount stops listening to the window.
func (r *Reader) OnDismount() {
	for _, f := range r.release {
		f()
	}
	r.release = nil
}

// arrive positions the view once per article: at the deep-linked quote, or the saved position.
func (r *Reader) arrive(ctx app.Context) {
	if r.Article == nil || !app.IsClient {
		return
	}
	if r.shownFor != r.Article.ID {
		r.shownFor, r.selected, r.current, r.positioned = r.Article.ID, "", "", false
	}
	if r.positioned {
		return
	}
	r.positioned = true
	frag := ctx.Page().URL().Fragment
	if frag != "" && r.hasQuote(model.QuoteID(frag)) {
		r.focusQuote(ctx, model.QuoteID(frag), false)
		return
	}
	if pos := loadPosition(ctx, r.Article.ID); pos > 0 {
		ctx.Defer(func(app.Context) { scrollToFraction(pos) })
	}
}

func (r *Reader) hasQuote(id model.QuoteID) bool {
	for _, q := range r.Article.Quotes {
		if q.ID == id {
			return true
		}
	}
	return false
}

// Render draws the reader.
func (r *Reader) Render() app.UI {
	if r.Article == nil {
		return app.Div().Class("reader", "loading").Body(
			app.P().Attr("role", "status").Text("Loading the article…"),
		)
	}
	a := r.Article
	v := newBodyView(a, r.selected, r.current)
	panel := r.panelOn || !app.IsClient // the prerendered page has it at once
	root := app.Div().Class("reader")
	if r.hidden {
		root = root.Class("highlights-off")
	}
	if r.selected != "" {
		root = root.Class("filtering")
	}
	if r.Embed {
		root = root.Class("embed")
	}
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
	// The quote panel and the shortcuts dialog are built only when shown: go-app drops a nil
	// element, and building them to throw them away (app.If evaluates its argument) cost the
	// takeover's first render a third of its elements.
	var notice, quotes, help app.UI
	if r.Notice != "" {
		notice = app.P().Class("notice").Attr("role", "alert").Text(r.Notice)
	}
	if !r.Embed && panel {
		quotes = r.quotePanel(v)
	}
	if r.help {
		help = r.shortcuts()
	}
	return root.Body(
		app.Main().ID("main").Class("reader-main").Body(
			&ReadingProgress{ArticleID: a.ID},
			r.toolbar(),
			notice,
			art,
		),
		app.Aside().Class("reader-side").Aria("label", "Speakers and quotes").Aria("busy", !panel).Body(
			r.legend(v),
			quotes,
		),
		app.P().Class("status", "visually-hidden").Attr("role", "status").Aria("live", "polite").Text(r.status),
		help,
	)
}

// meta renders the byline, site, date and reading time.
func (r *Reader) meta() app.UI {
	a := r.Article
	var parts []string
	if a.Byline != "" {
		parts = append(parts, "By "+a.Byline)
	}
	if a.Site != "" {
		parts = append(parts, a.Site)
	}
	if len(a.Published) >= 10 {
		parts = append(parts, a.Published[:10])
	}
	parts = append(parts, readingTime(a))
	return app.P().Class("article-meta").Text(strings.Join(parts, " · "))
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
			body = Href(app.A(), u).Target("_blank").Rel("noopener noreferrer nofollow").
				OnClick(keepOutOfRouter).Text(e.Text)
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

// toolbar holds the reader's buttons and, outside embeds, its settings.
func (r *Reader) toolbar() app.UI {
	if r.Embed {
		open, _ := safe.ArticlePath(r.Article.ID)
		return app.Div().Class("toolbar").Body(
			Href(app.A().Class("button"), open).
				Target("_blank").Rel("noopener").OnClick(keepOutOfRouter).Text("Open in Verbatim"),
			r.highlightButton(),
			r.copyButton(),
		)
	}
	saveLabel, saveAction := "Save for offline", ActionSave
	switch {
	case r.Saved && r.Imported:
		saveLabel, saveAction = "Kept in this browser ✓ (remove)", ActionUnsave
	case r.Imported:
		saveLabel = "Keep in this browser"
	case r.Saved:
		saveLabel, saveAction = "Saved offline ✓ (remove)", ActionUnsave
	}
	return app.Div().Class("toolbar").Body(
		r.highlightButton(),
		r.copyButton(),
		app.Button().Class("button").ID("save").Aria("pressed", r.Saved).Text(saveLabel).
			OnClick(func(ctx app.Context, e app.Event) {
				ctx.NewActionWithValue(saveAction, r.Article.ID)
			}),
		app.Button().Class("button").ID("shortcuts-button").Aria("keyshortcuts", "?").Text("Shortcuts (?)").
			OnClick(func(ctx app.Context, e app.Event) { r.toggleHelp(ctx) }),
		r.controls(),
	)
}

// copyButton copies the current quote (the first one until the reader moves) with its citation. The
// embed has it too: embed.js gives its frame allow="clipboard-write".
func (r *Reader) copyButton() app.UI {
	return app.Button().Class("button").ID("copy-quote").Text("Copy quote").
		Disabled(len(r.Article.Quotes) == 0).
		OnClick(func(ctx app.Context, e app.Event) { r.copyCurrent(ctx) })
}

func (r *Reader) highlightButton() app.UI {
	label := "Hide highlights (h)"
	if r.hidden {
		label = "Show highlights (h)"
	}
	return app.Button().Class("button").ID("toggle-highlights").Aria("pressed", r.hidden).Text(label).
		OnClick(func(ctx app.Context, e app.Event) { r.toggleHighlights(ctx) })
}

func (r *Reader) toggleHighlights(ctx app.Context) {
	r.hidden = !r.hidden
	if r.hidden {
		r.status = "Highlights hidden."
	} else {
		r.status = "Highlights shown."
	}
}

func (r *Reader) toggleHelp(ctx app.Context) {
	r.help = !r.help
	if r.help {
		ctx.Defer(func(app.Context) { focusID("shortcuts-close") })
	} else {
		ctx.Defer(func(app.Context) { focusID("shortcuts-button") })
	}
}
