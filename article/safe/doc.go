// Package safe is Verbatim's policy for attribute values that come from an article, and the types
// that carry its verdict: URL (href, src, cite), Text (alt, title, aria-label), Encoded (data-*
// text a script reads back exactly), Token (data-* values and classes), ID (element ids), Lang and
// Dir. A value of these types can only be made by
// this package's constructors, which sanitize what they are given or refuse it, so a function that
// takes one cannot be handed an unsanitized string: the UI's element helpers (package components)
// take these types, not strings.
//
// The URL policy is the one of the whole project: the sanitizer (package article, through
// bluemonday) keeps in an article only the URLs Href and Src admit, and the renderer admits them
// again when it writes them, because an Article decoded from JSON (a server's, or the browser's
// store) is data that may have been tampered with.
//
//   - href: absolute http and https URLs with a host and no user name or password, and mailto;
//   - src and cite: absolute http and https URLs likewise;
//   - nothing else: no javascript:, data:, blob:, file: or other scheme, no relative or
//     protocol-relative URL (an article's links must never drive the app's own routes), and none
//     longer than 8 KiB.
//
// data: images are refused in src too, by the sanitizer and the renderer alike. In the articles
// Verbatim reads they are mostly lazy-loading placeholders (a blurred thumbnail or a transparent
// pixel standing in for the real image, which readability already takes from data-src when it can);
// the few real ones can be megabytes, stored in every copy of the Article (the server's JSON, the
// browser's store, the export) and parsed on every load. The reader showed none of them, so
// refusing them costs the reader nothing, and the page's Content-Security-Policy need not allow
// data: in img-src.
//
// Trust boundary: every constructor's input is untrusted. go-app's server prerender writes
// attribute values with strconv.Quote, which is not HTML escaping: a `"` in a value ends the
// attribute and opens a new one. So the String of every value this package makes is printable
// (strconv.IsPrint) and holds no `"`, `\`, `<`, `>` or backtick: strconv.Quote writes it unchanged,
// and it stays one attribute value. Only the app's own constants bypass the sanitizing, through
// IDFromConstant, which takes untyped string constants only.
//
// It imports the standard library and article/model only: the reader's app.wasm links it, and
// must link no parser.
package safe
