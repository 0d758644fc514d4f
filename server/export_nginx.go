package server

import (
	"fmt"
	"strings"
)

// nginxHeaderDir is the export's folder of nginx header snippets. It is a dot-directory, which the
// documented nginx configuration never serves (docs/deploy.md).
const nginxHeaderDir = ".nginx"

// nginxHeaderFiles returns the export's nginx snippets, by file name: for each kind of response, the
// add_header lines of the headers the server sends with it (responseHeaders), nosniff included.
// docs/deploy.md's server block includes them where it serves that kind, so that nginx sends what the
// server sends: the pages' CSP holds the hashes of this build's inline style and script, and the
// embeds' the partners the export was made for, which a hand-written snippet would get wrong.
func (s *Server) nginxHeaderFiles() map[string][]byte {
	hs := &s.headers
	out := make(map[string][]byte)
	for _, k := range []struct {
		name, what string
		set        headerSet
	}{
		{"document", "the reader's pages (/, /library/{n}, /import, /search, /speakers, /speaker/{slug})", hs.page},
		{"article", "the library's article pages (/article/{id}, /article/{id}/q/{n}), public text with no Cross-Origin-Opener-Policy", hs.articlePage},
		{"handoff", "/import?from=bookmarklet, the import page the bookmarklet opens, which keeps its opener (no Cross-Origin-Opener-Policy)", hs.handoffPage},
		{"embed", "the embed pages (/embed/{id}), which the partners frame", hs.embedPage},
		{"resource", "every other file: JSON, wasm, JavaScript, CSS, images, fonts, the manifest", hs.resource},
		{"partner", "the scripts partners' pages load (/embed.js, web/partner/)", hs.partnerResource},
		{"service-worker", "the service worker's script (/app-worker.js), whose CSP governs the worker", hs.serviceWorker},
		{"worker", "the parse worker's script (web/worker/), whose CSP governs the worker", hs.parseWorker},
	} {
		var b strings.Builder
		fmt.Fprintf(&b, "# Written by verbatim export (version %s): the headers of %s.\n", s.version, k.what)
		for _, e := range append(headerSet{{"X-Content-Type-Options", nosniff}}, k.set...) {
			fmt.Fprintf(&b, "add_header %s %q always;\n", e.key, e.value[0])
		}
		out[nginxHeaderDir+"/"+k.name+".conf"] = []byte(b.String())
	}
	return out
}
