package article

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"

	"verbatim/article/model"
)

// readInput reads at most MaxInputBytes+1 bytes of untrusted input and refuses what cannot be an
// article: nothing, too much, or binary data. The bytes are returned as read, as a string; see
// repairText and decodePage. valid and ascii are checkText's: true when the input is known to be
// valid UTF-8, and ASCII without a NUL.
func readInput(r io.Reader) (data string, valid, ascii bool, err error) {
	if r == nil {
		return "", false, false, model.ErrEmpty
	}
	data, err = readString(r)
	if err != nil {
		return "", false, false, fmt.Errorf("reading the article: %w", err)
	}
	if len(data) > model.MaxInputBytes {
		return "", false, false, &model.TooLargeError{Size: inputSize(r, int64(len(data)))}
	}
	if len(strings.TrimFunc(data, isTextSpace)) == 0 {
		return "", false, false, model.ErrEmpty
	}
	if valid, ascii, err = checkText(data); err != nil {
		return "", false, false, err
	}
	return data, valid, ascii, nil
}

// readString reads r up to MaxInputBytes+1 bytes, as readAll does, into a string. A reader that
// knows its length, within MaxInputBytes, and writes itself (strings.Reader, bytes.Reader,
// bytes.Buffer: io.WriterTo) hands over what it holds: a strings.Reader its string, without a
// copy, and the others their bytes, copied once.
func readString(r io.Reader) (string, error) {
	if l, ok := r.(interface{ Len() int }); ok && l.Len() <= model.MaxInputBytes {
		if wt, ok := r.(io.WriterTo); ok {
			var sink stringSink
			if _, err := wt.WriteTo(&sink); err != nil {
				return "", err
			}
			return sink.String(), nil
		}
	}
	data, err := readAll(r)
	if err != nil {
		return "", err
	}
	return string(data), nil
}

// stringSink collects what an io.WriterTo writes, as strings: one written as a string is kept as
// it is, and bytes are copied (they may be the writer's own buffer).
type stringSink struct {
	parts []string
}

func (w *stringSink) WriteString(s string) (int, error) {
	w.parts = append(w.parts, s)
	return len(s), nil
}

func (w *stringSink) Write(p []byte) (int, error) {
	w.parts = append(w.parts, string(p))
	return len(p), nil
}

// String returns what was written.
func (w *stringSink) String() string {
	if len(w.parts) == 1 {
		return w.parts[0]
	}
	return strings.Join(w.parts, "")
}

// readAll reads r up to MaxInputBytes+1 bytes (model.ReadInput). A reader that knows its length
// (strings.Reader, bytes.Reader, bytes.Buffer) is read into a buffer of that size, not one grown by
// doubling.
func readAll(r io.Reader) ([]byte, error) {
	size := int64(-1)
	if l, ok := r.(interface{ Len() int }); ok {
		size = int64(l.Len())
	}
	return model.ReadInput(r, size)
}

// inputSize returns the whole size of an input of which read bytes have been read, or -1.
func inputSize(r io.Reader, read int64) int64 {
	switch v := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if st, err := v.Stat(); err == nil && st.Mode().IsRegular() {
			return st.Size()
		}
	case interface{ Len() int }: // bytes.Reader, strings.Reader, bytes.Buffer: what is left unread
		return read + int64(v.Len())
	}
	return -1
}

