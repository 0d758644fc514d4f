package server

import "testing"

// TestMemoryLimit checks the soft memory limits of a start and of a library: what the server holds
// with its cache full and half as much again once the library is open, and an empty library's hold
// and startHeadroom while it starts, which the collector's room does not raise.
func TestMemoryLimit(t *testing.T) {
	t.Parallel()
	const mb = 1 << 20
	for _, c := range []struct {
		cache    int64
		articles int
		held     int64
		limit    int64
	}{
		{64 * mb, 0, 128 * mb, 192 * mb},
		{64 * mb, 100_000, 128*mb + 25_600_000, 192*mb + 38_400_000},
		{512 * mb, 10_000, 576*mb + 2_560_000, 864*mb + 3_840_000},
		{1 * mb, 1, 65*mb + 256, 65*mb + 256 + (65*mb+256)/2},
	} {
		if got := memoryHeld(c.cache, c.articles); got != c.held {
			t.Errorf("memoryHeld(%d, %d) = %d, want %d", c.cache, c.articles, got, c.held)
		}
		if got := MemoryLimit(c.cache, c.articles); got != c.limit {
			t.Errorf("MemoryLimit(%d, %d) = %d, want %d", c.cache, c.articles, got, c.limit)
		}
	}
	// A start's limit is an empty library's hold and startHeadroom, as before the room: 256 MB
	// with the default cache.
	if got := memoryHeld(DefaultCacheBytes, 0) + startHeadroom; got != 256*mb {
		t.Errorf("a start's limit with the default cache = %d, want %d", got, 256*mb)
	}
}
