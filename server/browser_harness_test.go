package server

// The browser harness: every browser test in this package drives a real headless Chromium through
// chromedp, found and started here, one way. requireBrowser finds Chromium ($CHROMIUM, else
// /usr/bin/chromium, chromium, chromium-browser, google-chrome) and checks that the wasm files are
// built; the package's browser tests share one Chromium (sharedBrowser, stopped by TestMain), and
// newTab opens a page in it, in a fresh browser context of its own (a taller window when the test
// asks); evalIn and pollIn evaluate and poll JavaScript in a page or a frame, every wait under the
// one bound browserWait. Without Chromium or the built wasm the tests
// fail, saying what to run (make test-env, make build); -short skips them. They assert behaviour
// only, never timing: a wait polls a condition in the page and fails when it never holds.
//
// The servers the tests start are in browser_server_test.go; what the tests do on Verbatim's own
// pages (wait for app.wasm, paste an import, choose settings) is in browser_pages_test.go.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"verbatim/internal/longtest"
)

// browserWait bounds every wait for a page, a frame or a query: loading and compiling app.wasm on a
// busy two-core machine is slow, and a wait never asserts a duration.
const browserWait = 3 * time.Minute

// browserLife bounds a whole browser, so that a hung page fails its test instead of go test's.
const browserLife = 4 * browserWait

// chromiumNames are where requireBrowser looks for Chromium, after $CHROMIUM.
var chromiumNames = []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"}

// requireBrowser returns Chromium's path. It skips the test under -short, and fails it (never skips)
// when Chromium or the built wasm files are missing, saying what to run.
func requireBrowser(t *testing.T) string {
	t.Helper()
	longtest.Skip(t, "a browser test")
	for _, wasm := range []string{"app.wasm", "parse.wasm"} {
		if _, err := os.Stat(filepath.Join(e2eWebDir, wasm)); err != nil {
			t.Fatalf("web/%s is missing: run make build first (%v)", wasm, err)
		}
	}
	for _, p := range append([]string{os.Getenv("CHROMIUM")}, chromiumNames...) {
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

// tab is one page of the shared headless Chromium, in a browser context of its own (storage, caches,
// cookies, service workers and permissions apart from every other test's), for the server at base,
// and what its pages wrote to the console.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base string

	mu       sync.Mutex
	console  []chromedp.ConsoleMessage
	expected []string // console errors about these URLs are part of the test
}

// cspProbe records CSP violations in the page; it runs before any page script (and, being
// injected by DevTools, is not itself subject to the CSP).
const cspProbe = `window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`

// browserFlags are the flags of the shared Chromium, which suit a shared machine with a
// loopback-only network: no sandbox (the tests may run as root), no GPU, no QUIC, no first-run,
// background networking, component updates or sync; chromedp gives it a fresh profile in a temporary
// folder, removed when it stops. Each tab sets its own window's size (tabWindow).
func browserFlags(exe string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
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
		chromedp.WindowSize(int(defaultWindow.width), int(defaultWindow.height)),
	}
}

// chromium is the one Chromium the package's browser tests share, instead of a browser started (and
// stopped) for each test. ctx is its first tab's context (nil
// before the first browser test); stop ends it. A browser that died is started again. bars is the
// height of the browser's own bars above the page in its first window, which newTab's windows copy.
var chromium struct {
	mu   sync.Mutex
	ctx  context.Context
	stop func()
	bars int64
}

// sharedBrowser returns the shared Chromium's context, starting the browser on first use (or when the
// last one died), failing the test when it cannot.
func sharedBrowser(t *testing.T, exe string) context.Context {
	t.Helper()
	chromium.mu.Lock()
	defer chromium.mu.Unlock()
	if chromium.ctx != nil && chromium.ctx.Err() == nil {
		return chromium.ctx
	}
	stopSharedBrowserLocked()
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), browserFlags(exe)...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	stop := func() { cancelCtx(); cancelAlloc() }
	// The first call starts the browser, on its own unbounded context: it lives until TestMain ends.
	bars, err := chromedp.Run(ctx, chromedp.Evaluate[int64](`outerHeight - innerHeight`))
	if err != nil {
		stop()
		t.Fatalf("starting Chromium: %v", err)
	}
	chromium.ctx, chromium.stop, chromium.bars = ctx, stop, bars
	return ctx
}

