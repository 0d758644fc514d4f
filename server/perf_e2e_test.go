package server

// The benchmark table's browser rows (BENCHMARKS.md, budgets 3, 4 and 6): time to words, embed
// cost and Lighthouse, each against a baseline measured in the same run by the same Chromium. They
// measure and never assert; TestPerfBrowser runs only when scripts/bench.sh sets
// VERBATIM_BENCH_ROWS.

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"verbatim/article/model"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"
)

// perfRow appends one row of the benchmark table to $VERBATIM_BENCH_ROWS: budget, measure, value,
// baseline, ratio, goal and verdict.
func perfRow(t *testing.T, fields ...string) {
	t.Helper()
	f, err := os.OpenFile(os.Getenv("VERBATIM_BENCH_ROWS"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := fmt.Fprintln(f, strings.Join(fields, "\t")); err != nil {
		t.Fatal(err)
	}
	t.Log(strings.Join(fields, " | "))
}

func perfVerdict(ok bool) string {
	if ok {
		return "pass"
	}
	return "FAIL"
}

// emulateNetworkConditions is CDP's Network.emulateNetworkConditions, which cdproto no longer
// generates.
var emulateNetworkConditions = cdp.Command[perfNetwork, cdp.Empty]{Method: "Network.emulateNetworkConditions"}

type perfNetwork struct {
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`
	DownloadThroughput float64 `json:"downloadThroughput"`
	UploadThroughput   float64 `json:"uploadThroughput"`
}

// fast4G is DevTools' "Fast 4G" preset as DevTools applies it: 9 Mbit/s down, 1.5 Mbit/s up,
// 60 ms latency, with its adjustment factors (0.9 on throughput, 2.75 on latency).
var fast4G = perfNetwork{Latency: 60 * 2.75, DownloadThroughput: 9e6 / 8 * 0.9, UploadThroughput: 1.5e6 / 8 * 0.9}

// perfProbe runs in the top frame of every page: it records long tasks, and the time when the
// condition %s first holds.
const perfProbe = `(() => {
  if (window !== window.top) return;
  const b = window.__bench = {long: [], ready: 0};
  try {
    new PerformanceObserver(l => { for (const e of l.getEntries()) b.long.push([e.startTime, e.duration]); })
      .observe({type: "longtask", buffered: true});
  } catch (e) {}
  const tick = () => {
    try { if (%s) { b.ready = performance.now(); return; } } catch (e) {}
    setTimeout(tick, 10);
  };
  tick();
})()`

// perfResult is what one page load cost.
type perfResult struct {
	FCP, Ready float64 // ms from navigation start
	Bytes      float64 // transferred before Ready: documents and resources, frames included
	LongMax    float64 // the longest task before Ready, ms
	LongSum    float64
	TaskMS     float64 // main-thread task time when Ready was seen (CDP TaskDuration)
}

// perfCollect reads the probe's figures once the condition held. Frames of the same origin are
// included, their entries shifted to the top frame's time origin.
const perfCollect = `(() => {
  const b = window.__bench, ready = b.ready;
  const fcp = (performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime || 0;
  let bytes = 0;
  const add = (perf, shift) => {
    for (const e of [...perf.getEntriesByType("navigation"), ...perf.getEntriesByType("resource")]) {
      if (e.responseEnd + shift <= ready) bytes += e.transferSize || 0;
    }
  };
  add(performance, 0);
  for (const f of document.querySelectorAll("iframe")) {
    try { add(f.contentWindow.performance, f.contentWindow.performance.timeOrigin - performance.timeOrigin); } catch (e) {}
  }
  const long = b.long.filter(([s, d]) => s < ready);
  return {FCP: fcp, Ready: ready, Bytes: bytes, LongMax: Math.max(0, ...long.map(x => x[1])), LongSum: long.reduce((a, x) => a + x[1], 0)};
})()`

// perfLoad opens url in ctx's tab (throttled by perfTab), and waits until ready (a
// JavaScript condition) holds and the first contentful paint is known.
func perfLoad(t *testing.T, ctx context.Context, url, ready string) perfResult {
	t.Helper()
	if _, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	before := taskDuration(t, ctx)
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.__bench && window.__bench.ready > 0 && performance.getEntriesByName("first-contentful-paint").length > 0`,
		chromedp.WithPollingTimeout(browserWait), chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		t.Fatalf("waiting for %s on %s: %v", ready, url, err)
	}
	task := taskDuration(t, ctx) - before
	r := evalIn[perfResult](t, ctx, perfCollect)
	r.TaskMS = task * 1000
	return r
}

func taskDuration(t *testing.T, ctx context.Context) float64 {
	t.Helper()
	m, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range m.Metrics {
		if x.Name == "TaskDuration" {
			return x.Value
		}
	}
	return 0
}

// perfRuns is how many times each page of budget 3 is loaded: its rows give the medians.
const perfRuns = 3

// perfMedian loads url in n fresh Chromiums (perfTab), one after another, each closed before the
// next starts: left open, a tab installing its service worker takes CPU from the next load. It
// returns the median FCP and the median Ready of the n loads (each the middle of its own values);
// the other figures are the last load's. then, when not nil, runs on the last load's tab before its
// browser closes.
func perfMedian(t *testing.T, name string, n int, url, ready string, cpu float64, then func(t *testing.T, tab context.Context)) perfResult {
	t.Helper()
	var fcps, readies []float64
	var last perfResult
	for i := range n {
		t.Run(fmt.Sprintf("%s-%d", name, i+1), func(t *testing.T) {
			tab := perfTab(t, ready, cpu)
			last = perfLoad(t, tab, url, ready)
			fcps, readies = append(fcps, last.FCP), append(readies, last.Ready)
			if then != nil && i == n-1 {
				then(t, tab)
			}
		})
	}
	if len(fcps) != n {
		t.FailNow() // a load failed, and said why
	}
	slices.Sort(fcps)
	slices.Sort(readies)
	last.FCP, last.Ready = fcps[n/2], readies[n/2]
	return last
}

// perfTab starts a fresh Chromium (empty cache, no worker), with Fast 4G and the CPU slowed cpu
// times, with the probe for ready installed on every page it opens.
func perfTab(t *testing.T, ready string, cpu float64) context.Context {
	t.Helper()
	ctx := newTab(t, "", chromedp.WindowSize(1200, 2400)).ctx
	if _, err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulateNetworkConditions, fast4G); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: cpu}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: fmt.Sprintf(perfProbe, ready)}); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// plainTemplate is the baseline page: the same article as plain static HTML, no script, no style.
