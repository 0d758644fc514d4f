package server

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"verbatim/app"
	"verbatim/article"
	"verbatim/article/model"
)

// fileStat is a content file a walk found: its size and modification time, or why it could not
// be stat'ed (a symlink loop, a link out of the content directory).
type fileStat struct {
	name  string
	size  int64
	mtime int64
	err   error
}

// walk lists the content files (.txt, .html, .md and their variants) below the library's root in
// file-name order, skipping dotfiles and dot-directories. Symlinks are followed inside the root
// only (os.Root); one that loops or leaves the root is a fileStat with its error, never a failure
// of the walk.
func (l *library) walk() ([]fileStat, error) {
	var files []fileStat
	err := fs.WalkDir(l.fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			l.log.Warn("skipping content file", "file", name, "reason", err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if name != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if _, ok := formatOf(name); !ok || d.IsDir() {
			return nil
		}
		var info fs.FileInfo
		if d.Type().IsRegular() {
			info, err = d.Info()
		} else {
			info, err = fs.Stat(l.fsys, name) // a symlink, followed inside the root
		}
		f := fileStat{name: name, err: err}
		if err == nil {
			f.size, f.mtime = info.Size(), info.ModTime().UnixNano()
			if !info.Mode().IsRegular() {
				f.err = errNotRegular
			}
		}
		files = append(files, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	return files, nil
}

// scanStats counts what a scan did, for its log line.
type scanStats struct {
	files, parsed, reused, skipped int
}

// scan walks the content directory and returns the snapshot that follows prev: files whose size and
// modification time are unchanged keep their entries; the others are read, and parsed again unless
// their bytes are the same (on all cores). It reports whether anything changed.
//
// Ids depend on the file names only, in file-name order: a file that starts or stops parsing does
// not renumber the others. When two files slug to the same id, the first in file-name order keeps
// it and the other gets -2 (then -3…), and the scan logs it.
func (l *library) scan(prev *snapshot) (*snapshot, scanStats, bool, error) {
	var st scanStats
	files, err := l.walk()
	if err != nil {
		return nil, st, false, err
	}
	st.files = len(files)
	prevs := prev.namedAll(files)
	ids := l.assignIDs(files, prevs)
	entries := make([]*entry, len(files))
	var todo []int
	for i, f := range files {
		p := prevs[i]
		switch {
		case f.err != nil:
			e := &entry{Name: f.name, ID: ids[i], Err: f.err.Error()}
			if p == nil || p.Err != e.Err {
				l.log.Warn("skipping content file", "file", f.name, "reason", f.err)
			}
			entries[i] = e
			st.skipped++
		case p != nil && p.Size == f.size && p.MTime == f.mtime:
			entries[i] = withID(p, ids[i])
			st.reused++
			if !p.ok() {
				st.skipped++
			}
		default:
			todo = append(todo, i)
		}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			recs, dirs := &recordBatch{l: l}, &scanDir{root: l.root}
			defer recs.flush()
			defer dirs.close()
			for i := range next {
				e, parsed := l.index(files[i], ids[i], prevs[i], recs, dirs)
				entries[i] = e
				mu.Lock()
				if parsed {
					st.parsed++
				} else {
					st.reused++
				}
				if !e.ok() {
					st.skipped++
				}
				mu.Unlock()
			}
		})
	}
	for _, i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()

	gone := maps.Clone(prev.gone)
	if gone == nil {
		gone = make(map[model.ArticleID]bool)
	}
	// Without earlier entries (a first start) nothing can be gone: the ids present are gathered only
	// to find the earlier ones that are not, and to clear the ones that came back.
	if len(gone) > 0 {
		for _, e := range entries {
			delete(gone, e.ID)
		}
	}
	// When every entry is prev's (a restart on a valid index, a watch's scan that found nothing),
	// no earlier id can be gone, and the ids present need not be gathered (a map of every id).
	same := len(entries) == len(prev.entries)
	for i := 0; same && i < len(entries); i++ {
		same = entries[i] == prev.entries[i]
	}
	if !same && len(prev.entries) > 0 {
		present := make(map[model.ArticleID]bool, len(entries))
		for _, e := range entries {
			present[e.ID] = true
		}
		for _, e := range prev.entries {
			if e.ok() && !present[e.ID] {
				gone[e.ID] = true
				l.log.Info("content file deleted: its article now answers 410 Gone", "file", e.Name, "id", e.ID)
			}
		}
	}
	if same && len(gone) == len(prev.gone) {
		return prev, st, false, nil
	}
	return newSnapshot(prev.gen+1, entries, l.details, gone), st, true, nil
}

// withID returns e with the id id: e itself, or a copy when the id moved.
func withID(e *entry, id model.ArticleID) *entry {
	if e.ID == id {
		return e
	}
	c := *e
	c.ID = id
	return &c
}

// assignIDs gives each file its id, in file-name order (uniqueSlug), logging each file that loses
// its slug to a file before it, and each file whose id moved since its entry in prevs (the previous
// snapshot's entry of each file, or nil: snapshot.namedAll).
func (l *library) assignIDs(files []fileStat, prevs []*entry) []model.ArticleID {
	ids := make([]model.ArticleID, len(files))
	used := make(map[model.ArticleID]bool, len(files))
	owner := make(map[model.ArticleID]string, len(files))
	for i, f := range files {
		slug := fileSlug(f.name)
		id := uniqueSlug(slug, used)
		used[id] = true
		ids[i] = id
		if _, ok := owner[slug]; !ok {
			owner[slug] = f.name
		}
		p := prevs[i]
		if p != nil && p.ID != id {
			l.log.Warn("content file's article id moved: a file that sorts before it now has its id", "file", f.name, "was", p.ID, "id", id)
		}
		if id != slug && (p == nil || p.ID != id) {
			l.log.Warn("content files share an id: the first in file-name order keeps it", "id", slug, "kept_by", owner[slug], "file", f.name, "gets", id)
		}
	}
	return ids
}

// index reads one content file (opened through dirs) and parses it for its entry, its detail going
// to recs. When the file's bytes are those of prev (touched, not changed), prev's summary is kept
// and parsed is false. A file that cannot be read or parsed gets an entry with its error, logged.
func (l *library) index(f fileStat, id model.ArticleID, prev *entry, recs *recordBatch, dirs *scanDir) (e *entry, parsed bool) {
	name := f.name
	e = &entry{Name: name, ID: id, Size: f.size, MTime: f.mtime}
	body, size, mtime, err := l.readStable(name, dirs, &f)
	if err != nil {
		e.Err = err.Error()
		if errors.Is(err, errKeptChanging) {
			e.Size = -1 // read again at the next scan
		}
		l.log.Warn("skipping content file", "file", name, "reason", err)
		return e, false
	}
	e.Size, e.MTime, e.Hash = size, mtime, sha256.Sum256(body)
	if prev != nil && prev.Hash == e.Hash && prev.Size >= 0 {
		c := *prev
		c.ID, c.Size, c.MTime = id, size, mtime
		return &c, false
	}
	format, _ := formatOf(name)
	a, err := parseFile(body, format, id, l.parse)
	if err != nil {
		e.Err = err.Error()
		l.log.Warn("skipping content file", "file", name, "reason", err)
		return e, true
	}
	recs.keep(e, detail{Sum: app.SummaryOf(a), Speakers: app.SpeakerCountsOf(a)})
	return e, true
}

// batchBytes is how many bytes of records a scan worker gathers before it appends them to the
// detail log.
const batchBytes = 64 << 10

// recordBatch is one scan worker's detail records not yet in the detail log: it appends them in
// one write of about batchBytes, where one write an article was a pwrite(2) per file read. Its
// entries get their place in the log (entry.rec) when it flushes, before the scan puts them in a
// snapshot. Not safe for concurrent use: each worker has its own.
type recordBatch struct {
	l       *library
	buf     []byte
	pending []pendingRecord
}

// pendingRecord is an entry whose record is in a recordBatch's buffer at off, n bytes long, and its
// detail, kept in the entry should the write fail.
type pendingRecord struct {
	e      *entry
	off, n int
	d      detail
}

// keep stores the detail of a new entry: a record in the detail log, or in the entry itself when
// the library has no log or the log cannot be written (logged once a scan; the index is then not
// saved, and the next start parses again).
func (b *recordBatch) keep(e *entry, d detail) {
	e.setPublished(d.Sum.Published)
	d.Sum.ID = ""
	if b.l.details == nil {
		e.inline = &d
		return
	}
	off := len(b.buf)
	b.buf = appendRecord(b.buf, d)
	if err := recordTooLarge(len(b.buf) - off); err != nil {
		b.buf = b.buf[:off]
		b.l.failedLog(err)
		e.inline = &d
		return
	}
	b.pending = append(b.pending, pendingRecord{e: e, off: off, n: len(b.buf) - off, d: d})
	if len(b.buf) >= batchBytes {
		b.flush()
	}
}

// flush appends the batch's records to the detail log and sets their entries' places, or keeps
// their details in the entries when the write fails.
func (b *recordBatch) flush() {
	if len(b.pending) == 0 {
		return
	}
	base, err := b.l.details.write(b.buf)
	for _, p := range b.pending {
		if err != nil {
			p.e.inline = &p.d
			continue
		}
		p.e.rec = recRef{off: base + int64(p.off), n: uint32(p.n)}
	}
	if err != nil {
		b.l.failedLog(err)
	}
	b.buf, b.pending = b.buf[:0], b.pending[:0]
}

// failedLog logs, once a library, that a record could not go to the detail log.
func (l *library) failedLog(err error) {
	l.logFailOnce.Do(func() {
		l.log.Warn("could not write to the detail log in the state directory: keeping summaries in memory", "state", l.state, "err", err)
	})
}

// errKeptChanging is the reason given for a file that changed during each of its reads: it is read
// again at the next scan.
var errKeptChanging = errors.New("the file changed while it was being read, each time it was read; the next scan reads it again")

// readStable reads a regular content file of at most model.MaxInputBytes (one byte more, so that
// the parser can say it is too large), and checks that it did not change while it was read: its
// size and modification time before and after the read, and the bytes read, must agree. A file
// that changed is read again, up to three times. walked, when not nil, is the file as the scan's
// walk found it, a stat the first read takes as its stat before the read (one fstat(2) a file less
// in a scan); a file that changed since the walk is read again as one that changed while read.
func (l *library) readStable(name string, dirs *scanDir, walked *fileStat) (body []byte, size, mtime int64, err error) {
	for attempt := 1; attempt <= 3; attempt++ {
		before := walked
		if attempt > 1 {
			before = nil
		}
		body, size, mtime, changed, err := l.readOnce(name, dirs, before)
		if err != nil || !changed {
			return body, size, mtime, err
		}
		l.log.Warn("content file changed while it was being read: reading it again", "file", name, "attempt", attempt)
	}
	return nil, 0, 0, errKeptChanging
}

// readOnce reads the content file name once (opened through dirs, which may be nil), and reports
// whether it changed during the read: since its stat before the read, or since before, a regular
// file's earlier stat, when not nil. With before, a read that fails, or a file that is no longer
// regular, is reported as changed, so that the next read, which stats the file itself, says why.
func (l *library) readOnce(name string, dirs *scanDir, before *fileStat) (body []byte, size, mtime int64, changed bool, err error) {
	f, err := dirs.open(l.fsys, name)
	if err != nil {
		return nil, 0, 0, false, err
	}
	defer f.Close()
	var size0, mtime0 int64
	if before != nil {
		size0, mtime0 = before.size, before.mtime
	} else {
		var regular bool
		if size0, mtime0, regular, err = f.stat(); err != nil {
			return nil, 0, 0, false, err
		}
		if !regular {
			return nil, 0, 0, false, errNotRegular
		}
	}
	if l.readHook != nil {
		l.readHook(name)
	}
	body, err = readStated(f, size0)
	if err != nil {
		if before != nil {
			return nil, 0, 0, true, nil
		}
		return nil, 0, 0, false, err
	}
	size, mtime, regular, err := f.stat()
	if err != nil {
		return nil, 0, 0, false, err
	}
	changed = size != size0 || mtime != mtime0 || (int64(len(body)) != size && len(body) <= model.MaxInputBytes) ||
		(before != nil && !regular)
	return body, size, mtime, changed, nil
}

// readStated reads the size bytes a content file's stat gave (at most model.MaxInputBytes+1, one
// byte past the limit, so that the parser can say it is too large), or fewer when it ends sooner:
// one read(2) for a file whose size is known, not a second one to see its end. A file that grew
// after its stat is not read past that size; its second stat tells readOnce so, and it is read
// again.
func readStated(r io.Reader, size int64) ([]byte, error) {
	b := make([]byte, max(min(size, model.MaxInputBytes+1), 0))
	n, err := io.ReadFull(r, b)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = nil
	}
	if err != nil {
		return nil, err
	}
	return b[:n], nil
}

