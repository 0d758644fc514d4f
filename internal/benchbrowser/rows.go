package benchbrowser

import (
	"fmt"
	"slices"
	"strings"
)

// Row is one row of the benchmark table (BENCHMARKS.md): what budget, what was measured, its value,
// the baseline measured in the same run, their ratio, the goal, and the verdict ("pass", "FAIL",
// or "report" for a row with no goal).
type Row struct {
	Budget, Measure, Value, Baseline, Ratio, Goal, Verdict string
}

// String is the row as scripts/bench.sh keeps it in rows.tsv: its fields separated by tabs.
func (r Row) String() string {
	return strings.Join([]string{r.Budget, r.Measure, r.Value, r.Baseline, r.Ratio, r.Goal, r.Verdict}, "\t")
}

func verdict(ok bool) string {
	if ok {
		return "pass"
	}
	return "FAIL"
}

// failedRow is the row of a measurement that could not be made: it fails, and says why.
func failedRow(budget, measure, goal string, err error) Row {
	return Row{Budget: budget, Measure: measure, Value: "not measured: " + err.Error(), Goal: goal, Verdict: "FAIL"}
}

// median returns the median of xs (the mean of the middle two for an even count), 0 for none.
func median(xs []float64) float64 {
	return quantile(xs, 0.5)
}

// quantile returns the q-quantile of xs (0 ≤ q ≤ 1), interpolated between the two nearest values
// (R's type 7); 0 for none.
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	pos := q * float64(len(s)-1)
	i := int(pos)
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[i] + (pos-float64(i))*(s[i+1]-s[i])
}

// spread formats a median with the values it came from: "412 ms (398, 412, 530)".
func spread(xs []float64, format func(float64) string) string {
	if len(xs) == 1 {
		return format(xs[0])
	}
	each := make([]string, len(xs))
	for i, x := range xs {
		each[i] = strings.TrimSuffix(strings.TrimSuffix(format(x), " ms"), " KB")
	}
	return fmt.Sprintf("%s (%s)", format(median(xs)), strings.Join(each, ", "))
}

func ms(v float64) string    { return fmt.Sprintf("%.0f ms", v) }
func kb(v float64) string    { return fmt.Sprintf("%.1f KB", v/1000) }
func score(v float64) string { return fmt.Sprintf("%.0f", v) }

// ratio formats a/b: "1.23×", or "" when b is 0.
func ratio(a, b float64) string {
	if b == 0 {
		return ""
	}
	return fmt.Sprintf("%.2f×", a/b)
}

// pick returns f of each element of xs.
func pick[T any](xs []T, f func(T) float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}
