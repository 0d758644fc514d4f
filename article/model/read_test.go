package model

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
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

// TestReadSized checks that a file is read whole whatever its stat said: the size is only
// where the buffer starts, and a limit still cuts the read one byte past it.
func TestReadSized(t *testing.T) {
	t.Parallel()
	body := strings.Repeat("0123456789", 1000)
	for _, c := range []struct {
		name  string
		size  int64
		limit int64
		want  int
	}{
		{"the stat's size", int64(len(body)), 1 << 20, len(body)},
		{"the file grew after its stat", 10, 1 << 20, len(body)},
		{"the file shrank after its stat", 1 << 16, 1 << 20, len(body)},
		{"no size", 0, 1 << 20, len(body)},
		{"over the limit", int64(len(body)), 100, 101},
	} {
		got, err := ReadSized(io.LimitReader(iotest.OneByteReader(strings.NewReader(body)), c.limit+1), c.size)
		if err != nil || string(got) != body[:c.want] {
			t.Errorf("%s: read %d bytes (%v), want the first %d", c.name, len(got), err, c.want)
		}
	}
}
