package quotecard

import (
	"encoding/binary"
	"hash/maphash"
	"sync/atomic"

	"verbatim/internal/lru"
)

// maxSegmentBytes bounds the bytes segmentCache keeps, rows and their deflated forms (about a tenth
// of the rows): the segments of the last few cards.
const maxSegmentBytes = 4 << 20

// segmentCache keeps the deflated form of the segments appendPNG deflated last, by their rows: the
// cards of one article repeat its title and source lines, and a speaker's name and role on each of
// the speaker's quotes, in segments of the same rows. A segment's deflated bytes depend on its rows
// alone (each segment is a fresh deflate, see appendPNG), so a repeated segment is copied, not
// deflated again, and a card's bytes are the same whether it was or not. It keeps the most recently
// used segments, at most maxSegmentBytes (lru.Cache).
//
// Trust boundary: the rows are drawn cards; a hit is checked against the kept rows byte for byte, so
// two segments under one key cost a deflate, never a wrong card.
type segmentCache struct {
	seed              maphash.Seed
	kept              *lru.Cache // *cachedSegment by segmentKey
	hits              atomic.Int64
	hitRows, missRows atomic.Int64 // the bytes of rows found and not, for BenchmarkPNGSegments
}

// cachedSegment is one segment's rows, their deflated form and their Adler-32.
type cachedSegment struct {
	rows, deflated []byte
	adler          uint32
}

// newSegmentCache returns an empty segment cache.
func newSegmentCache() *segmentCache {
	return &segmentCache{seed: maphash.MakeSeed(), kept: lru.New(maxSegmentBytes)}
}

// segments is appendPNG's cache.
var segments = newSegmentCache()

// keySample is how many bytes of a segment's start, middle and end its key hashes: a key only
// narrows the search (a hit is compared whole), so it need not read every row.
const keySample = 1 << 10

// get returns the kept deflated form of rows and its Adler-32, and the key to put them under when
// there is none. The deflated bytes are never written to.
func (c *segmentCache) get(rows []byte) (deflated []byte, adler uint32, key string, ok bool) {
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
	key = string(binary.LittleEndian.AppendUint64(nil, h.Sum64()))
	if v, found := c.kept.Get(key); found {
		if s := v.(*cachedSegment); string(s.rows) == string(rows) {
			c.hits.Add(1)
			c.hitRows.Add(int64(len(rows)))
			return s.deflated, s.adler, key, true
		}
	}
	c.missRows.Add(int64(len(rows)))
	return nil, 0, key, false
}

// put keeps copies of rows and their deflated form under key; the cache drops the least recently
// used segments past its bound.
func (c *segmentCache) put(key string, rows, deflated []byte, adler uint32) {
	s := &cachedSegment{rows: append([]byte(nil), rows...), deflated: append([]byte(nil), deflated...), adler: adler}
	c.kept.Put(key, s, int64(len(rows)+len(deflated)))
}
