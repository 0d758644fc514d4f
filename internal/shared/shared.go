// Package shared finds the project's shared materials (../shared beside the repository: samples,
// corpora, design notes) for tests, benchmarks and evaluation commands. Nothing in it ships in the
// binaries' serving paths, and it imports only the standard library.
//
// The corpora are third-party data that never go into the repository, so every reader must cope with
// their absence. Require skips a check that cannot run without them, Optional lets one run on less,
// and both say so the same way: in the test's log, and in the file $VERBATIM_SKIPLOG names, which
// make test prints last (go test shows a skip's message only with -v).
package shared

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// EnvVar names the environment variable that overrides where the shared folder is.
const EnvVar = "VERBATIM_SHARED"

// LogEnv names the environment variable that holds the file where Require and Optional add one
// line for each check they skip or cut short. make test sets it and prints the file when the tests
// are done.
const LogEnv = "VERBATIM_SKIPLOG"

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

// Require returns the path of rel inside the shared folder. When it is missing, the test or
// benchmark is skipped, never silently passed: the message names the check, the data it needs and
// why that is not there, and it is recorded for make test's summary.
func Require(tb testing.TB, rel string) string {
	tb.Helper()
	p, err := Path(rel)
	if err != nil {
		msg := fmt.Sprintf("SKIPPED %s: it needs %s: %v", tb.Name(), describe(rel), err)
		record(tb, msg)
		tb.Skip(msg)
	}
	return p
}

// Optional returns the path of rel inside the shared folder and true, or "" and false when it is
// missing. Then the check goes on with less, and Optional logs and records how it ran instead, in
// the words of instead ("on its crafted lines only").
func Optional(tb testing.TB, rel, instead string) (string, bool) {
	tb.Helper()
	p, err := Path(rel)
	if err != nil {
		msg := fmt.Sprintf("CUT SHORT %s: ran %s, for want of %s: %v", tb.Name(), instead, describe(rel), err)
		record(tb, msg)
		tb.Log(msg)
		return "", false
	}
	return p, true
}

// corpora says what each piece of shared data is, for the messages of Require and Optional.
var corpora = []struct{ prefix, what string }{
	{"corpora/polnear/", "PolNeAR's news articles with their gold quotations"},
	{"corpora/german-wikinews/", "German Wikinews articles with their gold quotations"},
	{"corpora/readability-test-pages", "Mozilla Readability's 130 test pages"},
	{"corpora/xss/", "the 526 XSS payloads of DOMPurify, H5SC, OWASP and SonarSource"},
	{"corpora/lexicons/", "the lexicons' upstream files"},
	{"samples/", "the shared copy of the samples"},
}

// describe names rel and says what it is.
func describe(rel string) string {
	where := "../shared/" + rel
	for _, c := range corpora {
		if strings.HasPrefix(rel, c.prefix) {
			if strings.HasPrefix(rel, "corpora/") {
				return where + " (" + c.what + "; third-party data, never committed)"
			}
			return where + " (" + c.what + ")"
		}
	}
	return where
}

// record adds msg, with the test's package folder, as one line of the file $VERBATIM_SKIPLOG
// names, when it is set.
func record(tb testing.TB, msg string) {
	tb.Helper()
	log := os.Getenv(LogEnv)
	if log == "" {
		return
	}
	f, err := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err == nil {
		_, err = f.WriteString(packageDir() + ": " + msg + "\n") // one write: lines from parallel tests stay whole
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		tb.Errorf("recording a skip in $%s: %v", LogEnv, err)
	}
}

// packageDir returns the folder of the package under test (go test runs a test binary in it),
// relative to the module's root, or the working directory when no go.mod is found above it.
func packageDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return "?"
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			if rel, err := filepath.Rel(dir, wd); err == nil {
				return filepath.ToSlash(rel)
			}
			return wd
		}
		if filepath.Dir(dir) == dir {
			return wd
		}
	}
}
