//go:build !js

package article

import (
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// decodePage returns an HTML page that is not valid UTF-8 as UTF-8, decoded from the encoding
// it declares (a byte order mark, or <meta charset> in its first 1,024 bytes), or from
// windows-1252 when it declares none, as browsers do.
//
// The browser build has its own decodePage (decode_js.go) without the legacy encodings.
func decodePage(data []byte) string {
	enc, _, _ := charset.DetermineEncoding(data, "text/html")
	if s, err := enc.NewDecoder().Bytes(data); err == nil && utf8.Valid(s) {
		return string(s)
	}
	return repairUTF8(data)
}
