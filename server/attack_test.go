package server

// Attacks on the real server, over loopback only: every connection here goes to 127.0.0.1. The
// server's own tests (webroot_test.go, server_test.go, assets_test.go) cover the common cases; these
// add every traversal encoding on every route, a symlink out of the content folder, slowloris,
// header floods, range floods over a real socket, and shutdown under load.

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
	"verbatim/internal/drain"
)

// startAttackServer starts a server with the stub parser, a fake web folder (with a dotfile, a
// secret beside it and symlinks out of it) and a content folder that holds a symlink to a secret
// outside it. It returns the server and its host:port.
func startAttackServer(t *testing.T) (*Server, string) {
	t.Helper()
	outside := t.TempDir()
	writeFiles(t, outside, map[string]string{"outside.txt": "Outside\n\nTOP SECRET outside the content folder"})
	content := t.TempDir()
	writeFiles(t, content, map[string]string{
		"story.txt":  "A story\n\n“Quoted words,” she said.",
		".draft.txt": "Draft\n\nSECRET=dotfile draft",
	})
	if err := os.Symlink(filepath.Join(outside, "outside.txt"), filepath.Join(content, "leak.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(content, "up")); err != nil {
		t.Fatal(err)
	}
	s, _ := newTestServer(t, Config{Addr: "127.0.0.1:0", ContentDir: content})
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	addr := strings.TrimPrefix(s.URL(), "http://")
	if host, _, _ := net.SplitHostPort(addr); host != "127.0.0.1" {
		t.Fatalf("the server listens on %s, not loopback", addr)
	}
	return s, addr
}

// traversals are ways of writing "../" (and "/" and ".") that servers have been fooled by: plain,
// percent-encoded once and twice, overlong UTF-8, backslashes, doubled slashes, and mixed.
var traversals = []string{
	"../", "..%2f", "..%2F", "%2e%2e/", "%2E%2E%2F", "%2e%2e%2f", ".%2e/", "%2e./",
	"%252e%252e/", "%252e%252e%252f", "..%252f", "%c0%ae%c0%ae/", "%c0%ae%c0%ae%c0%af", "%e0%80%ae%e0%80%ae/",
	"..%c0%af", "..%c1%9c", `..\`, "..%5c", "..%255c", `.\.\`, "....//", "..;/", "..%00/", "%2e%2e%5c",
	"//../", "/./../", "./../",
}

// TestAttackTraversalEveryEncodingEveryRoute asks every route for the secrets outside its root,
// through every traversal encoding and depth, and for absolute paths and dotfiles. Nothing leaks;
// nothing but the routes' own content is ever a 2xx.
func TestAttackTraversalEveryEncodingEveryRoute(t *testing.T) {
	t.Parallel()
	s, addr := startAttackServer(t)
	v := s.Version()
	secrets := []string{"TOP SECRET", "SECRET=", "[core] dotdir", "root:x:0:0"}
	prefixes := []string{"/", "/web/", "/web/icons/", "/v/" + v + "/web/", "/articles/", "/article/", "/embed/", "/oembed/", "/import/"}
	targets := []string{"secret.txt", "etc/passwd", "outside.txt", ".env", ".git/config"}
	var reqs []string
	for _, p := range prefixes {
		for _, tr := range traversals {
			for depth := 1; depth <= 4; depth += 3 {
				for _, target := range targets {
					reqs = append(reqs, p+strings.Repeat(tr, depth)+target)
				}
			}
		}
	}
	// Absolute paths and the other forms of request target, and dotfiles and symlinks by name.
	reqs = append(reqs,
		"/etc/passwd", "//etc/passwd", "///etc/passwd", "/%2fetc%2fpasswd", "/web//etc/passwd", "/web/%2fetc%2fpasswd",
		"/web/C:%5cWindows%5cwin.ini", `/web/C:\Windows\win.ini`, "/web/file:///etc/passwd",
		"http://127.0.0.1/../../etc/passwd", "http://evil.example/web/../secret.txt",
		"/.env", "/web/.env", "/web/.git/config", "/web/.git/", "/web/%2egit/config", "/web/.%65nv",
		"/articles/.draft.json", "/articles/draft.json", "/articles/leak.json", "/articles/up.json",
		"/article/leak", "/article/draft", "/embed/leak", "/web/escape.txt", "/web/up/secret.txt",
	)
	leaks, ok2xx := 0, 0
	for _, target := range reqs {
		status, body := rawGet(t, addr, target)
		for _, secret := range secrets {
			if strings.Contains(body, secret) {
				leaks++
				t.Errorf("GET %s leaked %q (status %d)", target, secret, status)
			}
		}
		if status >= 200 && status < 300 {
			ok2xx++
			// Only go-app's pages may answer 2xx to an odd path (the library page for "/"
			// patterns); a page never holds a secret, checked above. A file route must not.
			for _, p := range []string{"/web/", "/v/", "/articles/", "/oembed/"} {
				if strings.HasPrefix(target, p) {
					t.Errorf("GET %s = %d, want 4xx", target, status)
				}
			}
		}
	}
	// The index of articles names only the one real article.
	_, index := rawGet(t, addr, "/articles/index.json")
	if !strings.Contains(index, `"story"`) || strings.Contains(index, "leak") || strings.Contains(index, "draft") || strings.Contains(index, "outside") {
		t.Errorf("index.json = %s, want the story only", index)
	}
	t.Logf("%d traversal requests: %d leaks, %d answered 2xx (prerendered pages only)", len(reqs), leaks, ok2xx)
}

// TestAttackSlowlorisIsClosed sends a request's headers one byte every 500 ms and never ends
// them: the server must close the connection once its header timeout (5 s, not configurable)
// has passed, however slowly bytes keep coming. The bound waited for is generous; no duration is
// asserted.
func TestAttackSlowlorisIsClosed(t *testing.T) {
	t.Parallel()
	_, addr := startAttackServer(t)
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := fmt.Fprintf(conn, "GET /healthz HTTP/1.1\r\nHost: %s\r\nX-Slow: ", addr); err != nil {
		t.Fatal(err)
	}
	closed := make(chan error, 1)
	go func() {
		// Reading returns once the server closes: EOF, a reset, or a 408 then EOF.
		_, err := io.ReadAll(conn)
		closed <- err
	}()
	giveUp := time.After(60 * time.Second)
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	sent := 0
	for {
		select {
		case <-closed:
			t.Logf("the server closed the half-sent request after %d trickled bytes", sent)
			return
		case <-tick.C:
			if _, err := conn.Write([]byte("a")); err == nil {
				sent++
			}
		case <-giveUp:
			t.Fatalf("the connection is still open after 60 s of a request that never ends (%d bytes trickled)", sent)
		}
	}
}

// TestAttackHeaderFloods sends too many headers, one huge header and a huge request line: each
// gets 431 (or 414 for the line), never a 200 or a hung connection.
func TestAttackHeaderFloods(t *testing.T) {
	t.Parallel()
	_, addr := startAttackServer(t)
	var many strings.Builder
	for i := range 4000 {
		fmt.Fprintf(&many, "X-H%d: %d\r\n", i, i)
	}
	for _, tc := range []struct {
		name, request string
		want          []int
	}{
		{"4,000 headers", "GET /healthz HTTP/1.1\r\nHost: h\r\n" + many.String() + "\r\n", []int{431}},
		{"one 1 MiB header", "GET /healthz HTTP/1.1\r\nHost: h\r\nX-Big: " + strings.Repeat("a", 1<<20) + "\r\n\r\n", []int{431}},
		{"a 1 MiB request line", "GET /" + strings.Repeat("a", 1<<20) + " HTTP/1.1\r\nHost: h\r\n\r\n", []int{431, 414}},
		{"a 1 MiB cookie", "GET / HTTP/1.1\r\nHost: h\r\nCookie: " + strings.Repeat("c=1; ", 200<<10) + "\r\n\r\n", []int{431}},
	} {
		conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		conn.SetDeadline(time.Now().Add(30 * time.Second))
		go io.WriteString(conn, tc.request) // the server may answer and close before reading it all
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Errorf("%s: no response: %v", tc.name, err)
			conn.Close()
			continue
		}
		res.Body.Close()
		conn.Close()
		ok := false
		for _, w := range tc.want {
			ok = ok || res.StatusCode == w
		}
		if !ok {
			t.Errorf("%s: status %d, want %v", tc.name, res.StatusCode, tc.want)
		}
	}
}

// TestAttackRangeFloods asks the real server for 900 ranges, overlapping and disjoint, of each kind
// of resource: every answer is refused (416) or bounded (a 200 with the representation once, or a
// 206 no bigger than a few times it).
func TestAttackRangeFloods(t *testing.T) {
	t.Parallel()
	s, addr := startAttackServer(t)
	base := "http://" + addr
	var disjoint, whole, suffix []string
	for i := range 900 {
		disjoint = append(disjoint, fmt.Sprintf("%d-%d", i*3, i*3+1))
		whole = append(whole, "0-")
		suffix = append(suffix, "-100000")
	}
	for _, path := range []string{"/articles/story.json", "/articles/index.json", "/web/verbatim.css", "/v/" + s.Version() + "/web/app.wasm", "/app.js", "/embed.js"} {
		full, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		fullBody, _ := io.ReadAll(full.Body)
		full.Body.Close()
		if full.StatusCode != 200 {
			t.Fatalf("GET %s = %d", path, full.StatusCode)
		}
		for name, ranges := range map[string][]string{"disjoint": disjoint, "overlapping 0-": whole, "suffixes": suffix} {
			for _, enc := range []string{"identity", "br"} {
				req, _ := http.NewRequest("GET", base+path, nil)
				req.Header.Set("Range", "bytes="+strings.Join(ranges, ","))
				req.Header.Set("Accept-Encoding", enc)
				res, err := http.DefaultTransport.RoundTrip(req)
				if err != nil {
					t.Fatalf("%s, 900 %s ranges: %v", path, name, err)
				}
				n, _ := io.Copy(io.Discard, io.LimitReader(res.Body, 64<<20))
				res.Body.Close()
				limit := int64(3*len(fullBody) + 64<<10)
				switch {
				case res.StatusCode == http.StatusRequestedRangeNotSatisfiable:
				case res.StatusCode == 200 || res.StatusCode == 206:
					if n > limit {
						t.Errorf("%s, 900 %s ranges (%s): %d bytes for a %d-byte file", path, name, enc, n, len(fullBody))
					}
				default:
					t.Errorf("%s, 900 %s ranges (%s): status %d", path, name, enc, res.StatusCode)
				}
			}
		}
	}
}

// TestAttackShutdownUnderLoadDropsNothing runs 64 clients, each sending requests back to back on
// fresh and kept-alive connections, and closes the server in the middle. Every request that
// reaches the server gets a whole and right response: never a truncated body, a wrong status, or a
// connection reset or closed before any response (as a server's Shutdown alone gives to the
// connections in the listen backlog and to a first request read after it began; see Server.Close).
// A connection refused is no drop: the request never reached the server, and the client knows it.
// (Where the server's drain.Drainer cannot keep the listen backlog, requests without response are
// only logged.) /healthz answers 503 "draining" from the moment Close begins, which is its whole
// and right response then.
// A keep-alive client's request on a connection the server closed while idle is retried by the
// transport, as HTTP/1.1 clients do for GET; only the retry's outcome counts.
func TestAttackShutdownUnderLoadDropsNothing(t *testing.T) {
	t.Parallel()
	s, addr := startAttackServer(t)
	base := "http://" + addr
	want := map[string][]byte{}
	for _, p := range []string{"/articles/story.json", "/web/verbatim.css", "/healthz"} {
		res, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		want[p] = b
	}
	paths := []string{"/articles/story.json", "/web/verbatim.css", "/healthz"}
	var ok, refused, unanswered, bad atomic.Int64
	var started sync.WaitGroup
	var wg sync.WaitGroup
	stop := make(chan struct{})
	started.Add(64)
	for c := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tr := &http.Transport{DisableKeepAlives: c%2 == 0, MaxIdleConnsPerHost: 1}
			kind := "keep-alive"
			if tr.DisableKeepAlives {
				kind = "a connection a request"
			}
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr, Timeout: 60 * time.Second}
			first := true
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				p := paths[(c+i)%len(paths)]
				res, err := client.Get(base + p)
				if first {
					first = false
					started.Done()
				}
				if err != nil {
					switch {
					case isRefused(err):
						refused.Add(1)
					case isUnanswered(err):
						unanswered.Add(1)
						report := t.Errorf
						if !drain.KeepsBacklog {
							report = t.Logf
						}
						report("client %d (%s), GET %s: no response: %v", c, kind, p, err)
					default:
						bad.Add(1)
						t.Errorf("client %d (%s), GET %s: %v", c, kind, p, err)
					}
					return // the server is closing: later requests are refused too
				}
				body, err := io.ReadAll(res.Body)
				res.Body.Close()
				if err != nil || !rightResponse(p, res.StatusCode, body, want[p]) {
					bad.Add(1)
					t.Errorf("client %d (%s), GET %s: status %d, %d bytes, %v", c, kind, p, res.StatusCode, len(body), err)
					return
				}
				ok.Add(1)
			}
		}()
	}
	started.Wait()
	for ok.Load() < 2000 && bad.Load() == 0 {
		time.Sleep(10 * time.Millisecond)
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	close(stop)
	wg.Wait()
	t.Logf("shutdown under load: %d full responses, %d refused connections, %d reset or closed before any response, %d truncated or wrong",
		ok.Load(), refused.Load(), unanswered.Load(), bad.Load())
	if bad.Load() > 0 {
		t.Errorf("%d requests got a truncated or wrong response", bad.Load())
	}
	if unanswered.Load() > 0 {
		if drain.KeepsBacklog {
			t.Errorf("%d requests reached the server and got no response", unanswered.Load())
		} else {
			t.Logf("%d requests got no response: on this system, closing the listener resets the connections it had queued", unanswered.Load())
		}
	}
}

// rightResponse reports whether status and body are a right answer to GET p, whose body is want
// before Close: the same, or for /healthz its readiness (200 "ok", or 503 "draining" once Close
// began).
func rightResponse(p string, status int, body, want []byte) bool {
	if p != "/healthz" {
		return status == http.StatusOK && string(body) == string(want)
	}
	var h struct{ Status string }
	if json.Unmarshal(body, &h) != nil {
		return false
	}
	return (status == http.StatusOK && h.Status == "ok") || (status == http.StatusServiceUnavailable && h.Status == "draining")
}

// isUnanswered reports whether err, from a request that got no response, is a connection reset or
// closed by the server (the body of a response is read apart, and judged apart).
func isUnanswered(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) || errors.Is(err, io.EOF)
}

// isRefused reports whether err is a connection refused while dialing: the request never reached
// the server.
func isRefused(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial" && errors.Is(err, syscall.ECONNREFUSED)
}

// TestAttackSmugglingIsRefused sends requests whose body framing is ambiguous or broken, each
// followed by a second request a front-end proxy and this server might split differently. The
// server must answer 400 (501 for a transfer coding it does not know, as net/http's server did),
// run no handler, and close the connection, so that the request hidden in the body is never
// answered.
func TestAttackSmugglingIsRefused(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{Addr: "127.0.0.1:0"})
	var ran atomic.Int64
	h := s.handler
	s.handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ran.Add(1)
		h.ServeHTTP(w, r)
	})
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	addr := strings.TrimPrefix(s.URL(), "http://")
	const hidden = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
	for _, c := range []struct {
		name, head, body string
		status           int
	}{
		{"Transfer-Encoding and Content-Length", "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n" + hidden, 400},
		{"Content-Length and Transfer-Encoding", "Transfer-Encoding: chunked\r\nContent-Length: 40\r\n", "0\r\n\r\n" + hidden, 400},
		{"Content-Length with a space before the colon", "Transfer-Encoding: chunked\r\nContent-Length : 40\r\n", "0\r\n\r\n" + hidden, 400},
		{"Transfer-Encoding in capitals", "CONTENT-LENGTH: 4\r\nTRANSFER-ENCODING: chunked\r\n", "0\r\n\r\n" + hidden, 400},
		{"two Content-Lengths", "Content-Length: 2\r\nContent-Length: 40\r\n", "{}" + hidden, 400},
		{"Content-Length list", "Content-Length: 2, 40\r\n", "{}" + hidden, 400},
		{"signed Content-Length", "Content-Length: +2\r\n", "{}" + hidden, 400},
		{"bad chunk size", "Transfer-Encoding: chunked\r\n", "zz\r\n{}\r\n0\r\n\r\n" + hidden, 400},
		{"chunk size overflow", "Transfer-Encoding: chunked\r\n", "ffffffffffffffffff\r\n{}\r\n0\r\n\r\n" + hidden, 400},
		{"chunk without its CRLF", "Transfer-Encoding: chunked\r\n", "2\r\n{}XX0\r\n\r\n" + hidden, 400},
		{"unknown transfer coding", "Transfer-Encoding: xchunked\r\n", "0\r\n\r\n" + hidden, 501},
		{"two transfer codings", "Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n" + hidden, 501},
	} {
		for _, target := range []string{"POST " + fetchPath, "GET /articles/index.json"} {
			t.Run(c.name+" "+target, func(t *testing.T) {
				before := ran.Load()
				conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
				if err != nil {
					t.Fatal(err)
				}
				defer conn.Close()
				conn.SetDeadline(time.Now().Add(10 * time.Second))
				fmt.Fprintf(conn, "%s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n%s\r\n%s", target, addr, c.head, c.body)
				br := bufio.NewReader(conn)
				res, err := http.ReadResponse(br, nil)
				if err != nil {
					t.Fatalf("reading the response: %v", err)
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != c.status {
					t.Errorf("status %d, want %d", res.StatusCode, c.status)
				}
				if n := ran.Load() - before; n != 0 {
					t.Errorf("the handler ran %d times", n)
				}
				if next, err := http.ReadResponse(br, nil); err == nil {
					t.Errorf("a second response (%d) on the connection: the hidden request was answered", next.StatusCode)
				}
			})
		}
	}
}
