package quotecard

import (
	"bytes"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"image"
	"io"
	"slices"
	"sync"

	"github.com/klauspost/compress/flate"
)

// appendPNG appends img to dst encoded as a 4-bit palette PNG (two pixels a byte: img's palette
// has at most 16 colours, and so its pixels are under 16), as image/png does at BestSpeed (every row
// unfiltered), in a fraction of its time for a card: most of a card's rows are its blank row (row 0:
// the accent bar, then the background), and deflating 1,200 bytes of them row after row was most of
// the card's cost. Runs of the blank row are written as deflate blocks made once (blankRun) that copy
// the row above, and the other rows are deflated in segments between them, each segment a fresh
// deflate that ends with a sync flush so that the blocks join on a byte boundary. The Adler-32 of the
// zlib stream is combined from the segments' own. The PNG decodes to exactly img (TestEncodePNG).
//
// The segments are deflated with klauspost/compress's flate at level 1, not compress/flate's
// BestSpeed: on a card (BenchmarkPNGDeflate, and CPU profiles) it takes 40 to 56% of the time for 1
// to 4% more bytes, and the cards' encoding was a quarter of an export's time.
//
// A caller that encodes card after card passes one buffer as dst each time.
//
// Trust boundary: img is the card just drawn; nothing in it is interpreted.
func appendPNG(dst []byte, img *image.Paletted) []byte {
	z := zlibPool.Get().(*flate.Writer)
	defer zlibPool.Put(z)
	return appendPNGWith(dst, img, z, segments)
}

// deflater is a deflate writer that appendPNGWith restarts for each segment: klauspost/compress's
// or, to compare, compress/flate's.
type deflater interface {
	Reset(w io.Writer)
	Write(p []byte) (int, error)
	Flush() error
}

// appendPNGWith is appendPNG with the segments deflated by z, and copied from cache when it holds
// them (nil: none is).
func appendPNGWith(dst []byte, img *image.Paletted, z deflater, cache *segmentCache) []byte {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	out := bytes.NewBuffer(dst)
	out.Grow(64 << 10)
	out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 4, 3 // 4 bits a pixel, palette colour
	writeChunk(out, "IHDR", ihdr[:])
	plte := make([]byte, 0, 3*len(img.Palette))
	for _, c := range img.Palette {
		r, g, b, _ := c.RGBA()
		plte = append(plte, uint8(r>>8), uint8(g>>8), uint8(b>>8))
	}
	writeChunk(out, "PLTE", plte)

	// IDAT: the chunk's length is filled in once the zlib stream is written.
	start := out.Len()
	out.Write([]byte{0, 0, 0, 0})
	out.WriteString("IDAT")
	out.Write([]byte{0x78, 0x01}) // zlib: deflate, 32 KB window, the fastest level
	segp := segBuffers.Get().(*[]byte)
	defer segBuffers.Put(segp)
	seg := (*segp)[:0]
	defer func() { *segp = seg[:0] }()
	sum := uint32(1) // the Adler-32 of no bytes
	row := func(y int) []byte {
		o := img.PixOffset(img.Rect.Min.X, img.Rect.Min.Y+y)
		return img.Pix[o : o+w]
	}
	var blank, packedBlank []byte // row 0, the blank row, as drawn and packed
	if h > 0 {
		blank = row(0)
		packedBlank = packRow(make([]byte, 0, (w+1)/2), blank)
	}
	flushSeg := func() {
		if len(seg) == 0 {
			return
		}
		var key string
		if cache != nil {
			deflated, adler, k, ok := cache.get(seg)
			if ok {
				out.Write(deflated)
				sum = adler32Combine(sum, adler, len(seg))
				seg = seg[:0]
				return
			}
			key = k
		}
		at := out.Len()
		z.Reset(out)
		z.Write(seg)
		z.Flush()
		adler := adler32Update(1, seg)
		sum = adler32Combine(sum, adler, len(seg))
		if cache != nil {
			cache.put(key, seg, out.Bytes()[at:], adler)
		}
		seg = seg[:0]
	}
	for y := 0; y < h; {
		r := row(y)
		if y > 0 && bytes.Equal(r, blank) && bytes.Equal(row(y-1), blank) {
			n := 1
			for y+n < h && bytes.Equal(row(y+n), blank) {
				n++
			}
			flushSeg()
			run := blankRun(packedBlank, n)
			out.Write(run.deflated)
			sum = adler32Combine(sum, run.adler, n*(len(packedBlank)+1))
			y += n
			continue
		}
		seg = append(seg, 0) // filter: none
		seg = packRow(seg, r)
		y++
	}
	flushSeg()
	out.Write([]byte{1, 0, 0, 0xff, 0xff}) // the final block: empty, stored
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], sum)
	out.Write(tail[:])
	b := out.Bytes()
	binary.BigEndian.PutUint32(b[start:], uint32(len(b)-start-8))
	binary.BigEndian.PutUint32(tail[:], crc32.ChecksumIEEE(b[start+4:]))
	out.Write(tail[:])
	writeChunk(out, "IEND", nil)
	return out.Bytes()
}

