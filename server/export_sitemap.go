package server

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"time"
)

// sitemapMaxURLs is the most URLs one sitemap file may list (sitemaps.org): a larger site gets a
// sitemap index.
const sitemapMaxURLs = 50000

// sitemapURL is one URL of the sitemap: its absolute address and, when known, when it last changed
// (W3C Datetime; RFC 3339 is one).
type sitemapURL struct {
	loc, lastmod string
}

// sitemapFile is one file of the sitemap, by its path in the export.
type sitemapFile struct {
	path string
	body []byte
}

// sitemapFiles returns the sitemap of urls, at most perFile URLs a file, as the protocol requires:
// sitemap.xml alone when they fit in one file, else sitemap.xml as a sitemap index of sitemap-1.xml,
// sitemap-2.xml…, each entry with the absolute address (base is the site's) and the newest lastmod
// of its part. Addresses and dates are XML-escaped.
func sitemapFiles(base string, urls []sitemapURL, perFile int) []sitemapFile {
	if len(urls) <= perFile {
		return []sitemapFile{{"sitemap.xml", urlSet(urls)}}
	}
	var index bytes.Buffer
	index.WriteString(xml.Header + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	var out []sitemapFile
	for lo := 0; lo < len(urls); lo += perFile {
		part := urls[lo:min(lo+perFile, len(urls))]
		name := "sitemap-" + strconv.Itoa(len(out)+1) + ".xml"
		out = append(out, sitemapFile{name, urlSet(part)})
		index.WriteString("<sitemap><loc>")
		xml.EscapeText(&index, []byte(base+"/"+name))
		index.WriteString("</loc>")
		writeLastmod(&index, newest(part))
		index.WriteString("</sitemap>\n")
	}
	index.WriteString("</sitemapindex>\n")
	return append([]sitemapFile{{"sitemap.xml", index.Bytes()}}, out...)
}

// urlSet returns a <urlset> file of urls.
func urlSet(urls []sitemapURL) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(u.loc))
		b.WriteString("</loc>")
		writeLastmod(&b, u.lastmod)
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func writeLastmod(b *bytes.Buffer, lastmod string) {
	if lastmod == "" {
		return
	}
	b.WriteString("<lastmod>")
	xml.EscapeText(b, []byte(lastmod))
	b.WriteString("</lastmod>")
}

// newest returns the latest lastmod of urls, or "" when none is known.
func newest(urls []sitemapURL) string {
	var best time.Time
	out := ""
	for _, u := range urls {
		if t, err := time.Parse(time.RFC3339, u.lastmod); err == nil && t.After(best) {
			best, out = t, u.lastmod
		}
	}
	return out
}

// sitemapLastmod returns an article's published date as a lastmod when it is a valid RFC 3339 date,
// else "".
func sitemapLastmod(published string) string {
	if _, err := time.Parse(time.RFC3339, published); err != nil {
		return ""
	}
	return published
}
