package app

import (
	"fmt"
	"strconv"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// lastShown returns the number of the last page the library page shows: the page the URL names, or
// the last one "Show more articles" appended.
func (p *LibraryPage) lastShown() int { return max(p.page, p.listing.Page) }

// pager renders the pagination: a nav of plain links to the newer page before the first one shown
// and the older page after the last one shown (rel prev and next), with where the reader is. The
// links are real addresses the server prerenders, so they page through the library with no script.
func (p *LibraryPage) pager() goapp.UI {
	pages := p.listing.Pages
	if p.page == 0 || pages <= 1 {
		// A page that does not exist links back to the first; a library of one page needs no nav.
		return goapp.If(p.page == 0 && p.failed != "",
			goapp.Nav().Class("pager").Aria("label", "Library pages").Body(
				goapp.A().Href(PathLibrary).Text("Go to the library's first page")))
	}
	last := p.lastShown()
	where := "Page " + thousands(p.page) + " of " + thousands(pages)
	if last > p.page {
		where = "Pages " + thousands(p.page) + " to " + thousands(last) + " of " + thousands(pages)
	}
	return goapp.Nav().Class("pager").Aria("label", "Library pages").Body(
		goapp.If(p.page > 1, goapp.A().Class("button", "pager-newer").Href(LibraryPath(p.page-1)).Attr("rel", "prev").
			Text("Newer articles")),
		goapp.P().Class("pager-where").Text(where),
		goapp.If(last < pages, goapp.A().Class("button", "pager-older").Href(LibraryPath(last+1)).Attr("rel", "next").
			Text("Older articles")),
	)
}

// countText says how many articles the server has and where in them the page is: "1,234 articles"
// on a library of one page, "1,234 articles · 51 to 100 shown" otherwise.
func (p *LibraryPage) countText() string {
	total := p.listing.Total
	s := plural(total, "article")
	if p.listing.Pages > 1 && len(p.articles) > 0 {
		first := (p.page-1)*PageSize + 1
		s += " · " + thousands(first) + " to " + thousands(first+len(p.articles)-1) + " shown"
	}
	return s
}

// title is the page's title: it names the page number after the first, so that a reader's history and
// tabs tell the pages apart.
func (p *LibraryPage) title() string {
	switch {
	case p.page == 0:
		return "Page not found — Verbatim"
	case p.page == 1:
		return "Library — Verbatim"
	case p.listing.Pages > 0:
		return fmt.Sprintf("Library, page %s of %s — Verbatim", thousands(p.page), thousands(p.listing.Pages))
	}
	return "Library, page " + thousands(p.page) + " — Verbatim"
}

// moreStatus is what the live region says once "Show more articles" has appended added articles to
// a list that starts at page and now holds shown of the library's total: "50 more articles, 100 of
// 1,234 shown" from the first page, "50 more articles, 51 to 150 of 1,234 shown" from a later one.
func moreStatus(added, page, shown, total int) string {
	if added == 0 {
		return "No more articles."
	}
	more := thousands(added) + " more articles"
	if added == 1 {
		more = "1 more article"
	}
	if page <= 1 {
		return fmt.Sprintf("%s, %s of %s shown.", more, thousands(shown), thousands(total))
	}
	first := (page-1)*PageSize + 1
	return fmt.Sprintf("%s, %s to %s of %s shown.", more, thousands(first), thousands(first+shown-1), thousands(total))
}

// plural is "1 article" or "1,234 articles".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
}

// thousands writes n in digits grouped by three with commas: 1234567 is "1,234,567".
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3+1)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
