package app

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/safe"
	"verbatim/article/search"
	"verbatim/components"
)

// SearchPage is /search: full-text search over articles, quotations and notes, with filters for
// speaker, site and published date. Its query is the URL's (?q=&speaker=&site=&from=&to=).
//
// The server prerenders the hits of its own library (SetServerSearch), so a search works with no
// script as a plain GET form. Once app.wasm runs the page, it searches this browser's store (the
// saved and imported articles, and the reader's notes) with article/search, offline too, and asks
// the server's index (SearchAPIPath) when it can be reached; each source has its own list. A new
// search from the form is an in-app navigation (the URL stays a link to the search).
type SearchPage struct {
	goapp.Compo

	form   SearchForm
	bad    []string // the filters the page ignored ("from", "to": not a date)
	script bool     // app.wasm runs the page
	gen    int      // counts searches, so a late answer to an older one is dropped
	synced bool     // this browser's index was brought up to date since the page mounted

	local     *search.Result // this browser's hits, once searched
	localN    int            // articles in this browser's index
	localSkip int            // stored articles that could not be read
	localErr  string
	localUS   int64  // the local search's time in µs, query to hits (data-search-us)
	localFor  string // the query the local hits answer, URL-encoded (data-search-for)
	localRead int    // the articles this page read from the store to bring its index up to date (data-search-read)
	indexing  [2]int // while this browser's index is built: how many of how many articles are indexed

	server    *SearchAnswer // the server's hits, once it answered
	serverErr string
}

// searchPageHits is how many hits the page shows from each source, the best first: rendering a
// hit costs more than finding it (go-app builds and diffs its nodes), so the page stays quick at 4×
// CPU with ten.
const searchPageHits = 10

// The ids of the search page's elements (the DOM contract; the browser tests use them).
const (
	searchFormID   = "search-form"
	searchStatusID = "search-status"
)

// OnPreRender searches the server's library for the URL's query, for the first paint.
func (p *SearchPage) OnPreRender(ctx goapp.Context) {
	p.form = SearchFormOf(ctx.Page().URL().Query())
	ctx.Page().SetTitle(p.title())
	if serverSearch == nil || p.form.Empty() {
		return
	}
	q, bad := p.form.Query(searchPageHits)
	q.People = loadDecisions(ctx) // the speaker pages' hand merges and splits, for this browser's hits
	p.bad = bad
	ans := serverSearch.Search(context.Background(), q)
	p.server = &ans
}

// OnMount says app.wasm has the page. The page brings this browser's index up to date with the
// store once per mount (reading the store's list costs more than a search): an article saved or
// imported elsewhere in the app is found once the search page is opened again.
func (p *SearchPage) OnMount(ctx goapp.Context) {
	p.synced = false
	markMounted()
}

// OnNav runs the URL's search: in this browser's index (brought up to date with the store first)
// and on the server. With no query it still brings the index up to date, so that the first search
// is quick.
func (p *SearchPage) OnNav(ctx goapp.Context) {
	p.local, p.server, p.localFor = nil, nil, ""
	p.run(ctx, SearchFormOf(ctx.Page().URL().Query()))
}

