package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	brrr "github.com/molecule-man/go-brrr"
)

// Cache policies for asset responses.
const (
	cacheImmutable  = "public, max-age=31536000, immutable" // URLs that carry the content version
	cacheRevalidate = "no-cache"                            // stored, but revalidated with the ETag each time
)

// uncompressedLengthHeader carries the decoded size of a compressed response, so that go-app's
// loader can show its progress in the bytes it counts.
const uncompressedLengthHeader = "X-Uncompressed-Content-Length"

// wasmType is the media type of app.wasm and parse.wasm, the only responses whose progress go-app's
// loader shows.
const wasmType = "application/wasm"

// maxRanges is the most byte ranges one request may ask for. A request with more gets the whole body
// (200), as nginx does with max_ranges, so that a 900-range request cannot make the server write 900
// multipart headers.
const maxRanges = 8

// largeAsset is the size above which a response gets a longer write deadline, so that a slow reader can
// still download app.wasm while the server-wide WriteTimeout bounds everything else.
const largeAsset = 1 << 20

// advertisedRanges is the size above which a plain GET's answer says Accept-Ranges: bytes. Every asset
// answers a Range request (RFC 9110 lets a server take ranges it does not advertise); only a body
// worth resuming says so, as nginx's brotli_static does not for its small files. A small JSON's nine
// header fields would outgrow the eight a Go map keeps in its first group, and net/http copies that
// map for every response (BENCHMARKS.md, the small JSON).
const advertisedRanges = 64 << 10

// encoding is one stored representation of an asset. Make it with newEncoding.
type encoding struct {
	name string // "br", "gzip" or "" for identity
	body []byte
	etag string // strong ETag, distinct per encoding

	// The response header values of this representation, made once (see securityHeaders).
	etagValue, encodingValue, lengthValue []string
}

// etagSuffix tells apart the ETags of an asset's representations.
var etagSuffix = map[string]string{"": "", "br": "-br", "gzip": "-gz"}

// newEncodingSum makes the representation of body in the content coding name ("" for identity):
// its ETag, a hash of its own bytes with a suffix per coding, and its header values. Sum is the
// SHA-256 of body when it is already known, so that body is not hashed again (nil: hash it); the
// sum is returned.
func newEncodingSum(name string, body []byte, sum *[sha256.Size]byte) (encoding, [sha256.Size]byte) {
	var s [sha256.Size]byte
	if sum != nil {
		s = *sum
	} else {
		s = sha256.Sum256(body)
	}
	e := encoding{name: name, body: body, etag: etagFrom(&s, etagSuffix[name])}
	e.etagValue = []string{e.etag}
	e.lengthValue = []string{strconv.Itoa(len(body))}
	if name != "" {
		e.encodingValue = []string{name}
	}
	return e, s
}

// asset is one response body held in memory with its precompressed representations. Assets are
// built once, before serving, and never modified afterwards, so they are safe for concurrent use.
type asset struct {
	contentType string
	typeValue   []string   // Content-Type, as a header value
	variants    []encoding // identity first, then br and gzip when they are smaller
	compressed  bool       // whether variants other than identity may exist (Vary: Accept-Encoding)
}

// assetCost is the bytes an asset holds, as the server's cache counts them.
func assetCost(a *asset) int64 {
	n := int64(len(a.contentType)) + 128
	for _, v := range a.variants {
		n += int64(len(v.body)) + int64(len(v.etag)) + 96
	}
	return n
}

// plainAsset is an asset of body as it is, with no compressed representation. Sum is body's
// SHA-256 when it is known (nil: hashed here).
func plainAsset(contentType string, body []byte, sum *[sha256.Size]byte) *asset {
	e, _ := newEncodingSum("", body, sum)
	return &asset{contentType: contentType, typeValue: []string{contentType}, variants: []encoding{e}}
}

// knownSums are the SHA-256 sums of a body and of its brotli and gzip encodings, each nil until it
// is known. The web folder's files are hashed once a start: the sum of a body is its identity
// ETag, part of its stored encodings' key and of the memo's; the sum of a stored encoding is its
// ETag and the check of its file. Functions given a knownSums fill in the sums they make.
type knownSums struct {
	body, br, gz *[sha256.Size]byte
}

// bodySum returns the sum of body, made once.
func (s *knownSums) bodySum(body []byte) *[sha256.Size]byte {
	if s.body == nil {
		sum := sha256.Sum256(body)
		s.body = &sum
	}
	return s.body
}

