package article

import (
	"regexp"
	"strings"
	"verbatim/article/model"
)

// detectWindow is how much of the input format detection looks at.
const detectWindow = 64 << 10

var (
	rxPageStart = regexp.MustCompile(`(?i)^(?:\s|<!--[\s\S]*?-->)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<\?xml[^>]*>\s*(?:<!doctype\s+html|<html))`)
	rxPageTags  = regexp.MustCompile(`(?i)<(?:head|body)[\s>]`)
	rxHTMLTag   = regexp.MustCompile(`(?i)</?(?:p|div|span|a|b|i|em|strong|u|s|ul|ol|li|h[1-6]|blockquote|img|br|hr|table|tr|td|figure|figcaption|pre|code|article|section|main|header|footer|aside|nav|script|style|iframe|svg|math|object|embed|form|input|button|video|audio|picture|source|q|cite|sub|sup|small|mark|dl|dt|dd|details|summary|noscript|template|meta|link|base|title)(?:\s[^<>]*)?/?>`)
	rxStartsTag = regexp.MustCompile(`^\s*<[a-zA-Z!]`)

	rxMdStrong = regexp.MustCompile(`(?m)^#{1,6}[ \t]+\S|^(?:` + "```" + `|~~~)|!?\[[^\]\n]+\]\([^)\s]+(?:\s+"[^"\n]*")?\)|^\[[^\]\n]+\]:\s+\S`)
	rxMdInline = regexp.MustCompile(`\*\*[^*\n]+\*\*|__[^_\n]+__|` + "`[^`\n]+`")
	rxMdLines  = regexp.MustCompile(`(?m)^[ \t]{0,3}[-*+][ \t]+\S|^[ \t]{0,3}\d{1,3}[.)][ \t]+\S|^>[ \t]?\S|^[ \t]{0,3}(?:-{3,}|\*{3,}|={3,})[ \t]*$`)
)

// detectFormat tells the input formats apart for FormatAuto: a full HTML page (a doctype, an
// <html> or a <head>/<body> near the start), Markdown with a heading, fence or link (which may
// hold raw HTML, as Markdown allows) when it does not open with a tag, an HTML fragment (text that
// opens with a tag, or holds several HTML tags), other Markdown (two inline marks such as
// **strong** and `code`, or one with list or quote lines; list lines alone are common in plain
// text), and otherwise plain text.
func detectFormat(src string) model.Format {
	head := src
	if len(head) > detectWindow {
		head = head[:detectWindow]
		for len(head) > 0 && head[len(head)-1]&0xC0 == 0x80 { // don't cut a code point in two
			head = head[:len(head)-1]
		}
	}
	head = strings.TrimPrefix(head, "\uFEFF")
	if rxPageStart.MatchString(head) || rxPageTags.MatchString(head) && rxHTMLTag.MatchString(head) {
		return model.FormatHTML
	}
	startsTag := rxStartsTag.MatchString(head)
	if !startsTag && rxMdStrong.MatchString(head) {
		return model.FormatMarkdown // Markdown may hold raw HTML; HTML never has Markdown's headings, fences or links
	}
	if tags := len(rxHTMLTag.FindAllStringIndex(head, 3)); tags >= 3 || tags >= 1 && startsTag {
		return model.FormatFragment
	}
	if inline := len(rxMdInline.FindAllStringIndex(head, 2)); inline >= 2 || inline == 1 && len(rxMdLines.FindAllStringIndex(head, 2)) >= 2 {
		return model.FormatMarkdown
	}
	return model.FormatText
}
