package search

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"

	"verbatim/article/model"
)

// The binary encoding of an Index (MarshalBinary, Decode): the magic, the format's version, the
// index's terms, articles, units and postings, and a CRC-32 (IEEE) of everything before it. Its
// integers are unsigned varints; a string is its byte length and its bytes. A unit's token
// sequences and a term's postings are each behind their byte length: Decode keeps them encoded,
// and the index decodes one when a search first needs it (seqsOf, postingsOf), so that reading
// an index back costs little more than its terms and texts.
const (
	encMagic = "VBSI"
	// EncodingVersion is the version of the encoding MarshalBinary writes and Decode reads; a
	// change to the format or to what an index holds (its folding, its caps) must bump it, so that
	// an index persisted by an older app.wasm is rebuilt, not misread.
	EncodingVersion = 1
	// MaxEncodedBytes bounds what Decode reads: a longer input is refused before any of it is
	// read.
	MaxEncodedBytes = 256 << 20
)

// ErrEncoding is the error of Decode when its input is not an index it can read: damaged,
// truncated, too long, or of another version. Whoever persisted the index builds it again.
var ErrEncoding = errors.New("the stored search index cannot be read")

// MarshalBinary returns the index's binary encoding, without its removed articles. Decode reads
// it back into an index that searches the same.
func (ix *Index) MarshalBinary() ([]byte, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	w := writer{buf: append(make([]byte, 0, 1<<20), encMagic...)}
	w.uint(EncodingVersion)
	ix.refresh()
	w.uint(uint64(len(ix.terms)))
	for _, t := range ix.terms {
		w.str(t)
	}
	for _, id := range ix.sorted { // the terms' order, which a prefix search reads
		w.uint(uint64(id))
	}
	// Removed articles and their units are left out; the units left are numbered anew.
	unitNo := make([]int32, len(ix.units))
	articleNo := make([]int32, len(ix.articles))
	nArticles, nUnits := 0, 0
	for i, d := range ix.articles {
		articleNo[i] = -1
		if d.live {
			articleNo[i] = int32(nArticles)
			nArticles++
		}
	}
	for i, u := range ix.units {
		unitNo[i] = -1
		if articleNo[u.article] >= 0 {
			unitNo[i] = int32(nUnits)
			nUnits++
		}
	}
	w.uint(uint64(nArticles))
	for _, d := range ix.articles {
		if !d.live {
			continue
		}
		w.str(string(d.id), d.title, d.byline, d.site, d.published, d.body)
		w.uint(uint64(len(d.quotes)))
		for _, q := range d.quotes {
			w.str(string(q.id), q.text, q.speaker)
		}
		w.uint(uint64(len(d.notes)))
		for _, n := range d.notes {
			w.str(n.ID, n.Exact, n.Note)
		}
		w.uint(uint64(len(d.speakers)))
		w.str(d.speakers...)
	}
	w.uint(uint64(nUnits))
	for _, u := range ix.units {
		if articleNo[u.article] < 0 {
			continue
		}
		w.uint(uint64(articleNo[u.article]))
		w.buf = append(w.buf, byte(kindIndex(u.kind)))
		w.uint(uint64(u.item + 1))
		w.buf = binary.LittleEndian.AppendUint32(w.buf, math.Float32bits(u.length))
		if u.raw != nil { // still as Decode read it: a sequence names no unit
			w.bytes(u.raw)
			continue
		}
		var sw writer
		for _, sq := range u.seqs {
			sw.uint(uint64(len(sq.terms)))
			for _, t := range sq.terms {
				sw.uint(uint64(t))
			}
			prev := uint32(0)
			for _, s := range sq.starts {
				sw.uint(uint64(s - prev))
				prev = s
			}
		}
		w.bytes(sw.buf)
	}
	var pw writer
	for id := range ix.postings {
		if nUnits == len(ix.units) && ix.rawPostings != nil && ix.rawPostings[id] != nil {
			w.bytes(ix.rawPostings[id]) // as Decode read it, and no unit was renumbered
			continue
		}
		ps := ix.postingsOf(uint32(id))
		pw.buf = pw.buf[:0]
		n := 0
		for _, p := range ps {
			if unitNo[p.unit] >= 0 {
				n++
			}
		}
		pw.uint(uint64(n))
		prev := int32(0)
		for _, p := range ps {
			if u := unitNo[p.unit]; u >= 0 {
				pw.uint(uint64(u - prev))
				pw.uint(uint64(p.tf))
				pw.buf = append(pw.buf, byte(p.field))
				prev = u
			}
		}
		w.bytes(pw.buf)
	}
	if len(w.buf)+4 > MaxEncodedBytes {
		return nil, fmt.Errorf("encoding the search index: %d bytes, more than the %d Decode reads", len(w.buf)+4, MaxEncodedBytes)
	}
	return binary.LittleEndian.AppendUint32(w.buf, crc32.ChecksumIEEE(w.buf)), nil
}

