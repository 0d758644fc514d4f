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
	"verbatim/internal/longtest"
)

// TestReadAll and TestReadString read small inputs; TestReadAllAtTheLimit and
// TestReadStringAtTheLimit read inputs of MaxInputBytes and just over, as long tests: at 10 MiB each
// they took most of the two tests' 60 s in the race pass, and neither readAll nor readString starts
// a goroutine for the race detector to watch. make test runs the long ones in its second pass.

// TestReadAll checks that readAll reads what io.ReadAll reads, whether the reader knows its length
// or not, on small inputs.
func TestReadAll(t *testing.T) {
	t.Parallel()
	checkReadAll(t, []int{0, 1, 511, 4096})
}

// TestReadAllAtTheLimit is TestReadAll on inputs of MaxInputBytes and over: it reads at most
// MaxInputBytes+1 bytes.
func TestReadAllAtTheLimit(t *testing.T) {
	longtest.Skip(t, "10 MiB reads")
	t.Parallel()
	checkReadAll(t, []int{model.MaxInputBytes, model.MaxInputBytes + 1, model.MaxInputBytes + 7})
}

// checkReadAll checks readAll on an input of each size, from readers that know their length and one
// that does not: it reads what io.ReadAll reads, at most MaxInputBytes+1 bytes.
func checkReadAll(t *testing.T, sizes []int) {
	t.Helper()
	for _, n := range sizes {
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
// gives the same article or the same error from each, on small inputs of every kind.
func TestReadString(t *testing.T) {
	t.Parallel()
	checkReadString(t, []int{0, 1, 4096}, []string{"", "  \n", "Headline\n\n“We will win,” Mr. Smith said.", "Bad \xff bytes\n\n“Quote \xfe,” she said.",
		"<html><head><meta charset=iso-8859-1></head><body><article><p>Caf\xe9 “au lait,” he said, and more words here to keep.</p></article></body></html>",
		"%PDF-1.4", "a\x00b"})
}

// TestReadStringAtTheLimit is TestReadString on inputs of MaxInputBytes and over.
func TestReadStringAtTheLimit(t *testing.T) {
	longtest.Skip(t, "10 MiB reads")
	t.Parallel()
	checkReadString(t, []int{model.MaxInputBytes, model.MaxInputBytes + 1}, []string{strings.Repeat("y", model.MaxInputBytes+1)})
}

// checkReadString checks readString on an input of each size from every kind of reader, then Parse
// on each of inputs in every format from every kind of reader: the same article or the same error.
func checkReadString(t *testing.T, sizes []int, inputs []string) {
	t.Helper()
	for _, n := range sizes {
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
