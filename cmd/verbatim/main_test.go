package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUsage(t *testing.T) {
	t.Parallel()
	cases := []struct {
		args           []string
		code           int
		stdout, stderr string
	}{
		{nil, 2, "", usage},
		{[]string{"help"}, 0, usage, ""},
		{[]string{"-h"}, 0, usage, ""},
		{[]string{"--help"}, 0, usage, ""},
		{[]string{"frobnicate"}, 2, "", "verbatim: unknown command \"frobnicate\"\n" + usage},
	}
	for _, c := range cases {
		code, stdout, stderr := runCmd(t, "", c.args...)
		if code != c.code || stdout != c.stdout || stderr != c.stderr {
			t.Errorf("verbatim %q: exit %d, stdout %q, stderr %q; want %d, %q, %q", c.args, code, stdout, stderr, c.code, c.stdout, c.stderr)
		}
	}
	if !strings.HasPrefix(usage, "usage:\n  verbatim serve  [-addr localhost:8080]") {
		t.Errorf("usage = %q", usage)
	}
}

// runCmd runs the verbatim command with args and stdin, and returns its exit status and output.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// webDir returns a small web folder in a temporary directory: the server needs one, and the
// command's tests do not need a real app.wasm.
func webDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"app.wasm":     "\x00asm\x01\x00\x00\x00 not a real module",
		"parse.wasm":   "\x00asm\x01\x00\x00\x00 not a real module either",
		"verbatim.css": "body { font-family: serif; }\n",
	})
	return dir
}

// writeFiles writes files (names → contents) into dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
