package server

import (
	"io"
	"io/fs"
)

// contentFile is an open content file, as readOnce reads it: stat'ed before and after the read.
type contentFile interface {
	io.ReadCloser
	// stat returns the file's size, its modification time in Unix nanoseconds, and whether it is
	// a regular file.
	stat() (size, mtime int64, regular bool, err error)
}

// fsFile is a contentFile opened through the library's fs.FS.
type fsFile struct{ fs.File }

func (f fsFile) stat() (int64, int64, bool, error) {
	info, err := f.Stat()
	if err != nil {
		return 0, 0, false, err
	}
	return info.Size(), info.ModTime().UnixNano(), info.Mode().IsRegular(), nil
}
