//go:build unix

package server

import (
	"os"
	"syscall"
)

// lockFile takes an exclusive advisory lock (flock(2)) on f for as long as f is open, or fails at
// once when another open file holds one: a detail log is appended to by one server only.
func lockFile(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

// unlockFile releases lockFile's lock on f, which stays open for reading.
func unlockFile(f *os.File) error { return syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
