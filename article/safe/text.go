package safe

import (
	"strconv"
	"strings"
	"unicode"
)

// Text is text made safe for an attribute that holds prose: alt, title, aria-label.
type Text struct{ s string }

// String returns the text as it is written in the attribute.
func (t Text) String() string { return t.s }

// textReplacer turns the characters that could end an attribute or be read as markup or an entity
// into look-alikes.
var textReplacer = strings.NewReplacer(`"`, `'`, `<`, `‹`, `>`, `›`, `&`, `＆`, `\`, `∖`, "`", `'`)

// TextFrom returns s as attribute text: `"` and the backtick become `'`, `<` and `>` become ‹ and
// ›, `&` becomes ＆ and the backslash ∖; white space and control characters become spaces, other
// characters strconv.Quote would escape (format characters such as U+200B) are dropped, and the
// text is trimmed.
//
// Trust boundary: s is untrusted; the result holds none of the characters above.
func TextFrom(s string) Text {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r):
			return ' '
		case !strconv.IsPrint(r):
			return -1
		}
		return r
	}, s)
	return Text{strings.TrimSpace(textReplacer.Replace(s))}
}
