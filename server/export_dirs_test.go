package server

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestExportWriterDirHandles writes through the writer's directory handles into more directories
// than it keeps open, removes a directory's last file (which removes the directory) and writes there
// again: every file must be on disk where its name says, none in a directory a stale handle kept.
func TestExportWriterDirHandles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	w := &exportWriter{root: root}
	defer w.dirs.close()
	var names []string
	for i := range 2*maxDirHandles + 3 {
		names = append(names, fmt.Sprintf("card/a%03d/q1.png", i), fmt.Sprintf("top%d.txt", i%2))
	}
	for _, name := range names {
		if _, err := w.put(name, []byte(name), fileEntry{}, false); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.remove("card/a001/q1.png"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "card", "a001")); !os.IsNotExist(err) {
		t.Fatalf("card/a001 is still there after its last file went: %v", err)
	}
	if _, err := w.put("card/a001/q2.png", []byte("again"), fileEntry{}, false); err != nil {
		t.Fatal(err)
	}
	names = append(names, "card/a001/q2.png")
	for _, name := range names {
		want := name
		if name == "card/a001/q1.png" {
			continue
		}
		if name == "card/a001/q2.png" {
			want = "again"
		}
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || string(got) != want {
			t.Errorf("%s: %q %v, want %q", name, got, err, want)
		}
	}
	if n := len(w.dirs.m); n > maxDirHandles {
		t.Errorf("%d directory handles open, at most %d", n, maxDirHandles)
	}
}