// magic names binary formats people may hand us by mistake, by their first bytes.
var magic = []struct {
	prefix, name string
}{
	{"%PDF-", "a PDF document"},
	{"\x89PNG", "a PNG image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"PK\x03\x04", "a ZIP archive (or a Word or OpenDocument file)"},
	{"\x1F\x8B", "a gzip archive"},
	{"\x7FELF", "a program"},
	{"\xD0\xCF\x11\xE0", "an old Word or Excel document"},
}

// maxStrayNULs is how many NUL bytes a text may hold: a few are a damaged page, which browsers
// read with each NUL as U+FFFD (see replaceNULs); more are binary data.
const maxStrayNULs = 8

// checkText refuses input that is not text: known binary formats, UTF-16, more than maxStrayNULs
// NUL bytes, or mostly control characters and invalid UTF-8 (a NUL counting as a control). It
// reports too whether data is valid UTF-8, when it read all of it (its sample is the first 64 KB)
// and found no invalid sequence, so that parse need not read the input once more to know it
// (utf8.ValidString, in repairText): false says that it does not know. It reports too whether data
// is ASCII without a NUL, when it read all of it, so that plain text's code points need not be
// counted (see splitParas): each byte is one, and replaceNULs leaves the text as it is.
func checkText(data string) (valid, ascii bool, err error) {
	for _, m := range magic {
		if strings.HasPrefix(data, m.prefix) {
			return false, false, fmt.Errorf("%w: it looks like %s; give the article as text, HTML or Markdown", model.ErrBinary, m.name)
		}
	}
	if strings.HasPrefix(data, "\xFF\xFE") || strings.HasPrefix(data, "\xFE\xFF") {
		return false, false, fmt.Errorf("%w: it is encoded as UTF-16; save it as UTF-8 and try again", model.ErrBinary)
	}
	nuls := strings.Count(data, "\x00")
	if nuls > maxStrayNULs {
		return false, false, fmt.Errorf("%w: it holds NUL bytes, so it looks like binary data; give the article as text, HTML or Markdown", model.ErrBinary)
	}
	sample := data
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	bad, total, invalid := 0, 0, false
	for i := 0; i < len(sample); {
		// Printable ASCII sixteen bytes at a time, then eight, in a loop that tests the bytes alone
		// (none of them is bad, each is one character): most of any text, read once a parse.
		i0 := i
		for i+16 <= len(sample) {
			w := sample[i : i+16]
			if plainBits8(load64(w[:8]))&plainBits8(load64(w[8:])) != highBits {
				break
			}
			i += 16
		}
		if i+8 <= len(sample) && plainASCII8(load64(sample[i:i+8])) {
			i += 8
		}
		if total += i - i0; i >= len(sample) {
			break
		}
		if c := sample[i]; c < utf8.RuneSelf { // ASCII, most of any text: a table, no decoding
			bad += int(asciiControl[c])
			total++
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(sample[i:])
		if r == utf8.RuneError && n == 1 {
			invalid = true
		}
		if (r == utf8.RuneError && n == 1 && len(sample)-i >= utf8.UTFMax) || (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f') || r == 0x7F {
			bad++
		}
		total++
		i += n
	}
	if total >= 16 && bad*10 > total*3 {
		return false, false, fmt.Errorf("%w: %d%% of it is control codes or invalid UTF-8, so it looks like binary data; give the article as text, HTML or Markdown", model.ErrBinary, bad*100/total)
	}
	// total counts the code points, an invalid byte one: as many as the bytes of a valid text when
	// each is ASCII.
	valid = !invalid && len(sample) == len(data)
	return valid, valid && total == len(data) && nuls == 0, nil
}

// plainASCII8 reports whether the eight bytes of x (see load64) are all printable ASCII, from
// 0x20 to 0x7E: none is a control character, DEL or part of a multi-byte sequence.
func plainASCII8(x uint64) bool { return plainBits8(x) == highBits }

// plainBits8 returns highBits when the eight bytes of x are all printable ASCII, and something
// else when they are not. A byte b below 0x80 is from 0x20 on when b+0x60 has its high bit, and up
// to 0x7E when b+1 has not; neither sum carries into the next byte. Only a byte of 0x80 or more,
// whose own high bit is then missing from the answer, carries. Two sums and three logical
// operations: the test of three conditions it replaced took twice the instructions.
func plainBits8(x uint64) uint64 {
	return (x + 0x60*ones8) &^ (x + ones8 | x) & highBits
}

// asciiControl holds 1 for the ASCII control characters that text does not hold: all but tab, line
// feed, carriage return and form feed.
var asciiControl = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F {
			t[c] = 1
		}
	}
	return t
}()

// replaceNULs replaces each NUL byte of s with U+FFFD, as the HTML specification and browsers do
// with the stray NULs checkText lets through. One byte becomes one code point, so offsets into
// the text stay offsets into the input, as with repairUTF8.
func replaceNULs(s string) string {
	if strings.IndexByte(s, 0) < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\x00", "\uFFFD")
}

// repairText is repairUTF8 of a string: s itself when it is valid UTF-8.
func repairText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return repairUTF8([]byte(s))
}

// repairUTF8 returns data as a string of valid UTF-8, with each byte that is not part of a valid
// sequence replaced by U+FFFD. One bad byte becomes one code point, so code-point offsets into the
// result are offsets into the input as given, counting each bad byte as one code point. Nothing
// else is changed: line endings (CRLF) and a byte order mark are kept, so offsets stay stable.
func repairUTF8(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	var b bytes.Buffer
	b.Grow(len(data) + 16)
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.Write(data[:n])
		}
		data = data[n:]
	}
	return b.String()
}
