//go:build !unix

package server

import "os"

// lockFile does nothing where flock(2) is missing: two servers must not share a state directory
// there.
func lockFile(*os.File) error { return nil }

// unlockFile does nothing where flock(2) is missing.
func unlockFile(*os.File) error { return nil }
