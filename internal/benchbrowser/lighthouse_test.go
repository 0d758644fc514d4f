package benchbrowser

import (
	"os"
	"strings"
	"testing"
)

// TestReadLighthouse reads the fields the rows need from a Lighthouse 12.2.3 report (the reader's,
// from a bench run, trimmed to those fields), and refuses a report whose page did not load.
func TestReadLighthouse(t *testing.T) {
	b, err := os.ReadFile("testdata/lighthouse-reader.json")
	if err != nil {
		t.Fatal(err)
	}
	r, err := readLighthouse(b)
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]float64{"performance": 68, "accessibility": 100, "best-practices": 100, "seo": 100} {
		if got := r.Scores[k]; got != want {
			t.Errorf("score %s=%v, want %v", k, got, want)
		}
	}
	if r.TBT != 7246.000000000001 || r.FCP != 1328.6113999999998 {
		t.Errorf("TBT=%v FCP=%v, want the report's 7246.000000000001 and 1328.6113999999998", r.TBT, r.FCP)
	}

	for _, bad := range []struct{ name, report, want string }{
		{"runtime error", `{"runtimeError": {"code": "NO_FCP", "message": "The page did not paint any content."},
			"categories": {"performance": {"score": null}}, "audits": {}}`, "NO_FCP"},
		{"no TBT", `{"categories": {"performance": {"score": 1}}, "audits": {"first-contentful-paint": {"numericValue": 800}}}`, "total-blocking-time"},
		{"not JSON", `<html>`, "invalid character"},
	} {
		if _, err := readLighthouse([]byte(bad.report)); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: err=%v, want one that says %q", bad.name, err, bad.want)
		}
	}
	// A category Lighthouse could not score (null) has no score, rather than 0.
	r, err = readLighthouse([]byte(`{"categories": {"performance": {"score": null}, "seo": {"score": 0.92}},
		"audits": {"first-contentful-paint": {"numericValue": 800}, "total-blocking-time": {"numericValue": 0}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Scores["performance"]; ok || r.Scores["seo"] != 92 {
		t.Errorf("scores %v, want seo 92 and no performance", r.Scores)
	}
}

// report is a Lighthouse report with these scores for all four categories and this TBT.
func report(perf, others, tbt float64) lighthouseReport {
	return lighthouseReport{Scores: map[string]float64{"performance": perf, "accessibility": others, "best-practices": others, "seo": others}, TBT: tbt}
}

var allPages = map[string]string{
	lhPlain: "plain", lhMinimal: "minimal", lhReader: "reader", lhNoWasm: "nowasm", lhEmbeds: "embeds", lhIframes: "iframes",
}

// findRow returns the row whose budget contains budget and whose measure begins with measure.
func findRow(t *testing.T, rows []Row, budget, measure string) Row {
	t.Helper()
	for _, r := range rows {
		if strings.Contains(r.Budget, budget) && strings.HasPrefix(r.Measure, measure) {
			return r
		}
	}
	t.Fatalf("no row %q / %q in %v", budget, measure, rows)
	return Row{}
}

func TestLighthouseRowsGoals(t *testing.T) {
	for _, tc := range []struct {
		name              string
		reports           map[string][]lighthouseReport
		perf, tbt, a11y   string // the reader's verdicts
		embedTBT, embedBy string // the partner page's verdict and difference
	}{
		{
			name: "on the goals' edges",
			reports: map[string][]lighthouseReport{
				lhPlain:   {report(100, 100, 0), report(99, 100, 10), report(100, 100, 0)},
				lhReader:  {report(95, 100, 150), report(80, 100, 900), report(96, 100, 120)},
				lhEmbeds:  {report(90, 100, 250)},
				lhIframes: {report(98, 100, 200)},
			},
			perf: "pass", tbt: "pass", a11y: "pass", embedTBT: "pass", embedBy: "+50 ms",
		},
		{
			name: "just over them",
			reports: map[string][]lighthouseReport{
				lhPlain:   {report(100, 100, 0)},
				lhReader:  {report(94, 99, 151)},
				lhEmbeds:  {report(90, 100, 251)},
				lhIframes: {report(98, 100, 200)},
			},
			perf: "FAIL", tbt: "FAIL", a11y: "FAIL", embedTBT: "FAIL", embedBy: "+51 ms",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := lighthouseRows(tc.reports, allPages)
			if got := findRow(t, rows, "reader", "performance").Verdict; got != tc.perf {
				t.Errorf("performance verdict %s, want %s", got, tc.perf)
			}
			if got := findRow(t, rows, "reader", "total blocking time").Verdict; got != tc.tbt {
				t.Errorf("TBT verdict %s, want %s", got, tc.tbt)
			}
			if got := findRow(t, rows, "reader", "accessibility").Verdict; got != tc.a11y {
				t.Errorf("accessibility verdict %s, want %s", got, tc.a11y)
			}
			e := findRow(t, rows, "embeds", "total blocking time")
			if e.Verdict != tc.embedTBT || e.Ratio != tc.embedBy {
				t.Errorf("partner page TBT: verdict %s by %s, want %s by %s", e.Verdict, e.Ratio, tc.embedTBT, tc.embedBy)
			}
		})
	}
}

func TestLighthouseRowsMedians(t *testing.T) {
	rows := lighthouseRows(map[string][]lighthouseReport{
		lhPlain:  {report(100, 100, 0), report(97, 100, 30), report(99, 100, 0)},
		lhReader: {report(97, 100, 157), report(89, 100, 436), report(98, 100, 200)},
	}, allPages)
	perf := findRow(t, rows, "reader", "performance")
	if perf.Value != "97 (97, 89, 98)" || perf.Baseline != "plain static HTML 99 (100, 97, 99)" || perf.Ratio != "-2 points" {
		t.Errorf("performance row %+v", perf)
	}
	if tbt := findRow(t, rows, "reader", "total blocking time"); tbt.Value != "200 ms (157, 436, 200)" || tbt.Verdict != "FAIL" {
		t.Errorf("TBT row %+v", tbt)
	}
}

func TestLighthouseRowsMissing(t *testing.T) {
	names := map[string]string{lhPlain: "plain", lhReader: "reader", lhNoWasm: "nowasm", lhEmbeds: "embeds", lhIframes: "iframes"}
	rows := lighthouseRows(map[string][]lighthouseReport{lhPlain: {report(100, 100, 0)}}, names)
	for _, r := range rows {
		if strings.Contains(r.Budget, "minimal") {
			t.Errorf("a row for the minimal app, which was not audited: %+v", r)
		}
	}
	for _, want := range []struct{ budget, measure string }{
		{"reader", "performance"}, {"reader", "SEO"}, {"nowasm", "performance"}, {"embeds", "total blocking time"},
	} {
		if r := findRow(t, rows, want.budget, want.measure); r.Verdict != "FAIL" || !strings.HasPrefix(r.Value, "not measured: no Lighthouse report") {
			t.Errorf("%s %s without reports: %+v, want a FAIL that says why", want.budget, want.measure, r)
		}
	}
}

// tbtRounds are reports of these TBTs, one a round from round 1.
func tbtRounds(tbts ...float64) []lighthouseReport {
	out := make([]lighthouseReport, len(tbts))
	for i, v := range tbts {
		out[i] = lighthouseReport{Scores: map[string]float64{"performance": 90}, TBT: v, Run: i + 1}
	}
	return out
}

func TestEmbedLighthouseRowRounds(t *testing.T) {
	for _, tc := range []struct {
		name               string
		embeds, iframes    []lighthouseReport
		measure, value, by string
	}{
		{
			name:    "three rounds: no quartiles",
			embeds:  tbtRounds(32, 86, 184),
			iframes: tbtRounds(20, 10, 81),
			measure: "total blocking time (3 Lighthouse runs a page, taking turns)",
			value:   "86 ms (32, 86, 184)",
			by:      "+66 ms",
		},
		{
			name:    "nine rounds: the rounds' differences beside the medians'",
			embeds:  tbtRounds(100, 200, 150, 120, 90, 300, 110, 130, 140),
			iframes: tbtRounds(50, 60, 40, 70, 100, 80, 30, 20, 90),
			measure: "total blocking time (9 Lighthouse runs a page, taking turns)",
			value:   "130 ms (100, 200, 150, 120, 90, 300, 110, 130, 140)",
			by:      "+70 ms (round by round: quartiles +50, +110 ms; range -10 to +220)",
		},
		{
			name:    "a failed round is no pair",
			embeds:  tbtRounds(100, 200, 150, 120, 90),
			iframes: tbtRounds(50, 60, 40, 70),
			measure: "total blocking time (5 and 4 Lighthouse runs, the pages taking turns)",
			value:   "120 ms (100, 200, 150, 120, 90)",
			by:      "+65 ms (round by round: quartiles +50, +118 ms; range +50 to +140)",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := embedLighthouseRows(map[string][]lighthouseReport{lhEmbeds: tc.embeds, lhIframes: tc.iframes}, allPages)
			r := findRow(t, rows, "embeds", "total blocking time")
			if r.Measure != tc.measure || r.Value != tc.value || r.Ratio != tc.by {
				t.Errorf("row %q / %q / %q, want %q / %q / %q", r.Measure, r.Value, r.Ratio, tc.measure, tc.value, tc.by)
			}
		})
	}
}

func TestQuantile(t *testing.T) {
	for _, tc := range []struct {
		xs   []float64
		q    float64
		want float64
	}{
		{nil, 0.5, 0},
		{[]float64{7}, 0.25, 7},
		{[]float64{4, 1, 3, 2}, 0, 1},
		{[]float64{4, 1, 3, 2}, 1, 4},
		{[]float64{4, 1, 3, 2}, 0.5, 2.5},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9}, 0.25, 3},
		{[]float64{10, 20}, 0.25, 12.5},
	} {
		if got := quantile(tc.xs, tc.q); got != tc.want {
			t.Errorf("quantile(%v, %v) = %v, want %v", tc.xs, tc.q, got, tc.want)
		}
	}
}
