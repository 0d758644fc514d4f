// Package shared finds the project's shared materials (../shared beside the repository: samples,
// corpora, design notes) for tests, benchmarks and evaluation commands. Nothing in it ships in the
// binaries' serving paths, and it imports only the standard library.
//
// The corpora are third-party data that never go into the repository, so every reader must cope with
// their absence: Dir reports it clearly, and tests skip with that message.
package shared

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// EnvVar names the environment variable that overrides where the shared folder is.
const EnvVar = "VERBATIM_SHARED"

// ErrMissing is returned when no shared folder can be found.
var ErrMissing = errors.New("the shared folder (../shared beside the repository, or $" + EnvVar + ") is missing")

// Dir returns the shared folder: $VERBATIM_SHARED when set, else the first "shared" folder holding
// samples/ that sits beside the working directory or one of its parents.
func Dir() (string, error) {
	if d := os.Getenv(EnvVar); d != "" {
		if _, err := os.Stat(filepath.Join(d, "samples")); err != nil {
			return "", errors.New("$" + EnvVar + " is set, but " + d + "/samples is not there")
		}
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		cand := filepath.Join(filepath.Dir(dir), "shared")
		if st, err := os.Stat(filepath.Join(cand, "samples")); err == nil && st.IsDir() {
			return cand, nil
		}
		if filepath.Dir(dir) == dir {
			return "", ErrMissing
		}
	}
}

// Path returns the path of rel inside the shared folder, or an error that says what is missing.
func Path(rel string) (string, error) {
	d, err := Dir()
	if err != nil {
		return "", err
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		return "", errors.New(rel + " is missing from the shared folder " + d)
	}
	return p, nil
}

// Require returns the path of rel inside the shared folder. When it is missing, the test or benchmark
// is skipped with a message that says so clearly; it is never silently passed.
func Require(tb testing.TB, rel string) string {
	tb.Helper()
	p, err := Path(rel)
	if err != nil {
		tb.Skipf("SKIPPED, shared data missing: %v", err)
	}
	return p
}
