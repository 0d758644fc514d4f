package server

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"verbatim/article/model"
)

func TestTopManifestRoundTrip(t *testing.T) {
	t.Parallel()
	shards := []shardInfo{
		{prefix: "0a1", sum: sha256.Sum256([]byte("s1")), size: 120, files: 7, articles: 2, deleted: 1, digest: sha256.Sum256([]byte("d1"))},
		{prefix: "ffe", sum: sha256.Sum256([]byte("s2")), size: 60, files: 3, articles: 1, digest: sha256.Sum256([]byte("d2"))},
	}
	site := []fileEntry{newFileEntry("index.html", []byte("x")), newFileEntry("web/a file with spaces.txt", nil)}
	cases := []struct {
		name   string
		shards []shardInfo
		site   []fileEntry
	}{
		{"shards and site", shards, site},
		{"no shards", nil, site},
		{"nothing", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var b bytes.Buffer
			if err := writeTopManifest(&b, "build1", "v1", c.shards, c.site); err != nil {
				t.Fatal(err)
			}
			top, err := readTopManifest(&b)
			if err != nil {
				t.Fatal(err)
			}
			if top.build != "build1" || top.version != "v1" || len(top.shards) != len(c.shards) || len(top.site) != len(c.site) {
				t.Fatalf("read back %+v", top)
			}
			for _, sh := range c.shards {
				if top.shards[sh.prefix] != sh {
					t.Errorf("shard %s: %+v, want %+v", sh.prefix, top.shards[sh.prefix], sh)
				}
			}
			for _, e := range c.site {
				if top.site[e.path] != e {
					t.Errorf("site file %s: %+v, want %+v", e.path, top.site[e.path], e)
				}
			}
		})
	}
}

func TestTopManifestRefusesBadInput(t *testing.T) {
	t.Parallel()
	const head = manifestHeader + "\nbuild b\nversion v\n"
	sum := strings.Repeat("0", 64)
	shard := func(prefix, nums string) string { return "shard " + prefix + " " + sum + " " + nums + " " + sum + "\n" }
	cases := map[string]string{
		"the first format":      "verbatim-export-manifest 1\nbuild b\nversion v\nsite\n",
		"empty":                 "",
		"no build":              manifestHeader + "\nversion v\n",
		"short hash":            head + "site\nfile 00 1 index.html\n",
		"negative size":         head + "site\nfile " + sum + " -1 index.html\n",
		"no path":               head + "site\nfile " + sum + " 1\n",
		"no site section":       head + shard("abc", "10 1 1 0"),
		"stray line":            head + "site\nfile " + sum + " 1 index.html\nwhat\n",
		"not hex":               head + "site\nfile " + strings.Repeat("zz", 32) + " 1 index.html\n",
		"an article line":       head + "article a s\nsite\n",
		"bad prefix":            head + shard("ABC", "10 1 1 0") + "site\n",
		"long prefix":           head + shard("abcd", "10 1 1 0") + "site\n",
		"prefix out of order":   head + shard("abd", "10 1 1 0") + shard("abc", "10 1 1 0") + "site\n",
		"prefix twice":          head + shard("abc", "10 1 1 0") + shard("abc", "10 1 1 0") + "site\n",
		"too few fields":        head + shard("abc", "10 1 1") + "site\n",
		"negative count":        head + shard("abc", "10 -1 1 0") + "site\n",
		"more deleted":          head + shard("abc", "10 1 1 2") + "site\n",
		"no articles":           head + shard("abc", "10 0 0 0") + "site\n",
		"a line over the bound": head + "site\nfile " + sum + " 1 " + strings.Repeat("x", maxManifestLine) + "\n",
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if _, err := readTopManifest(strings.NewReader(in)); !errors.Is(err, errManifestFormat) {
				t.Errorf("err = %v, want an unreadable manifest", err)
			}
		})
	}
}

// shardBody returns the bytes of a shard of prefix holding recs, and its manifest line.
func shardBody(prefix string, recs ...articleRecord) ([]byte, shardInfo) {
	w := newShardWriter(prefix)
	for _, r := range recs {
		w.article(r, false)
	}
	return w.buf.Bytes(), w.info([sha256.Size]byte{})
}

// idsOfShard returns n article ids of the shard prefix, in id order.
func idsOfShard(t *testing.T, prefix string, n int) []string {
	t.Helper()
	var ids []string
	for i := 0; len(ids) < n && i < 1<<20; i++ {
		if id := "x" + strconv.Itoa(i); shardOf(model.ArticleID(id)) == prefix {
			ids = append(ids, id)
		}
	}
	if len(ids) < n {
		t.Fatalf("found %d ids of shard %s", len(ids), prefix)
	}
	slices.Sort(ids)
	return ids
}

