package server

import (
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"verbatim/article/model"
	"verbatim/internal/testlog"

	"verbatim/article"
)

// stubParse is a small stand-in for article.Parse, so that the server's tests do not depend on the
// quote engine: the first line is the title, each later paragraph a block, except a paragraph
// "Published: DATE", which sets the published date. An input that contains "BROKEN" fails, like a file
// the real parser refuses.
func stubParse(r io.Reader, opts article.Options) (*model.Article, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	text := strings.TrimSpace(string(b))
	if text == "" {
		return nil, model.ErrEmpty
	}
	if strings.Contains(text, "BROKEN") {
		return nil, errors.New("the parser refused this test file")
	}
	paras := strings.Split(text, "\n\n")
	a := &model.Article{
		ID: opts.ID, Title: strings.TrimLeft(paras[0], "# "), Byline: "Test Author", Site: "Test Site",
		Excerpt: "An excerpt with <markup> & \"quotes\".", Format: opts.Format,
	}
	for i, p := range paras[1:] {
		if date, ok := strings.CutPrefix(p, "Published: "); ok {
			a.Published = date
			continue
		}
		a.Blocks = append(a.Blocks, model.Block{ID: model.BlockID("b" + string(rune('0'+i))), Kind: model.KindParagraph, Text: p})
		a.Words += len(strings.Fields(p))
	}
	a.ReadingMinutes = 1
	return a, nil
}

// writeFiles writes files (slash paths → contents) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fakeWasm is big and repetitive enough to compress, and is not a real wasm module: the header and
// encoding tests do not need one.
var fakeWasm = "\x00asm\x01\x00\x00\x00" + strings.Repeat("fake wasm body for the server tests; ", 1000)

// fakeCSS is the fake web folder's style sheet: a relative font URL the server must make absolute
// when it inlines the sheet, and CRLF line ends it must make LF, as the browser does before hashing.
var fakeCSS = "@font-face { font-family: F; src: url(fonts/fake-400.woff2) format(\"woff2\"); }\r\n" +
	"body { font-family: serif; }\r\n" + strings.Repeat("p { margin: 0 0 1em; }\n", 40)

// fakeSettingsJS is the fake web folder's settings bootstrap.
const fakeSettingsJS = "(function () { document.documentElement.setAttribute(\"data-fake\", \"1\"); })();\n"

// fakeWebDir returns a small web folder in a temporary directory, with a dotfile and a secret next
// to it that must never be served.
func fakeWebDir(t *testing.T) string {
	t.Helper()
	top := t.TempDir()
	writeFiles(t, top, map[string]string{
		"secret.txt":                 "TOP SECRET outside the web root",
		"web/app.wasm":               fakeWasm,
		"web/verbatim.css":           fakeCSS,
		"web/page/settings.js":       fakeSettingsJS,
		"web/page/reader.js":         "\"use strict\"; // reader.js\n",
		"web/page/offline.js":        "\"use strict\"; // offline.js\n",
		"web/page/embed-frame.js":    "\"use strict\"; // embed-frame.js\n",
		"web/partner/embed.js":       "\"use strict\"; // embed.js\n",
		"web/icons/icon.svg":         `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>`,
		"web/icons/icon-192.png":     "\x89PNG fake 192",
		"web/icons/icon-512.png":     "\x89PNG fake 512",
		"web/icons/maskable-512.png": "\x89PNG fake maskable",
		"web/.env":                   "SECRET=dotfile",
		"web/.git/config":            "[core] dotdir",
		"web/data/small.json":        `{"ok":true}`,
		"web/robots.txt":             "User-agent: *\nAllow: /\n",
	})
	if err := os.Symlink(filepath.Join(top, "secret.txt"), filepath.Join(top, "web", "escape.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(top, filepath.Join(top, "web", "up")); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(top, "web")
}

// fakeContentDir returns a content folder with two good articles and one the parser refuses.
func fakeContentDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"Harbour Ferry.md":  "# Harbour ferry stays\n\n“We keep it,” Voss said.",
		"harbour-ferry.txt": "Harbour ferry, again\n\nA second file with the same slug.",
		"broken.html":       "<p>BROKEN</p>",
		".hidden.txt":       "Hidden\n\nnever loaded",
		"notes.pdf":         "not an article format",
	})
	return dir
}

// newTestServer builds a server on a fake web folder with the stub parser; cfg may set anything
// else. It returns the server and its log.
func newTestServer(t *testing.T, cfg Config) (*Server, *testlog.Buffer) {
	t.Helper()
	logs := &testlog.Buffer{}
	if cfg.WebDir == "" {
		cfg.WebDir = fakeWebDir(t)
	}
	if cfg.parse == nil {
		cfg.parse = stubParse
	}
	cfg.Logger = newTestLogger(logs)
	s, err := NewServer(cfg)
	if err != nil {
		t.Fatalf("NewServer: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, logs
}

// do runs one request through h and returns the response, with its body read.
func do(t *testing.T, h http.Handler, method, target string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func newTestLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }
