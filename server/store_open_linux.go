//go:build linux

package server

import (
	"io"
	"io/fs"
	"os"
	"path"
	"syscall"
)

// scanDir is a scan worker's open directory. A scan reads the files of one directory one after
// another (file-name order), so each is opened relative to its directory's descriptor, opened once:
// one openat(2), not following a symlink, where an os.Root opens every directory on the path again
// for each file; and read and stat'ed through its descriptor, without os.File's registration with
// the poller (three fcntl(2) and an epoll_ctl(2) a file). A file that is a symlink, or that does
// not open so, is opened through the library's fs.FS, whose os.Root keeps the content directory's
// bounds: the descriptor's directory was opened through it, and a base name from its listing,
// never followed if a link, cannot leave it. The zero scanDir (no root: the embedded samples)
// opens every file through the fs.FS. Not safe for concurrent use: each worker has its own.
type scanDir struct {
	root *os.Root
	name string   // the directory open, a slash path below the root
	dir  *os.File // nil when none is open
	fd   int      // dir's descriptor
}

// open opens the content file name (a slash path below the root).
func (h *scanDir) open(fsys fs.FS, name string) (contentFile, error) {
	if h != nil && h.root != nil {
		if f, ok := h.openAt(name); ok {
			return f, nil
		}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	return fsFile{f}, nil
}

// openAt opens name relative to its directory's descriptor, or reports false.
func (h *scanDir) openAt(name string) (contentFile, bool) {
	dir, base := path.Split(name)
	dir = path.Clean(dir) // "." for a file at the root
	if base == "" || base == "." || base == ".." {
		return nil, false
	}
	if h.dir == nil || h.name != dir {
		h.close()
		d, err := h.root.Open(dir)
		if err != nil {
			return nil, false
		}
		h.dir, h.name, h.fd = d, dir, int(d.Fd())
	}
	for {
		// O_NONBLOCK: a FIFO put where a file was must not block the open; its stat then says it
		// is not a regular file.
		fd, err := syscall.Openat(h.fd, base, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, false
		}
		return &fdFile{fd: fd, name: name}, true
	}
}

// close closes the directory open, if any.
func (h *scanDir) close() {
	if h != nil && h.dir != nil {
		h.dir.Close()
		h.dir = nil
	}
}

// fdFile is a content file read through its descriptor.
type fdFile struct {
	fd   int
	name string
}

func (f *fdFile) Read(b []byte) (int, error) {
	for {
		n, err := syscall.Read(f.fd, b)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, &fs.PathError{Op: "read", Path: f.name, Err: err}
		case n == 0 && len(b) > 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

func (f *fdFile) Close() error { return syscall.Close(f.fd) }

func (f *fdFile) stat() (int64, int64, bool, error) {
	var st syscall.Stat_t
	for {
		err := syscall.Fstat(f.fd, &st)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, 0, false, &fs.PathError{Op: "stat", Path: f.name, Err: err}
		}
		return st.Size, st.Mtim.Nano(), st.Mode&syscall.S_IFMT == syscall.S_IFREG, nil
	}
}
