package deploydoc

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestSyncScript runs the documented sync script on two manifests, with aws replaced by a function
// that logs its arguments: it uploads the new and changed files (a path with a space too), deletes
// the files only the old manifest has, and keeps the new manifest as the last one.
func TestSyncScript(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "deploy.md"))
	if err != nil {
		t.Fatal(err)
	}
	script, err := SyncScript(doc)
	if err != nil {
		t.Fatal(err)
	}
	const a, b = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	head := "verbatim-export-manifest 1\nbuild x\nversion 1\n"
	old := head + "article gone s\nfile " + a + " 1 article/gone.html\narticle same s\nfile " + a + " 1 article/same.html\n" +
		"article edited s\nfile " + a + " 1 article/edited.html\nsite\nfile " + a + " 1 index.html\n"
	cur := head + "article edited s2\nfile " + b + " 1 article/edited.html\narticle new s\nfile " + a + " 1 article/new.html\n" +
		"article same s\nfile " + a + " 1 article/same.html\nsite\nfile " + a + " 1 index.html\nfile " + b + " 2 web/a b.txt\n"
	top := t.TempDir()
	site := filepath.Join(top, "srv", "verbatim", "site")
	for name, body := range map[string]string{
		filepath.Join(site, ".verbatim", "manifest"):           cur,
		filepath.Join(top, "srv", "verbatim", "last.manifest"): old,
	} {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	prelude := `set -euo pipefail
aws() { printf '%s\n' "$*" >> "$LOG"; }
type_of() { echo text/plain; }
cache_of() { echo no-cache; }
encoding_of() { :; }
`
	script = strings.ReplaceAll(script, "/srv/verbatim/site", site)
	cmd := exec.Command("bash", "-c", prelude+script)
	log := filepath.Join(top, "aws.log")
	cmd.Env = append(os.Environ(), "LOG="+log)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the sync script failed: %v\n%s", err, out)
	}
	calls, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSpace(string(calls)), "\n")
	slices.Sort(got)
	want := []string{
		"s3 cp article/edited.html s3://verbatim-site/article/edited.html --no-guess-mime-type --content-type text/plain --cache-control no-cache",
		"s3 cp article/new.html s3://verbatim-site/article/new.html --no-guess-mime-type --content-type text/plain --cache-control no-cache",
		"s3 cp web/a b.txt s3://verbatim-site/web/a b.txt --no-guess-mime-type --content-type text/plain --cache-control no-cache",
		"s3 rm s3://verbatim-site/article/gone.html",
	}
	if !slices.Equal(got, want) {
		t.Errorf("the script ran:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	last, _ := os.ReadFile(filepath.Join(top, "srv", "verbatim", "last.manifest"))
	if string(last) != cur {
		t.Errorf("the last manifest is not the new one")
	}
}

func TestSyncScriptRefusesOtherDocuments(t *testing.T) {
	t.Parallel()
	for doc, want := range map[string]string{
		"```sh\nmake build\n```\n":                                        "0 sync scripts",
		"```sh\ncp last.manifest x\n```\n```sh\ncat last.manifest\n```\n": "2 sync scripts",
	} {
		if _, err := SyncScript([]byte(doc)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want one that says %q", err, want)
		}
	}
}
