package server

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"verbatim/app"
	"verbatim/article"
	"verbatim/article/model"
	"verbatim/internal/testlog"
)

// fullSummary returns a summary with every field set to a value of its own, by reflection, so that
// a field added to app.Summary and forgotten by appendRecord fails the round trip.
func fullSummary() app.Summary {
	var s app.Summary
	v := reflect.ValueOf(&s).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("«" + v.Type().Field(i).Name + "» ü ✓")
		case reflect.Int:
			f.SetInt(int64(1000*i + 7))
		default:
			panic("fullSummary: a field of kind " + f.Kind().String() + "; teach appendRecord and this test about it")
		}
	}
	s.Published = "2024-03-01T10:00:00Z"
	return s
}

func TestDetailRecordRoundTrip(t *testing.T) {
	t.Parallel()
	full := fullSummary()
	for _, tc := range []struct {
		name string
		d    detail
	}{
		{"empty", detail{}},
		{"every field", detail{Sum: full, Speakers: []app.SpeakerCount{{Name: "Jane Doe", Role: "minister", Quotes: 3}, {Name: "Ünal", Quotes: 1}}}},
		{"negative and large numbers", detail{Sum: app.Summary{Words: -1, Quotes: 1 << 40}}},
		{"long excerpt", detail{Sum: app.Summary{Excerpt: strings.Repeat("x", 70000)}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			const id = model.ArticleID("the-id")
			in := tc.d
			in.Sum.ID = "" // not stored: the entry's id is the summary's
			got, err := decodeRecord(appendRecord(nil, in), id)
			if err != nil {
				t.Fatal(err)
			}
			want := tc.d
			want.Sum.ID = id
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

// TestDetailRecordDamaged checks that every truncation of a record, trailing bytes, and a count that
// the bytes cannot hold are errors that name the article, never a panic or a large allocation.
func TestDetailRecordDamaged(t *testing.T) {
	t.Parallel()
	rec := appendRecord(nil, detail{Sum: fullSummary(), Speakers: []app.SpeakerCount{{Name: "A", Quotes: 1}}})
	cases := map[string][]byte{
		"trailing bytes": append(slices.Clone(rec), 0),
		// Five empty strings, four numbers, then 2^40 speakers in no bytes.
		"huge speaker count": binary.AppendUvarint([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0}, 1<<40),
		"huge string":        binary.AppendUvarint(nil, 1<<62),
	}
	for n := range len(rec) {
		cases["truncated to "+strconv.Itoa(n)] = rec[:n]
	}
	for name, b := range cases {
		if _, err := decodeRecord(b, "damaged"); err == nil || !strings.Contains(err.Error(), "damaged") {
			t.Errorf("%s: %v, want an error naming the article", name, err)
		}
	}
}

func TestDetailLogReadsAreBounded(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	log, err := createLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer log.close()
	a, err := log.add([]byte("first"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := log.add([]byte("second"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		ref  recRef
		want string // the record, or "" for errBadRef
	}{
		{a, "first"},
		{b, "second"},
		{recRef{off: 0, n: 11}, "firstsecond"},
		{recRef{off: 0, n: 12}, ""},
		{recRef{off: 11, n: 1}, ""},
		{recRef{off: -1, n: 1}, ""},
		{recRef{off: 0, n: maxRecord + 1}, ""},
	} {
		got, err := log.read(tc.ref)
		switch {
		case tc.want == "" && !errors.Is(err, errBadRef):
			t.Errorf("read %+v: %q, %v; want errBadRef", tc.ref, got, err)
		case tc.want != "" && (err != nil || string(got) != tc.want):
			t.Errorf("read %+v: %q, %v; want %q", tc.ref, got, err, tc.want)
		}
	}
	if _, err := log.add(make([]byte, maxRecord+1)); err == nil {
		t.Error("a record over maxRecord was written")
	}
}

// testIndex returns an index file with entries of every kind.
func testIndex() *indexFile {
	idx := &indexFile{Content: "/srv/content", Build: "build-1", Log: "details-1.dat", LogSize: 1234, LogCRC: 0xdeadbeef,
		Gone: []model.ArticleID{"deleted-one", "deleted-two"}}
	for i, pub := range []string{"2024-03-01T10:00:00Z", "", "1999-12-31T23:59:59.5+02:00", "not a date"} {
		e := entry{Name: "dir/file-" + strconv.Itoa(i) + ".txt", ID: model.ArticleID("file-" + strconv.Itoa(i)),
			Size: int64(100 * i), MTime: 1700000000000000000 + int64(i), rec: recRef{off: int64(40 * i), n: 40}}
		e.Hash[0], e.Hash[31] = byte(i), 0xff
		e.setPublished(pub)
		idx.Entries = append(idx.Entries, &e)
	}
	idx.Entries = append(idx.Entries, &entry{Name: "broken.txt", ID: "broken", Err: "the parser refused it", Size: -1})
	return idx
}

func TestIndexRoundTrip(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		idx  *indexFile
	}{
		{"empty", &indexFile{Content: "/c", Build: "b", Log: "details-x.dat"}},
		{"every kind of entry", testIndex()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := decodeIndex(encodeIndex(tc.idx))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.idx) {
				t.Errorf("round trip:\n got %+v\nwant %+v", got, tc.idx)
			}
		})
	}
}

// withChecksum returns b with its trailing checksum set right, as a file damaged before it was
// written would have it.
func withChecksum(b []byte) []byte {
	body := b[:len(b)-4]
	return binary.LittleEndian.AppendUint32(slices.Clone(body), crc32.Checksum(body, castagnoli))
}

func TestIndexDamaged(t *testing.T) {
	t.Parallel()
	good := encodeIndex(testIndex())
	flipped := slices.Clone(good)
	flipped[len(good)/2] ^= 1
	otherLayout := slices.Clone(good)
	otherLayout[len(indexMagic)-1]++
	// A valid header, then a count of 2^40 entries in a few bytes, with a right checksum.
	hugeCount := []byte(indexMagic)
	for range 3 {
		hugeCount = appendString(hugeCount, "x")
	}
	hugeCount = binary.AppendUvarint(binary.AppendVarint(hugeCount, 0), 0)
	hugeCount = withChecksum(binary.LittleEndian.AppendUint32(binary.AppendUvarint(hugeCount, 1<<40), 0))
	trailing := withChecksum(append(slices.Clone(good[:len(good)-4]), 0, 0, 0, 0, 0))
	for _, tc := range []struct {
		name, want string
		b          []byte
	}{
		{"empty", "not an index file", nil},
		{"the old gob index", "not an index file", []byte("\x1a\xff\x81\x03\x01\x01\tindexFile\x01\xff\x82")},
		{"another layout", "another content directory or build", otherLayout},
		{"truncated", "checksum", good[:len(good)-9]},
		{"a flipped bit", "checksum", flipped},
		{"a huge count", "damaged", hugeCount},
		{"trailing bytes", "damaged", trailing},
	} {
		if _, err := decodeIndex(tc.b); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error saying %q", tc.name, err, tc.want)
		}
	}
	for n := range len(good) {
		if _, err := decodeIndex(good[:n]); err == nil {
			t.Fatalf("the index truncated to %d of %d bytes decodes", n, len(good))
		}
	}
}

// TestCompareEntriesIsCompareSummaries checks that the index's order is the listing's.
func TestCompareEntriesIsCompareSummaries(t *testing.T) {
	t.Parallel()
	pubs := []string{"", "2024-03-01T10:00:00Z", "2024-03-01T12:00:00+02:00", "2024-03-01T10:00:00.5Z",
		"1969-07-20T20:17:40Z", "garbage", "2030-01-01T00:00:00-05:00"}
	for _, pa := range pubs {
		for _, pb := range pubs {
			for _, ids := range [][2]model.ArticleID{{"a", "b"}, {"b", "a"}, {"a", "a"}} {
				ea, eb := &entry{ID: ids[0]}, &entry{ID: ids[1]}
				ea.setPublished(pa)
				eb.setPublished(pb)
				got := compareEntries(ea, eb)
				want := app.CompareSummaries(app.Summary{ID: ids[0], Published: pa}, app.Summary{ID: ids[1], Published: pb})
				if got != want {
					t.Errorf("%q %s vs %q %s: %d, want %d", pa, ids[0], pb, ids[1], got, want)
				}
			}
		}
	}
}

// speakerText is an article with a quote for article.Parse.
func speakerText(title string) string {
	return title + "\n\n" +
		"“We will build the bridge this year,” said Jane Doe, the mayor, on " + title + ".\n\nMore text follows here."
}

// indexView is what a library shows of its index: every listing page and the speaker table.
func indexView(t *testing.T, lib *library) string {
	t.Helper()
	var b bytes.Buffer
	for n := 1; ; n++ {
		page, err := lib.Page(t.Context(), n)
		if err != nil {
			t.Fatalf("page %d: %v", n, err)
		}
		for _, s := range page.Articles {
			b.WriteString(s.Title + " " + string(s.ID) + " " + s.Published + " " + s.Excerpt + " " + strconv.Itoa(s.Quotes) + "\n")
		}
		if page.Next == "" {
			break
		}
	}
	tb, err := lib.Speakers(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range tb.Names {
		b.WriteString("speaker " + n.Name + " " + strconv.Itoa(len(n.Articles)) + "\n")
	}
	return b.String()
}

// TestDamagedStateIsRebuilt checks that a restart shows what the first start showed, and that each
// kind of damage to the state directory is a logged warning, a parse of every file, and the same
// library.
func TestDamagedStateIsRebuilt(t *testing.T) {
	t.Parallel()
	files := map[string]string{}
	for i := range 60 { // more than a page
		files["a"+strconv.Itoa(i)+".txt"] = speakerText("Story " + strconv.Itoa(i))
	}
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T, state string) // nil: none, the index is used
	}{
		{"none", nil},
		{"index truncated", func(t *testing.T, state string) { truncateBy(t, filepath.Join(state, indexName), 10) }},
		{"index missing", func(t *testing.T, state string) { os.Remove(filepath.Join(state, indexName)) }},
		{"detail log truncated", func(t *testing.T, state string) { truncateBy(t, detailLogOf(t, state), 10) }},
		{"detail log missing", func(t *testing.T, state string) { os.Remove(detailLogOf(t, state)) }},
		{"detail log changed", func(t *testing.T, state string) {
			p := detailLogOf(t, state)
			b, _ := os.ReadFile(p)
			b[len(b)/2] ^= 0x20
			os.WriteFile(p, b, 0o600)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir, state := t.TempDir(), t.TempDir()
			writeFiles(t, dir, files)
			first, _ := openTestLibrary(t, dir, state, article.Parse)
			want := indexView(t, first)
			if !strings.Contains(want, "speaker Jane Doe "+strconv.Itoa(app.MaxSpeakerArticles)) || !strings.Contains(want, "Story 59") {
				t.Fatalf("the first start's view lacks the articles or their speaker:\n%s", want)
			}
			first.close()
			if tc.damage != nil {
				tc.damage(t, state)
			}
			var parsed atomic.Int64
			again, logs := openTestLibrary(t, dir, state, func(r io.Reader, o article.Options) (*model.Article, error) {
				parsed.Add(1)
				return article.Parse(r, o)
			})
			if got := indexView(t, again); got != want {
				t.Errorf("after the restart:\n%s\nwant\n%s", got, want)
			}
			warned := len(logs.Lines("level=WARN", "not using the index")) + len(logs.Lines("no index in the state directory"))
			switch {
			case tc.damage == nil && (parsed.Load() != 0 || warned != 0):
				t.Errorf("an intact state: parsed %d files, %d warnings:\n%s", parsed.Load(), warned, logs)
			case tc.damage != nil && (parsed.Load() != 60 || warned != 1):
				t.Errorf("a damaged state: parsed %d files (want 60), %d warnings (want 1):\n%s", parsed.Load(), warned, logs)
			}
			if logs := detailLogs(t, state); len(logs) != 1 {
				t.Errorf("detail logs in the state directory after the restart: %q, want one", logs)
			}
		})
	}
}

func truncateBy(t *testing.T, p string, n int64) {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(p, st.Size()-n); err != nil {
		t.Fatal(err)
	}
}

func detailLogs(t *testing.T, state string) []string {
	t.Helper()
	logs, err := filepath.Glob(filepath.Join(state, detailPrefix+"*"+detailSuffix))
	if err != nil {
		t.Fatal(err)
	}
	return logs
}

func detailLogOf(t *testing.T, state string) string {
	t.Helper()
	logs := detailLogs(t, state)
	if len(logs) != 1 {
		t.Fatalf("detail logs in the state directory: %q, want one", logs)
	}
	return logs[0]
}

// TestDetailLogIsCompacted checks that rescans append the records of changed files, that the log is
// rewritten once most of it is records no entry needs, and that the library and its restart show
// the same articles after.
func TestDetailLogIsCompacted(t *testing.T) {
	t.Parallel()
	dir, state, files := storyLibrary(t, 20)
	logs := &testlog.Buffer{}
	lib, err := openLibrary(libraryOptions{dir: dir, state: state, parse: stubParse, log: newTestLogger(logs), compactMin: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.close()
	firstLog := lib.details.name
	for round := range 2 {
		for name := range files {
			files[name] = strings.Replace(files[name], "Body", "Body, edit "+strconv.Itoa(round), 1)
		}
		writeFiles(t, dir, files)
		bumpTimes(t, dir, files, round+1)
		if err := lib.rescan(); err != nil {
			t.Fatal(err)
		}
	}
	if lib.details.name == firstLog || len(logs.Lines("compacted the detail log")) != 1 {
		t.Fatalf("the log was not compacted once (log %s, was %s):\n%s", lib.details.name, firstLog, logs)
	}
	if _, err := os.Stat(filepath.Join(state, firstLog)); !os.IsNotExist(err) {
		t.Errorf("the old detail log is still in the state directory: %v", err)
	}
	want := indexView(t, lib)
	if !strings.Contains(want, "Story 7") || strings.Count(want, "\n") != 20 {
		t.Errorf("the compacted library's view:\n%s", want)
	}
	lib.close()
	again, _ := openTestLibrary(t, dir, state, stubParse)
	if got := indexView(t, again); got != want {
		t.Errorf("after the restart:\n%s\nwant\n%s", got, want)
	}
}

// bumpTimes sets the modification time of files in dir to a time of their own for round, so that a
// rescan sees them changed even when their size is the same.
func bumpTimes(t *testing.T, dir string, files map[string]string, round int) {
	t.Helper()
	at := time.Date(2024, 1, 1, round, 0, 0, 0, time.UTC)
	for name := range files {
		if err := os.Chtimes(filepath.Join(dir, name), at, at); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTwoServersOnOneState checks that two libraries on one state directory (a new server started
// before the old one stops) never append to one detail log, and that each shows its changes, and a
// restart after both the last index written.
func TestTwoServersOnOneState(t *testing.T) {
	t.Parallel()
	dir, state, files := storyLibrary(t, 10)
	old, _ := openTestLibrary(t, dir, state, stubParse)
	parse, parsed := countingParse()
	fresh, logs := openTestLibrary(t, dir, state, parse)
	if parsed.Load() != 0 || len(logs.Lines("not using the index")) != 0 {
		t.Errorf("the second server parsed %d files, want 0 (a copy of the first's log):\n%s", parsed.Load(), logs)
	}
	if old.details.name == fresh.details.name {
		t.Fatalf("both servers append to %s", old.details.name)
	}
	for i, lib := range []*library{old, fresh, old} {
		files["a1.txt"] = "Story one, edit " + strconv.Itoa(i) + "\n\nBody."
		files["new"+strconv.Itoa(i)+".txt"] = "New story " + strconv.Itoa(i) + "\n\nBody."
		writeFiles(t, dir, files)
		bumpTimes(t, dir, map[string]string{"a1.txt": ""}, i+1)
		if err := lib.rescan(); err != nil {
			t.Fatal(err)
		}
		view := indexView(t, lib)
		if !strings.Contains(view, "Story one, edit "+strconv.Itoa(i)+" a1 ") || !strings.Contains(view, "New story "+strconv.Itoa(i)) {
			t.Errorf("server %d after its rescan:\n%s", i%2, view)
		}
	}
	want := indexView(t, old)
	old.close()
	fresh.close()
	again, _ := openTestLibrary(t, dir, state, stubParse)
	if got := indexView(t, again); got != want {
		t.Errorf("after a restart:\n%s\nwant the last index written:\n%s", got, want)
	}
}

// storyLibrary writes n short articles a0.txt… ("Story 0"…) in a new content directory, and
// returns it, a new state directory and the files.
func storyLibrary(t *testing.T, n int) (dir, state string, files map[string]string) {
	t.Helper()
	dir, state, files = t.TempDir(), t.TempDir(), map[string]string{}
	for i := range n {
		files["a"+strconv.Itoa(i)+".txt"] = "Story " + strconv.Itoa(i) + "\n\nBody."
	}
	writeFiles(t, dir, files)
	return dir, state, files
}

// BenchmarkSaveIndex writes the index of a library of 100,000 articles, as a first start of one
// does once its scan is done: the entries encoded and written through a temporary file.
func BenchmarkSaveIndex(b *testing.B) {
	dir := b.TempDir()
	log, err := createLog(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer log.close()
	entries := make([]*entry, 100_000)
	for i := range entries {
		e := &entry{Name: "dir-" + strconv.Itoa(i/1000) + "/story-" + strconv.Itoa(i) + ".txt", ID: model.ArticleID("story-" + strconv.Itoa(i)),
			Size: 2000 + int64(i%100), MTime: 1700000000000000000 + int64(i), rec: recRef{off: int64(300 * i), n: 300}}
		e.Hash[0], e.Hash[1] = byte(i), byte(i>>8)
		e.setPublished("2024-03-01T10:00:00Z")
		entries[i] = e
	}
	s := newSnapshot(1, entries, log, nil)
	for b.Loop() {
		if err := saveIndex(dir, "/srv/content", s); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGoBuildID checks what keys the index by build: the test binary's Go build ID (an ELF
// executable's note on Linux, four hashes), and none from a file that is no executable or is
// missing, which buildKey then hashes as before.
func TestGoBuildID(t *testing.T) {
	t.Parallel()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	text := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(text, []byte("not an executable\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, file string
		parts      int // 0: none
	}{
		{"test binary", exe, 4},
		{"text file", text, 0},
		{"missing", filepath.Join(t.TempDir(), "gone"), 0},
	} {
		if tc.parts > 0 && runtime.GOOS != "linux" {
			continue
		}
		id := goBuildID(tc.file)
		if got := len(strings.Split(id, "/")); id == "" && tc.parts != 0 || id != "" && got != tc.parts {
			t.Errorf("%s: goBuildID = %q, want %d parts", tc.name, id, tc.parts)
		}
	}
	if runtime.GOOS == "linux" {
		if key := buildKey(); key != "go:"+goBuildID(exe) {
			t.Errorf("buildKey() = %q, want the build ID", key)
		}
	}
}

// TestNamedAll checks the merge of a scan's files with the previous snapshot's entries: each file
// gets the entry of its name, as named finds it, or nil.
func TestNamedAll(t *testing.T) {
	t.Parallel()
	var entries []*entry
	for _, n := range []string{"a.txt", "b/c.txt", "b/d.txt", "e.txt"} {
		entries = append(entries, &entry{Name: n, ID: model.ArticleID(n)})
	}
	s := newSnapshot(1, entries, nil, nil)
	for _, tc := range [][]string{
		{},
		{"a.txt", "b/c.txt", "b/d.txt", "e.txt"},
		{"0.txt", "a.txt", "b/a.txt", "b/d.txt", "f.txt", "g.txt"},
		{"e.txt"},
		{"z.txt"},
	} {
		files := make([]fileStat, len(tc))
		for i, n := range tc {
			files[i] = fileStat{name: n}
		}
		got := s.namedAll(files)
		for i, n := range tc {
			if got[i] != s.named(n) {
				t.Errorf("files %q: namedAll gives %s %v, named %v", tc, n, got[i], s.named(n))
			}
		}
	}
	if got := newSnapshot(0, nil, nil, nil).namedAll([]fileStat{{name: "a.txt"}}); got[0] != nil {
		t.Errorf("an empty snapshot has %v", got[0])
	}
}

// named returns the entry of the content file name in s, or nil: the tests' lookup of one file,
// by binary search, which TestNamedAll checks snapshot.namedAll against.
func (s *snapshot) named(name string) *entry {
	i, ok := slices.BinarySearchFunc(s.entries, name, func(e *entry, name string) int { return strings.Compare(e.Name, name) })
	if !ok {
		return nil
	}
	return s.entries[i]
}
