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
	got, err := NginxServer(doc, Nginx{Listen: "127.0.0.1:9", Root: "/tmp/site", Brotli: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"listen 127.0.0.1:9;", "root /tmp/site;", "\n    brotli_static on;",
		"include /tmp/site/.nginx/document.conf;", "include /tmp/site/.nginx/article.conf;", "include /tmp/site/.nginx/embed.conf;",
		"include /tmp/site/.nginx/resource.conf;", "include /tmp/site/.nginx/partner.conf;",
		"include /tmp/site/.nginx/service-worker.conf;", "include /tmp/site/.nginx/worker.conf;",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the server block has no %q:\n%s", want, got)
		}
	}
	for _, gone := range []string{"listen 80;", "/srv/verbatim/site", "# brotli_static"} {
		if strings.Contains(got, gone) {
			t.Errorf("the server block still has %q", gone)
		}
	}
	// The document-only headers come from the export's snippets, never from the block itself.
	for _, header := range []string{"Content-Security-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy", "Permissions-Policy"} {
		if strings.Contains(got, "add_header "+header) {
			t.Errorf("the server block sets %s itself, where the export's snippets say which responses get it", header)
		}
	}
}

func TestNginxServerRefusesOtherDocuments(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, doc, want string }{
		{"no block", "# Deploy\n", "0 nginx blocks"},
		{"two blocks", "```nginx\nserver {}\n```\n```nginx\nadd_header A b;\n```\n", "2 nginx blocks"},
		{"no listen", "```nginx\nroot /srv/verbatim/site; include /srv/verbatim/site/.nginx/x.conf; # brotli_static on;\n```\n", `no "listen 80;"`},
		{"no snippets", "```nginx\nlisten 80; root /srv/verbatim/site; # brotli_static on;\n```\n", `no "include /srv/verbatim/site/.nginx/"`},
	}
	for _, c := range cases {
		_, err := NginxServer([]byte(c.doc), Nginx{Listen: "x", Root: "y"})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one that says %q", c.name, err, c.want)
		}
	}
}