// run runs the search form f asks for. The hits shown stay until the new ones replace them.
func (p *SearchPage) run(ctx goapp.Context, f SearchForm) {
	p.script = true
	p.gen++
	gen := p.gen
	p.form = f
	p.localErr, p.serverErr = "", ""
	ctx.Page().SetTitle(p.title())
	q, bad := p.form.Query(searchPageHits)
	q.People = loadDecisions(ctx) // the speaker pages' hand merges and splits, for this browser's hits
	p.bad = bad
	empty := p.form.Empty()
	values := p.form.Values()
	refresh := !p.synced
	p.synced = true
	if !refresh && !empty {
		// The index is up to date: search now, in this update, when no update of it runs (a
		// search takes milliseconds; handing it to a goroutine and back costs go-app frames).
		if ix, n, skipped, ok := tryLocalIndex(); ok {
			start := time.Now()
			res := ix.Search(q)
			p.local, p.localN, p.localSkip = &res, n, skipped
			p.localUS, p.localFor = time.Since(start).Microseconds(), values.Encode()
		}
	}
	if p.localFor != values.Encode() || empty {
		ctx.Async(func() {
			ix, n, skipped, read, err := localSearchIndex(context.Background(), store, refresh, p.progress(ctx))
			var res search.Result
			start := time.Now()
			if err == nil && !empty {
				res = ix.Search(q)
			}
			us := time.Since(start).Microseconds()
			ctx.Dispatch(func(ctx goapp.Context) {
				p.indexing = [2]int{}
				if refresh {
					p.localRead = read
				}
				if err != nil {
					p.synced = false // try again at the next search
				}
				if p.gen != gen || empty {
					return
				}
				p.localN, p.localSkip, p.localUS, p.localFor = n, skipped, us, values.Encode()
				if err != nil {
					p.localErr = "Your saved articles could not be searched. " + sentence(err)
					return
				}
				p.local = &res
			})
			if refresh && err == nil {
				// Kept for the next page load, once the hits are on their way to the screen.
				if err := localIndex.save(context.Background(), store); err != nil {
					goapp.Logf("search: the index could not be kept in this browser (it is built again at the next visit): %v", err)
				}
			}
		})
	}
	if empty {
		return
	}
	ctx.Async(func() {
		var ans SearchAnswer
		err := fetchJSONQuery(context.Background(), SearchAPIPath, values, &ans)
		ctx.Dispatch(func(ctx goapp.Context) {
			if p.gen != gen {
				return
			}
			if err != nil {
				p.serverErr = "The server's library could not be searched: you may be offline, or this copy of Verbatim has no server (a static export)."
				return
			}
			p.server = &ans
		})
	})
}

// progress returns the callback that tells the page how far the build of this browser's index
// is: the live region and the local section say "n of N", updated at each tenth, not at each
// batch, so that a screen reader is not flooded.
func (p *SearchPage) progress(ctx goapp.Context) func(done, total int) {
	told := 0
	return func(done, total int) {
		if total < 2*readBatch || done != total && done*10/total == told*10/total {
			return // a few articles: quicker than the news of them
		}
		told = done
		ctx.Dispatch(func(goapp.Context) { p.indexing = [2]int{done, total} })
	}
}

// submit runs the form's search, and makes its URL the page's (a new history entry: Back goes to
// the search before, through OnNav). It does not navigate: go-app's navigation costs more than the
// search.
func (p *SearchPage) submit(ctx goapp.Context, e goapp.Event) {
	e.PreventDefault()
	doc := goapp.Window().Get("document")
	v := url.Values{}
	for _, name := range searchParams {
		if el := doc.Call("getElementById", "search-"+name); el.Truthy() {
			v.Set(name, el.Get("value").String())
		}
	}
	f := SearchFormOf(v)
	u := PathSearch
	if vs := f.Values(); len(vs) > 0 {
		u += "?" + vs.Encode()
	}
	goapp.Window().Get("history").Call("pushState", nil, "", u)
	p.run(ctx, f)
}

func (p *SearchPage) title() string {
	if p.form.Q != "" {
		return p.form.Q + " — Search — Verbatim"
	}
	return "Search — Verbatim"
}

// Render draws the form, the status line and the two lists of hits.
func (p *SearchPage) Render() goapp.UI {
	return components.Frame("search", goapp.Main().ID("main").Class("page-main", "search").Body(
		goapp.H1().Text("Search"),
		goapp.Form().ID(searchFormID).Class("search-form").Attr("role", "search").Aria("label", "Articles, quotations and notes").
			Action(PathSearch).Method("get").OnSubmit(p.submit).Body(
			goapp.Div().Class("field").Body(
				goapp.Label().For("search-q").Text("Words to find"),
				goapp.Input().Type("search").ID("search-q").Name("q").Value(formValue(p.form.Q)).
					AutoComplete(false).Aria("describedby", "search-hint"),
				goapp.P().ID("search-hint").Class("hint").Text(
					"Every word must occur. Put a phrase in quotation marks; end a word with * to find the words it starts. Case and accents do not matter."),
			),
			goapp.FieldSet().Class("search-filters").Body(
				goapp.Legend().Text("Filters"),
				searchField("search-speaker", "speaker", "Speaker", "text", p.form.Speaker),
				searchField("search-site", "site", "Site", "text", p.form.Site),
				searchField("search-from", "from", "Published from", "date", p.form.From),
				searchField("search-to", "to", "Published to", "date", p.form.To),
			),
			goapp.Button().Type("submit").Class("button", "primary").ID("search-submit").Text("Search"),
		),
		goapp.If(len(p.bad) > 0, goapp.P().Class("notice").Attr("role", "alert").Text(
			"A date filter was not a date (year-month-day) and was ignored: "+strings.Join(p.bad, ", ")+".")),
		components.DataEncoded(components.Data(components.Data(goapp.P().Class("search-status").ID(searchStatusID).Attr("role", "status").Aria("live", "polite"),
			"search-us", safe.TokenFrom(strconv.FormatInt(p.localUS, 10))), "search-read", safe.TokenFrom(strconv.Itoa(p.localRead))),
			"search-for", safe.Encode(p.localFor)).Text(p.status()),
		goapp.If(p.script && !p.form.Empty(), p.localSection()),
		goapp.If(!p.form.Empty(), p.serverSection()),
	))
}

