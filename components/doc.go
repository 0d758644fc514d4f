// Package components holds Verbatim's go-app user interface: the Reader that renders a
// model.Article block by block and run by run, its speaker legend, quote panel, toolbar, reading
// settings, progress bar and keyboard shortcuts dialog, the app's frame (Frame) and its
// service worker banners. The pages that compose them, the library and import views among them, are in package app.
//
// The Reader is markup only, the same prerendered by the server and rendered by app.wasm: what a
// reader does with it (highlights, the legend's filter, keys, deep links, copy, settings, the
// reading position) is web/page/reader.js's, which finds it by its data- attributes, and saving is
// web/page/offline.js's. Go keeps what must be written once: the markup, the citation of each quote
// (Citation) and the settings' choices (SettingsChoicesJSON). TestReaderHasNoEventHandlers keeps
// event handlers and browser calls out of the package.
//
// It imports go-app, the Article contract (article/model) and the attribute policy (article/safe),
// both standard library only: no parser, no server code, no app package, no syscall/js
// (scripts/deps.sh checks).
//
// Trust boundary: an Article is untrusted data, even one that went through article.Parse: it may
// come from a stored or tampered copy. Its text is only ever rendered through app.Text (escaped by
// go-app on the server and set as text in the browser), never app.Raw. Its attribute values reach
// elements only through the helpers of attr.go (Href, Src, Alt, AriaLabel, Data, Class, ID, Lang,
// Dir…), which take the types of package safe, not strings: go-app's server prerender writes
// attribute values with strconv.Quote, not HTML escaping, and only package safe's constructors make
// a value that stays one attribute. TestUnsanitizedStringDoesNotCompile proves a string does not
// compile there; TestAttributeSettersTakeOnlyConstants keeps go-app's own setters, which take
// strings, to the app's constants everywhere else in the package.
package components
