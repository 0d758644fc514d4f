package server

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"verbatim/app"
	"verbatim/article"
	"verbatim/article/model"
)

// samples is the library served when no content directory is given.
//
//go:embed samples/*.txt samples/*.md samples/*.html
var samples embed.FS

// parseFunc is the signature of article.Parse; tests may give the server another one.
type parseFunc func(io.Reader, article.Options) (*model.Article, error)

// library is the server's set of articles, parsed once at start. It implements app.Library for
// prerendering. It is read-only once built, so it is safe for concurrent use.
type library struct {
	order    []model.ArticleID // file name order
	articles map[model.ArticleID]*model.Article
	listed   []app.Summary              // every article's summary, in library order (app.CompareSummaries)
	sources  map[model.ArticleID]string // each article's source fingerprint (library_source.go)
}

// errNoPage is returned by Page for a page number the library does not have.
var errNoPage = errors.New("no such page of the library")

// Page returns page n of the library, in library order.
func (l *library) Page(_ context.Context, n int) (app.Listing, error) {
	if page, ok := app.ListingOf(l.listed, n); ok {
		return page, nil
	}
	return app.Listing{}, fmt.Errorf("page %d: %w", n, errNoPage)
}

// list fills l.listed from l.articles.
func (l *library) list() {
	l.listed = make([]app.Summary, 0, len(l.order))
	for _, id := range l.order {
		l.listed = append(l.listed, app.SummaryOf(l.articles[id]))
	}
	slices.SortFunc(l.listed, app.CompareSummaries)
}

// errNoArticle is returned by Get for an id that is not in the library.
var errNoArticle = errors.New("no such article")

// Get returns the article with the given id.
func (l *library) Get(_ context.Context, id model.ArticleID) (*model.Article, error) {
	if a, ok := l.articles[id]; ok {
		return a, nil
	}
	return nil, fmt.Errorf("article %s: %w", id, errNoArticle)
}

// formatOf returns the article format of a content file name, or false when the server does not read
// that kind of file.
func formatOf(name string) (model.Format, bool) {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text":
		return model.FormatText, true
	case ".html", ".htm":
		return model.FormatHTML, true
	case ".md", ".markdown":
		return model.FormatMarkdown, true
	}
	return "", false
}

// loadLibrary parses every .txt, .html and .md file of dir, or of the embedded samples when dir is
// empty.
//
// Trust boundary: the files' contents are untrusted articles and go through parse. A file that fails to
// parse is logged with its name and the reason, and skipped: it never stops the server. Files are
// opened through an os.Root, so symlinks out of dir are refused, and dotfiles are ignored.
func loadLibrary(dir string, parse parseFunc, log *slog.Logger) (*library, error) {
	var fsys fs.FS
	if dir == "" {
		sub, err := fs.Sub(samples, "samples")
		if err != nil {
			return nil, fmt.Errorf("loading samples: %w", err)
		}
		fsys = sub
	} else {
		root, err := os.OpenRoot(dir)
		if err != nil {
			return nil, fmt.Errorf("loading content %s: %w", dir, err)
		}
		defer root.Close()
		fsys = root.FS()
	}
	var names []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			log.Warn("skipping content file", "file", name, "reason", err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if name != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if _, ok := formatOf(name); ok && !d.IsDir() {
			names = append(names, name)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("loading content %s: %w", dir, err)
	}
	sort.Strings(names)

	lib := &library{articles: make(map[model.ArticleID]*model.Article)}
	used := make(map[model.ArticleID]bool)
	fp := &fingerprinting{parse: parse}
	for _, name := range names {
		// Ids depend on the file names only, so a file that starts or stops parsing does not
		// renumber the others.
		id := uniqueSlug(fileSlug(name), used)
		used[id] = true
		format, _ := formatOf(name)
		a, err := parseFile(fsys, name, format, id, fp.Parse)
		if err != nil {
			log.Warn("skipping content file", "file", name, "reason", err)
			continue
		}
		a.ID = id
		lib.order = append(lib.order, id)
		lib.articles[id] = a
		lib.setSource(id, fp.last)
	}
	lib.list()
	log.Info("library loaded", "content", dirLabel(dir), "articles", len(lib.order), "files", len(names))
	return lib, nil
}

func dirLabel(dir string) string {
	if dir == "" {
		return "embedded samples"
	}
	return dir
}

// parseFile parses one content file, refusing anything that is not a regular file, and recovering from
// a panic in the parser so that one bad file cannot take the server down.
func parseFile(fsys fs.FS, name string, format model.Format, id model.ArticleID, parse parseFunc) (a *model.Article, err error) {
	body, err := readRegular(fsys, name, model.MaxInputBytes)
	if err != nil {
		return nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			a, err = nil, fmt.Errorf("parser panic: %v", p)
		}
	}()
	a, err = parse(bytes.NewReader(body), article.Options{Format: format, ID: id, OwnContent: true})
	if err == nil && a == nil {
		err = errors.New("parser returned no article")
	}
	return a, err
}

