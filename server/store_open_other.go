//go:build !linux

package server

import (
	"io/fs"
	"os"
)

// scanDir is a scan worker's open directory on Linux (store_open_linux.go); elsewhere every
// content file is opened through the library's fs.FS.
type scanDir struct{ root *os.Root }

// open opens the content file name (a slash path below the root).
func (h *scanDir) open(fsys fs.FS, name string) (contentFile, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	return fsFile{f}, nil
}

// close does nothing: no directory is open.
func (h *scanDir) close() {}
