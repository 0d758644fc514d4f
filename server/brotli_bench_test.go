package server

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	brrr "github.com/molecule-man/go-brrr"
)

// BenchmarkBrotliLibraries compares the two pure-Go brotli libraries on the bodies the server
// compresses: github.com/andybalholm/brotli ("andy", the server's before the brrr round) and
// github.com/molecule-man/go-brrr ("brrr", the server's since). The sets are the export's four
// article files (exportBodies: page, embed, json, oembed, and article, all four of one article an
// iteration) at brotliFast, the article pages again at brotliCold (page-cold, a page made on a
// request's path), and the web folder's compressible files other than the wasm (web, all of
// them an iteration) at brotliQuality's choice for them (11); wasm-decode decodes app.wasm (when
// `make build` has made it), compressed once at brotliFast by andybalholm, through a 64 KB buffer, as decodesTo
// reads a precompressed file.
//
// Before it measures, every body of every set is compressed with both libraries and each output is
// decoded with the other library's reader, which must give the body back (b.Fatal if not); identical
// counts the bodies whose two outputs are the same bytes, hint-differs those whose brrr output
// differs without the size hint.
//
// Each set has three sub-benchmarks: lib=andy and lib=brrr run one library alone (for instruction
// counts under cachegrind), and lib=both runs both on the same input each iteration, the order
// swapped every iteration, and reports each one's processor time (the whole process's, since brrr
// at quality 10 and 11 works on a second goroutine; µs/op each), the ratio brrr/andy of those times,
// and each one's output bytes an iteration, exact.
func BenchmarkBrotliLibraries(b *testing.B) {
	var export []bodyKind
	var exportOnce sync.Once
	exportKind := func(b *testing.B, name string) [][][]byte {
		exportOnce.Do(func() { export = exportBodies(b) })
		var items [][][]byte
		for _, k := range export {
			for i, body := range k.bodies {
				if len(items) <= i {
					items = append(items, nil)
				}
				if name == "article" || name == k.name {
					items[i] = append(items[i], body)
				}
			}
		}
		return items
	}
	type set struct {
		name    string
		quality int
		load    func(b *testing.B) [][][]byte // an iteration's bodies, by iteration (cycled)
		decode  bool
	}
	var sets []set
	for _, name := range []string{"page", "embed", "json", "oembed", "article"} {
		sets = append(sets, set{name: name, quality: brotliFast, load: func(b *testing.B) [][][]byte { return exportKind(b, name) }})
	}
	sets = append(sets, set{name: "page-cold", quality: brotliCold, load: func(b *testing.B) [][][]byte { return exportKind(b, "page") }})
	sets = append(sets, set{name: "web", quality: brotliQuality(0), load: func(b *testing.B) [][][]byte { return [][][]byte{webCompressible(b)} }})
	sets = append(sets, set{name: "wasm-decode", quality: brotliFast, decode: true, load: func(b *testing.B) [][][]byte {
		wasm, err := os.ReadFile(filepath.Join("..", "web", "app.wasm"))
		if err != nil {
			b.Skip("no ../web/app.wasm: make build first")
		}
		return [][][]byte{{wasm}}
	}})

	libs := []struct {
		name     string
		compress func(body []byte, quality int) []byte
		reader   func(io.Reader) io.Reader
	}{
		{"andy", andyCompress, func(r io.Reader) io.Reader { return brotli.NewReader(r) }},
		{"brrr", brrrCompress, func(r io.Reader) io.Reader { return brrr.NewReader(r) }},
	}
	for _, s := range sets {
		var (
			once                   sync.Once
			items                  [][][]byte
			encoded                []byte // the first body, compressed by andy: what wasm-decode decodes
			identical, hintDiffers int
		)
		// prepare loads the set's bodies, compresses each with both libraries and decodes each output
		// with the other library's reader.
		prepare := func(b *testing.B) {
			once.Do(func() {
				items = s.load(b)
				for _, bodies := range items {
					for _, body := range bodies {
						var outs [2][]byte
						for li, l := range libs {
							outs[li] = l.compress(body, s.quality)
						}
						if encoded == nil {
							encoded = outs[0]
						}
						for li, l := range libs {
							other := libs[1-li]
							if got, err := io.ReadAll(other.reader(bytes.NewReader(outs[li]))); err != nil || !bytes.Equal(got, body) {
								b.Fatalf("set %s: %s's output (%d bytes) decoded by %s's reader: %d bytes, not the body's %d (%v)", s.name, l.name, len(outs[li]), other.name, len(got), len(body), err)
							}
						}
						if bytes.Equal(outs[0], outs[1]) {
							identical++
						}
						if !bytes.Equal(brrrCompressNoHint(body, s.quality), outs[1]) {
							hintDiffers++
						}
					}
				}
			})
			if items == nil {
				b.Skip("set not loaded")
			}
		}
		// run does iteration i of library li and returns its output's bytes (wasm-decode: the decoded
		// bytes).
		buf := make([]byte, 64<<10)
		run := func(li, i int) int {
			if s.decode {
				return readThrough(libs[li].reader(bytes.NewReader(encoded)), buf)
			}
			n := 0
			for _, body := range items[i%len(items)] {
				n += len(libs[li].compress(body, s.quality))
			}
			return n
		}
		for li, l := range libs {
			b.Run("set="+s.name+"/lib="+l.name, func(b *testing.B) {
				prepare(b)
				i, n := 0, 0
				for b.Loop() {
					n += run(li, i)
					i++
				}
				b.ReportMetric(float64(n)/float64(i), "bytes/op")
			})
		}
		b.Run("set="+s.name+"/lib=both", func(b *testing.B) {
			prepare(b)
			var cpu [2]time.Duration
			var size [2]int
			i := 0
			for b.Loop() {
				for k := range 2 {
					li := k ^ (i & 1)
					start := cpuTime(b)
					size[li] += run(li, i)
					cpu[li] += cpuTime(b) - start
				}
				i++
			}
			for li, l := range libs {
				b.ReportMetric(float64(cpu[li].Microseconds())/float64(i), l.name+"-µs/op")
				b.ReportMetric(float64(size[li])/float64(i), l.name+"-bytes/op")
			}
			b.ReportMetric(float64(cpu[1])/float64(cpu[0]), "brrr/andy-time")
			b.ReportMetric(float64(identical), "identical")
			b.ReportMetric(float64(hintDiffers), "hint-differs")
		})
	}
}

