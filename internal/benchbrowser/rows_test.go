package benchbrowser

import "testing"

func TestMedianAndSpread(t *testing.T) {
	for _, tc := range []struct {
		xs     []float64
		median float64
		spread string
	}{
		{nil, 0, ""},
		{[]float64{412}, 412, "412 ms"},
		{[]float64{530, 398, 412}, 412, "412 ms (530, 398, 412)"},
		{[]float64{400, 100, 300, 200}, 250, "250 ms (400, 100, 300, 200)"},
	} {
		if got := median(tc.xs); got != tc.median {
			t.Errorf("median(%v) = %v, want %v", tc.xs, got, tc.median)
		}
		if tc.xs == nil {
			continue
		}
		if got := spread(tc.xs, ms); got != tc.spread {
			t.Errorf("spread(%v) = %q, want %q", tc.xs, got, tc.spread)
		}
	}
	if got, want := spread([]float64{23_040, 22_960, 23_100}, kb), "23.0 KB (23.0, 23.0, 23.1)"; got != want {
		t.Errorf("spread in KB = %q, want %q", got, want)
	}
	if got := ratio(3, 0); got != "" {
		t.Errorf("ratio over 0 = %q, want none", got)
	}
}
