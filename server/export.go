package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// ExportDefaultBaseURL is the base URL for an export made without one (`verbatim export` without
// -base-url). Pages need an absolute address for og:url and oEmbed; this one says plainly that it
// was not set.
const ExportDefaultBaseURL = "http://localhost:8080"

// exportFormat names the export's layout and rendering choices; changing it makes the next export a
// full one.
const exportFormat = "export 3 (web folder linked, brotli 5 for articles, share pages and their cards)"

// ExportOptions tunes Export.
type ExportOptions struct {
	// Prune removes the files of articles the library no longer has (and the listing and sitemap
	// files a smaller library no longer has), and reports files the manifest does not know, which it
	// leaves alone.
	Prune bool
	// Workers is how many articles are rendered at once (default: runtime.GOMAXPROCS(0)).
	Workers int
}

// ExportReport says what an export did.
type ExportReport struct {
	Articles int // in the library
	Rendered int // articles rendered this time (new, changed, or all of them after a build change)
	// SpeakerPages counts the speaker pages rendered this time: those whose people or quotes changed
	// (all of them after a build change).
	SpeakerPages int
	Full         bool // every article was rendered: no usable manifest, or a changed build
	Files        int  // files the manifest lists
	Written      int  // files written (new or changed bytes)
	Unchanged    int  // files rendered whose bytes were already on disk, left alone
	Removed      int  // files removed (-prune)
	// Deleted counts articles the manifest has and the library no longer has: their files are
	// removed with Prune, else kept (and still listed in the manifest).
	Deleted int
	// Unknown lists files in the export directory that the manifest does not know, found only with
	// Prune; they are left alone.
	Unknown []string
	// ManifestRead and ManifestWritten count the bytes of the manifest and its shards read and
	// written: the top-level file, and the shards of the articles that changed.
	ManifestRead, ManifestWritten int64
	Duration                      time.Duration
}

