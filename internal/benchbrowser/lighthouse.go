package benchbrowser

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// lighthousePage is one page Lighthouse audits: Name is its key in the rows and its reports' file
// names.
type lighthousePage struct {
	Name, URL       string
	Flags           []string // more flags of the Lighthouse CLI
	InProcessFrames bool     // start Chromium with the frames in the page's process
}

// partner reports whether p is one of the two partner pages of the embed goal row (lhEmbeds,
// lhIframes).
func (p lighthousePage) partner() bool { return p.Name == lhEmbeds || p.Name == lhIframes }

// The pages Lighthouse audits.
const (
	lhPlain   = "plain"
	lhMinimal = "minimal"
	lhReader  = "reader"
	lhNoWasm  = "reader-nowasm"
	lhEmbeds  = "partner-embeds"
	lhIframes = "partner-iframes"
)

// lighthouseReport is what the rows read from one Lighthouse JSON report: the categories' scores
// (0 to 100; absent when Lighthouse gave none) and two metrics in ms.
type lighthouseReport struct {
	Scores   map[string]float64
	TBT, FCP float64
	Run      int // the round it came from (runLighthouse's pages take turns in each round)
}

// readLighthouse reads a Lighthouse JSON report. A report with a runtime error (the page did not
// load) is an error.
func readLighthouse(b []byte) (lighthouseReport, error) {
	var raw struct {
		RuntimeError *struct{ Code, Message string } `json:"runtimeError"`
		Categories   map[string]struct {
			Score *float64 `json:"score"`
		} `json:"categories"`
		Audits map[string]struct {
			NumericValue *float64 `json:"numericValue"`
		} `json:"audits"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return lighthouseReport{}, err
	}
	if raw.RuntimeError != nil && raw.RuntimeError.Code != "" {
		return lighthouseReport{}, fmt.Errorf("lighthouse: %s: %s", raw.RuntimeError.Code, raw.RuntimeError.Message)
	}
	r := lighthouseReport{Scores: map[string]float64{}}
	for k, c := range raw.Categories {
		if c.Score != nil {
			r.Scores[k] = *c.Score * 100
		}
	}
	for k, dst := range map[string]*float64{"total-blocking-time": &r.TBT, "first-contentful-paint": &r.FCP} {
		a, ok := raw.Audits[k]
		if !ok || a.NumericValue == nil {
			return lighthouseReport{}, fmt.Errorf("lighthouse: the report has no %s", k)
		}
		*dst = *a.NumericValue
	}
	return r, nil
}

// runLighthouse audits each page in rounds first to last, the pages taking turns in each round (so
// that they share the machine's noise), with Lighthouse's CLI at lh (mobile defaults: simulated
// Slow 4G and 4× CPU) and Chromium at exe. Each report is kept in dir as NAME-N.json, N its round.
// It adds the reports that read to out, by page; a failed run is logged and left out.
func runLighthouse(ctx context.Context, lh, exe, dir string, pages []lighthousePage, first, last int, out map[string][]lighthouseReport, log io.Writer) {
	for run := first; run <= last; run++ {
		for _, p := range pages {
			path := filepath.Join(dir, fmt.Sprintf("%s-%d.json", p.Name, run))
			flags := chromiumFlags(Phone{InProcessFrames: p.InProcessFrames})
			args := append([]string{p.URL, "--quiet", "--output=json", "--output-path=" + path,
				"--chrome-flags=" + strings.Join(flags, " ")}, p.Flags...)
			cmd := exec.CommandContext(ctx, lh, args...)
			cmd.Env = append(os.Environ(), "CHROME_PATH="+exe)
			if b, err := cmd.CombinedOutput(); err != nil {
				fmt.Fprintf(log, "benchbrowser: lighthouse on %s (%s, run %d): %v\n%s\n", p.URL, p.Name, run, err, b)
				continue
			}
			b, err := os.ReadFile(path)
			var r lighthouseReport
			if err == nil {
				r, err = readLighthouse(b)
			}
			if err != nil {
				fmt.Fprintf(log, "benchbrowser: reading %s: %v\n", path, err)
				continue
			}
			r.Run = run
			fmt.Fprintf(log, "benchbrowser: lighthouse %s run %d: performance %.0f, TBT %.0f ms, FCP %.0f ms\n", p.Name, run, r.Scores["performance"], r.TBT, r.FCP)
			out[p.Name] = append(out[p.Name], r)
		}
	}
}

// lighthouseRows turns the reports into the table's rows: issue 13's goals for the reader against
// the plain page (performance within 5 points, total blocking time at most 150 ms, accessibility,
// best practices and SEO at 100), the partner page with two embeds against two plain iframes (total
// blocking time at most 50 ms more), and report rows for the minimal go-app app and the reader with
// its wasm blocked. names describes each page audited (a page it lacks gives no row, a page without
// reports a failed one). Each figure is the median over the runs, with the runs' own values beside it.
func lighthouseRows(reports map[string][]lighthouseReport, names map[string]string) []Row {
	const budget = "6 Lighthouse (mobile, median of runs)"
	scores := func(page, cat string) []float64 {
		var xs []float64
		for _, r := range reports[page] {
			if v, ok := r.Scores[cat]; ok {
				xs = append(xs, v)
			}
		}
		return xs
	}
	tbts := func(page string) []float64 {
		return pick(reports[page], func(r lighthouseReport) float64 { return r.TBT })
	}
	none := func(page string) error { return fmt.Errorf("no Lighthouse report of %s", names[page]) }
	var rows []Row

	plainPerf := scores(lhPlain, "performance")
	base := "plain static HTML " + spread(plainPerf, score)
	if len(plainPerf) == 0 {
		base = "plain static HTML: no report"
	}
	for _, page := range []string{lhReader, lhNoWasm, lhMinimal} {
		if _, audited := names[page]; !audited {
			continue
		}
		perf, tbt := scores(page, "performance"), tbts(page)
		b := budget + ": " + names[page]
		if len(perf) == 0 || len(plainPerf) == 0 {
			rows = append(rows, failedRow(b, "performance", "", none(page)))
			continue
		}
		diff := median(perf) - median(plainPerf)
		goal, v := "report", "report"
		if page == lhReader {
			goal, v = "within 5 points of the plain page", verdict(diff >= -5)
		}
		rows = append(rows, Row{b, "performance", spread(perf, score), base, fmt.Sprintf("%+.0f points", diff), goal, v})
		goal, v = "report", "report"
		if page == lhReader {
			goal, v = "≤ 150 ms", verdict(median(tbt) <= 150)
		}
		rows = append(rows, Row{b, "total blocking time", spread(tbt, ms), "plain static HTML " + spread(tbts(lhPlain), ms), "", goal, v})
	}
	for _, cat := range []struct{ key, name string }{{"accessibility", "accessibility"}, {"best-practices", "best practices"}, {"seo", "SEO"}} {
		xs := scores(lhReader, cat.key)
		b := budget + ": " + names[lhReader]
		if len(xs) == 0 {
			rows = append(rows, failedRow(b, cat.name, "100", none(lhReader)))
			continue
		}
		rows = append(rows, Row{b, cat.name, spread(xs, score), "plain static HTML " + spread(scores(lhPlain, cat.key), score), "", "100", verdict(median(xs) >= 100)})
	}

	return append(rows, embedLighthouseRows(reports, names)...)
}

// embedLighthouseRows are lighthouseRows' rows of the partner page with two embeds against the page
// with two plain iframes.
func embedLighthouseRows(reports map[string][]lighthouseReport, names map[string]string) []Row {
	tbts := func(page string) []float64 {
		return pick(reports[page], func(r lighthouseReport) float64 { return r.TBT })
	}
	scores := func(page string) []float64 {
		var xs []float64
		for _, r := range reports[page] {
			if v, ok := r.Scores["performance"]; ok {
				xs = append(xs, v)
			}
		}
		return xs
	}
	none := func(page string) error { return fmt.Errorf("no Lighthouse report of %s", names[page]) }
	var rows []Row
	b := "4 embed: " + names[lhEmbeds] + " (Lighthouse, frames in the partner's process)"
	emb, ifr := tbts(lhEmbeds), tbts(lhIframes)
	tbt := fmt.Sprintf("total blocking time (%d and %d Lighthouse runs, the pages taking turns)", len(emb), len(ifr))
	if len(emb) == len(ifr) {
		tbt = fmt.Sprintf("total blocking time (%d Lighthouse runs a page, taking turns)", len(emb))
	}
	switch {
	case len(emb) == 0:
		rows = append(rows, failedRow(b, "total blocking time", "≤ two plain iframes + 50 ms", none(lhEmbeds)))
	case len(ifr) == 0:
		rows = append(rows, failedRow(b, "total blocking time", "≤ two plain iframes + 50 ms", none(lhIframes)))
	default:
		diff := median(emb) - median(ifr)
		by := fmt.Sprintf("%+.0f ms", diff)
		if d := roundDiffs(reports[lhEmbeds], reports[lhIframes]); len(d) >= 4 {
			by += fmt.Sprintf(" (round by round: quartiles %+.0f, %+.0f ms; range %+.0f to %+.0f)",
				quantile(d, 0.25), quantile(d, 0.75), slices.Min(d), slices.Max(d))
		}
		rows = append(rows, Row{b, tbt, spread(emb, ms), names[lhIframes] + " " + spread(ifr, ms),
			by, "≤ two plain iframes + 50 ms", verdict(diff <= 50)})
		rows = append(rows, Row{b, "performance", spread(scores(lhEmbeds), score),
			names[lhIframes] + " " + spread(scores(lhIframes), score), "", "report", "report"})
	}
	return rows
}

// roundDiffs returns the differences of TBT, a's minus b's, of the rounds both have a report of.
func roundDiffs(a, b []lighthouseReport) []float64 {
	var d []float64
	for _, x := range a {
		for _, y := range b {
			if x.Run == y.Run {
				d = append(d, x.TBT-y.TBT)
			}
		}
	}
	return d
}