// packRow appends row's pixels, each under 16, to dst two a byte, the first in the high nibble, as
// a 4-bit PNG row holds them (an odd last pixel with a zero nibble after it). Most of a card's row
// is the background (0): 32 pixels of it are 16 zero bytes in one step; other words of eight
// pixels are packed by pack8.
func packRow(dst, row []byte) []byte {
	n := len(dst)
	dst = slices.Grow(dst, (len(row)+1)/2)[:n+(len(row)+1)/2]
	out := dst[n:]
	for len(row) >= 32 && len(out) >= 16 {
		a, b := binary.LittleEndian.Uint64(row), binary.LittleEndian.Uint64(row[8:])
		c, d := binary.LittleEndian.Uint64(row[16:]), binary.LittleEndian.Uint64(row[24:])
		var lo, hi uint64
		if a|b != 0 {
			lo = uint64(pack8(a)) | uint64(pack8(b))<<32
		}
		if c|d != 0 {
			hi = uint64(pack8(c)) | uint64(pack8(d))<<32
		}
		binary.LittleEndian.PutUint64(out, lo)
		binary.LittleEndian.PutUint64(out[8:], hi)
		row, out = row[32:], out[16:]
	}
	for len(row) >= 8 && len(out) >= 4 {
		binary.LittleEndian.PutUint32(out, pack8(binary.LittleEndian.Uint64(row)))
		row, out = row[8:], out[4:]
	}
	for i := 0; i < len(row); i += 2 {
		b := row[i] << 4
		if i+1 < len(row) {
			b |= row[i+1]
		}
		out[i/2] = b
	}
	return dst
}

// pack8 packs eight pixels under 16, the bytes of v from the lowest, into four bytes, the lowest
// first: each pair into the low byte of its 16-bit lane, then the four lanes' bytes together.
func pack8(v uint64) uint32 {
	const lanes = 0x00ff00ff00ff00ff
	v = (v&lanes)<<4 | v>>8&lanes
	v = (v | v>>8) & 0x0000ffff0000ffff
	return uint32(v | v>>16)
}

// writeChunk writes one PNG chunk: its length, type, data and CRC.
func writeChunk(b *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	b.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	b.WriteString(typ)
	b.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	b.Write(n[:])
}

// segBuffers holds the buffers appendPNGWith gathers a segment's rows in (some 64 rows of a card, 38 KB
// for a landscape one): allocating and clearing one for each card was a tenth of its encoding's time.
var segBuffers = sync.Pool{New: func() any {
	b := make([]byte, 0, 64*(Landscape.W/2+1))
	return &b
}}

// zlibPool holds deflate writers at BestSpeed: a writer is costly to allocate and clear.
var zlibPool = sync.Pool{New: func() any {
	z, _ := flate.NewWriter(nil, flate.BestSpeed)
	return z
}}

// deflatedRun is n unfiltered copies of a blank row, deflated to follow that same row, and their
// Adler-32.
type deflatedRun struct {
	deflated []byte
	adler    uint32
}

// blankRuns caches the runs blankRun makes, by row and then length. It holds at most maxBlankRuns:
// a card has a few sizes and a few hundred run lengths. The rows are looked up by their bytes
// without copying them (m[string(row)]), which a key of row and length together would copy.
var blankRuns = struct {
	sync.RWMutex
	m map[string]map[int]deflatedRun
	n int // the runs in m
}{m: make(map[string]map[int]deflatedRun)}

const maxBlankRuns = 4096

