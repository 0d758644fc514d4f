package article

import (
	"strconv"
	"strings"
	"unicode/utf8"
	"verbatim/article/model"
)

// splitParagraphs splits a plain-text article into paragraphs on blank lines, the first one being
// the headline, with code-point offsets; it stands in for Parse in the quote engine's own tests.
func splitParagraphs(text string) []Paragraph {
	var paras []Paragraph
	off := 0 // code points
	for i, chunk := range strings.Split(text, "\n\n") {
		lead := len(chunk) - len(strings.TrimLeft(chunk, " \t\n\r"))
		body := strings.TrimSpace(chunk)
		if body != "" {
			paras = append(paras, Paragraph{
				Block:    model.BlockID("b" + strconv.Itoa(len(paras)+1)),
				Text:     body,
				Start:    off + utf8.RuneCountInString(chunk[:lead]),
				Headline: i == 0,
			})
		}
		off += utf8.RuneCountInString(chunk) + 2
	}
	return paras
}
