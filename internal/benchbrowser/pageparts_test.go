package benchbrowser

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"verbatim/article/model"
)

// pageParts are the parts of the reader's page that BenchmarkReaderPageParts leaves out of a copy
// of it (or replaces, with), one copy each, beside the page itself and the plain page. Attribute
// order in go-app's output varies, hence the [^>]* before each class or id.
var pageParts = []pagePart{
	{"no-aside", []string{`(?s)<aside [^>]*class="reader-side".*?</aside>`}, nil},
	{"no-settings", []string{`(?s)<details [^>]*class="controls".*?</details>`}, nil},
	{"no-style", []string{`(?s)<style>.*?</style>`}, nil},
	{"article-only", []string{ // no aside, toolbar, settings, dialog or banners
		`(?s)<aside [^>]*class="reader-side".*?</aside>`, `(?s)<div [^>]*class="toolbar".*?</details></div>`,
		`(?s)<div [^>]*id="shortcuts".*?</button></div>`, `(?s)<div [^>]*class="banner-slot".*?</button></div></div>`}, nil},
	// generic-fonts: each font stack cut to its generic family, so that no family the machine
	// lacks is looked up.
	{"generic-fonts", []string{`--serif: [^;]*;`, `--sans: [^;]*;`}, []string{"--serif: serif;", "--sans: sans-serif;"}},
	// no-expect: without the link that holds rendering until the parser reached #main (the
	// post-processor's step "render after #main"), so that the browser may paint a frame of the
	// page's head and an empty body first.
	{"no-expect", []string{`<link rel="expect" href="#main" blocking="render"/>`}, nil},
	// no-storage-read: the settings script as it runs for a reader who never saved a setting, but
	// without asking local storage: a page's first read of it waits on two synchronous calls to the
	// browser (its content settings, then the storage area) inside the head's parse.
	{"no-storage-read", []string{`window\.localStorage\.getItem\(KEY\)`}, []string{"null"}},
	// cv-side: the aside (legend, quote panel) and the article's footer laid out and painted only
	// near the view (content-visibility: auto), as an embed's are: at a phone's width both are
	// below the article, out of the first viewport.
	{"cv-side", []string{`</style>`}, []string{cvSide + "</style>"}},
	// viewport-first: the viewport's meta element first in the head, where go-app writes it after
	// the sheet and the scripts, so that the head's parse runs at the phone's width from the start.
	{"viewport-first", []string{`<meta content="width=device-width[^>]*name="viewport"/>`, `<meta charset="UTF-8"/>`},
		[]string{"", `<meta charset="UTF-8"/><meta content="width=device-width, initial-scale=1, viewport-fit=cover" name="viewport"/>`}},
	// settings-in-head: the settings' choices and script moved from just before main#main, where
	// the page has had them since firstpaint5 (settingsBeforeMain), back to the end of the head,
	// as the page had them before: the parser's budget is then spent in the head, and it goes on
	// into the article before the first frame.
	{"settings-in-head", []string{`(?s)(</head>)(.*?)(<script type="application/json" id="verbatim-settings-choices">.*?</script><script>.*?</script>)(<main )`},
		[]string{"${3}${1}${2}${4}"}},
	// cv-all: cv-side and each of the article's blocks too, as an embed's.
	{"cv-all", []string{`</style>`}, []string{cvSide + " " + cvBlocks + "</style>"}},
	// cv-first: cv-all for the first frame only: a script at the end of the body switches the
	// containment off after the first frame (the next task after its animation frame), as reader.js
	// would on its arrival, so that what reads the page's height (the remembered reading position)
	// reads the real one.
	{"cv-first", []string{`</style>`, `</body>`}, []string{cvFirstRule + "</style>", cvFirstOff + "</body>"}},
}

// cvBlocks is the rule that cv-all adds to cvSide: each of the article's blocks laid out and
// painted only near the view, as an embed's are.
const cvBlocks = ".article-body > * { content-visibility: auto; contain-intrinsic-size: auto 6em; }"

// cvFirstRule is cv-first's rule: cv-all's containment until <html> has data-laid-out.
const cvFirstRule = "html:not([data-laid-out]) .reader-side, html:not([data-laid-out]) .extras { content-visibility: auto; contain-intrinsic-size: auto 40rem; }" +
	" html:not([data-laid-out]) .article-body > * { content-visibility: auto; contain-intrinsic-size: auto 6em; }"

// cvFirstOff is cv-first's script: it sets data-laid-out on <html> in the task after the first
// frame.
const cvFirstOff = `<script>requestAnimationFrame(function () { setTimeout(function () { document.documentElement.setAttribute("data-laid-out", ""); }); });</script>`

// cvSide is the rule of the cv-side copy, which cv-all adds to: the aside and the article's footer
// laid out and painted only near the view.
const cvSide = ".reader-side, .extras { content-visibility: auto; contain-intrinsic-size: auto 40rem; }"

// pagePart is one of pageParts.
type pagePart struct {
	name    string // the metrics' prefix
	pattern []string
	with    []string // what replaces each pattern's matches ("" when shorter than pattern; ${1} is its first group)
}

