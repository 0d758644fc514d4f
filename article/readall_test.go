package article

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadAll checks that readAll reads what io.ReadAll reads, at most MaxInputBytes+1 bytes,
// whether the reader knows its length or not.
func TestReadAll(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, 511, 4096, MaxInputBytes, MaxInputBytes + 1, MaxInputBytes + 7} {
		src := strings.Repeat("x", n)
		want := src[:min(n, MaxInputBytes+1)]
		for name, r := range map[string]io.Reader{
			"strings.Reader": strings.NewReader(src),
			"bytes.Buffer":   bytes.NewBufferString(src),
			"no length":      iotest.HalfReader(strings.NewReader(src)),
		} {
			got, err := readAll(r)
			if err != nil {
				t.Fatalf("%d bytes, %s: %v", n, name, err)
			}
			if string(got) != want {
				t.Errorf("%d bytes, %s: read %d bytes, want %d", n, name, len(got), len(want))
			}
		}
	}
}