var plainTemplate = template.Must(template.New("plain").Parse(`<!doctype html>
<html lang="{{or .Lang "en"}}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title><meta name="description" content="{{.Excerpt}}"></head>
<body><main><article><h1>{{.Title}}</h1>{{if .Byline}}<p>{{.Byline}}</p>{{end}}
{{range .Blocks}}{{if eq .Kind "h2"}}<h2>{{.Text}}</h2>{{else if eq .Kind "h3"}}<h3>{{.Text}}</h3>{{else if eq .Kind "blockquote"}}<blockquote><p>{{.Text}}</p></blockquote>{{else if .Text}}<p>{{.Text}}</p>{{end}}
{{end}}</article></main></body></html>
`))

// inlinedPage is the reader's prerendered page with its stylesheet and theme script copied into
// the page, which DESIGN.md's CSP forbids ("The page has no inline script or style"). It is served
// only by the bench, without a CSP, to show what the first-paint budget would take: the same page
// without the round trip for the files that block its first paint.
func inlinedPage(t *testing.T, s *Server, web, id string) []byte {
	t.Helper()
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/article/"+id, nil))
	page := rec.Body.String()
	css, err := os.ReadFile(filepath.Join(web, "verbatim.css"))
	if err != nil {
		t.Fatal(err)
	}
	js, err := os.ReadFile(filepath.Join(web, "theme.js"))
	if err != nil {
		t.Fatal(err)
	}
	// go-app writes attributes in no fixed order: the tags are found by what they load.
	v := regexp.QuoteMeta("/v/" + s.Version() + "/web/")
	style := "<style>" + strings.ReplaceAll(string(css), `url("fonts/`, `url("/v/`+s.Version()+`/web/fonts/`) + "</style>"
	links, inlined := regexp.MustCompile(`<link [^>]*href="`+v+`verbatim\.css"[^>]*>`), 0
	page = links.ReplaceAllStringFunc(page, func(tag string) string {
		if strings.Contains(tag, `rel="stylesheet"`) {
			inlined++
			return style
		}
		return "" // the preload
	})
	scripts := regexp.MustCompile(`<script [^>]*src="` + v + `theme\.js"[^>]*></script>`)
	if inlined != 1 || len(scripts.FindAllString(page, -1)) != 1 {
		t.Fatalf("the reader page does not load verbatim.css and theme.js once each:\n%s", page)
	}
	page = scripts.ReplaceAllLiteralString(page, "<script>"+string(js)+"</script>")
	return []byte(page)
}

