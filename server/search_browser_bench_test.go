package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"verbatim/internal/searchcorpus"
)

// searchBenchQueries are the queries of BenchmarkSearchPage: plain words, which the baseline's
// substring scan answers too.
var searchBenchQueries = []string{"kremlin sanctions", "election vote", "müller straße", "government", "peace talks", "the"}

// searchRun types a query into the search page's field, submits the form as a reader would, and
// resolves with [the time until the page shows this browser's hits for it, the index's own time
// (data-search-us), the time since the navigation started], in ms. The first includes the index's
// search and go-app's render of the hits: data-search-for on the live region names the query the
// hits shown answer, and a MutationObserver sees it change.
const searchRun = `(async (query) => {
  const q = document.getElementById("search-q");
  q.value = query;
  const status = document.getElementById("search-status");
  const done = () => {
    const want = new URLSearchParams({q: query.trim()}).toString();
    return decodeURIComponent(status.dataset.searchFor || "") === want && !!document.getElementById("search-local-title");
  };
  const t0 = performance.now();
  const seen = new Promise((resolve) => {
    const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); resolve(); } });
    mo.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  });
  document.getElementById("search-submit").click();
  await seen;
  return [performance.now() - t0, Number(status.dataset.searchUs) / 1000, performance.now()];
})`

// searchBaseline is the baseline: a plain linear scan in the same page, the stored articles' text
// (read from IndexedDB once, lowercased) searched for every word of the query with includes.
const searchBaseline = `(async (query) => {
  if (!window.__texts) {
    window.__texts = await new Promise((ok, fail) => {
      const r = indexedDB.open("verbatim");
      r.onerror = () => fail(r.error);
      r.onsuccess = () => {
        const g = r.result.transaction("articles").objectStore("articles").getAll();
        g.onsuccess = () => ok(g.result.map((rec) => {
          const a = JSON.parse(rec.article);
          return [a.title, ...a.blocks.map((b) => b.text), ...a.quotes.map((q) => q.text + " " + q.speaker)].join("\n").toLowerCase();
        }));
        g.onerror = () => fail(g.error);
      };
    });
  }
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const t0 = performance.now();
  const hits = window.__texts.filter((t) => words.every((w) => t.includes(w))).length;
  return [performance.now() - t0, hits];
})`

// searchKept is true once this browser's index is kept in the store, at the store's generation.
const searchKept = `verbatimStore.searchIndex().then((x) => !!x.data && x.generation === x.current)`

// searchBaselineFirst times the baseline's first search in a page: reading the stored articles and
// lowercasing their text, then the scan.
const searchBaselineFirst = `(async (query) => {
  const t0 = performance.now();
  await (` + searchBaseline + `)(query);
  return performance.now() - t0;
})`

