package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"path"
	"strconv"
	"strings"

	"verbatim/app"
	"verbatim/article/model"
)

// serveArticleJSON serves /articles/{file}: the library's listing (index.json, index-N.json) and each
// article's JSON, 410 for an article whose file was deleted.
func (s *Server) serveArticleJSON(w http.ResponseWriter, r *http.Request) {
	a, err := s.articleJSON(r.Context(), r.PathValue("file"))
	if err != nil {
		notServed(w, err, "no such article")
		return
	}
	a.serve(w, r, cacheRevalidate)
}

// notServed answers a request for something the library does not serve: 410 Gone for a deleted
// article, 404 otherwise.
func notServed(w http.ResponseWriter, err error, notFound string) {
	if errors.Is(err, errGone) {
		http.Error(w, "this article was deleted", http.StatusGone)
		return
	}
	http.Error(w, notFound, http.StatusNotFound)
}

// articleJSON returns the asset of /articles/{file}: a page of the listing, or an article's JSON,
// from the cache or built now (compressed at brotliFast: brotli 11 is too slow for a request).
//
// Trust boundary: file comes from the request path; it only ever selects a listing page that
// exists (its name is exactly app.IndexPath's) or an id of the library.
func (s *Server) articleJSON(ctx context.Context, file string) (*asset, error) {
	name, ok := strings.CutSuffix(file, ".json")
	if !ok {
		return nil, errNoArticle
	}
	if file == path.Base(app.SpeakersJSONPath) {
		return s.speakersJSON()
	}
	if name == "index" || isListingPage(name) {
		n := 1
		if name != "index" {
			n, _ = strconv.Atoi(strings.TrimPrefix(name, "index-"))
		}
		return s.listingJSON(n, file)
	}
	id := model.ArticleID(name)
	e, err := s.lib.lookup(id)
	if err != nil {
		return nil, err
	}
	return s.cached("json\x00"+name+"\x00"+string(e.Hash[:]), func() (*asset, error) {
		a, err := s.lib.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		b, err := marshalJSON(a)
		if err != nil {
			return nil, fmt.Errorf("encoding article %s: %w", id, err)
		}
		return newAssetWith("application/json", b, nil, brotliFast), nil
	})
}

// listingJSON returns page n of the listing as JSON, when file is that page's name.
func (s *Server) listingJSON(n int, file string) (*asset, error) {
	snap := s.lib.snap.Load()
	if _, _, _, ok := app.ListingFrame(len(snap.order), n); !ok || path.Base(app.IndexPath(n)) != file {
		return nil, errNoPage
	}
	return s.cached("listing\x00"+strconv.FormatUint(snap.gen, 10)+"\x00"+file, func() (*asset, error) {
		page, err := snap.listing(n)
		if err != nil {
			return nil, err
		}
		b, err := marshalJSON(page)
		if err != nil {
			return nil, err
		}
		return newAssetWith("application/json", b, nil, brotliFast), nil
	})
}

// cached returns the asset under key in the server's cache, or builds and keeps it.
func (s *Server) cached(key string, build func() (*asset, error)) (*asset, error) {
	if a, ok := s.lib.cache.Get(key); ok {
		return a.(*asset), nil
	}
	a, err := build()
	if err != nil {
		return nil, err
	}
	s.lib.cache.Put(key, a, assetCost(a))
	return a, nil
}

// marshalJSON encodes v without HTML escaping (the JSON is data, never inlined in HTML).
func marshalJSON(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}
