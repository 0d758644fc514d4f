package safe

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Encoded is text for a data-* attribute that a script reads back exactly, such as the citation a
// reader copies: the characters an attribute must not hold are percent-encoded, and the script
// decodes the value with decodeURIComponent. Text would replace them by look-alikes instead, which
// is right for what a person reads (alt, aria-label) and wrong for what is copied.
type Encoded struct{ s string }

// String returns the encoded text as it is written in the attribute.
func (e Encoded) String() string { return e.s }

// encodedBytes are the printable characters Encode percent-encodes: "%" itself, so that every "%"
// of the result starts an escape, and those that could end an attribute or be read as markup or a
// character reference.
const encodedBytes = "%\"\\<>&`"

// Encode returns s with "%", `"`, `\`, `<`, `>`, `&`, the backtick and every rune strconv.Quote
// would escape (control and format characters, white space other than the space) percent-encoded
// as the bytes of their UTF-8 form; an invalid byte becomes U+FFFD first. decodeURIComponent (and
// url.PathUnescape) give s back.
//
// Trust boundary: s is untrusted; the result holds none of the characters above unencoded.
func Encode(s string) Encoded {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			b.WriteRune(r)
		case r < utf8.RuneSelf && strings.IndexByte(encodedBytes, byte(r)) >= 0, !strconv.IsPrint(r):
			var buf [utf8.UTFMax]byte
			for _, c := range buf[:utf8.EncodeRune(buf[:], r)] {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		default:
			b.WriteRune(r)
		}
	}
	return Encoded{b.String()}
}
