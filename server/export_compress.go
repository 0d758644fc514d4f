package server

import (
	"bytes"
	"sync"

	"github.com/klauspost/compress/gzip"
)

// exportGzipLevel is the gzip level of the export's compressed files (klauspost/compress's gzip, not
// compress/gzip's at BestCompression as the server's assets): on the article page and the embed
// page, which every article has, it takes 0.5 to 0.6 of gzip 9's time for 3.0 to 3.4% more bytes
// (BenchmarkExportCompression; BENCHMARKS.md), about 1.3 ms an article.
const exportGzipLevel = 6

// exportVariants returns body and its compressed forms as the export writes them: those of
// buildAsset's asset (identity, then brotli at brotliFast and gzip at exportGzipLevel, each kept when
// it is smaller: smallerForms; none for a body too small or of a type not compressed), without the
// asset's ETags, which the export does not send: hashing every body and encoding for them was half of
// the SHA-256 the export did (its manifest hashes each file once).
func exportVariants(contentType string, body []byte) []encodedForm {
	out := []encodedForm{{"", body}}
	if !compressible(contentType, body) {
		return out
	}
	return append(out, smallerForms(body, compressBrotli(body, brotliFast), compressGzipExport(body))...)
}

// exportGzipWriters keeps the export's gzip writers between bodies.
var exportGzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, exportGzipLevel)
	return w
}}

// compressGzipExport compresses body with klauspost/compress's gzip at exportGzipLevel.
func compressGzipExport(body []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(body)/3 + 64)
	w := exportGzipWriters.Get().(*gzip.Writer)
	w.Reset(&b)
	w.Write(body)
	w.Close()
	w.Reset(nil)
	exportGzipWriters.Put(w)
	return b.Bytes()
}
