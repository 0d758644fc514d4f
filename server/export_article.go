package server

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strings"

	"verbatim/article/model"
)

// encodingSuffix is the file name suffix of each content coding in an export: app.js.br, app.js.gz.
var encodingSuffix = map[string]string{"": "", "br": ".br", "gzip": ".gz"}

// exportFile maps a URL path to the file that holds it in a static export: pages get ".html" (and
// "/" is index.html), so that a file server with the clean-URL rule (try_files $uri $uri.html)
// answers the same URLs as the server.
func exportFile(p string) string {
	switch {
	case p == "/":
		return "index.html"
	case path.Ext(p) == "" && !strings.HasPrefix(p, "/web/") && !strings.HasPrefix(p, "/v/"):
		return strings.TrimPrefix(p, "/") + ".html"
	}
	return strings.TrimPrefix(p, "/")
}

// exportBody is one response body of the export, before its compressed forms.
type exportBody struct {
	path        string // the URL path
	contentType string
	body        []byte
}

// exportArticle renders article id's files: its page, its embed page, its JSON and its oEmbed
// response, each with its compressed forms, and its quotes' share pages and the cards they and the
// page name as og:image (exportShares). It writes those whose bytes differ from old (the previous
// manifest's record of the article, or nil), removes the files of old it no longer makes, and returns
// the new record's files. Nothing is kept once written.
func (s *Server) exportArticle(ctx context.Context, w *exportWriter, id model.ArticleID, old *articleRecord) ([]fileEntry, error) {
	a, err := s.lib.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	page, err := s.renderExportPage(ctx, model.ArticlePath(id))
	if err != nil {
		return nil, err
	}
	embed, err := s.renderExportPage(ctx, model.EmbedPath(id))
	if err != nil {
		return nil, err
	}
	js, err := marshalJSON(a)
	if err != nil {
		return nil, fmt.Errorf("encoding the article: %w", err)
	}
	oembed, err := marshalJSON(newOEmbed(s.cfg.BaseURL, a, oembedWidth, oembedHeight))
	if err != nil {
		return nil, fmt.Errorf("encoding its oEmbed: %w", err)
	}
	oldFiles := make(map[string]fileEntry)
	if old != nil {
		for _, f := range old.files {
			oldFiles[f.path] = f
		}
	}
	const htmlType = "text/html; charset=utf-8"
	var out []fileEntry
	for _, b := range []exportBody{
		{model.ArticlePath(id), htmlType, page},
		{model.EmbedPath(id), htmlType, embed},
		{model.JSONPath(id), "application/json", js},
		{staticOEmbedPath(id), "application/json", oembed},
	} {
		files, err := w.putAsset(b, oldFiles)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	shares, err := s.exportShares(ctx, w, a, oldFiles)
	if err != nil {
		return nil, err
	}
	out = append(out, shares...)
	for name := range oldFiles {
		if !slicesContainPath(out, name) {
			if err := w.remove(name); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// putAsset writes b and its compressed forms (exportVariants: brotli at brotliFast, gzip at
// exportGzipLevel), each kept only when it is smaller, as the server's assets are, comparing with old
// by path.
func (w *exportWriter) putAsset(b exportBody, old map[string]fileEntry) ([]fileEntry, error) {
	if w.reuse {
		if kept, ok := w.keep(exportFile(b.path), &b.body, old); ok {
			return kept, nil
		}
	}
	var out []fileEntry
	for _, v := range exportVariants(b.contentType, b.body) {
		name := exportFile(b.path) + encodingSuffix[v.name]
		prev, ok := old[name]
		e, err := w.put(name, v.body, prev, ok)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// keep returns the previous export's entries of the file name and its compressed forms (name.br,
// name.gz), when old lists name with body's hash (or, with body nil, at all) and every one of them is
// still on disk at its listed size: an unchanged body is neither compressed nor written again. The
// compressed forms decode to the body whatever made them (the server checks precompressed files the
// same way, decodesTo), and the writer keeps them only within a build (exportWriter.reuse).
func (w *exportWriter) keep(name string, body *[]byte, old map[string]fileEntry) ([]fileEntry, bool) {
	id, ok := old[name]
	if !ok {
		return nil, false
	}
	if body != nil {
		if e := newFileEntry(name, *body); e.sum != id.sum || e.size != id.size {
			return nil, false
		}
	}
	var out []fileEntry
	for _, suffix := range []string{"", ".br", ".gz"} {
		e, ok := old[name+suffix]
		if !ok {
			continue
		}
		dir, base := path.Split(e.path)
		d, err := w.dirs.acquire(w.root, path.Clean(dir))
		if err != nil {
			return nil, false
		}
		st, err := d.root.Lstat(base)
		w.dirs.release(d)
		if err != nil || !st.Mode().IsRegular() || st.Size() != e.size {
			return nil, false
		}
		out = append(out, e)
	}
	w.unchanged.Add(int64(len(out)))
	return out, true
}

func slicesContainPath(files []fileEntry, name string) bool {
	for _, f := range files {
		if f.path == name {
			return true
		}
	}
	return false
}

// renderExportPage returns the page the server sends for p (its identity body), or an error when it
// would not answer 200.
func (s *Server) renderExportPage(ctx context.Context, p string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.cfg.BaseURL+p, nil)
	if err != nil {
		return nil, err
	}
	body, status, _, ok := s.pages.renderBody(newBufferWriter(), req, s.cfg.BaseURL)
	if !ok || status != http.StatusOK {
		return nil, fmt.Errorf("rendering %s: not a page", p)
	}
	return body, nil
}

// staticOEmbedPath is the path of an article's oEmbed response in a static export.
func staticOEmbedPath(id model.ArticleID) string {
	return "/oembed/" + url.PathEscape(string(id)) + ".json"
}
