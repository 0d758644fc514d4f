// Package components holds Verbatim's go-app user interface: the Reader that renders an
// model.Article block by block and run by run, its speaker legend, quote panel, reader controls and
// keyboard shortcuts, and the library and import views.
//
// It imports go-app and the article package only: no server code, no app package, no syscall/js.
//
// Trust boundary: an Article is untrusted data that went through article.Parse. Its text is only ever
// rendered through app.Text (escaped by go-app on the server and set as text in the browser), never
// app.Raw; every attribute value derived from it passes SafeAttr, because go-app's server prerender
// writes attribute values with strconv.Quote, not HTML escaping.
package components
