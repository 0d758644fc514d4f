package article

import (
	"strings"
	"unicode/utf8"
)

// Text returns the article's text space, the string that every Block.Start and every quote and
// mention offset counts code points into. Each block's Text is placed at its Start, and
// everything between blocks is newlines.
//
// For HTML, fragment and Markdown input, blocks are laid out back to back in order with "\n\n"
// between them (a list's Text is its items joined by "\n"), so Text is the block texts joined by
// blank lines. For plain text, offsets are those of the input as given, so Text has the input's
// code points up to the end of the last block, with what is not body (blank lines, a tail that
// went to Extras) turned into newlines.
func (a *Article) Text() string {
	var sb strings.Builder
	pos := 0
	for _, b := range a.Blocks {
		if b.Start > pos {
			sb.WriteString(strings.Repeat("\n", b.Start-pos))
			pos = b.Start
		}
		if b.Start < pos { // blocks never overlap; an Article built by hand might
			continue
		}
		sb.WriteString(b.Text)
		pos += utf8.RuneCountInString(b.Text)
	}
	return sb.String()
}

// layout gives every block and item its Start when blocks are laid out back to back with "\n\n"
// between them, the text space of every format but plain text.
func layout(blocks []Block) {
	pos := 0
	for i := range blocks {
		b := &blocks[i]
		b.Start = pos
		ip := pos
		for j := range b.Items {
			b.Items[j].Start = ip
			ip += utf8.RuneCountInString(b.Items[j].Text) + 1
		}
		pos += utf8.RuneCountInString(b.Text) + 2
	}
}