// blankRun returns n unfiltered copies of the row blank as deflate blocks, not final, ending on a
// byte boundary (a sync flush), that may follow any deflate data whose last row is blank: they copy
// from it (the row is their preset dictionary).
func blankRun(blank []byte, n int) deflatedRun {
	blankRuns.RLock()
	r, ok := blankRuns.m[string(blank)][n]
	blankRuns.RUnlock()
	if ok {
		return r
	}
	line := append([]byte{0}, blank...)
	raw := bytes.Repeat(line, n)
	var b bytes.Buffer
	// BestSpeed ignores a dictionary: the run is made once, at the best level.
	z, _ := flate.NewWriterDict(&b, flate.BestCompression, line)
	z.Write(raw)
	z.Flush()
	r = deflatedRun{deflated: b.Bytes(), adler: adler32.Checksum(raw)}
	blankRuns.Lock()
	if blankRuns.n >= maxBlankRuns {
		clear(blankRuns.m)
		blankRuns.n = 0
	}
	runs := blankRuns.m[string(blank)]
	if runs == nil {
		runs = make(map[int]deflatedRun)
		blankRuns.m[string(blank)] = runs
	}
	if _, ok := runs[n]; !ok {
		blankRuns.n++
	}
	runs[n] = r
	blankRuns.Unlock()
	return r
}

// adler32Update returns the Adler-32 of the bytes summed in sum followed by p, as hash/adler32
// gives it, in less time on a card's rows: most of their bytes are the background, palette index 0,
// and zero bytes add nothing to the sum of the bytes and their count times it to the sum of sums, so
// 32 zero bytes are one step instead of 32. A word of eight bytes that are not all zero is summed
// with two multiplications (adler32Word), not byte by byte. The sums are kept in 64 bits and reduced
// every 64 KB. hash/adler32's loop was 3% of an export's time (CPU profile of BenchmarkExport), and
// the byte-by-byte sum of the words with ink a fifth of a card's encoding (cachegrind).
func adler32Update(sum uint32, p []byte) uint32 {
	const mod = 65521
	s1, s2 := uint64(sum&0xffff), uint64(sum>>16)
	for len(p) > 0 {
		// Within 64 KB, s1 stays below 2^25 and s2 below 2^41.
		n := min(len(p), 1<<16)
		q := p[:n]
		for len(q) >= 32 {
			a, b := binary.LittleEndian.Uint64(q), binary.LittleEndian.Uint64(q[8:])
			c, d := binary.LittleEndian.Uint64(q[16:]), binary.LittleEndian.Uint64(q[24:])
			if a|b|c|d == 0 {
				s2 += 32 * s1
			} else {
				s1, s2 = adler32Word(s1, s2, a)
				s1, s2 = adler32Word(s1, s2, b)
				s1, s2 = adler32Word(s1, s2, c)
				s1, s2 = adler32Word(s1, s2, d)
			}
			q = q[32:]
		}
		for len(q) >= 8 {
			s1, s2 = adler32Word(s1, s2, binary.LittleEndian.Uint64(q))
			q = q[8:]
		}
		for _, x := range q {
			s1 += uint64(x)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
		p = p[n:]
	}
	return uint32(s2<<16 | s1)
}

// adler32Word adds the eight bytes of v, little-endian, to the sums s1 and s2: byte i adds itself to
// s1 and (8-i) times itself to s2. The even and the odd bytes are spread to four 16-bit lanes each,
// and one multiplication sums a word's lanes, each times its weight, into the top lane: no lane's
// partial sum reaches 2^16, so none carries into the next.
func adler32Word(s1, s2, v uint64) (uint64, uint64) {
	s2 += 8 * s1
	if v == 0 {
		return s1, s2
	}
	const lanes = 0x00ff00ff00ff00ff
	even, odd := v&lanes, v>>8&lanes // bytes 0, 2, 4, 6 and 1, 3, 5, 7, lane 0 first
	s1 += (even + odd) * 0x0001000100010001 >> 48
	// The top lane of even×w is the sum of even's lane i times w's lane 3-i: weights 8, 6, 4, 2
	// for bytes 0, 2, 4, 6, and 7, 5, 3, 1 for bytes 1, 3, 5, 7.
	s2 += (even*0x0008000600040002 + odd*0x0007000500030001) >> 48
	return s1, s2
}

// adler32Combine returns the Adler-32 of a then b from theirs and b's length (zlib's
// adler32_combine).
func adler32Combine(a, b uint32, lenB int) uint32 {
	const mod = 65521
	rem := uint64(lenB % mod)
	s1 := uint64(a & 0xffff)
	s2 := rem * s1 % mod
	s1 += uint64(b&0xffff) + mod - 1
	s2 += uint64(a>>16) + uint64(b>>16) + mod - rem
	return uint32(s1%mod) | uint32(s2%mod)<<16
}
