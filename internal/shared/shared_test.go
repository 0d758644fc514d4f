package shared

import (
	"os"
	"path/filepath"
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
