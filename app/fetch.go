package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article"
)

// errNotInLibrary is returned when the server has no article with the asked id.
var errNotInLibrary = errors.New("this article is not in the library: the link may be mistyped, or the article was removed")

// errOffline is returned when the server cannot be reached and no copy is cached.
var errOffline = errors.New("the article could not be loaded: you seem to be offline, and it was never opened or saved in this browser")

// maxJSON bounds what the browser reads from /articles/.
const maxJSON = 32 << 20

// fetchJSON reads the server path (/articles/…) into v. In the browser it goes through the service
// worker, which answers from its cache when offline. It blocks: call it from ctx.Async.
func fetchJSON(ctx context.Context, path string, v any) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	u := *goapp.Window().URL()
	u.Path, u.RawQuery, u.Fragment = path, "", ""
	req, err := http.NewRequestWithContext(ctx, "GET", u.String(), nil)
	if err != nil {
		return err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return errOffline
	}
	defer res.Body.Close()
	switch {
	case res.StatusCode == http.StatusNotFound:
		return errNotInLibrary
	case res.StatusCode != http.StatusOK:
		return fmt.Errorf("the server answered %s for %s; try again later", res.Status, path)
	}
	if err := json.NewDecoder(io.LimitReader(res.Body, maxJSON)).Decode(v); err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	return nil
}

// loadArticle finds article id for the browser: the user's store first (saved and imported
// articles, available offline), then the server (through the worker's cache).
func loadArticle(ctx context.Context, store Store, id article.ArticleID) (*article.Article, Origin, error) {
	a, origin, err := store.Get(ctx, id)
	if err == nil {
		return a, origin, nil
	}
	if err != ErrNotStored && err != ErrNoStorage {
		// A damaged copy: say so, but still try the server's.
		if sa := new(article.Article); fetchJSON(ctx, "/articles/"+string(id)+".json", sa) == nil {
			return sa, "", nil
		}
		return nil, "", err
	}
	var sa article.Article
	if err := fetchJSON(ctx, "/articles/"+string(id)+".json", &sa); err != nil {
		return nil, "", err
	}
	return &sa, "", nil
}
