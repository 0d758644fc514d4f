package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/iotest"
	"time"

	"verbatim/app"
	"verbatim/article"
	"verbatim/article/model"
	"verbatim/internal/testlog"
)

// countingParse returns stubParse and the number of times it ran.
func countingParse() (parseFunc, *atomic.Int64) {
	var n atomic.Int64
	return func(r io.Reader, o article.Options) (*model.Article, error) {
		n.Add(1)
		return stubParse(r, o)
	}, &n
}

// openTestLibrary opens a library on dir with state in state, closed at the end of the test.
func openTestLibrary(t *testing.T, dir, state string, parse parseFunc) (*library, *testlog.Buffer) {
	t.Helper()
	logs := &testlog.Buffer{}
	lib, err := openLibrary(libraryOptions{dir: dir, state: state, parse: parse, log: newTestLogger(logs)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(lib.close)
	return lib, logs
}

// waitFor polls cond until it holds, failing the test after a generous deadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestRestartReadsOnlyChangedFiles(t *testing.T) {
	t.Parallel()
	dir, state := t.TempDir(), t.TempDir()
	files := map[string]string{}
	for i := range 20 {
		files[fmt.Sprintf("a%02d.txt", i)] = fmt.Sprintf("Story %d\n\nBody %d.", i, i)
	}
	writeFiles(t, dir, files)
	parse, parsed := countingParse()
	first, _ := openTestLibrary(t, dir, state, parse)
	if got := parsed.Load(); got != 20 || first.Len() != 20 {
		t.Fatalf("first start parsed %d files and serves %d articles, want 20 and 20", got, first.Len())
	}
	first.close()

	// Touched (same bytes, new time), changed and added files; one deleted.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "a01.txt"), later, later); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"a02.txt": "Story two, rewritten\n\nNew body.", "b.txt": "Added\n\nBody."})
	if err := os.Remove(filepath.Join(dir, "a03.txt")); err != nil {
		t.Fatal(err)
	}
	parsed.Store(0)
	again, logs := openTestLibrary(t, dir, state, parse)
	if got := parsed.Load(); got != 2 {
		t.Errorf("the restart parsed %d files, want 2 (the changed one and the new one)\n%s", got, logs)
	}
	if again.Len() != 20 {
		t.Errorf("%d articles after the restart, want 20", again.Len())
	}
	if a, err := again.Get(t.Context(), "a02"); err != nil || a.Title != "Story two, rewritten" {
		t.Errorf("a02 after the restart: %v, %v", a, err)
	}
	if _, err := again.Get(t.Context(), "a03"); !isGone(err) {
		t.Errorf("deleted a03: %v, want gone", err)
	}
	if len(logs.Lines("library loaded from its index")) != 1 {
		t.Errorf("no log line says the index was used:\n%s", logs)
	}

	// The deletion is remembered across the next restart too.
	again.close()
	third, _ := openTestLibrary(t, dir, state, parse)
	if _, err := third.Get(t.Context(), "a03"); !isGone(err) {
		t.Errorf("deleted a03 after a second restart: %v, want gone", err)
	}
}

func TestUnreadableIndexIsIgnored(t *testing.T) {
	t.Parallel()
	dir, state := t.TempDir(), t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "A\n\nBody.", "b.txt": "B\n\nBody."})
	if err := os.WriteFile(filepath.Join(state, indexName), []byte("not an index"), 0o644); err != nil {
		t.Fatal(err)
	}
	parse, parsed := countingParse()
	lib, logs := openTestLibrary(t, dir, state, parse)
	if parsed.Load() != 2 || lib.Len() != 2 {
		t.Errorf("parsed %d, serves %d; want 2 and 2", parsed.Load(), lib.Len())
	}
	if len(logs.Lines("level=WARN", "not using the index")) != 1 {
		t.Errorf("no warning about the unreadable index:\n%s", logs)
	}
	// The index it wrote is for this directory; another directory does not use it.
	other := t.TempDir()
	writeFiles(t, other, map[string]string{"c.txt": "C\n\nBody."})
	parsed.Store(0)
	lib2, _ := openTestLibrary(t, other, state, parse)
	if parsed.Load() != 1 || lib2.Len() != 1 {
		t.Errorf("another content dir: parsed %d, serves %d; want 1 and 1", parsed.Load(), lib2.Len())
	}
}

