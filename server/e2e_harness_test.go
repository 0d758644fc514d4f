package server

// The end-to-end harness: the real server (NewServer, Start) on 127.0.0.1:0 and a real headless
// Chromium driven by chromedp. The tests need web/app.wasm (make build) and Chromium (make test-env);
// without them they fail and say so. They assert behaviour only, never timing: every wait polls a
// condition in the page, under a generous bound.

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"verbatim/article/model"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
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
// server the tests start.
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
		wasm, err := os.ReadFile(filepath.Join(webDir, "app.wasm"))
		if err != nil {
			webErr = err
			return
		}
		var br, gz bytes.Buffer
		bw := brotli.NewWriterLevel(&br, brotli.BestSpeed)
		bw.Write(wasm)
		bw.Close()
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestSpeed)
		zw.Write(wasm)
		zw.Close()
		if webErr = os.WriteFile(filepath.Join(webDir, "app.wasm.br"), br.Bytes(), 0o644); webErr != nil {
			return
		}
		webErr = os.WriteFile(filepath.Join(webDir, "app.wasm.gz"), gz.Bytes(), 0o644)
	})
	if webErr != nil {
		t.Fatalf("preparing the web folder for the browser tests: %v", webErr)
	}
	return webDir
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

// e2eWait bounds every wait for the page: loading and compiling app.wasm on a busy two-core
// machine is slow, and a wait never asserts a duration.
const e2eWait = 90 * time.Second

var (
	sharedOnce   sync.Once
	sharedServer *Server
	sharedErr    error
)

// requireE2E fails the test when what the browser tests need is missing.
func requireE2E(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests are skipped with -short")
	}
	if _, err := os.Stat(filepath.Join(e2eWebDir, "app.wasm")); err != nil {
		t.Fatalf("web/app.wasm is missing: run make build first (%v)", err)
	}
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	t.Fatalf("Chromium is missing: run make test-env (or apt-get install chromium), or set $CHROMIUM")
	return ""
}

// startE2EServer starts a server of its own, with cfg (the address, web folder and content
// directory it leaves empty are a free loopback port, the built web folder and the samples), for a
// test that stops it or needs content of its own. The server is closed when the test ends.
func startE2EServer(t *testing.T, cfg Config) *Server {
	t.Helper()
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	if cfg.WebDir == "" {
		cfg.WebDir = e2eWeb(t)
	}
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	s, err := NewServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// e2eServer returns the server the browser tests share. Building one compresses app.wasm, so the
// tests that do not stop it share one for the whole run.
func e2eServer(t *testing.T) *Server {
	t.Helper()
	web := e2eWeb(t)
	sharedOnce.Do(func() {
		s, err := NewServer(Config{Addr: "127.0.0.1:0", WebDir: web, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
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

// tab is one headless Chromium with a fresh profile, and what its pages wrote to the console.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base string

	mu       sync.Mutex
	console  []chromedp.ConsoleMessage
	expected []string // console errors about these URLs are part of the test
}

// expectErrorsFor tells assertClean that console errors about URLs containing s are expected (a
// 404 the test asks for).
func (tb *tab) expectErrorsFor(s string) {
	tb.mu.Lock()
	tb.expected = append(tb.expected, s)
	tb.mu.Unlock()
}

// cspProbe records CSP violations in the page; it runs before any page script (and, being
// injected by DevTools, is not itself subject to the CSP).
const cspProbe = `window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`

// newTab starts Chromium with a fresh user data dir, for the server at base.
func newTab(t *testing.T, base string) *tab {
	t.Helper()
	exe := requireE2E(t)
	alloc, cancelAlloc := newChromium(t, exe, 1280, 900)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 10*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	tb := &tab{t: t, ctx: ctx, base: base}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			tb.mu.Lock()
			tb.console = append(tb.console, m)
			tb.mu.Unlock()
		}
	}()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspProbe}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	return tb
}

// onNewDocument runs script in every page of the tab before the page's own scripts (a probe; being
// injected by DevTools, it is not subject to the CSP).
func (tb *tab) onNewDocument(script string) {
	tb.t.Helper()
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
		tb.t.Fatal(err)
	}
}

// do runs actions, failing the test on an error.
func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, e2eWait) // a query waits for its element: bound it
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression (awaiting a promise) and decodes its value into T.
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it is true; what says what is awaited.
func (tb *tab) waitFor(what, cond string) {
	tb.t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](tolerant(cond), chromedp.WithPollingTimeout(e2eWait), chromedp.WithPollingInterval(100*time.Millisecond))); err != nil {
		tb.t.Fatalf("waiting for %s (%s): %v", what, cond, err)
	}
}

// open navigates to path on the server.
func (tb *tab) open(path string) {
	tb.t.Helper()
	tb.do(chromedp.Navigate(tb.base + path))
}

