package main

// The XSS corpus in real headless Chromium (issue 6, item 1). Every payload of
// ../shared/corpora/xss/payloads.jsonl goes in as an article through every route: the content
// folder of a real server (the prerendered page, then the page app.wasm runs) and the /import
// page in the browser, as HTML and as Markdown. Payloads are batched, fifty an article, each after
// a marker paragraph, so the whole corpus needs a few dozen page loads.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"verbatim/article"
	"verbatim/internal/shared"
)

// xssPayload is one line of payloads.jsonl.
type xssPayload struct {
	ID      string `json:"id"`
	Source  string `json:"source"`
	Payload string `json:"payload"`
}

// loadXSSPayloads reads the corpus, or skips the test with a clear message when it is absent.
func loadXSSPayloads(t *testing.T) []xssPayload {
	t.Helper()
	f, err := os.Open(shared.Require(t, "corpora/xss/payloads.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []xssPayload
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p xssPayload
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("payloads.jsonl: %v", err)
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// xssHooks replaces alert, confirm, prompt and print, and wraps console, before any page script
// runs: each call from anything but the app's own code (app.js and app.wasm) is recorded in
// window.__xss.
const xssHooks = `(() => {
  window.__xss = [];
  const show = (args) => args.map((a) => { try { return String(a); } catch (e) { return "?"; } }).join(",").slice(0, 100);
  for (const f of ["alert", "confirm", "prompt", "print"]) {
    window[f] = function (...args) { window.__xss.push(f + "(" + show(args) + ") at " + location.pathname); };
  }
  for (const f of ["log", "info", "warn", "error", "debug", "trace", "dir", "table"]) {
    const orig = console[f];
    console[f] = function (...args) {
      const callers = (new Error().stack || "").split("\n").slice(2).join("\n");
      if (!/\/app\.js|wasm|__puppeteer_evaluation_script__/.test(callers)) {
        window.__xss.push("console." + f + "(" + show(args) + ") at " + location.pathname);
      }
      return orig.apply(console, args);
    };
  }
})();`

// xssDOMCheck lists what must never be in the page once an article has rendered: event handler
// attributes, script URLs, and active or styling elements inside the article.
const xssDOMCheck = `(() => {
  const bad = [];
  const urlAttrs = ["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "background", "poster", "lowsrc", "dynsrc", "cite", "srcset", "ping"];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      const n = a.name.toLowerCase();
      const v = a.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
      if (n.startsWith("on")) bad.push(el.tagName + "[" + n + "]");
      if (urlAttrs.includes(n) && (/^(javascript|vbscript|livescript):/.test(v) || (v.startsWith("data:") && !v.startsWith("data:image/")))) bad.push(el.tagName + "[" + n + "=" + v.slice(0, 40) + "]");
    }
  }
  const art = document.querySelector(".article");
  if (art) {
    for (const el of art.querySelectorAll("script,iframe,frame,frameset,object,embed,applet,style,link,base,meta,form,input,button,textarea,select,svg,math,template,video,audio,source,portal,[autofocus],[style],[srcdoc],[formaction]")) {
      bad.push("in the article: " + el.outerHTML.slice(0, 80));
    }
  }
  for (const el of document.querySelectorAll("base,meta[http-equiv]")) bad.push(el.outerHTML.slice(0, 80));
  return bad;
})()`

// xssPageState is what one rendered article left behind.
type xssPageState struct {
	Scripts []string `json:"scripts"` // hooked calls: a payload ran
	CSP     []string `json:"csp"`
	DOM     []string `json:"dom"`
	Markers int      `json:"markers"`
}

const xssStateJS = `({scripts: window.__xss || ["the hooks are missing"], csp: window.__csp || [], dom: ` + xssDOMCheck + `,
  markers: new Set((document.querySelector(".article")?.textContent || "").match(/xss-mark-\d+/g) || []).size})`

// xssRequests records every request the page makes, and judges it: only the server's origin, and
// images from http, https or data, are allowed.
type xssRequests struct {
	mu       sync.Mutex
	base     string
	total    int
	images   int // images from other origins, which the policy allows
	offences []string
}

func (r *xssRequests) add(ev *network.EventRequestWillBeSent) {
	r.mu.Lock()
	defer r.mu.Unlock()
	u := ev.Request.URL
	r.total++
	switch {
	case strings.HasPrefix(u, r.base+"/"), u == r.base:
	case ev.Type == network.ResourceTypeImage && (strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "data:image/")):
		r.images++
	default:
		r.offences = append(r.offences, fmt.Sprintf("%s %.120s", ev.Type, u))
	}
}

// watch starts recording the tab's requests and dialogs.
func (r *xssRequests) watch(t *testing.T, tb *tab, dialogs *[]string, mu *sync.Mutex) {
	go func() {
		for ev, err := range chromedp.Events(tb.ctx, network.RequestWillBeSent) {
			if err != nil {
				return
			}
			r.add(&ev)
		}
	}()
	go func() {
		for ev, err := range chromedp.Events(tb.ctx, page.JavascriptDialogOpening) {
			if err != nil {
				return
			}
			mu.Lock()
			*dialogs = append(*dialogs, string(ev.Type)+": "+ev.Message)
			mu.Unlock()
			go chromedp.Call(tb.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: xssHooks}); err != nil {
		t.Fatal(err)
	}
}

// xssBatch is one article of the corpus: its title, and its source as HTML and as Markdown.
type xssBatch struct {
	n              int
	first, count   int
	html, markdown string
}

// xssBatches cuts the payloads into articles of size payloads, each payload after a marker paragraph.
func xssBatches(payloads []xssPayload, size int) []xssBatch {
	var out []xssBatch
	for i := 0; i < len(payloads); i += size {
		b := xssBatch{n: len(out) + 1, first: i, count: min(size, len(payloads)-i)}
		var h, m strings.Builder
		fmt.Fprintf(&h, "<!doctype html><html lang=en><head><meta charset=utf-8><title>XSS batch %02d</title></head><body><article><h1>XSS batch %02d</h1>\n", b.n, b.n)
		fmt.Fprintf(&m, "# XSS batch %02d\n\n", b.n)
		for j, p := range payloads[i : i+b.count] {
			fmt.Fprintf(&h, "<p>Paragraph xss-mark-%d holds payload %s, and enough words of its own that the reader keeps it.</p>\n%s\n", i+j, p.ID, p.Payload)
			fmt.Fprintf(&m, "Paragraph xss-mark-%d holds payload %s, and enough words of its own that the reader keeps it.\n\n%s\n\n", i+j, p.ID, p.Payload)
		}
		h.WriteString("</article></body></html>\n")
		b.html, b.markdown = h.String(), m.String()
		out = append(out, b)
	}
	return out
}

// xssTally adds up what the pages of one route left behind.
type xssTally struct {
	pages, markers, possible int
	scripts, csp, dom        []string
}

func (x *xssTally) add(where string, st xssPageState, possible int) {
	x.pages++
	x.possible += possible
	x.markers += st.Markers
	for _, s := range st.Scripts {
		x.scripts = append(x.scripts, where+": "+s)
	}
	for _, s := range st.CSP {
		x.csp = append(x.csp, where+": "+s)
	}
	for _, s := range st.DOM {
		x.dom = append(x.dom, where+": "+s)
	}
}

// TestE2EXSSCorpus renders the whole XSS corpus through every route in headless Chromium, and checks
// that no script ran, nothing but images left the origin, the CSP saw no violation, nothing active
// reached the DOM, and that sanitizing is idempotent on every payload (the Go side).
func TestE2EXSSCorpus(t *testing.T) {
	payloads := loadXSSPayloads(t)
	requireE2E(t)

	// The Go side: Sanitize is idempotent on every payload, and every format ends in an error or
	// in an Article with no markup in its text.
	parsed := map[article.Format]int{}
	for _, p := range payloads {
		once := article.Sanitize(p.Payload)
		if twice := article.Sanitize(once); twice != once {
			t.Errorf("%s: sanitizing again changed the output:\n%q\n%q", p.ID, once, twice)
		}
		for _, f := range []article.Format{article.FormatFragment, article.FormatHTML, article.FormatMarkdown, article.FormatText} {
			a, err := article.Parse(strings.NewReader(p.Payload), article.Options{Format: f})
			if err != nil {
				continue
			}
			parsed[f]++
			for _, b := range a.Blocks {
				for _, r := range b.Runs {
					if r.Href != "" && !strings.HasPrefix(r.Href, "http://") && !strings.HasPrefix(r.Href, "https://") && !strings.HasPrefix(r.Href, "mailto:") {
						t.Errorf("%s (%s): a link to %q", p.ID, f, r.Href)
					}
				}
				if b.Src != "" && !strings.HasPrefix(b.Src, "http://") && !strings.HasPrefix(b.Src, "https://") && !strings.HasPrefix(b.Src, "data:image/") {
					t.Errorf("%s (%s): an image from %q", p.ID, f, b.Src)
				}
			}
		}
	}
	t.Logf("Go side: %d payloads sanitized twice, all stable; parsed to an article: fragment %d, html %d, markdown %d, text %d",
		len(payloads), parsed[article.FormatFragment], parsed[article.FormatHTML], parsed[article.FormatMarkdown], parsed[article.FormatText])

	batches := xssBatches(payloads, 50)
	content := t.TempDir()
	for _, b := range batches {
		writeFiles(t, content, map[string]string{
			fmt.Sprintf("xss-html-%02d.html", b.n): b.html,
			fmt.Sprintf("xss-md-%02d.md", b.n):     b.markdown,
		})
		if once := article.Sanitize(b.html); article.Sanitize(once) != once {
			t.Errorf("batch %d: sanitizing the whole batch again changed it", b.n)
		}
	}
	s, err := NewServer(Config{Addr: "127.0.0.1:0", ContentDir: content, WebDir: e2eWebDir, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var ids []string
	countOf := map[string]int{}
	for _, b := range batches {
		h, m := fmt.Sprintf("xss-html-%02d", b.n), fmt.Sprintf("xss-md-%02d", b.n)
		ids = append(ids, h, m)
		countOf[h], countOf[m] = b.count, b.count
	}
	if got, want := len(s.lib.order), len(ids); got != want {
		t.Fatalf("the server loaded %d of the %d batch articles: some failed to parse", got, want)
	}
	titleOf := func(id string) string { return "XSS batch " + id[len(id)-2:] }

	routes := map[string]*xssTally{}
	var order []string
	route := func(name string) *xssTally {
		if routes[name] == nil {
			routes[name] = &xssTally{}
			order = append(order, name)
		}
		return routes[name]
	}
	var reqs []*xssRequests
	var dialogs []string
	var dmu sync.Mutex
	newXSSTab := func() *tab {
		tb := newTab(t, s.URL())
		r := &xssRequests{base: s.URL()}
		r.watch(t, tb, &dialogs, &dmu)
		reqs = append(reqs, r)
		return tb
	}
	titled := func(title string) string {
		return fmt.Sprintf(`(document.getElementById("article-title")?.textContent || "").includes(%q)`, title)
	}

	// 1. The content folder, prerendered: app.js and app.wasm are blocked, so what renders is the
	// server's HTML alone.
	pre := newXSSTab()
	if _, err := chromedp.Call(pre.ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{
		{URLPattern: "*://*:*/app.js", Block: true}, {URLPattern: "*://*:*/*.wasm", Block: true}}}); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		pre.open("/article/" + id)
		pre.waitFor(id+" prerendered", titled(titleOf(id))+` && document.readyState === "complete"`)
		route("content folder, prerendered").add(id, eval[xssPageState](pre, xssStateJS), countOf[id])
	}

	// 2. The content folder after app.wasm takes over: one load, then navigation inside the app.
	wasm := newXSSTab()
	for i, id := range ids {
		if i == 0 {
			wasm.open("/article/" + id)
			wasm.waitWasm()
		} else {
			eval[bool](wasm, fmt.Sprintf(`history.pushState({}, "", %q), dispatchEvent(new PopStateEvent("popstate")), true`, "/article/"+id))
		}
		wasm.waitFor(id+" rendered by app.wasm", titled(titleOf(id))+` && !!document.querySelector(".article-body")`)
		route("content folder, app.wasm").add(id, eval[xssPageState](wasm, xssStateJS), countOf[id])
	}

	// 3. Import in the browser, as HTML (page and fragment) and as Markdown.
	imp := newXSSTab()
	imp.open("/import")
	imp.waitWasm()
	for _, b := range batches {
		for _, tc := range []struct{ format, src string }{{"html", b.html}, {"fragment", b.html}, {"markdown", b.markdown}} {
			where := fmt.Sprintf("batch %02d as %s", b.n, tc.format)
			imp.waitFor("the import form", `!!document.getElementById("import-text")`)
			eval[bool](imp, fmt.Sprintf(`(() => {
				const t = document.getElementById("import-text");
				t.value = %s;
				t.dispatchEvent(new Event("input", {bubbles: true}));
				const f = document.getElementById("import-format");
				f.value = %q;
				f.dispatchEvent(new Event("change", {bubbles: true}));
				return true;
			})()`, jsString(tc.src), tc.format))
			imp.do(chromedp.Click(chromedp.ID("import-submit")))
			imp.waitFor(where+" to be read", `location.pathname.startsWith("/article/my-") || /could not|too large|empty|not text/.test(document.getElementById("import-message")?.textContent || "")`)
			if msg := eval[string](imp, `location.pathname.startsWith("/article/my-") ? "" : document.getElementById("import-message").textContent`); msg != "" {
				t.Fatalf("%s: the import failed: %s", where, msg)
			}
			imp.waitFor(where+" imported", `location.pathname.startsWith("/article/my-") && `+titled(fmt.Sprintf("XSS batch %02d", b.n)))
			route("import, "+tc.format).add(where, eval[xssPageState](imp, xssStateJS), b.count)
			eval[bool](imp, `history.pushState({}, "", "/import"), dispatchEvent(new PopStateEvent("popstate")), true`)
		}
	}

	// The verdict, with the counts.
	for _, name := range order {
		x := routes[name]
		t.Logf("%-28s %3d pages, %4d of %d payload markers rendered; %d scripts ran, %d CSP violations, %d active DOM items",
			name+":", x.pages, x.markers, x.possible, len(x.scripts), len(x.csp), len(x.dom))
		for _, s := range x.scripts {
			t.Errorf("a script ran: %s", s)
		}
		for _, s := range x.csp {
			t.Errorf("CSP violation: %s", s)
		}
		for _, s := range x.dom {
			t.Errorf("active DOM: %s", s)
		}
	}
	total, images := 0, 0
	for _, r := range reqs {
		r.mu.Lock()
		total += r.total
		images += r.images
		for _, o := range r.offences {
			t.Errorf("a request left the origin: %s", o)
		}
		r.mu.Unlock()
	}
	dmu.Lock()
	for _, d := range dialogs {
		t.Errorf("a dialog opened: %s", d)
	}
	dmu.Unlock()
	t.Logf("requests: %d in all, %d images from other origins (allowed by img-src), %d dialogs", total, images, len(dialogs))
}
