package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"time"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
)

// errNotInLibrary is returned when the server has no article with the asked id.
var errNotInLibrary = errors.New("this article is not in the library: the link may be mistyped, or the article was removed")

// errNotOnServer is what the server's page says for an article it does not have: the page boots
// app.wasm, which shows the article when this browser stored it (saved or imported) and
// errNotInLibrary when it did not, so the text must hold in both cases.
var errNotOnServer = errors.New("this article is not on this server. If it was saved or imported in this browser, it opens here once the reader has loaded; otherwise the link may be mistyped, or the article was removed")

// errOffline is returned when the server cannot be reached and no copy is cached.
var errOffline = errors.New("the article could not be loaded: you seem to be offline, and it was never opened or saved in this browser")

// errTooLarge is returned by fetchBytes for a body over its limit; the read stops there.
var errTooLarge = errors.New("the response is too large")

// maxJSON bounds what the browser reads from /articles/.
const maxJSON = 32 << 20

// fetchTimeout bounds one fetchJSON, the response's body included.
const fetchTimeout = 30 * time.Second

// fetchJSON reads the server path (/articles/…) into v. In the browser it goes through the service
// worker, which answers from its cache when offline. It blocks: call it from ctx.Async.
//
// Trust boundary: the body is the server's (or the worker's cached copy of it), read up to maxJSON
// bytes and decoded with encoding/json only.
func fetchJSON(ctx context.Context, path string, v any) error {
	return fetchJSONQuery(ctx, path, nil, v)
}

// fetchJSONQuery is fetchJSON with query values (none when query is nil).
func fetchJSONQuery(ctx context.Context, path string, query url.Values, v any) error {
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	u := *goapp.Window().URL()
	u.Path, u.RawQuery, u.Fragment = path, query.Encode(), ""
	status, body, err := fetchBytes(ctx, u.String(), maxJSON)
	switch {
	case errors.Is(err, errTooLarge):
		return fmt.Errorf("%s is larger than %d MB, which the reader does not load", path, maxJSON>>20)
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("the server did not answer for %s within %s; try again later", path, fetchTimeout)
	case err != nil:
		return errOffline
	case status == 404:
		return errNotInLibrary
	case status != 200:
		return fmt.Errorf("the server answered %d for %s; try again later", status, path)
	}
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	return nil
}

// loadArticle finds article id for the browser: the user's store first (saved and imported
// articles, available offline), then the server (through the worker's cache).
func loadArticle(ctx context.Context, store Store, id model.ArticleID) (*model.Article, Origin, error) {
	a, origin, err := store.Get(ctx, id)
	if err == nil {
		return a, origin, nil
	}
	if err != ErrNotStored && err != ErrNoStorage {
		// A damaged copy: say so, but still try the server's.
		if sa := new(model.Article); fetchJSON(ctx, model.JSONPath(id), sa) == nil {
			return sa, "", nil
		}
		return nil, "", err
	}
	var sa model.Article
	if err := fetchJSON(ctx, model.JSONPath(id), &sa); err != nil {
		return nil, "", err
	}
	return &sa, "", nil
}
