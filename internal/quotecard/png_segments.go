package quotecard

import (
	"encoding/binary"
	"hash/maphash"
	"sync"
)

// maxSegmentBytes bounds the rows segmentCache keeps (with their deflated forms, about a tenth of
// that): the segments of the last few cards.
const maxSegmentBytes = 4 << 20

// segmentCache keeps the deflated form of the segments encodePNG deflated last, by their rows: the
// cards of one article repeat its title and source lines, and a speaker's name and role on each of
// the speaker's quotes, in segments of the same rows. A segment's deflated bytes depend on its rows
// alone (each segment is a fresh deflate, see encodePNG), so a repeated segment is copied, not
// deflated again, and a card's bytes are the same whether it was or not. It keeps the most recently
// used segments, at most maxSegmentBytes of rows.
//
// Trust boundary: the rows are drawn cards; a hit is checked against the kept rows byte for byte, so
// two segments under one key cost a deflate, never a wrong card.
type segmentCache struct {
	mu      sync.Mutex
	seed    maphash.Seed
	m       map[uint64]*cachedSegment
	bytes   int    // the rows kept
	clock   uint64 // counts lookups, for the least recently used
	hitRows int    // the bytes of rows found, for BenchmarkPNGSegments
}

// cachedSegment is one segment's rows, their deflated form and their Adler-32.
type cachedSegment struct {
	rows, deflated []byte
	adler          uint32
	used           uint64
}

// segments is encodePNG's cache.
var segments = segmentCache{seed: maphash.MakeSeed(), m: make(map[uint64]*cachedSegment)}

// keySample is how many bytes of a segment's start, middle and end its key hashes: a key only
// narrows the search (a hit is compared whole), so it need not read every row.
const keySample = 1 << 10

// get returns the kept deflated form of rows and its Adler-32, and the key to put them under when
// there is none. The deflated bytes are never written to.
func (c *segmentCache) get(rows []byte) (deflated []byte, adler uint32, key uint64, ok bool) {
	var h maphash.Hash
	h.SetSeed(c.seed)
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(rows)))
	h.Write(n[:])
	if len(rows) <= 3*keySample {
		h.Write(rows)
	} else {
		mid := len(rows)/2 - keySample/2
		h.Write(rows[:keySample])
		h.Write(rows[mid : mid+keySample])
		h.Write(rows[len(rows)-keySample:])
	}
	key = h.Sum64()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.clock++
	if s := c.m[key]; s != nil && string(s.rows) == string(rows) {
		s.used = c.clock
		c.hitRows += len(rows)
		return s.deflated, s.adler, key, true
	}
	return nil, 0, key, false
}

// put keeps copies of rows and their deflated form under key, dropping the least recently used
// segments past maxSegmentBytes.
func (c *segmentCache) put(key uint64, rows, deflated []byte, adler uint32) {
	if len(rows) > maxSegmentBytes/4 {
		return
	}
	s := &cachedSegment{rows: append([]byte(nil), rows...), deflated: append([]byte(nil), deflated...), adler: adler}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.m[key]; old != nil {
		c.bytes -= len(old.rows)
	}
	for c.bytes+len(rows) > maxSegmentBytes {
		var lru uint64
		var oldest *cachedSegment
		for k, x := range c.m {
			if oldest == nil || x.used < oldest.used {
				lru, oldest = k, x
			}
		}
		c.bytes -= len(oldest.rows)
		delete(c.m, lru)
	}
	s.used = c.clock
	c.m[key] = s
	c.bytes += len(rows)
}
