package server

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTrustedForms checks which precompressed forms a record lets the server take without
// decoding them: only a file and both forms with the sums it names. Every other case returns nil,
// and the forms are checked by decoding (decodesTo), as without a record.
func TestTrustedForms(t *testing.T) {
	t.Parallel()
	const js = "text/javascript; charset=utf-8"
	body := []byte(strings.Repeat("function quote() { return 'verbatim'; }\n", 40))
	br, gz := compressBrotli(body, 0), compressGzip(body)
	other := []byte(strings.Repeat("function other() {}\n", 40))
	record := func(body, br, gz []byte) []byte {
		return fmt.Appendf(nil, "%x %x %x page/a.js\n", sha256.Sum256(body), sha256.Sum256(br), sha256.Sum256(gz))
	}
	for _, c := range []struct {
		what        string
		rec         []byte
		contentType string
		body        []byte
		pre         precompressed
		trusted     bool
	}{
		{"the record's file and forms", record(body, br, gz), js, body, precompressed{"br": br, "gzip": gz}, true},
		{"the file rebuilt since", record(other, br, gz), js, body, precompressed{"br": br, "gzip": gz}, false},
		{"a form replaced", record(body, br, gz), js, body, precompressed{"br": compressBrotli(other, 0), "gzip": gz}, false},
		{"a form truncated", record(body, br, gz), js, body, precompressed{"br": br, "gzip": gz[:len(gz)/2]}, false},
		{"a form missing", record(body, br, gz), js, body, precompressed{"br": br}, false},
		{"no record", nil, js, body, precompressed{"br": br, "gzip": gz}, false},
		{"a record that does not parse", []byte("zz " + string(record(body, br, gz))), js, body, precompressed{"br": br, "gzip": gz}, false},
		{"a type served as it is", record(body, br, gz), "image/png", body, precompressed{"br": br, "gzip": gz}, false},
	} {
		sums := &knownSums{}
		a := parseTrustedForms(c.rec).asset("page/a.js", c.contentType, c.body, c.pre, sums, nil, nil)
		if (a != nil) != c.trusted {
			t.Errorf("%s: trusted %v, want %v", c.what, a != nil, c.trusted)
			continue
		}
		if a == nil {
			continue
		}
		want := assembleAsset(js, body, br, gz, &knownSums{})
		if len(a.variants) != len(want.variants) {
			t.Fatalf("%s: %d representations, want %d", c.what, len(a.variants), len(want.variants))
		}
		for i, v := range a.variants {
			if w := want.variants[i]; v.name != w.name || !bytes.Equal(v.body, w.body) || v.etag != w.etag {
				t.Errorf("%s: representation %q, ETag %s; want %q, %s", c.what, v.name, v.etag, w.name, w.etag)
			}
		}
	}
}

