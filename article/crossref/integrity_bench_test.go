package crossref

import "testing"

// BenchmarkFindVariants reports quotations per second for FindVariants on the PolNeAR integrity
// set, against the same-process baseline BenchmarkPairwise, which diffs every pair of quotations
// of one person. Compare the two quotes/s figures: the ratio is the index's gain.
func BenchmarkFindVariants(b *testing.B) { benchVariants(b, FindVariants) }

// BenchmarkPairwise is BenchmarkFindVariants' baseline: every pair of one person's quotations.
func BenchmarkPairwise(b *testing.B) { benchVariants(b, pairwise) }

func benchVariants(b *testing.B, find func([]Quoted) []Variant) {
	set := loadIntegritySet(b)
	b.ResetTimer()
	for b.Loop() {
		find(set.lib)
	}
	b.ReportMetric(float64(len(set.lib)*b.N)/b.Elapsed().Seconds(), "quotes/s")
}