// perfSite serves the reader (s) and, beside it on the same origin, the baselines: the plain
// static article, the reader's page with its render-blocking files inlined (inlinedPage), and two
// partner pages, one with the embed snippet and one with a plain iframe of the static article.
func perfSite(t *testing.T, s *Server, web, id string) string {
	t.Helper()
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/articles/"+id+".json", nil))
	var a model.Article
	if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil {
		t.Fatalf("reading /articles/%s.json: %v (status %d)", id, err, rec.Code)
	}
	var plain bytes.Buffer
	if err := plainTemplate.Execute(&plain, &a); err != nil {
		t.Fatal(err)
	}
	partner := func(body string) []byte {
		return []byte(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner news</title></head><body>
<h1>Partner news</h1><p>The partner's own story comes first; the quoted article is embedded below.</p>` + body + `</body></html>`)
	}
	pages := map[string][]byte{
		"/bench/plain.html":          plain.Bytes(),
		"/bench/inlined.html":        inlinedPage(t, s, web, id),
		"/bench/partner-embed.html":  partner(`<blockquote class="verbatim-embed" data-article="` + id + `"><p>` + template.HTMLEscapeString(a.Title) + `</p></blockquote><script async src="/embed.js"></script>`),
		"/bench/partner-iframe.html": partner(`<iframe src="/bench/plain.html" title="Quoted article" style="width:100%;height:420px;border:0"></iframe>`),
	}
	mux := http.NewServeMux()
	mux.Handle("/", s.Handler())
	for p, b := range pages {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(b)
		})
	}
	return fmt.Sprintf("http://127.0.0.1:%d", serveLoopback(t, mux))
}

