package server

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"verbatim/app"
	"verbatim/article/model"
)

// generatedPages are the site's pages that are no article's and no listing's: rendered as the server
// renders them, and compressed by the export at the final levels (putAsset), as the listing pages
// are. Through the handler they would come at the cold levels or the final ones, depending on
// whether the server's page upgrade had run (pages.upgrade): bytes that change from one export to
// the next.
var generatedPages = []string{"/", "/import", "/search"}

// generatedPaths are the site's files that go-app's handler makes, exported through the server's
// handler as a client would get them, in each encoding it sends.
var generatedPaths = []string{
	"/app.js", "/wasm_exec.js", "/app-worker.js", "/app.css", "/manifest.webmanifest", "/manifest.json",
}

// siteFiles collects the site section of the new manifest.
type siteFiles struct {
	w     *exportWriter
	old   map[string]fileEntry
	files []fileEntry
	links map[string]bool // the links the export made (web, app.wasm…)
}

func (f *siteFiles) put(name string, body []byte) error {
	prev, ok := f.old[name]
	e, err := f.w.put(name, body, prev, ok)
	if err != nil {
		return fmt.Errorf("exporting %s: %w", name, err)
	}
	f.files = append(f.files, e)
	return nil
}

// site exports everything that is no one article's: the pages and files of generatedPaths, the web
// folder (once, at v/{version}/web/, with web and the root aliases of its files linked to it), the
// listing pages, the sitemap and the nginx snippets. Each is written only when its bytes changed.
// It returns the manifest's site section, by path.
func (e *exporter) site(ctx context.Context) ([]fileEntry, error) {
	s := e.s
	f := &siteFiles{w: e.w, old: map[string]fileEntry{}, links: map[string]bool{}}
	if e.old != nil {
		f.old = e.old.site
	}
	if err := e.generated(ctx, f); err != nil {
		return nil, err
	}
	if err := e.webFolder(f); err != nil {
		return nil, err
	}
	urls, err := e.listing(ctx, f)
	if err != nil {
		return nil, err
	}
	if err := e.speakers(ctx, f); err != nil {
		return nil, err
	}
	if s.webSet["sitemap.xml"] {
		s.log.Info("the web folder has its own sitemap.xml: the export writes it instead of the library's")
	} else {
		for _, sm := range sitemapFiles(s.cfg.BaseURL, urls, sitemapMaxURLs) {
			files, err := e.w.putAsset(exportBody{"/" + sm.path, "application/xml", sm.body}, f.old)
			if err != nil {
				return nil, err
			}
			f.files = append(f.files, files...)
		}
	}
	for name, body := range s.nginxHeaderFiles() {
		// Written, never listed: the snippets configure the file server and are not published.
		if err := e.w.putUnlisted(name, body); err != nil {
			return nil, err
		}
	}
	if err := e.stale(f); err != nil {
		return nil, err
	}
	slices.SortFunc(f.files, func(a, b fileEntry) int { return strings.Compare(a.path, b.path) })
	f.files = slices.CompactFunc(f.files, func(a, b fileEntry) bool { return a.path == b.path })
	e.links = f.links
	return f.files, nil
}

// generated exports generatedPages, and generatedPaths through the server's handler, in each
// encoding it sends.
func (e *exporter) generated(ctx context.Context, f *siteFiles) error {
	for _, p := range generatedPages {
		html, err := e.s.renderExportPage(ctx, p)
		if err != nil {
			return err
		}
		files, err := e.w.putAsset(exportBody{p, "text/html; charset=utf-8", html}, f.old)
		if err != nil {
			return fmt.Errorf("exporting %s: %w", p, err)
		}
		f.files = append(f.files, files...)
	}
	host := "localhost"
	if u, err := url.Parse(e.s.cfg.BaseURL); err == nil && u.Host != "" {
		host = u.Host
	}
	for _, p := range generatedPaths {
		for _, enc := range []struct{ accept, suffix string }{{"identity", ""}, {"br", ".br"}, {"gzip", ".gz"}} {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+host+p, nil)
			if err != nil {
				return fmt.Errorf("exporting %s: %w", p, err)
			}
			req.Header.Set("Accept-Encoding", enc.accept)
			rec := newBufferWriter()
			e.s.handler.ServeHTTP(rec, req)
			if rec.status != http.StatusOK {
				return fmt.Errorf("exporting %s: status %d", p, rec.status)
			}
			got := rec.header.Get("Content-Encoding")
			if (enc.suffix == "") != (got == "") || (enc.suffix != "" && got != enc.accept) {
				continue // this file has no such encoding
			}
			if err := f.put(exportFile(p)+enc.suffix, rec.buf.Bytes()); err != nil {
				return err
			}
		}
	}
	return nil
}

// webFolder writes the web folder once, at v/{version}/web/ (the URLs the pages use), links web to it
// for the unversioned URLs, and links the root paths that serve web files (app.wasm, embed.js,
// embed-frame.js, robots.txt…) to their file there. The manifest lists every one of those paths, with
// the hash of the file it serves, so that a sync uploads each URL.
func (e *exporter) webFolder(f *siteFiles) error {
	s := e.s
	vdir := "v/" + s.version + "/web"
	aliases := map[string]string{"app.wasm": "app.wasm"} // root path → web name
	for p, name := range fixedWebFiles {
		aliases[strings.TrimPrefix(p, "/")] = name
	}
	for _, name := range rootWebFiles {
		aliases[name] = name
	}
	for _, name := range s.webNames {
		for _, v := range s.assets.web[name].variants {
			suffix := encodingSuffix[v.name]
			if err := f.put(vdir+"/"+name+suffix, v.body); err != nil {
				return err
			}
			f.files = append(f.files, newFileEntry("web/"+name+suffix, v.body))
			for alias, target := range aliases {
				if target != name {
					continue
				}
				if err := e.link(f, alias+suffix, vdir+"/"+name+suffix); err != nil {
					return err
				}
				f.files = append(f.files, newFileEntry(alias+suffix, v.body))
			}
		}
	}
	return e.link(f, "web", vdir)
}