// BenchmarkSearchPage measures the search page in headless Chromium at 4× CPU (the benchmark's
// phone, internal/benchbrowser) over 1,000 saved articles in IndexedDB (internal/searchcorpus):
// per query, from the form's submit to this browser's hits on screen, against a plain linear scan
// of the same articles' text in the same page. It reports the median (ms-per-query), the baseline's
// median (baseline-ms), their ratio (x-baseline), and the first search after opening the page, from
// the navigation's start: with no index kept, which reads the store and builds the index
// (first-ms), and after a reload, which reads the index kept in the store (reload-first-ms), their
// ratio (x-first), the same page's start (app.wasm running the page, wasm-ms: what any search waits
// for), and the baseline's first search in that page (baseline-first-ms: reading and lowercasing
// the articles, and the scan, from the call). It needs Chromium and the built wasm (make wasm), and
// is skipped without them.
func BenchmarkSearchPage(b *testing.B) {
	exe := ""
	for _, p := range append([]string{os.Getenv("CHROMIUM")}, chromiumNames...) {
		if path, err := exec.LookPath(p); p != "" && err == nil {
			exe = path
			break
		}
	}
	if _, err := os.Stat("../web/app.wasm"); exe == "" || err != nil {
		b.Skip("needs Chromium and web/app.wasm (make wasm)")
	}
	s, err := NewServer(Config{Addr: "127.0.0.1:0", WebDir: "../web", StateDir: b.TempDir(),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Start(context.Background()); err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromedp.ExecPath(exe), chromedp.Headless,
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.UserDataDir(b.TempDir()))
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancelLife := context.WithTimeout(ctx, 20*time.Minute)
	defer cancelLife()
	do := func(actions ...chromedp.Action[chromedp.Void]) {
		b.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			b.Fatal(err)
		}
	}
	wait := func(cond string) {
		b.Helper()
		if err := poll(ctx, cond, 10*time.Minute); err != nil {
			b.Fatalf("waiting for %s: %v", cond, err)
		}
	}
	evalTo := func(expr string, v any) {
		b.Helper()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](expr, chromedp.EvalAwaitPromise))
		if err == nil {
			err = json.Unmarshal(got, v)
		}
		if err != nil {
			b.Fatalf("evaluating %.80s: %v", expr, err)
		}
	}
	do(chromedp.Navigate(s.URL() + "/search"))
	wait(`document.documentElement.dataset.app === "wasm" && !!window.verbatimStore`)
	arts := searchcorpus.Articles(1, 1000)
	for i := 0; i < len(arts); i += 50 {
		var batch []string
		for _, a := range arts[i:min(i+50, len(arts))] {
			j, err := json.Marshal(a)
			if err != nil {
				b.Fatal(err)
			}
			batch = append(batch, string(j))
		}
		arg, _ := json.Marshal(batch)
		var ok bool
		evalTo(fmt.Sprintf(`Promise.all(%s.map((j) => verbatimStore.put(j, "saved"))).then(() => true)`, arg), &ok)
	}
	if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}); err != nil {
		b.Fatal(err)
	}
	do(chromedp.Navigate(s.URL() + "/search"))
	wait(`document.documentElement.dataset.app === "wasm" && !!document.getElementById("search-submit")`)
	measure := func(fn, q string, v any) {
		b.Helper()
		arg, _ := json.Marshal(q)
		evalTo(fn+"("+string(arg)+")", v)
	}
	// The page brings its index up to date when it mounts (all 1,000 articles read from the store
	// and indexed): the first search waits for that. first-ms is from the navigation's start.
	var first, again [3]float64
	measure(searchRun, "kremlin", &first)
	// The page keeps the index it built; a reload reads it back.
	wait(searchKept)
	do(chromedp.Navigate(s.URL() + "/search"))
	wait(`document.documentElement.dataset.app === "wasm" && !!document.getElementById("search-submit")`)
	var wasmMS float64
	evalTo(`performance.now()`, &wasmMS)
	measure(searchRun, "kremlin", &again)
	var read string
	evalTo(`document.getElementById("search-status").dataset.searchRead`, &read)
	if read != "0" {
		b.Fatalf("after the reload the page read %s articles from the store, want 0 (the kept index)", read)
	}
	var baseFirst float64
	measure(searchBaselineFirst, "kremlin", &baseFirst)
	var page, base, index []float64
	for b.Loop() {
		for _, q := range searchBenchQueries {
			var ms [3]float64
			measure(searchRun, q, &ms)
			page = append(page, ms[0])
			index = append(index, ms[1])
			var r [2]float64
			measure(searchBaseline, q, &r)
			base = append(base, r[0])
		}
	}
	median := func(xs []float64) float64 {
		ys := slices.Clone(xs)
		slices.Sort(ys)
		return ys[len(ys)/2]
	}
	b.ReportMetric(median(page), "ms-per-query")
	b.ReportMetric(median(base), "baseline-ms")
	b.ReportMetric(median(page)/max(median(base), 0.001), "x-baseline")
	b.ReportMetric(median(index), "index-ms")
	b.ReportMetric(first[2], "first-ms")
	b.ReportMetric(again[2], "reload-first-ms")
	b.ReportMetric(again[2]/first[2], "x-first")
	b.ReportMetric(wasmMS, "wasm-ms")
	b.ReportMetric(baseFirst, "baseline-first-ms")
	b.Logf("per query (%q): page %v ms, index %v ms, baseline %v ms", searchBenchQueries, page, index, base)
	b.ReportMetric(0, "ns/op")
}
