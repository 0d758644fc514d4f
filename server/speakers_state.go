package server

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"log/slog"
	"path/filepath"

	"verbatim/app"
	"verbatim/article/model"
)

// speakersMagic opens the speaker state file; its last byte is the layout's version.
const speakersMagic = "VBASPK\x00\x01"

// speakersName is the speaker state's file name in the state directory, beside the index.
const speakersName = "speakers.bin"

// maxSpeakersBytes bounds the speaker state file read at start, as maxIndexBytes bounds the index.
const maxSpeakersBytes = 1 << 30

// speakerInput is what one article gives the speaker table: its publication date (the order of a
// person's articles) and what it says of each speaker name, for the source file of hash.
type speakerInput struct {
	hash      [32]byte
	published string
	counts    []app.SpeakerCount
}

// speakerState keeps, in the state directory, each served article's speakerInput, so that the
// speaker table of a library loaded from its index reads the detail log only for the articles whose
// source changed since (snapshot.speakerTableOf), not for every article. It keeps nothing in memory.
// A library without a state directory has none (nil).
type speakerState struct {
	dir string
	log *slog.Logger
}

// load returns the inputs the state directory holds, by id: none when there is no file, or when it
// is damaged, truncated or of another build or layout (logged; the table then reads every detail).
func (st *speakerState) load() map[model.ArticleID]speakerInput {
	if st == nil {
		return nil
	}
	b, err := readBounded(filepath.Join(st.dir, speakersName), maxSpeakersBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	var in map[model.ArticleID]speakerInput
	if err == nil {
		in, err = decodeSpeakers(b)
	}
	if err != nil {
		st.log.Warn("not using the speaker state in the state directory: reading every article's speakers", "state", st.dir, "reason", err)
		return nil
	}
	return in
}

// save writes the inputs of order (the snapshot's served entries, with in their inputs by id) to
// the state directory, atomically; a failure is logged, and the next table reads every detail.
func (st *speakerState) save(order []*entry, in map[model.ArticleID]speakerInput) {
	if st == nil {
		return
	}
	err := writeFileAtomic(st.dir, speakersName, encodeSpeakers(order, in))
	if err != nil {
		st.log.Warn("could not write the speaker state to the state directory", "state", st.dir, "err", err)
	}
}

// encodeSpeakers returns the inputs of order in the speaker state's layout: speakersMagic; the
// build; the count; each article's id, source hash, publication date and speaker counts (name, role,
// quotes); and a CRC-32C of all that before it.
func encodeSpeakers(order []*entry, in map[model.ArticleID]speakerInput) []byte {
	b := []byte(speakersMagic)
	b = appendString(b, buildKey())
	b = binary.AppendUvarint(b, uint64(len(order)))
	for _, e := range order {
		x := in[e.ID]
		b = appendString(b, string(e.ID))
		b = append(b, x.hash[:]...)
		b = appendString(b, x.published)
		b = binary.AppendUvarint(b, uint64(len(x.counts)))
		for _, c := range x.counts {
			b = appendString(b, c.Name)
			b = appendString(b, c.Role)
			b = binary.AppendVarint(b, int64(c.Quotes))
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// decodeSpeakers decodes a speaker state of encodeSpeakers.
//
// Trust boundary: the file may be truncated, damaged, or of another build or layout: the checksum and
// every length are checked, so that it is an error, never a panic or an allocation beyond its size.
func decodeSpeakers(b []byte) (map[model.ArticleID]speakerInput, error) {
	if len(b) < len(speakersMagic)+4 || string(b[:len(speakersMagic)]) != speakersMagic {
		return nil, errors.New("not a speaker state file of this layout")
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, errors.New("the speaker state is truncated or damaged (checksum mismatch)")
	}
	d := fieldReader{b: body[len(speakersMagic):]}
	if d.str() != buildKey() {
		return nil, errors.New("the speaker state was written by another build")
	}
	n := d.count(1 + 32 + 1 + 1)
	out := make(map[model.ArticleID]speakerInput, n)
	for range n {
		id := model.ArticleID(d.str())
		var x speakerInput
		copy(x.hash[:], d.bytes(32))
		x.published = d.str()
		if k := d.count(3); k > 0 {
			x.counts = make([]app.SpeakerCount, k)
			for i := range x.counts {
				c := &x.counts[i]
				c.Name, c.Role, c.Quotes = d.str(), d.str(), d.int()
			}
		}
		if d.err != nil {
			break
		}
		out[id] = x
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("%d bytes after the speaker state", len(d.b))
	}
	if d.err != nil {
		return nil, fmt.Errorf("the speaker state is damaged: %w", d.err)
	}
	return out, nil
}