// stopSharedBrowser stops the shared Chromium, if a test started it.
func stopSharedBrowser() {
	chromium.mu.Lock()
	defer chromium.mu.Unlock()
	stopSharedBrowserLocked()
}

func stopSharedBrowserLocked() {
	if chromium.stop != nil {
		chromium.stop()
	}
	chromium.ctx, chromium.stop = nil, nil
}

// TestMain runs the package's tests, then stops the Chromium the browser tests shared.
func TestMain(m *testing.M) {
	code := m.Run()
	stopSharedBrowser()
	os.Exit(code)
}

// tabWindow is the size of a tab's window, 1280×900 unless the test asks for another (tallWindow).
type tabWindow struct{ width, height int64 }

// defaultWindow is a tab's window unless the test asks for another.
var defaultWindow = tabWindow{1280, 900}

// tallWindow is the window of a test that needs a tall page (a partner's page with two frames).
var tallWindow = tabWindow{1200, 2400}

// newTab opens a page for the server at base (empty when the test navigates to full URLs) in the
// shared Chromium (sharedBrowser), in a new browser context of its own, so that nothing a page
// stores outlives the test or reaches another test; the page and its context are closed when the
// test ends. Its window is 1280×900, or size when given. The tab records console messages for
// assertClean and CSP violations in window.__csp, and emulates focus, which a headless window lacks
// (the clipboard refuses an unfocused document). A page the test opens from tab.ctx
// (chromedp.NewContext) opens in the same browser context.
func newTab(t *testing.T, base string, size ...tabWindow) *tab {
	t.Helper()
	win := defaultWindow
	if len(size) > 0 {
		win = size[0]
	}
	browserCtx := sharedBrowser(t, requireBrowser(t))
	ctx, cancelCtx := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	ctx, cancelLife := context.WithTimeout(ctx, browserLife)
	t.Cleanup(func() { cancelLife(); cancelCtx() })
	tb := startTab(t, ctx, base)
	tb.resize(win)
	return tb
}

// newOwnBrowserTab is newTab in a Chromium of its own with a fresh profile on disk, stopped when the
// test ends, for a test of what a browser context the shared Chromium makes lacks: such a context is
// off the record (incognito), where Chromium offers no app to install.
func newOwnBrowserTab(t *testing.T, base string) *tab {
	t.Helper()
	flags := append(browserFlags(requireBrowser(t)), chromedp.UserDataDir(t.TempDir()))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), flags...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelLife := context.WithTimeout(ctx, browserLife)
	t.Cleanup(func() { cancelLife(); cancelCtx(); cancelAlloc() })
	return startTab(t, ctx, base)
}

// startTab makes the tab of ctx's page, not yet started, and starts it: the probes and focus newTab
// describes.
func startTab(t *testing.T, ctx context.Context, base string) *tab {
	t.Helper()
	tb := &tab{t: t, ctx: ctx, base: base}
	// The first call creates the page (and starts its browser or makes its browser context), on the
	// tab's own context: a later call bounded by a shorter one does not close the page with it.
	tb.onNewDocument(cspProbe)
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
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	return tb
}

// resize sizes the tab's window so that its page has the viewport the first window of a Chromium
// started with --window-size=width,height has (a page of its own before the shared browser): a window
// a tab opens has less of the browser's own bars above its page than a browser's first window. The
// window changes after SetWindowBounds returns, so it waits for the viewport.
func (tb *tab) resize(win tabWindow) {
	tb.t.Helper()
	w, err := chromedp.CallBrowser(tb.ctx, browser.GetWindowForTarget, browser.GetWindowForTargetParams{TargetID: chromedp.FromContext(tb.ctx).Target.TargetID})
	if err != nil {
		tb.t.Fatalf("finding the tab's window: %v", err)
	}
	bars := eval[int64](tb, `outerHeight - innerHeight`)
	if _, err := chromedp.CallBrowser(tb.ctx, browser.SetWindowBounds, browser.SetWindowBoundsParams{
		WindowID: w.WindowID,
		Bounds:   &browser.Bounds{Width: win.width, Height: win.height - chromium.bars + bars, WindowState: browser.WindowStateNormal},
	}); err != nil {
		tb.t.Fatalf("sizing the tab's window: %v", err)
	}
	// Read, not polled: a poll in a page that has loaded nothing yet never starts.
	want := []int64{win.width, win.height - chromium.bars}
	for deadline := time.Now().Add(browserWait); ; time.Sleep(50 * time.Millisecond) {
		got := eval[[]int64](tb, `[innerWidth, innerHeight]`)
		if slices.Equal(got, want) {
			return
		}
		if time.Now().After(deadline) {
			tb.t.Fatalf("the tab's viewport is %v, want %v", got, want)
		}
	}
}

