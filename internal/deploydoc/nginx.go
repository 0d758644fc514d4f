// Package deploydoc reads the nginx configuration and the sync script that docs/deploy.md documents,
// so that the end-to-end test and the benchmarks serve an export exactly as the documentation tells
// operators to, and a test runs the sync script as written.
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
	docListen = "listen 80;"
	docRoot   = "/srv/verbatim/site" // the root, and the folder of the header snippets it includes
	docBrotli = "# brotli_static on;"
	// docInclude is how the block includes the header snippets the export writes (.nginx/).
	docInclude = "include " + docRoot + "/.nginx/"
)

// Nginx is where and how to serve an export with the documented configuration.
type Nginx struct {
	Listen string // address for nginx's listen directive, e.g. 127.0.0.1:8081
	Root   string // the export directory
	Brotli bool   // turn on brotli_static (needs the ngx_brotli module loaded)
}

// NginxServer returns the server block of doc (docs/deploy.md) for n: its one nginx block, with the
// documented root replaced by n.Root everywhere, so that the block serves the export and includes
// the header snippets the export wrote (its .nginx/ folder). It fails when doc does not have exactly
// one nginx block, or a documented value it replaces is missing.
func NginxServer(doc []byte, n Nginx) (string, error) {
	blocks := nginxBlock.FindAllSubmatch(doc, -1)
	if len(blocks) != 1 {
		return "", fmt.Errorf("deploy.md has %d nginx blocks, want 1 (the server block)", len(blocks))
	}
	server := string(blocks[0][1])
	for _, want := range []string{docListen, "root " + docRoot + ";", docInclude, docBrotli} {
		if !strings.Contains(server, want) {
			return "", fmt.Errorf("deploy.md's server block has no %q", want)
		}
	}
	server = strings.Replace(server, docListen, "listen "+n.Listen+";", 1)
	server = strings.ReplaceAll(server, docRoot, n.Root)
	if n.Brotli {
		server = strings.Replace(server, docBrotli, "brotli_static on;", 1)
	}
	return server, nil
}
