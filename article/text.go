package article

import (
	"unicode"
	"unicode/utf8"
	"verbatim/article/model"
)

// layout gives every block and item its Start when blocks are laid out back to back with "\n\n"
// between them, the text space of every format but plain text.
func layout(blocks []model.Block) {
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
// skipRunes takes eight bytes at a time while they are all ASCII. A string has no more code points
// than bytes, so skipping len(s) of them counts them all.
func runeCount(s string) int {
	_, n := skipRunes(s, 0, len(s))
	return n
}

// validRuneCount returns the number of code points of s, which is valid UTF-8: its bytes less the
// ones that continue a code point (10xxxxxx), found sixteen at a time from one slicing of s (see
// skipRunes). Of invalid UTF-8 it may say fewer than runeCount, which counts every invalid byte as
// one code point.
func validRuneCount(s string) int {
	n, i := len(s), 0
	for ; i+16 <= len(s); i += 16 {
		w := s[i : i+16]
		if x, y := load64(w[:8]), load64(w[8:]); (x|y)&highBits != 0 {
			n -= continuationBytes8(x) + continuationBytes8(y)
		}
	}
	if i+8 <= len(s) {
		n -= continuationBytes8(load64(s[i : i+8]))
		i += 8
	}
	for ; i < len(s); i++ {
		if s[i]&0xc0 == 0x80 {
			n--
		}
	}
	return n
}

// continuationBytes8 returns how many of the eight bytes of x continue a code point: bit 7 set
// and bit 6 (shifted to 7) clear, each such byte made 1 and the eight summed by a multiplication.
func continuationBytes8(x uint64) int {
	c := (x &^ (x << 1) & highBits) >> 7 // 1 in each byte that continues a code point
	return int((c * ones8) >> 56)
}

// skipRunes returns the byte offset n code points after byte b of s (an invalid byte counts as
// one), or len(s) when s has fewer, and how many it passed: n, or the fewer it had. It passes
// ASCII sixteen bytes at a time, then eight, in a loop that tests the bytes alone: the text is
// counted so several times a parse (its lines' offsets, the quote marker's block ends, the runs'
// cuts), and one loop that also kept the count of code points and tested n at every eight bytes
// took twice the instructions. The loop slices s once for its two loads: each slicing of a string
// costs a bounds check and the arithmetic of the new pointer.
func skipRunes(s string, b, n int) (int, int) {
	k := 0
	for k < n && b < len(s) {
		if m := min(n-k, len(s)-b); m >= 8 {
			b0, last := b, b+m-8 // last: where the last eight bytes that n and s leave room for start
			for b+8 <= last {
				w := s[b : b+16] // sliced once for both loads
				if (load64(w[:8])|load64(w[8:]))&highBits != 0 {
					break
				}
				b += 16
			}
			if b <= last && load64(s[b:b+8])&highBits == 0 {
				b += 8
			}
			if k += b - b0; k >= n || b >= len(s) {
				break
			}
		}
		if s[b] < utf8.RuneSelf {
			b++
		} else {
			_, size := utf8.DecodeRuneInString(s[b:])
			b += size
		}
		k++
	}
	return b, k
}

// ascii8 reports whether s has eight bytes from i on and all of them are ASCII.
func ascii8(s string, i int) bool {
	return i+8 <= len(s) && load64(s[i:i+8])&highBits == 0
}

// load64 returns the eight bytes of s (which has at least eight) as a little-endian number: one
// load, which the compiler makes of the shifts.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// decodeRunes writes the code points of s to dst, which has room for them, as []rune(s) would
// give them (an invalid byte is one U+FFFD), and returns how many it wrote, whether s is valid
// UTF-8 (as utf8.ValidString says), and how many words s has, as blockWords counts them: the
// article's word count is taken as its text is decoded for the quote engine, not in a pass of its
// own. Eight ASCII bytes are read with one load.
func decodeRunes(dst []rune, s string) (k int, valid bool, words int) {
	valid = true
	prev := uint64(1) // 1 when the character before is a space (or there is none)
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if x := load64(s[i : i+8]); x&highBits == 0 {
				// Eight ASCII bytes, taken from the one load.
				d := dst[k : k+8 : k+8]
				d[0], d[1], d[2], d[3] = rune(byte(x)), rune(byte(x>>8)), rune(byte(x>>16)), rune(byte(x>>24))
				d[4], d[5], d[6], d[7] = rune(byte(x>>32)), rune(byte(x>>40)), rune(byte(x>>48)), rune(byte(x>>56))
				var n int
				n, prev = wordStarts8(x, prev)
				words += n
				k += 8
				i += 8
				continue
			}
		}
		var cur uint64
		if c := s[i]; c < utf8.RuneSelf {
			dst[k] = rune(c)
			cur = uint64(asciiSpace[c])
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			valid = valid && (r != utf8.RuneError || size > 1)
			dst[k] = r
			if unicode.IsSpace(r) {
				cur = 1
			}
			i += size
		}
		words += int(prev &^ cur)
		prev = cur
		k++
	}
	return k, valid, words
}

// highBits has the high bit of each of eight bytes, as the functions that read eight bytes at once
// (load64) answer.
const highBits = 0x8080808080808080

// ones8 has the value 1 in each of eight bytes.
const ones8 = 0x0101010101010101

// zeroBytes8 returns the high bit of each byte of x that is zero. The sum of a byte's low seven
// bits and 0x7f stays in its byte, so no byte's answer depends on another's.
func zeroBytes8(x uint64) uint64 {
	const low = 0x7f * ones8
	return ^((x&low + low) | x) & highBits
}

// inRange8 returns the high bit of each byte of x from lo to hi (both below 0x80), for eight bytes
// of which those up to the first past ASCII are to be read: each bound's sum carries only into the
// bytes after such a byte.
func inRange8(x uint64, lo, hi byte) uint64 {
	return (x + (0x80-uint64(lo))*ones8) &^ (x + (0x80-uint64(hi)-1)*ones8) & highBits
}

// lowerASCII8 returns x with the bytes 'A' to 'Z' in lower case, for eight bytes of which those
// up to the first past ASCII are to be read (see inRange8).
func lowerASCII8(x uint64) uint64 {
	return x | inRange8(x, 'A', 'Z')>>2
}

// alnumBytes8 returns the high bit of each ASCII letter and digit among eight bytes, for eight
// bytes of which those up to the first that is none are to be read (see inRange8). The letters
// are one range with bit 5 set in every byte (0x20, the bit that tells 'a' from 'A'): it takes
// 'A' to 'Z' onto 'a' to 'z', and no other byte there, so two ranges are tested, not three (the
// tokenizer asks this of every word).
func alnumBytes8(x uint64) uint64 {
	return inRange8(x, '0', '9') | inRange8(x|0x20*ones8, 'a', 'z')
}
