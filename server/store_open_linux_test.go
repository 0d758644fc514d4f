//go:build linux

package server

import (
	"errors"
	"syscall"
	"testing"
)

// TestScanDirRefusesAFIFO refuses a FIFO where a content file was (put there after the walk) as
// not a regular file, without blocking on its open.
func TestScanDirRefusesAFIFO(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := syscall.Mkfifo(dir+"/pipe.txt", 0o644); err != nil {
		t.Fatal(err)
	}
	l, dirs := openScanDir(t, dir)
	if _, _, _, err := l.readStable("pipe.txt", dirs, nil); !errors.Is(err, errNotRegular) {
		t.Errorf("error %v, want %v", err, errNotRegular)
	}
}