// wasmReady is true once app.wasm runs the page: the pages set data-app="wasm" on <html> once
// mounted (components.ApplySettings). data-theme alone no longer says so: web/theme.js sets the saved
// settings before the first paint, and app.js removes its loader before go-app mounts the page.
// The reader mounts its quote panel in a task after its first mount, its aside aria-busy until then.
const wasmReady = `document.documentElement.dataset.app === "wasm" && !document.getElementById("app-wasm-loader") && !document.querySelector('[aria-busy="true"]')`

// waitWasm waits until app.wasm has taken the page over.
func (tb *tab) waitWasm() {
	tb.t.Helper()
	tb.waitFor("app.wasm to take over", wasmReady)
}

// pasteImport puts text in /import's form, with its format, as a user pasting would (the input and
// change events go-app listens to).
func (tb *tab) pasteImport(text, format string) {
	tb.t.Helper()
	eval[bool](tb, fmt.Sprintf(`(() => {
		const t = document.getElementById("import-text");
		t.value = %s;
		t.dispatchEvent(new Event("input", {bubbles: true}));
		const f = document.getElementById("import-format");
		f.value = %q;
		f.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`, jsString(text), format))
}

// chooseSettings opens the sample article and, in its reading settings, chooses theme and font and
// one step larger text, as a user would, waiting for each to apply.
func (tb *tab) chooseSettings(theme, font string) {
	tb.t.Helper()
	tb.open("/article/" + sampleID)
	tb.waitWasm()
	tb.do(chromedp.Click(chromedp.CSS(".controls summary")))
	set := `(() => { const s = document.getElementById(%q); s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`
	eval[bool](tb, fmt.Sprintf(set, "set-theme", theme))
	tb.waitFor("the "+theme+" theme", fmt.Sprintf(`document.documentElement.dataset.theme === %q`, theme))
	eval[bool](tb, fmt.Sprintf(set, "set-font", font))
	tb.waitFor("the "+font+" font", fmt.Sprintf(`document.documentElement.dataset.font === %q`, font))
	tb.do(chromedp.Click(chromedp.ID("size-up")))
	tb.waitFor("a larger size", `document.documentElement.dataset.size === "5"`)
}

// key presses one key on the focused element.
func (tb *tab) key(k string) {
	tb.t.Helper()
	tb.do(chromedp.KeyEvent(k))
}

// grantClipboard lets the page read and write the clipboard without a prompt.
func (tb *tab) grantClipboard() {
	tb.t.Helper()
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.CallBrowser(tb.ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
			Setting:    browser.PermissionSettingGranted,
			Origin:     tb.base,
		})
		if err != nil {
			tb.t.Fatalf("granting %s: %v", name, err)
		}
	}
}

// assertClean fails when the pages logged an error or exception, or broke the CSP.
func (tb *tab) assertClean() {
	tb.t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
next:
	for _, m := range tb.console {
		for _, e := range tb.expected {
			if strings.Contains(m.URL, e) {
				continue next
			}
		}
		if m.Type == chromedp.ConsoleError || m.IsException() || strings.Contains(m.Text, "Content Security Policy") {
			tb.t.Errorf("console %s: %s (%s)", m.Type, m.Text, m.URL)
		}
	}
	if v := eval[[]string](tb, `window.__csp || []`); len(v) > 0 {
		tb.t.Errorf("CSP violations: %v", v)
	}
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

// markStats are counts of the quote marks in the page.
type markStats struct {
	Marks    int  `json:"marks"`
	Quotes   int  `json:"quotes"`
	Speakers int  `json:"speakers"`
	Unmarked bool `json:"unmarked"` // an element inside a mark lacks data-quote-id on its mark
}

const markStatsJS = `(() => {
  const marks = [...document.querySelectorAll("mark")];
  return {
    marks: marks.length,
    quotes: new Set(marks.map((m) => m.dataset.quoteId)).size,
    speakers: new Set(marks.filter((m) => m.dataset.speakerId).map((m) => m.dataset.speakerId)).size,
    unmarked: marks.some((m) => !m.dataset.quoteId),
  };
})()`

func (tb *tab) marks() markStats {
	tb.t.Helper()
	return eval[markStats](tb, markStatsJS)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func (tb *tab) String() string { return fmt.Sprintf("tab(%s)", tb.base) }

// tolerant wraps a polled condition so that an exception (an element missing while go-app rebuilds
// the page, say) counts as "not yet" instead of ending the wait: the wait still fails, with its
// message, when the condition never holds. A condition may be a promise; it is awaited.
func tolerant(cond string) string {
	return "(async () => { try { return !!(await (" + cond + ")); } catch (e) { return false; } })()"
}

// newChromium returns an allocator for a headless Chromium at exe with the flags this machine needs
// (no sandbox as root, no GPU, no QUIC, no background networking, updates or sync: the network is
// loopback only) and a fresh profile in a temporary folder, with a window of w×h.
func newChromium(t *testing.T, exe string, w, h int) (context.Context, context.CancelFunc) {
	return chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(w, h),
	)
}
