package server

// Embed messages (issue 6, item 6). TestBrowserEmbedOnPartnerPage already checks a look-alike
// origin's message and the partner page's own; these add a sandboxed frame (origin "null"), the
// reader's own page under a look-alike host name, a reader frame that embed.js did not make (the
// wrong window), oversized and malformed messages from the right frame, a frame told to post to a
// partner that is not its parent, and a scan of every script the server sends for postMessage to "*".

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestE2EEmbedMessagesAreChecked frames two articles on a partner page through embed.js (the first
// with data-autoheight, so that its frame takes heights from messages), and sends the page every
// kind of message that must not resize a frame. Only the right message from the right frame does,
// last, which shows the listener was alive all along.
func TestE2EEmbedMessagesAreChecked(t *testing.T) {
	ctx := newTab(t, "", tallWindow).ctx
	partnerLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	partnerPort := partnerLn.Addr().(*net.TCPAddr).Port
	partner := fmt.Sprintf("http://localhost:%d", partnerPort)
	other := "https://other-partner.example"
	s := startE2EServer(t, Config{Partners: []string{partner, other}})
	reader := s.URL() // http://127.0.0.1:P
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(reader, "http://"))
	lookalike := "http://localhost:" + port // the same server under another name: another origin
	q := "?origin=" + strings.NewReplacer(":", "%3A", "/", "%2F").Replace(partner)
	qOther := "?origin=" + strings.NewReplacer(":", "%3A", "/", "%2F").Replace(other)

	page := `<!DOCTYPE html><html><head><title>Partner</title></head><body>
<h1>Partner</h1>
<blockquote class="verbatim-embed" data-article="zakaria-peskov" data-autoheight>Zakaria and Peskov.</blockquote>
<iframe id="lookalike" title="look-alike" src="` + lookalike + `/embed/harbour-council` + q + `"></iframe>
<iframe id="stray" title="stray" src="` + reader + `/embed/harbour-council` + q + `&stray=1"></iframe>
<iframe id="mismatch" title="mismatch" src="` + reader + `/embed/library-reopens` + qOther + `"></iframe>
<iframe id="sandboxed" title="sandboxed" sandbox="allow-scripts" srcdoc="<script>for (let i = 0; i < 20; i++) setTimeout(() => parent.postMessage({type: 'verbatim:height', height: 1234}, '*'), i * 50);</script>"></iframe>
<script>
  window.__seen = {};
  window.__mismatch = 0;
  // Every height embed.js gives its frame, in order: the frame's own resizes may follow a message at
  // once, so a poll of the current height could miss it.
  window.__heights = [];
  new MutationObserver((ms) => ms.forEach((m) => {
    if (m.target.matches("iframe.verbatim-embed-frame")) window.__heights.push(m.target.style.height);
  })).observe(document.body, {attributes: true, attributeFilter: ["style"], subtree: true});
  addEventListener("message", (e) => {
    window.__seen[e.origin] = (window.__seen[e.origin] || 0) + 1;
    if (e.source === document.getElementById("mismatch").contentWindow) window.__mismatch++;
  });
</script>
<script async src="` + reader + `/embed.js"></script>
</body></html>`
	srv := &http.Server{Handler: staticPage(page), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(partnerLn)
	t.Cleanup(func() { srv.Close() })

	evalIn[bool](t, ctx, `location.href = `+jsString(partner+"/")+`, true`)
	frame := `document.querySelector("iframe.verbatim-embed-frame")`
	pollIn(t, ctx, "embed.js to make its frame", `!!`+frame)
	pollIn(t, ctx, "the frame to size itself to the article", `parseInt(`+frame+`.style.height) >= 100 && `+frame+`.style.height !== "420px"`)
	pollIn(t, ctx, "the look-alike host's and the sandbox's messages", `(window.__seen[`+jsString(lookalike)+`] || 0) >= 1 && (window.__seen["null"] || 0) >= 5`)
	heightOf := func() string { return evalIn[string](t, ctx, frame+`.style.height`) }
	before := heightOf()

	// The wrong window: a reader frame embed.js did not make posts a well-formed message.
	stray := frameContext(t, ctx, reader+"/embed/harbour-council")
	pollIn(t, stray, "the stray frame", `document.readyState === "complete"`)
	evalIn[bool](t, stray, `parent.postMessage({type: "verbatim:height", height: 1234}, "*"), true`)

	// The right frame, with messages that are too big, too many keys, or not numbers.
	right := frameContext(t, ctx, reader+"/embed/zakaria-peskov")
	pollIn(t, right, "the embed frame", `document.readyState === "complete"`)
	for _, msg := range []string{
		`{type: "verbatim:height", height: 1234, pad: "x".repeat(8 << 20)}`,
		`{type: "verbatim:height", height: 99999999}`,
		`{type: "verbatim:height", height: 1e308 * 10}`,
		`{type: "verbatim:height", height: "1234"}`,
		`{type: "verbatim:height", height: -5}`,
		`{type: "verbatim:size", height: 1234}`,
		`"verbatim:height 1234"`,
		`{type: "verbatim:height", height: new Number(1234)}`,
		`[{type: "verbatim:height", height: 1234}]`,
	} {
		evalIn[bool](t, right, `parent.postMessage(`+msg+`, `+jsString(partner)+`), true`)
	}
	// The messages are delivered in order: one more, seen by the page, means all were handled.
	evalIn[bool](t, right, `parent.postMessage("fence", `+jsString(partner)+`), true`)
	pollIn(t, ctx, "the messages to arrive", `(window.__seen[`+jsString(reader)+`] || 0) >= 10`)
	// The frame may resize itself meanwhile (app.wasm taking over posts its own height), but never
	// to a forged height.
	if h := heightOf(); h == "1234px" || h == "99999999px" || !regexp.MustCompile(`^\d{2,5}px$`).MatchString(h) {
		t.Errorf("a rejected message resized the frame from %s to %s", before, h)
	}
	if n := evalIn[int](t, ctx, `window.__mismatch`); n != 0 {
		t.Errorf("a frame told to post to %s posted %d messages to its parent %s", other, n, partner)
	}
	seen := evalIn[map[string]int](t, ctx, `window.__seen`)
	t.Logf("messages the partner page saw, by origin: %v; the frame's height: %s before, %s after them", seen, before, heightOf())

	if forged := evalIn[[]string](t, ctx, `window.__heights.filter(h => h === "1234px" || h === "99999999px")`); len(forged) != 0 {
		t.Errorf("a rejected message gave the frame the heights %v", forged)
	}

	// The right message from the right frame does resize it (the frame's own height may follow).
	evalIn[bool](t, right, `parent.postMessage({type: "verbatim:height", height: 1234}, `+jsString(partner)+`), true`)
	pollIn(t, ctx, "the right message to resize the frame", `window.__heights.includes("1234px")`)
}

// TestEmbedNothingPostsToStar scans every script the server sends (go-app's app.js and worker, the
// embed scripts, and the strings of app.wasm) for postMessage calls, and checks that none posts to "*".
func TestEmbedNothingPostsToStar(t *testing.T) {
	s := e2eServer(t)
	calls := regexp.MustCompile(`postMessage\s*\(`)
	star := regexp.MustCompile(`^[^;]*?,\s*["'` + "`" + `]\*["'` + "`" + `]`)
	total := 0
	var scanned []string
	for _, p := range []string{"/app.js", "/app-worker.js", "/embed.js", "/embed-frame.js", "/wasm_exec.js", "/app.wasm"} {
		res, err := http.Get(s.URL() + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			continue
		}
		scanned = append(scanned, fmt.Sprintf("%s (%d bytes)", p, len(body)))
		for _, loc := range calls.FindAllIndex(body, -1) {
			total++
			rest := string(body[loc[1]:min(len(body), loc[1]+300)])
			if star.MatchString(rest) {
				t.Errorf("%s posts to \"*\": postMessage(%.120s", p, rest)
			}
		}
	}
	if len(scanned) < 3 {
		t.Errorf("scanned only %v", scanned)
	}
	t.Logf("%d postMessage calls in %v; none to \"*\"", total, scanned)
}
