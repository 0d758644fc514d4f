package shared

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDirFindsSiblingShared(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo", "pkg", "sub")
	if err := os.MkdirAll(repo, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "shared", "samples"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(repo)
	t.Setenv(EnvVar, "")
	got, err := Dir()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "shared"); got != want {
		t.Fatalf("Dir()=%q, want %q", got, want)
	}
	if _, err := Path("corpora/none"); err == nil {
		t.Fatal("Path of a missing file gave no error")
	}
}

func TestDirBadEnv(t *testing.T) {
	t.Setenv(EnvVar, filepath.Join(t.TempDir(), "nope"))
	if _, err := Dir(); err == nil {
		t.Fatal("Dir() with a bad $VERBATIM_SHARED gave no error")
	}
}

// TestRequireSkipsAndRecords checks that Require skips a test whose data is missing, with a message
// that names the test, the data and why it is missing, and adds that message to $VERBATIM_SKIPLOG.
func TestRequireSkipsAndRecords(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "samples"), 0o755); err != nil {
		t.Fatal(err)
	}
	log := filepath.Join(t.TempDir(), "skipped.txt")
	t.Setenv(EnvVar, root)
	t.Setenv(LogEnv, log)
	var sub *testing.T
	ran := false
	t.Run("needs-polnear", func(t *testing.T) {
		sub = t
		Require(t, "corpora/polnear/dev.jsonl.gz")
		ran = true
	})
	if !sub.Skipped() || ran {
		t.Fatalf("Require of a missing file: skipped=%v, ran on=%v; want a skip", sub.Skipped(), ran)
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, want := range []string{"internal/shared: SKIPPED TestRequireSkipsAndRecords/needs-polnear: it needs", "../shared/corpora/polnear/dev.jsonl.gz",
		"PolNeAR", "never committed", "is missing from the shared folder " + root} {
		if !strings.Contains(got, want) {
			t.Errorf("the skip log %q does not say %q", got, want)
		}
	}
	if n := strings.Count(got, "\n"); n != 1 {
		t.Errorf("the skip log has %d lines, want 1", n)
	}
}

// TestOptionalRecords checks that Optional lets the test go on when its data is missing, says what
// it ran on instead, and returns the path when the data is there.
func TestOptionalRecords(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "samples"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "samples", "x.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	log := filepath.Join(t.TempDir(), "skipped.txt")
	t.Setenv(EnvVar, root)
	t.Setenv(LogEnv, log)
	if p, ok := Optional(t, "corpora/xss/payloads.jsonl", "on the committed payloads only"); ok || p != "" {
		t.Fatalf("Optional of a missing file = %q, %v", p, ok)
	}
	if p, ok := Optional(t, "samples/x.txt", "without x"); !ok || p != filepath.Join(root, "samples", "x.txt") {
		t.Fatalf("Optional of a present file = %q, %v", p, ok)
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	want := "internal/shared: CUT SHORT TestOptionalRecords: ran on the committed payloads only, for want of ../shared/corpora/xss/payloads.jsonl (the 526 XSS payloads"
	if got := string(b); !strings.HasPrefix(got, want) || strings.Count(got, "\n") != 1 {
		t.Fatalf("skip log = %q, want one line starting %q", got, want)
	}
}

// TestNoLogWithoutEnv checks that nothing is written when $VERBATIM_SKIPLOG is not set.
func TestNoLogWithoutEnv(t *testing.T) {
	t.Setenv(EnvVar, filepath.Join(t.TempDir(), "nope"))
	t.Setenv(LogEnv, "")
	t.Chdir(t.TempDir())
	if _, ok := Optional(t, "corpora/none", "on less"); ok {
		t.Fatal("Optional found a file in a missing folder")
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Fatalf("Optional wrote %d files with no $%s", len(entries), LogEnv)
	}
}
