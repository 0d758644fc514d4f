package server

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
	"verbatim/internal/testlog"
)

// rawGet sends one request line as it is, with no client-side path cleaning, and returns the status
// and body.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return 0, err.Error()
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

func TestTraversalAndDotfilesLeakNothing(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{Addr: "127.0.0.1:0"})
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	addr := strings.TrimPrefix(s.URL(), "http://")
	v := s.Version()
	secrets := []string{"TOP SECRET", "SECRET=dotfile", "[core] dotdir"}
	for _, target := range []string{
		"/web/../secret.txt",
		"/web/../../../../etc/passwd",
		"/web/%2e%2e/secret.txt",
		"/web/%2E%2E/%2e%2e/etc/passwd",
		"/web/%252e%252e/secret.txt",
		"/web/..%2fsecret.txt",
		"/web/..%5csecret.txt",
		"/web/..\\secret.txt",
		"/web/icons\\..\\..\\secret.txt",
		"/web/escape.txt",
		"/web/up/secret.txt",
		"/web/.env",
		"/web/%2eenv",
		"/web/.git/config",
		"/web/icons/",
		"/web/",
		"/web",
		"/web/icons",
		"/v/" + v + "/web/.env",
		"/v/" + v + "/web/../secret.txt",
		"/v/" + v + "/web/%2e%2e/secret.txt",
		"/v/" + v + "/web/escape.txt",
		"/v/..%2f..%2fsecret.txt/web/x",
		"/web/app.wasm%00.txt",
		"/.env",
		"/.git/config",
		"/articles/..%2f..%2fsecret.txt",
		"/articles/%2e%2e%2fweb%2f.env",
		"//secret.txt",
		"/web//../secret.txt",
	} {
		status, body := rawGet(t, addr, target)
		for _, secret := range secrets {
			if strings.Contains(body, secret) {
				t.Errorf("GET %s leaked %q (status %d)", target, secret, status)
			}
		}
		switch {
		case status == http.StatusNotFound, status == http.StatusBadRequest:
		case status == http.StatusMovedPermanently && strings.Contains(target, ".."):
			// ServeMux redirects a path with ".." to its clean form, which then gets a 404.
		case status == http.StatusOK && strings.HasPrefix(target, "/web/icons") && !strings.Contains(target, "\\"):
			t.Errorf("GET %s = 200: a directory was listed", target)
		default:
			if status >= 200 && status < 300 {
				t.Errorf("GET %s = %d, want 404 or 400", target, status)
			}
		}
	}
	// The files that are meant to be served still are.
	for _, target := range []string{"/web/verbatim.css", "/web/icons/icon.svg", "/web/data/small.json"} {
		if status, _ := rawGet(t, addr, target); status != 200 {
			t.Errorf("GET %s = %d, want 200", target, status)
		}
	}
}

func TestCleanAssetPath(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"app.wasm", "icons/icon.svg", "fonts/a-b_c.woff2"} {
		if got, ok := cleanAssetPath(p); !ok || got != p {
			t.Errorf("cleanAssetPath(%q) = %q, %v", p, got, ok)
		}
	}
	for _, p := range []string{"", ".", "..", "../x", "a/../b", ".env", "a/.git/config", "a/", "a//b", `a\b`, "a\x00b"} {
		if got, ok := cleanAssetPath(p); ok {
			t.Errorf("cleanAssetPath(%q) = %q, want refused", p, got)
		}
	}
}

func TestWebDirSkipsEscapesAndDotfiles(t *testing.T) {
	t.Parallel()
	logs := &testlog.Buffer{}
	web := fakeWebDir(t)
	files, err := loadWebDir(web, newTestLogger(logs))
	if err != nil {
		t.Fatal(err)
	}
	for name := range files {
		if strings.Contains(name, ".env") || strings.Contains(name, ".git") || name == "escape.txt" || strings.HasPrefix(name, "up/") {
			t.Errorf("loaded %s", name)
		}
	}
	if _, ok := files["icons/icon.svg"]; !ok {
		t.Errorf("icons/icon.svg not loaded")
	}
	if len(logs.Lines("escape.txt")) == 0 {
		t.Errorf("no log line for the symlink out of the root:\n%s", logs)
	}
}