// webCompressible returns the web folder's files (../web) that the server compresses, but the wasm
// files, in the order of their names.
func webCompressible(b *testing.B) [][]byte {
	var names []string
	err := filepath.WalkDir(filepath.Join("..", "web"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		names = append(names, p)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	sort.Strings(names)
	var out [][]byte
	for _, p := range names {
		body, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if ct := contentTypeOf(p); ct != wasmType && compressible(ct, body) {
			out = append(out, body)
		}
	}
	if len(out) == 0 {
		b.Fatal("no compressible files in ../web")
	}
	return out
}

// andyWriters and brrrWriters keep one writer a quality for the benchmark, as brotliWriters does.
var (
	andyWriters = map[int]*brotli.Writer{}
	brrrWriters = map[int]*brrr.Writer{}
)

func andyCompress(body []byte, quality int) []byte {
	w := andyWriters[quality]
	if w == nil {
		w = brotli.NewWriterLevel(nil, quality)
		andyWriters[quality] = w
	}
	var out bytes.Buffer
	out.Grow(len(body)/3 + 64)
	w.Reset(&out)
	w.Write(body)
	w.Close()
	return out.Bytes()
}

// brrrCompress compresses body with go-brrr, the body's size its hint (WriterOptions.SizeHint).
func brrrCompress(body []byte, quality int) []byte {
	return brrrCompressHint(body, quality, uint(len(body)))
}

// brrrCompressNoHint is brrrCompress without the size hint: the encoder estimates it from the first
// Write, which is the whole body.
func brrrCompressNoHint(body []byte, quality int) []byte { return brrrCompressHint(body, quality, 0) }

func brrrCompressHint(body []byte, quality int, hint uint) []byte {
	w := brrrWriters[quality]
	if w == nil {
		var err error
		if w, err = brrr.NewWriter(nil, quality); err != nil {
			panic(err)
		}
		brrrWriters[quality] = w
	}
	var out bytes.Buffer
	out.Grow(len(body)/3 + 64)
	w.ResetWithSizeHint(&out, hint)
	w.Write(body)
	w.Close()
	return out.Bytes()
}

// readThrough reads r to its end through buf and returns the bytes it read (0 on an error).
func readThrough(r io.Reader, buf []byte) int {
	total := 0
	for {
		n, err := io.ReadFull(r, buf)
		total += n
		switch err {
		case nil:
		case io.EOF, io.ErrUnexpectedEOF:
			return total
		default:
			return 0
		}
	}
}
