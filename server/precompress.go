package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
)

// precompressedSums is the file, in the web folder, where Precompress records the SHA-256 of each
// file it compressed and of the .br and .gz it wrote beside it. A dotfile: loadWebDir never loads
// it, so it is neither served, nor exported, nor part of the version.
const precompressedSums = ".precompressed"

// formSums are the SHA-256 sums of a web file and of its brotli and gzip encodings, as Precompress
// made them.
type formSums struct {
	body, br, gz [sha256.Size]byte
}

// trustedForms are the web folder's files whose .br and .gz Precompress wrote, by name.
//
// Trust boundary: a .br or .gz beside a file may be left from another build (app.wasm rebuilt
// without its .br), and serving it would send readers another build's app. decodesTo guards
// against that by decoding each form and comparing it with the file, a second of CPU for the wasm
// files on every fresh state directory. A record stands for that check only when the file and
// both forms have the sums it names: then the forms are the ones Precompress made from this very
// file. A file rebuilt, a form replaced or truncated, or a record edited by hand no longer
// matches, and the forms are checked by decoding, as before. The record is the build's, in the
// operator's web folder, the same trust as the files themselves: whoever could write a false record
// could as well write app.wasm.
type trustedForms map[string]formSums

// loadTrustedForms reads dir's record of its precompressed files, or nil when it has none or one
// that does not parse.
func loadTrustedForms(dir string) trustedForms {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil
	}
	defer root.Close()
	b, err := readRootFile(root, precompressedSums)
	if err != nil {
		return nil
	}
	return parseTrustedForms(b)
}

// parseTrustedForms parses a record of precompressed files: a line a file, the hex SHA-256 of the
// file, of its .br and of its .gz, then its slash path. A line that does not parse is skipped.
func parseTrustedForms(b []byte) trustedForms {
	out := make(trustedForms)
	for line := range strings.SplitSeq(string(b), "\n") {
		f := strings.SplitN(line, " ", 4)
		if len(f) != 4 {
			continue
		}
		var s formSums
		ok := true
		for i, dst := range []*[sha256.Size]byte{&s.body, &s.br, &s.gz} {
			if n, err := hex.Decode(dst[:], []byte(f[i])); err != nil || n != sha256.Size || len(f[i]) != 2*sha256.Size {
				ok = false
			}
		}
		if ok {
			out[f[3]] = s
		}
	}
	return out
}

// asset returns the asset of the web file name from its precompressed forms pre without decoding
// them, when the record names the body and both forms by their sums; else nil, with the body's
// sum made in sums all the same. The sums are the ones the asset needs anyway (its ETags); brSum
// and gzSum are the forms' when already made (nil: hashed here).
func (t trustedForms) asset(name, contentType string, body []byte, pre precompressed, sums *knownSums, brSum, gzSum *[sha256.Size]byte) *asset {
	rec, ok := t[name]
	if !ok || pre["br"] == nil || pre["gzip"] == nil || !compressible(contentType, body) {
		return nil
	}
	if *sums.bodySum(body) != rec.body {
		return nil
	}
	br, gz := sumOf(pre["br"], brSum), sumOf(pre["gzip"], gzSum)
	if *br != rec.br || *gz != rec.gz {
		return nil
	}
	sums.br, sums.gz = br, gz
	return assembleAsset(contentType, body, pre["br"], pre["gzip"], sums)
}

// sumOf returns sum when it is known (not nil), else the SHA-256 of b.
func sumOf(b []byte, sum *[sha256.Size]byte) *[sha256.Size]byte {
	if sum != nil {
		return sum
	}
	s := sha256.Sum256(b)
	return &s
}

// Precompress writes, beside every compressible file of the web folder dir, its brotli encoding
// (name.br, at the quality the server would choose) and its gzip one (name.gz), and records their
// sums in dir's .precompressed, so that a server's first start on a fresh state directory neither
// compresses the web folder nor decodes the forms to check them (`make build` runs it). Forms
// already recorded for the same file are kept as they are.
func Precompress(dir string, log *slog.Logger) error {
	files, err := loadWebDir(dir, log)
	if err != nil {
		return err
	}
	pre := takePrecompressed(files)
	old := loadTrustedForms(dir)
	names := make([]string, 0, len(files))
	for name, body := range files {
		if compressible(contentTypeOf(name), body) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	recs := make([]formSums, len(names))
	errs := make([]error, len(names))
	concurrently(runtime.GOMAXPROCS(0), slices.All(names), func(i int, name string) {
		body := files[name]
		sums := &knownSums{}
		if old.asset(name, contentTypeOf(name), body, pre[name], sums, nil, nil) != nil {
			recs[i] = formSums{*sums.body, *sums.br, *sums.gz}
			return
		}
		br, gz := compressBrotli(body, 0), compressGzip(body)
		path := filepath.Join(dir, filepath.FromSlash(name))
		for _, f := range []struct {
			suffix string
			body   []byte
		}{{".br", br}, {".gz", gz}} {
			if err := writeWebFile(filepath.Dir(path), filepath.Base(path)+f.suffix, f.body); err != nil {
				errs[i] = err
				return
			}
		}
		recs[i] = formSums{*sums.bodySum(body), sha256.Sum256(br), sha256.Sum256(gz)}
	})
	var b bytes.Buffer
	for i, name := range names {
		if errs[i] != nil {
			return fmt.Errorf("precompressing %s: %w", name, errs[i])
		}
		r := recs[i]
		fmt.Fprintf(&b, "%x %x %x %s\n", r.body, r.br, r.gz, name)
	}
	if err := writeWebFile(dir, precompressedSums, b.Bytes()); err != nil {
		return err
	}
	return precompressPackage(dir, log)
}

// precompressPackage stores in dir's .encodings the encodings of go-app's generated files (app.js,
// the service worker, the manifest…) as a server on dir makes them, whose bodies follow from the
// web folder (its version, its page scripts): a first start finds them there by their key, as it
// would in its state directory, and does not compress them (encodingStore.shared). Encodings of
// earlier builds are removed.
func precompressPackage(dir string, log *slog.Logger) error {
	web, err := loadWebDir(dir, log)
	if err != nil {
		return err
	}
	h, cfg := newAppHandler(versionOf(web, fileSums(web)), dir)
	pkg, err := capturePackageResources(h, cfg)
	if err != nil {
		return err
	}
	st := &encodingStore{dir: filepath.Join(dir, sharedEncodings), log: log, used: make(map[string]bool)}
	compressAll(pkg, nil, nil, nil, contentTypeOf, runtime.GOMAXPROCS(0), 0, st)
	st.prune()
	entries, err := os.ReadDir(st.dir)
	for _, e := range entries {
		if err == nil {
			err = os.Chmod(filepath.Join(st.dir, e.Name()), 0o644)
		}
	}
	return err
}

// writeWebFile writes name in dir as writeFileAtomic does, readable by all as the web folder's
// other files are (a server may run as another user than the build).
func writeWebFile(dir, name string, body []byte) error {
	if err := writeFileAtomic(dir, name, body); err != nil {
		return err
	}
	return os.Chmod(filepath.Join(dir, name), 0o644)
}
