package server

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEmbedScriptsStaySmallAndStoreNothing reads the partner script (web/partner/embed.js, /embed.js)
// and the embed frame's script (web/page/embed-frame.js) as the repository holds them.
func TestEmbedScriptsStaySmallAndStoreNothing(t *testing.T) {
	t.Parallel()
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "web", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	embedJS, embedFrameJS := read(partnerScriptFile), read(embedFrameFile)
	if n := len(embedJS); n >= 3584 {
		t.Errorf("embed.js is %d bytes, want under 3.5 KB", n)
	}
	for name, js := range map[string]string{"embed.js": string(embedJS), "embed-frame.js": string(embedFrameJS)} {
		for _, banned := range []string{"document.cookie", "localStorage", "sessionStorage", "indexedDB", "serviceWorker", "innerHTML", "eval("} {
			if strings.Contains(js, banned) {
				t.Errorf("%s uses %s", name, banned)
			}
		}
	}
	// Every postMessage names its target origin; none posts to "*".
	posts := regexp.MustCompile(`postMessage\(([^;]*)\)`).FindAllStringSubmatch(string(embedFrameJS), -1)
	if len(posts) == 0 {
		t.Fatalf("embed-frame.js posts no message")
	}
	for _, p := range posts {
		if strings.Contains(p[1], `"*"`) || strings.Contains(p[1], `'*'`) || !strings.HasSuffix(strings.TrimSpace(p[1]), "target") {
			t.Errorf("embed-frame.js posts with %q, want the checked target origin", p[1])
		}
	}
	// embed.js checks the sender's origin and window before it resizes anything.
	for _, want := range []string{"e.origin !== reader", "contentWindow === e.source", `d.type !== "verbatim:height"`, `loading = "lazy"`, ".title ="} {
		if !strings.Contains(string(embedJS), want) {
			t.Errorf("embed.js lacks %s", want)
		}
	}
}
