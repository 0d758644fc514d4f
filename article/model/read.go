package model

import "io"

// ReadInput reads r to its end, or to MaxInputBytes+1 bytes, whichever comes first: one byte past
// the limit, so that the caller can tell an input over it. size is what the caller knows of the
// input's length (a file's stat, a reader's Len), or a negative number when it knows nothing. With
// a size, the bytes go into a buffer of size+1 bytes: an input of that size is read whole by one
// read and its end seen by the next, where io.ReadAll reads a 2 KB file in six reads into growing
// chunks and copies them; an input that grew since is read on, the buffer growing.
//
// Trust boundary: r is the caller's input, and size only a hint; neither can make ReadInput hold
// more than MaxInputBytes+1 bytes.
func ReadInput(r io.Reader, size int64) ([]byte, error) {
	const limit = MaxInputBytes + 1
	lr := io.LimitedReader{R: r, N: limit}
	if size < 0 {
		return io.ReadAll(&lr)
	}
	return ReadSized(&lr, min(size, limit-1))
}

// ReadSized reads r to its end into a buffer made for size bytes (what the caller knows of r's
// length, such as a file's stat), and grows it only if r holds more: io.ReadAll grows from 512 bytes
// by doubling, and copies as it grows. The buffer has one byte more than size, so that an input of
// that size is read whole by one read and its end seen by the next.
//
// Trust boundary: ReadSized reads all of r; a caller that reads input it does not trust bounds r
// (ReadInput, io.LimitReader) and size.
func ReadSized(r io.Reader, size int64) ([]byte, error) {
	b := make([]byte, 0, max(size, 0)+1)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
