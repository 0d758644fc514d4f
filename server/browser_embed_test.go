package server

// Embedding on a partner page, in headless Chromium: the reader on one origin (127.0.0.1), the
// partner's page on another site (localhost), and a look-alike origin that tries to resize the
// partner's frames. Loopback only. Waits poll a condition under a generous bound; nothing asserts a
// duration.

import (
	"context"
	"fmt"
	"html"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"

	"verbatim/components"
)

func TestBrowserEmbedOnPartnerPage(t *testing.T) {
	tb := newTab(t, "", tallWindow)
	ctx := tb.ctx

	// The look-alike: another origin that posts a well-formed resize message to whoever frames it.
	lookalike := serveLoopback(t, staticPage(`<!DOCTYPE html><title>look-alike</title><script>
		let n = 0;
		const id = setInterval(() => {
			parent.postMessage({type: "verbatim:height", height: 1234}, "*");
			if (++n === 30) clearInterval(id);
		}, 50);
	</script>`))

	// The partner page is built once the reader's address is known; the reader must know the
	// partner's origin first, so the partner's port is taken before either is served.
	partnerLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	partnerOrigin := fmt.Sprintf("http://localhost:%d", partnerLn.Addr().(*net.TCPAddr).Port)

	reader := startE2EServer(t, Config{Partners: []string{partnerOrigin}}).URL()

	partnerPage := `<!DOCTYPE html><html><head><title>Partner news</title></head><body>
<h1>Partner news</h1>
<p>Two embedded articles follow.</p>
<blockquote class="verbatim-embed" data-article="zakaria-peskov" data-height="360">Fareed Zakaria presses the Kremlin's spokesman.</blockquote>
<script async src="` + html.EscapeString(reader) + `/embed.js"></script>
<blockquote class="verbatim-embed" data-article="harbour-council" data-theme="dark" data-dnt data-autoheight>The harbour council keeps the ferry.</blockquote>
<iframe id="lookalike" title="look-alike" src="http://127.0.0.1:` + fmt.Sprint(lookalike) + `/"></iframe>
<script>
	// How many frames embed.js adds in each task (a MutationObserver's callback runs at the end of
	// the task that made its records): one, so that the frames' creation is no single long task,
	// with the snippet's script pasted once for each embed (docs/deploy.md), as here.
	window.__framesPerTask = [];
	new MutationObserver((records) => {
		const n = records.reduce((k, r) => k + [...r.addedNodes].filter((x) => x.matches && x.matches("iframe.verbatim-embed-frame")).length, 0);
		if (n) window.__framesPerTask.push(n);
	}).observe(document.body, {childList: true, subtree: true});
	window.__seen = {lookalike: 0, self: 0};
	addEventListener("message", (e) => {
		if (e.origin === "http://127.0.0.1:` + fmt.Sprint(lookalike) + `") window.__seen.lookalike++;
		if (e.origin === location.origin) window.__seen.self++;
	});
</script>
<script async src="` + html.EscapeString(reader) + `/embed.js"></script>
</body></html>`
	partner := &http.Server{Handler: staticPage(partnerPage), ReadHeaderTimeout: 5 * time.Second}
	go partner.Serve(partnerLn)
	t.Cleanup(func() { partner.Close() })

	if _, err := chromedp.Run(ctx, chromedp.Navigate(partnerOrigin+"/")); err != nil {
		t.Fatal(err)
	}
	frames := `document.querySelectorAll("iframe.verbatim-embed-frame")`
	pollIn(t, ctx, "embed.js to swap both blockquotes", frames+`.length === 2 && document.querySelectorAll("blockquote.verbatim-embed").length === 0`)

	if got := evalIn[[]int](t, ctx, `window.__framesPerTask`); !slices.Equal(got, []int{1, 1}) {
		t.Errorf("embed.js added its frames %v at a time, task by task; want one per task", got)
	}
	attrs := evalIn[[]map[string]string](t, ctx, `Array.from(`+frames+`, f => ({src: f.src, title: f.title, loading: f.loading}))`)
	wantOrigin := "origin=" + strings.NewReplacer(":", "%3A", "/", "%2F").Replace(partnerOrigin)
	for i, a := range attrs {
		if !strings.HasPrefix(a["src"], reader+"/embed/") || !strings.Contains(a["src"], wantOrigin) {
			t.Errorf("frame %d src=%q, want %s/embed/…?%s", i, a["src"], reader, wantOrigin)
		}
		if a["title"] == "" || a["loading"] != "lazy" {
			t.Errorf("frame %d: title %q, loading %q", i, a["title"], a["loading"])
		}
	}
	if src := attrs[1]["src"]; !strings.Contains(src, "theme=dark") || !strings.Contains(src, "dnt=1") {
		t.Errorf("second frame src=%q, want theme=dark and dnt=1", src)
	}

	// The second frame (data-autoheight) takes its content's height; the first keeps the partner's
	// data-height, whatever its article posts (it never moves the partner's page), and scrolls inside.
	pollIn(t, ctx, "the data-autoheight frame to be resized to its article", frames+`[1].style.height !== "420px" && parseInt(`+frames+`[1].style.height) >= 100`)
	fixedHeight := func(when string) {
		t.Helper()
		if h := evalIn[string](t, ctx, frames+`[0].style.height`); h != "360px" {
			t.Errorf("%s: the frame with data-height=360 is %s high, want 360px", when, h)
		}
	}
	fixedHeight("once the other frame took its height")

	// The look-alike's messages arrive on the page, and change nothing.
	pollIn(t, ctx, "the look-alike's messages", `window.__seen.lookalike >= 10`)
	evalIn[bool](t, ctx, `window.postMessage({type: "verbatim:height", height: 1234}, "*"), true`)
	pollIn(t, ctx, "the page's own forged message", `window.__seen.self >= 1`)
	checkNotForged := func() {
		t.Helper()
		for i, h := range evalIn[[]string](t, ctx, `Array.from(`+frames+`, f => f.style.height)`) {
			if h == "1234px" {
				t.Errorf("frame %d took the forged height %q", i, h)
			}
		}
	}
	checkNotForged()

	// Inside the frames: the article is there with its highlights, with no app.wasm and no service
	// worker, and the dnt frame stores nothing.
	for i, id := range []string{"zakaria-peskov", "harbour-council"} {
		fctx := frameContext(t, ctx, reader+"/embed/"+id)
		pollIn(t, fctx, "the prerendered article in frame "+id, `document.querySelectorAll("[data-quote-id]").length > 0`)
		// The second frame asks for the dark theme (data-theme="dark" on its blockquote): the inline
		// settings script applies it before the first paint.
		themeIs := func(when string) {
			t.Helper()
			got := evalIn[string](t, fctx, `document.documentElement.getAttribute("data-theme") || ""`)
			bg := evalIn[string](t, fctx, `getComputedStyle(document.body).backgroundColor`)
			if dark := got == "dark"; dark != (i == 1) {
				t.Errorf("frame %s %s: data-theme=%q, background %s; want dark only in the frame that asked for it", id, when, got, bg)
			}
			if i == 1 && bg != "rgb(18, 18, 18)" {
				t.Errorf("frame %s %s: background %s, want the dark theme's rgb(18, 18, 18)", id, when, bg)
			}
		}
		themeIs("at first")
		// Nothing covers the article (go-app's loader once did).
		if !evalIn[bool](t, fctx, `(() => { const e = document.querySelector("main .article-body p"); const r = e.getBoundingClientRect();
		  const hit = document.elementFromPoint(r.x + r.width / 2, r.y + Math.min(r.height, 20) / 2); return !!hit && e.contains(hit); })()`) {
			t.Errorf("frame %s: the article's first paragraph is covered", id)
		}
		// An embed boots no Go runtime: no wasm fetched, no wasm_exec.js, no loader, and no service
		// worker, once the frame has loaded.
		pollIn(t, fctx, "frame "+id+" to load", `document.readyState === "complete"`)
		if got := evalIn[[]string](t, fctx, `performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => p.endsWith(".wasm") || p === "/wasm_exec.js" || p === "/app.js")`); len(got) != 0 {
			t.Errorf("frame %s fetched %q", id, got)
		}
		if evalIn[bool](t, fctx, `typeof Go !== "undefined" || !!document.getElementById("app-wasm-loader")`) {
			t.Errorf("frame %s has go-app's runtime or loader", id)
		}
		pollIn(t, fctx, "the reader script in frame "+id, `window.verbatimReader === true`)
		if got := evalIn[string](t, fctx, `document.documentElement.dataset.app || ""`); got != "" {
			t.Errorf("frame %s: data-app=%q, want no app.wasm to have taken over", id, got)
		}
		if n := evalIn[int](t, fctx, `navigator.serviceWorker ? navigator.serviceWorker.getRegistrations().then(r => r.length) : 0`); n != 0 {
			t.Errorf("frame %s registered %d service workers", id, n)
		}
		themeIs("once loaded")
		if i == 0 {
			// The frame kept at the partner's height: the article scrolls inside it.
			if !evalIn[bool](t, fctx, `(() => { const before = scrollY; scrollTo({top: 200, behavior: "instant"}); const moved = scrollY > before; scrollTo({top: 0, behavior: "instant"});
			  return document.documentElement.scrollHeight > innerHeight && innerHeight <= 360 && moved; })()`) {
				t.Errorf("frame %s: the article does not scroll inside the frame kept at its data-height", id)
			}
		}
		if i == 1 {
			if n := evalIn[int](t, fctx, `localStorage.length + sessionStorage.length`); n != 0 {
				t.Errorf("the dnt frame stored %d items in web storage", n)
			}
		}
		// The first frame writes the clipboard; in the second, the clipboard API refuses, and the
		// copy goes through the selection fallback.
		embedCopies(t, tb, fctx, reader, partnerOrigin, id, i == 1)
	}

	// Both frames still hold the article, at their own heights.
	pollIn(t, ctx, "the data-autoheight frame to keep its article's height", `parseInt(`+frames+`[1].style.height) >= 100`)
	fixedHeight("at the end")
	checkNotForged()

	cookies, err := chromedp.CallBrowser(ctx, storage.GetCookies, storage.GetCookiesParams{BrowserContextID: browserContextOf(t, ctx)})
	if err != nil {
		t.Fatal(err)
	}
	if len(cookies.Cookies) != 0 {
		t.Errorf("the embed set %d cookies", len(cookies.Cookies))
	}

	// A framed embed reads no saved settings (web/page/settings.js): settings in its partition of
	// the storage change nothing once it has loaded again, and the partner's theme still holds.
	for i, id := range []string{"zakaria-peskov", "harbour-council"} {
		fctx := frameContext(t, ctx, reader+"/embed/"+id)
		evalIn[bool](t, fctx, `localStorage.setItem("verbatim.settings", JSON.stringify({theme: "sepia", font: "sans", size: 7, width: "wide", leading: "loose"}));
		  window.__before = true; setTimeout(() => location.reload(), 0); true`)
		// The reload gives the frame a new document: attach again until that one answers.
		for deadline := time.Now().Add(browserWait); ; {
			fctx = frameContext(t, ctx, reader+"/embed/"+id)
			if poll(fctx, `!window.__before && document.readyState === "complete" && document.querySelectorAll("[data-quote-id]").length > 0`, 5*time.Second) == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("frame %s did not load again", id)
			}
		}
		if !evalIn[bool](t, fctx, `localStorage.getItem("verbatim.settings") !== null`) {
			t.Fatalf("frame %s lost the settings saved in its storage: the check below would prove nothing", id)
		}
		want := ""
		if i == 1 {
			want = "theme=dark"
		}
		if got := evalIn[string](t, fctx, `Array.from(document.documentElement.attributes).filter((a) => /^data-(theme|font|size|width|leading)$/.test(a.name)).map((a) => a.name.slice(5) + "=" + a.value).join(" ")`); got != want {
			t.Errorf("frame %s with settings saved in its storage: %q on <html>, want %q", id, got, want)
		}
	}

	// A blockquote the partner adds later, with its own copy of the script, becomes a frame too: the
	// later copy hands it to the copy that ran first.
	evalIn[bool](t, ctx, `(() => { const bq = document.createElement("blockquote"); bq.className = "verbatim-embed";
	  bq.setAttribute("data-article", "library-reopens"); bq.textContent = "The library reopens."; document.body.append(bq);
	  const s = document.createElement("script"); s.async = true; s.src = `+strconv.Quote(reader+"/embed.js")+`; document.body.append(s); return true; })()`)
	pollIn(t, ctx, "the later blockquote to become a frame", frames+`.length === 3 && `+frames+`[2].src.includes("/embed/library-reopens?") && document.querySelectorAll("blockquote.verbatim-embed").length === 0`)
}

