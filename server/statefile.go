package server

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// readBounded reads the file name whole, refusing one over limit bytes. The state directory's files
// (the index, the speaker state, kept encodings) are read through it: they are the operator's, but
// may be truncated, damaged or left by another version, so no read of one is unbounded.
func readBounded(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s is over %d bytes", name, limit)
	}
	return b, nil
}

// writeFileAtomic writes body to dir/name through a temporary file renamed over it, so that a crash
// leaves the old file or the new one, never half of one. The state directory's files are written
// through it.
func writeFileAtomic(dir, name string, body ...[]byte) error {
	f, err := os.CreateTemp(dir, name+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	for _, b := range body {
		if _, err := f.Write(b); err != nil {
			f.Close()
			return err
		}
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), filepath.Join(dir, name))
}
