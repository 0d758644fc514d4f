package server

import (
	"maps"
	"sync/atomic"
	"testing"
)

// TestConcurrently: every pair is called once, and never more than workers at a time.
func TestConcurrently(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		workers int
		n       int
	}{
		{"one worker", 1, 20},
		{"two workers", 2, 50},
		{"zero means one", 0, 10},
		{"more workers than items", 8, 3},
		{"nothing", 4, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			items := make(map[int]int, tc.n)
			for i := range tc.n {
				items[i] = i * i
			}
			var calls, running, most atomic.Int64
			seen := make([]atomic.Int64, tc.n)
			concurrently(tc.workers, maps.All(items), func(k, v int) {
				now := running.Add(1)
				for m := most.Load(); now > m && !most.CompareAndSwap(m, now); m = most.Load() {
				}
				if v != k*k {
					t.Errorf("pair %d, %d: not the map's", k, v)
				}
				seen[k].Add(1)
				calls.Add(1)
				running.Add(-1)
			})
			if got := calls.Load(); got != int64(tc.n) {
				t.Errorf("%d calls, want %d", got, tc.n)
			}
			for k := range seen {
				if c := seen[k].Load(); c != 1 {
					t.Errorf("key %d called %d times, want 1", k, c)
				}
			}
			if limit := int64(max(tc.workers, 1)); most.Load() > limit {
				t.Errorf("%d calls at once, want at most %d", most.Load(), limit)
			}
		})
	}
}
