package server

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// maxDirHandles bounds the directory handles an export keeps open: the few shared directories
// (article/, card/, oembed/…) and, per worker, the article's own (card/{id}, article/{id}/q).
const maxDirHandles = 64

// dirHandles keeps open handles (os.Root) on the export's directories, so that a file is written
// with one openat and one renameat in its directory instead of a walk from the export's root, which
// opens every directory on the way, for each call (creating, renaming, checking): those walks were a
// fifth of the export's time. A handle in use is never closed; past maxDirHandles, unused ones are.
type dirHandles struct {
	mu sync.Mutex
	m  map[string]*dirHandle
}

type dirHandle struct {
	name string
	root *os.Root
	// dir is the directory open as a file, for writeFile's system calls (on Linux, openat and
	// renameat on its descriptor); nil where they are not used.
	dir  *os.File
	fd   int // dir's descriptor
	refs int
}

// closeHandle closes d's root and directory.
func (d *dirHandle) closeHandle() {
	if d.dir != nil {
		d.dir.Close()
	}
	d.root.Close()
}

// acquire returns the handle of dir (a clean slash path below root, "." for root itself), creating
// the directory when it is missing. release it when done.
func (h *dirHandles) acquire(root *os.Root, dir string) (*dirHandle, error) {
	h.mu.Lock()
	if d := h.m[dir]; d != nil {
		d.refs++
		h.mu.Unlock()
		return d, nil
	}
	h.mu.Unlock()
	r, err := openDir(root, dir)
	if err != nil {
		return nil, err
	}
	nd := &dirHandle{name: dir, root: r, refs: 1}
	if rawDirWrites {
		if nd.dir, err = r.Open("."); err != nil {
			r.Close()
			return nil, err
		}
		nd.fd = int(nd.dir.Fd())
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if d := h.m[dir]; d != nil { // opened meanwhile by another worker
		nd.closeHandle()
		d.refs++
		return d, nil
	}
	if h.m == nil {
		h.m = make(map[string]*dirHandle)
	}
	if len(h.m) >= maxDirHandles {
		for name, d := range h.m {
			if d.refs == 0 {
				d.closeHandle()
				delete(h.m, name)
			}
		}
	}
	h.m[dir] = nd
	return nd, nil
}

// release gives back a handle acquire returned.
func (h *dirHandles) release(d *dirHandle) {
	h.mu.Lock()
	d.refs--
	h.mu.Unlock()
}

// forget closes the handle of dir, if open and unused: for a directory about to be removed.
func (h *dirHandles) forget(dir string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if d := h.m[dir]; d != nil && d.refs == 0 {
		d.closeHandle()
		delete(h.m, dir)
	}
}

// close closes every handle; none may be in use.
func (h *dirHandles) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for name, d := range h.m {
		d.closeHandle()
		delete(h.m, name)
	}
}

// openDir opens dir below root, creating it (and its parents) when it is missing.
func openDir(root *os.Root, dir string) (*os.Root, error) {
	if dir == "." {
		return root.OpenRoot(".")
	}
	name := filepath.FromSlash(dir)
	r, err := root.OpenRoot(name)
	if errors.Is(err, fs.ErrNotExist) {
		if err := root.MkdirAll(name, 0o755); err != nil {
			return nil, err
		}
		r, err = root.OpenRoot(name)
	}
	return r, err
}