// embedCopies clicks "Copy quote" inside an embed frame and reads the clipboard back on the partner's
// page: the citation is the article's first quote with its speaker, title and site. With
// refuseAPI false, the frame writes through navigator.clipboard (embed.js gives it
// allow="clipboard-write"); with it true, the frame's navigator.clipboard.writeText is made to refuse
// (as a browser does for an unfocused frame, or a partner's own iframe without the permission), and
// the copy must go through the selection fallback.
func embedCopies(t *testing.T, tb *tab, fctx context.Context, reader, partnerOrigin string, id string, refuseAPI bool) {
	t.Helper()
	tb.grantClipboard(reader, partnerOrigin)
	a := fetchArticle(t, reader, id)
	want := components.Citation(a, a.Quotes[0])
	// A headless window has no focus of its own: without focus emulation (which newTab sets for the
	// partner's page), whether the frame's document counts as focused depends on timing, and the
	// clipboard refuses unfocused documents.
	if _, err := chromedp.Call(fctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatalf("focus emulation: %v", err)
	}
	if refuseAPI {
		evalIn[bool](t, fctx, `navigator.clipboard.writeText = () => Promise.reject(new DOMException("Document is not focused.", "NotAllowedError")), true`)
	}
	if _, err := chromedp.Run(fctx, chromedp.Click(chromedp.ID("copy-quote"))); err != nil {
		t.Fatalf("clicking Copy quote in the embed: %v", err)
	}
	pollIn(t, fctx, "the embed to say how the copy went", `document.querySelector(".status").textContent !== ""`)
	if got := evalIn[string](t, fctx, `document.querySelector(".status").textContent`); !strings.HasPrefix(got, "Copied") {
		t.Fatalf("the embed says %q after Copy quote, want Copied…", got)
	}
	if got := eval[string](tb, `window.focus(), navigator.clipboard.readText()`); got != want {
		t.Errorf("clipboard after Copy quote in the embed = %q, want %q", got, want)
	}
}
