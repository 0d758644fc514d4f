package app

import (
	"context"
	"errors"
	"fmt"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
	"verbatim/article/safe"
	"verbatim/components"
)

// LibraryPage is the library's routes: "/" (its first page) and "/library/N" (page N). It lists the
// user's imported and saved articles, one page of the articles on this server (from
// /articles/index.json and /articles/index-N.json), the pagination links and the import action. Saved
// articles are marked, in the user's section and among the server's.
//
// The prerendered page is the product: it lists its page's articles, and its pagination links page
// through the library with no script. Once app.wasm runs it, a "Show more articles" button appends
// the following pages in place. The address stays the page the reader opened (a reload shows that
// page again), and the "older" link goes on from the last page shown.
type LibraryPage struct {
	goapp.Compo

	page     int       // the page the URL names, the first one shown; 0 when the URL names none
	listing  Listing   // the last page shown: its number, the page count, the total and the next page
	articles []Summary // the server's articles shown: page, then each page loaded after it
	mine     []Entry
	corrupt  int
	failed   string
	notice   string
	loading  bool
	script   bool   // app.wasm runs the page: the "Show more articles" button works
	more     bool   // a "Show more articles" request is under way
	status   string // the polite live region's text: what the last "Show more articles" did
}

// errNoLibraryPage is what a library page says when its address names no page the library has.
var errNoLibraryPage = errors.New("this page of the library does not exist: the link may be mistyped, or the library has fewer articles now")

// OnPreRender lists the URL's page of the server library for the first paint.
func (p *LibraryPage) OnPreRender(ctx goapp.Context) {
	p.page, _ = LibraryPageOf(ctx.Page().URL().Path)
	defer func() { ctx.Page().SetTitle(p.title()) }()
	if serverLibrary == nil {
		return
	}
	if p.page == 0 {
		p.failed = sentence(errNoLibraryPage)
		return
	}
	list, err := serverLibrary.Page(context.Background(), p.page)
	if err != nil {
		p.failed = "The library could not be listed: " + sentence(err)
		return
	}
	p.listing, p.articles = list, list.Articles
}

// OnInit starts the page in the browser as OnNav leaves it before its listing arrives: loading,
// listing nothing yet. go-app's first Render then mounts that state and no more (not the export and
// highlights sections that OnNav would take out again within the same takeover), and the Renders
// that OnMount and OnNav ask for find nothing to change. The prerendered page (OnPreRender, on the
// server) is not this: it lists its page.
func (p *LibraryPage) OnInit() {
	if goapp.IsClient {
		p.startLoading(0)
	}
}

// OnMount says app.wasm has the page.
func (p *LibraryPage) OnMount(ctx goapp.Context) { markMounted() }

// OnNav loads the URL's page of the library and the user's articles. go-app keeps this component
// when it navigates between the library's pages, so everything the URL decides is reset here; after
// such a navigation the list's heading takes the focus, as a page load would start the reader there.
func (p *LibraryPage) OnNav(ctx goapp.Context) {
	n, _ := LibraryPageOf(ctx.Page().URL().Path)
	moved := p.script
	p.startLoading(n)
	p.script = true
	ctx.Page().SetTitle(p.title())
	ctx.Async(func() {
		var listing Listing
		serr := errNoLibraryPage
		if n > 0 {
			serr = fetchJSON(context.Background(), IndexPath(n), &listing)
		}
		mine, corrupt, merr := store.List(context.Background())
		ctx.Dispatch(func(ctx goapp.Context) {
			if p.page != n {
				return // the reader went to another page meanwhile
			}
			p.loading = false
			switch {
			case errors.Is(serr, errNotInLibrary):
				p.failed = sentence(errNoLibraryPage)
			case serr != nil:
				p.failed = "The articles on this server could not be listed. " + sentence(serr)
			default:
				p.listing, p.articles = listing, listing.Articles
			}
			p.mine, p.corrupt = mine, corrupt
			if merr != nil {
				p.notice = "Your saved articles could not be read. " + sentence(merr)
			}
			ctx.Page().SetTitle(p.title())
			if moved {
				ctx.Defer(func(goapp.Context) { focusSelector("#" + listHeadingID) })
			}
		})
	})
}

