// Package benchbrowser makes the benchmark table's browser rows (BENCHMARKS.md): the real Verbatim
// server (package server) and, beside it in the same run, its baselines (the same article as plain
// static HTML, the minimal go-app app, a partner page with plain iframes), loaded by headless
// Chromium over CDP as a phone would (4× CPU, Fast 4G) and audited by Lighthouse. Every figure is
// set against its baseline measured in the same run on the same machine. It measures and never
// asserts: cmd/benchbrowser prints its rows, and scripts/bench.sh (make bench) runs it.
//
// Trust boundary: none beyond loopback. The pages it loads are Verbatim's and its own; the probe's
// reports come from those pages and are only parsed as numbers.
package benchbrowser

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strings"
	"time"

	"verbatim/article"
	"verbatim/article/model"
)

// Config says what Run measures, and with what.
type Config struct {
	Chromium    string            // Chromium's path (FindChromium)
	Web         string            // the built web folder the verbatim server serves
	Articles    []model.ArticleID // the sample every page shows, then the partner page's second embed
	SampleText  string            // the sample's text file, pasted into /import
	MinimalURL  string            // the minimal go-app app, served by scripts/bench.sh; empty: no rows of it
	Runs        int               // loads of each page in Chromium; the rows give medians
	FCPRuns     int               // untouched loads of the plain page and the reader for the first-paint goal row (load); fewer than Runs means Runs
	Lighthouse  string            // Lighthouse's CLI (bench/node_modules/.bin/lighthouse); empty: no Lighthouse rows
	LHRuns      int               // Lighthouse runs of each page
	LHEmbedRuns int               // Lighthouse runs of the two partner pages for the embed goal row; fewer than LHRuns means LHRuns
	Out         string            // the folder for Lighthouse's reports
	Only        []string          // the measures to make, of Measures; all when empty
	Log         io.Writer         // progress and failures
}

// Measures are the measures Run can make, in the order it makes them. Lighthouse comes last, once
// every Chromium of the others is closed: left open, a page installing its service worker takes the
// CPU that Lighthouse times. lighthouse-embed is lighthouse's two partner pages alone (their rows
// are in lighthouse's too), for work on the embed.
var Measures = []string{"load", "takeover", "embed", "import", "lighthouse", "lighthouse-embed"}

// phone is the device every Chromium measure emulates.
var phone = Phone{CPU: 4, Network: Fast4G}

// Run starts the site, makes the measures and returns their rows. A measure that fails gives a row
// that says so, and Run then returns an error too.
func Run(ctx context.Context, cfg Config) ([]Row, error) {
	for _, m := range cfg.Only {
		if !slices.Contains(Measures, m) {
			return nil, fmt.Errorf("unknown measure %q (have %s)", m, strings.Join(Measures, ", "))
		}
	}
	if cfg.Runs < 1 || cfg.LHRuns < 1 {
		return nil, fmt.Errorf("runs must be at least 1")
	}
	site, err := StartSite(cfg.Web, cfg.Articles)
	if err != nil {
		return nil, err
	}
	defer site.Close()
	r := &runner{ctx: ctx, cfg: cfg, site: site, id: cfg.Articles[0]}
	fmt.Fprintf(cfg.Log, "benchbrowser: reader %s, plain pages %s, partner %s\n", site.Reader, site.Plain, site.Partner)
	var rows []Row
	var errs []error
	for _, m := range Measures {
		if len(cfg.Only) > 0 && !slices.Contains(cfg.Only, m) {
			continue
		}
		fmt.Fprintf(cfg.Log, "benchbrowser: %s\n", m)
		var got []Row
		var err error
		switch m {
		case "load":
			got, err = r.load()
		case "takeover":
			got, err = r.takeover()
		case "embed":
			got, err = r.embed()
		case "import":
			got, err = r.importParse()
		case "lighthouse":
			got, err = r.lighthouse(false)
		case "lighthouse-embed":
			got, err = r.lighthouse(true)
		}
		rows = append(rows, got...)
		if err != nil {
			fmt.Fprintf(cfg.Log, "benchbrowser: %s: %v\n", m, err)
			errs = append(errs, fmt.Errorf("%s: %w", m, err))
		}
	}
	return rows, errors.Join(errs...)
}

type runner struct {
	ctx  context.Context
	cfg  Config
	site *Site
	id   model.ArticleID
}

func (r *runner) readerURL() string { return r.site.Reader + model.ArticlePath(r.id) }
func (r *runner) plainURL() string  { return r.site.Plain + "/article/" + string(r.id) + ".html" }

