package lru

import (
	"fmt"
	"testing"
)

// checkLRU fails t unless c keeps its invariant (Check).
func checkLRU(t *testing.T, c *Cache) {
	t.Helper()
	if err := c.Check(); err != nil {
		t.Error(err)
	}
}

// cost returns the cost c counts key at, 0 when it does not hold it.
func cost(c *Cache, key string) int64 {
	n, _ := c.Cost(key)
	return n
}

// keys returns c's keys, most recently used first.
func keys(c *Cache) string { return fmt.Sprint(c.Keys()) }

// TestReplace checks that replace swaps a value only where the cache still holds the old one,
// keeps the entry's place in the recency order, counts the new cost, and evicts what no longer fits.
func TestReplace(t *testing.T) {
	t.Parallel()
	// Each entry costs its given cost + len(key) + 64: 100 + 1 + 64 = 165 for a cost of 100.
	const limit = 8 * 200
	a, b, c2, other := new(int), new(int), new(int), new(int)
	for _, tc := range []struct {
		name     string
		key      string
		old      any
		cost     int64
		want     bool
		wantKeys string
		wantCost int64 // of key after, when it is kept
	}{
		{"smaller", "a", a, 10, true, "[c b a]", 75},
		{"larger, fits", "a", a, 130, true, "[c b a]", 195},
		{"not the value held", "a", other, 10, false, "[c b a]", 165},
		{"missing key", "z", a, 10, false, "[c b a]", 0},
		{"over an eighth of the bound", "b", b, 200, false, "[c a]", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := New(limit)
			c.Put("a", a, 100)
			c.Put("b", b, 100)
			c.Put("c", c2, 100)
			if got := c.Replace(tc.key, tc.old, "new", tc.cost); got != tc.want {
				t.Errorf("replace = %v, want %v", got, tc.want)
			}
			if got := keys(c); got != tc.wantKeys {
				t.Errorf("keys %s, want %s", got, tc.wantKeys)
			}
			if tc.wantCost > 0 {
				if v, _ := c.Get(tc.key); (v == "new") != tc.want {
					t.Errorf("value %v after replace = %v", v, tc.want)
				}
				if got := cost(c, tc.key); got != tc.wantCost {
					t.Errorf("cost %d, want %d", got, tc.wantCost)
				}
			}
			checkLRU(t, c)
		})
	}
}

// TestReplaceEvicts checks that an entry grown by replace pushes the least recently used ones
// out, itself included when it is the least recently used.
func TestReplaceEvicts(t *testing.T) {
	t.Parallel()
	// 13 entries of 166 bytes (2,158) fit in 2,200; one grown to 265 (a cost of 199, within an
	// eighth of the bound) does not.
	const limit = 2200
	for _, tc := range []struct {
		name     string
		key      string
		want     bool
		wantKeys string
	}{
		{"newest grows", "k12", true, "[k12 k11 k10 k9 k8 k7 k6 k5 k4 k3 k2 k1]"},
		{"oldest grows", "k0", false, "[k12 k11 k10 k9 k8 k7 k6 k5 k4 k3 k2 k1]"},
		{"middle grows", "k6", true, "[k12 k11 k10 k9 k8 k7 k6 k5 k4 k3 k2 k1]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := New(limit)
			vals := map[string]*int{}
			for i := range 13 {
				k := fmt.Sprint("k", i)
				vals[k] = new(int)
				c.Put(k, vals[k], 100-int64(len(k))+2) // every entry costs 166
			}
			if got := keys(c); got != "[k12 k11 k10 k9 k8 k7 k6 k5 k4 k3 k2 k1 k0]" {
				t.Fatalf("keys %s before", got)
			}
			checkLRU(t, c)
			if got := c.Replace(tc.key, vals[tc.key], "new", 199-int64(len(tc.key))+2); got != tc.want {
				t.Errorf("replace = %v, want %v", got, tc.want)
			}
			if got := keys(c); got != tc.wantKeys {
				t.Errorf("keys %s, want %s", got, tc.wantKeys)
			}
			checkLRU(t, c)
		})
	}
}
