package server

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"verbatim/app"
	"verbatim/internal/testlog"
)

// TestScanWritesDetailsInBatches indexes enough articles with long titles that each scan worker
// appends its records to the detail log in several writes: every article's record is its own, the
// records tile the log with no gap or overlap, and a restart reads them all back from the index
// without parsing.
func TestScanWritesDetailsInBatches(t *testing.T) {
	t.Parallel()
	dir, state := t.TempDir(), t.TempDir()
	const n = 300
	files := map[string]string{}
	for i := range n {
		// About 1 KB of title each: 300 KB of records, several batches of batchBytes.
		title := fmt.Sprintf("Story %03d %s", i, strings.Repeat("council ", 120))
		files[fmt.Sprintf("d%d/s%03d.txt", i%3, i)] = title + "\n\nThe body of story " + fmt.Sprint(i) + "."
	}
	writeFiles(t, dir, files)
	parse, parses := countingParse()
	lib, _ := openTestLibrary(t, dir, state, parse)
	s := lib.snap.Load()
	if len(s.order) != n {
		t.Fatalf("%d articles, want %d", len(s.order), n)
	}
	var total int64
	seen := map[int64]bool{}
	for _, e := range s.entries {
		if e.inline != nil {
			t.Fatalf("%s: detail kept in memory, not in the log", e.Name)
		}
		d, err := s.detail(e)
		if err != nil {
			t.Fatalf("%s: %v", e.Name, err)
		}
		if want := strings.SplitN(files[e.Name], "\n", 2)[0]; d.Sum.Title != want {
			t.Fatalf("%s: title %.20q…, want %.20q…", e.Name, d.Sum.Title, want)
		}
		if seen[e.rec.off] {
			t.Fatalf("%s: a record at %d, where another one is", e.Name, e.rec.off)
		}
		seen[e.rec.off] = true
		total += int64(e.rec.n)
	}
	if size, _ := s.log.state(); size != total || total <= 2*batchBytes {
		t.Errorf("the detail log has %d bytes, its records %d (want equal, over %d)", size, total, 2*batchBytes)
	}
	lib.close()
	before := parses.Load()
	again, _ := openTestLibrary(t, dir, state, parse)
	if parses.Load() != before {
		t.Errorf("the restart parsed %d files, want 0", parses.Load()-before)
	}
	if _, err := again.Page(t.Context(), 1); err != nil {
		t.Errorf("the restart's first page: %v", err)
	}
}

// TestBatchKeepsDetailsWhenTheLogFails keeps each article's detail in its entry when the detail log
// cannot be written, and says so once.
func TestBatchKeepsDetailsWhenTheLogFails(t *testing.T) {
	t.Parallel()
	log, err := createLog(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	log.f.Close() // every write fails
	logs := &testlog.Buffer{}
	l := &library{details: log, log: newTestLogger(logs)}
	b := &recordBatch{l: l}
	var entries []*entry
	for i := range 3 {
		e := &entry{Name: fmt.Sprintf("%d.txt", i)}
		entries = append(entries, e)
		b.keep(e, detail{Sum: app.Summary{Title: fmt.Sprint("Title ", i)}})
	}
	b.flush()
	for i, e := range entries {
		if e.inline == nil || e.inline.Sum.Title != fmt.Sprint("Title ", i) {
			t.Errorf("%s: detail %+v, want its own kept in the entry", e.Name, e.inline)
		}
	}
	if got := len(logs.Lines("level=WARN", "could not write to the detail log")); got != 1 {
		t.Errorf("%d warnings, want 1:\n%s", got, logs)
	}
}

// TestScanDirOpensInsideTheRoot opens content files relative to their directory, and through the
// root when that is not how they open: a symlink to another directory's file reads that file; one
// out of the content directory and a missing file are refused as the root refuses them.
func TestScanDirOpensInsideTheRoot(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"top.txt": "Top", "a/one.txt": "One", "a/two.txt": "Two", "b/three.txt": "Three"})
	for link, target := range map[string]string{"a/link.txt": "../b/three.txt", "a/out.txt": "/etc/hostname"} {
		if err := os.Symlink(target, dir+"/"+link); err != nil {
			t.Fatal(err)
		}
	}
	l, dirs := openScanDir(t, dir)
	for _, tc := range []struct{ name, want string }{
		{"a/one.txt", "One"}, {"a/two.txt", "Two"}, {"top.txt", "Top"}, {"a/link.txt", "Three"}, {"b/three.txt", "Three"},
		{"a/out.txt", ""}, {"a/missing.txt", ""},
	} {
		body, size, mtime, err := l.readStable(tc.name, dirs, nil)
		if tc.want == "" {
			if err == nil {
				t.Errorf("%s: read %q, want an error", tc.name, body)
			}
			continue
		}
		if err != nil || string(body) != tc.want {
			t.Errorf("%s: %q, %v; want %q", tc.name, body, err, tc.want)
			continue
		}
		info, err := os.Stat(dir + "/" + tc.name)
		if err != nil || size != info.Size() || mtime != info.ModTime().UnixNano() {
			t.Errorf("%s: size %d, mtime %d; want those of stat(2): %v", tc.name, size, mtime, info)
		}
	}
}

// openScanDir returns a library on the content directory dir, without scanning it, and a scan
// worker's scanDir on it, both closed at the end of the test.
func openScanDir(t *testing.T, dir string) (*library, *scanDir) {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	dirs := &scanDir{root: root}
	t.Cleanup(func() { dirs.close(); root.Close() })
	return &library{fsys: root.FS(), root: root, log: newTestLogger(&testlog.Buffer{})}, dirs
}
