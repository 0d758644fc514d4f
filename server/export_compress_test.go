package server

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportVariants checks the encodings exportVariants makes: a compressible body gets brotli and
// gzip forms that decode to it, and a small body or an image none; and they are, byte for byte, the
// variants of the asset buildAssetSums makes at the export's brotli quality and gzip level.
func TestExportVariants(t *testing.T) {
	t.Parallel()
	page := []byte("<!DOCTYPE html><title>x</title>" + strings.Repeat("<p>The council met on day 4 to discuss school meals.</p>\n", 200))
	cases := []struct {
		name, contentType string
		body              []byte
		want              []string // the variants' encodings, identity first
	}{
		{"page", "text/html; charset=utf-8", page, []string{"", "br", "gzip"}},
		{"json", "application/json", []byte(`{"quotes":[` + strings.Repeat(`{"text":"We will keep our promise."},`, 40) + `{}]}`), []string{"", "br", "gzip"}},
		{"small json", "application/json", []byte(`{"type":"rich"}`), []string{""}},
		{"image", "image/png", page, []string{""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			vs := exportVariants(c.contentType, c.body)
			a := buildAssetSums(c.contentType, c.body, nil, brotliFast, compressGzipExport, &knownSums{})
			if len(vs) != len(a.variants) {
				t.Fatalf("%d variants, the asset has %d", len(vs), len(a.variants))
			}
			var got []string
			for i, v := range vs {
				if w := a.variants[i]; v.name != w.name || !bytes.Equal(v.body, w.body) {
					t.Errorf("variant %d is %q of %d bytes, the asset's %q of %d", i, v.name, len(v.body), w.name, len(w.body))
				}
				got = append(got, v.name)
				if v.name == "" {
					if !bytes.Equal(v.body, c.body) {
						t.Errorf("the identity variant is not the body")
					}
				} else if !decodesTo(v.name, v.body, c.body) {
					t.Errorf("the %s variant does not decode to the body", v.name)
				}
			}
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("variants %q, want %q", got, c.want)
			}
		})
	}
}

// TestExportCompressedFormsDecode checks that every .br and .gz file of an export decodes to the
// file beside it, and that the article files (page, embed page, JSON, oEmbed) have both.
func TestExportCompressedFormsDecode(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{BaseURL: "https://verbatim.example", StaticOEmbed: true})
	dir := t.TempDir()
	if _, err := s.Export(context.Background(), dir, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	checked := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		coding := map[string]string{".br": "br", ".gz": "gzip"}[filepath.Ext(p)]
		if coding == "" {
			return nil
		}
		enc, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		plain, err := os.ReadFile(strings.TrimSuffix(p, filepath.Ext(p)))
		if err != nil {
			t.Errorf("%s has no plain file beside it: %v", p, err)
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if !decodesTo(coding, enc, plain) {
			t.Errorf("%s does not decode to the file beside it", rel)
		}
		checked[filepath.ToSlash(rel)] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"article/harbour-council.html", "embed/harbour-council.html", "articles/harbour-council.json", "oembed/harbour-council.json"} {
		for _, ext := range []string{".br", ".gz"} {
			if !checked[f+ext] {
				t.Errorf("the export has no %s%s", f, ext)
			}
		}
	}
}
