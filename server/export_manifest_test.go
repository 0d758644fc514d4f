package server

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestManifestRoundTrip(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	w := newManifestWriter(&b, "build1", "v1")
	recs := []articleRecord{
		{id: "a", source: "s1", files: []fileEntry{newFileEntry("article/a.html", []byte("A")), newFileEntry("articles/a.json", []byte("{}"))}},
		{id: "b", source: "s2"},
	}
	for _, r := range recs {
		w.article(r)
	}
	site := []fileEntry{newFileEntry("index.html", []byte("x")), newFileEntry("web/a file with spaces.txt", nil)}
	if err := w.site(site); err != nil {
		t.Fatal(err)
	}
	m, err := newManifestReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	if m.build != "build1" || m.version != "v1" {
		t.Errorf("header: %q %q", m.build, m.version)
	}
	for _, want := range recs {
		got, ok, err := m.nextArticle()
		if err == nil {
			err = got.parse()
		}
		if err != nil || !ok || got.id != want.id || got.source != want.source || len(got.files) != len(want.files) {
			t.Fatalf("article: %+v %v %v, want %+v", got, ok, err, want)
		}
		for i := range want.files {
			if got.files[i] != want.files[i] {
				t.Errorf("file %d: %+v, want %+v", i, got.files[i], want.files[i])
			}
		}
	}
	gotSite, err := m.site()
	if err != nil || len(gotSite) != 2 || gotSite["web/a file with spaces.txt"] != site[1] {
		t.Errorf("site: %v %v", gotSite, err)
	}
}

func TestManifestRefusesBadInput(t *testing.T) {
	t.Parallel()
	const head = manifestHeader + "\nbuild b\nversion v\n"
	const sum = "0000000000000000000000000000000000000000000000000000000000000000"
	cases := map[string]string{
		"another format":  "verbatim-export-manifest 9\nbuild b\nversion v\nsite\n",
		"empty":           "",
		"no build":        manifestHeader + "\nversion v\n",
		"bad id":          head + "article ../x s\nsite\n",
		"short hash":      head + "site\nfile 00 1 index.html\n",
		"negative size":   head + "site\nfile " + sum + " -1 index.html\n",
		"no path":         head + "site\nfile " + sum + " 1\n",
		"cut short":       head + "article a s\nfile " + sum + " 1 article/a.html\n",
		"stray line":      head + "site\nfile " + sum + " 1 index.html\nwhat\n",
		"not hex":         head + "site\nfile " + strings.Repeat("zz", 32) + " 1 index.html\n",
		"unknown section": head + "article a s\nnope\n",
	}
	for name, in := range cases {
		m, err := newManifestReader(strings.NewReader(in))
		if err == nil {
			_, err = m.site()
		}
		if !errors.Is(err, errManifestFormat) {
			t.Errorf("%s: err = %v, want an unreadable manifest", name, err)
		}
	}
}

// TestManifestRecordParse checks the file lines an export carries through unparsed: read, they are
// checked for shape only, and parse refuses the rest (a sum that is not hex).
func TestManifestRecordParse(t *testing.T) {
	t.Parallel()
	const head = manifestHeader + "\nbuild b\nversion v\n"
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
			m, err := newManifestReader(strings.NewReader(head + "article a s\n" + c.lines + "site\n"))
			if err != nil {
				t.Fatal(err)
			}
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
			var out strings.Builder
			mw := newManifestWriter(&out, "b", "v")
			mw.article(rec)
			if err := mw.site(nil); err != nil {
				t.Fatal(err)
			}
			if want := head + "article a s\n" + c.lines + "site\n"; out.String() != want {
				t.Errorf("carried through as\n%s\nwant\n%s", out.String(), want)
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
