package longtest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// longpassModule writes a module of its own with two packages: a with the tests TestA1 to TestA5 and
// b with TestB1 and TestB2. Each test adds its name to the file $LONGPASS_RAN, one line each, and
// fails when its name is $LONGPASS_FAIL. It returns the module's folder.
func longpassModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{"go.mod": "module lp\n\ngo 1.26\n"}
	for pkg, n := range map[string]int{"a": 5, "b": 2} {
		var b strings.Builder
		fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\n", pkg)
		b.WriteString(`func ran(t *testing.T) {
	f, err := os.OpenFile(os.Getenv("LONGPASS_RAN"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(t.Name() + "\n")
	f.Close()
	if t.Name() == os.Getenv("LONGPASS_FAIL") {
		t.Fatal("failing on purpose")
	}
}
`)
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "\nfunc Test%s%d(t *testing.T) { ran(t) }\n", strings.ToUpper(pkg), i)
		}
		files[filepath.Join(pkg, pkg+"_test.go")] = b.String()
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestLongpassScript runs scripts/longpass.sh, make test's second pass, on a module of its own whose
// log names TestA1 to TestA4 of package a and TestB2 of package b (TestA5 and TestB1 were not
// skipped), with a split into processes and without: each named test runs exactly once and no other
// does, and a failing test in any process fails the pass.
func TestLongpassScript(t *testing.T) {
	t.Parallel()
	script, err := filepath.Abs(filepath.Join("..", "..", "scripts", "longpass.sh"))
	if err != nil {
		t.Fatal(err)
	}
	mod := longpassModule(t)
	var log strings.Builder
	for _, line := range [][2]string{{"a", "TestA1"}, {"a", "TestA2"}, {"a", "TestA3"}, {"a", "TestA4"}, {"b", "TestB2"}, {"a", "TestA2"}} {
		fmt.Fprintf(&log, "%s\t%s\n", filepath.Join(mod, line[0]), line[1]) // a test skipped twice is listed twice
	}
	logFile := filepath.Join(t.TempDir(), "long.txt")
	if err := os.WriteFile(logFile, []byte(log.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{"TestA1", "TestA2", "TestA3", "TestA4", "TestB2"}

	cases := []struct {
		split, shards string
		fail          string // the test that fails, if any
	}{
		{split: "8", shards: "2"},                 // one go test for both packages
		{split: "2", shards: "3"},                 // a in three processes, b whole
		{split: "0", shards: "2", fail: "TestA4"}, // every package split; the failure in a's second process
	}
	for _, tc := range cases {
		name := fmt.Sprintf("split %s shards %s fail %q", tc.split, tc.shards, tc.fail)
		ranFile := filepath.Join(t.TempDir(), "ran.txt")
		cmd := exec.Command("bash", script, logFile, "-count=1")
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "LONGPASS_SPLIT="+tc.split, "LONGPASS_SHARDS="+tc.shards,
			"LONGPASS_RAN="+ranFile, "LONGPASS_FAIL="+tc.fail, "GOWORK=off")
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		switch {
		case tc.fail == "" && err != nil:
			t.Errorf("%s: the pass failed: %v\n%s", name, err, out)
		case tc.fail != "" && !errors.As(err, &exit):
			t.Errorf("%s: the pass did not fail (%v)\n%s", name, err, out)
		case tc.fail != "" && !strings.Contains(string(out), "--- FAIL: "+tc.fail):
			t.Errorf("%s: the output does not show the failure\n%s", name, out)
		}
		b, err := os.ReadFile(ranFile)
		if err != nil {
			t.Errorf("%s: no test ran: %v\n%s", name, err, out)
			continue
		}
		ran := strings.Fields(string(b))
		slices.Sort(ran)
		if !slices.Equal(ran, want) {
			t.Errorf("%s: ran %v, want each of %v once\n%s", name, ran, want, out)
		}
	}
}