// startLoading resets what the URL decides to page n of the library, not listed yet: the state the
// page shows while OnNav's requests are under way.
func (p *LibraryPage) startLoading(n int) {
	p.page, p.loading = n, true
	p.listing, p.articles, p.failed, p.status = Listing{}, nil, "", ""
}

// showMore appends the next page of the library (Listing.Next) to the list and says so in the live
// region. pressed says the reader asked with the button: the focus then moves to the first new card's
// link; otherwise (an automatic load) it stays where it is.
func (p *LibraryPage) showMore(ctx goapp.Context, pressed bool) {
	next, page := p.listing.Next, p.page
	if next == "" || p.more {
		return
	}
	p.more = true
	ctx.Async(func() {
		var l Listing
		err := fetchJSON(context.Background(), next, &l)
		ctx.Dispatch(func(ctx goapp.Context) {
			p.more = false
			if p.page != page {
				return
			}
			if err != nil {
				p.status = "More articles could not be loaded. " + sentence(err)
				return
			}
			first := len(p.articles)
			p.articles = appendNew(p.articles, l.Articles)
			p.listing = l
			p.status = moreStatus(len(p.articles)-first, p.page, len(p.articles), l.Total)
			if pressed && len(p.articles) > first {
				ctx.Defer(func(goapp.Context) {
					focusSelector(fmt.Sprintf("#%s > li:nth-child(%d) h3 a", listID, first+1))
				})
			}
		})
	})
}

// appendNew appends to shown the articles of more it does not hold yet: when an article was added to
// the library between two loads, the next page repeats the last article of the one before.
func appendNew(shown, more []Summary) []Summary {
	seen := make(map[model.ArticleID]bool, len(shown))
	for _, s := range shown {
		seen[s.ID] = true
	}
	for _, s := range more {
		if !seen[s.ID] {
			shown = append(shown, s)
		}
	}
	return shown
}

// focusSelector focuses the page's first element that matches the CSS selector sel (a constant of
// this package's making), if any. It does nothing on the server.
func focusSelector(sel string) {
	if !goapp.IsClient {
		return
	}
	if el := goapp.Window().Get("document").Call("querySelector", sel); el.Truthy() {
		el.Call("focus")
	}
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

// The ids of the server's list of articles and of its heading.
const (
	listID        = "samples"
	listHeadingID = "samples-title"
)

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
	var items []goapp.UI
	for _, s := range p.articles {
		badge := ""
		if saved[s.ID] {
			badge = "Saved offline"
		}
		items = append(items, card(s, badge, nil))
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
		goapp.Section().Aria("labelledby", listHeadingID).Body(
			goapp.H2().ID(listHeadingID).TabIndex(-1).Text("Articles on this server"),
			goapp.If(p.listing.Total > 0, goapp.P().Class("library-count").Text(p.countText())),
			goapp.If(p.failed != "", goapp.P().Class("notice").Attr("role", "alert").Text(p.failed)),
			goapp.If(len(items) == 0 && p.failed == "" && !p.loading, goapp.P().Text("There are no articles on this server.")),
			goapp.Ul().Class("cards").ID(listID).Body(items...),
			goapp.If(p.script && p.listing.Next != "",
				goapp.Button().Class("button", "load-more").ID("load-more").Type("button").
					Text("Show more articles").
					OnClick(func(ctx goapp.Context, ev goapp.Event) { p.showMore(ctx, true) })),
			goapp.P().Class("library-status").ID("library-status").Attr("role", "status").Text(p.status),
			p.pager(),
		),
		// The export and the highlights' JSON-LD stay out while app.wasm loads a listing: its
		// takeover renders the lists anew and they grow as they load, which would move anything
		// below them (a layout shift, TestE2ETakeoverKeepsThePage); they come back with the list.
		goapp.If(!p.loading,
			components.LibraryExport(),
			// Every highlight and speaker correction kept in this browser, out and back in as W3C
			// Web Annotation JSON-LD: web/page/highlights.js handles these controls.
			goapp.Section().Aria("labelledby", "highlights-io-title").Body(
				goapp.H2().ID("highlights-io-title").Text("Your highlights and notes"),
				components.HighlightsIO("all"),
			),
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
