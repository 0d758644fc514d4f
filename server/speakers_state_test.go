package server

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestSpeakerStateReadsOnlyChangedDetails opens a library with a state directory, computes its
// speaker table (which reads every article's detail and leaves the speaker state), changes the
// content or the state, and opens it again: the new table reads the details of the changed articles
// only (all of them when the state is missing or damaged, with a warning for a damaged one), and is
// the table of the same content computed with no state at all.
func TestSpeakerStateReadsOnlyChangedDetails(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		change    func(t *testing.T, content, state string)
		wantReads int
		warn      bool
	}{
		{"no change", func(*testing.T, string, string) {}, 0, false},
		{"one article changed", func(t *testing.T, content, _ string) {
			b, err := os.ReadFile(filepath.Join(content, "sanctions.txt"))
			if err != nil {
				t.Fatal(err)
			}
			writeFiles(t, content, map[string]string{"sanctions.txt": string(b[:len(b)-1]) + `,"byline":"A. Writer"}`})
		}, 1, false},
		{"one article deleted", func(t *testing.T, content, _ string) {
			if err := os.Remove(filepath.Join(content, "envoy.txt")); err != nil {
				t.Fatal(err)
			}
		}, 0, false},
		{"one article added", func(t *testing.T, content, _ string) {
			b, err := os.ReadFile(filepath.Join(content, "talks.txt"))
			if err != nil {
				t.Fatal(err)
			}
			writeFiles(t, content, map[string]string{"talks-again.txt": string(b)})
		}, 1, false},
		{"no speaker state", func(t *testing.T, _, state string) {
			if err := os.Remove(filepath.Join(state, speakersName)); err != nil {
				t.Fatal(err)
			}
		}, 3, false},
		{"a damaged speaker state", rewriteState(func(b []byte) []byte { b[len(b)/2] ^= 0xff; return b }), 3, true},
		{"a truncated speaker state", rewriteState(func(b []byte) []byte { return b[:len(b)-7] }), 3, true},
		{"an empty speaker state", func(t *testing.T, _, state string) {
			writeFiles(t, state, map[string]string{speakersName: ""})
		}, 3, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			content, state := speakerLibrary(t), t.TempDir()
			lib, _ := openTestLibrary(t, content, state, jsonParse)
			first := lib.snap.Load()
			if first.speakerTableOf(); first.speakerReads != 3 {
				t.Fatalf("the first table read %d details, want 3", first.speakerReads)
			}
			lib.close()
			c.change(t, content, state)
			lib, logs := openTestLibrary(t, content, state, jsonParse)
			snap := lib.snap.Load()
			got := snap.speakerTableOf()
			warned := len(logs.Lines("not using the speaker state")) == 1
			if snap.speakerReads != c.wantReads || warned != c.warn {
				t.Errorf("the table read %d details, want %d (a warning: %t); logs:\n%s", snap.speakerReads, c.wantReads, c.warn, logs)
			}
			plain, _ := openTestLibrary(t, content, "", jsonParse)
			if want := plain.snap.Load().speakerTableOf(); !reflect.DeepEqual(got, want) {
				t.Errorf("the table from the speaker state:\n%+v\nwant the one with no state:\n%+v", got, want)
			}
			if len(got.People) == 0 {
				t.Error("the table has no people")
			}
		})
	}
}

// rewriteState returns a change that rewrites the speaker state in the state directory with what
// f makes of its bytes.
func rewriteState(f func([]byte) []byte) func(t *testing.T, content, state string) {
	return func(t *testing.T, _, state string) {
		b, err := os.ReadFile(filepath.Join(state, speakersName))
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, state, map[string]string{speakersName: string(f(b))})
	}
}
