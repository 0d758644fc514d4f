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
			ip += runeCount(b.Items[j].Text) + 1
		}
		pos += runeCount(b.Text) + 2
	}
}

// runeCount is utf8.RuneCountInString (an invalid byte counts as one code point), faster on ASCII:
// it takes eight bytes at a time while they are all ASCII.
func runeCount(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) && (s[i]|s[i+1]|s[i+2]|s[i+3]|s[i+4]|s[i+5]|s[i+6]|s[i+7]) < utf8.RuneSelf {
			n += 8
			i += 8
			continue
		}
		if s[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
		n++
	}
	return n
}