type writer struct{ buf []byte }

func (w *writer) uint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }

func (w *writer) str(ss ...string) {
	for _, s := range ss {
		w.uint(uint64(len(s)))
		w.buf = append(w.buf, s...)
	}
}

func (w *writer) bytes(b []byte) {
	w.uint(uint64(len(b)))
	w.buf = append(w.buf, b...)
}

// kinds are the unit kinds by their number in the encoding (kindIndex).
var kinds = [...]Kind{KindArticle, KindQuote, KindNote}

// seqsOf is how many token sequences a unit of each kind has (builder.unit's fields in addData).
var seqsOf = [...]int{4, 2, 2}

// Decode reads an index that MarshalBinary encoded. It returns ErrEncoding (wrapped, with what is
// wrong) for any input it cannot read whole: a CRC or version that does not match, a truncated or
// oversized input, a reference out of range. It keeps data (the index reads its units' sequences
// and terms' postings from it when first needed): the caller must not change it.
//
// Trust boundary: the input is untrusted bytes (the browser's storage, which anyone with the
// page's origin may have written). It is checked against its CRC, then every count against the
// bytes left before anything is allocated for it, and every term, unit, article and item against
// what it refers to. The sequences and postings read later are checked the same way when they are
// read; one that is wrong then (only a forged input with a right CRC can hold one) reads as empty,
// so that a search of a decoded index never reads out of range. Time and memory are linear in
// the input's length, at most MaxEncodedBytes.
func Decode(data []byte) (*Index, error) {
	if len(data) > MaxEncodedBytes {
		return nil, fmt.Errorf("%w: %d bytes, more than %d", ErrEncoding, len(data), MaxEncodedBytes)
	}
	if len(data) < len(encMagic)+4 || string(data[:len(encMagic)]) != encMagic {
		return nil, fmt.Errorf("%w: it is not a search index", ErrEncoding)
	}
	body := data[:len(data)-4]
	if crc32.ChecksumIEEE(body) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, fmt.Errorf("%w: it is damaged (its checksum does not match)", ErrEncoding)
	}
	r := reader{buf: body, text: string(body), off: len(encMagic)}
	if v := r.uint(); r.err == nil && v != EncodingVersion {
		return nil, fmt.Errorf("%w: it is of version %d, not %d", ErrEncoding, v, EncodingVersion)
	}
	ix := New()
	ix.terms = make([]string, r.count(1))
	ix.ids = make(map[string]uint32, len(ix.terms))
	for i := range ix.terms {
		ix.terms[i] = r.str()
		if _, dup := ix.ids[ix.terms[i]]; dup && r.err == nil {
			r.fail("term %d is there twice", i)
		}
		ix.ids[ix.terms[i]] = uint32(i)
	}
	r.sorted(ix)
	ix.articles = make([]articleData, r.count(7))
	for i := range ix.articles {
		d := &ix.articles[i]
		d.live = true
		d.id = model.ArticleID(r.str())
		d.title, d.byline, d.site, d.published, d.body = r.str(), r.str(), r.str(), r.str(), r.str()
		d.siteFold, d.day = Fold(d.site), dayOf(d.published)
		d.quotes = make([]quoteData, r.count(3))
		for j := range d.quotes {
			d.quotes[j] = quoteData{id: model.QuoteID(r.str()), text: r.str(), speaker: r.str()}
		}
		d.notes = make([]Note, r.count(3))
		for j := range d.notes {
			d.notes[j] = Note{ID: r.str(), ArticleID: d.id, Exact: r.str(), Note: r.str()}
		}
		d.speakers = make([]string, r.count(1))
		for j := range d.speakers {
			d.speakers[j] = r.str()
		}
		if _, dup := ix.byID[d.id]; (dup || d.id == "") && r.err == nil {
			r.fail("article %d's id %q is empty or there twice", i, d.id)
		}
		ix.byID[d.id] = int32(i)
	}
	ix.units = make([]unit, r.count(8))
	for i := range ix.units {
		r.unit(ix, int32(i))
	}
	ix.postings = make([][]posting, len(ix.terms))
	ix.rawPostings = make([][]byte, len(ix.terms))
	for t := range ix.rawPostings {
		ix.rawPostings[t] = r.bytes()
	}
	if r.err == nil && r.off != len(body) {
		r.fail("%d bytes are left over", len(body)-r.off)
	}
	if r.err != nil {
		return nil, r.err
	}
	ix.changed = true
	return ix, nil
}

