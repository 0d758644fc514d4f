package app

import (
	"context"
	"sync"
	"time"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
)

// preloadWait bounds how long Preload holds back app.wasm's takeover. Meanwhile the prerendered
// page stays on screen, readable; past it, the reader loads the article as usual.
const preloadWait = 5 * time.Second

// preloaded is the article Preload found, until the reader page of the same id takes it.
var preloaded struct {
	sync.Mutex
	id     model.ArticleID
	a      *model.Article
	origin Origin
}

// Preload loads the article of the page's URL (/article/{id}, /embed/{id}) from the browser's
// store or the server, before go-app mounts the page. app.wasm runs on a reader's URL when the
// server does not have the article (an import, only in this browser's store): go-app replaces the
// prerendered page on its first mount, and with the article at hand its first render is the
// article, not a loading line that then grows into the article (a flash and a layout shift). The
// wasm main calls it before goapp.RunWhenOnBrowser; it waits at most preloadWait and does nothing on
// the server or on other routes.
func Preload() {
	if !goapp.IsClient {
		return
	}
	id, _, ok := model.ParseArticlePath(goapp.Window().URL().Path)
	if !ok {
		return
	}
	type result struct {
		a      *model.Article
		origin Origin
		err    error
	}
	done := make(chan result, 1)
	go func() {
		a, origin, err := loadArticle(context.Background(), store, id)
		done <- result{a, origin, err}
	}()
	select {
	case r := <-done:
		if r.err == nil {
			preloaded.Lock()
			preloaded.id, preloaded.a, preloaded.origin = id, r.a, r.origin
			preloaded.Unlock()
		}
	case <-time.After(preloadWait):
	}
}

// takePreloaded returns the preloaded article when it is article id, once.
func takePreloaded(id model.ArticleID) (*model.Article, Origin, bool) {
	preloaded.Lock()
	defer preloaded.Unlock()
	if preloaded.a == nil || preloaded.id != id {
		return nil, "", false
	}
	a, origin := preloaded.a, preloaded.origin
	preloaded.id, preloaded.a, preloaded.origin = "", nil, ""
	return a, origin, true
}
