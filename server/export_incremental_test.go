package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"verbatim/article"
	"verbatim/article/model"
	"verbatim/internal/genlib"
	"verbatim/internal/longtest"
)

// exportedFile is what the incremental tests know of one exported file.
type exportedFile struct {
	sum   [sha256.Size]byte
	size  int64
	mtime time.Time
}

// exportSnapshot returns every regular file of an export, dotfiles aside, by slash path. Links (web,
// app.wasm…) are not followed: their targets are listed at their own paths.
func exportSnapshot(t *testing.T, dir string) map[string]exportedFile {
	t.Helper()
	out := make(map[string]exportedFile)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		st, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = exportedFile{sha256.Sum256(b), int64(len(b)), st.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// readManifest reads an export's manifest whole: the top-level file, the articles of every shard it
// lists (each checked against its line: hash, size, article and file counts) and its site files.
func readManifest(t *testing.T, dir string) (*topManifest, []articleRecord, map[string]fileEntry) {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(manifestPath)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	top, err := readTopManifest(f)
	if err != nil {
		t.Fatal(err)
	}
	prefixes := slices.Sorted(maps.Keys(top.shards))
	var recs []articleRecord
	for _, p := range prefixes {
		sh := top.shards[p]
		body, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(shardFile(p))))
		if err != nil {
			t.Fatal(err)
		}
		shard, err := readShard(body, sh)
		if err != nil {
			t.Fatal(err)
		}
		files := 0
		for i := range shard {
			if err := shard[i].parse(); err != nil {
				t.Fatal(err)
			}
			files += len(shard[i].files)
		}
		if len(shard) != sh.articles || files != sh.files {
			t.Errorf("shard %s has %d articles and %d files, its line says %d and %d", p, len(shard), files, sh.articles, sh.files)
		}
		recs = append(recs, shard...)
	}
	entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(manifestShardDir)))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := top.shards[e.Name()]; !ok {
			t.Errorf("shard file %s is not in the manifest", e.Name())
		}
	}
	slices.SortFunc(recs, func(a, b articleRecord) int { return strings.Compare(string(a.id), string(b.id)) })
	return top, recs, top.site
}

// manifestState is what a test knows of the manifest's files (the top-level and the shards): their
// sizes by slash path below the export, and the shards' bytes and mtimes.
type manifestState struct {
	sizes map[string]int64
	files map[string]exportedFile
}

// manifestSizes returns the manifestState of the export dir.
func manifestSizes(t *testing.T, dir string) manifestState {
	t.Helper()
	out := manifestState{files: map[string]exportedFile{}, sizes: map[string]int64{}}
	for _, name := range append([]string{manifestPath}, shardPaths(t, dir)...) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		out.sizes[name] = int64(len(b))
		if name != manifestPath {
			out.files[name] = exportedFile{sha256.Sum256(b), int64(len(b)), st.ModTime()}
		}
	}
	return out
}

// shardPaths returns the slash paths of the shard files in the export dir.
func shardPaths(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(manifestShardDir)))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, shardFile(e.Name()))
	}
	return out
}

// checkManifest fails unless the manifest lists every file of the export with its hash and size, and
// nothing else: every path it lists holds those bytes (through the links), and every regular file
// on disk is listed.
func checkManifest(t *testing.T, dir string) (recs []articleRecord) {
	t.Helper()
	recs, _ = checkManifestSnapshot(t, dir)
	return recs
}

// checkManifestSnapshot is checkManifest, and returns the export's exportSnapshot too, which it
// takes first and checks the manifest against: a path of the snapshot is not read a second time.
func checkManifestSnapshot(t *testing.T, dir string) (recs []articleRecord, snap map[string]exportedFile) {
	t.Helper()
	snap = exportSnapshot(t, dir)
	_, recs, site := readManifest(t, dir)
	listed := make(map[string]bool)
	check := func(e fileEntry) {
		if f, ok := snap[e.path]; ok {
			if f.sum != e.sum || f.size != e.size {
				t.Errorf("the manifest's hash or size of %s is not the file's", e.path)
			}
			listed[e.path] = true
			return
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(e.path)))
		if err != nil {
			t.Errorf("the manifest lists %s: %v", e.path, err)
			return
		}
		if sha256.Sum256(b) != e.sum || int64(len(b)) != e.size {
			t.Errorf("the manifest's hash or size of %s is not the file's", e.path)
		}
		listed[e.path] = true
	}
	for i, rec := range recs {
		if i > 0 && recs[i-1].id >= rec.id {
			t.Errorf("the manifest lists %s twice", rec.id)
		}
		for _, e := range rec.files {
			check(e)
		}
	}
	for _, e := range site {
		check(e)
	}
	for name := range snap {
		if !listed[name] {
			t.Errorf("%s is on disk but not in the manifest", name)
		}
	}
	return recs, snap
}