// Export writes the site into dir as static files, as a stream: every page prerendered
// (article/{id}.html, embed/{id}.html, index.html, import.html), the article JSON, the listing pages,
// the oEmbed JSON of each article, each quote's share page (article/{id}/q/{n}.html) and the quote
// cards the pages name (exportShares), the sitemap, the app's generated files, the embed scripts and
// the web folder, with a .br and a .gz beside each compressible file but the share pages (which the
// server never compresses) for servers that send precompressed files (nginx gzip_static,
// brotli_static). It writes the web folder once, at its versioned path
// v/{version}/web/, and links web (and the root files that are web files: app.wasm, embed.js, …) to
// it.
//
// It renders one article at a time per worker (all cores) and keeps none of its files once written,
// so that its memory does not grow with the library. It is incremental: the manifest it leaves in
// .verbatim/manifest and its shards (export_manifest.go) hold the hash of every file and the
// fingerprint of each article's source file, and the next export into dir reads and writes only the
// shards whose articles changed, renders only the articles whose source changed and writes only the
// files whose bytes changed (the listing and sitemap files are made each time,
// and written when they differ). A changed build (the web folder, the binary, the base URL or the
// partners) renders every article again, and still writes only what differs.
//
// Export goes through the same code as the server, so the files are byte for byte what the server
// sends (compressed forms may differ in their bytes, never in what they decode to). The headers of
// each kind of response are written as nginx snippets in .nginx/ (nginxHeaderFiles), which
// docs/deploy.md's configuration includes; the caching headers and the clean-URL rule are the
// configuration's own. The server needs a BaseURL, and should be built for export
// (Config.StaticOEmbed), so that the pages' oEmbed discovery links name the exported
// oembed/{id}.json.
//
// Trust boundary: dir is the operator's. Everything is written through an os.Root, so nothing
// outside dir is touched, and only files the manifest lists are ever removed.
func (s *Server) Export(ctx context.Context, dir string, opt ExportOptions) (ExportReport, error) {
	start := time.Now()
	if s.cfg.BaseURL == "" {
		return ExportReport{}, errors.New("exporting needs a base URL: the pages carry absolute links (og:url, oEmbed)")
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ExportReport{}, fmt.Errorf("exporting to %s: %w", dir, err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return ExportReport{}, fmt.Errorf("exporting to %s: %w", dir, err)
	}
	defer root.Close()
	e := &exporter{s: s, w: &exportWriter{root: root}, opt: opt}
	defer e.w.dirs.close()
	rep, err := e.run(ctx)
	rep.Duration = time.Since(start)
	if err != nil {
		return rep, fmt.Errorf("exporting to %s: %w", dir, err)
	}
	return rep, nil
}

// exporter is one run of Export.
type exporter struct {
	s     *Server
	w     *exportWriter
	opt   ExportOptions
	build string
	old   *topManifest    // nil for a full export into an empty (or unmanaged) directory
	reuse bool            // the old manifest is of this build: unchanged articles are not rendered
	links map[string]bool // the links the export made (web, app.wasm…)
	rep   ExportReport
}

func (e *exporter) run(ctx context.Context) (ExportReport, error) {
	build, err := e.s.exportBuild()
	if err != nil {
		return e.rep, err
	}
	e.build = build
	if err := e.readManifest(); err != nil {
		return e.rep, err
	}
	e.reuse = e.old != nil && e.old.build == build
	e.w.reuse = e.reuse
	e.rep.Full = !e.reuse
	if err := e.w.root.MkdirAll(filepath.FromSlash(manifestShardDir), 0o755); err != nil {
		return e.rep, err
	}
	shards, err := e.articles(ctx)
	if err != nil {
		return e.rep, err
	}
	site, err := e.site(ctx)
	if err != nil {
		return e.rep, err
	}
	e.rep.Files += len(site)
	var top bytes.Buffer
	if err := writeTopManifest(&top, build, e.s.version, shards, site); err != nil {
		return e.rep, err
	}
	// Written last, once every shard it names is: an export cut short leaves the old manifest,
	// whose shards it rewrote no longer match their hashes and are read as damaged.
	if err := writeRootFile(e.w.root, manifestPath, top.Bytes()); err != nil {
		return e.rep, err
	}
	e.rep.ManifestWritten += int64(top.Len())
	if e.old == nil {
		e.removeStrayShards(shards)
	}
	if e.opt.Prune {
		unknown, err := e.unknownFiles(site)
		if err != nil {
			return e.rep, err
		}
		e.rep.Unknown = unknown
	}
	e.rep.Written, e.rep.Unchanged, e.rep.Removed = int(e.w.written.Load()), int(e.w.unchanged.Load()), int(e.w.removed.Load())
	return e.rep, nil
}

// readManifest reads the top-level manifest into e.old: nil when there is none, or when it is
// unreadable (logged: the export is then a full one).
func (e *exporter) readManifest() error {
	f, err := e.w.root.Open(filepath.FromSlash(manifestPath))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	cr := &countingReader{r: f}
	e.old, err = readTopManifest(cr)
	e.rep.ManifestRead += cr.n
	if err != nil {
		e.s.log.Warn("the export's manifest is damaged or of another format: exporting everything", "manifest", manifestPath, "err", err)
		e.old = nil
	}
	return nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// exportBuild returns the fingerprint of everything every exported file may depend on besides its
// article: the export's format, the app version (the web folder), the binary that renders the pages,
// the base URL, the partners and the options that change the pages.
func (s *Server) exportBuild() (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%t\x00%t\x00", exportFormat, s.version, s.cfg.BaseURL,
		strings.Join(s.cfg.Partners, ","), s.cfg.StaticOEmbed, s.fetch.f != nil)
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("finding the binary, whose hash is part of the export's build: %w", err)
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", fmt.Errorf("reading the binary, whose hash is part of the export's build: %w", err)
	}
	defer f.Close()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("reading the binary, whose hash is part of the export's build: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// settle finishes a job that needs no rendering: an unchanged article keeps its record, and a
// deleted one its record too, unless pruning removes its files; the end of a shard has nothing to do.
func (e *exporter) settle(j *articleJob) articleResult {
	if j.end != nil {
		return articleResult{}
	}
	if !j.deleted {
		return articleResult{rec: *j.old, keep: true}
	}
	e.rep.Deleted++ // only the producer goroutine settles jobs
	if !e.opt.Prune {
		return articleResult{rec: *j.old, keep: true}
	}
	if err := e.parseOld(j); err != nil {
		return articleResult{err: err}
	}
	for _, f := range j.old.files {
		if err := e.w.remove(f.path); err != nil {
			return articleResult{err: err}
		}
	}
	return articleResult{}
}

// parseOld parses the file lines of the manifest's record of j's article, which an article needs
// only when it is rendered again or its files are removed (an unchanged one's lines are carried into
// the new manifest as read).
func (e *exporter) parseOld(j *articleJob) error {
	if j.old == nil {
		return nil
	}
	return j.old.parse()
}