// unit reads unit i (its sequences left encoded), checks it against the articles read before it,
// and adds it to its article's units.
func (r *reader) unit(ix *Index, i int32) {
	a, k, item := r.uint(), r.byte(), int64(r.uint())-1
	length := math.Float32frombits(r.uint32())
	raw := r.bytes()
	if r.err != nil {
		return
	}
	if a >= uint64(len(ix.articles)) || int(k) >= len(kinds) || math.IsNaN(float64(length)) || math.IsInf(float64(length), 0) || length < 0 {
		r.fail("unit %d is out of range", i)
		return
	}
	d := &ix.articles[a]
	if len(unitTexts(d, kinds[k], int32(item))) != seqsOf[k] {
		r.fail("unit %d's item is out of range", i)
		return
	}
	ix.units[i] = unit{article: int32(a), item: int32(item), kind: kinds[k], length: length, raw: raw}
	d.units = append(d.units, i)
}

// sorted reads the terms' order (an Index's sorted) and checks it: every term once, in order.
func (r *reader) sorted(ix *Index) {
	if len(ix.terms) > len(r.buf)-r.off {
		r.fail("the terms' order is truncated")
	}
	if r.err != nil {
		return
	}
	ix.sorted = make([]uint32, len(ix.terms))
	seen := newBitset(len(ix.terms))
	for i := range ix.sorted {
		id := r.uint()
		if r.err != nil || id >= uint64(len(ix.terms)) || seen.has(int32(id)) || i > 0 && ix.terms[ix.sorted[i-1]] >= ix.terms[id] {
			r.fail("the terms' order is wrong at %d", i)
			return
		}
		seen.set(int32(id))
		ix.sorted[i] = uint32(id)
	}
	ix.sortOK = true
}

// unitTexts returns the texts of a unit's fields, in the order of its sequences (addData's), or
// none when item is not one of d's.
func unitTexts(d *articleData, k Kind, item int32) []string {
	switch k {
	case KindArticle:
		if item == -1 {
			return []string{d.title, d.byline, d.site, d.body}
		}
	case KindQuote:
		if item >= 0 && int(item) < len(d.quotes) {
			return []string{d.quotes[item].text, d.quotes[item].speaker}
		}
	case KindNote:
		if item >= 0 && int(item) < len(d.notes) {
			return []string{d.notes[item].Note, d.notes[item].Exact}
		}
	}
	return nil
}

