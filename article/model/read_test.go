package model

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// readCounter counts the reads of its reader.
type readCounter struct {
	r     io.Reader
	reads int
}

func (c *readCounter) Read(b []byte) (int, error) {
	c.reads++
	return c.r.Read(b)
}

// TestReadInput reads whole files whatever the size fstat gave, stops one byte past
// MaxInputBytes, and reads a file whose size it was told in two reads (the bytes, then the
// end), where io.ReadAll took six for 2 KB.
func TestReadInput(t *testing.T) {
	t.Parallel()
	small := bytes.Repeat([]byte("quote "), 350) // 2,100 bytes
	big := bytes.Repeat([]byte("x"), MaxInputBytes+10)
	for _, tc := range []struct {
		name     string
		body     []byte
		hint     int64
		want     int // bytes read
		maxReads int // 0: not checked
	}{
		{"the size fstat gave", small, int64(len(small)), len(small), 2},
		{"an empty file", nil, 0, 0, 1},
		{"a file that grew after its fstat", small, 100, len(small), 0},
		{"a file that shrank after its fstat", small, 10_000, len(small), 2},
		{"a negative size", small, -1, len(small), 0},
		{"a file over the parser's limit", big, int64(len(big)), MaxInputBytes + 1, 0},
		{"a file over the limit that fstat called small", big, 10, MaxInputBytes + 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := &readCounter{r: bytes.NewReader(tc.body)}
			got, err := ReadInput(r, tc.hint)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tc.want || !bytes.Equal(got, tc.body[:tc.want]) {
				t.Errorf("read %d bytes, want the first %d of the file", len(got), tc.want)
			}
			if tc.maxReads > 0 && r.reads > tc.maxReads {
				t.Errorf("%d reads, want at most %d", r.reads, tc.maxReads)
			}
		})
	}
	t.Run("a read error", func(t *testing.T) {
		t.Parallel()
		bad := errors.New("disk on fire")
		if _, err := ReadInput(io.MultiReader(bytes.NewReader(small), errReader{bad}), int64(len(small))); !errors.Is(err, bad) {
			t.Errorf("error %v, want %v", err, bad)
		}
	})
}

// errReader fails every read with err.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