// searchField is one labelled filter input.
func searchField(id, name, label, kind, value string) goapp.UI {
	return goapp.Div().Class("field").Body(
		goapp.Label().For(id).Text(label),
		goapp.Input().Type(kind).ID(id).Name(name).Value(formValue(value)).AutoComplete(false),
	)
}

// formValue makes a value typed into the form safe to write back into an input's value attribute.
//
// Trust boundary: the value comes from the URL. go-app's prerender writes attributes with
// strconv.Quote, which escapes a double quote as \" and so lets it end the attribute: straight
// double quotes become typographic ones (which the search reads as the same phrase marks),
// backslashes and control characters are dropped.
func formValue(s string) string {
	open := true
	return strings.Map(func(r rune) rune {
		switch {
		case r == '"':
			open = !open
			if !open {
				return '“'
			}
			return '”'
		case r == '\\', r < 0x20, r == 0x7f:
			return -1
		}
		return r
	}, s)
}

// status is the live region's text: what was found where, or why not.
func (p *SearchPage) status() string {
	indexing := ""
	if n := p.indexing; n[1] > 0 {
		indexing = fmt.Sprintf("Indexing the articles saved in this browser: %d of %d.", n[0], n[1])
	}
	if p.form.Empty() {
		return indexing
	}
	var parts []string
	if p.script {
		switch {
		case p.local != nil:
			parts = append(parts, count(p.local.Total, p.local.AtLeast)+" in this browser")
		case p.localErr == "" && p.indexing[1] > 0:
			parts = append(parts, fmt.Sprintf("indexing this browser's articles, %d of %d", p.indexing[0], p.indexing[1]))
		case p.localErr == "":
			parts = append(parts, "searching this browser")
		}
	}
	switch {
	case p.server != nil:
		parts = append(parts, count(p.server.Total, p.server.AtLeast)+" on this server")
	case p.script && p.serverErr == "":
		parts = append(parts, "searching the server")
	}
	if len(parts) == 0 {
		return ""
	}
	return "Results: " + strings.Join(parts, ", ") + "."
}

// count says n results, "at least" when n is a lower bound.
func count(n int, atLeast bool) string {
	s := fmt.Sprintf("%d result", n)
	if n != 1 {
		s += "s"
	}
	if atLeast {
		s = "at least " + s
	}
	return s
}

func (p *SearchPage) localSection() goapp.UI {
	var body []goapp.UI
	switch {
	case p.localErr != "":
		body = append(body, goapp.P().Class("notice").Attr("role", "alert").Text(p.localErr))
	case p.local == nil && p.indexing[1] > 0:
		body = append(body, goapp.P().Body(
			goapp.Label().For("search-indexing").Text("Indexing the articles saved in this browser, for the first search here: "),
			goapp.Progress().ID("search-indexing").Max(p.indexing[1]).Value(p.indexing[0]).
				Text(fmt.Sprintf("%d of %d", p.indexing[0], p.indexing[1]))))
	case p.local == nil:
		body = append(body, goapp.P().Text("Searching the articles kept in this browser…"))
	default:
		body = append(body, goapp.P().Class("search-scope").Text(fmt.Sprintf(
			"%d articles saved or imported in this browser, with your notes.", p.localN)))
		if p.localSkip > 0 {
			body = append(body, goapp.P().Class("notice").Text(fmt.Sprintf(
				"%d saved article(s) are damaged and were not searched.", p.localSkip)))
		}
		body = append(body, hitList("search-local", p.local.Hits, p.local.Total, p.local.Cut))
	}
	return goapp.Section().Class("search-source").Aria("labelledby", "search-local-title").Body(
		append([]goapp.UI{goapp.H2().ID("search-local-title").Text("Saved in this browser")}, body...)...)
}

