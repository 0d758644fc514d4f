package deploydoc

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestSyncScript runs the documented sync script on two exports' manifest folders (a top-level
// manifest with the site's files and a line per shard, and the shard files), with aws replaced by a
// function that logs its arguments: it uploads the new and changed files (a path with a space too)
// of the site and of the shards whose line changed, deletes the files only the old folder has
// (a shard gone with its article), leaves an unchanged shard unread, and keeps the new folder as
// the last one.
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
	head := "verbatim-export-manifest 2\nbuild x\nversion 1\n"
	shard := func(prefix, sum string) string { return "shard " + prefix + " " + sum + " 100 1 1 0 " + sum + "\n" }
	shardFile := func(prefix, id, sum string) string {
		return "verbatim-export-shard 2 " + prefix + "\narticle " + id + " s\nfile " + sum + " 1 article/" + id + ".html\n"
	}
	top := t.TempDir()
	site := filepath.Join(top, "srv", "verbatim", "site")
	last := filepath.Join(top, "srv", "verbatim", "last")
	cur := head + "file " + a + " 1 index.html\nfile " + b + " 2 web/a b.txt\n" + shard("002", a) + shard("003", b) + shard("004", a)
	files := map[string]string{
		// The last upload: gone (shard 001), same (002) and edited (003).
		filepath.Join(last, "manifest"):              head + "file " + a + " 1 index.html\n" + shard("001", a) + shard("002", a) + shard("003", a),
		filepath.Join(last, "manifest.d", "001"):     shardFile("001", "gone", a),
		filepath.Join(last, "manifest.d", "002"):     shardFile("002", "same", a),
		filepath.Join(last, "manifest.d", "003"):     shardFile("003", "edited", a),
		filepath.Join(site, ".verbatim", "manifest"): cur,
		// This export: same unchanged, edited with new bytes, new (004) added, a web file added.
		filepath.Join(site, ".verbatim", "manifest.d", "002"): shardFile("002", "same", a),
		filepath.Join(site, ".verbatim", "manifest.d", "003"): shardFile("003", "edited", b),
		filepath.Join(site, ".verbatim", "manifest.d", "004"): shardFile("004", "new", a),
	}
	for name, body := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// An unchanged shard is not read: were it, this unreadable copy would fail the script.
	if err := os.Chmod(filepath.Join(last, "manifest.d", "002"), 0); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		// root reads it anyway: the check is the file's content instead, which must not show up.
		if err := os.WriteFile(filepath.Join(last, "manifest.d", "002"), []byte(shardFile("002", "same", b)), 0o644); err != nil {
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
	if !strings.Contains(script, site) {
		t.Fatalf("the script does not cd to /srv/verbatim/site:\n%s", script)
	}
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
	kept, _ := os.ReadFile(filepath.Join(last, "manifest"))
	if string(kept) != cur {
		t.Errorf("the last manifest is not the new one")
	}
	if _, err := os.Stat(filepath.Join(last, "manifest.d", "001")); !os.IsNotExist(err) {
		t.Errorf("the gone shard is still in the last folder: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(last, "manifest.d", "004")); string(got) != shardFile("004", "new", a) {
		t.Errorf("the new shard is not in the last folder: %q", got)
	}
}

func TestSyncScriptRefusesOtherDocuments(t *testing.T) {
	t.Parallel()
	for doc, want := range map[string]string{
		"```sh\nmake build\n```\n": "0 sync scripts",
		"```sh\ncp ../last/manifest x\n```\n```sh\ncat ../last/manifest\n```\n": "2 sync scripts",
	} {
		if _, err := SyncScript([]byte(doc)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want one that says %q", err, want)
		}
	}
}
