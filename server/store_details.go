package server

import (
	"bufio"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// recRef is where an article's detail record lies in the library's detail log.
type recRef struct {
	off int64
	n   uint32
}

// castagnoli is the CRC table of the detail log's checksum (hardware-assisted on amd64 and arm64).
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// detailLog is the file in the state directory holding the articles' detail records, so that the
// index in memory keeps only what routing and the library's order need. It is append-only while
// the server runs: a record, once written, never moves, so every snapshot's offsets stay valid. A
// rescan appends the records of changed files; when the records no snapshot needs make up more than
// half of it, the library writes a new log (compactLog). The index in the state directory records
// the log's name, length and CRC-32C, so that a log that does not match is never used.
//
// Reads are pread(2)s of one record of at most maxRecord bytes, safe for concurrent use.
type detailLog struct {
	f    *os.File
	name string // base name in the state directory

	mu   sync.Mutex
	size int64  // bytes written
	crc  uint32 // CRC-32C of those bytes
}

// detailPrefix and detailSuffix frame the names of detail logs in the state directory.
const detailPrefix, detailSuffix = "details-", ".dat"

// createLog makes a new, empty detail log in the state directory dir, locked for this server.
func createLog(dir string) (*detailLog, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, detailPrefix+"*"+detailSuffix)
	if err == nil {
		err = lockFile(f)
	}
	if err != nil {
		if f != nil {
			f.Close()
			os.Remove(f.Name())
		}
		return nil, err
	}
	return &detailLog{f: f, name: filepath.Base(f.Name())}, nil
}

// openLog opens the detail log name in dir that an index recorded with its length and CRC-32C. It
// drops what was appended after that index was written (the records of a run that ended before it
// wrote its index), and fails when the log is shorter or its bytes do not match. When another
// server holds the log (two servers on one state directory, as when a new one starts before the old
// one stops), it takes a copy of what the index names into a new log, so that two servers never
// append to one file.
//
// Trust boundary: name comes from the index file; only a plain base name of a detail log is opened.
func openLog(dir, name string, size int64, crc uint32) (*detailLog, error) {
	if name != filepath.Base(name) || !strings.HasPrefix(name, detailPrefix) || !strings.HasSuffix(name, detailSuffix) {
		return nil, fmt.Errorf("the index names no detail log: %q", name)
	}
	f, err := os.OpenFile(filepath.Join(dir, name), os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	if lockFile(f) != nil {
		defer f.Close()
		d, err := createLog(dir)
		if err != nil {
			return nil, err
		}
		if err := copyChecked(d.f, f, name, size, crc); err != nil {
			d.close()
			os.Remove(filepath.Join(dir, d.name))
			return nil, err
		}
		d.size, d.crc = size, crc
		return d, nil
	}
	err = copyChecked(io.Discard, f, name, size, crc)
	if err == nil {
		err = f.Truncate(size)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return &detailLog{f: f, name: name, size: size, crc: crc}, nil
}

// copyChecked copies the first size bytes of the detail log f (named name) to w, and fails when
// it has fewer or their CRC-32C is not crc.
func copyChecked(w io.Writer, f *os.File, name string, size int64, crc uint32) error {
	got := crc32.New(castagnoli)
	n, err := io.Copy(io.MultiWriter(w, got), bufio.NewReaderSize(io.NewSectionReader(f, 0, size), 1<<16))
	switch {
	case err != nil:
		return err
	case n != size:
		return fmt.Errorf("the detail log %s has %d bytes where the index recorded %d", name, n, size)
	case got.Sum32() != crc:
		return fmt.Errorf("the detail log %s does not match its checksum in the index", name)
	}
	return nil
}

// add appends a record and returns where it lies.
func (d *detailLog) add(rec []byte) (recRef, error) {
	if err := recordTooLarge(len(rec)); err != nil {
		return recRef{}, err
	}
	off, err := d.write(rec)
	if err != nil {
		return recRef{}, err
	}
	return recRef{off: off, n: uint32(len(rec))}, nil
}

// write appends b, records laid end to end (recordBatch), and returns the offset of its first byte.
func (d *detailLog) write(b []byte) (int64, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, err := d.f.WriteAt(b, d.size); err != nil {
		return 0, err
	}
	off := d.size
	d.size += int64(len(b))
	d.crc = crc32.Update(d.crc, castagnoli, b)
	return off, nil
}

// errBadRef is the error of a read outside the records written.
var errBadRef = errors.New("a summary record outside the detail log")

// read returns the record at r.
func (d *detailLog) read(r recRef) ([]byte, error) {
	d.mu.Lock()
	size := d.size
	d.mu.Unlock()
	if r.off < 0 || r.n > maxRecord || r.off+int64(r.n) > size {
		return nil, errBadRef
	}
	b := make([]byte, r.n)
	if _, err := d.f.ReadAt(b, r.off); err != nil {
		return nil, fmt.Errorf("reading the detail log %s: %w", d.name, err)
	}
	return b, nil
}

// state returns the log's length and CRC-32C, for the index.
func (d *detailLog) state() (int64, uint32) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.size, d.crc
}

// close closes the log's file.
func (d *detailLog) close() error { return d.f.Close() }

// removeOtherLogs deletes the detail logs in dir other than keep (those of earlier indexes), except
// those another server holds.
func removeOtherLogs(dir, keep string) {
	old, _ := filepath.Glob(filepath.Join(dir, detailPrefix+"*"+detailSuffix))
	for _, p := range old {
		if filepath.Base(p) == keep {
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		if lockFile(f) == nil {
			os.Remove(p)
		}
		f.Close()
	}
}

// compactMin is the size below which a detail log is never compacted (library.compactMin).
const compactMin = 4 << 20

// compactLog returns s with its records in a new detail log when the records no entry of s needs
// make up more than half of its log: each rescan appends the records of the files that changed, and
// the log would otherwise grow with each change. The new snapshot has s's generation (nothing a
// request sees changed). The old log's file is removed when the index naming the new one is saved;
// a snapshot still reading it keeps it open, and its file is closed by os.File's cleanup once no
// snapshot holds it. A failure is logged, and s is kept as it is.
func (l *library) compactLog(s *snapshot) *snapshot {
	old := s.log
	if old == nil {
		return s
	}
	var live int64
	for _, e := range s.entries {
		if e.ok() && e.inline == nil {
			live += int64(e.rec.n)
		}
	}
	size, _ := old.state()
	if size <= l.compactMin || 2*live >= size {
		return s
	}
	fresh, err := createLog(l.state)
	if err != nil {
		l.log.Warn("could not compact the detail log in the state directory", "state", l.state, "err", err)
		return s
	}
	entries := make([]*entry, len(s.entries))
	for i, e := range s.entries {
		entries[i] = e
		if !e.ok() || e.inline != nil {
			continue
		}
		b, err := old.read(e.rec)
		var ref recRef
		if err == nil {
			ref, err = fresh.add(b)
		}
		if err != nil {
			fresh.close()
			os.Remove(filepath.Join(l.state, fresh.name))
			l.log.Warn("could not compact the detail log in the state directory", "state", l.state, "err", err)
			return s
		}
		c := *e
		c.rec = ref
		entries[i] = &c
	}
	l.log.Info("compacted the detail log", "state", l.state, "bytes", size, "live", live)
	unlockFile(old.f) // the next save removes it; snapshots still reading it keep it open
	l.details = fresh
	return newSnapshot(s.gen, entries, fresh, s.gone)
}