// browserContextOf is the browser context of ctx's page: the one the tab that ctx comes from made,
// for a browser-wide command (a permission, downloads, cookies) that must reach the test's own
// context and not the shared browser's default one. A context without one (a frame's) fails the test.
func browserContextOf(t *testing.T, ctx context.Context) cdp.BrowserContextID {
	t.Helper()
	id := chromedp.FromContext(ctx).BrowserContextID
	if id == "" {
		t.Fatal("the page's context names no browser context of its own: pass the tab's context")
	}
	return id
}

// evalIn evaluates a JavaScript expression (awaiting a promise) in ctx's page or frame, and decodes
// its value into T.
func evalIn[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, browserWait)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	for i := 0; i < 20 && err != nil && strings.Contains(err.Error(), "Cannot find context with specified id") && ctx.Err() == nil; i++ {
		// chromedp asked in the execution context of the document before the last navigation: the
		// expression did not run. Ask again once the new document's context is known.
		time.Sleep(100 * time.Millisecond)
		v, err = chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	}
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// pollIn waits until a JavaScript condition holds in ctx's page or frame; what says what is awaited.
// The condition may be a promise, and an exception counts as "not yet" (see tolerant).
func pollIn(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	if err := poll(ctx, cond, browserWait); err != nil {
		t.Fatalf("waiting for %s (%s): %v", what, cond, err)
	}
}