// form returns where the sum of the encoding name ("br", "gzip") is kept.
func (s *knownSums) form(name string) **[sha256.Size]byte {
	if name == "br" {
		return &s.br
	}
	return &s.gz
}

// minCompressed is the size below which a body is sent as it is, with no encodings.
const minCompressed = 256

// compressible reports whether a body of contentType is compressed ahead of time: at least
// minCompressed bytes of wasm, JS, CSS, JSON, HTML, SVG or text. The server's assets, the stored
// encodings and the export decide by it alike.
func compressible(contentType string, body []byte) bool {
	if len(body) < minCompressed {
		return false
	}
	ct, _, _ := strings.Cut(contentType, ";")
	ct = strings.TrimSpace(ct)
	switch {
	case strings.HasPrefix(ct, "text/"):
		return true
	case ct == wasmType, ct == "application/json", ct == "application/manifest+json",
		ct == "application/javascript", ct == "image/svg+xml", ct == "application/json+oembed",
		ct == "application/xml":
		return true
	}
	return false
}

// contentTypeOf returns the media type served for a file name. It is explicit for the types the app
// depends on, so that it does not vary with the host's mime database.
func contentTypeOf(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".wasm":
		return wasmType
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".json":
		return "application/json"
	case ".webmanifest":
		return "application/manifest+json"
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".webp":
		return "image/webp"
	case ".ico":
		return "image/x-icon"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	case ".ttf":
		return "font/ttf"
	case ".txt", ".md":
		return "text/plain; charset=utf-8"
	case ".xml":
		return "application/xml"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// newAsset builds an asset from body, compressing it with brotli and gzip when its type compresses.
// It is called before serving, never per request.
func newAsset(contentType string, body []byte) *asset {
	return newAssetWith(contentType, body, nil, 0)
}

// precompressed holds encodings of a file made ahead of time, by coding ("br", "gzip"): the
// web/app.wasm.br and web/app.wasm.gz a build may leave beside web/app.wasm.
type precompressed map[string][]byte

// newAssetWith is newAsset, using the precompressed encodings in pre when they decode to body, and
// brotli at the given quality (0: brotliQuality's choice for the body's size). Each
// representation's ETag is a hash of its own bytes, so two different brotli encodings of the same
// file never share an ETag (a resumed range request cannot mix them).
func newAssetWith(contentType string, body []byte, pre precompressed, quality int) *asset {
	return newAssetSums(contentType, body, pre, quality, &knownSums{})
}

// newAssetSums is newAssetWith with the sums already known in sums, where it puts those it makes.
func newAssetSums(contentType string, body []byte, pre precompressed, quality int, sums *knownSums) *asset {
	if len(body) < memoMin || len(pre) > 0 {
		return buildAssetSums(contentType, body, pre, quality, compressGzip, sums)
	}
	key := assetKey(contentType, quality, sums.bodySum(body))
	memo.Lock()
	a := memo.assets[key]
	memo.Unlock()
	if a == nil {
		a = buildAssetSums(contentType, body, pre, quality, compressGzip, sums)
		memo.Lock()
		memo.assets[key] = a
		memo.Unlock()
	}
	return a
}

// memoMin is the size from which compressed assets are kept for the life of the process, by content:
// a second server built on the same web folder (the tests build many) does not compress app.wasm again.
const memoMin = 1 << 20

// assetKey returns the key of the asset of a body of contentType, whose SHA-256 is sum, at
// quality: the memo's, and in hex the name of its stored encodings (encodingKey).
func assetKey(contentType string, quality int, sum *[sha256.Size]byte) [sha256.Size]byte {
	h := sha256.New()
	io.WriteString(h, contentType+"\x00"+strconv.Itoa(quality)+"\x00")
	h.Write(sum[:])
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

// memo holds the assets of large bodies by a hash of their type and content. Assets are immutable,
// so servers may share them.
var memo = struct {
	sync.Mutex
	assets map[[32]byte]*asset
}{assets: make(map[[32]byte]*asset)}

// buildAsset is newAssetWith without the memo: brotli at quality and gzip at BestCompression.
func buildAsset(contentType string, body []byte, pre precompressed, quality int) *asset {
	return buildAssetSums(contentType, body, pre, quality, compressGzip, &knownSums{})
}

// buildAssetSums is buildAsset with its gzip compressor and the sums already known in sums, where
// it puts those it makes: bodies too small or not compressible stay plain, and a precompressed
// encoding is used when it decodes to body, else made anew.
func buildAssetSums(contentType string, body []byte, pre precompressed, quality int, gzip func([]byte) []byte, sums *knownSums) *asset {
	if !compressible(contentType, body) {
		return plainAsset(contentType, body, sums.body)
	}
	br := pre["br"]
	if br == nil || !decodesTo("br", br, body) {
		br = compressBrotli(body, quality)
	}
	gz := pre["gzip"]
	if gz == nil || !decodesTo("gzip", gz, body) {
		gz = gzip(body)
	}
	return assembleAsset(contentType, body, br, gz, sums)
}

// assembleAsset is the asset of body with its brotli and gzip encodings, each kept when it is not nil
// and smaller than body, with the sums already known in sums (of br and gz as given), where it puts
// those it makes.
func assembleAsset(contentType string, body, br, gz []byte, sums *knownSums) *asset {
	a := plainAsset(contentType, body, sums.bodySum(body))
	a.compressed = true
	for _, f := range smallerForms(body, br, gz) {
		p := sums.form(f.name)
		e, sum := newEncodingSum(f.name, f.body, *p)
		*p = &sum
		a.variants = append(a.variants, e)
	}
	return a
}

// encodedForm is one encoding of a body: its name ("br", "gzip"; "" for the body itself) and bytes.
type encodedForm struct {
	name string
	body []byte
}

// smallerForms returns body's brotli and gzip encodings that are worth keeping, in that order: each
// when it is not nil and smaller than body. The server's assets and the export keep them alike.
func smallerForms(body, br, gz []byte) []encodedForm {
	var out []encodedForm
	if br != nil && len(br) < len(body) {
		out = append(out, encodedForm{"br", br})
	}
	if gz != nil && len(gz) < len(body) {
		out = append(out, encodedForm{"gzip", gz})
	}
	return out
}

// etagFrom returns the strong ETag of the bytes whose SHA-256 is sum.
func etagFrom(sum *[sha256.Size]byte, suffix string) string {
	return `"` + hex.EncodeToString(sum[:12]) + suffix + `"`
}

// decodesTo reports whether enc decodes, with the given coding, to exactly want: a precompressed file
// left from another build must not be served. It compares as it decodes, a chunk at a time, and stops
// at the first difference: the decoded body is never held whole (io.ReadAll of app.wasm's 10 MB grew
// and cleared about twice that, half of a first start's check of the precompressed files).
func decodesTo(coding string, enc, want []byte) bool {
	r, err := decoder(coding, enc)
	if err != nil {
		return false
	}
	p := decodeChunks.Get().(*[]byte)
	defer decodeChunks.Put(p)
	buf := *p
	for {
		n, err := io.ReadFull(r, buf)
		if n > len(want) || !bytes.Equal(buf[:n], want[:n]) {
			return false
		}
		want = want[n:]
		switch err {
		case nil:
		case io.EOF, io.ErrUnexpectedEOF:
			return len(want) == 0
		default:
			return false
		}
	}
}

// decodeChunks holds decodesTo's buffers.
var decodeChunks = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// decoder returns a reader of enc decoded with the content coding ("br" or "gzip").
func decoder(coding string, enc []byte) (io.Reader, error) {
	switch coding {
	case "br":
		return brrr.NewReader(bytes.NewReader(enc)), nil
	case "gzip":
		return gzip.NewReader(bytes.NewReader(enc))
	}
	return nil, fmt.Errorf("unknown content coding %q", coding)
}

// takePrecompressed removes the .br and .gz files that sit beside another file of files (app.wasm.br
// beside app.wasm) and returns them by the name of that file.
func takePrecompressed(files map[string][]byte) map[string]precompressed {
	out := make(map[string]precompressed)
	for name, body := range files {
		for suffix, coding := range map[string]string{".br": "br", ".gz": "gzip"} {
			base, ok := strings.CutSuffix(name, suffix)
			if _, exists := files[base]; ok && exists {
				if out[base] == nil {
					out[base] = make(precompressed)
				}
				out[base][coding] = body
			}
		}
	}
	for base, pre := range out {
		if pre["br"] != nil {
			delete(files, base+".br")
		}
		if pre["gzip"] != nil {
			delete(files, base+".gz")
		}
	}
	return out
}

// brotliQuality picks the brotli quality for a body: the best for small files, and a faster one for
// large files. Measured on the 17.7 MB app.wasm with andybalholm/brotli (the server's brotli before
// go-brrr, which takes less than half its time): quality 7 gives 3.50 MB in 1.2 s, quality 9 3.45 MB in
// 2-3 s, quality 10 3.11 MB in 113 s. A build that wants the smaller file leaves app.wasm.br
// beside app.wasm, and the server uses it.
func brotliQuality(n int) int {
	if n > 2<<20 {
		return 7
	}
	return brrr.BestCompression
}

// brotliFast is the quality for bodies made at start in bulk (a large library's article JSON): on
// the sample's 8.9 KB article JSON, quality 5 gives 1898 bytes in 0.23 ms where quality 11 gives 1605
// bytes in 15 ms (andybalholm/brotli's times; go-brrr's are about 0.6 of them), and the start of a 1,000-article library spent 88% of its time in brotli 11.
const brotliFast = 5

// compressBrotli compresses body at quality (0: brotliQuality's choice) with go-brrr, whose output is
// the C reference encoder's, byte for byte; the body's size is the encoder's size hint.
func compressBrotli(body []byte, quality int) []byte {
	if quality == 0 {
		quality = brotliQuality(len(body))
	}
	var b bytes.Buffer
	b.Grow(len(body)/3 + 64)
	p, ok := brotliWriters.Load(quality)
	if !ok {
		p, _ = brotliWriters.LoadOrStore(quality, &sync.Pool{New: func() any {
			w, err := brrr.NewWriter(nil, quality)
			if err != nil {
				panic(err) // quality is 1 to 11, which NewWriter takes
			}
			return w
		}})
	}
	pool := p.(*sync.Pool)
	w := pool.Get().(*brrr.Writer)
	w.ResetWithSizeHint(&b, uint(len(body)))
	w.Write(body)
	w.Close()
	w.Reset(nil)
	pool.Put(w)
	return b.Bytes()
}

// brotliWriters and gzipWriters keep compressors between bodies, by quality and level: a brotli
// writer allocates and clears about a megabyte of hash tables, a gzip one at BestCompression about
// as much, which was a third of compressing an exported article's page.
var (
	brotliWriters sync.Map // quality → *sync.Pool of *brrr.Writer
	gzipWriters   sync.Map // level → *sync.Pool of *gzip.Writer
)

// compressGzip compresses body with gzip at BestCompression.
func compressGzip(body []byte) []byte { return compressGzipLevel(body, gzip.BestCompression) }

// compressGzipLevel compresses body with gzip at level (gzip.BestSpeed to gzip.BestCompression).
func compressGzipLevel(body []byte, level int) []byte {
	var b bytes.Buffer
	b.Grow(len(body)/3 + 64)
	p, ok := gzipWriters.Load(level)
	if !ok {
		p, _ = gzipWriters.LoadOrStore(level, &sync.Pool{New: func() any {
			w, _ := gzip.NewWriterLevel(nil, level)
			return w
		}})
	}
	pool := p.(*sync.Pool)
	w := pool.Get().(*gzip.Writer)
	w.Reset(&b)
	w.Write(body)
	w.Close()
	w.Reset(nil)
	pool.Put(w)
	return b.Bytes()
}

// compressAll builds the assets of bodies concurrently, at most workers at a time, using the
// precompressed encodings in pre (by name) when they are right, and brotli at quality (0: by size).
// Encodings that a trusted record names (trustedForms) are taken as they are, without decoding, and
// are not kept in the store (the web folder keeps them); the others are checked (decodesTo). Sums
// are the SHA-256 of the items and of their forms' files ("app.wasm.br") when already made (nil:
// each is hashed here).
func compressAll(items map[string][]byte, pre map[string]precompressed, trusted trustedForms, sums map[string]*[sha256.Size]byte, typeOf func(string) string, workers, quality int, st *encodingStore) map[string]*asset {
	out := make(map[string]*asset, len(items))
	var mu sync.Mutex
	concurrently(workers, maps.All(items), func(name string, body []byte) {
		known := &knownSums{body: sums[name]}
		a := trusted.asset(name, typeOf(name), body, pre[name], known, sums[name+".br"], sums[name+".gz"])
		if a == nil {
			a = st.asset(typeOf(name), body, quality, known, func(sums *knownSums) *asset {
				return newAssetSums(typeOf(name), body, pre[name], quality, sums)
			})
		}
		mu.Lock()
		out[name] = a
		mu.Unlock()
	})
	return out
}

// acceptsEncoding reports whether the Accept-Encoding header value allows coding, honouring q=0.
func acceptsEncoding(header, coding string) bool {
	star := false
	for rest := header; rest != ""; {
		var part string
		part, rest, _ = strings.Cut(rest, ",")
		name, params, _ := strings.Cut(part, ";")
		name = strings.TrimSpace(name)
		q := 1.0
		for params != "" {
			var p string
			p, params, _ = strings.Cut(params, ";")
			k, v, ok := strings.Cut(p, "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		switch {
		case strings.EqualFold(name, coding):
			return q > 0
		case name == "*":
			star = q > 0
		}
	}
	return star
}

// pick returns the representation to send for a request with the given Accept-Encoding value:
// brotli, then gzip, then identity.
func (a *asset) pick(acceptEncoding string) encoding {
	if len(a.variants) > 1 {
		acc := acceptedCodings(acceptEncoding)
		for _, v := range a.variants[1:] {
			if acc.allow(v.name) {
				return v
			}
		}
	}
	return a.variants[0]
}

// codings says which of the compressed codings an Accept-Encoding value allows.
type codings struct{ br, gzip bool }

// allow reports whether c allows the coding name ("br", "gzip").
func (c codings) allow(name string) bool {
	switch name {
	case "br":
		return c.br
	case "gzip":
		return c.gzip
	}
	return false
}

// commonAcceptEncoding are the codings of the Accept-Encoding values browsers and tools send, parsed
// once: a request with one of them costs a map lookup, not a parse (budget 5, the small JSON).
var commonAcceptEncoding = func() map[string]codings {
	m := map[string]codings{}
	for _, v := range []string{"", "gzip, deflate, br, zstd", "gzip, deflate, br", "gzip, deflate", "br", "gzip", "br, gzip", "gzip, br", "identity", "*"} {
		m[v] = parseCodings(v)
	}
	return m
}()

// acceptedCodings returns the codings the Accept-Encoding value header allows.
func acceptedCodings(header string) codings {
	if c, ok := commonAcceptEncoding[header]; ok {
		return c
	}
	return parseCodings(header)
}

// parseCodings parses header for the codings assets come in.
func parseCodings(header string) codings {
	return codings{br: acceptsEncoding(header, "br"), gzip: acceptsEncoding(header, "gzip")}
}

// headerSink receives a response's header fields, each a canonical key and a value made once:
// an http.Header (netHeader) or a fasthttp response (fastHeader). Both fronts take what to send
// from the same functions (asset.header, headerSet.to), so that they cannot disagree.
type headerSink interface {
	set(key string, value []string)
}

// netHeader is an http.Header as a headerSink. A Vary already set is kept and added to.
type netHeader http.Header

func (h netHeader) set(key string, value []string) {
	if key == "Vary" {
		if vary, ok := h["Vary"]; ok {
			h["Vary"] = append(vary[:len(vary):len(vary)], value...)
			return
		}
	}
	h[key] = value
}

// header picks the representation for a request with the given Accept-Encoding and writes the
// headers of its answer, but the framing (Content-Length, Accept-Ranges: plainHeader): Vary,
// Content-Encoding, Content-Type, Cache-Control, ETag and the wasm's uncompressed length.
func (a *asset) header(acceptEncoding, cacheControl string, h headerSink) encoding {
	v := a.pick(acceptEncoding)
	if a.compressed {
		h.set("Vary", varyEncoding)
	}
	if v.name != "" {
		h.set("Content-Encoding", v.encodingValue)
	}
	h.set("Content-Type", a.typeValue)
	if cc, ok := cacheValues[cacheControl]; ok {
		h.set("Cache-Control", cc)
	} else {
		h.set("Cache-Control", []string{cacheControl})
	}
	h.set("Etag", v.etagValue)
	if v.name != "" && a.contentType == wasmType {
		// The size of the whole body before decoding, for go-app's loading progress (see
		// Handler.WasmContentLengthHeader). Nothing else reads it.
		h.set(uncompressedLengthHeader, a.variants[0].lengthValue)
	}
	return v
}

// plainHeader writes the framing headers of a plain GET's answer (plainGet): the whole
// representation v with 200, as http.ServeContent would answer it.
func plainHeader(v encoding, h headerSink) {
	if len(v.body) > advertisedRanges {
		h.set("Accept-Ranges", acceptRanges)
	}
	h.set("Content-Length", v.lengthValue)
}

// serve writes the asset with the given Cache-Control. Conditional requests (If-None-Match) and byte
// ranges are answered by http.ServeContent on the chosen representation; a request for more than
// maxRanges ranges gets the whole body instead.
func (a *asset) serve(w http.ResponseWriter, r *http.Request, cacheControl string) {
	h := w.Header()
	v := a.header(r.Header.Get("Accept-Encoding"), cacheControl, netHeader(h))
	if len(v.body) > largeAsset {
		http.NewResponseController(w).SetWriteDeadline(time.Now().Add(largeAssetWrite))
		if _, ok := w.(io.ReaderFrom); !ok {
			w = streamed{w}
		}
	}
	if plainGet(r) {
		// The common case, answered as http.ServeContent would answer it, without its reader,
		// seeks and header parsing (4.4 KB and 4 allocations less per request: BenchmarkJSONAsset).
		plainHeader(v, netHeader(h))
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			w.Write(v.body)
		}
		return
	}
	if rg := r.Header.Get("Range"); rg != "" && strings.Count(rg, ",") >= maxRanges {
		r = r.Clone(r.Context())
		r.Header.Del("Range")
	}
	if v.name != "" && r.Header.Get("Range") == "" {
		// http.ServeContent leaves Content-Length out when Content-Encoding is set. It answers a
		// failed If-Match or If-Unmodified-Since with 412 and no body, where the length would be
		// wrong: lengthFor200 drops it then.
		h["Content-Length"] = v.lengthValue
		w = lengthFor200{w}
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(v.body))
}

// streamed writes a large body a chunk at a time, flushing each: net/http's server and the fasthttp
// front's nativeWriter take the body as it is (io.ReaderFrom), but fasthttpadaptor's writer holds
// a body in memory until the handler returns, unless the handler flushes, after which it streams
// it.
type streamed struct{ http.ResponseWriter }

// streamChunk is the most streamed writes at once.
const streamChunk = 64 << 10

func (s streamed) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		k, err := s.ResponseWriter.Write(p[:min(len(p), streamChunk)])
		n += k
		if err != nil {
			return n, err
		}
		p = p[k:]
		if err := http.NewResponseController(s.ResponseWriter).Flush(); err != nil {
			return n, err
		}
	}
	return n, nil
}

