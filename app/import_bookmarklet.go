package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
)

// The bookmarklet's side of the handoff, which web/partner/bookmarklet.js copies
// (server/embedscript_test.go keeps the copies in step).
const (
	// bookmarkletScript is the bookmarklet's source in the web folder.
	bookmarkletScript = "/web/partner/bookmarklet.js"
	// BookmarkletOrigin stands for Verbatim's origin in bookmarkletScript.
	BookmarkletOrigin = "__VERBATIM_ORIGIN__"
	// BookmarkletImport is the page the bookmarklet opens: /import, waiting for a page.
	BookmarkletImport = "/import?from=bookmarklet"
	// BookmarkletReady is the type of the message the import page posts to its opener when it waits.
	BookmarkletReady = "verbatim:ready"
	// BookmarkletPage is the type of the message that carries the page: {type, html, url}.
	BookmarkletPage = "verbatim:page"
)

// maxBookmarkletScript bounds the bookmarklet's source read from the server.
const maxBookmarkletScript = 16 << 10

// errNoOpener is the import page's answer when it was opened by the bookmarklet but has no opener.
var errNoOpener = errors.New("the page you came from did not hand its article over: it cuts its link to other windows (as GitHub and many bank and webmail sites do), or it blocked the bookmarklet. Copy the article's text and paste it here")

// bookmarkletHref returns the bookmarklet's javascript: address for the server at origin, from its
// source: the source with origin in place of BookmarkletOrigin, percent-encoded as the address's
// body (so its line breaks and comments survive).
func bookmarkletHref(src, origin string) string {
	return "javascript:" + encodeURIComponent(strings.ReplaceAll(src, BookmarkletOrigin, origin))
}

// encodeURIComponent is JavaScript's: every byte but A–Z a–z 0–9 - _ . ! ~ * ' ( ) percent-encoded.
func encodeURIComponent(s string) string {
	const keep = "-_.!~*'()"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// setUpBookmarklet fetches the bookmarklet's source and gives the page's bookmarklet link its
// address; a click on the link in this page only says to drag it.
func (p *ImportPage) setUpBookmarklet(ctx goapp.Context) {
	if !goapp.IsClient {
		return
	}
	u := *goapp.Window().URL()
	origin := u.Scheme + "://" + u.Host
	u.Path, u.RawQuery, u.Fragment = ctx.ResolveStaticResource(bookmarkletScript), "", ""
	ctx.Async(func() {
		status, src, err := fetchBytes(context.Background(), u.String(), maxBookmarkletScript)
		if err != nil || status != 200 {
			return // the link stays a placeholder; the page works without it
		}
		href := bookmarkletHref(string(src), origin)
		ctx.Dispatch(func(ctx goapp.Context) {
			link := goapp.Window().GetElementByID("bookmarklet")
			if !link.Truthy() {
				return
			}
			link.Call("setAttribute", "href", href)
			link.Call("setAttribute", "data-ready", "")
		})
	})
}

// bookmarkletClick keeps a click on the bookmarklet link in this page from running it (the page's
// policy would refuse it anyway) and from go-app's router (window.onclick, which would push the
// javascript: address into history and fail), and says what to do with it.
func (p *ImportPage) bookmarkletClick(ctx goapp.Context, e goapp.Event) {
	if !e.Get("target").Call("closest", "#bookmarklet").Truthy() {
		return
	}
	e.PreventDefault()
	e.Call("stopPropagation")
	p.message = "Drag “Read in Verbatim” to your bookmarks bar, then click it on an article's page."
}

// receivePage waits for the page the bookmarklet hands over (awaitHandoff), reads it as an HTML
// page at its address, and keeps the article like any import.
func (p *ImportPage) receivePage(ctx goapp.Context) {
	p.busy, p.message = true, "Waiting for the page you came from…"
	workerURL := ctx.ResolveStaticResource(parseWorkerScript)
	ctx.Async(func() {
		src, pageURL, err := awaitHandoff(context.Background())
		var a *model.Article
		if err == nil {
			a, err = parseArticle(context.Background(), workerURL, []byte(src), model.FormatHTML, pageURL)
			if err != nil {
				err = importError(err)
			}
		}
		p.keep(ctx, a, err)
	})
}
