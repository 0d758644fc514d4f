package deploydoc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNginxServer(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "deploy.md"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := NginxServer(doc, Nginx{Listen: "127.0.0.1:9", Root: "/tmp/site", Partner: "http://127.0.0.1:7", Brotli: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"listen 127.0.0.1:9;", "root /tmp/site;", "frame-ancestors 'self' http://127.0.0.1:7", "\n    brotli_static on;", "add_header X-Frame-Options \"SAMEORIGIN\" always;"} {
		if !strings.Contains(got, want) {
			t.Errorf("the server block has no %q:\n%s", want, got)
		}
	}
	for _, gone := range []string{"#HEADERS", "listen 80;", "/srv/verbatim/site", "news.example", "# brotli_static"} {
		if strings.Contains(got, gone) {
			t.Errorf("the server block still has %q", gone)
		}
	}
}

func TestNginxServerRefusesOtherDocuments(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, doc, want string }{
		{"no block", "# Deploy\n", "0 nginx blocks"},
		{"no headers snippet", "```nginx\nserver {}\n```\n", "1 nginx blocks"},
		{"no listen", "```nginx\nroot /srv/verbatim/site; #HEADERS # brotli_static on;\n```\n```nginx\nadd_header A b;\n```\n", `no "listen 80;"`},
	}
	for _, c := range cases {
		_, err := NginxServer([]byte(c.doc), Nginx{Listen: "x", Root: "y"})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one that says %q", c.name, err, c.want)
		}
	}
}
