// Package longtest marks the long tests: those that make test leaves out of its first pass (go test
// -race -short) and runs in its second, without the race detector (headless Chromium, the bad-input
// table, 10 MiB inputs, a 2,000-article export). Skip records each test it skips in the file
// $VERBATIM_LONGLOG names, and scripts/longpass.sh runs exactly those tests in the second pass, so
// that pass does not run again what the first already ran. It imports only the standard library,
// and nothing outside tests uses it.
package longtest

import (
	"os"
	"strings"
	"testing"
)

// LogEnv names the environment variable that holds the file where Skip adds one line for each test
// it skips: the package's folder, a tab, and the top-level test's name. make test sets it.
const LogEnv = "VERBATIM_LONGLOG"

// Skip skips tb under -short, saying why the test is long, and records it in $VERBATIM_LONGLOG.
// Without -short it does nothing and the test runs. A long test calls it first (directly or through
// a helper such as the browser harness); no test calls testing.Short itself (TestOnlySkipReadsShort).
func Skip(tb testing.TB, why string) {
	tb.Helper()
	if !testing.Short() {
		return
	}
	if err := record(tb.Name()); err != nil {
		tb.Fatalf("recording a long test in $%s: %v", LogEnv, err)
	}
	tb.Skip(why + ": a long test, skipped with -short (make test runs it in its second pass)")
}

// record adds the package's folder (go test runs a test binary in it) and the top-level test of
// name to the file $VERBATIM_LONGLOG names, when it is set.
func record(name string) error {
	log := os.Getenv(LogEnv)
	if log == "" {
		return nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	top, _, _ := strings.Cut(name, "/")
	f, err := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteString(wd + "\t" + top + "\n") // one write: lines from parallel tests stay whole
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
