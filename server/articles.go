package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path"
	"runtime"
	"strings"

	"verbatim/app"
)

// bestStartBytes is how much article JSON the server compresses at brotli's best quality when it
// starts: about 2 s of one core. A larger library is compressed at brotliFast, so that its start
// grows with parsing, not with brotli 11 (measured: 1,000 articles started in 11.5 s, 88% of it
// brotli); its JSON is then about 18% larger on the wire.
const bestStartBytes = 2 << 20

// serveArticleJSON serves /articles/{file}: the library's listing (index.json, index-N.json) and each
// article's JSON.
func (s *Server) serveArticleJSON(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assets.json[r.PathValue("file")]
	if !ok {
		http.Error(w, "no such article", http.StatusNotFound)
		return
	}
	a.serve(w, r, cacheRevalidate)
}

// articleAssets builds every page of the listing (/articles/index.json, /articles/index-N.json) and
// /articles/{id}.json, compressed once.
func (s *Server) articleAssets() (map[string]*asset, error) {
	ctx := context.Background()
	bodies := make(map[string][]byte, len(s.lib.order)+app.PageCount(len(s.lib.order)))
	total := 0
	for n := 1; n <= app.PageCount(len(s.lib.order)); n++ {
		page, err := s.lib.Page(ctx, n)
		if err != nil {
			return nil, err
		}
		idx, err := marshalJSON(page)
		if err != nil {
			return nil, err
		}
		bodies[path.Base(app.IndexPath(n))] = idx
		total += len(idx)
	}
	for _, id := range s.lib.order {
		a, _ := s.lib.Get(ctx, id)
		b, err := marshalJSON(a)
		if err != nil {
			return nil, fmt.Errorf("encoding article %s: %w", id, err)
		}
		bodies[string(id)+".json"] = b
		total += len(b)
	}
	quality := 0
	if total > bestStartBytes {
		quality = brotliFast
	}
	return compressAll(bodies, nil, func(string) string { return "application/json" }, runtime.GOMAXPROCS(0), quality), nil
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