func TestFileChangingWhileReadIsReadAgain(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"grows.txt": "Grows\n\nFirst part.", "churns.txt": "Churns\n\nv0", "calm.txt": "Calm\n\nBody."})
	var grew atomic.Bool
	var churn atomic.Int64
	hook := func(name string) {
		p := filepath.Join(dir, name)
		switch {
		case name == "grows.txt" && !grew.Swap(true):
			appendFile(t, p, " Second part.")
		case name == "churns.txt" && churn.Load() >= 0:
			appendFile(t, p, fmt.Sprintf(" v%d", churn.Add(1)))
		}
	}
	logs := &testlog.Buffer{}
	lib, err := openLibrary(libraryOptions{dir: dir, parse: stubParse, log: newTestLogger(logs), readHook: hook})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(lib.close)
	a, err := lib.Get(t.Context(), "grows")
	if err != nil || len(a.Blocks) != 1 || a.Blocks[0].Text != "First part. Second part." {
		t.Errorf("grows: %+v, %v; want the whole file as it was after the change", a, err)
	}
	if len(logs.Lines("level=WARN", "changed while it was being read", "grows.txt")) != 1 {
		t.Errorf("no warning for grows.txt:\n%s", logs)
	}
	// A file that changes at every read is skipped for now, named in the log, and the others are
	// served; once it stops changing, the next scan serves it.
	if len(logs.Lines("level=WARN", "skipping content file", "churns.txt", "changed while it was being read, each time")) != 1 {
		t.Errorf("no warning that churns.txt kept changing:\n%s", logs)
	}
	if _, err := lib.Get(t.Context(), "calm"); err != nil || lib.Len() != 2 {
		t.Errorf("calm: %v; %d articles, want 2", err, lib.Len())
	}
	churn.Store(-1 << 40)
	if err := lib.rescan(); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Get(t.Context(), "churns"); err != nil || lib.Len() != 3 {
		t.Errorf("churns once calm: %v; %d articles, want 3", err, lib.Len())
	}
}

func appendFile(t *testing.T, p, s string) {
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Error(err)
		return
	}
	defer f.Close()
	// A new modification time even on file systems with coarse timestamps.
	if _, err := f.WriteString(s); err != nil {
		t.Error(err)
	}
	later := time.Now().Add(time.Duration(len(s)) * time.Second)
	os.Chtimes(p, later, later)
}

func TestThousandBrokenFilesAreSkipped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{"good-1.txt": "Good one\n\nBody.", "good-2.md": "# Good two\n\nBody."}
	for i := range 1000 {
		files[fmt.Sprintf("broken/%04d.html", i)] = "<p>BROKEN</p>"
	}
	writeFiles(t, dir, files)
	s, logs := newTestServer(t, Config{ContentDir: dir})
	if got := len(logs.Lines("level=WARN", "skipping content file", "the parser refused this test file")); got != 1000 {
		t.Errorf("%d warnings for the 1,000 broken files, want one each", got)
	}
	if len(logs.Lines("library loaded", "articles=2", "skipped=1000")) != 1 {
		t.Errorf("no summary line with 2 articles and 1,000 skipped:\n%s", strings.Join(logs.Lines("library loaded"), "\n"))
	}
	res, body := do(t, s.Handler(), "GET", "/healthz", nil)
	if res.StatusCode != 200 || !strings.Contains(body, `"articles":2`) {
		t.Errorf("/healthz: %d %s", res.StatusCode, body)
	}
	for _, p := range []string{"/articles/good-1.json", "/articles/good-2.json", "/article/good-1"} {
		if res, _ := do(t, s.Handler(), "GET", p, nil); res.StatusCode != 200 {
			t.Errorf("%s: %d", p, res.StatusCode)
		}
	}
	if res, _ := do(t, s.Handler(), "GET", "/articles/0001.json", nil); res.StatusCode != 404 {
		t.Errorf("a broken file's JSON: %d, want 404", res.StatusCode)
	}
}

func TestSlugCollisionsAreDeterministic(t *testing.T) {
	t.Parallel()
	names := []string{"a-b.txt", "a b.txt", "A_B.md"}
	var first []string
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}} {
		dir := t.TempDir()
		for _, i := range order {
			writeFiles(t, dir, map[string]string{names[i]: "Title of " + names[i] + "\n\nBody."})
		}
		lib, logs := openTestLibrary(t, dir, "", stubParse)
		var got []string
		for _, n := range []string{"A_B.md", "a b.txt", "a-b.txt"} {
			got = append(got, n+"="+string(lib.snap.Load().named(n).ID))
		}
		// Byte order: "A_B.md" < "a b.txt" < "a-b.txt"; the first keeps the slug.
		if want := []string{"A_B.md=a-b", "a b.txt=a-b-2", "a-b.txt=a-b-3"}; !slices.Equal(got, want) {
			t.Errorf("ids %q, want %q", got, want)
		}
		for _, loser := range []string{`file="a b.txt" gets=a-b-2`, "file=a-b.txt gets=a-b-3"} {
			if len(logs.Lines("level=WARN", "content files share an id", "kept_by=A_B.md", loser)) != 1 {
				t.Errorf("no warning naming the winner and %s:\n%s", loser, logs)
			}
		}
		if first == nil {
			first = got
		} else if !slices.Equal(first, got) {
			t.Errorf("creation order changed the ids: %q then %q", first, got)
		}
	}
}