// link makes name a link to target, both relative to the export directory.
func (e *exporter) link(f *siteFiles, name, target string) error {
	changed, err := e.w.link(name, relativeTarget(name, target))
	if err != nil {
		return fmt.Errorf("linking %s to %s: %w", name, target, err)
	}
	if changed {
		e.w.written.Add(1)
	}
	f.links[name] = true
	return nil
}

// listing writes every page of the library's JSON listing, and the library page's pages after the
// first (library/N.html), and returns the sitemap's URLs: the
// library page, then every article page in library order, with its published date.
func (e *exporter) listing(ctx context.Context, f *siteFiles) ([]sitemapURL, error) {
	s := e.s
	base := s.cfg.BaseURL
	urls := make([]sitemapURL, 0, s.lib.Len()+1)
	urls = append(urls, sitemapURL{loc: base + "/"})
	for n := 1; n <= app.PageCount(s.lib.Len()); n++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		page, err := s.lib.Page(ctx, n)
		if err != nil {
			return nil, err
		}
		body, err := marshalJSON(page)
		if err != nil {
			return nil, fmt.Errorf("encoding listing page %d: %w", n, err)
		}
		files, err := e.w.putAsset(exportBody{app.IndexPath(n), "application/json", body}, f.old)
		if err != nil {
			return nil, err
		}
		f.files = append(f.files, files...)
		// The library page's pages after / (/library/N), rewritten as the listing is: a page shows
		// what its listing page holds (its articles, number, page count and total), so when that is
		// unchanged within a build, so is the page, and it is not rendered again.
		kept := false
		if prev, ok := f.old[exportFile(app.IndexPath(n))]; ok && n > 1 && e.reuse && files[0].sum == prev.sum && files[0].size == prev.size {
			var same []fileEntry
			if same, kept = e.w.keep(exportFile(app.LibraryPath(n)), nil, f.old); kept {
				f.files = append(f.files, same...)
			}
		}
		if n > 1 && !kept {
			html, err := s.renderExportPage(ctx, app.LibraryPath(n))
			if err != nil {
				return nil, err
			}
			files, err := e.w.putAsset(exportBody{app.LibraryPath(n), "text/html; charset=utf-8", html}, f.old)
			if err != nil {
				return nil, err
			}
			f.files = append(f.files, files...)
		}
		for _, a := range page.Articles {
			urls = append(urls, sitemapURL{loc: base + model.ArticlePath(a.ID), lastmod: sitemapLastmod(a.Published)})
		}
	}
	return urls, nil
}

// stale handles the old manifest's site files that this export did not make: an earlier build's
// versioned files (v/…) stay on disk, for pages cached elsewhere that still name them, and leave the
// manifest; with Prune, the others (the listing pages and sitemap parts of a larger library) are
// removed; without it they stay listed while they exist.
func (e *exporter) stale(f *siteFiles) error {
	made := make(map[string]bool, len(f.files))
	for _, x := range f.files {
		made[x.path] = true
	}
	for name, x := range f.old {
		switch {
		case made[name], strings.HasPrefix(name, "v/"):
		case e.opt.Prune:
			if err := e.w.remove(name); err != nil {
				return err
			}
		default:
			if _, err := e.w.root.Stat(filepath.FromSlash(name)); err == nil {
				f.files = append(f.files, x)
			}
		}
	}
	return nil
}

// unknownFiles walks the export directory for files the manifest does not know (dotfiles and
// dot-directories aside), which Export reports and never removes.
func (e *exporter) unknownFiles(site []fileEntry) ([]string, error) {
	known := make(map[string]bool, len(site)+len(e.links))
	for _, x := range site {
		known[x.path] = true
	}
	for name := range e.links {
		known[name] = true
	}
	ids := make(map[model.ArticleID]bool, e.s.lib.Len())
	for id := range e.s.lib.All() {
		ids[id] = true
	}
	var unknown []string
	err := fs.WalkDir(e.w.root.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if name != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || known[name] {
			return nil
		}
		if id, ok := articleOfFile(name); ok && ids[id] {
			return nil
		}
		unknown = append(unknown, name)
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	return unknown, nil
}

// articleOfFile returns the article whose file name is (article/{id}.html, embed/{id}.html,
// articles/{id}.json, oembed/{id}.json, a share page article/{id}/q/{n}.html, or one of their .br
// and .gz; card/{id}/{card}.png), or false.
func articleOfFile(name string) (model.ArticleID, bool) {
	name = strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".br")
	if page, ok := strings.CutSuffix(name, ".html"); ok {
		if id, _, ok := model.ParseSharePath("/" + page); ok {
			return id, true
		}
	}
	if rest, ok := strings.CutPrefix(name, "card/"); ok { // card/{id}/{file}.png
		if id, file, ok := strings.Cut(rest, "/"); ok && model.ValidID(id) {
			if _, _, ok := model.ParseCardFile(file); ok {
				return model.ArticleID(id), true
			}
		}
	}
	for _, k := range []struct{ dir, ext string }{{"article/", ".html"}, {"embed/", ".html"}, {"articles/", ".json"}, {"oembed/", ".json"}} {
		if rest, ok := strings.CutPrefix(name, k.dir); ok {
			if id, ok := strings.CutSuffix(rest, k.ext); ok && model.ValidID(id) {
				return model.ArticleID(id), true
			}
		}
	}
	return "", false
}
