package server

// The servers the browser tests talk to: the real server (NewServer, Start) on a free loopback port
// with the built web folder, and small pages of other origins (a partner's page, a look-alike) on
// loopback too. The browser itself is in browser_harness_test.go.

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
	"verbatim/article/model"
	"verbatim/internal/longtest"

	brrr "github.com/molecule-man/go-brrr"
)

// e2eWebDir is the repository's web folder, seen from the server package.
const e2eWebDir = "../web"

var (
	webOnce sync.Once
	webDir  string
	webErr  error
)

// e2eWeb returns a copy of the web folder with app.wasm.br and app.wasm.gz beside app.wasm,
// compressed once at the fastest levels: the server uses files precompressed beside their original
// instead of compressing app.wasm itself, which under the race detector takes minutes for each
// server the tests start. Under the race detector parse.wasm gets its own too: make test's race pass
// starts one such server (the one TestEmbedNothingPostsToStar shares), which would otherwise compress
// the 10 MB parse.wasm itself (25 s more CPU). Without it, the server compresses parse.wasm once per
// process and keeps it (its memo), which costs the long pass less than checking precompressed files
// again at each of its many servers' starts (about a second each).
func e2eWeb(t *testing.T) string {
	t.Helper()
	webOnce.Do(func() {
		// Remove the copies earlier runs left behind; a run still going (another go test) is younger.
		stale, _ := filepath.Glob(filepath.Join(os.TempDir(), "verbatim-e2e-web-*"))
		for _, d := range stale {
			if st, err := os.Stat(d); err == nil && time.Since(st.ModTime()) > 6*time.Hour {
				os.RemoveAll(d)
			}
		}
		if webDir, webErr = os.MkdirTemp("", "verbatim-e2e-web-"); webErr != nil {
			return
		}
		if webErr = copyTree(e2eWebDir, webDir, ""); webErr != nil {
			return
		}
		wasms := []string{"app.wasm"}
		if raceEnabled {
			wasms = append(wasms, "parse.wasm")
		}
		for _, name := range wasms {
			if webErr = precompress(filepath.Join(webDir, name)); webErr != nil {
				return
			}
		}
	})
	if webErr != nil {
		t.Fatalf("preparing the web folder for the browser tests: %v", webErr)
	}
	return webDir
}

// precompress writes path.br and path.gz beside path, at the fastest levels.
func precompress(path string) error {
	body, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var gz bytes.Buffer
	br, err := brrr.Compress(body, brrr.BestSpeed)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestSpeed)
	zw.Write(body)
	zw.Close()
	if err := os.WriteFile(path+".br", br, 0o644); err != nil {
		return err
	}
	return os.WriteFile(path+".gz", gz.Bytes(), 0o644)
}

// copyTree copies the folder src to dst, appending extra to verbatim.css (so that a copy can be a
// different build).
func copyTree(src, dst, extra string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if rel == "verbatim.css" {
			b = append(b, extra...)
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
}

// e2eConfig fills in what cfg leaves empty for a browser test's server: the built web folder (from
// e2eWeb) and a logger that discards. An empty address is a free loopback port once started.
func e2eConfig(t *testing.T, cfg Config) Config {
	t.Helper()
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	if cfg.WebDir == "" {
		cfg.WebDir = e2eWeb(t)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return cfg
}

// startE2EServer starts a server of its own, with cfg (the address, web folder and content
// directory it leaves empty are a free loopback port, the built web folder and the samples), for a
// browser test that stops it or needs content of its own. The server is closed when the test ends.
// Under -short it skips the test first, as requireBrowser would a moment later: only browser tests
// start these servers, and one costs the race pass 10-30 seconds of loading the web folder (checking
// app.wasm's precompressed files, brotli 11 on the scripts and styles) for a test that then skips.
func startE2EServer(t *testing.T, cfg Config) *Server {
	t.Helper()
	longtest.Skip(t, "a browser test")
	s, err := NewServer(e2eConfig(t, cfg))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var (
	sharedOnce   sync.Once
	sharedServer *Server
	sharedErr    error
)

// e2eServer returns the server the browser tests share, with the samples. Building one loads the
// web folder, so the tests that neither stop it nor need content of their own share one for the
// whole run.
func e2eServer(t *testing.T) *Server {
	t.Helper()
	cfg := e2eConfig(t, Config{})
	sharedOnce.Do(func() {
		s, err := NewServer(cfg)
		if err != nil {
			sharedErr = err
			return
		}
		if err := s.Start(context.Background()); err != nil {
			sharedErr = err
			return
		}
		sharedServer = s
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedServer
}

// serveLoopback serves h on a free loopback port until the test ends, and returns the port.
func serveLoopback(t *testing.T, h http.Handler) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().(*net.TCPAddr).Port
}

// staticPage serves one HTML page.
func staticPage(body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, body)
	})
}

// fetchArticle reads /articles/{id}.json from the server, as the page does.
func fetchArticle(t *testing.T, base string, id string) *model.Article {
	t.Helper()
	res, err := http.Get(base + "/articles/" + id + ".json")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var a model.Article
	if err := json.NewDecoder(res.Body).Decode(&a); err != nil {
		t.Fatalf("decoding %s: %v", id, err)
	}
	return &a
}
