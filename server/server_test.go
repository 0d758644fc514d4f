package server

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
	"verbatim/internal/testlog"
)

func TestGracefulShutdownFinishesRequestsInFlight(t *testing.T) {
	t.Parallel()
	s, logs, res, head, big := startBigDownload(t)

	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()

	rest, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("the request in flight was cut: %v", err)
	}
	if got, want := len(head)+len(rest), len(big); got != want {
		t.Fatalf("read %d bytes, want %d", got, want)
	}
	if err := <-closed; err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := http.Get(s.URL() + "/healthz"); err == nil {
		t.Errorf("the server still answers after Close")
	}
	if len(logs.Lines("server stopped")) != 1 {
		t.Errorf("no 'server stopped' log line")
	}
	if w := append(logs.Lines("closing the listener"), logs.Lines("still in flight")...); len(w) != 0 {
		t.Errorf("Close logged warnings: %q", w)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// TestCloseWithoutLoad closes a server that has no connection: at once, cleanly, and for good.
func TestCloseWithoutLoad(t *testing.T) {
	t.Parallel()
	s, logs := newTestServer(t, Config{Addr: "127.0.0.1:0"})
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := http.Get(s.URL() + "/healthz"); err == nil {
		t.Errorf("the server still answers after Close")
	}
	if w := append(logs.Lines("closing the listener"), logs.Lines("still in flight")...); len(w) != 0 {
		t.Errorf("Close logged warnings: %q", w)
	}
	if e := logs.Lines("level=ERROR"); len(e) != 0 {
		t.Errorf("Close logged errors: %q", e)
	}
	if err := s.Start(context.Background()); err == nil {
		t.Errorf("Start after Close succeeded")
	}

	unstarted, _ := newTestServer(t, Config{Addr: "127.0.0.1:0"})
	if err := unstarted.Close(); err != nil {
		t.Errorf("Close of a server never started: %v", err)
	}
}

// TestAbortCutsCloseShort aborts a Close that waits for a download in flight: Close returns the
// cancellation, and the download is cut.
func TestAbortCutsCloseShort(t *testing.T) {
	t.Parallel()
	s, _, res, head, big := startBigDownload(t)
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	s.Abort()
	if err := <-closed; !errors.Is(err, context.Canceled) {
		t.Errorf("Close after Abort: %v, want context.Canceled", err)
	}
	rest, err := io.ReadAll(res.Body)
	if err == nil && len(head)+len(rest) == len(big) {
		t.Errorf("the download was not cut")
	}
}

func TestServerTimeoutsAreSet(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{Addr: "127.0.0.1:0"})
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	srv := s.srv
	if srv.HeaderReceived == nil || srv.ReadTimeout == 0 || srv.WriteTimeout == 0 || srv.IdleTimeout == 0 || srv.ReadBufferSize == 0 || srv.MaxRequestBodySize == 0 {
		t.Errorf("timeouts: read %v write %v idle %v read buffer %d max body %d", srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout, srv.ReadBufferSize, srv.MaxRequestBodySize)
	}
	req, _ := http.NewRequest("GET", s.URL()+"/healthz", nil)
	req.Header.Set("X-Big", strings.Repeat("a", 64<<10))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("64 KiB of headers: status %d, want 431", res.StatusCode)
	}
}

func TestHealthz(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	res, body := do(t, s.Handler(), "GET", "/healthz", nil)
	var h struct {
		Status   string
		Version  string
		Articles int
	}
	if err := json.Unmarshal([]byte(body), &h); err != nil || res.StatusCode != 200 {
		t.Fatalf("status %d, %v", res.StatusCode, err)
	}
	if h.Status != "ok" || h.Version != s.Version() || h.Articles != 3 {
		t.Errorf("healthz = %+v", h)
	}
}

// TestHealthzDrains checks the readiness flag: /healthz answers 200 "ok" until Close begins, then
// 503 "draining" while the requests in flight finish, and after.
func TestHealthzDrains(t *testing.T) {
	t.Parallel()
	s, _, res, head, big := startBigDownload(t)
	health := func() (int, string, string) {
		r, body := do(t, s.Handler(), "GET", "/healthz", nil)
		var h struct{ Status, Version string }
		if err := json.Unmarshal([]byte(body), &h); err != nil || h.Version != s.Version() {
			t.Fatalf("healthz body %q: %v", body, err)
		}
		return r.StatusCode, h.Status, r.Header.Get("Cache-Control")
	}
	if code, status, _ := health(); code != http.StatusOK || status != "ok" {
		t.Fatalf("before Close: %d %q, want 200 ok", code, status)
	}
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	code, status, cache := 0, "", ""
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if code, status, cache = health(); code != http.StatusOK {
			break
		}
	}
	if code != http.StatusServiceUnavailable || status != "draining" || cache != "no-store" {
		t.Errorf("while Close waits for a download: %d %q (Cache-Control %q), want 503 draining, no-store", code, status, cache)
	}
	rest, err := io.ReadAll(res.Body)
	if err != nil || len(head)+len(rest) != len(big) {
		t.Errorf("the download in flight got %d bytes of %d: %v", len(head)+len(rest), len(big), err)
	}
	if err := <-closed; err != nil {
		t.Fatalf("Close: %v", err)
	}
	if code, status, _ := health(); code != http.StatusServiceUnavailable || status != "draining" {
		t.Errorf("after Close: %d %q, want 503 draining", code, status)
	}
}

// startBigDownload starts a server with a 16 MiB image (never compressed: it exceeds any socket
// buffer) and a download of it, and returns once the first KiB has arrived: a request in flight.
// The response body is closed when the test ends.
func startBigDownload(t *testing.T) (s *Server, logs *testlog.Buffer, res *http.Response, head []byte, big string) {
	t.Helper()
	web := fakeWebDir(t)
	big = strings.Repeat("\x00", 16<<20)
	writeFiles(t, web, map[string]string{"big.png": big})
	s, logs = newTestServer(t, Config{Addr: "127.0.0.1:0", WebDir: web})
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	res, err := http.Get(s.URL() + "/web/big.png")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	head = make([]byte, 1024)
	if _, err := io.ReadFull(res.Body, head); err != nil {
		t.Fatal(err)
	}
	return s, logs, res, head, big
}