// load: first contentful paint and the first handled "h", the reader against the plain page, and
// the reader's repeat visit once its service worker is active.
//
// First paint and the first handled key come from separate loads, taking turns: a load that is
// pressed "h" every keyEvery from its commit gives each page input to handle while it parses and
// paints (the reader's inline settings script takes the key during parsing, the plain page only
// after its load), which moves first paint by a different amount on each page. So each page is
// loaded once untouched for its first paint and once pressed for its first handled key, Runs
// rounds; then the two pages are loaded untouched, taking turns, until each has FCPRuns loads for
// the first-paint goal row: with three loads a page the ratio of one build moved from 0.83× to
// 2.53× between two runs on a busy host, and the plain page's own median by a fifth on a quiet one
// (BENCHMARKS.md).
func (r *runner) load() ([]Row, error) {
	b := "3 time to words (" + phone.Describe() + ")"
	reader := "/article/" + string(r.id)
	var againPaint, againKey load
	var againErr error
	const readerPressed = 3 // the index of the reader's pressed load below
	res, err := loads(r.ctx, r.cfg.Chromium, phone, r.cfg.Runs, []string{r.plainURL(), r.readerURL(), r.plainURL(), r.readerURL()},
		[]loadOptions{{}, {}, {Keys: true}, {Keys: true}}, func(i int, t *tab) error {
			if i != readerPressed {
				return nil
			}
			if againErr = t.waitForWorker(); againErr == nil {
				againPaint, againErr = t.measureLoad(r.readerURL(), loadOptions{})
			}
			if againErr == nil {
				againKey, againErr = t.measureLoad(r.readerURL(), loadOptions{Keys: true})
			}
			return nil
		})
	if err == nil && r.cfg.FCPRuns > r.cfg.Runs {
		var more [][]load
		more, err = loads(r.ctx, r.cfg.Chromium, phone, r.cfg.FCPRuns-r.cfg.Runs, []string{r.plainURL(), r.readerURL()},
			[]loadOptions{{}, {}}, nil)
		if err == nil {
			res[0], res[1] = append(res[0], more[0]...), append(res[1], more[1]...)
		}
	}
	if err != nil {
		return []Row{failedRow(b, "first contentful paint, "+reader, "≤ 1.25× the plain page", err)}, err
	}
	fcp := func(l load) float64 { return l.FCP }
	handled := func(l load) float64 { return l.Handled }
	pf, rf := pick(res[0], fcp), pick(res[1], fcp)
	plain := res[2]
	ph, rh := pick(plain, handled), pick(res[readerPressed], handled)
	rows := []Row{
		{b, fmt.Sprintf("first contentful paint, %s (%d loads of each page without key presses)", reader, len(rf)), spread(rf, ms), "plain static HTML " + spread(pf, ms),
			ratio(median(rf), median(pf)), "≤ 1.25×", verdict(median(rf) <= 1.25*median(pf))},
		{b, "first keypress handled (h, pressed from navigation start; loads of their own), " + reader, spread(rh, ms),
			"plain static HTML with a one-line h handler " + spread(ph, ms) + "; its load event " + ms(median(pick(plain, func(l load) float64 { return l.Load }))),
			ratio(median(rh), median(ph)), "≤ 1.3×", verdict(median(rh) <= 1.3*median(ph))},
	}
	// The first paint of the pressed loads, the measure of the goal row before it had loads of its own.
	ppf, prf := pick(plain, fcp), pick(res[readerPressed], fcp)
	rows = append(rows, Row{b, "first contentful paint, " + reader + ", in the loads pressed with h", spread(prf, ms),
		"plain static HTML " + spread(ppf, ms), ratio(median(prf), median(ppf)), "report", "report"})
	rb := "3 repeat visit from the service worker (" + phone.Describe() + ")"
	switch {
	case againErr != nil:
		rows = append(rows, failedRow(rb, "first contentful paint; first keypress handled", "report", againErr))
		return rows, againErr
	case !againPaint.Controlled || !againKey.Controlled:
		rows = append(rows, Row{rb, "first contentful paint; first keypress handled", ms(againPaint.FCP) + "; " + ms(againKey.Handled) + ", but no service worker controlled the page",
			"first visit " + ms(median(rf)) + "; " + ms(median(rh)), "", "served by the worker", "FAIL"})
	default:
		rows = append(rows, Row{rb, "first contentful paint; first keypress handled (two repeat visits, the second pressed)", ms(againPaint.FCP) + "; " + ms(againKey.Handled),
			"first visit " + ms(median(rf)) + "; " + ms(median(rh)), ratio(againPaint.FCP, median(rf)) + "; " + ratio(againKey.Handled, median(rh)), "report", "report"})
	}
	return rows, nil
}

