package server

// XSS payloads in real headless Chromium (issue 6, item 1). Every payload of the committed subset
// (article/testdata/xss.txtar, the project's own) and, when ../shared holds it, of the corpus
// (../shared/corpora/xss/payloads.jsonl, third-party) goes in as an article through every route: the
// content folder of a real server (the prerendered page, then the page app.wasm runs) and the
// /import page in the browser, as HTML and as Markdown. Payloads are batched, fifty an article, each
// after a marker paragraph, so the whole corpus needs a few dozen page loads; each route is a test of
// its own.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"

	"verbatim/article"
	"verbatim/article/model"
	"verbatim/internal/articlecheck"
	"verbatim/internal/shared"
)

// xssPayload is one payload: a file of the committed subset, or a line of the corpus's
// payloads.jsonl.
type xssPayload struct {
	ID      string `json:"id"`
	Payload string `json:"payload"`
}

// xssSubsetFile holds the XSS payloads of the project's own making, one txtar file each; article's
// TestXSSSubset runs them through the parser.
const xssSubsetFile = "../article/testdata/xss.txtar"

// loadXSSPayloads returns the payloads of the committed subset and, when ../shared holds the corpus,
// the corpus's after them. Without the corpus the test runs on the subset alone, and says so
// (shared.Optional).
func loadXSSPayloads(t *testing.T) []xssPayload {
	t.Helper()
	ar, err := txtar.ParseFile(xssSubsetFile)
	if err != nil {
		t.Fatal(err)
	}
	var out []xssPayload
	for _, f := range ar.Files {
		out = append(out, xssPayload{ID: f.Name, Payload: strings.TrimSuffix(string(f.Data), "\n")})
	}
	if len(out) == 0 {
		t.Fatalf("%s holds no payload", xssSubsetFile)
	}
	p, ok := shared.Optional(t, "corpora/xss/payloads.jsonl", fmt.Sprintf("on the %d payloads of %s only", len(out), xssSubsetFile))
	if !ok {
		return out
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
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
      if (urlAttrs.includes(n) && (/^(javascript|vbscript|livescript):/.test(v) || v.startsWith("data:"))) bad.push(el.tagName + "[" + n + "=" + v.slice(0, 40) + "]");
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

// xssFrameCheck is xssDOMCheck as a function of a window, for same-origin frames.
var xssFrameCheck = "((win) => { const document = win.document; return " + xssDOMCheck + "; })"

// xssPageState is what one rendered article left behind.
type xssPageState struct {
	Scripts []string `json:"scripts"` // hooked calls: a payload ran
	CSP     []string `json:"csp"`
	DOM     []string `json:"dom"`
	Markers int      `json:"markers"`
	// Own are the numbers of the markers that begin a paragraph of the article's own, and End
	// whether the batch's end marker does (xssVouched).
	Own []int `json:"own"`
	End bool  `json:"end"`
}

// xssOwnJS lists the markers that begin a paragraph of the article, and says whether the end marker
// does, as xssPageState's own and end.
const xssOwnJS = `own: [...(document.querySelector(".article")?.querySelectorAll("p") || [])].map((p) => /^\s*Paragraph xss-mark-(\d+) holds payload /.exec(p.textContent)).filter(Boolean).map((m) => +m[1]),
  end: [...(document.querySelector(".article")?.querySelectorAll("p") || [])].some((p) => /^\s*Paragraph xss-end-\d+ closes the batch/.test(p.textContent))`

const xssStateJS = `({scripts: window.__xss || ["the hooks are missing"], csp: window.__csp || [], dom: ` + xssDOMCheck + `,
  markers: new Set((document.querySelector(".article")?.textContent || "").match(/xss-mark-\d+/g) || []).size, ` + xssOwnJS + `})`

// xssVouched returns the payloads (by number) of the batch b that its page st vouches for: none
// when the page shows a script, a CSP violation or active DOM (so that each of them goes alone and
// the failure names its payload); else each payload whose marker paragraph and the next (the end
// marker after the last payload) rendered as paragraphs of their own. Such a payload sat between
// two paragraphs the parser kept whole, so it hid nothing after it and was not hidden by what came
// before it (a comment, a raw-text or foreign element, an unclosed tag it opened, would have taken
// the next marker, or the marker itself, out of its own paragraph), and the page holding it ran
// nothing. Every other payload must be loaded alone.
func xssVouched(b xssBatch, st xssPageState) map[int]bool {
	out := map[int]bool{}
	if len(st.Scripts)+len(st.CSP)+len(st.DOM) > 0 {
		return out
	}
	own := map[int]bool{}
	for _, k := range st.Own {
		own[k] = true
	}
	for k := b.first; k < b.first+b.count; k++ {
		next := own[k+1]
		if k == b.first+b.count-1 {
			next = st.End
		}
		if own[k] && next {
			out[k] = true
		}
	}
	return out
}

// xssRequests records every request the page makes, and judges it: only the server's origin, and
// images from http or https, are allowed.
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
	case ev.Type == network.ResourceTypeImage && (strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")):
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
			// A payload's unclosed <a> would make every paragraph after it link text; </a> ends it.
			fmt.Fprintf(&h, "<p>Paragraph xss-mark-%d holds payload %s, and enough words of its own that the reader keeps it.</p>\n%s</a>\n", i+j, p.ID, p.Payload)
			fmt.Fprintf(&m, "Paragraph xss-mark-%d holds payload %s, and enough words of its own that the reader keeps it.\n\n%s\n\n", i+j, p.ID, p.Payload)
		}
		// The end marker: the last payload hid nothing when it renders as a paragraph of its own.
		fmt.Fprintf(&h, "<p>Paragraph xss-end-%02d closes the batch, with enough words of its own that the reader keeps it.</p>\n", b.n)
		fmt.Fprintf(&m, "Paragraph xss-end-%02d closes the batch, with enough words of its own that the reader keeps it.\n", b.n)
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

// xssCorpus is one XSS test's server, holding the corpus's batches as articles (and each payload
// alone too when the test asks), and what the test's pages left behind, route by route.
type xssCorpus struct {
	t        *testing.T
	s        *Server
	payloads []xssPayload
	batches  []xssBatch
	ids      []string            // the batch articles' ids, HTML and Markdown
	batchOf  map[string]xssBatch // each batch article's batch

	mu      sync.Mutex
	order   []string
	routes  map[string]*xssTally
	reqs    []*xssRequests
	dialogs []string
}

// newXSSCorpus loads the payloads, checks that sanitizing a batch again changes nothing, and starts
// a server with the batches in its content folder, and each payload alone too, as HTML and as
// Markdown, when alone is set (in a batch, a payload that opens a comment or a raw-text element
// hides the payloads after it: xssVouched says which of them a batch's page cannot vouch for). Every batch must load as an article.
func newXSSCorpus(t *testing.T, alone bool) *xssCorpus {
	t.Helper()
	requireBrowser(t)
	x := &xssCorpus{t: t, payloads: loadXSSPayloads(t), batchOf: map[string]xssBatch{}, routes: map[string]*xssTally{}}
	x.batches = xssBatches(x.payloads, 50)
	content := t.TempDir()
	for _, b := range x.batches {
		writeFiles(t, content, map[string]string{
			fmt.Sprintf("xss-html-%02d.html", b.n): b.html,
			fmt.Sprintf("xss-md-%02d.md", b.n):     b.markdown,
		})
		if once := article.Sanitize(b.html); article.Sanitize(once) != once {
			t.Errorf("batch %d: sanitizing the whole batch again changed it", b.n)
		}
		h, m := fmt.Sprintf("xss-html-%02d", b.n), fmt.Sprintf("xss-md-%02d", b.n)
		x.ids = append(x.ids, h, m)
		x.batchOf[h], x.batchOf[m] = b, b
	}
	if alone {
		for i, p := range x.payloads {
			writeFiles(t, content, map[string]string{
				fmt.Sprintf("one-html-%03d.html", i): fmt.Sprintf("<!doctype html><html><head><title>Payload %d</title></head><body><article><h1>Payload %d</h1><p>Paragraph xss-mark-%d holds payload %s, and enough words of its own that the reader keeps it.</p>\n%s\n</article></body></html>", i, i, i, p.ID, p.Payload),
				fmt.Sprintf("one-md-%03d.md", i):     fmt.Sprintf("# Payload %d\n\nParagraph xss-mark-%d holds payload %s, and enough words of its own that the reader keeps it.\n\n%s\n", i, i, p.ID, p.Payload),
			})
		}
	}
	x.s = startE2EServer(t, Config{ContentDir: content})
	for _, id := range x.ids {
		if _, ok := x.s.lib.Fingerprint(model.ArticleID(id)); !ok {
			t.Fatalf("the server did not load the batch article %s: it failed to parse", id)
		}
	}
	return x
}

// newTab opens a tab on the corpus's server that records its requests and dialogs and runs
// xssHooks in every page.
func (x *xssCorpus) newTab() *tab {
	tb := newTab(x.t, x.s.URL())
	r := &xssRequests{base: x.s.URL()}
	r.watch(x.t, tb, &x.dialogs, &x.mu)
	x.mu.Lock()
	x.reqs = append(x.reqs, r)
	x.mu.Unlock()
	return tb
}

// add adds what one page of the route name left behind to the route's tally.
func (x *xssCorpus) add(name, where string, st xssPageState, possible int) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.routes[name] == nil {
		x.routes[name] = &xssTally{}
		x.order = append(x.order, name)
	}
	x.routes[name].add(where, st, possible)
}

// verdict fails the test for every script that ran, CSP violation, active DOM item, request that
// left the origin (other than an image) and dialog, and logs the counts of each route.
func (x *xssCorpus) verdict() {
	t := x.t
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, name := range x.order {
		r := x.routes[name]
		t.Logf("%-28s %3d pages, %4d of %d payload markers rendered; %d scripts ran, %d CSP violations, %d active DOM items",
			name+":", r.pages, r.markers, r.possible, len(r.scripts), len(r.csp), len(r.dom))
		for _, s := range r.scripts {
			t.Errorf("a script ran: %s", s)
		}
		for _, s := range r.csp {
			t.Errorf("CSP violation: %s", s)
		}
		for _, s := range r.dom {
			t.Errorf("active DOM: %s", s)
		}
	}
	total, images := 0, 0
	for _, r := range x.reqs {
		r.mu.Lock()
		total += r.total
		images += r.images
		for _, o := range r.offences {
			t.Errorf("a request left the origin: %s", o)
		}
		r.mu.Unlock()
	}
	for _, d := range x.dialogs {
		t.Errorf("a dialog opened: %s", d)
	}
	t.Logf("requests: %d in all, %d images from other origins (allowed by img-src), %d dialogs", total, images, len(x.dialogs))
}

// xssTitled is the condition that the page shows the article titled title.
func xssTitled(title string) string {
	return fmt.Sprintf(`(document.getElementById("article-title")?.textContent || "").includes(%q)`, title)
}

// xssTitleOf is the title of the batch article id.
func xssTitleOf(id string) string { return "XSS batch " + id[len(id)-2:] }

// The XSS corpus goes through each route in a test of its own (the prerendered pages, the pages
// app.wasm renders, and the import page), each with a server of its own, so that make test's long
// pass can run them side by side (scripts/longpass.sh). Each renders every XSS payload (the
// committed subset, and the corpus when ../shared holds it) in headless Chromium and checks that no
// script ran, nothing but images left the origin, the CSP saw no violation and nothing active
// reached the DOM (xssCorpus.verdict). Each payload's own Go-side checks (Sanitize stable, Parse in
// every format keeping the Article's invariants) are article's checkPayload.

// TestE2EXSSCorpusPrerendered renders the batches, and each payload alone that its batch does not
// vouch for (xssVouched), as the server prerenders them (app.js and app.wasm blocked); the server
// loads every payload alone as well, and the test checks on the Go side that sanitizing a batch is
// idempotent and that every article the server loaded links and shows only what the URL policy
// admits.
func TestE2EXSSCorpusPrerendered(t *testing.T) {
	x := newXSSCorpus(t, true)
	for id := range x.s.lib.All() {
		a, err := x.s.lib.Get(context.Background(), id)
		if err != nil {
			t.Fatalf("article %s: %v", id, err)
		}
		for _, b := range articlecheck.BadURLs(a) {
			t.Errorf("the server's article %s holds %s", id, b)
		}
	}
	t.Logf("Go side: %d payloads; checked the links and images of the %d articles the server loaded of them", len(x.payloads), x.s.lib.Len())
	xssPrerendered(t, x)
	x.verdict()
}

// TestE2EXSSCorpusAppWasm renders the batches with app.wasm: the library, then navigation inside the
// app (the server's page of an article it has boots no app.wasm).
func TestE2EXSSCorpusAppWasm(t *testing.T) {
	x := newXSSCorpus(t, false)
	wasm := x.newTab()
	wasm.open("/")
	wasm.waitWasm()
	for _, id := range x.ids {
		eval[bool](wasm, fmt.Sprintf(`history.pushState({}, "", %q), dispatchEvent(new PopStateEvent("popstate")), true`, "/article/"+id))
		wasm.waitFor(id+" rendered by app.wasm", xssTitled(xssTitleOf(id))+` && !!document.querySelector(".article-body")`)
		x.add("content folder, app.wasm", id, eval[xssPageState](wasm, xssStateJS), x.batchOf[id].count)
	}
	x.verdict()
}

// TestE2EXSSCorpusImport imports the batches in the browser, as HTML (page and fragment) and as
// Markdown.
func TestE2EXSSCorpusImport(t *testing.T) {
	x := newXSSCorpus(t, false)
	xssImport(t, x)
	x.verdict()
}

// attrInjections are attribute values that break out of an attribute written with strconv.Quote
// (go-app's prerender) or with careless escaping: double and single quotes, backticks, newlines,
// entities, backslashes and script URLs.
var attrInjections = []string{
	`" autofocus onfocus=alert(1) x="`,
	`' autofocus onfocus=alert(2) x='`,
	"` autofocus onfocus=alert(3) x=`",
	"\" \nautofocus\nonfocus=alert(4)\nx=\"",
	`&quot; autofocus onfocus=alert(5) x=&quot;`,
	`&#34; autofocus onfocus=alert(6) x=&#x22;`,
	`\" autofocus onfocus=alert(7) x=\"`,
	`"><img src=x onerror=alert(8)>`,
	`javascript:alert(9)`,
	`" onmouseover=alert(10) style="position:fixed;inset:0" x="`,
}

// appIDs are element ids and names the app and go-app look up in the page.
var appIDs = []string{"app-wasm-loader", "app-wasm-loader-icon", "app-wasm-loader-label", "app-contextmenu",
	"app-pwa-install", "main", "article-title", "import-text", "import-form", "settings"}

// attrArticle is a page whose every attribute an article may carry (alt, title, href, src, cite,
// lang) holds an injection, and whose elements take the app's ids and names. links is the base of
// a second origin for external links, and self the reader's own origin.
func attrArticle(links, self string) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Attribute injection</title></head><body><article><h1>Attribute injection</h1>`)
	for i, v := range attrInjections {
		e := html.EscapeString(v)
		fmt.Fprintf(&b, `<p lang="%s" title="%s" id="%s" name="%s">Paragraph %d says “something,” a spokesman said, with <a href="https://example.com/%d" title="%s">a link</a> and <q cite="%s">a short quote</q>.</p>`,
			e, e, appIDs[i%len(appIDs)], appIDs[(i+1)%len(appIDs)], i, i, e, e)
		fmt.Fprintf(&b, `<figure><img id="%s" name="%s" alt="%s" title="%s" src="https://example.com/%d.png"><figcaption>Figure %d.</figcaption></figure>`,
			appIDs[(i+2)%len(appIDs)], appIDs[(i+3)%len(appIDs)], e, e, i, i)
		fmt.Fprintf(&b, `<p>Bad links %d: <a href="%s">href</a> <img alt="bad src" src="%s"></p>`, i, e, e)
	}
	for _, id := range appIDs {
		fmt.Fprintf(&b, `<form id="%s" name="%s"><input name="%s" id="%s"></form><img name="%s" src="https://example.com/x.png" alt="x">`, id, id, id, id, id)
	}
	fmt.Fprintf(&b, `<p>An external link to <a id="external" href="%s/opener">the other site</a>, and links into the app: <a href="/import">import</a>, <a href="/article/x">article x</a>, <a href="%s/import">absolute import</a>.</p>`, links, self)
	b.WriteString(`</article></body></html>`)
	return b.String()
}

// TestE2EAttributeInjectionIsDead serves an article whose attributes hold injections, and checks the
// prerendered HTML (parsed with x/net/html) has no handler, autofocus, script URL or app id that
// came from the article; then, in Chromium, that nothing fires before or after app.wasm, that the
// app's element lookups are not clobbered, that an external link opens with no window.opener, and
// that links into the app's routes do not drive it.
func TestE2EAttributeInjectionIsDead(t *testing.T) {
	requireBrowser(t)
	// A second origin on loopback: its page reports whether it has an opener.
	openers := make(chan string, 4)
	other := http.NewServeMux()
	other.HandleFunc("/opener", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, `<!doctype html><title>other</title><script>fetch("/report?opener=" + (window.opener === null ? "null" : "set") + "&referrer=" + encodeURIComponent(document.referrer));</script>`)
	})
	other.HandleFunc("/report", func(w http.ResponseWriter, r *http.Request) {
		openers <- r.URL.RawQuery
	})
	otherPort := serveLoopback(t, other)
	links := fmt.Sprintf("http://127.0.0.1:%d", otherPort)

	// The reader's server, on a port chosen first so that the article can link to itself.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	content := t.TempDir()
	writeFiles(t, content, map[string]string{"attr.html": attrArticle(links, "http://"+addr)})
	s := startE2EServer(t, Config{Addr: addr, ContentDir: content})

	// The prerendered HTML, as the server sends it.
	res, err := http.Get(s.URL() + "/article/attr")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(res.Body)
	res.Body.Close()
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("GET /article/attr: %d %v", res.StatusCode, err)
	}
	ids := map[string]int{}
	inArticle := func(n *html.Node) bool {
		for ; n != nil; n = n.Parent {
			for _, a := range n.Attr {
				if a.Key == "class" && strings.Contains(" "+a.Val+" ", " article-body ") {
					return true
				}
			}
		}
		return false
	}
	images, links2, inert := 0, 0, 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				if k == "id" {
					ids[a.Val]++
				}
				if strings.HasPrefix(k, "on") || k == "autofocus" || k == "x" || k == "style" && inArticle(n) || k == "name" && inArticle(n) {
					t.Errorf("prerendered <%s> has attribute %s=%q", n.Data, a.Key, a.Val)
				}
				if (k == "href" || k == "src" || k == "cite") && strings.Contains(strings.ToLower(a.Val), "javascript:") {
					t.Errorf("prerendered <%s %s=%q>", n.Data, a.Key, a.Val)
				}
			}
			if inArticle(n) && n.Data == "img" {
				images++
				for _, a := range n.Attr {
					if a.Key == "alt" && strings.Contains(a.Val, "onfocus=alert") {
						inert++ // the injection is there, as text inside the one attribute
					}
				}
			}
			if inArticle(n) && n.Data == "a" {
				links2++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, id := range appIDs {
		if ids[id] > 1 {
			t.Errorf("prerendered page has %d elements with id %q", ids[id], id)
		}
	}
	if images == 0 || links2 == 0 || inert == 0 {
		t.Fatalf("the prerendered article has %d images, %d links and %d alt texts holding an injection: the test article did not render", images, links2, inert)
	}
	t.Logf("prerendered: %d article images (%d alt texts hold an injection, inert) and %d links; no handler, autofocus or app id from the article", images, inert, links2)

	// In Chromium: nothing fires, before or after app.wasm; the app's lookups find the app's elements.
	tb := newTab(t, s.URL())
	r := &xssRequests{base: s.URL()}
	var dialogs []string
	var dmu sync.Mutex
	r.watch(t, tb, &dialogs, &dmu)
	tb.open("/article/attr")
	tb.waitFor("the prerendered article", `!!document.querySelector(".article-body img")`)
	const lookups = `(() => {
	  const bad = [];
	  for (const id of ` + "%s" + `) {
	    const el = document.getElementById(id);
	    if (el && el.closest(".article-body")) bad.push("getElementById(" + id + ") is the article's " + el.tagName);
	    if (window[id] instanceof Element && window[id].closest(".article-body")) bad.push("window." + id + " is the article's");
	    if (document[id] instanceof Element) bad.push("document." + id + " is clobbered");
	    if (document.getElementsByName(id).length && [...document.getElementsByName(id)].some((e) => e.closest(".article-body"))) bad.push("name " + id + " in the article");
	  }
	  document.querySelectorAll(".article-body img, .article-body a, .article-body p").forEach((e) => { e.focus(); e.dispatchEvent(new MouseEvent("mouseover", {bubbles: true})); });
	  return bad;
	})()`
	appIDsJS, _ := json.Marshal(appIDs)
	if bad := eval[[]string](tb, fmt.Sprintf(lookups, appIDsJS)); len(bad) > 0 {
		t.Errorf("prerendered page: %v", bad)
	}
	// app.wasm renders the article when the reader follows a link inside the app (the server's page
	// of an article it has boots none): from the library.
	tb.open("/")
	tb.waitWasm()
	eval[bool](tb, `history.pushState({}, "", "/article/attr"), dispatchEvent(new PopStateEvent("popstate")), true`)
	tb.waitFor("the article rendered by app.wasm", `!!document.querySelector("[data-reader] .article-body img")`)
	if bad := eval[[]string](tb, fmt.Sprintf(lookups, appIDsJS)); len(bad) > 0 {
		t.Errorf("after app.wasm: %v", bad)
	}
	if st := eval[xssPageState](tb, xssStateJS); len(st.Scripts)+len(st.CSP)+len(st.DOM) > 0 {
		t.Errorf("after app.wasm: scripts %v, CSP %v, DOM %v", st.Scripts, st.CSP, st.DOM)
	}

	// Links into the app's routes: relative ones are gone; a click on an absolute one leaves the
	// reader where it is (the browser opens it in a new tab, go-app's router never sees it).
	hrefs := eval[[]string](tb, `[...document.querySelectorAll(".article-body a")].map((a) => a.getAttribute("href"))`)
	for _, h := range hrefs {
		if !strings.HasPrefix(h, "http://") && !strings.HasPrefix(h, "https://") {
			t.Errorf("an article link to %q", h)
		}
	}
	self := eval[string](tb, fmt.Sprintf(`(() => { const a = [...document.querySelectorAll(".article-body a")].find((a) => a.href === %q); return a ? a.href : ""; })()`, s.URL()+"/import"))
	if self != "" {
		tb.click(fmt.Sprintf(`.article-body a[href=%q]`, self))
		tb.waitFor("the click to be handled", `new Promise((ok) => setTimeout(() => ok(true), 500))`)
		if p := eval[string](tb, `location.pathname`); p != "/article/attr" {
			t.Errorf("a click on an article link to %s moved the reader to %s", self, p)
		}
		t.Logf("a click on the article's link to %s left the reader on /article/attr", self)
	} else {
		t.Logf("the article's absolute link to the reader's /import was dropped")
	}

	// An external link opens with no opener (and no referrer).
	tb.click(`.article-body a[href$="/opener"]`)
	select {
	case got := <-openers:
		if !strings.Contains(got, "opener=null") || !strings.HasSuffix(got, "referrer=") {
			t.Errorf("the external link opened with %s, want no opener and no referrer", got)
		}
		t.Logf("external link: %s", got)
	case <-time.After(browserWait):
		t.Errorf("the external link's page never reported")
	}
	if p := eval[string](tb, `location.pathname`); p != "/article/attr" {
		t.Errorf("the external link moved the reader to %s", p)
	}
	dmu.Lock()
	if len(dialogs) > 0 {
		t.Errorf("dialogs opened: %v", dialogs)
	}
	dmu.Unlock()
	r.mu.Lock()
	for _, o := range r.offences {
		t.Errorf("a request left the origin: %s", o)
	}
	r.mu.Unlock()
}

// xssPrerendered renders the content folder's batches prerendered, with app.js and app.wasm blocked
// so that what renders is the server's HTML alone; then, prerendered too, fifty same-origin frames
// at a time inside one page, each payload alone that its batch's page does not vouch for
// (xssVouched), in the format (HTML or Markdown) whose batch did not.
func xssPrerendered(t *testing.T, x *xssCorpus) {
	pre := x.newTab()
	if _, err := chromedp.Call(pre.ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{
		{URLPattern: "*://*:*/app.js", Block: true}, {URLPattern: "*://*:*/*.wasm", Block: true}}}); err != nil {
		t.Fatal(err)
	}
	var alone []string
	vouched := 0
	for _, id := range x.ids {
		pre.open("/article/" + id)
		pre.waitFor(id+" prerendered", xssTitled(xssTitleOf(id))+` && document.readyState === "complete"`)
		st := eval[xssPageState](pre, xssStateJS)
		b := x.batchOf[id]
		x.add("content folder, prerendered", id, st, b.count)
		ok := xssVouched(b, st)
		format := "html-"
		if strings.HasPrefix(id, "xss-md-") {
			format = "md-"
		}
		for k := b.first; k < b.first+b.count; k++ {
			one := fmt.Sprintf("one-%s%03d", format, k)
			if ok[k] && x.sameAlone(id, one, k, k == b.first+b.count-1) {
				vouched++
			} else {
				alone = append(alone, one)
			}
		}
	}
	t.Logf("the batch pages vouch for %d of the %d payload pages (%d payloads, as HTML and as Markdown); the other %d go alone",
		vouched, 2*len(x.payloads), len(x.payloads), len(alone))

	loaded := 0
	for i := 0; i < len(alone); i += 50 {
		group := alone[i:min(i+50, len(alone))]
		var paths []string
		for _, id := range group {
			paths = append(paths, "/article/"+id)
		}
		list, _ := json.Marshal(paths)
		eval[bool](pre, `(() => {
			document.querySelectorAll("iframe.xss").forEach((f) => f.remove());
			for (const p of `+string(list)+`) {
				const f = document.createElement("iframe");
				f.className = "xss";
				f.src = p;
				document.body.appendChild(f);
			}
			return true;
		})()`)
		pre.waitFor("a group of payloads alone", `[...document.querySelectorAll("iframe.xss")].every((f) => f.contentDocument && f.contentDocument.readyState === "complete" && f.contentWindow.location.pathname !== "blank")`)
		states := eval[[]xssPageState](pre, `[...document.querySelectorAll("iframe.xss")].map((f) => ({
			scripts: f.contentWindow.__xss || ["the hooks are missing"], csp: f.contentWindow.__csp || [],
			dom: `+xssFrameCheck+`(f.contentWindow),
			markers: new Set((f.contentDocument.querySelector(".article")?.textContent || "").match(/xss-mark-\d+/g) || []).size}))`)
		for j, st := range states {
			if st.Markers > 0 {
				loaded++
			}
			x.add("each alone, prerendered", group[j], st, 1)
		}
	}
	t.Logf("payloads alone: %d pages, %d of them an article (the others failed to parse and are not served)", len(alone), loaded)
}

// sameAlone reports whether payload k gave the batch article batch, between its marker paragraph and
// the next (the end marker when last), the very blocks it gives the article one, which holds it
// alone, after the same marker paragraph; and whether one's title is its own and its byline, site,
// date, URL and extras are the batch's. Then the reader renders in the batch page what it renders
// in one's, and a clean batch page vouches for one's (a payload's paragraph that the batch's parse
// keeps and the one alone drops, or the other way round, is not vouched for).
func (x *xssCorpus) sameAlone(batch, one string, k int, last bool) bool {
	ctx := context.Background()
	ba, err := x.s.lib.Get(ctx, model.ArticleID(batch))
	if err != nil {
		x.t.Fatalf("the batch article %s: %v", batch, err)
	}
	oa, err := x.s.lib.Get(ctx, model.ArticleID(one))
	if err != nil {
		return false // not served: its page is loaded alone, as a page that is no article
	}
	mark := func(n int) string { return fmt.Sprintf("Paragraph xss-mark-%d holds payload ", n) }
	find := func(blocks []model.Block, prefix string) int {
		return slices.IndexFunc(blocks, func(b model.Block) bool {
			return b.Kind == model.KindParagraph && strings.HasPrefix(b.Text, prefix)
		})
	}
	next := mark(k + 1)
	if last {
		next = "Paragraph xss-end-"
	}
	bi, oi := find(ba.Blocks, mark(k)), find(oa.Blocks, mark(k))
	if bi < 0 || oi != 0 {
		return false
	}
	be := find(ba.Blocks[bi+1:], next)
	if be < 0 || oa.Title != fmt.Sprintf("Payload %d", k) || oa.Byline != ba.Byline || oa.Site != ba.Site ||
		oa.Published != ba.Published || oa.URL != ba.URL {
		return false
	}
	for _, e := range oa.Extras {
		if !slices.Contains(ba.Extras, e) {
			return false
		}
	}
	return xssBlocksKey(ba.Blocks[bi:bi+1+be]) == xssBlocksKey(oa.Blocks)
}

// xssBlocksKey is what the reader renders of blocks: their kinds, texts, runs with their links and
// styles, images and items; not their ids, offsets or quote and speaker ids, which differ between a
// batch and a page alone.
func xssBlocksKey(blocks []model.Block) string {
	var norm func(bs []model.Block) []model.Block
	norm = func(bs []model.Block) []model.Block {
		out := make([]model.Block, len(bs))
		for i, b := range bs {
			b.ID, b.Start = "", 0
			b.Runs = slices.Clone(b.Runs)
			for j := range b.Runs {
				b.Runs[j].Quote, b.Runs[j].Speaker = "", ""
			}
			b.Items = norm(b.Items)
			out[i] = b
		}
		return out
	}
	j, err := json.Marshal(norm(blocks))
	if err != nil {
		panic(err)
	}
	return string(j)
}

// xssImport imports each batch in the /import page, as HTML (page and fragment) and as Markdown,
// and tallies the article each import shows.
func xssImport(t *testing.T, x *xssCorpus) {
	imp := x.newTab()
	imp.open("/import")
	imp.waitWasm()
	for _, b := range x.batches {
		for _, tc := range []struct{ format, src string }{{"html", b.html}, {"fragment", b.html}, {"markdown", b.markdown}} {
			where := fmt.Sprintf("batch %02d as %s", b.n, tc.format)
			// Under load the form may not have taken the paste yet when the button is clicked
			// ("Paste an article… first"), or the page may not answer: then paste and click
			// again, after a full reload of /import when the page did not answer.
			read := `location.pathname.startsWith("/article/my-") || /could not|too large|empty|not text|Paste an article/.test(document.getElementById("import-message")?.textContent || "")`
			for attempt := 0; ; attempt++ {
				imp.waitFor("the import form", `!!document.getElementById("import-text") && !!document.getElementById("import-submit")`)
				imp.pasteImport(tc.src, tc.format)
				imp.click("#import-submit")
				if attempt == 2 {
					imp.waitFor(where+" to be read", read)
					break
				}
				err := poll(imp.ctx, read, browserWait/6)
				if err != nil {
					t.Logf("%s: no answer from the import page (%v); reloading it", where, err)
					imp.open("/import")
					imp.waitWasm()
					continue
				}
				if !eval[bool](imp, `/Paste an article/.test(document.getElementById("import-message")?.textContent || "") && !location.pathname.startsWith("/article/")`) {
					break
				}
			}
			if msg := eval[string](imp, `location.pathname.startsWith("/article/my-") ? "" : document.getElementById("import-message").textContent`); msg != "" {
				t.Fatalf("%s: the import failed: %s", where, msg)
			}
			imp.waitFor(where+" imported", `location.pathname.startsWith("/article/my-") && `+xssTitled(fmt.Sprintf("XSS batch %02d", b.n)))
			x.add("import, "+tc.format, where, eval[xssPageState](imp, xssStateJS), b.count)
			eval[bool](imp, `history.pushState({}, "", "/import"), dispatchEvent(new PopStateEvent("popstate")), true`)
		}
	}
}