// poll is pollIn's wait, for the few tests that handle a timeout themselves (a retry), under a
// bound of their own no longer than browserWait. A navigation that ends the page's execution
// context while a poll is asked for or runs (one the page makes itself, a refresh or the reload into
// a new version; or chromedp still holding the context of the document before the last Navigate,
// which CI run 34 met: "Cannot find context with specified id") starts the poll again in the new
// document, within the same bound: the condition, not the navigation, decides the wait.
func poll(ctx context.Context, cond string, bound time.Duration) error {
	deadline := time.Now().Add(bound)
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](tolerant(cond), chromedp.WithPollingTimeout(time.Until(deadline)), chromedp.WithPollingInterval(100*time.Millisecond)))
		if err == nil || !contextGone(err) || time.Until(deadline) < 200*time.Millisecond || ctx.Err() != nil {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// contextGone reports whether err says that the page's execution context went away under a call:
// the document was replaced, so the call can be made again in the new one.
func contextGone(err error) bool {
	msg := err.Error()
	for _, s := range [...]string{"Cannot find context with specified id", "Execution context was destroyed", "Inspected target navigated or closed"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// tolerant wraps a polled condition so that an exception (an element missing while go-app rebuilds
// the page, say) counts as "not yet" instead of ending the wait: the wait still fails, with its
// message, when the condition never holds. A condition may be a promise; it is awaited.
func tolerant(cond string) string {
	return "(async () => { try { return !!(await (" + cond + ")); } catch (e) { return false; } })()"
}

// eval is evalIn in the tab's page.
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	return evalIn[T](tb.t, tb.ctx, expr)
}

// waitFor is pollIn in the tab's page. When the wait fails, the failure also says where the page
// is and what it says (see pageState), and what its console printed: a wait that times out on a
// loaded CI machine must tell why without a rerun.
func (tb *tab) waitFor(what, cond string) {
	tb.t.Helper()
	if err := poll(tb.ctx, cond, browserWait); err != nil {
		tb.t.Fatalf("waiting for %s (%s): %v\n%s", what, cond, err, tb.pageState())
	}
}

// pageStateJS collects, in the page, its address, whether app.wasm has it, its scroll position and
// focused element, and the text of its visible status and alert regions as rendered (their hidden
// parts, such as a hidden banner, left out), the import's message among them.
const pageStateJS = `(() => {
	const focusName = (e) => !e ? "nothing" : e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.getAttribute("href") ? "[href=" + e.getAttribute("href") + "]" : "");
	const said = [...document.querySelectorAll('[role="status"], [role="alert"], .import-message')]
		.filter((e) => !e.checkVisibility || e.checkVisibility())
		.map((e) => (e.id ? "#" + e.id + ": " : "") + e.innerText.trim().replace(/\s+/g, " ").slice(0, 300)).filter((s) => !s.endsWith(": ") && s !== "");
	return ["location " + location.href, "title " + document.title,
		"app " + (document.documentElement.getAttribute("data-app") || "(no wasm)"),
		"service worker " + (navigator.serviceWorker && navigator.serviceWorker.controller ? "controls the page" : "none"),
		"visibility " + document.visibilityState + (document.hasFocus() ? ", focused" : ""),
		"scrolled to " + Math.round(scrollX) + "," + Math.round(scrollY) + ", the focus on " + focusName(document.activeElement)].concat(said);
})()`

// storeStateJS asks the page's store (offline.js's window.verbatimStore) for its library, within
// 5 s: whether the browser's storage answers, and which articles it holds; then whether a
// connection of its own opens the database and reads, within 5 s more.
const storeStateJS = `(async () => {
	const s = window.verbatimStore;
	if (!s) {
		return "no store in the page";
	}
	const late = new Promise((_, fail) => setTimeout(() => fail(new Error("no answer in 5 s")), 5000));
	let said;
	try {
		const l = await Promise.race([s.list(), late]);
		said = "the store holds " + (l.entries || []).map((e) => e.id).join(", ") + (l.corrupt ? " and " + l.corrupt + " damaged" : "");
	} catch (e) {
		said = "the store: " + (e && e.message);
	}
	// A connection of the probe's own, beside the store's: does the browser open the database?
	const t0 = performance.now();
	const own = await new Promise((ok) => {
		const r = indexedDB.open("verbatim");
		r.onsuccess = () => {
			const db = r.result;
			const tx = db.transaction(db.objectStoreNames, "readonly");
			tx.oncomplete = () => { db.close(); ok("opened and read in " + Math.round(performance.now() - t0) + " ms"); };
			tx.onabort = () => { db.close(); ok("opened, its read aborted: " + (tx.error && tx.error.name)); };
		};
		r.onerror = () => ok("open failed: " + (r.error && r.error.name));
		r.onblocked = () => ok("open blocked");
		setTimeout(() => ok("no answer to open in 5 s"), 5000);
	});
	return said + "; a new connection: " + own;
})()`

// pageState reports the page's state (pageStateJS), what its store holds (storeStateJS) and its
// console's messages, for a failed wait. It waits at most 15 s: a page that cannot answer is
// reported as such.
func (tb *tab) pageState() string {
	var b strings.Builder
	ctx, cancel := context.WithTimeout(tb.ctx, 15*time.Second)
	defer cancel()
	if lines, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](pageStateJS)); err != nil {
		fmt.Fprintf(&b, "the page did not answer: %v\n", err)
	} else {
		b.WriteString("the page: " + strings.Join(lines, "; ") + "\n")
		if st, err := chromedp.Run(ctx, chromedp.Evaluate[string](storeStateJS, chromedp.EvalAwaitPromise)); err == nil {
			b.WriteString(st + "\n")
		}
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, m := range tb.console {
		fmt.Fprintf(&b, "console %s: %.300s (%s)\n", m.Type, m.Text, m.URL)
	}
	return b.String()
}

// do runs actions, failing the test on an error.
func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, browserWait) // a query waits for its element: bound it
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.t.Fatal(err)
	}
}

// scrollSettledJS resolves once the page's scroll position has stayed put for three frames in a row,
// or after 3 s.
const scrollSettledJS = `new Promise((ok) => {
	let last = "", same = 0;
	const step = () => {
		const at = scrollX + "," + scrollY;
		same = at === last ? same + 1 : 0;
		last = at;
		if (same >= 3) {
			ok(true);
		} else {
			requestAnimationFrame(step);
		}
	};
	requestAnimationFrame(step);
	setTimeout(() => ok(true), 3000); // a page that paints no frames (one in the background) scrolls neither
})`