// takeover: the library page's wasm against the minimal go-app app's, until go-app's main ran.
func (r *runner) takeover() ([]Row, error) {
	b := "3 takeover (" + phone.Describe() + ")"
	measure := "library page /: go-app's main ran and its loader is gone"
	if r.cfg.MinimalURL == "" {
		err := fmt.Errorf("no minimal go-app app to compare with (-minimal)")
		return []Row{failedRow(b, measure, "≤ 1.3× (issue 7)", err)}, err
	}
	res, err := loads(r.ctx, r.cfg.Chromium, phone, r.cfg.Runs, []string{r.site.Reader + "/", r.cfg.MinimalURL + "/"},
		[]loadOptions{{Ready: goRunning}, {Ready: goRunning}}, nil)
	if err != nil {
		return []Row{failedRow(b, measure, "≤ 1.3× (issue 7)", err)}, err
	}
	ready := func(l load) float64 { return l.Ready }
	ours, min := pick(res[0], ready), pick(res[1], ready)
	return []Row{{b, measure, spread(ours, ms), "minimal go-app app " + spread(min, ms), ratio(median(ours), median(min)),
		"≤ 1.3× (issue 7)", verdict(median(ours) <= 1.3*median(min))}}, nil
}

// embed: the partner page with two embeds against the same page with two plain iframes, the frames
// in the partner's process.
func (r *runner) embed() ([]Row, error) {
	p := phone
	p.InProcessFrames = true
	b := "4 embed: partner page, two embeds (" + p.Describe() + ")"
	ids := r.site.Articles[:2]
	embedJS := r.site.Reader + "/embed.js"
	pages := []struct {
		url    string
		frames []string
		shared func(*netRequest) bool
	}{
		{r.site.Partner + "/embeds.html", []string{r.site.Reader + model.EmbedPath(ids[0]) + "?", r.site.Reader + model.EmbedPath(ids[1]) + "?"},
			func(q *netRequest) bool { return q.URL == embedJS }},
		{r.site.Partner + "/iframes.html", []string{r.site.Plain + "/frame/" + string(ids[0]) + ".html", r.site.Plain + "/frame/" + string(ids[1]) + ".html"},
			func(*netRequest) bool { return false }},
	}
	res := make([][]framesLoad, 2)
	for range r.cfg.Runs {
		for i, pg := range pages {
			t, err := openTab(r.ctx, r.cfg.Chromium, p)
			if err != nil {
				return []Row{failedRow(b, "bytes until readable", "≤ 30 KB", err)}, err
			}
			l, err := t.measureFrames(pg.url, pg.frames, pg.shared)
			t.close()
			if err != nil {
				return []Row{failedRow(b, "bytes until readable", "≤ 30 KB", err)}, err
			}
			res[i] = append(res[i], l)
		}
	}
	emb, ifr := res[0], res[1]
	col := func(ls []framesLoad, f func(framesLoad) float64) []float64 { return pick(ls, f) }
	first := func(l framesLoad) float64 { return l.FirstBytes }
	all := func(l framesLoad) float64 { return l.AllBytes }
	readable := func(l framesLoad) float64 { return slices.Max(l.Readable) }
	task := func(l framesLoad) float64 { return l.TaskMS }
	blocked := func(l framesLoad) float64 { return l.LongBlockedMS }
	var wasm []string
	for _, l := range emb {
		for _, u := range l.Wasm {
			if !slices.Contains(wasm, path.Base(u)) {
				wasm = append(wasm, path.Base(u))
			}
		}
	}
	fetched := "none"
	if len(wasm) > 0 {
		fetched = strings.Join(wasm, ", ")
	}
	ifrWasm := 0
	for _, l := range ifr {
		ifrWasm += len(l.Wasm)
	}
	row := func(measure string, f func(framesLoad) float64, format func(float64) string, goal, v string) Row {
		e, i := col(emb, f), col(ifr, f)
		return Row{b, measure, spread(e, format), "two plain iframes " + spread(i, format), ratio(median(e), median(i)), goal, v}
	}
	firstBytes := median(col(emb, first))
	return []Row{
		row("bytes until readable: embed.js and the first frame's requests until its first contentful paint", first, kb, "≤ 30 KB", verdict(firstBytes <= 30e3)),
		{b, "*.wasm fetched before any interaction (watched until the network was quiet for 5 s)", fetched,
			fmt.Sprintf("two plain iframes: %d", ifrWasm), "", "none", verdict(len(wasm) == 0)},
		row("both frames readable (each frame's first contentful paint)", readable, ms, "report", "report"),
		row("every byte until both frames were readable, the partner's own included", all, kb, "report", "report"),
		row("main-thread task time until the network was quiet (CDP TaskDuration)", task, ms, "report", "report"),
		row("long tasks' time over 50 ms after first paint, seen by the page (a check on Lighthouse's TBT)", blocked, ms, "report", "report"),
	}, nil
}