// criticalPart is the name of the copy whose inline sheet holds only the main column's rules
// (criticalCopy), beside pageParts.
const criticalPart = "critical-css"

// combos are copies that stack several pageParts, in order, and then, when critical, criticalCopy's
// split of the sheet (the rest linked at the end of the body from /{name}-rest.css): the changes
// that each took some main-thread time off before the first paint, together.
var combos = []struct {
	name     string
	parts    []string
	critical bool
}{
	// combined: the containment for the first frame only, and only the main column's rules inline,
	// on the page that has its settings before main#main (firstpaint5 measured these with the
	// settings moved there; the page now has them there itself).
	{"combined", []string{"cv-first"}, true},
}

// partCopy returns page with the part named name (of pageParts) applied: its patterns replaced.
// Every part is around the article: a pattern that reaches into it (as the banners' once did, to
// the end of the page) would measure a page without its text, so the copy must keep every quote
// mark of the body.
func partCopy(page, name string) (string, error) {
	i := slices.IndexFunc(pageParts, func(p pagePart) bool { return p.name == name })
	if i < 0 {
		return "", fmt.Errorf("no page part %q", name)
	}
	p := pageParts[i]
	s := page
	for j, re := range p.pattern {
		with := ""
		if j < len(p.with) {
			with = p.with[j]
		}
		out := regexp.MustCompile(re).ReplaceAllString(s, with)
		if out == s {
			return "", fmt.Errorf("%s: %s matched nothing in the reader's page", p.name, re)
		}
		s = out
	}
	// Marks are counted in the body: the style sheet names <mark> in its comments.
	body := func(s string) string { return s[strings.Index(s, "<body"):] }
	if got, want := strings.Count(body(s), "<mark"), strings.Count(body(page), "<mark"); got != want {
		return "", fmt.Errorf("%s: the copy keeps %d of the article's %d quote marks", p.name, got, want)
	}
	return s, nil
}

// pagePartsOnly returns the copies BenchmarkReaderPageParts loads: the names in $PAGEPARTS (of
// pageParts, criticalPart and combos), or all of them when it is empty.
func pagePartsOnly() []string {
	if only := strings.Fields(os.Getenv("PAGEPARTS")); len(only) > 0 {
		return only
	}
	return allPageParts()
}

// allPageParts names every copy BenchmarkReaderPageParts can load: pageParts, criticalPart and
// combos.
func allPageParts() []string {
	var all []string
	for _, p := range pageParts {
		all = append(all, p.name)
	}
	all = append(all, criticalPart)
	for _, c := range combos {
		all = append(all, c.name)
	}
	return all
}