func TestSymlinkLoopsAreSkipped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"good.txt": "Good\n\nBody.", "sub/inner.txt": "Inner\n\nBody."})
	for link, target := range map[string]string{
		"self.txt": "self.txt", // a link to itself
		"ping.txt": "pong.txt", // two links to each other
		"pong.txt": "ping.txt",
		"sub/up":   "..", // a directory that contains itself
		"out.txt":  "/etc/hostname",
	} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	s, logs := newTestServer(t, Config{ContentDir: dir})
	if got := s.lib.Len(); got != 2 {
		t.Errorf("%d articles, want 2 (good, inner)", got)
	}
	for _, name := range []string{"self.txt", "ping.txt", "pong.txt", "out.txt"} {
		if len(logs.Lines("level=WARN", "skipping content file", "file="+name)) != 1 {
			t.Errorf("no warning for %s:\n%s", name, logs)
		}
	}
	for _, p := range []string{"/articles/good.json", "/articles/inner.json"} {
		if res, _ := do(t, s.Handler(), "GET", p, nil); res.StatusCode != 200 {
			t.Errorf("%s: %d", p, res.StatusCode)
		}
	}
}

// TestGeneratedLibraryPagesAndWatch serves a generated library of 2,000 articles: its listing pages
// hold every article once, in library order; new, changed and deleted files are picked up without
// a restart, a deleted article answers 410 on every route, and a broken file takes nothing down.
func TestGeneratedLibraryPagesAndWatch(t *testing.T) {
	t.Parallel()
	const n = 2000
	dir := t.TempDir()
	files := map[string]string{}
	for i := range n {
		published := ""
		if i%7 != 0 { // some articles have no date; many share one
			published = fmt.Sprintf("\n\nPublished: 2024-%02d-%02dT10:00:00Z", 1+i%12, 1+i%28)
		}
		files[fmt.Sprintf("%04d/story-%d.txt", i%10, i)] = fmt.Sprintf("Story %d%s\n\nBody of story %d.", i, published, i)
	}
	writeFiles(t, dir, files)
	const base = "https://verbatim.example"
	s, logs := newTestServer(t, Config{ContentDir: dir, StateDir: t.TempDir(), Watch: 20 * time.Millisecond, BaseURL: base})
	h := s.Handler()

	listing := func() []app.Summary {
		var all []app.Summary
		for p, page := app.IndexPath(1), 1; p != ""; page++ {
			res, body := do(t, h, "GET", p, nil)
			var l app.Listing
			if err := json.Unmarshal([]byte(body), &l); err != nil || res.StatusCode != 200 {
				t.Fatalf("%s: %d %v", p, res.StatusCode, err)
			}
			if l.Page != page || l.Pages != app.PageCount(l.Total) || len(l.Articles) > app.PageSize {
				t.Fatalf("%s: page %d of %d, %d articles", p, l.Page, l.Pages, len(l.Articles))
			}
			all = append(all, l.Articles...)
			p = l.Next
		}
		return all
	}
	all := listing()
	if len(all) != n {
		t.Fatalf("the pages list %d articles, want %d", len(all), n)
	}
	seen := map[model.ArticleID]bool{}
	for i, a := range all {
		if seen[a.ID] {
			t.Errorf("%s is listed twice", a.ID)
		}
		seen[a.ID] = true
		if i > 0 && app.CompareSummaries(all[i-1], a) >= 0 {
			t.Errorf("%s is listed before %s, out of library order", all[i-1].ID, a.ID)
		}
	}
	if res, _ := do(t, h, "GET", app.IndexPath(app.PageCount(n)+1), nil); res.StatusCode != 404 {
		t.Errorf("the page after the last: %d, want 404", res.StatusCode)
	}

	// New, changed, deleted and broken files, without a restart.
	writeFiles(t, dir, map[string]string{"new/fresh.txt": "Fresh story\n\nPublished: 2030-01-01T00:00:00Z\n\nBody.", "new/broken.txt": "BROKEN"})
	writeFiles(t, dir, map[string]string{"0001/story-1.txt": "Story 1, corrected\n\nBody."})
	if err := os.Remove(filepath.Join(dir, "0002", "story-2.txt")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the changes to be indexed", func() bool {
		_, fresh := s.lib.Fingerprint("fresh")
		_, deleted := s.lib.Fingerprint("story-2")
		return fresh && !deleted
	})
	if _, body := do(t, h, "GET", "/articles/story-1.json", nil); !strings.Contains(body, "Story 1, corrected") {
		t.Errorf("the changed article's JSON is not the new one: %.200s", body)
	}
	all = listing()
	if len(all) != n || all[0].ID != "fresh" {
		t.Errorf("after the changes: %d listed, first %s; want %d, fresh", len(all), all[0].ID, n)
	}
	if len(logs.Lines("level=WARN", "skipping content file", "new/broken.txt")) != 1 {
		t.Errorf("the broken file is not named in a warning:\n%s", logs)
	}
	gone := url.QueryEscape(base + "/article/story-2")
	for _, p := range []string{"/article/story-2", "/embed/story-2", "/articles/story-2.json", "/oembed/story-2.json", "/oembed?format=json&url=" + gone,
		"/card/story-2/title.png", "/article/story-2/q/1"} {
		if res, _ := do(t, h, "GET", p, nil); res.StatusCode != 410 {
			t.Errorf("%s: %d, want 410 Gone", p, res.StatusCode)
		}
	}
	for _, p := range []string{"/article/never-was", "/articles/never-was.json"} {
		if res, _ := do(t, h, "GET", p, nil); res.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", p, res.StatusCode)
		}
	}
	// A file with the deleted one's name brings its article back.
	writeFiles(t, dir, map[string]string{"0002/story-2.txt": "Story 2 is back\n\nBody."})
	waitFor(t, "the restored article", func() bool {
		res, _ := do(t, h, "GET", "/article/story-2", nil)
		return res.StatusCode == 200
	})
}