// importParse: the import page's parse of the sample in the browser, from paste to the highlighted
// article, against article.Parse of the same text in this process.
func (r *runner) importParse() ([]Row, error) {
	b := "1 parse: import in the browser (" + phone.Describe() + ")"
	measure := "/import: the sample's text, pasted, until the reader shows its marks (parse.wasm in a worker)"
	text, err := os.ReadFile(r.cfg.SampleText)
	if err != nil {
		return []Row{failedRow(b, measure, "report", err)}, err
	}
	var times []float64
	for range r.cfg.Runs {
		t, err := openTab(r.ctx, r.cfg.Chromium, phone)
		if err != nil {
			return []Row{failedRow(b, measure, "report", err)}, err
		}
		d, err := t.measureImport(r.site.Reader+"/import", string(text))
		t.close()
		if err != nil {
			return []Row{failedRow(b, measure, "report", err)}, err
		}
		times = append(times, d)
	}
	native, err := nativeParse(text)
	if err != nil {
		return []Row{failedRow(b, measure, "report", err)}, err
	}
	return []Row{{b, measure, spread(times, ms), fmt.Sprintf("article.Parse of the same text, native and warm: %.2f ms", native),
		"", "report", "report"}}, nil
}

// nativeParse returns the median time of article.Parse on text, as plain text, over 21 warm runs,
// in ms.
func nativeParse(text []byte) (float64, error) {
	var xs []float64
	for i := range 22 {
		t0 := time.Now()
		if _, err := article.Parse(bytes.NewReader(text), article.Options{Format: model.FormatText}); err != nil {
			return 0, err
		}
		if i > 0 {
			xs = append(xs, float64(time.Since(t0).Microseconds())/1000)
		}
	}
	return median(xs), nil
}

// lighthouse: Lighthouse on the plain page, the minimal app, the reader (also with its wasm
// blocked) and the two partner pages; with embedOnly, on the two partner pages alone.
func (r *runner) lighthouse(embedOnly bool) ([]Row, error) {
	if r.cfg.Lighthouse == "" {
		err := fmt.Errorf("no Lighthouse CLI (npm ci --prefix bench)")
		return []Row{failedRow("6 Lighthouse", "every score", "", err)}, err
	}
	if err := os.MkdirAll(r.cfg.Out, 0o755); err != nil {
		return nil, err
	}
	names := map[string]string{
		lhPlain:   "plain static HTML",
		lhMinimal: "minimal go-app app (one component)",
		lhReader:  "reader /article/" + string(r.id),
		lhNoWasm:  "reader /article/" + string(r.id) + " with *.wasm blocked",
		lhEmbeds:  "partner page with two embeds",
		lhIframes: "two plain iframes",
	}
	pages := []lighthousePage{
		{Name: lhPlain, URL: r.plainURL()},
		{Name: lhReader, URL: r.readerURL()},
		{Name: lhNoWasm, URL: r.readerURL(), Flags: []string{"--blocked-url-patterns=*.wasm"}},
		{Name: lhEmbeds, URL: r.site.Partner + "/embeds.html", InProcessFrames: true},
		{Name: lhIframes, URL: r.site.Partner + "/iframes.html", InProcessFrames: true},
	}
	if r.cfg.MinimalURL != "" {
		pages = append(pages, lighthousePage{Name: lhMinimal, URL: r.cfg.MinimalURL + "/"})
	} else {
		delete(names, lhMinimal)
	}
	rowsOf := lighthouseRows
	notPartner := func(p lighthousePage) bool { return !p.partner() }
	if embedOnly {
		pages = slices.DeleteFunc(pages, notPartner)
		rowsOf = embedLighthouseRows
	}
	// The embed goal row's two pages take more rounds than the others (LHEmbedRuns): the same page's
	// TBT moved by over 100 ms from run to run, and three runs a page left the difference of the
	// medians as noisy as the goal's margin. The first LHRuns rounds have every page; the rest
	// these two alone, still taking turns.
	reports := map[string][]lighthouseReport{}
	runLighthouse(r.ctx, r.cfg.Lighthouse, r.cfg.Chromium, r.cfg.Out, pages, 1, r.cfg.LHRuns, reports, r.cfg.Log)
	embedRuns := max(r.cfg.LHRuns, r.cfg.LHEmbedRuns)
	partner := slices.DeleteFunc(slices.Clone(pages), notPartner)
	runLighthouse(r.ctx, r.cfg.Lighthouse, r.cfg.Chromium, r.cfg.Out, partner, r.cfg.LHRuns+1, embedRuns, reports, r.cfg.Log)
	rows := rowsOf(reports, names)
	var missing []string
	for _, p := range pages {
		want := r.cfg.LHRuns
		if p.partner() {
			want = embedRuns
		}
		if len(reports[p.Name]) < want {
			missing = append(missing, fmt.Sprintf("%s (%d of %d runs)", p.Name, len(reports[p.Name]), want))
		}
	}
	if len(missing) > 0 {
		return rows, fmt.Errorf("lighthouse runs failed: %s", strings.Join(missing, ", "))
	}
	return rows, nil
}
