package article

import (
	"unicode/utf8"
)

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
