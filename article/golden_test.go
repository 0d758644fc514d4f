package article

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"verbatim/article/model"

	"verbatim/internal/shared"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden parses the sample article and compares the Article with
// testdata/zakaria-peskov.golden.json. Run `go test ./article -run Golden -update` to rewrite it,
// then review the change as a diff.
func TestGolden(t *testing.T) {
	src := shared.Require(t, "samples/zakaria-peskov.txt")
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := Parse(f, Options{Format: model.FormatText})
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "zakaria-peskov.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./article -run Golden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the Article of the sample differs from %s; if the change is right, rerun with -update and review the diff.\ngot:\n%s", golden, got)
	}
}