func (p *SearchPage) serverSection() goapp.UI {
	var body []goapp.UI
	switch {
	case p.serverErr != "":
		body = append(body, goapp.P().Class("search-scope").Text(p.serverErr))
	case p.server == nil:
		body = append(body, goapp.P().Text("Searching the server's library…"))
	default:
		scope := fmt.Sprintf("The server's library: %d articles searched", p.server.Indexed)
		switch {
		case !p.server.Ready:
			scope += fmt.Sprintf(" so far of %d; the server is still indexing them.", p.server.Library)
		case p.server.Indexed < p.server.Library:
			scope += fmt.Sprintf(", the newest of %d.", p.server.Library)
		default:
			scope += "."
		}
		body = append(body, goapp.P().Class("search-scope").Text(scope),
			hitList("search-server", p.server.Hits, p.server.Total, p.server.Cut))
	}
	return goapp.Section().Class("search-source").Aria("labelledby", "search-server-title").Body(
		append([]goapp.UI{goapp.H2().ID("search-server-title").Text("On this server")}, body...)...)
}

// hitList renders hits as an ordered list (id: search-local or search-server), with a line when
// more matched than it shows.
func hitList(id string, hits []search.Hit, total int, cut bool) goapp.UI {
	if len(hits) == 0 {
		return goapp.P().Class("search-none").Text("Nothing found.")
	}
	items := make([]goapp.UI, 0, len(hits))
	for _, h := range hits {
		items = append(items, hitItem(h))
	}
	return goapp.Div().Body(
		goapp.Ol().Class("search-hits").ID(id).Body(items...),
		goapp.If(total > len(hits), goapp.P().Class("search-more").Text(fmt.Sprintf(
			"Showing the best %d of %d. Add words or filters to narrow the search.", len(hits), total))),
		goapp.If(cut, goapp.P().Class("search-more").Text(fmt.Sprintf(
			"The search read only the first %d words of the query.", search.MaxTerms))),
	)
}

// hitItem renders one hit: what it is, its article's title linking to it (a quotation's link goes
// to the quotation), the snippet with the matched words marked, and the article's site and date.
//
// Trust boundary: a hit's text comes from an article or a note (the store's or the server's) and is
// rendered as text; its ids reach links only as valid ids (safe.ArticlePath, QuoteInArticle).
func hitItem(h search.Hit) goapp.UI {
	link, ok := safe.ArticlePath(h.Article)
	kind := "Article"
	switch h.Kind {
	case search.KindQuote:
		link, ok = safe.QuoteInArticle(h.Article, h.Quote)
		kind = "Quotation"
		if h.Speaker != "" {
			kind += " · " + h.Speaker
		}
	case search.KindNote:
		kind = "Your note"
	}
	title := h.Title
	if title == "" {
		title = string(h.Article)
	}
	var heading goapp.UI = goapp.Span().Text(title)
	if ok {
		heading = components.Href(goapp.A(), link).Text(title)
	}
	segs := make([]goapp.UI, 0, len(h.Snippet))
	for _, s := range h.Snippet {
		if s.Mark {
			segs = append(segs, goapp.Mark().Text(s.Text))
		} else {
			segs = append(segs, goapp.Text(s.Text))
		}
	}
	meta := h.Site
	if _, d, ok := components.PublishedDay(h.Published); ok {
		if meta != "" {
			meta += " · "
		}
		meta += d
	}
	return components.Class(components.Data(goapp.Li().Class("search-hit"), "article-id", safe.TokenFrom(string(h.Article))),
		safe.TokenFrom("kind-"+string(h.Kind))).Body(
		goapp.P().Class("search-kind").Text(kind),
		goapp.H3().Body(heading),
		goapp.P().Class("search-snippet").Body(segs...),
		goapp.If(meta != "", goapp.P().Class("search-meta").Text(meta)),
	)
}
