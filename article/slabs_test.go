package article

import "testing"

// TestSlabs checks that slabs hands out zero elements that no other take shares, within a chunk
// while it has room and past it, larger takes of their own, and that reset clears what was handed
// out and keeps the chunks for the next article.
func TestSlabs(t *testing.T) {
	t.Parallel()
	var s slabs[int]
	const size = 4
	for round := range 3 {
		var got [][]int
		for _, n := range []int{1, 2, 1, 3, 5, 0, 4, 1} {
			r := s.take(n, size)
			if len(r) != n || cap(r) != n {
				t.Fatalf("round %d: take(%d) has length %d and capacity %d", round, n, len(r), cap(r))
			}
			for i := range r {
				if r[i] != 0 {
					t.Fatalf("round %d: take(%d)[%d] = %d, want 0", round, n, i, r[i])
				}
				r[i] = len(got) + 1
			}
			got = append(got, r)
		}
		for k, r := range got {
			for i := range r {
				if r[i] != k+1 {
					t.Fatalf("round %d: take %d's element %d is %d, written over by take %d", round, k, i, r[i], r[i]-1)
				}
			}
		}
		s.reset(2)
		if len(s.chunks) > 2 {
			t.Fatalf("round %d: %d chunks kept, want 2 at most", round, len(s.chunks))
		}
		for _, c := range s.chunks {
			for i := range c {
				if c[i] != 0 {
					t.Fatalf("round %d: a kept chunk holds %d after reset", round, c[i])
				}
			}
		}
	}
}