// seqsOf returns unit u's token sequences, decoding them first when they are still encoded (a
// decoded index's). Sequences that do not read right (a forged input) read as empty ones.
func (ix *Index) seqsOf(u int32) []seq {
	un := &ix.units[u]
	if un.raw == nil {
		return un.seqs
	}
	raw := un.raw
	un.raw = nil
	texts := unitTexts(&ix.articles[un.article], un.kind, un.item)
	un.seqs = make([]seq, len(texts))
	r := reader{buf: raw}
	for j, text := range texts {
		n := r.count(2)
		sq := seq{terms: make([]uint32, n), starts: make([]uint32, n)}
		for x := range sq.terms {
			t := r.uint()
			if t >= uint64(len(ix.terms)) && r.err == nil {
				r.fail("unit %d names term %d of %d", u, t, len(ix.terms))
			}
			sq.terms[x] = uint32(t)
		}
		// Each word starts within the text, after the one before it.
		at := uint64(0)
		for x := range sq.starts {
			at += r.uint()
			if at > uint64(len(text)) && r.err == nil {
				r.fail("unit %d has a word beyond its text", u)
			}
			sq.starts[x] = uint32(at)
		}
		un.seqs[j] = sq
	}
	if r.err != nil || r.off != len(raw) {
		clear(un.seqs)
	}
	return un.seqs
}

// postingsOf returns term t's postings, decoding them first when they are still encoded (a
// decoded index's). Postings that do not read right (a forged input) read as none.
func (ix *Index) postingsOf(t uint32) []posting {
	if ix.rawPostings == nil || ix.rawPostings[t] == nil {
		return ix.postings[t]
	}
	r := reader{buf: ix.rawPostings[t]}
	ix.rawPostings[t] = nil
	ps := make([]posting, r.count(3))
	u := int64(0)
	for j := range ps {
		u += int64(r.uint())
		tf, f := r.uint(), r.byte()
		if r.err == nil && (u >= int64(len(ix.units)) || tf == 0 || tf > 0xFFFF || f >= byte(nFields)) {
			r.fail("a posting of term %d is out of range", t)
		}
		ps[j] = posting{unit: int32(u), tf: uint16(tf), field: field(f)}
	}
	if r.err != nil || r.off != len(r.buf) {
		ps = nil
	}
	ix.postings[t] = ps
	return ps
}

// reader reads the encoding; its first error stops it (every later read returns zero). text is
// buf as one string, which the strings it reads share.
type reader struct {
	buf  []byte
	text string
	off  int
	err  error
}

func (r *reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s", ErrEncoding, fmt.Sprintf(format, args...))
	}
}

func (r *reader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.buf[r.off:])
	if n <= 0 {
		r.fail("it is truncated or has a bad number at byte %d", r.off)
		return 0
	}
	r.off += n
	return v
}

func (r *reader) byte() byte {
	if r.err != nil || r.off >= len(r.buf) {
		r.fail("it is truncated at byte %d", r.off)
		return 0
	}
	r.off++
	return r.buf[r.off-1]
}

func (r *reader) uint32() uint32 {
	if r.err != nil || len(r.buf)-r.off < 4 {
		r.fail("it is truncated at byte %d", r.off)
		return 0
	}
	r.off += 4
	return binary.LittleEndian.Uint32(r.buf[r.off-4:])
}

// count reads a count of things that take at least min bytes each, and fails when the bytes left
// cannot hold them: what it returns is safe to allocate.
func (r *reader) count(min int) int {
	n := r.uint()
	if r.err == nil && n > uint64(len(r.buf)-r.off)/uint64(min) {
		r.fail("a count of %d at byte %d is more than the bytes left", n, r.off)
	}
	if r.err != nil {
		return 0
	}
	return int(n)
}

func (r *reader) str() string {
	n := r.count(1)
	if r.err != nil {
		return ""
	}
	r.off += n
	return r.text[r.off-n : r.off]
}

// bytes reads a length and that many bytes, which it returns without copying them.
func (r *reader) bytes() []byte {
	n := r.count(1)
	if r.err != nil {
		return nil
	}
	r.off += n
	return r.buf[r.off-n : r.off : r.off]
}
