package model

import (
	"net/url"
	"strings"
)

// fragmentWords is how many words the text directive names at each end of a longer passage: enough
// to be unlikely to match elsewhere on the page, few enough to survive the publisher editing the
// middle of it.
const fragmentWords = 4

// TextFragment returns the text directive (":~:text=…", to follow a "#") that makes a browser scroll
// a page to passage and highlight it, as the URL Fragment Text Directives specification defines: the
// whole passage when it has at most 2×fragmentWords words, or else its first and last fragmentWords
// words as a textStart,textEnd range, which also matches across paragraphs and inline markup.
// Every character outside ALPHA, DIGIT, ".", "_" and "~" is percent-encoded (UTF-8), so the
// directive's own syntax characters ("-", ",", "&") in the passage cannot end a part early. It
// returns "" for a passage with no word.
//
// Trust boundary: passage is article text, untrusted; the result holds only unreserved characters,
// percent escapes and the directive's own syntax.
func TextFragment(passage string) string {
	words := strings.Fields(passage)
	if len(words) == 0 {
		return ""
	}
	if len(words) <= 2*fragmentWords {
		return ":~:text=" + directiveEscape(strings.Join(words, " "))
	}
	start := strings.Join(words[:fragmentWords], " ")
	end := strings.Join(words[len(words)-fragmentWords:], " ")
	return ":~:text=" + directiveEscape(start) + "," + directiveEscape(end)
}

// SourceLink returns the address of source with the text directive of passage as its fragment (any
// fragment source had is replaced): the link that opens the publisher's page at the passage. It
// returns "" when source is not an absolute http or https address or passage has no word.
//
// Trust boundary: both arguments are untrusted; the result still goes through the attribute policy
// (package safe) before it reaches a page.
func SourceLink(source, passage string) string {
	u, err := url.Parse(strings.TrimSpace(source))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	frag := TextFragment(passage)
	if frag == "" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String() + "#" + frag
}

// directiveEscape percent-encodes s for a text directive.
func directiveEscape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
