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