// TestPerfBrowser measures budgets 3 (time to words), 4 (embed cost) and, when
// $VERBATIM_BENCH_LIGHTHOUSE names Lighthouse's CLI, 6 (Lighthouse reports written to
// $VERBATIM_BENCH_OUT). The minimal go-app app is served by scripts/bench.sh at
// $VERBATIM_BENCH_MINIMAL_URL; $VERBATIM_BENCH_WEB is the web folder (with app.wasm.br from the build).
func TestPerfBrowser(t *testing.T) {
	if os.Getenv("VERBATIM_BENCH_ROWS") == "" {
		t.Skip("a measurement for scripts/bench.sh (set VERBATIM_BENCH_ROWS)")
	}
	requireBrowser(t)
	web := os.Getenv("VERBATIM_BENCH_WEB")
	if web == "" {
		web = e2eWeb(t)
	}
	s, err := NewServer(Config{Addr: "127.0.0.1:0", WebDir: web, Logger: newTestLogger(io.Discard)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	base := perfSite(t, s, web, sampleID)
	ms := func(v float64) string { return fmt.Sprintf("%.0f ms", v) }
	ratio := func(a, b float64) string { return fmt.Sprintf("%.2f×", a/b) }

	// The measurements' browsers run in a subtest, so that they are closed before Lighthouse runs:
	// left open, their pages (a service worker installing, a throttled tab) took the CPU that
	// Lighthouse times, and it multiplies what it observes by four.
	t.Run("browsers", func(t *testing.T) {
		// 3. Time to words: first contentful paint against the plain static page, then the wasm's
		// takeover against the minimal go-app app, then a repeat visit through the service worker.
		const interactive = `!document.getElementById("app-wasm-loader") && document.documentElement.hasAttribute("data-theme") && document.querySelector("mark[data-quote-id]")`
		const h1 = `document.querySelector("h1")`
		plain := perfMedian(t, "plain", perfRuns, base+"/bench/plain.html", h1, 4, nil)
		var again perfResult
		reader := perfMedian(t, "reader", perfRuns, base+"/article/"+sampleID, interactive, 4, func(t *testing.T, tab context.Context) {
			pollIn(t, tab, "the service worker", `navigator.serviceWorker.ready.then(r => !!r.active)`)
			again = perfLoad(t, tab, base+"/article/"+sampleID, interactive)
		})
		perfRow(t, "3 time to words (4× CPU, Fast 4G)", "FCP /article/"+sampleID, ms(reader.FCP), "plain static HTML "+ms(plain.FCP), ratio(reader.FCP, plain.FCP), "≤ 1.2×", perfVerdict(reader.FCP <= 1.2*plain.FCP))
		inlined := perfMedian(t, "inlined", perfRuns, base+"/bench/inlined.html", h1, 4, nil)
		perfRow(t, "3 time to words (4× CPU, Fast 4G)", "FCP of the same page with verbatim.css and theme.js inline (DESIGN.md forbids it)", ms(inlined.FCP), "plain static HTML "+ms(plain.FCP), ratio(inlined.FCP, plain.FCP), "report", "report")
		if min := os.Getenv("VERBATIM_BENCH_MINIMAL_URL"); min != "" {
			const minReady = `!document.getElementById("app-wasm-loader") && document.querySelector("h1")`
			m := perfMedian(t, "minimal", perfRuns, min+"/", minReady, 4, nil)
			perfRow(t, "3 time to words (4× CPU, Fast 4G)", "interactive (wasm took over)", ms(reader.Ready), "minimal go-app "+ms(m.Ready), ratio(reader.Ready, m.Ready), "≤ 1.3×", perfVerdict(reader.Ready <= 1.3*m.Ready))
		}
		perfRow(t, "3 time to words (4× CPU, Fast 4G)", "repeat visit (service worker): FCP; interactive", ms(again.FCP)+"; "+ms(again.Ready),
			"first visit "+ms(reader.FCP)+"; "+ms(reader.Ready), ratio(again.Ready, reader.Ready), "report", "report")

		// 4. Embed cost on a partner page, against a plain iframe of the static page. The CPU is not
		// slowed here: the budget's 50 ms long task is a desktop figure (at 4× even the plain iframe's
		// page has a task over 50 ms).
		const frameReadable = `(() => { const f = document.querySelector("iframe"); const d = f && f.contentDocument; return !!(d && d.body && (d.querySelector("[data-quote-id]") || (!d.querySelector("[data-verbatim]") && d.location.pathname === "/bench/plain.html" && d.querySelector("p")))); })()`
		emb := perfMedian(t, "embed", 1, base+"/bench/partner-embed.html", frameReadable, 1, nil)
		ifr := perfMedian(t, "iframe", 1, base+"/bench/partner-iframe.html", frameReadable, 1, nil)
		kb := func(v float64) string { return fmt.Sprintf("%.1f KB", v/1000) }
		perfRow(t, "4 embed (1× CPU, Fast 4G)", "bytes until readable", kb(emb.Bytes), "plain iframe "+kb(ifr.Bytes), ratio(emb.Bytes, ifr.Bytes), "≤ 60 KB", perfVerdict(emb.Bytes <= 60e3))
		perfRow(t, "4 embed (1× CPU, Fast 4G)", "longest task until readable", ms(emb.LongMax), "plain iframe "+ms(ifr.LongMax), "", "≤ 50 ms", perfVerdict(emb.LongMax <= 50))
		perfRow(t, "4 embed (1× CPU, Fast 4G)", "main-thread time until readable", ms(emb.TaskMS), "plain iframe "+ms(ifr.TaskMS), ratio(emb.TaskMS, ifr.TaskMS), "report", "report")
		perfRow(t, "4 embed (1× CPU, Fast 4G)", "time until readable", ms(emb.Ready), "plain iframe "+ms(ifr.Ready), ratio(emb.Ready, ifr.Ready), "report", "report")
	})

	// 6. Lighthouse, on the reader page and on the plain static page, from the same server.
	lh, out := os.Getenv("VERBATIM_BENCH_LIGHTHOUSE"), os.Getenv("VERBATIM_BENCH_OUT")
	if lh == "" || out == "" {
		return
	}
	chromium := requireBrowser(t)
	// Lighthouse's own advice for a noisy machine: run it several times and keep the median run.
	const runs = 3
	for name, u := range map[string]string{"reader": base + "/article/" + sampleID, "plain": base + "/bench/plain.html"} {
		type run struct {
			path  string
			score float64
		}
		var done []run
		for i := range runs {
			report := filepath.Join(out, fmt.Sprintf("lighthouse-%s-%d.json", name, i+1))
			cmd := exec.Command(lh, u, "--quiet", "--output=json", "--output-path="+report,
				"--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync")
			cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("lighthouse on %s: %v\n%s", u, err, b)
				continue
			}
			var r struct {
				Categories struct {
					Performance struct{ Score float64 }
				}
			}
			b, err := os.ReadFile(report)
			if err == nil {
				err = json.Unmarshal(b, &r)
			}
			if err != nil {
				t.Errorf("reading %s: %v", report, err)
				continue
			}
			done = append(done, run{report, r.Categories.Performance.Score})
		}
		if len(done) == 0 {
			continue
		}
		slices.SortFunc(done, func(a, b run) int { return cmp.Compare(a.score, b.score) })
		median := done[len(done)/2]
		b, err := os.ReadFile(median.path)
		if err == nil {
			err = os.WriteFile(filepath.Join(out, "lighthouse-"+name+".json"), b, 0o644)
		}
		if err != nil {
			t.Error(err)
		}
		var scores []string
		for _, r := range done {
			scores = append(scores, fmt.Sprintf("%.0f", r.score*100))
		}
		t.Logf("lighthouse %s: performance %s over %d runs; the table shows the median run, %s", name, strings.Join(scores, ", "), len(done), median.path)
	}
}
