package app

import (
	"context"
	"fmt"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
	"verbatim/article/safe"
	"verbatim/components"
)

// LibraryPage is the route "/": the user's imported and saved articles, the sample articles from
// /articles/index.json, and the import action. Saved articles are marked.
type LibraryPage struct {
	goapp.Compo

	samples []Summary
	mine    []Entry
	corrupt int
	failed  string
	notice  string
	loading bool
}

// OnPreRender lists the server library for the first paint.
func (p *LibraryPage) OnPreRender(ctx goapp.Context) {
	ctx.Page().SetTitle("Library — Verbatim")
	if serverLibrary == nil {
		return
	}
	list, err := serverLibrary.Page(context.Background(), 1)
	if err != nil {
		p.failed = "The library could not be listed: " + sentence(err)
		return
	}
	p.samples = list.Articles
}

// OnMount says app.wasm has the page.
func (p *LibraryPage) OnMount(ctx goapp.Context) { markMounted() }

// OnNav loads the library and the user's articles.
func (p *LibraryPage) OnNav(ctx goapp.Context) {
	ctx.Page().SetTitle("Library — Verbatim")
	p.loading = true
	ctx.Async(func() {
		var listing Listing
		serr := fetchJSON(context.Background(), IndexPath(1), &listing)
		mine, corrupt, merr := store.List(context.Background())
		ctx.Dispatch(func(goapp.Context) {
			p.loading = false
			p.failed = ""
			if serr != nil && len(p.samples) == 0 {
				p.failed = "The sample articles could not be listed. " + sentence(serr)
			} else if serr == nil {
				p.samples = listing.Articles
			}
			p.mine, p.corrupt = mine, corrupt
			if merr != nil {
				p.notice = "Your saved articles could not be read. " + sentence(merr)
			}
		})
	})
}

func (p *LibraryPage) remove(ctx goapp.Context, id model.ArticleID) {
	ctx.Async(func() {
		err := store.Delete(context.Background(), id)
		mine, corrupt, _ := store.List(context.Background())
		ctx.Dispatch(func(goapp.Context) {
			if err != nil {
				p.notice = "Could not remove the article. " + sentence(err)
			}
			p.mine, p.corrupt = mine, corrupt
		})
	})
}

// Render draws the library.
func (p *LibraryPage) Render() goapp.UI {
	saved := make(map[model.ArticleID]bool)
	for _, e := range p.mine {
		saved[e.ID] = true
	}
	var mineItems []goapp.UI
	for _, e := range p.mine {
		e := e
		badge := "Imported"
		if e.Origin == OriginSaved {
			badge = "Saved offline"
		}
		mineItems = append(mineItems, card(e.Summary, badge,
			components.AriaLabel(goapp.Button().Class("button", "card-remove"), safe.TextFrom("Remove "+e.Title)).
				Text("Remove").
				OnClick(func(ctx goapp.Context, ev goapp.Event) { p.remove(ctx, e.ID) })))
	}
	var sampleItems []goapp.UI
	for _, s := range p.samples {
		badge := ""
		if saved[s.ID] {
			badge = "Saved offline"
		}
		sampleItems = append(sampleItems, card(s, badge, nil))
	}
	return components.Frame("library", goapp.Main().ID("main").Class("page-main", "library").Body(
		goapp.Div().Class("library-head").Body(
			goapp.H1().Text("Library"),
			goapp.A().Class("button", "primary").ID("import-action").Href(PathImport).Text("Import an article"),
		),
		goapp.If(p.notice != "", goapp.P().Class("notice").Attr("role", "alert").Text(p.notice)),
		goapp.If(p.corrupt > 0, goapp.P().Class("notice").Attr("role", "alert").Text(
			fmt.Sprintf("%d saved article(s) are damaged and were skipped; the others are safe. Import them again to replace them.", p.corrupt))),
		goapp.If(len(mineItems) > 0,
			goapp.Section().Aria("labelledby", "mine-title").Body(
				goapp.H2().ID("mine-title").Text("Your articles"),
				goapp.Ul().Class("cards").ID("my-articles").Body(mineItems...),
			),
		),
		goapp.Section().Aria("labelledby", "samples-title").Body(
			goapp.H2().ID("samples-title").Text("Sample articles"),
			goapp.If(p.failed != "", goapp.P().Class("notice").Attr("role", "alert").Text(p.failed)),
			goapp.If(len(sampleItems) == 0 && p.failed == "" && !p.loading, goapp.P().Text("There are no sample articles on this server.")),
			goapp.Ul().Class("cards").ID("samples").Body(sampleItems...),
		),
	))
}

// card renders one library entry: a link to the reader, its source, its counts and an optional badge.
func card(s Summary, badge string, extra goapp.UI) goapp.UI {
	meta := s.Site
	if s.Byline != "" {
		if meta != "" {
			meta += " · "
		}
		meta += s.Byline
	}
	counts := fmt.Sprintf("%d quotes · %d speakers · %d min read", s.Quotes, s.Speakers, max(s.ReadingMinutes, 1))
	title := s.Title
	if title == "" {
		title = string(s.ID)
	}
	// s comes from the server's index or the browser's store: its id reaches the link only as a
	// valid id (safe.ArticlePath), and every attribute through the helpers of package components.
	link, _ := safe.ArticlePath(s.ID)
	return components.Data(goapp.Li().Class("card"), "article-id", safe.TokenFrom(string(s.ID))).Body(
		goapp.H3().Body(components.Href(goapp.A(), link).Text(title)),
		goapp.If(meta != "", goapp.P().Class("card-meta").Text(meta)),
		goapp.P().Class("card-counts").Text(counts),
		goapp.If(s.Excerpt != "", goapp.P().Class("card-excerpt").Text(s.Excerpt)),
		goapp.If(badge != "", goapp.P().Class("badge").Text(badge)),
		extra,
	)
}
