package server

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
)

// exportWriter writes files below the export directory, only when their bytes changed: a file whose
// hash and size are what the previous export's manifest says, and which is still there with that size,
// is left alone (its mtime too), so that a sync by mtime or by hash sees only what changed. A file is
// written to a temporary dotfile beside it and renamed over it, so that a file server or a sync never
// reads half a file.
type exportWriter struct {
	root *os.Root
	dirs dirHandles
	// reuse: the previous export is of this build, so its compressed files of an unchanged body are
	// kept (keep).
	reuse bool
	// Counts, for the export's report.
	written, unchanged, removed atomic.Int64
}

// put writes body at name unless old (the previous manifest's entry for name, if any) already
// describes it, and returns its new manifest entry.
func (w *exportWriter) put(name string, body []byte, old fileEntry, hadOld bool) (fileEntry, error) {
	e := newFileEntry(name, body)
	dir, base := path.Split(name)
	d, err := w.dirs.acquire(w.root, path.Clean(dir))
	if err != nil {
		return e, err
	}
	defer w.dirs.release(d)
	if hadOld && old.sum == e.sum && old.size == e.size {
		if st, err := d.root.Lstat(base); err == nil && st.Mode().IsRegular() && st.Size() == e.size {
			w.unchanged.Add(1)
			return e, nil
		}
	}
	if err := d.writeFile(base, body); err != nil {
		return e, err
	}
	w.written.Add(1)
	return e, nil
}

// putFile writes body at the export's file for the URL path p (exportFile), comparing with old (the
// previous manifest's entries, by path): putAsset without the compressed forms.
func (w *exportWriter) putFile(p string, body []byte, old map[string]fileEntry) (fileEntry, error) {
	name := exportFile(p)
	prev, had := old[name]
	return w.put(name, body, prev, had)
}

// putUnlisted writes body at name unless the file already holds exactly body: for the few files the
// manifest does not list (the nginx snippets).
func (w *exportWriter) putUnlisted(name string, body []byte) error {
	if got, err := w.root.ReadFile(filepath.FromSlash(name)); err == nil && bytes.Equal(got, body) {
		w.unchanged.Add(1)
		return nil
	}
	if err := writeRootFile(w.root, name, body); err != nil {
		return err
	}
	w.written.Add(1)
	return nil
}

// writeRootFile writes one file below root, creating its directories: into a temporary dotfile
// beside it, then renamed over it.
func writeRootFile(root *os.Root, name string, body []byte) error {
	name = filepath.FromSlash(name)
	dir := filepath.Dir(name)
	if dir != "." {
		if err := root.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	tmp := filepath.Join(dir, ".tmp-"+filepath.Base(name))
	if err := root.WriteFile(tmp, body, 0o644); err != nil {
		return err
	}
	if err := root.Rename(tmp, name); err != nil {
		root.Remove(tmp)
		return err
	}
	return nil
}

// link makes name a symbolic link to target (relative to name's directory), replacing whatever is at
// name unless it already is that link. It reports whether it changed anything.
func (w *exportWriter) link(name, target string) (bool, error) {
	name = filepath.FromSlash(name)
	if got, err := w.root.Readlink(name); err == nil && got == target {
		return false, nil
	}
	if d := filepath.Dir(name); d != "." {
		if err := w.root.MkdirAll(d, 0o755); err != nil {
			return false, err
		}
	}
	tmp := filepath.Join(filepath.Dir(name), ".tmp-"+filepath.Base(name))
	w.root.Remove(tmp)
	if err := w.root.Symlink(target, tmp); err != nil {
		return false, err
	}
	if st, err := w.root.Lstat(name); err == nil && st.IsDir() {
		// A folder an export before links were used wrote (web/): a rename cannot replace it.
		if err := w.root.RemoveAll(name); err != nil {
			return false, err
		}
	}
	if err := w.root.Rename(tmp, name); err != nil {
		w.root.Remove(tmp)
		return false, err
	}
	return true, nil
}

// remove deletes the file name and then each directory above it that it leaves empty.
func (w *exportWriter) remove(name string) error {
	err := w.root.Remove(filepath.FromSlash(name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	w.removed.Add(1)
	for d := path.Dir(name); d != "." && !strings.HasPrefix(d, "."); d = path.Dir(d) {
		w.dirs.forget(d) // a handle must not outlive its directory
		if w.root.Remove(filepath.FromSlash(d)) != nil {
			break // not empty
		}
	}
	return nil
}

// relativeTarget returns the target of a link at name that points at the file target, both slash
// paths relative to the export directory ("app.wasm" to "v/1/web/app.wasm" gives "v/1/web/app.wasm";
// "web" to "v/1/web" gives "v/1/web").
func relativeTarget(name, target string) string {
	up := strings.Count(name, "/")
	return strings.Repeat("../", up) + target
}