// fileSlug returns the article id of a content file: article.Slug of its base name without the
// extension ("Zakaria Peskov.txt" gives "zakaria-peskov"), which is what the app's routes accept. The
// listing's names are kept free: "index" and "index-N", whose JSON would be a page of the listing,
// get "-article" ("index.txt" gives "index-article").
func fileSlug(name string) model.ArticleID {
	base := path.Base(name)
	id := article.Slug(strings.TrimSuffix(base, path.Ext(base)))
	if id == "index" || isListingPage(string(id)) {
		id += "-article"
	}
	return id
}

// isListingPage reports whether id is "index-N" with N a number, the name of a listing page's JSON.
func isListingPage(id string) bool {
	n, ok := strings.CutPrefix(id, "index-")
	_, err := strconv.ParseUint(n, 10, 32)
	return ok && err == nil
}

// uniqueSlug returns slug, or slug-2, slug-3… when it is already used.
func uniqueSlug(slug model.ArticleID, used map[model.ArticleID]bool) model.ArticleID {
	if !used[slug] {
		return slug
	}
	for i := 2; ; i++ {
		s := model.ArticleID(string(slug) + "-" + strconv.Itoa(i))
		if !used[s] {
			return s
		}
	}
}

// prerenderLibraries is the app.Library given to go-app's prerendering. go-app holds one library per
// process, while tests run several servers side by side: it answers from the most recently built
// server that has the article, so that servers with different content dirs in one process each see
// their own articles (when ids collide, the newest server wins).
type prerenderLibraries struct {
	mu   sync.Mutex
	libs []*library
}

var prerender = &prerenderLibraries{}

var prerenderOnce sync.Once

// add makes l visible to prerendering and returns the function that removes it.
func (p *prerenderLibraries) add(l *library) (remove func()) {
	prerenderOnce.Do(func() { app.SetServerLibrary(p) })
	p.mu.Lock()
	p.libs = append(p.libs, l)
	p.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			p.mu.Lock()
			defer p.mu.Unlock()
			for i, x := range p.libs {
				if x == l {
					p.libs = append(p.libs[:i:i], p.libs[i+1:]...)
					break
				}
			}
		})
	}
}

// Page returns page n of the newest library.
func (p *prerenderLibraries) Page(ctx context.Context, n int) (app.Listing, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.libs) == 0 {
		return (&library{}).Page(ctx, n)
	}
	return p.libs[len(p.libs)-1].Page(ctx, n)
}

// Get returns the article from the newest library that has it.
func (p *prerenderLibraries) Get(ctx context.Context, id model.ArticleID) (*model.Article, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := len(p.libs) - 1; i >= 0; i-- {
		if a, err := p.libs[i].Get(ctx, id); err == nil {
			return a, nil
		}
	}
	return nil, fmt.Errorf("article %s: %w", id, errNoArticle)
}
