// Command benchbrowser prints the benchmark table's browser rows (internal/benchbrowser): the real
// Verbatim server and its baselines in headless Chromium at 4× CPU and Fast 4G, and in Lighthouse.
// scripts/bench.sh runs it (make bench) and appends its rows to the table's rows.tsv.
//
//	benchbrowser -web DIR [-minimal URL] [-lighthouse PATH] [-out DIR] [-only "load embed …"]
//
// It exits 1 when a measure failed; the rows it printed say which and why.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"verbatim/article/model"
	"verbatim/internal/benchbrowser"
)

func main() {
	web := flag.String("web", "web", "the built web folder the verbatim server serves (app.wasm and parse.wasm in it)")
	sample := flag.String("article", "zakaria-peskov", "the sample article every page shows")
	second := flag.String("second", "harbour-council", "the partner page's second embedded article")
	text := flag.String("text", "server/samples/zakaria-peskov.txt", "the sample's text, pasted into /import")
	minimal := flag.String("minimal", "", "the minimal go-app app's address (scripts/bench.sh serves it); empty: no rows of it")
	lh := flag.String("lighthouse", "", "Lighthouse's CLI (bench/node_modules/.bin/lighthouse); empty: no Lighthouse rows")
	out := flag.String("out", os.TempDir(), "the folder for Lighthouse's reports")
	runs := flag.Int("runs", 3, "loads of each page in Chromium (the rows give medians)")
	fcpRuns := flag.Int("fcp-runs", 9, "untouched loads of the plain page and the reader for the first-paint goal row (at least -runs)")
	lhRuns := flag.Int("lighthouse-runs", 3, "Lighthouse runs of each page (the rows give medians)")
	lhEmbedRuns := flag.Int("lighthouse-embed-runs", 9, "Lighthouse runs of the two partner pages for the embed goal row (at least -lighthouse-runs)")
	only := flag.String("only", "", "the measures to make, of: "+strings.Join(benchbrowser.Measures, " ")+" (default all)")
	flag.Parse()

	chromium, err := benchbrowser.FindChromium()
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchbrowser:", err)
		os.Exit(1)
	}
	rows, err := benchbrowser.Run(context.Background(), benchbrowser.Config{
		Chromium: chromium, Web: *web, Articles: []model.ArticleID{model.ArticleID(*sample), model.ArticleID(*second)},
		SampleText: *text, MinimalURL: *minimal, Runs: *runs, FCPRuns: *fcpRuns, Lighthouse: *lh, LHRuns: *lhRuns, LHEmbedRuns: *lhEmbedRuns, Out: *out,
		Only: strings.Fields(*only), Log: os.Stderr,
	})
	for _, r := range rows {
		fmt.Println(r)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchbrowser:", err)
		os.Exit(1)
	}
}
