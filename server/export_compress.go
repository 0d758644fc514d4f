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

// exportAsset is the asset of body as the export writes it: buildAsset's, with brotli at brotliFast
// and gzip at exportGzipLevel.
func exportAsset(contentType string, body []byte) *asset {
	return buildAssetGzip(contentType, body, nil, brotliFast, compressGzipExport)
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
