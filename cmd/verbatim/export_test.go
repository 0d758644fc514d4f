package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"verbatim/internal/testlog"
)

func TestExportCommand(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "site")
	stderr := &testlog.Buffer{}
	if c := run(context.Background(), []string{"export", "-web", webDir(t), "-base-url", "https://verbatim.example", out}, nil, nil, stderr); c != 0 {
		t.Fatalf("export exited %d:\n%s", c, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("no index.html: %v", err)
	}
	if len(stderr.Lines("exported", "files=")) != 1 {
		t.Errorf("no summary line:\n%s", stderr)
	}
	if c := run(context.Background(), []string{"export"}, nil, nil, &testlog.Buffer{}); c == 0 {
		t.Errorf("export with no DIR exited 0")
	}
}

// TestExportState checks that export keeps the library's index in -state as serve does, so that a
// re-export parses only what changed, and keeps none with -state none.
func TestExportState(t *testing.T) {
	t.Parallel()
	web := webDir(t)
	cases := []struct {
		name      string
		state     func(dir string) string // the -state flag, given a fresh directory
		wantIndex bool
	}{
		{"given", func(dir string) string { return dir }, true},
		{"none", func(string) string { return "none" }, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			content, stateDir := t.TempDir(), filepath.Join(t.TempDir(), "state")
			writeFiles(t, content, map[string]string{"a.txt": "A headline\n\n“Quoted words,” she said.",
				"b.txt": "Another headline\n\n“Other words,” he said."})
			out := filepath.Join(t.TempDir(), "site")
			export := func() *testlog.Buffer {
				t.Helper()
				stderr := &testlog.Buffer{}
				if code := run(context.Background(), []string{"export", "-web", web, "-content", content, "-state", c.state(stateDir),
					"-base-url", "https://verbatim.example", out}, nil, nil, stderr); code != 0 {
					t.Fatalf("export exited %d:\n%s", code, stderr)
				}
				return stderr
			}
			export()
			_, err := os.Stat(filepath.Join(stateDir, "index.bin"))
			if c.wantIndex && err != nil {
				t.Errorf("export -state wrote no index: %v", err)
			} else if !c.wantIndex && err == nil {
				t.Errorf("export -state none wrote an index in %s", stateDir)
			}
			writeFiles(t, content, map[string]string{"b.txt": "Another headline\n\n“Other words,” he said again."})
			if got := export().Lines("exported", "rendered=1 "); len(got) != 1 {
				t.Errorf("the re-export after one change did not render exactly one article")
			}
		})
	}
}
