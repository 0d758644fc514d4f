// Package deploydoc reads the nginx configuration that docs/deploy.md documents, so that the
// end-to-end test and the benchmarks serve an export exactly as the documentation tells operators to.
//
// Trust boundary: none; it reads the repository's own documentation.
package deploydoc

import (
	"fmt"
	"regexp"
	"strings"
)

// nginxBlock matches a fenced nginx code block of the Markdown.
var nginxBlock = regexp.MustCompile("(?s)```nginx\n(.*?)```")

// Documented values that NginxServer replaces.
const (
	docListen  = "listen 80;"
	docRoot    = "root /srv/verbatim/site;"
	docPartner = "https://news.example"
	docBrotli  = "# brotli_static on;"
)

// Nginx is where and how to serve an export with the documented configuration.
type Nginx struct {
	Listen  string // address for nginx's listen directive, e.g. 127.0.0.1:8081
	Root    string // the export directory
	Partner string // origin that replaces the documented partner; empty keeps it
	Brotli  bool   // turn on brotli_static (needs the ngx_brotli module loaded)
}

// NginxServer returns the server block of doc (docs/deploy.md) for n: the first nginx block, with
// each #HEADERS line replaced by the second block (the headers snippet it stands for). It fails
// when doc does not have exactly those two blocks, or a documented value it replaces is missing.
func NginxServer(doc []byte, n Nginx) (string, error) {
	blocks := nginxBlock.FindAllSubmatch(doc, -1)
	if len(blocks) != 2 {
		return "", fmt.Errorf("deploy.md has %d nginx blocks, want 2 (the server and the headers snippet)", len(blocks))
	}
	server, headers := string(blocks[0][1]), strings.TrimSpace(string(blocks[1][1]))
	for _, want := range []string{"#HEADERS", docListen, docRoot, docBrotli} {
		if !strings.Contains(server, want) {
			return "", fmt.Errorf("deploy.md's server block has no %q", want)
		}
	}
	server = strings.ReplaceAll(server, "#HEADERS", strings.ReplaceAll(headers, "\n", "\n        "))
	server = strings.Replace(server, docListen, "listen "+n.Listen+";", 1)
	server = strings.Replace(server, docRoot, "root "+n.Root+";", 1)
	if n.Partner != "" {
		server = strings.ReplaceAll(server, docPartner, n.Partner)
	}
	if n.Brotli {
		server = strings.Replace(server, docBrotli, "brotli_static on;", 1)
	}
	return server, nil
}