// TestPrecompress checks the build's step: a .br and a .gz beside each compressible file that
// decode to it, none beside the others or the dotfiles, a record the server trusts, forms kept as
// they are on a second run, and made again for a file that changed.
func TestPrecompress(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"page/a.js":     strings.Repeat("function quote() { return 'verbatim'; }\n", 40),
		"verbatim.css":  strings.Repeat("p { margin: 0 }\n", 40),
		"icons/x.png":   strings.Repeat("\x89PNG", 100),
		"small.js":      "var a = 1;",
		".hidden/b.js":  strings.Repeat("var hidden = 1;\n", 40),
		"partner/e.svg": "<svg xmlns='http://www.w3.org/2000/svg'>" + strings.Repeat("<g/>", 100) + "</svg>",
	}
	writeFiles(t, dir, files)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := Precompress(dir, log); err != nil {
		t.Fatal(err)
	}
	check := func(run string) map[string][]byte {
		t.Helper()
		web, err := loadWebDir(dir, log)
		if err != nil {
			t.Fatal(err)
		}
		pre := takePrecompressed(web)
		trusted := loadTrustedForms(dir)
		for name, body := range files {
			want := !strings.HasPrefix(name, ".") && compressible(contentTypeOf(name), []byte(body))
			if got := pre[name] != nil; got != want {
				t.Errorf("%s: %s has forms %v, want %v", run, name, got, want)
				continue
			}
			if !want {
				continue
			}
			if !decodesTo("br", pre[name]["br"], []byte(body)) || !decodesTo("gzip", pre[name]["gzip"], []byte(body)) {
				t.Errorf("%s: %s's forms do not decode to it", run, name)
			}
			if trusted.asset(name, contentTypeOf(name), []byte(body), pre[name], &knownSums{}, nil, nil) == nil {
				t.Errorf("%s: %s's forms are not trusted", run, name)
			}
		}
		if len(trusted) != 3 {
			t.Errorf("%s: %d records, want 3", run, len(trusted))
		}
		out := map[string][]byte{}
		for name, p := range pre {
			out[name+".br"], out[name+".gz"] = p["br"], p["gzip"]
		}
		return out
	}
	first := check("first run")

	// A file rebuilt after the record: its old forms are no longer trusted (the server decodes
	// them, finds them stale and compresses it), and the next run makes them again, keeping the
	// others byte for byte.
	changed := strings.Repeat("function changed() { return 'verbatim'; }\n", 40)
	files["page/a.js"] = changed
	writeFiles(t, dir, map[string]string{"page/a.js": changed})
	stale := precompressed{"br": first["page/a.js.br"], "gzip": first["page/a.js.gz"]}
	if loadTrustedForms(dir).asset("page/a.js", contentTypeOf("a.js"), []byte(changed), stale, &knownSums{}, nil, nil) != nil {
		t.Error("a rebuilt file's old forms are trusted")
	}
	if err := Precompress(dir, log); err != nil {
		t.Fatal(err)
	}
	second := check("second run")
	for name, b := range first {
		kept := bytes.Equal(second[name], b)
		if want := !strings.HasPrefix(name, "page/a.js"); kept != want {
			t.Errorf("second run: %s kept %v, want %v", name, kept, want)
		}
	}
}

// TestPrecompressedServerStart checks a server's first start on a web folder that Precompress
// made: it compresses and stores nothing (its state directory keeps no encodings), and serves the
// same bytes and ETags for the web folder's files as a server on the folder before, and for go-app's
// files the encodings it would have made itself.
func TestPrecompressedServerStart(t *testing.T) {
	t.Parallel()
	web := fakeWebDir(t)
	before, _ := newTestServer(t, Config{WebDir: web, StateDir: t.TempDir()})
	if err := Precompress(web, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	state := t.TempDir()
	after, _ := newTestServer(t, Config{WebDir: web, StateDir: state})
	if entries, err := os.ReadDir(filepath.Join(state, "encodings")); err == nil && len(entries) > 0 {
		t.Errorf("the state directory keeps %d encodings, want none", len(entries))
	}
	same := func(what string, got, want *asset) {
		t.Helper()
		if len(got.variants) != len(want.variants) {
			t.Errorf("%s: %d representations, want %d", what, len(got.variants), len(want.variants))
			return
		}
		for i, v := range got.variants {
			if w := want.variants[i]; v.name != w.name || !bytes.Equal(v.body, w.body) || v.etag != w.etag {
				t.Errorf("%s: representation %q, ETag %s; want %q, %s", what, v.name, v.etag, w.name, w.etag)
			}
		}
	}
	if len(after.assets.web) != len(before.assets.web) {
		t.Errorf("%d web files, want %d", len(after.assets.web), len(before.assets.web))
	}
	for name, want := range before.assets.web {
		if got := after.assets.web[name]; got == nil {
			t.Errorf("%s: not served", name)
		} else {
			same(name, got, want)
		}
	}
	for name, got := range after.assets.pkg {
		same(name, got, buildAsset(got.contentType, got.variants[0].body, nil, 0))
	}
}
