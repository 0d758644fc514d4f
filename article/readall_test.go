package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"verbatim/article/model"
)

// TestReadAll checks that readAll reads what io.ReadAll reads, at most MaxInputBytes+1 bytes,
// whether the reader knows its length or not.
func TestReadAll(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, 511, 4096, model.MaxInputBytes, model.MaxInputBytes + 1, model.MaxInputBytes + 7} {
		src := strings.Repeat("x", n)
		want := src[:min(n, model.MaxInputBytes+1)]
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

// TestReadString checks that readString reads what readAll reads, whether the reader hands over
// its string (strings.Reader), its bytes (bytes.Reader, bytes.Buffer) or neither, and that Parse
// gives the same article or the same error from each.
func TestReadString(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, 4096, model.MaxInputBytes, model.MaxInputBytes + 1} {
		src := strings.Repeat("x", n)
		want := src[:min(n, model.MaxInputBytes+1)]
		for name, r := range map[string]io.Reader{
			"strings.Reader": strings.NewReader(src),
			"bytes.Reader":   bytes.NewReader([]byte(src)),
			"bytes.Buffer":   bytes.NewBufferString(src),
			"no length":      iotest.HalfReader(strings.NewReader(src)),
		} {
			got, err := readString(r)
			if err != nil {
				t.Fatalf("%d bytes, %s: %v", n, name, err)
			}
			if got != want {
				t.Errorf("%d bytes, %s: read %d bytes, want %d", n, name, len(got), len(want))
			}
		}
	}
	inputs := []string{"", "  \n", "Headline\n\n“We will win,” Mr. Smith said.", "Bad \xff bytes\n\n“Quote \xfe,” she said.",
		"<html><head><meta charset=iso-8859-1></head><body><article><p>Caf\xe9 “au lait,” he said, and more words here to keep.</p></article></body></html>",
		"%PDF-1.4", "a\x00b", strings.Repeat("y", model.MaxInputBytes+1)}
	for _, in := range inputs {
		for _, f := range []model.Format{model.FormatAuto, model.FormatText, model.FormatHTML} {
			var want string
			for i, r := range []io.Reader{strings.NewReader(in), bytes.NewReader([]byte(in)), bytes.NewBufferString(in), iotest.HalfReader(strings.NewReader(in))} {
				a, err := Parse(r, Options{Format: f})
				if i == 3 && errors.Is(err, model.ErrTooLarge) {
					continue // a reader that does not know its length cannot say how large it is
				}
				got := fmt.Sprint(err)
				if err == nil {
					b, _ := json.Marshal(a)
					got = string(b)
				}
				if i == 0 {
					want = got
				} else if got != want {
					t.Errorf("%.20q as %s, reader %d: %.200s, want %.200s", in, f, i, got, want)
				}
			}
		}
	}
}