// BenchmarkReaderPageParts loads the reader's page of the sample at 4× CPU and Fast 4G beside the
// plain page and copies of the reader's page without one part each (pageParts), with only its
// critical rules inline (criticalCopy) and with several of those changes together (combos),
// taking turns, b.N rounds, a fresh Chromium each load, and reports for each the median first
// contentful paint and the median end of the document's parse (domInteractive), in ms from
// navigation start, as the metrics {page}-fcp-ms and {page}-parsed-ms, and the median thread time
// of the main thread's work before the first contentful paint, in all and by phase
// (mainThreadCPU), as {page}-cpu-{phase}-ms; it logs each page's loads, first paint and layout
// thread time, in order, for the spread a median hides: the wall times move with the machine's
// load, the thread times much less. It asks which part of the page costs the reader its time to
// words; it is a measurement, never a test:
//
//	go test -run '^$' -bench ReaderPageParts -benchtime 8x ./internal/benchbrowser
//
// The copies are served, brotli-compressed, from another local origin that fetches everything else
// from the reader's server, without the page's CSP (whose hashes would refuse a changed inline element). Keys are
// not pressed: a copy without the toolbar has nothing that handles one. PAGEPARTS="no-expect
// critical-css" loads only those copies beside the page and the plain page.
func BenchmarkReaderPageParts(b *testing.B) {
	exe, err := FindChromium()
	if err != nil {
		b.Skip(err)
	}
	site, err := StartSite(testWeb(b), []model.ArticleID{"zakaria-peskov", "harbour-council"})
	if err != nil {
		b.Fatal(err)
	}
	defer site.Close()
	res, err := http.Get(site.Reader + model.ArticlePath("zakaria-peskov"))
	if err != nil {
		b.Fatal(err)
	}
	page, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		b.Fatal(err)
	}
	copies, names, css, err := pageCopies(string(page), pagePartsOnly())
	if err != nil {
		b.Fatal(err)
	}
	// The copies go brotli-compressed, as the server sends the page: sent whole, 37 KB at Fast 4G
	// arrive in pieces, and the browser parses and paints them piece by piece, which the page
	// itself never makes it do.
	served := map[string]http.Handler{}
	for path, body := range copies {
		served[path] = staticFile("text/html; charset=utf-8", []byte(body))
	}
	for path, sheet := range css {
		served[path] = staticFile("text/css; charset=utf-8", []byte(sheet))
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	proxy := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := served[r.URL.Path]; ok {
			h.ServeHTTP(w, r)
			return
		}
		req, err := http.NewRequest(r.Method, site.Reader+r.URL.RequestURI(), nil)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		req.Header = r.Header.Clone()
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer res.Body.Close()
		for k, vs := range res.Header {
			if k != "Content-Security-Policy" {
				w.Header()[k] = vs
			}
		}
		w.WriteHeader(res.StatusCode)
		io.Copy(w, res.Body)
	})}
	go proxy.Serve(ln)
	defer proxy.Close()
	urls := []string{site.Plain + "/article/zakaria-peskov.html", "http://" + ln.Addr().String() + "/reader"}
	for i := range names[2:] {
		urls = append(urls, "http://"+ln.Addr().String()+partPath(i))
	}

	fcp := make([][]float64, len(urls))
	parsed := make([][]float64, len(urls))
	cpu := map[string][][]float64{}
	for _, p := range cpuPhases {
		cpu[p] = make([][]float64, len(urls))
	}
	b.ResetTimer()
	for range b.N {
		for i, u := range urls {
			t, err := openTab(context.Background(), exe, phone)
			if err != nil {
				b.Fatal(err)
			}
			tr, err := startTrace(t)
			if err != nil {
				b.Fatal(err)
			}
			l, err := t.measureLoad(u, loadOptions{})
			if err == nil {
				var di float64
				di, err = eval[float64](t, 10*time.Second, `performance.getEntriesByType("navigation")[0].domInteractive`)
				parsed[i] = append(parsed[i], di)
				fcp[i] = append(fcp[i], l.FCP)
			}
			if err == nil {
				var evs []traceEvent
				if evs, err = tr.stop(t); err == nil {
					var phases map[string]float64
					if phases, err = mainThreadCPU(evs); err == nil {
						for _, p := range cpuPhases {
							cpu[p][i] = append(cpu[p][i], phases[p])
						}
					}
				}
			}
			t.close()
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	med := func(v []float64) float64 {
		sort.Float64s(v)
		return v[len(v)/2]
	}
	for i, n := range names {
		b.Logf("%s: first contentful paint %v ms; layout before it %v ms of thread time", n, sorted(fcp[i]), sorted(cpu["layout"][i]))
	}
	for i, n := range names {
		b.ReportMetric(med(fcp[i]), n+"-fcp-ms")
		b.ReportMetric(med(parsed[i]), n+"-parsed-ms")
		for _, p := range cpuPhases {
			b.ReportMetric(med(cpu[p][i]), n+"-cpu-"+p+"-ms")
		}
	}
}

// sorted returns v's values rounded to whole numbers, in order: each load's figure, for the spread
// that a median hides.
func sorted(v []float64) []int {
	out := make([]int, len(v))
	for i, x := range v {
		out[i] = int(x + .5)
	}
	slices.Sort(out)
	return out
}

// pageCopies makes the copies of the reader's page that only names (of pageParts, criticalPart and
// combos), served at partPath(i) for the i-th of them, with main's page at /reader: it returns the
// copies by path, the pages' names in order ("plain" and "reader" first) and the style sheets the
// copies link (criticalCopy's rests) by path. A part that no longer matches the page is an error,
// which TestPageCopies reports in make test, before a benchmark run would.
func pageCopies(page string, only []string) (copies map[string]string, names []string, css map[string]string, err error) {
	copies = map[string]string{"/reader": page}
	names = []string{"plain", "reader"}
	css = map[string]string{}
	for _, p := range pageParts {
		if !slices.Contains(only, p.name) {
			continue
		}
		s, err := partCopy(page, p.name)
		if err != nil {
			return nil, nil, nil, err
		}
		copies[partPath(len(names)-2)] = s
		names = append(names, p.name)
	}
	if slices.Contains(only, criticalPart) {
		s, rest, err := criticalCopy(page, criticalRestPath)
		if err != nil {
			return nil, nil, nil, err
		}
		copies[partPath(len(names)-2)], css[criticalRestPath] = s, rest
		names = append(names, criticalPart)
	}
	for _, c := range combos {
		if !slices.Contains(only, c.name) {
			continue
		}
		s := page
		for _, p := range c.parts {
			if s, err = partCopy(s, p); err != nil {
				return nil, nil, nil, err
			}
		}
		if c.critical {
			path := "/" + c.name + "-rest.css"
			if s, css[path], err = criticalCopy(s, path); err != nil {
				return nil, nil, nil, err
			}
		}
		copies[partPath(len(names)-2)] = s
		names = append(names, c.name)
	}
	if len(names)-2 != len(only) {
		return nil, nil, nil, fmt.Errorf("PAGEPARTS names %q; the parts are %q", only, names[2:])
	}
	return copies, names, css, nil
}

// partPath is where BenchmarkReaderPageParts serves its copy number i.
func partPath(i int) string { return fmt.Sprintf("/part%d", i) }

// cpuPhases are the main-thread phases BenchmarkReaderPageParts reports (mainThreadCPU).
var cpuPhases = []string{"tasks", "parse", "script", "style", "layout", "paint"}