func (s streamed) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// lengthFor200 drops the Content-Length set ahead of http.ServeContent from any answer but 200.
type lengthFor200 struct{ http.ResponseWriter }

func (w lengthFor200) WriteHeader(status int) {
	if status != http.StatusOK {
		w.Header().Del("Content-Length")
	}
	w.ResponseWriter.WriteHeader(status)
}

// ReadFrom keeps the body's path through the writer beneath (net/http's, nativeWriter).
func (w lengthFor200) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := w.ResponseWriter.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(struct{ io.Writer }{w.ResponseWriter}, r)
}

func (w lengthFor200) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// largeAssetWrite is the write deadline of a response larger than largeAsset, from its start.
const largeAssetWrite = 10 * time.Minute

// cacheValues are the Cache-Control values the server uses, as header values made once.
var cacheValues = map[string][]string{cacheImmutable: {cacheImmutable}, cacheRevalidate: {cacheRevalidate}}

// varyEncoding is the Vary value of an asset with compressed representations, made once.
var varyEncoding = []string{"Accept-Encoding"}

// acceptRanges is the Accept-Ranges value http.ServeContent sends, shared by every response.
var acceptRanges = []string{"bytes"}

// conditionalHeaders are the request header fields that make a GET or HEAD other than plain: its
// answer may be other than the whole representation with 200.
var conditionalHeaders = [...]string{"Range", "If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range"}

// plainGet reports whether r is a GET or HEAD with no precondition and no range: its answer is the
// whole representation with 200, and http.ServeContent has nothing to decide.
func plainGet(r *http.Request) bool {
	for _, k := range conditionalHeaders {
		if _, ok := r.Header[k]; ok {
			return false
		}
	}
	return true
}
