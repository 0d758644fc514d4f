package server

import "net/http"

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

// coldPageBody returns the asset of a page rendered for request r: the HTML with only the encoding r
// takes (preferredCoding, brotli at brotliFast), so that a cold page costs one compression rather
// than two. The page is kept with the coding it was made for; a later request that would take
// another gets the complete asset (fullPage).
func coldPageBody(r *http.Request, contentType string, body []byte) (a *asset, coding string) {
	coding = preferredCoding(r)
	a = plainAsset(contentType, body)
	a.compressed = true
	var enc []byte
	switch coding {
	case "br":
		enc = compressBrotli(body, brotliFast)
	case "gzip":
		enc = compressGzip(body)
	default:
		return a, coding
	}
	if len(enc) < len(body) {
		a.variants = append(a.variants, newEncoding(coding, enc))
	}
	return a, coding
}

// fullPage returns pg when it serves r as a page with every encoding would, or else a copy of pg
// with every encoding, and whether it made one (then the caller keeps it in the cache in pg's
// place).
func fullPage(pg *renderedPage, r *http.Request) (*renderedPage, bool) {
	if pg.partial == nil || preferredCoding(r) == *pg.partial {
		return pg, false
	}
	full := *pg
	full.partial = nil
	full.body = newAssetWith(pg.body.contentType, pg.body.variants[0].body, nil, brotliFast)
	return &full, true
}