// changedFiles returns the paths whose bytes changed from before to after, and fails when a file
// whose bytes did not change was written again (its mtime moved).
func changedFiles(t *testing.T, before, after map[string]exportedFile) []string {
	t.Helper()
	var changed []string
	for name, a := range after {
		b, ok := before[name]
		switch {
		case !ok || b.sum != a.sum:
			changed = append(changed, name)
		case !b.mtime.Equal(a.mtime):
			t.Errorf("%s was written again with the same bytes", name)
		}
	}
	slices.Sort(changed)
	return changed
}

// articleFiles are the paths of article id's files in an export that hold one.
func articleFiles(snap map[string]exportedFile, id model.ArticleID) []string {
	var out []string
	for name := range snap {
		if got, ok := articleOfFile(name); ok && got == id {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

func exportOnce(t *testing.T, content, web, dir string, parse parseFunc, opt ExportOptions) ExportReport {
	t.Helper()
	s, _ := newTestServer(t, Config{ContentDir: content, WebDir: web, BaseURL: "https://verbatim.example", StaticOEmbed: true, parse: parse})
	rep, err := s.Export(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// quotedParse parses the articles ids with the real parser, so that they have quotes (and share
// pages and quote cards in an export), and the others with stubParse, which is faster and gives
// none (their pages have a title card).
func quotedParse(ids ...model.ArticleID) parseFunc {
	return func(r io.Reader, opts article.Options) (*model.Article, error) {
		if slices.Contains(ids, opts.ID) {
			return article.Parse(r, opts)
		}
		return stubParse(r, opts)
	}
}

// sharePages returns the share pages (identity bodies) of files, from articleFiles.
func sharePages(files []string) []string {
	var out []string
	for _, name := range files {
		if strings.Contains(name, "/q/") && strings.HasSuffix(name, ".html") {
			out = append(out, name)
		}
	}
	return out
}

// TestExportIncremental exports a library of 2,000 generated articles, then again after no change,
// after one article changed, and after one was deleted (with -prune): each time it checks which
// files were written, by their hashes and mtimes, and that the manifest describes the export. The
// changed and the deleted article have quotes, so share pages and quote cards; the changed one gains
// a quote.
func TestExportIncremental(t *testing.T) {
	longtest.Skip(t, "2,000 articles")
	// Not parallel: go-app prerenders from one library per process (prerenderLibraries), which
	// renders / from the newest server's listing, so another test's server started between two
	// exports would change index.html and fail the comparison of the two.
	const n = 2000
	content := t.TempDir()
	if err := genlib.Write(content, n); err != nil {
		t.Fatal(err)
	}
	web := fakeWebDir(t)
	dir := filepath.Join(t.TempDir(), "site")
	const changedID, deletedID = "a001234", "a000777"
	parse := quotedParse(changedID, deletedID)

	rep := exportOnce(t, content, web, dir, parse, ExportOptions{})
	if !rep.Full || rep.Rendered != n || rep.Articles != n || rep.Written == 0 {
		t.Fatalf("first export: %+v", rep)
	}
	recs, first := checkManifestSnapshot(t, dir)
	if len(recs) != n {
		t.Fatalf("the manifest has %d articles, want %d", len(recs), n)
	}
	// The web folder is written once, at its versioned path; web/ is a link to it.
	if st, err := os.Lstat(filepath.Join(dir, "web")); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("web is not a link: %v %v", st, err)
	}
	for name := range first {
		if strings.HasPrefix(name, "web/") {
			t.Errorf("%s is a copy of the web folder", name)
		}
	}
	time.Sleep(10 * time.Millisecond) // so that a rewrite shows in the mtime on any file system

	// No change: nothing rendered, nothing written, no shard of the manifest read or written.
	manifestBefore := manifestSizes(t, dir)
	rep = exportOnce(t, content, web, dir, parse, ExportOptions{})
	if rep.Full || rep.Rendered != 0 || rep.Written != 0 {
		t.Errorf("export with no change: %+v", rep)
	}
	if top := manifestBefore.sizes[manifestPath]; rep.ManifestRead != top || rep.ManifestWritten != top {
		t.Errorf("export with no change read %d bytes of manifest and wrote %d, want the top-level's %d", rep.ManifestRead, rep.ManifestWritten, top)
	}
	if got := changedFiles(t, first, exportSnapshot(t, dir)); len(got) != 0 {
		t.Errorf("export with no change changed %q", got)
	}

	// One article changes: only its files and the listing page that lists it. It gains a quote, so a
	// share page and its card.
	shared := sharePages(articleFiles(first, changedID))
	if len(shared) == 0 {
		t.Fatalf("%s has no share page: %q", changedID, articleFiles(first, changedID))
	}
	changedPage := 1234/50 + 1
	text := genlib.Text(1234)
	if err := os.WriteFile(filepath.Join(content, genlib.Name(1234)), []byte(text+"“We will say more in the spring, when the report is in,” Mayor Ana Voss said later.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	manifestBefore = manifestSizes(t, dir)
	rep = exportOnce(t, content, web, dir, parse, ExportOptions{})
	if rep.Full || rep.Rendered != 1 {
		t.Errorf("export after one change: %+v", rep)
	}
	// The manifest: the top-level file and the changed article's shard are read and written, and
	// no other shard.
	manifestAfter := manifestSizes(t, dir)
	shard := shardFile(shardOf(changedID))
	if want := manifestBefore.sizes[manifestPath] + manifestBefore.sizes[shard]; rep.ManifestRead != want {
		t.Errorf("export after one change read %d bytes of manifest, want %d (the top-level and %s)", rep.ManifestRead, want, shard)
	}
	if want := manifestAfter.sizes[manifestPath] + manifestAfter.sizes[shard]; rep.ManifestWritten != want {
		t.Errorf("export after one change wrote %d bytes of manifest, want %d (the top-level and %s)", rep.ManifestWritten, want, shard)
	}
	if got := changedFiles(t, manifestBefore.files, manifestAfter.files); !slices.Equal(got, []string{shard}) {
		t.Errorf("export after one change rewrote the shards %q, want %s alone", got, shard)
	}
	_, second := checkManifestSnapshot(t, dir)
	changed := changedFiles(t, first, second)
	// The pages that list it: its listing page, in JSON and HTML (its reading time), and, since its
	// quotes changed, the speaker names and pages.
	allowed := articleFiles(second, changedID)
	for _, ext := range []string{"", ".br", ".gz"} {
		allowed = append(allowed, fmt.Sprintf("articles/index-%d.json", changedPage)+ext, fmt.Sprintf("library/%d.html", changedPage)+ext,
			"articles/speakers.json"+ext, "speakers.html"+ext)
	}
	for _, name := range changed {
		if !slices.Contains(allowed, name) && !strings.HasPrefix(name, "speaker/") {
			t.Errorf("export after one change rewrote %s", name)
		}
	}
	added := fmt.Sprintf("%d", len(shared)+1)
	for _, name := range []string{"article/a001234.html", "articles/a001234.json", fmt.Sprintf("articles/index-%d.json", changedPage),
		"article/a001234/q/" + added + ".html", "card/a001234/q" + added + ".png"} {
		if !slices.Contains(changed, name) {
			t.Errorf("export after one change did not rewrite %s (changed: %q)", name, changed)
		}
	}

	// One article deleted, without -prune: its files stay, listed. With -prune: they go, and
	// nothing else but the listing (its pages' totals and the pages after it), the sitemap and the
	// library page that shows the total; a file the export never wrote stays.
	gone := articleFiles(second, deletedID)
	if len(gone) < 4 || len(sharePages(gone)) == 0 || !slices.Contains(gone, "card/a000777/q1.png") {
		t.Fatalf("%s has files %q, want its share pages and cards among them", deletedID, gone)
	}
	if err := os.Remove(filepath.Join(content, genlib.Name(777))); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"notes/operator.txt": "not the export's"})
	rep = exportOnce(t, content, web, dir, parse, ExportOptions{})
	if rep.Deleted != 1 || rep.Removed != 0 {
		t.Errorf("export after a deletion, without -prune: %+v", rep)
	}
	for _, name := range gone {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("without -prune, %s went: %v", name, err)
		}
	}
	third := exportSnapshot(t, dir)
	rep = exportOnce(t, content, web, dir, parse, ExportOptions{Prune: true})
	if rep.Removed != len(gone) || rep.Rendered != 0 || !slices.Equal(rep.Unknown, []string{"notes/operator.txt"}) {
		t.Errorf("export with -prune: %+v, want %d files removed and notes/operator.txt reported", rep, len(gone))
	}
	fourth := exportSnapshot(t, dir)
	for name := range third {
		if _, ok := fourth[name]; !ok && !slices.Contains(gone, name) {
			t.Errorf("-prune removed %s", name)
		}
	}
	for _, name := range gone {
		if _, ok := fourth[name]; ok {
			t.Errorf("-prune left %s", name)
		}
	}
	for _, d := range []string{"article/a000777", "card/a000777"} {
		if _, err := os.Stat(filepath.Join(dir, d)); err == nil {
			t.Errorf("-prune left the folder %s", d)
		}
	}
	for _, name := range changedFiles(t, third, fourth) {
		if !strings.HasPrefix(name, "articles/index") && !strings.HasPrefix(name, "sitemap") && !strings.HasPrefix(name, "index.html") {
			t.Errorf("export after a deletion rewrote %s", name)
		}
	}
	if err := os.RemoveAll(filepath.Join(dir, "notes")); err != nil {
		t.Fatal(err)
	}
	if recs := checkManifest(t, dir); len(recs) != n-1 {
		t.Errorf("the manifest has %d articles, want %d", len(recs), n-1)
	}
}

// TestExportDamagedManifest damages an export's manifest (a shard, or the top-level file) and exports
// again: the export says so in a warning, renders the articles the damage hid (the damaged shard's,
// or all of them) as into an empty directory, and leaves a whole manifest, so that the export after
// it renders and writes nothing.
func TestExportDamagedManifest(t *testing.T) {
	// Not parallel: go-app prerenders from one library per process (prerenderLibraries), which
	// renders / from the newest server's listing, so another test's server started between two
	// exports would change index.html and fail the comparison of the two.
	const n = 5
	const victim = "a000003" // the article whose shard is damaged
	const strayShard = "fff" // a shard of no article of the library
	web := fakeWebDir(t)
	replaceLine := func(prefix, with string) func([]byte) []byte {
		return func(b []byte) []byte {
			lines := strings.Split(string(b), "\n")
			i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, prefix) })
			if i < 0 {
				return nil
			}
			lines[i] = with
			return []byte(strings.Join(lines, "\n"))
		}
	}
	cases := []struct {
		name   string
		shard  bool                // damage the victim's shard, else the top-level manifest
		damage func([]byte) []byte // the file's new bytes; nil to remove it
		full   bool                // every article rendered again, else the victim's shard's
	}{
		{"a shard's file line", true, replaceLine("file ", "file 00 1 damaged"), false},
		{"a shard's article line", true, replaceLine("article ", "article ../x y"), false},
		{"a shard cut short", true, func(b []byte) []byte { return b[:len(b)/2] }, false},
		{"a shard removed", true, func([]byte) []byte { return nil }, false},
		{"the site section", false, replaceLine("file ", "file 00 1 damaged"), true},
		{"a shard line", false, replaceLine("shard ", "shard zzz"), true},
		{"the top-level cut short", false, func(b []byte) []byte { return b[:bytes.Index(b, []byte("\nsite\n"))] }, true},
		{"an older format", false, replaceLine(manifestHeader, "verbatim-export-manifest 1"), true},
		{"an empty file", false, func([]byte) []byte { return []byte{} }, true},
		{"a stray shard", false, func(b []byte) []byte {
			// Another manifest's: the full export after it removes the shard files of prefixes no
			// article has (readManifest fails on a shard file the manifest does not list).
			return []byte("verbatim-export-manifest 1\nstray " + shardFile(strayShard) + "\n")
		}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			content, dir := t.TempDir(), filepath.Join(t.TempDir(), "site")
			if err := genlib.Write(content, n); err != nil {
				t.Fatal(err)
			}
			exportOnce(t, content, web, dir, stubParse, ExportOptions{})
			top, _, _ := readManifest(t, dir)
			want := n
			path := filepath.Join(dir, filepath.FromSlash(manifestPath))
			if c.shard {
				sh := top.shards[shardOf(victim)]
				want = sh.articles
				path = filepath.Join(dir, filepath.FromSlash(shardFile(sh.prefix)))
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if b = c.damage(b); b == nil {
				err = os.Remove(path)
			} else {
				err = os.WriteFile(path, b, 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(b, []byte("stray ")) {
				if _, taken := top.shards[strayShard]; taken {
					t.Fatalf("an article of the library is in shard %s", strayShard)
				}
				writeFiles(t, dir, map[string]string{shardFile(strayShard): shardHeader + " " + strayShard + "\n"})
			}
			s, logs := newTestServer(t, Config{ContentDir: content, WebDir: web, BaseURL: "https://verbatim.example", StaticOEmbed: true, parse: stubParse})
			rep, err := s.Export(context.Background(), dir, ExportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Rendered != want || rep.Full != c.full || len(logs.Lines("manifest is damaged")) != 1 {
				t.Errorf("export over the damage rendered %d (full %t), want %d (full %t); logs:\n%s", rep.Rendered, rep.Full, want, c.full, logs)
			}
			if recs := checkManifest(t, dir); len(recs) != n {
				t.Errorf("the new manifest has %d articles, want %d", len(recs), n)
			}
			before := exportSnapshot(t, dir)
			if rep := exportOnce(t, content, web, dir, stubParse, ExportOptions{}); rep.Rendered != 0 || rep.Written != 0 {
				// Which files the export wrote again, and whether their bytes changed: the check
				// failed once in about seven runs of the whole package, and the cause is not known.
				for name, f := range exportSnapshot(t, dir) {
					if old, ok := before[name]; !ok || old != f {
						t.Logf("written again: %s (new file %v, bytes changed %v)", name, !ok, !ok || old.sum != f.sum)
					}
				}
				t.Errorf("the export after it: %+v", rep)
			}
		})
	}
}

// TestExportSpeakerPages exports a library of three articles, two quoting one person each, then
// again after a change: it checks which speaker pages are rendered again (those whose person's
// articles or whose people changed; all of them without the export's speaker state).
func TestExportSpeakerPages(t *testing.T) {
	t.Parallel()
	web := fakeWebDir(t)
	files := map[string]string{
		"a.txt": "Council votes on the bridge\n\n“We will build it,” Mayor Ana Voss said on Monday.\n",
		"b.txt": "Harbour reopens\n\n“The water is calm again,” Councillor Bo Lind said later.\n",
		"c.txt": "Weather\n\nRain on Tuesday, sun on Wednesday.\n",
	}
	cases := []struct {
		name   string
		change func(t *testing.T, content, dir string)
		want   int // speaker pages rendered by the second export
		warn   bool
	}{
		{"no change", func(*testing.T, string, string) {}, 0, false},
		{"an article without quotes", func(t *testing.T, content, _ string) {
			writeFiles(t, content, map[string]string{"c.txt": files["c.txt"] + "Snow on Friday.\n"})
		}, 0, false},
		{"a quoted article's text", func(t *testing.T, content, _ string) {
			writeFiles(t, content, map[string]string{"a.txt": files["a.txt"] + "The vote is on Friday.\n"})
		}, 1, false},
		{"a new person", func(t *testing.T, content, _ string) {
			writeFiles(t, content, map[string]string{"c.txt": files["c.txt"] + "“Bring an umbrella,” Councillor Cy Holm said later.\n"})
		}, 4, false},
		{"no speaker state", func(t *testing.T, _, dir string) {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(speakersStatePath))); err != nil {
				t.Fatal(err)
			}
		}, 3, false},
		{"a damaged speaker state", func(t *testing.T, _, dir string) {
			if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(speakersStatePath)), []byte("nonsense\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, 3, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			content, dir := t.TempDir(), filepath.Join(t.TempDir(), "site")
			writeFiles(t, content, files)
			cfg := Config{ContentDir: content, WebDir: web, BaseURL: "https://verbatim.example", StaticOEmbed: true, parse: article.Parse}
			s, _ := newTestServer(t, cfg)
			rep, err := s.Export(context.Background(), dir, ExportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if rep.SpeakerPages != 3 { // /speakers, Ana Voss, Bo Lind
				t.Fatalf("first export rendered %d speaker pages, want 3", rep.SpeakerPages)
			}
			before := exportSnapshot(t, dir)
			c.change(t, content, dir)
			s, logs := newTestServer(t, cfg)
			if rep, err = s.Export(context.Background(), dir, ExportOptions{}); err != nil {
				t.Fatal(err)
			}
			if rep.SpeakerPages != c.want || (len(logs.Lines("speaker state is damaged")) == 1) != c.warn {
				t.Errorf("second export rendered %d speaker pages, want %d (a warning: %t); logs:\n%s", rep.SpeakerPages, c.want, c.warn, logs)
			}
			if c.want == 0 {
				for _, name := range changedFiles(t, before, exportSnapshot(t, dir)) {
					if strings.HasPrefix(name, "speaker") {
						t.Errorf("%s changed although no speaker page was rendered", name)
					}
				}
			}
		})
	}
}
