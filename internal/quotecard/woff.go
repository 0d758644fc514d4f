package quotecard

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
)

// maxSfntBytes bounds a decoded font: the bundled fonts are tens of kilobytes.
const maxSfntBytes = 4 << 20

// sfntFromWOFF decodes a WOFF 1.0 file (W3C WOFF File Format 1.0) into the OpenType font it wraps:
// each table, zlib-compressed or stored, is written back after a rebuilt table directory, 4-byte
// aligned. It reads only the bundled fonts, but checks every offset and length all the same.
func sfntFromWOFF(woff []byte) ([]byte, error) {
	if len(woff) < 44 || string(woff[:4]) != "wOFF" {
		return nil, errors.New("not a WOFF 1.0 file")
	}
	be := binary.BigEndian
	flavor := be.Uint32(woff[4:])
	numTables := int(be.Uint16(woff[12:]))
	if numTables == 0 || 44+20*numTables > len(woff) {
		return nil, errors.New("WOFF table directory out of bounds")
	}
	type table struct {
		tag, checksum uint32
		data          []byte
	}
	tables := make([]table, 0, numTables)
	total := 12 + 16*numTables
	for i := range numTables {
		e := woff[44+20*i:]
		tag, off, compLen, origLen, sum := be.Uint32(e), be.Uint32(e[4:]), be.Uint32(e[8:]), be.Uint32(e[12:]), be.Uint32(e[16:])
		if uint64(off)+uint64(compLen) > uint64(len(woff)) || compLen > origLen || origLen > maxSfntBytes {
			return nil, fmt.Errorf("WOFF table %d out of bounds", i)
		}
		data := woff[off : off+compLen]
		if compLen < origLen {
			zr, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				return nil, fmt.Errorf("WOFF table %d: %w", i, err)
			}
			out, err := io.ReadAll(io.LimitReader(zr, int64(origLen)+1))
			if err != nil || len(out) != int(origLen) {
				return nil, fmt.Errorf("WOFF table %d: inflated to %d bytes, want %d (%v)", i, len(out), origLen, err)
			}
			data = out
		}
		tables = append(tables, table{tag, sum, data})
		total += (len(data) + 3) &^ 3
		if total > maxSfntBytes {
			return nil, errors.New("WOFF font too large")
		}
	}
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })

	out := make([]byte, 12+16*numTables, total)
	be.PutUint32(out, flavor)
	be.PutUint16(out[4:], uint16(numTables))
	entrySelector := 0
	for 1<<(entrySelector+1) <= numTables {
		entrySelector++
	}
	searchRange := (1 << entrySelector) * 16
	be.PutUint16(out[6:], uint16(searchRange))
	be.PutUint16(out[8:], uint16(entrySelector))
	be.PutUint16(out[10:], uint16(numTables*16-searchRange))
	for i, t := range tables {
		rec := out[12+16*i:]
		be.PutUint32(rec, t.tag)
		be.PutUint32(rec[4:], t.checksum)
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(t.data)))
		out = append(out, t.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}
