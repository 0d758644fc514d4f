// Package article owns Verbatim's domain: it turns an untrusted news article (plain text, a full HTML
// page, an HTML fragment or Markdown) into a sanitized, structured Article with its quotations and
// speakers.
//
// Trust boundary: everything given to Parse is untrusted. Everything Parse returns is plain text, URLs
// that passed the one sanitizer policy, and offsets; nothing in an Article is HTML meant to be
// rendered raw.
//
// The package is pure Go: the standard library, x/net/html, bluemonday and parsing libraries only.
// It must not import go-app or syscall/js. The server and the browser's parse worker (parse.wasm)
// link it; the reader's app.wasm uses only the data types, from package model, which article
// itself names as model.Article, model.Quote…
package article
