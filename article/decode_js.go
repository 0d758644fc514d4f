package article

// decodePage repairs a page that is not valid UTF-8, as repairUTF8 does, in the browser build.
//
// The browser hands Parse JavaScript strings (pasted text, File.text()), which arrive as valid
// UTF-8, so this function is never reached there; linking golang.org/x/net/html/charset for it
// would add every legacy encoding's tables to app.wasm. The server and the CLI decode a legacy
// page from the charset it declares (decode.go).
func decodePage(data []byte) string { return repairUTF8(data) }
