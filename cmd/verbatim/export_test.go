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
