package safe

import "strings"

// LangPattern is the language tags Lang admits as a regular expression ("en", "pt-BR",
// "zh-Hant-TW"), for the sanitizer's lang attributes. TestLangPatternAgreesWithLangFrom keeps the
// two the same rule.
const LangPattern = `^[a-zA-Z]{2,8}(?:-[a-zA-Z0-9]{1,8})*$`

// Lang is a language tag for a lang attribute.
type Lang struct{ s string }

// String returns the tag as it is written in the attribute.
func (l Lang) String() string { return l.s }

// LangFrom returns s as a language tag, or false when it does not have a tag's shape: two to eight
// ASCII letters, then subtags of one to eight ASCII letters or digits, each after a "-".
//
// Trust boundary: s is untrusted.
func LangFrom(s string) (Lang, bool) {
	n, first := 0, true // n counts the bytes of the subtag being read
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '-' {
			if n == 0 || n > 8 || first && n < 2 {
				return Lang{}, false
			}
			n, first = 0, false
			continue
		}
		c := s[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (first || c < '0' || c > '9') {
			return Lang{}, false
		}
		n++
	}
	return Lang{s}, true
}

// Dir is a text direction for a dir attribute: ltr, rtl or auto.
type Dir struct{ s string }

// String returns the direction as it is written in the attribute.
func (d Dir) String() string { return d.s }

// DirFrom returns s, in lower case, as a direction, or false when it is not ltr, rtl or auto.
//
// Trust boundary: s is untrusted.
func DirFrom(s string) (Dir, bool) {
	switch v := strings.ToLower(strings.TrimSpace(s)); v {
	case "ltr", "rtl", "auto":
		return Dir{v}, true
	}
	return Dir{}, false
}