// click clicks, as a mouse does, the centre of the first element that matches the CSS selector sel,
// once the page has stopped scrolling. The page scrolls smoothly (verbatim.css, unless the reader
// asks for reduced motion), so a scroll that a focus move just started goes on while chromedp
// scrolls the element into view and reads its place, and the click lands beside it: that is how
// TestE2ELibraryShowMore lost its second "Show more" in about 1 run in 5 under load.
func (tb *tab) click(sel string) {
	tb.t.Helper()
	eval[bool](tb, scrollSettledJS)
	tb.do(chromedp.Click(chromedp.CSS(sel)))
}

// open navigates to path on the tab's server (or to path itself, a full URL, when base is empty).
func (tb *tab) open(path string) {
	tb.t.Helper()
	tb.do(chromedp.Navigate(tb.base + path))
}

// key presses one key on the focused element.
func (tb *tab) key(k string) {
	tb.t.Helper()
	tb.do(chromedp.KeyEvent(k))
}

// onNewDocument runs script in every page of the tab before the page's own scripts (a probe; being
// injected by DevTools, it is not subject to the CSP).
func (tb *tab) onNewDocument(script string) {
	tb.t.Helper()
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
		tb.t.Fatal(err)
	}
}

// grantClipboard lets the pages of origins (the tab's server when none is given) read and write the
// clipboard without a prompt.
func (tb *tab) grantClipboard(origins ...string) {
	tb.t.Helper()
	if len(origins) == 0 {
		origins = []string{tb.base}
	}
	for _, origin := range origins {
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			_, err := chromedp.CallBrowser(tb.ctx, browser.SetPermission, browser.SetPermissionParams{
				Permission:       &browser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
				Setting:          browser.PermissionSettingGranted,
				Origin:           origin,
				BrowserContextID: browserContextOf(tb.t, tb.ctx),
			})
			if err != nil {
				tb.t.Fatalf("granting %s to %s: %v", name, origin, err)
			}
		}
	}
}

// expectErrorsFor tells assertClean that console errors about URLs containing s are expected (a
// 404 the test asks for).
func (tb *tab) expectErrorsFor(s string) {
	tb.mu.Lock()
	tb.expected = append(tb.expected, s)
	tb.mu.Unlock()
}

// blockWasm makes the browser refuse every *.wasm request of the tab, as a phone that has not yet
// fetched app.wasm, and expects the console errors that follows: the refused fetch and, on a page
// that boots app.wasm, go-app's report that it failed.
func (tb *tab) blockWasm() {
	tb.t.Helper()
	if _, err := chromedp.Call(tb.ctx, network.Enable, network.EnableParams{}); err != nil {
		tb.t.Fatal(err)
	}
	if _, err := chromedp.Call(tb.ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{
		URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/*.wasm", Block: true}},
	}); err != nil {
		tb.t.Fatal(err)
	}
	tb.expectErrorsFor(".wasm")
	tb.expectErrorsFor("/app.js")
	tb.expectErrorsFor("loading wasm failed")
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

func (tb *tab) String() string { return fmt.Sprintf("tab(%s)", tb.base) }

// frameContext returns a context attached to the out-of-process frame (a frame of another site) in
// ctx's browser context whose URL starts with prefix, for evalIn and pollIn, waiting up to
// browserWait for it to appear.
func frameContext(t *testing.T, ctx context.Context, prefix string) context.Context {
	t.Helper()
	bc := browserContextOf(t, ctx) // the shared browser lists every test's frames
	var found *target.Info
	deadline := time.Now().Add(browserWait)
	for found == nil && time.Now().Before(deadline) {
		infos, err := chromedp.Targets(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, info := range infos {
			if info.Type == "iframe" && info.BrowserContextID == bc && strings.HasPrefix(info.URL, prefix) {
				found = info
			}
		}
		if found == nil {
			time.Sleep(100 * time.Millisecond)
		}
	}
	if found == nil {
		t.Fatalf("no frame target for %s", prefix)
	}
	fctx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(found.TargetID))
	t.Cleanup(cancel)
	// Attach now, on the unbounded context: evalIn and pollIn bound their calls, and the first
	// call's context would end the attachment with it.
	if err := chromedp.Do(fctx); err != nil {
		t.Fatalf("attaching to the frame %s: %v", found.URL, err)
	}
	return fctx
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
