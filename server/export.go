package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"verbatim/app"
	"verbatim/article/model"
)

// ExportDefaultBaseURL is the base URL for an export made without one (`verbatim export` without
// -base-url). Pages need an absolute address for og:url and oEmbed; this one says plainly that it
// was not set.
const ExportDefaultBaseURL = "http://localhost:8080"

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

// exportPaths lists every URL path the site serves from a GET with no query.
func (s *Server) exportPaths() []string {
	paths := []string{
		"/", "/import",
		"/app.js", "/wasm_exec.js", "/app-worker.js", "/app.css", "/manifest.webmanifest", "/manifest.json",
	}
	for p, name := range fixedWebFiles {
		if s.webSet[name] {
			paths = append(paths, p)
		}
	}
	for n := 1; n <= app.PageCount(len(s.lib.order)); n++ {
		paths = append(paths, app.IndexPath(n))
	}
	for n := 2; n <= app.PageCount(len(s.lib.order)); n++ { // the library page's pages after /
		paths = append(paths, app.LibraryPath(n))
	}
	for _, id := range s.lib.order {
		paths = append(paths, model.ArticlePath(id), model.EmbedPath(id), model.JSONPath(id), "/oembed/"+url.PathEscape(string(id))+".json")
	}
	for _, name := range s.webNames {
		paths = append(paths, "/web/"+name, "/v/"+s.version+"/web/"+name)
		if name == "app.wasm" {
			paths = append(paths, "/app.wasm")
		}
	}
	for _, name := range rootWebFiles {
		if _, ok := s.webSet[name]; ok {
			paths = append(paths, "/"+name)
		}
	}
	sort.Strings(paths)
	return paths
}

// Export writes the site into dir as static files and returns how many it wrote: every page
// prerendered (article/{id}.html, embed/{id}.html, index.html, import.html), the article JSON, the
// oEmbed JSON of each article, the app's generated files, the embed scripts and the web folder (at
// /web/ and at its versioned path: app.wasm, the import page's parse-worker.js and parse.wasm, styles,
// icons, fonts), with a .br and a .gz beside each compressible file (both wasm files) for servers
// that send precompressed files (nginx gzip_static, brotli_static). Existing files are overwritten.
//
// Export goes through the same handler as the server, so the files are byte for byte what the server
// sends. The headers of each kind of response (the CSP with this build's hashes and the partners,
// nosniff, Cross-Origin-Resource-Policy, …) are written as nginx snippets in .nginx/
// (nginxHeaderFiles), which docs/deploy.md's configuration includes; the caching headers and the
// clean-URL rule are the configuration's own.
// The server needs a BaseURL, and should be built for export (Config.StaticOEmbed), so that
// the pages' oEmbed discovery links name the exported oembed/{id}.json.
func (s *Server) Export(ctx context.Context, dir string) (int, error) {
	if s.cfg.BaseURL == "" {
		return 0, errors.New("exporting needs a base URL: the pages carry absolute links (og:url, oEmbed)")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("exporting to %s: %w", dir, err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return 0, fmt.Errorf("exporting to %s: %w", dir, err)
	}
	defer root.Close()
	host := "localhost"
	if u, err := url.Parse(s.cfg.BaseURL); err == nil && u.Host != "" {
		host = u.Host
	}
	n := 0
	for _, p := range s.exportPaths() {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		for _, enc := range []struct{ accept, suffix string }{{"identity", ""}, {"br", ".br"}, {"gzip", ".gz"}} {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+host+p, nil)
			if err != nil {
				return n, fmt.Errorf("exporting %s: %w", p, err)
			}
			req.Header.Set("Accept-Encoding", enc.accept)
			rec := newBufferWriter()
			s.handler.ServeHTTP(rec, req)
			if rec.status != http.StatusOK {
				return n, fmt.Errorf("exporting %s: status %d", p, rec.status)
			}
			got := rec.header.Get("Content-Encoding")
			if (enc.suffix == "") != (got == "") || (enc.suffix != "" && got != enc.accept) {
				continue // this file has no such encoding
			}
			name := exportFile(p) + enc.suffix
			if err := writeRootFile(root, name, rec.buf.Bytes()); err != nil {
				return n, fmt.Errorf("exporting %s: %w", p, err)
			}
			n++
		}
	}
	for name, body := range s.nginxHeaderFiles() {
		if err := writeRootFile(root, name, body); err != nil {
			return n, fmt.Errorf("exporting %s: %w", name, err)
		}
		n++
	}
	return n, nil
}

// nginxHeaderDir is the export's folder of nginx header snippets. It is a dot-directory, which the
// documented nginx configuration never serves (docs/deploy.md).
const nginxHeaderDir = ".nginx"

// nginxHeaderFiles returns the export's nginx snippets, by file name: for each kind of response, the
// add_header lines of the headers the server sends with it (responseHeaders), nosniff included.
// docs/deploy.md's server block includes them where it serves that kind, so that nginx sends what the
// server sends: the pages' CSP holds the hashes of this build's inline style and script, and the
// embeds' the partners the export was made for, which a hand-written snippet would get wrong.
func (s *Server) nginxHeaderFiles() map[string][]byte {
	hs := &s.headers
	out := make(map[string][]byte)
	for _, k := range []struct {
		name, what string
		set        headerSet
	}{
		{"document", "the reader's pages (/, /import, /article/{id})", hs.page},
		{"embed", "the embed pages (/embed/{id}), which the partners frame", hs.embedPage},
		{"resource", "every other file: JSON, wasm, JavaScript, CSS, images, fonts, the manifest", hs.resource},
		{"partner", "the scripts partners' pages load (/embed.js, web/partner/)", hs.partnerResource},
		{"service-worker", "the service worker's script (/app-worker.js), whose CSP governs the worker", hs.serviceWorker},
		{"worker", "the parse worker's script (web/worker/), whose CSP governs the worker", hs.parseWorker},
	} {
		var b strings.Builder
		fmt.Fprintf(&b, "# Written by verbatim export (version %s): the headers of %s.\n", s.version, k.what)
		for _, e := range append(headerSet{{"X-Content-Type-Options", nosniff}}, k.set...) {
			fmt.Fprintf(&b, "add_header %s %q always;\n", e.key, e.value[0])
		}
		out[nginxHeaderDir+"/"+k.name+".conf"] = []byte(b.String())
	}
	return out
}

// writeRootFile writes one file below root, creating its directories.
func writeRootFile(root *os.Root, name string, body []byte) error {
	if d := filepath.Dir(filepath.FromSlash(name)); d != "." {
		if err := root.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	return root.WriteFile(filepath.FromSlash(name), body, 0o644)
}
