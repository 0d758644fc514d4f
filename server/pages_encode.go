package server

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
)

// preferredCoding returns the content coding the server sends a request when it has both: "br",
// else "gzip", else "" (identity), as asset.pick chooses, from the same parse (acceptedCodings).
func preferredCoding(r *http.Request) string {
	c := acceptedCodings(r.Header.Get("Accept-Encoding"))
	switch {
	case c.br:
		return "br"
	case c.gzip:
		return "gzip"
	}
	return ""
}

// The compression of a page made on a request's path (brotliCold, gzipCold) and of the same page
// once its upgrade has run (brotliFast, gzip's best). On a 53.6 KB article page brotli 1 took
// 0.7 ms for 15.6 KB where brotli 5 took 3.3–4 ms for 12.6 KB (andybalholm/brotli; go-brrr, the
// server's since, takes about 0.6 of that at 5), and was half of a cold page's time.
const (
	brotliCold = 1
	gzipCold   = gzip.BestSpeed
)

// pageAsset returns the asset of a page's HTML: body, and its encodings in codings ("br", "gzip",
// in that order; none: identity only), each kept when it is smaller than body, compressed at the
// cold levels when cold is set, else at the final ones.
func pageAsset(contentType string, body []byte, codings []string, cold bool) *asset {
	var br, gz []byte
	for _, c := range codings {
		switch {
		case c == "br" && cold:
			br = compressBrotli(body, brotliCold)
		case c == "br":
			br = compressBrotli(body, brotliFast)
		case c == "gzip" && cold:
			gz = compressGzipLevel(body, gzipCold)
		case c == "gzip":
			gz = compressGzip(body)
		}
	}
	// Weak ETags, of the HTML and the coding: the cold and the upgraded encodings are the same page,
	// so a browser that revalidates the cold one after the upgrade gets 304, not the page again
	// (pages are served no-cache, and revalidated on every visit). A weak ETag never satisfies
	// If-Range, so a range request cannot mix the bytes of the two. The HTML is hashed once: every
	// variant's strong ETag, which assembleAsset makes from the sums it is given, is replaced here,
	// so the encodings are given the HTML's sum too and are not hashed at all.
	sum := sha256.Sum256(body)
	a := assembleAsset(contentType, body, br, gz, &knownSums{body: &sum, br: &sum, gz: &sum})
	tag := hex.EncodeToString(sum[:12])
	for i := range a.variants {
		v := &a.variants[i]
		v.etag = `W/"` + tag + etagSuffix[v.name] + `"`
		v.etagValue = []string{v.etag}
	}
	return a
}

// allCodings are the codings of a page kept for every request (brotli first: asset.pick's order).
var allCodings = []string{"br", "gzip"}

// coldPageBody returns the asset of a page rendered for request r: the HTML with only the encoding r
// takes (preferredCoding), at the cold levels, so that a cold page costs one fast compression; its
// upgrade (pages.upgrade) compresses it again at the final level off the request's path. The page
// is kept with the coding it was made for; a later request that would take another gets the
// complete asset (fullPage).
func coldPageBody(r *http.Request, contentType string, body []byte) (a *asset, coding string) {
	coding = preferredCoding(r)
	if coding == "" {
		return pageAsset(contentType, body, nil, true), coding
	}
	return pageAsset(contentType, body, []string{coding}, true), coding
}

// fullPage returns pg when it serves r as a page with every encoding would, or else a copy of pg
// with every encoding, at the cold levels, and whether it made one (then the caller keeps it in
// the cache in pg's place, and offers its upgrade).
func fullPage(pg *renderedPage, r *http.Request) (*renderedPage, bool) {
	if pg.partial == nil || preferredCoding(r) == *pg.partial {
		return pg, false
	}
	full := *pg
	full.partial = nil
	full.cold = true
	full.body = pageAsset(pg.body.contentType, pg.body.variants[0].body, allCodings, true)
	return &full, true
}

// upgraded returns a copy of pg, a page made at the cold levels, with the same encodings at the
// final ones.
func upgraded(pg *renderedPage) *renderedPage {
	codings := allCodings
	if pg.partial != nil {
		codings = nil
		if *pg.partial != "" {
			codings = []string{*pg.partial}
		}
	}
	up := *pg
	up.cold = false
	up.body = pageAsset(pg.body.contentType, pg.body.variants[0].body, codings, false)
	return &up
}