func isGone(err error) bool { return errors.Is(err, errGone) }

// TestWebEncodingsAreKeptInTheState checks that a second server on the same state directory takes
// the web folder's compressed files from it, and that a damaged one is compressed again.
func TestWebEncodingsAreKeptInTheState(t *testing.T) {
	t.Parallel()
	state, web := t.TempDir(), fakeWebDir(t)
	s1, _ := newTestServer(t, Config{ContentDir: t.TempDir(), StateDir: state, WebDir: web})
	stored, err := filepath.Glob(filepath.Join(state, "encodings", "*.br"))
	if err != nil || len(stored) == 0 {
		t.Fatalf("no brotli encodings kept in the state directory: %v", err)
	}
	for _, p := range stored {
		if err := os.WriteFile(p, []byte("damaged"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s2, _ := newTestServer(t, Config{ContentDir: t.TempDir(), StateDir: state, WebDir: web})
	for _, s := range []*Server{s1, s2} {
		_, plain := do(t, s.Handler(), "GET", "/web/verbatim.css", nil)
		res, br := do(t, s.Handler(), "GET", "/web/verbatim.css", map[string]string{"Accept-Encoding": "br"})
		if res.Header.Get("Content-Encoding") != "br" || decode(t, "br", br) != plain {
			t.Errorf("verbatim.css in brotli does not decode to the file")
		}
	}
}

// zeros reads zero bytes without end.
type zeros struct{}

func (zeros) Read(b []byte) (int, error) { clear(b); return len(b), nil }

// TestReadStated checks what a scan reads of a content file for the size its stat gave: that many
// bytes, or fewer when the file ends sooner, and never more than one byte past model.MaxInputBytes;
// a file that grew after its stat is read to that size only (readOnce's second stat sees the rest).
func TestReadStated(t *testing.T) {
	t.Parallel()
	body := strings.Repeat("0123456789", 300)
	for _, c := range []struct {
		name string
		r    io.Reader
		size int64
		want int
	}{
		{"the stat's size", strings.NewReader(body), int64(len(body)), len(body)},
		{"shrank after its stat", strings.NewReader(body), int64(len(body)) + 100, len(body)},
		{"grew after its stat", strings.NewReader(body), 100, 100},
		{"empty", strings.NewReader(""), 0, 0},
		{"no size", strings.NewReader(body), 0, 0},
		{"short reads", iotest.HalfReader(strings.NewReader(body)), int64(len(body)), len(body)},
		{"over the limit", zeros{}, model.MaxInputBytes * 2, model.MaxInputBytes + 1},
	} {
		got, err := readStated(c.r, c.size)
		if err != nil || len(got) != c.want {
			t.Errorf("%s: read %d bytes (%v), want %d", c.name, len(got), err, c.want)
		}
	}
	if _, err := readStated(iotest.ErrReader(errors.New("disk error")), 10); err == nil {
		t.Errorf("a read error is not returned")
	}
}