// parseFile parses one content file's bytes, recovering from a panic in the parser so that one bad
// file cannot take the server down.
func parseFile(body []byte, format model.Format, id model.ArticleID, parse parseFunc) (a *model.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			a, err = nil, fmt.Errorf("parser panic: %v", p)
		}
	}()
	a, err = parse(bytes.NewReader(body), article.Options{Format: format, ID: id, OwnContent: true})
	if err == nil && a == nil {
		err = errors.New("parser returned no article")
	}
	return a, err
}

// pollChanged reports whether the content directory differs from s: a file added, removed, or with
// another size or modification time, or one that could not be read last time.
func (l *library) pollChanged(s *snapshot) (bool, error) {
	files, err := l.walk()
	if err != nil {
		return false, err
	}
	if len(files) != len(s.entries) {
		return true, nil
	}
	for i, f := range files {
		e := s.entries[i]
		if e.Name != f.name || e.Size != f.size || e.MTime != f.mtime || (f.err != nil) != (e.Err != "" && e.Size == 0 && e.MTime == 0) {
			return true, nil
		}
	}
	return false, nil
}

// logScan logs what a scan did.
func (l *library) logScan(what string, s *snapshot, st scanStats, start time.Time) {
	l.log.Info(what, "content", dirLabel(l.dir), "articles", len(s.order), "files", st.files,
		"parsed", st.parsed, "unchanged", st.reused, "skipped", st.skipped, "gone", len(s.gone),
		"took", time.Since(start).Round(time.Millisecond))
}
