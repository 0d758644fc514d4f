package app

import (
	"context"
	"errors"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
	"verbatim/article/safe"
	"verbatim/components"
)

// store is the browser's store of saved and imported articles, shared by the pages.
var store = NewStore()

// idOf returns the article id of the reader's path (/article/{id} or /embed/{id}), or "" when the id
// is not valid: go-app routes here ids of any length (model.ArticleRoute), ValidID bounds it.
func idOf(path string) model.ArticleID {
	id, _, _ := model.ParseArticlePath(path)
	return id
}

// ReaderPage is the route /article/{id}: the Reader inside the app's frame. On the server it reads the
// article synchronously from the server library for the prerendered page. In the browser, where
// app.wasm renders it (an article only this browser's store holds, or a link followed inside the
// app), it loads the article from the store or /articles/{id}.json.
//
// It renders the reader and nothing more: what the reader does is web/page/reader.js's, and saving
// is web/page/offline.js's, on the page whoever rendered it.
type ReaderPage struct {
	goapp.Compo

	embed    bool
	id       model.ArticleID
	article  *model.Article
	imported bool // the article came from an import
	failed   string
}

// EmbedPage is the route /embed/{id}: the same reader without the app's chrome, for iframes.
type EmbedPage struct{ ReaderPage }

// OnInit marks the page as an embed.
func (p *EmbedPage) OnInit() {
	p.embed = true
	p.ReaderPage.OnInit()
}

// OnInit takes the article Preload loaded for this URL, so the first render in the browser is the
// article, and not a loading line.
func (p *ReaderPage) OnInit() {
	if !goapp.IsClient {
		return
	}
	id := idOf(goapp.Window().URL().Path)
	if a, origin, ok := takePreloaded(id); ok {
		p.id, p.article, p.imported = id, a, origin == OriginImported
	}
}

// OnPreRender renders the article on the server, from the server library.
func (p *ReaderPage) OnPreRender(ctx goapp.Context) {
	p.id = idOf(ctx.Page().URL().Path)
	if serverLibrary == nil {
		return
	}
	a, err := serverLibrary.Get(context.Background(), p.id)
	if err != nil {
		// An embed never boots app.wasm (and its frame's storage is the partner's): nothing will look
		// for the article in this browser.
		p.failed = sentence(errNotOnServer)
		if p.embed {
			p.failed = sentence(errNotInLibrary)
		}
		ctx.Page().SetTitle("Article not found — Verbatim")
		return
	}
	p.article = a
	p.setPage(ctx)
}

// setPage names the page after the article: its title, description and preview image.
//
// Trust boundary: the title and excerpt are article text. go-app writes them into the head's
// <meta name="description">, og:title and og:description attributes with strconv.Quote, which is not
// HTML escaping (see DESIGN.md), so they pass safe.TextFrom like every other attribute value.
func (p *ReaderPage) setPage(ctx goapp.Context) {
	ctx.Page().SetTitle(safe.TextFrom(p.article.Title).String() + " — Verbatim")
	if p.article.Excerpt != "" {
		ctx.Page().SetDescription(safe.TextFrom(p.article.Excerpt).String())
	}
	if !p.embed {
		// Its social preview: the card of its most prominent quote, or its title card. The server
		// makes the address absolute (its post-processor).
		q, _ := model.ProminentQuote(p.article)
		ctx.Page().SetImage(model.CardPath(p.article.ID, q.ID, false))
	}
}

// OnMount says app.wasm has the page.
func (p *ReaderPage) OnMount(ctx goapp.Context) { markMounted() }

// OnNav loads the article named by the URL.
func (p *ReaderPage) OnNav(ctx goapp.Context) {
	id := idOf(ctx.Page().URL().Path)
	if id == p.id && p.article != nil {
		p.setPage(ctx) // a preloaded article the server did not know (an import) has no title yet
		return
	}
	p.id, p.article, p.failed, p.imported = id, nil, "", false
	if id == "" {
		// An id over ValidID's bound, which the route takes: no article has it, so nothing is asked.
		p.failed = sentence(errNotInLibrary)
		ctx.Page().SetTitle("Article not found — Verbatim")
		return
	}
	ctx.Async(func() {
		a, origin, err := loadArticle(context.Background(), store, id)
		ctx.Dispatch(func(ctx goapp.Context) {
			if id != p.id {
				return
			}
			if err != nil {
				p.failed = sentence(err)
				return
			}
			p.article, p.imported = a, origin == OriginImported
			p.setPage(ctx)
		})
	})
}

// Render draws the reader, or why there is none.
func (p *ReaderPage) Render() goapp.UI {
	var content goapp.UI
	if p.failed != "" {
		content = goapp.Main().ID("main").Class("page-main").Body(
			goapp.H1().Text("This article cannot be shown"),
			goapp.P().Attr("role", "alert").Text(p.failed),
			goapp.P().Body(goapp.A().Href("/").Text("Back to the library")),
		)
	} else {
		content = &components.Reader{Article: p.article, Embed: p.embed, Imported: p.imported}
	}
	if p.embed {
		return goapp.Div().Class("embed-frame").Body(content)
	}
	return components.Frame("reader", content)
}

// sentence returns err's message as a sentence for the user: capitalised, with a full stop.
func sentence(err error) string {
	if err == nil {
		return ""
	}
	var msg string
	if errors.Is(err, context.DeadlineExceeded) {
		msg = "the server took too long to answer; try again"
	} else {
		msg = err.Error()
	}
	if msg == "" {
		return ""
	}
	msg = strings.ToUpper(msg[:1]) + msg[1:]
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}
