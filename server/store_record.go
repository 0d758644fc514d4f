package server

import (
	"encoding/binary"
	"errors"
	"fmt"

	"verbatim/app"
	"verbatim/article/model"
)

// detail is what the listing and the speaker pages need of one article beyond routing: its summary
// and what it says of each speaker name. The library keeps details on disk (detailLog), one record
// each, and reads the few a request needs.
type detail struct {
	Sum      app.Summary        // the listing's entry; its ID is the entry's, not stored
	Speakers []app.SpeakerCount // app.SpeakerCountsOf the article
}

// maxRecord bounds one detail record, and so any read of one: a summary's excerpt and a bounded
// list of speakers are a few KB.
const maxRecord = 1 << 20

// recordTooLarge returns the error of a detail record of n bytes when n is over maxRecord, and nil
// otherwise: the one check before any record goes to the detail log (detailLog.add, recordBatch.keep).
func recordTooLarge(n int) error {
	if n > maxRecord {
		return fmt.Errorf("a summary record of %d bytes, over %d", n, maxRecord)
	}
	return nil
}

// appendRecord appends d's record to b: each string as a uvarint length and its bytes, each number
// as a varint, the speakers as a count and their fields.
func appendRecord(b []byte, d detail) []byte {
	s := d.Sum
	for _, v := range []string{s.Title, s.Byline, s.Site, s.Excerpt, s.Published} {
		b = appendString(b, v)
	}
	for _, n := range []int{s.Words, s.ReadingMinutes, s.Quotes, s.Speakers} {
		b = binary.AppendVarint(b, int64(n))
	}
	b = binary.AppendUvarint(b, uint64(len(d.Speakers)))
	for _, c := range d.Speakers {
		b = appendString(b, c.Name)
		b = appendString(b, c.Role)
		b = binary.AppendVarint(b, int64(c.Quotes))
	}
	return b
}

// decodeRecord decodes a record of appendRecord, for the article id.
//
// Trust boundary: the record comes from the state directory, which may be damaged: every length is
// checked against what is left of b, so a bad record is an error, never a panic or a large
// allocation.
func decodeRecord(b []byte, id model.ArticleID) (detail, error) {
	d := fieldReader{b: b}
	var r detail
	s := &r.Sum
	s.ID = id
	for _, v := range []*string{&s.Title, &s.Byline, &s.Site, &s.Excerpt, &s.Published} {
		*v = d.str()
	}
	for _, v := range []*int{&s.Words, &s.ReadingMinutes, &s.Quotes, &s.Speakers} {
		*v = d.int()
	}
	if n := d.count(3); n > 0 {
		r.Speakers = make([]app.SpeakerCount, n)
		for i := range r.Speakers {
			c := &r.Speakers[i]
			c.Name, c.Role, c.Quotes = d.str(), d.str(), d.int()
		}
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("%d bytes after the record", len(d.b))
	}
	if d.err != nil {
		return detail{}, fmt.Errorf("article %s's summary in the state directory: %w", id, d.err)
	}
	return r, nil
}

// appendString appends s as a uvarint length and its bytes.
func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// errTruncated is the error of a fieldReader that ran out of bytes.
var errTruncated = errors.New("truncated")

// fieldReader reads the fields of a record or of the index file from b, remembering the first error:
// once it has one, every read returns a zero value. No read allocates more than b holds.
type fieldReader struct {
	b   []byte
	err error
}

func (d *fieldReader) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errTruncated
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *fieldReader) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errTruncated
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *fieldReader) int() int { return int(d.varint()) }

// bytes returns the next n bytes, which alias b.
func (d *fieldReader) bytes(n uint64) []byte {
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.err = errTruncated
		return nil
	}
	v := d.b[:n:n]
	d.b = d.b[n:]
	return v
}

func (d *fieldReader) str() string { return string(d.bytes(d.uint())) }

// count reads a count of items of at least min bytes each, and checks that so many could follow.
func (d *fieldReader) count(min uint64) int {
	n := d.uint()
	if d.err == nil && n > uint64(len(d.b))/min {
		d.err = fmt.Errorf("a count of %d items where %d bytes are left", n, len(d.b))
		return 0
	}
	return int(n)
}
