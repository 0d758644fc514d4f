package server

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
)

// sitemapDoc is either file of the protocol, as encoding/xml reads it.
type sitemapDoc struct {
	XMLName xml.Name
	URLs    []struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	} `xml:"url"`
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	} `xml:"sitemap"`
}

func TestSitemapFiles(t *testing.T) {
	t.Parallel()
	urls := []sitemapURL{
		{loc: "https://v.example/"},
		{loc: "https://v.example/article/a", lastmod: "2024-05-01T10:00:00Z"},
		{loc: "https://v.example/article/b?x=1&y=<2>", lastmod: "2025-01-02T03:04:05+01:00"},
		{loc: "https://v.example/article/c", lastmod: "not a date"},
		{loc: "https://v.example/article/d"},
	}
	cases := []struct {
		perFile int
		files   []string // the parts after sitemap.xml
		index   bool
	}{
		{5, nil, false},
		{10, nil, false},
		{4, []string{"sitemap-1.xml", "sitemap-2.xml"}, true},
		{2, []string{"sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"}, true},
		{1, []string{"sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap-4.xml", "sitemap-5.xml"}, true},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.perFile), func(t *testing.T) {
			t.Parallel()
			files := sitemapFiles("https://v.example", urls, c.perFile)
			if files[0].path != "sitemap.xml" {
				t.Fatalf("the first file is %s", files[0].path)
			}
			var got []string
			for _, f := range files[1:] {
				got = append(got, f.path)
			}
			if fmt.Sprint(got) != fmt.Sprint(c.files) {
				t.Fatalf("parts %q, want %q", got, c.files)
			}
			var top sitemapDoc
			if err := xml.Unmarshal(files[0].body, &top); err != nil {
				t.Fatal(err)
			}
			if !c.index {
				if top.XMLName.Local != "urlset" || len(top.URLs) != len(urls) {
					t.Fatalf("sitemap.xml: %s with %d URLs", top.XMLName.Local, len(top.URLs))
				}
				return
			}
			if top.XMLName.Local != "sitemapindex" || len(top.Sitemaps) != len(c.files) {
				t.Fatalf("sitemap.xml: %s with %d sitemaps", top.XMLName.Local, len(top.Sitemaps))
			}
			var all []string
			for i, f := range files[1:] {
				if want := "https://v.example/" + f.path; top.Sitemaps[i].Loc != want {
					t.Errorf("index entry %d: %s, want %s", i, top.Sitemaps[i].Loc, want)
				}
				var part sitemapDoc
				if err := xml.Unmarshal(f.body, &part); err != nil {
					t.Fatal(err)
				}
				if part.XMLName.Local != "urlset" || len(part.URLs) == 0 || len(part.URLs) > c.perFile {
					t.Errorf("%s: %s with %d URLs", f.path, part.XMLName.Local, len(part.URLs))
				}
				newest := ""
				for _, u := range part.URLs {
					all = append(all, u.Loc)
					if u.Lastmod > newest && !strings.HasPrefix(u.Lastmod, "not") {
						newest = u.Lastmod
					}
				}
				if top.Sitemaps[i].Lastmod != newest {
					t.Errorf("index entry %d: lastmod %q, want its part's newest %q", i, top.Sitemaps[i].Lastmod, newest)
				}
			}
			for i, u := range urls {
				if all[i] != u.loc {
					t.Errorf("URL %d: %q, want %q (in order, unescaped by the reader)", i, all[i], u.loc)
				}
			}
		})
	}
}

func TestSitemapLastmod(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"2024-05-01T10:00:00Z": "2024-05-01T10:00:00Z", "2024-05-01": "", "": "", "<script>": "",
	} {
		if got := sitemapLastmod(in); got != want {
			t.Errorf("sitemapLastmod(%q) = %q, want %q", in, got, want)
		}
	}
}
