package longtest

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSkip runs Skip with and without -short: under it the test is skipped and recorded once per
// call by its top-level name and package folder; without it the test goes on and nothing is written.
// It sets the environment and the -short flag, so it does not run in parallel.
func TestSkip(t *testing.T) {
	log := filepath.Join(t.TempDir(), "long.txt")
	t.Setenv(LogEnv, log)
	short := flag.Lookup("test.short").Value.String()
	t.Cleanup(func() { flag.Set("test.short", short) })

	cases := []struct {
		short   bool
		skipped bool
	}{
		{short: false, skipped: false},
		{short: true, skipped: true},
	}
	for _, c := range cases {
		if err := flag.Set("test.short", map[bool]string{true: "true", false: "false"}[c.short]); err != nil {
			t.Fatal(err)
		}
		ran := false
		t.Run("long", func(t *testing.T) {
			t.Run("sub", func(t *testing.T) {
				Skip(t, "a test of Skip")
				ran = true
			})
		})
		if ran == c.skipped {
			t.Errorf("with -short=%v the test ran: %v", c.short, ran)
		}
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	if got, want := string(b), wd+"\tTestSkip\n"; got != want {
		t.Errorf("%s holds %q, want %q", LogEnv, got, want)
	}
}

// TestRecordWithoutLog: with $VERBATIM_LONGLOG unset, recording writes nothing and fails nothing.
func TestRecordWithoutLog(t *testing.T) {
	t.Setenv(LogEnv, "")
	if err := record("TestX"); err != nil {
		t.Errorf("record with no log: %v", err)
	}
}

// TestOnlySkipReadsShort: every long test goes through Skip, so that make test's second pass knows
// it. A test that read testing.Short itself would skip in the first pass and never run in the second.
func TestOnlySkipReadsShort(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("the module's root is not two folders up: %v", err)
	}
	self, _ := os.Getwd()
	n := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || filepath.Dir(path) == self {
			return nil
		}
		n++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), "testing.Short()") {
			rel, _ := filepath.Rel(root, path)
			t.Errorf("%s calls testing.Short(): call longtest.Skip instead, so make test's second pass runs the test", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Errorf("walked %d Go files under %s; the module has hundreds", n, root)
	}
}