func TestShardRoundTrip(t *testing.T) {
	t.Parallel()
	const prefix = "5e0"
	ids := idsOfShard(t, prefix, 2)
	recs := []articleRecord{
		{id: model.ArticleID(ids[0]), source: "s1", files: []fileEntry{newFileEntry("article/x.html", []byte("A")), newFileEntry("a b.json", []byte("{}"))}},
		{id: model.ArticleID(ids[1]), source: "s2"},
	}
	body, sh := shardBody(prefix, recs...)
	if sh.articles != 2 || sh.files != 2 || sh.size != int64(len(body)) {
		t.Errorf("shard line %+v", sh)
	}
	got, err := readShard(body, sh)
	if err != nil || len(got) != len(recs) {
		t.Fatalf("readShard: %d records, %v", len(got), err)
	}
	for i, want := range recs {
		if err := got[i].parse(); err != nil {
			t.Fatal(err)
		}
		if got[i].id != want.id || got[i].source != want.source || len(got[i].files) != len(want.files) {
			t.Fatalf("record %d: %+v, want %+v", i, got[i], want)
		}
		for k := range want.files {
			if got[i].files[k] != want.files[k] {
				t.Errorf("record %d file %d: %+v, want %+v", i, k, got[i].files[k], want.files[k])
			}
		}
	}
}

func TestShardRefusesBadInput(t *testing.T) {
	t.Parallel()
	const prefix = "5e0"
	ids := idsOfShard(t, prefix, 2)
	sum := strings.Repeat("ab", 32)
	other := "a"
	for shardOf(model.ArticleID(other)) == prefix {
		other += "a"
	}
	cases := []struct {
		name string
		body string
		bad  func(*shardInfo) // changes the manifest's line of the shard
	}{
		{"another prefix in the header", shardHeader + " 5e1\n", nil},
		{"no header", "article " + ids[0] + " s\n", nil},
		{"an article of another shard", shardHeader + " " + prefix + "\narticle " + other + " s\n", nil},
		{"out of order", shardHeader + " " + prefix + "\narticle " + ids[1] + " s\narticle " + ids[0] + " s\n", nil},
		{"twice", shardHeader + " " + prefix + "\narticle " + ids[0] + " s\narticle " + ids[0] + " s\n", nil},
		{"bad id", shardHeader + " " + prefix + "\narticle ../x s\n", nil},
		{"short hash", shardHeader + " " + prefix + "\narticle " + ids[0] + " s\nfile 00 1 x.html\n", nil},
		{"stray line", shardHeader + " " + prefix + "\narticle " + ids[0] + " s\nfile " + sum + " 1 x.html\nsite\n", nil},
		{"another size", shardHeader + " " + prefix + "\n", func(sh *shardInfo) { sh.size++ }},
		{"another hash", shardHeader + " " + prefix + "\n", func(sh *shardInfo) { sh.sum[0] ^= 1 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			sh := shardInfo{prefix: prefix, sum: sha256.Sum256([]byte(c.body)), size: int64(len(c.body))}
			if c.bad != nil {
				c.bad(&sh)
			}
			if _, err := readShard([]byte(c.body), sh); !errors.Is(err, errManifestFormat) {
				t.Errorf("err = %v, want an unreadable manifest", err)
			}
		})
	}
}

// TestShardOf checks the shard prefix against SHA-256's published test vector ("abc"), which is
// what `printf %s abc | sha256sum | cut -c1-3` prints, as docs/deploy.md says.
func TestShardOf(t *testing.T) {
	t.Parallel()
	cases := []struct{ id, want string }{
		{"abc", "ba7"}, // ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
		{"", "e3b"},    // e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
	}
	for _, c := range cases {
		if got := shardOf(model.ArticleID(c.id)); got != c.want || !validShardPrefix(got) {
			t.Errorf("shardOf(%q) = %q, want %q", c.id, got, c.want)
		}
	}
}

// TestManifestRecordParse checks the file lines an export carries through unparsed: read, they are
// checked for shape only, and parse refuses the rest (a sum that is not hex).
func TestManifestRecordParse(t *testing.T) {
	t.Parallel()
	sum := strings.Repeat("ab", 32)
	cases := []struct {
		name      string
		lines     string // the file lines of article a
		readErr   bool   // nextArticle refuses them
		parseErr  bool   // parse refuses them
		wantFiles int
	}{
		{"good", "file " + sum + " 3 article/a.html\nfile " + sum + " 0 a b.json\n", false, false, 2},
		{"none", "", false, false, 0},
		{"short hash", "file 00 1 article/a.html\n", true, false, 0},
		{"size not a number", "file " + sum + " x article/a.html\n", true, false, 0},
		{"no path", "file " + sum + " 1\n", true, false, 0},
		{"not hex", "file " + strings.Repeat("zz", 32) + " 1 article/a.html\n", false, true, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			m := newLineReader(strings.NewReader("article a s\n"+c.lines), "test")
			rec, _, err := m.nextArticle()
			if c.readErr {
				if !errors.Is(err, errManifestFormat) {
					t.Errorf("nextArticle: err = %v, want an unreadable manifest", err)
				}
				return
			}
			if err != nil || rec.count() != c.wantFiles {
				t.Fatalf("nextArticle: %d files, %v; want %d", rec.count(), err, c.wantFiles)
			}
			w := newShardWriter("abc")
			w.article(rec, false)
			if want := shardHeader + " abc\narticle a s\n" + c.lines; w.buf.String() != want {
				t.Errorf("carried through as\n%s\nwant\n%s", w.buf.String(), want)
			}
			err = rec.parse()
			if c.parseErr != errors.Is(err, errManifestFormat) || (!c.parseErr && err != nil) {
				t.Fatalf("parse: %v, want an error: %t", err, c.parseErr)
			}
			if !c.parseErr && len(rec.files) != c.wantFiles {
				t.Errorf("parse: %d files, want %d", len(rec.files), c.wantFiles)
			}
		})
	}
}
