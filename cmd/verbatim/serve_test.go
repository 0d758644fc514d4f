package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"verbatim/internal/testlog"
)

// TestServeCommand runs `verbatim serve` as main does, and stops it the way SIGTERM does: by
// cancelling its context.
func TestServeCommand(t *testing.T) {
	t.Parallel()
	web := webDir(t)
	content := t.TempDir()
	writeFiles(t, content, map[string]string{"good.txt": "A headline\n\n“Quoted words,” she said.", "empty.txt": ""})
	state := filepath.Join(t.TempDir(), "state")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &testlog.Buffer{}
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, []string{"serve", "-addr", "127.0.0.1:0", "-web", web, "-content", content, "-state", state,
			"-partners", "https://partner.example", "-base-url", "https://verbatim.example"}, nil, io.Discard, stderr)
	}()
	addr := regexp.MustCompile(`msg=listening url=(http://\S+)`)
	var base string
	for deadline := time.Now().Add(60 * time.Second); base == "" && time.Now().Before(deadline); {
		select {
		case c := <-code:
			t.Fatalf("serve exited with %d:\n%s", c, stderr)
		case <-time.After(20 * time.Millisecond):
		}
		if m := addr.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		t.Fatalf("serve never listened:\n%s", stderr)
	}
	res, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("healthz: %d", res.StatusCode)
	}
	if len(stderr.Lines("skipping content file", "empty.txt")) != 1 {
		t.Errorf("the empty file was not logged as skipped:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(state, "index.bin")); err != nil {
		t.Errorf("serve -state wrote no index: %v", err)
	}
	cancel()
	if c := <-code; c != 0 {
		t.Errorf("serve exited with %d after its context ended:\n%s", c, stderr)
	}
	if len(stderr.Lines("server stopped")) != 1 {
		t.Errorf("no 'server stopped' line:\n%s", stderr)
	}
}

func TestServeFlagErrors(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"serve", "-partners", "not an origin"},
		{"serve", "-base-url", "ftp://x"},
		{"serve", "-web", filepath.Join(os.TempDir(), "verbatim-no-such-dir")},
		{"serve", "extra"},
	} {
		stderr := &testlog.Buffer{}
		if c := run(context.Background(), args, nil, io.Discard, stderr); c == 0 {
			t.Errorf("%q exited 0", args)
		}
	}
}

// TestStateDir checks where serve keeps the library's index: -state as given, none with "none", and
// by default under systemd's $CACHE_DIRECTORY, one folder per content directory.
func TestStateDir(t *testing.T) {
	t.Setenv("CACHE_DIRECTORY", "/var/cache/verbatim")
	for _, c := range []struct{ flag, content, want string }{
		{"/srv/state", "/srv/articles", "/srv/state"},
		{"none", "/srv/articles", ""},
		{"", "", ""},
		{"", "/srv/articles", "/var/cache/verbatim/articles-"},
	} {
		got, err := stateDir(c.flag, c.content)
		if err != nil || !strings.HasPrefix(got, c.want) || (c.want == "") != (got == "") {
			t.Errorf("stateDir(%q, %q) = %q, %v; want %q…", c.flag, c.content, got, err, c.want)
		}
	}
	a, _ := stateDir("", "/srv/articles")
	b, _ := stateDir("", "/srv/other/articles")
	if a == b {
		t.Errorf("two content directories share the state directory %s", a)
	}
}
